-- The SQL of CorrectionRepository (api/src/*/correction.repository.ts), written by `pnpm sql:write`: do not edit.
-- Each statement runs with the parameters shown; "today" is 2026-01-15.

-- CorrectionRepository.publicCorrections — any viewer
-- params: ["2026-01-15","异议成立，原检验结论撤回，不再作为不合格产品公布。（003 Art. 13–14）","复检结论为合格，复检结论为最终结论并替代原结论，不再作为不合格产品公布。（003 Art. 11）","已受理异议或复检，处理期间暂不作为不合格产品公布。（003 Art. 7–15）",21]
SELECT
  cn.*
FROM
  (
    SELECT
      cn.id AS "dbId",
      cn.record_type AS "recordType",
      cn.record_id AS "recordId",
      cn.record_number AS "recordNumber",
      cn.kind,
      cn.published,
      cn.changes,
      cn.still_public AS "stillPublic",
      cn.batch_id AS "batchId",
      cn.reason AS "bureauReason",
      cn.explanation,
      cn.effective_on AS since,
      cn.recorded_on AS "recordedOn"
    FROM
      correction_notice cn
    UNION ALL
    SELECT
      - sc.id AS "dbId",
      'spot_check' AS "recordType",
      sc.id AS "recordId",
      sc.report_no AS "recordNumber",
      CASE now_.status
        WHEN 'withdrawn' THEN 'withdrawn'
        WHEN 'passed' THEN 'overturned'
        ELSE 'reopened'
      END AS kind,
      jsonb_build_object(
        'reportNo',
        sc.report_no,
        'productCategory',
        sc.product_category,
        'productName',
        sc.product_name,
        'trademark',
        sc.trademark,
        'modelSpec',
        sc.model_spec,
        'productionBatch',
        sc.production_batch,
        'reportDate',
        sc.report_date,
        'conclusion',
        'fail'
      ) AS published,
      '[]'::jsonb AS changes,
      false AS "stillPublic",
      coalesce(sc.last_batch_id, sc.batch_id) AS "batchId",
      NULL::text AS "bureauReason",
      CASE now_.status
        WHEN 'withdrawn' THEN $2
        WHEN 'passed' THEN $3
        ELSE $4
      END AS explanation,
      now_.valid_from AS since,
      now_.valid_from AS "recordedOn"
    FROM
      spot_check sc
      LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
      AND now_.valid_from <= $1::date
      AND (
        now_.valid_until IS NULL
        OR now_.valid_until > $1::date
      )
    WHERE
      now_.correction IS TRUE
      AND NOT EXISTS (
        SELECT
          1
        FROM
          correction_notice n
        WHERE
          n.record_type = 'spot_check'
          AND n.record_id = sc.id
      )
  ) cn
ORDER BY
  cn."recordedOn" DESC,
  cn."dbId" DESC
LIMIT
  $5;

-- params: ["2026-01-15","异议成立，原检验结论撤回，不再作为不合格产品公布。（003 Art. 13–14）","复检结论为合格，复检结论为最终结论并替代原结论，不再作为不合格产品公布。（003 Art. 11）","已受理异议或复检，处理期间暂不作为不合格产品公布。（003 Art. 7–15）"]
SELECT
  count(*) AS n
FROM
  (
    SELECT
      cn.id AS "dbId",
      cn.record_type AS "recordType",
      cn.record_id AS "recordId",
      cn.record_number AS "recordNumber",
      cn.kind,
      cn.published,
      cn.changes,
      cn.still_public AS "stillPublic",
      cn.batch_id AS "batchId",
      cn.reason AS "bureauReason",
      cn.explanation,
      cn.effective_on AS since,
      cn.recorded_on AS "recordedOn"
    FROM
      correction_notice cn
    UNION ALL
    SELECT
      - sc.id AS "dbId",
      'spot_check' AS "recordType",
      sc.id AS "recordId",
      sc.report_no AS "recordNumber",
      CASE now_.status
        WHEN 'withdrawn' THEN 'withdrawn'
        WHEN 'passed' THEN 'overturned'
        ELSE 'reopened'
      END AS kind,
      jsonb_build_object(
        'reportNo',
        sc.report_no,
        'productCategory',
        sc.product_category,
        'productName',
        sc.product_name,
        'trademark',
        sc.trademark,
        'modelSpec',
        sc.model_spec,
        'productionBatch',
        sc.production_batch,
        'reportDate',
        sc.report_date,
        'conclusion',
        'fail'
      ) AS published,
      '[]'::jsonb AS changes,
      false AS "stillPublic",
      coalesce(sc.last_batch_id, sc.batch_id) AS "batchId",
      NULL::text AS "bureauReason",
      CASE now_.status
        WHEN 'withdrawn' THEN $2
        WHEN 'passed' THEN $3
        ELSE $4
      END AS explanation,
      now_.valid_from AS since,
      now_.valid_from AS "recordedOn"
    FROM
      spot_check sc
      LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
      AND now_.valid_from <= $1::date
      AND (
        now_.valid_until IS NULL
        OR now_.valid_until > $1::date
      )
    WHERE
      now_.correction IS TRUE
      AND NOT EXISTS (
        SELECT
          1
        FROM
          correction_notice n
        WHERE
          n.record_type = 'spot_check'
          AND n.record_id = sc.id
      )
  ) cn;

-- CorrectionRepository.recordCorrections — anonymous
-- params: ["2026-01-15",21]
SELECT
  ch.batch_id AS "batchId",
  ch.record_type AS "recordType",
  ch.record_id AS "recordId",
  ch.change,
  ch.version,
  ch.reason,
  ch.at,
  ch.seq::float8 AS "dbId",
  ch.spot_check_id::text AS "parentSpotCheckId"
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
      h.id AS seq,
      CASE h.table_name
        WHEN 'spot_check' THEN h.record_id::int
        WHEN 'nonconforming_item' THEN (h.data ->> 'spot_check_id')::int
        WHEN 'case_event' THEN (h.data ->> 'spot_check_id')::int
      END AS spot_check_id,
      CASE h.table_name
        WHEN 'enterprise' THEN h.record_id::int
        WHEN 'trademark' THEN (h.data ->> 'enterprise_id')::int
      END AS enterprise_id
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
      - (x.kind_no::bigint * 1099511627776 + x.record_id),
      x.spot_check_id,
      x.enterprise_id
    FROM
      batch b
      CROSS JOIN LATERAL (
        SELECT
          1 AS kind_no,
          'spot_check' AS record_type,
          id AS record_id,
          id AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          spot_check
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          2 AS kind_no,
          'certified_item' AS record_type,
          id AS record_id,
          NULL::int AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          certified_item
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          3 AS kind_no,
          'revocation' AS record_type,
          id AS record_id,
          NULL::int AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          revocation
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          4 AS kind_no,
          'consumer_warning' AS record_type,
          id AS record_id,
          NULL::int AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          consumer_warning
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          5 AS kind_no,
          'case_event' AS record_type,
          id AS record_id,
          spot_check_id AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          case_event
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          6 AS kind_no,
          'cultivation_entry' AS record_type,
          id AS record_id,
          NULL::int AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          cultivation_entry
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          7 AS kind_no,
          'standard_evaluation' AS record_type,
          id AS record_id,
          NULL::int AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          standard_evaluation
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          8 AS kind_no,
          'self_report' AS record_type,
          id AS record_id,
          NULL::int AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          self_report
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          9 AS kind_no,
          'rectification_notice' AS record_type,
          id AS record_id,
          NULL::int AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          rectification_notice
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          10 AS kind_no,
          'enterprise' AS record_type,
          id AS record_id,
          NULL::int AS spot_check_id,
          id AS enterprise_id
        FROM
          enterprise
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          11 AS kind_no,
          'nonconforming_item' AS record_type,
          id AS record_id,
          spot_check_id AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          nonconforming_item
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          12 AS kind_no,
          'trademark' AS record_type,
          id AS record_id,
          NULL::int AS spot_check_id,
          enterprise_id AS enterprise_id
        FROM
          trademark
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          13 AS kind_no,
          'logo_authorisation' AS record_type,
          id AS record_id,
          NULL::int AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          logo_authorisation
        WHERE
          batch_id = b.id
      ) x
    WHERE
      b.status = 'published'
  ) ch
WHERE
  CASE
    WHEN ch.spot_check_id IS NOT NULL
    OR ch.record_type IN ('spot_check', 'nonconforming_item', 'case_event') THEN EXISTS (
      SELECT
        1
      FROM
        spot_check sc
        LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
        AND now_.valid_from <= $1::date
        AND (
          now_.valid_until IS NULL
          OR now_.valid_until > $1::date
        )
      WHERE
        sc.id = ch.spot_check_id
        AND (
          now_.published
          OR (
            now_.correction IS TRUE
            OR EXISTS (
              SELECT
                1
              FROM
                correction_notice cn
              WHERE
                cn.record_type = 'spot_check'
                AND cn.record_id = sc.id
            )
          )
        )
    )
    WHEN ch.enterprise_id IS NOT NULL
    OR ch.record_type IN ('enterprise', 'trademark') THEN EXISTS (
      SELECT
        1
      FROM
        enterprise e
      WHERE
        e.id = ch.enterprise_id
        AND (
          EXISTS (
            SELECT
              1
            FROM
              certified_item ci
            WHERE
              ci.enterprise_id = e.id
          )
          OR EXISTS (
            SELECT
              1
            FROM
              cultivation_entry ce
            WHERE
              ce.enterprise_id = e.id
          )
          OR EXISTS (
            SELECT
              1
            FROM
              standard_evaluation se
            WHERE
              se.enterprise_id = e.id
          )
          OR EXISTS (
            SELECT
              1
            FROM
              logo_authorisation la
            WHERE
              la.enterprise_id = e.id
          )
          OR EXISTS (
            SELECT
              1
            FROM
              revocation r
            WHERE
              r.enterprise_id = e.id
          )
          OR EXISTS (
            SELECT
              1
            FROM
              spot_check sc
              LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
              AND now_.valid_from <= $1::date
              AND (
                now_.valid_until IS NULL
                OR now_.valid_until > $1::date
              )
            WHERE
              (
                sc.producer_id = e.id
                OR sc.sampled_unit_id = e.id
              )
              AND now_.published
              AND now_.identity_public IS TRUE
          )
        )
    )
    ELSE true
  END
  AND ch.change <> 'added'
ORDER BY
  ch.seq DESC,
  ch.seq DESC
LIMIT
  $2;

-- params: ["2026-01-15"]
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
      h.id AS seq,
      CASE h.table_name
        WHEN 'spot_check' THEN h.record_id::int
        WHEN 'nonconforming_item' THEN (h.data ->> 'spot_check_id')::int
        WHEN 'case_event' THEN (h.data ->> 'spot_check_id')::int
      END AS spot_check_id,
      CASE h.table_name
        WHEN 'enterprise' THEN h.record_id::int
        WHEN 'trademark' THEN (h.data ->> 'enterprise_id')::int
      END AS enterprise_id
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
      - (x.kind_no::bigint * 1099511627776 + x.record_id),
      x.spot_check_id,
      x.enterprise_id
    FROM
      batch b
      CROSS JOIN LATERAL (
        SELECT
          1 AS kind_no,
          'spot_check' AS record_type,
          id AS record_id,
          id AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          spot_check
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          2 AS kind_no,
          'certified_item' AS record_type,
          id AS record_id,
          NULL::int AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          certified_item
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          3 AS kind_no,
          'revocation' AS record_type,
          id AS record_id,
          NULL::int AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          revocation
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          4 AS kind_no,
          'consumer_warning' AS record_type,
          id AS record_id,
          NULL::int AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          consumer_warning
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          5 AS kind_no,
          'case_event' AS record_type,
          id AS record_id,
          spot_check_id AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          case_event
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          6 AS kind_no,
          'cultivation_entry' AS record_type,
          id AS record_id,
          NULL::int AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          cultivation_entry
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          7 AS kind_no,
          'standard_evaluation' AS record_type,
          id AS record_id,
          NULL::int AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          standard_evaluation
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          8 AS kind_no,
          'self_report' AS record_type,
          id AS record_id,
          NULL::int AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          self_report
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          9 AS kind_no,
          'rectification_notice' AS record_type,
          id AS record_id,
          NULL::int AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          rectification_notice
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          10 AS kind_no,
          'enterprise' AS record_type,
          id AS record_id,
          NULL::int AS spot_check_id,
          id AS enterprise_id
        FROM
          enterprise
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          11 AS kind_no,
          'nonconforming_item' AS record_type,
          id AS record_id,
          spot_check_id AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          nonconforming_item
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          12 AS kind_no,
          'trademark' AS record_type,
          id AS record_id,
          NULL::int AS spot_check_id,
          enterprise_id AS enterprise_id
        FROM
          trademark
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          13 AS kind_no,
          'logo_authorisation' AS record_type,
          id AS record_id,
          NULL::int AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          logo_authorisation
        WHERE
          batch_id = b.id
      ) x
    WHERE
      b.status = 'published'
  ) ch
WHERE
  CASE
    WHEN ch.spot_check_id IS NOT NULL
    OR ch.record_type IN ('spot_check', 'nonconforming_item', 'case_event') THEN EXISTS (
      SELECT
        1
      FROM
        spot_check sc
        LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
        AND now_.valid_from <= $1::date
        AND (
          now_.valid_until IS NULL
          OR now_.valid_until > $1::date
        )
      WHERE
        sc.id = ch.spot_check_id
        AND (
          now_.published
          OR (
            now_.correction IS TRUE
            OR EXISTS (
              SELECT
                1
              FROM
                correction_notice cn
              WHERE
                cn.record_type = 'spot_check'
                AND cn.record_id = sc.id
            )
          )
        )
    )
    WHEN ch.enterprise_id IS NOT NULL
    OR ch.record_type IN ('enterprise', 'trademark') THEN EXISTS (
      SELECT
        1
      FROM
        enterprise e
      WHERE
        e.id = ch.enterprise_id
        AND (
          EXISTS (
            SELECT
              1
            FROM
              certified_item ci
            WHERE
              ci.enterprise_id = e.id
          )
          OR EXISTS (
            SELECT
              1
            FROM
              cultivation_entry ce
            WHERE
              ce.enterprise_id = e.id
          )
          OR EXISTS (
            SELECT
              1
            FROM
              standard_evaluation se
            WHERE
              se.enterprise_id = e.id
          )
          OR EXISTS (
            SELECT
              1
            FROM
              logo_authorisation la
            WHERE
              la.enterprise_id = e.id
          )
          OR EXISTS (
            SELECT
              1
            FROM
              revocation r
            WHERE
              r.enterprise_id = e.id
          )
          OR EXISTS (
            SELECT
              1
            FROM
              spot_check sc
              LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
              AND now_.valid_from <= $1::date
              AND (
                now_.valid_until IS NULL
                OR now_.valid_until > $1::date
              )
            WHERE
              (
                sc.producer_id = e.id
                OR sc.sampled_unit_id = e.id
              )
              AND now_.published
              AND now_.identity_public IS TRUE
          )
        )
    )
    ELSE true
  END
  AND ch.change <> 'added';

-- CorrectionRepository.recordCorrections — bureau
-- params: ["2026-01-15",21]
SELECT
  ch.batch_id AS "batchId",
  ch.record_type AS "recordType",
  ch.record_id AS "recordId",
  ch.change,
  ch.version,
  ch.reason,
  ch.at,
  ch.seq::float8 AS "dbId",
  ch.spot_check_id::text AS "parentSpotCheckId"
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
      h.id AS seq,
      CASE h.table_name
        WHEN 'spot_check' THEN h.record_id::int
        WHEN 'nonconforming_item' THEN (h.data ->> 'spot_check_id')::int
        WHEN 'case_event' THEN (h.data ->> 'spot_check_id')::int
      END AS spot_check_id,
      CASE h.table_name
        WHEN 'enterprise' THEN h.record_id::int
        WHEN 'trademark' THEN (h.data ->> 'enterprise_id')::int
      END AS enterprise_id
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
      - (x.kind_no::bigint * 1099511627776 + x.record_id),
      x.spot_check_id,
      x.enterprise_id
    FROM
      batch b
      CROSS JOIN LATERAL (
        SELECT
          1 AS kind_no,
          'spot_check' AS record_type,
          id AS record_id,
          id AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          spot_check
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          2 AS kind_no,
          'certified_item' AS record_type,
          id AS record_id,
          NULL::int AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          certified_item
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          3 AS kind_no,
          'revocation' AS record_type,
          id AS record_id,
          NULL::int AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          revocation
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          4 AS kind_no,
          'consumer_warning' AS record_type,
          id AS record_id,
          NULL::int AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          consumer_warning
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          5 AS kind_no,
          'case_event' AS record_type,
          id AS record_id,
          spot_check_id AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          case_event
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          6 AS kind_no,
          'cultivation_entry' AS record_type,
          id AS record_id,
          NULL::int AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          cultivation_entry
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          7 AS kind_no,
          'standard_evaluation' AS record_type,
          id AS record_id,
          NULL::int AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          standard_evaluation
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          8 AS kind_no,
          'self_report' AS record_type,
          id AS record_id,
          NULL::int AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          self_report
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          9 AS kind_no,
          'rectification_notice' AS record_type,
          id AS record_id,
          NULL::int AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          rectification_notice
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          10 AS kind_no,
          'enterprise' AS record_type,
          id AS record_id,
          NULL::int AS spot_check_id,
          id AS enterprise_id
        FROM
          enterprise
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          11 AS kind_no,
          'nonconforming_item' AS record_type,
          id AS record_id,
          spot_check_id AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          nonconforming_item
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          12 AS kind_no,
          'trademark' AS record_type,
          id AS record_id,
          NULL::int AS spot_check_id,
          enterprise_id AS enterprise_id
        FROM
          trademark
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          13 AS kind_no,
          'logo_authorisation' AS record_type,
          id AS record_id,
          NULL::int AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          logo_authorisation
        WHERE
          batch_id = b.id
      ) x
    WHERE
      b.status = 'published'
  ) ch
WHERE
  $1::date IS NOT NULL
  AND ch.change <> 'added'
ORDER BY
  ch.seq DESC,
  ch.seq DESC
LIMIT
  $2;

-- params: ["2026-01-15"]
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
      h.id AS seq,
      CASE h.table_name
        WHEN 'spot_check' THEN h.record_id::int
        WHEN 'nonconforming_item' THEN (h.data ->> 'spot_check_id')::int
        WHEN 'case_event' THEN (h.data ->> 'spot_check_id')::int
      END AS spot_check_id,
      CASE h.table_name
        WHEN 'enterprise' THEN h.record_id::int
        WHEN 'trademark' THEN (h.data ->> 'enterprise_id')::int
      END AS enterprise_id
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
      - (x.kind_no::bigint * 1099511627776 + x.record_id),
      x.spot_check_id,
      x.enterprise_id
    FROM
      batch b
      CROSS JOIN LATERAL (
        SELECT
          1 AS kind_no,
          'spot_check' AS record_type,
          id AS record_id,
          id AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          spot_check
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          2 AS kind_no,
          'certified_item' AS record_type,
          id AS record_id,
          NULL::int AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          certified_item
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          3 AS kind_no,
          'revocation' AS record_type,
          id AS record_id,
          NULL::int AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          revocation
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          4 AS kind_no,
          'consumer_warning' AS record_type,
          id AS record_id,
          NULL::int AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          consumer_warning
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          5 AS kind_no,
          'case_event' AS record_type,
          id AS record_id,
          spot_check_id AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          case_event
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          6 AS kind_no,
          'cultivation_entry' AS record_type,
          id AS record_id,
          NULL::int AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          cultivation_entry
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          7 AS kind_no,
          'standard_evaluation' AS record_type,
          id AS record_id,
          NULL::int AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          standard_evaluation
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          8 AS kind_no,
          'self_report' AS record_type,
          id AS record_id,
          NULL::int AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          self_report
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          9 AS kind_no,
          'rectification_notice' AS record_type,
          id AS record_id,
          NULL::int AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          rectification_notice
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          10 AS kind_no,
          'enterprise' AS record_type,
          id AS record_id,
          NULL::int AS spot_check_id,
          id AS enterprise_id
        FROM
          enterprise
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          11 AS kind_no,
          'nonconforming_item' AS record_type,
          id AS record_id,
          spot_check_id AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          nonconforming_item
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          12 AS kind_no,
          'trademark' AS record_type,
          id AS record_id,
          NULL::int AS spot_check_id,
          enterprise_id AS enterprise_id
        FROM
          trademark
        WHERE
          batch_id = b.id
        UNION ALL
        SELECT
          13 AS kind_no,
          'logo_authorisation' AS record_type,
          id AS record_id,
          NULL::int AS spot_check_id,
          NULL::int AS enterprise_id
        FROM
          logo_authorisation
        WHERE
          batch_id = b.id
      ) x
    WHERE
      b.status = 'published'
  ) ch
WHERE
  $1::date IS NOT NULL
  AND ch.change <> 'added';
