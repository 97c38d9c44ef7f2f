-- The SQL of BatchRepository (api/src/*/batch.repository.ts), written by `pnpm sql:write`: do not edit.
-- Each statement runs with the parameters shown; "today" is 2026-01-15.

-- BatchRepository.list (every batch) — anonymous
-- params: ["2026-01-15",21]
SELECT
  b.id AS "dbId",
  b.kind,
  b.title,
  b.status,
  b.is_sample AS "isSample",
  b.source_file_name AS "sourceFileName",
  b.imported_at AS "importedAt",
  b.published_at AS "publishedAt",
  greatest(
    0,
    b.row_count - (
      (
        SELECT
          count(*)
        FROM
          spot_check sc
          LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
          AND now_.valid_from <= $1::date
          AND (
            now_.valid_until IS NULL
            OR now_.valid_until > $1::date
          )
        WHERE
          sc.batch_id = b.id
          AND NOT coalesce(now_.counted IS TRUE, false)
      ) + (
        SELECT
          count(*)
        FROM
          case_event ev
          JOIN spot_check sc
          LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
          AND now_.valid_from <= $1::date
          AND (
            now_.valid_until IS NULL
            OR now_.valid_until > $1::date
          ) ON sc.id = ev.spot_check_id
        WHERE
          ev.batch_id = b.id
          AND NOT coalesce(now_.published IS TRUE, false)
      )
    )
  )::int AS "rowCount",
  NULL::jsonb AS summary
FROM
  batch b
WHERE
  $1::date IS NOT NULL
  AND b.status = 'published'
ORDER BY
  b.id DESC,
  b.id DESC
LIMIT
  $2;

-- params: ["2026-01-15"]
SELECT
  count(*) AS n
FROM
  batch b
WHERE
  $1::date IS NOT NULL
  AND b.status = 'published';

-- BatchRepository.list (every batch) — bureau
-- params: ["2026-01-15",21]
SELECT
  b.id AS "dbId",
  b.kind,
  b.title,
  b.status,
  b.is_sample AS "isSample",
  b.source_file_name AS "sourceFileName",
  b.imported_at AS "importedAt",
  b.published_at AS "publishedAt",
  b.row_count AS "rowCount",
  b.summary
FROM
  batch b
WHERE
  $1::date IS NOT NULL
ORDER BY
  b.id DESC,
  b.id DESC
LIMIT
  $2;

-- params: ["2026-01-15"]
SELECT
  count(*) AS n
FROM
  batch b
WHERE
  $1::date IS NOT NULL;

-- BatchRepository.list (by status) — anonymous
-- params: ["2026-01-15","draft",21]
SELECT
  b.id AS "dbId",
  b.kind,
  b.title,
  b.status,
  b.is_sample AS "isSample",
  b.source_file_name AS "sourceFileName",
  b.imported_at AS "importedAt",
  b.published_at AS "publishedAt",
  greatest(
    0,
    b.row_count - (
      (
        SELECT
          count(*)
        FROM
          spot_check sc
          LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
          AND now_.valid_from <= $1::date
          AND (
            now_.valid_until IS NULL
            OR now_.valid_until > $1::date
          )
        WHERE
          sc.batch_id = b.id
          AND NOT coalesce(now_.counted IS TRUE, false)
      ) + (
        SELECT
          count(*)
        FROM
          case_event ev
          JOIN spot_check sc
          LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
          AND now_.valid_from <= $1::date
          AND (
            now_.valid_until IS NULL
            OR now_.valid_until > $1::date
          ) ON sc.id = ev.spot_check_id
        WHERE
          ev.batch_id = b.id
          AND NOT coalesce(now_.published IS TRUE, false)
      )
    )
  )::int AS "rowCount",
  NULL::jsonb AS summary
FROM
  batch b
WHERE
  $1::date IS NOT NULL
  AND b.status = 'published'
  AND b.status = $2
ORDER BY
  b.id DESC,
  b.id DESC
LIMIT
  $3;

-- params: ["2026-01-15","draft"]
SELECT
  count(*) AS n
FROM
  batch b
WHERE
  $1::date IS NOT NULL
  AND b.status = 'published'
  AND b.status = $2;

-- BatchRepository.list (by status) — bureau
-- params: ["2026-01-15","draft",21]
SELECT
  b.id AS "dbId",
  b.kind,
  b.title,
  b.status,
  b.is_sample AS "isSample",
  b.source_file_name AS "sourceFileName",
  b.imported_at AS "importedAt",
  b.published_at AS "publishedAt",
  b.row_count AS "rowCount",
  b.summary
FROM
  batch b
WHERE
  $1::date IS NOT NULL
  AND b.status = $2
ORDER BY
  b.id DESC,
  b.id DESC
LIMIT
  $3;

-- params: ["2026-01-15","draft"]
SELECT
  count(*) AS n
FROM
  batch b
WHERE
  $1::date IS NOT NULL
  AND b.status = $2;

-- BatchRepository.changes — any viewer
-- params: ["2026-01-01T00:00:00.000Z",21]
SELECT
  ch.batch_id AS "batchId",
  ch.record_type AS "recordType",
  ch.record_id AS "recordId",
  ch.change,
  ch.version,
  ch.reason,
  ch.at,
  ch.seq AS "dbId"
FROM
  (
    SELECT
      b.id AS batch_id,
      h.table_name AS record_type,
      h.record_id,
      CASE h.operation
        WHEN 'update' THEN 'corrected'
        ELSE 'removed'
      END AS change,
      CASE
        WHEN h.operation = 'update' THEN h.version + 1
        ELSE h.version
      END AS version,
      h.reason,
      b.published_at AS at,
      h.id AS seq
    FROM
      record_history h
      JOIN batch b ON b.id = h.batch_id
    WHERE
      b.status = 'published'
      AND h.operation IN ('update', 'delete')
      AND h.table_name NOT IN ('revocation_item', 'warning_spot_check')
    UNION ALL
    SELECT
      b.id,
      x.record_type,
      x.record_id::text,
      'added',
      1,
      NULL,
      b.published_at,
      - (x.table_no * 1000000000 + x.record_id)
    FROM
      batch b
      CROSS JOIN LATERAL (
        SELECT
          1 AS table_no,
          'spot_check' AS record_type,
          id AS record_id
        FROM
          spot_check
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          2,
          'certified_item',
          id
        FROM
          certified_item
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          3,
          'revocation',
          id
        FROM
          revocation
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          4,
          'consumer_warning',
          id
        FROM
          consumer_warning
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          5,
          'case_event',
          id
        FROM
          case_event
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          6,
          'cultivation_entry',
          id
        FROM
          cultivation_entry
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          7,
          'standard_evaluation',
          id
        FROM
          standard_evaluation
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          8,
          'self_report',
          id
        FROM
          self_report
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          9,
          'rectification_notice',
          id
        FROM
          rectification_notice
        WHERE
          batch_id = b.id
      ) x
    WHERE
      b.status = 'published'
  ) ch
WHERE
  ch.at > $1
ORDER BY
  ch.batch_id ASC,
  ch.seq ASC
LIMIT
  $2;

-- params: ["2026-01-01T00:00:00.000Z"]
SELECT
  count(*) AS n
FROM
  (
    SELECT
      b.id AS batch_id,
      h.table_name AS record_type,
      h.record_id,
      CASE h.operation
        WHEN 'update' THEN 'corrected'
        ELSE 'removed'
      END AS change,
      CASE
        WHEN h.operation = 'update' THEN h.version + 1
        ELSE h.version
      END AS version,
      h.reason,
      b.published_at AS at,
      h.id AS seq
    FROM
      record_history h
      JOIN batch b ON b.id = h.batch_id
    WHERE
      b.status = 'published'
      AND h.operation IN ('update', 'delete')
      AND h.table_name NOT IN ('revocation_item', 'warning_spot_check')
    UNION ALL
    SELECT
      b.id,
      x.record_type,
      x.record_id::text,
      'added',
      1,
      NULL,
      b.published_at,
      - (x.table_no * 1000000000 + x.record_id)
    FROM
      batch b
      CROSS JOIN LATERAL (
        SELECT
          1 AS table_no,
          'spot_check' AS record_type,
          id AS record_id
        FROM
          spot_check
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          2,
          'certified_item',
          id
        FROM
          certified_item
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          3,
          'revocation',
          id
        FROM
          revocation
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          4,
          'consumer_warning',
          id
        FROM
          consumer_warning
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          5,
          'case_event',
          id
        FROM
          case_event
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          6,
          'cultivation_entry',
          id
        FROM
          cultivation_entry
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          7,
          'standard_evaluation',
          id
        FROM
          standard_evaluation
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          8,
          'self_report',
          id
        FROM
          self_report
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          9,
          'rectification_notice',
          id
        FROM
          rectification_notice
        WHERE
          batch_id = b.id
      ) x
    WHERE
      b.status = 'published'
  ) ch
WHERE
  ch.at > $1;

-- BatchRepository.byId — anonymous
-- params: [[1],"2026-01-15"]
SELECT
  b.id AS "dbId",
  b.kind,
  b.title,
  b.status,
  b.is_sample AS "isSample",
  b.source_file_name AS "sourceFileName",
  b.imported_at AS "importedAt",
  b.published_at AS "publishedAt",
  greatest(
    0,
    b.row_count - (
      (
        SELECT
          count(*)
        FROM
          spot_check sc
          LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
          AND now_.valid_from <= $2::date
          AND (
            now_.valid_until IS NULL
            OR now_.valid_until > $2::date
          )
        WHERE
          sc.batch_id = b.id
          AND NOT coalesce(now_.counted IS TRUE, false)
      ) + (
        SELECT
          count(*)
        FROM
          case_event ev
          JOIN spot_check sc
          LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
          AND now_.valid_from <= $2::date
          AND (
            now_.valid_until IS NULL
            OR now_.valid_until > $2::date
          ) ON sc.id = ev.spot_check_id
        WHERE
          ev.batch_id = b.id
          AND NOT coalesce(now_.published IS TRUE, false)
      )
    )
  )::int AS "rowCount",
  NULL::jsonb AS summary
FROM
  batch b
WHERE
  b.id = ANY ($1)
  AND b.status = 'published';

-- BatchRepository.byId — bureau
-- params: [[1]]
SELECT
  b.id AS "dbId",
  b.kind,
  b.title,
  b.status,
  b.is_sample AS "isSample",
  b.source_file_name AS "sourceFileName",
  b.imported_at AS "importedAt",
  b.published_at AS "publishedAt",
  b.row_count AS "rowCount",
  b.summary
FROM
  batch b
WHERE
  b.id = ANY ($1);

-- BatchRepository.introducing — any viewer
-- params: [[1]]
SELECT
  id,
  batch_id AS "batchId"
FROM
  spot_check
WHERE
  id = ANY ($1);
