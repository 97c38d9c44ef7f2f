-- The SQL of SpotCheckRepository (api/src/*/spot-check.repository.ts), written by `pnpm sql:write`: do not edit.
-- Each statement runs with the parameters shown; "today" is 2026-01-15.

-- SpotCheckRepository.list (first page) — anonymous
-- params: ["2026-01-15",21]
SELECT
  sc.id AS "dbId",
  sc.report_no AS "reportNo",
  sc.check_type AS "checkType",
  sc.task_name AS "taskName",
  sc.product_category AS "productCategory",
  sc.product_name AS "productName",
  sc.trademark,
  sc.model_spec AS "modelSpec",
  sc.production_batch AS "productionBatch",
  sc.production_date AS "productionDate",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.producer_id
  END AS "producerId",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.producer_name
  END AS "producerName",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.producer_address
  END AS "producerAddress",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.sampled_unit_id
  END AS "sampledUnitId",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.sampled_unit_name
  END AS "sampledUnitName",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.sampled_unit_address
  END AS "sampledUnitAddress",
  sc.sampling_stage AS "samplingStage",
  sc.platform,
  sc.sampled_on AS "sampledOn",
  sc.sampling_agency AS "samplingAgency",
  sc.testing_agency AS "testingAgency",
  sc.report_date AS "reportDate",
  sc.conclusion,
  sc.severity,
  sc.main_problem AS "mainProblem",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.certified_item_id
  END AS "certifiedItemId",
  sc.city_code AS "cityCode",
  sc.version,
  coalesce(now_.published, false) AS published,
  now_.identity_public IS TRUE AS "identityPublic",
  now_.identity_basis AS "identityBasis",
  (
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
  ) AS correction,
  now_.status AS "periodStatus",
  now_.effective_conclusion AS "effectiveConclusion",
  CASE
    WHEN now_.spot_check_id IS NOT NULL THEN coalesce(
      (
        SELECT
          max(x.valid_until)
        FROM
          case_period x
        WHERE
          x.spot_check_id = now_.spot_check_id
          AND x.valid_from < now_.valid_from
          AND x.status <> now_.status
      ),
      (
        SELECT
          min(x.valid_from)
        FROM
          case_period x
        WHERE
          x.spot_check_id = now_.spot_check_id
      )
    )
  END AS "statusSince",
  CASE
    WHEN now_.published THEN greatest(
      coalesce(
        (
          SELECT
            max(x.valid_until)
          FROM
            case_period x
          WHERE
            x.spot_check_id = now_.spot_check_id
            AND x.valid_from < now_.valid_from
            AND x.published IS NOT TRUE
        ),
        (
          SELECT
            min(x.valid_from)
          FROM
            case_period x
          WHERE
            x.spot_check_id = now_.spot_check_id
        )
      ),
      (
        SELECT
          (b.published_at AT TIME ZONE 'Asia/Shanghai')::date
        FROM
          batch b
        WHERE
          b.id = sc.batch_id
      )
    )
  END AS "publicSince",
  coalesce(
    (
      SELECT
        json_agg(
          json_build_object(
            'seq',
            ni.seq,
            'item',
            ni.item,
            'requirement',
            ni.requirement,
            'measured',
            ni.measured
          )
          ORDER BY
            ni.seq
        )
      FROM
        nonconforming_item ni
      WHERE
        ni.spot_check_id = sc.id
    ),
    '[]'::json
  ) AS items
FROM
  spot_check sc
  LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
  AND now_.valid_from <= $1::date
  AND (
    now_.valid_until IS NULL
    OR now_.valid_until > $1::date
  )
WHERE
  now_.published
ORDER BY
  sc.report_date DESC,
  sc.id DESC
LIMIT
  $2;

-- params: ["2026-01-15"]
SELECT
  count(*) AS n
FROM
  spot_check sc
  LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
  AND now_.valid_from <= $1::date
  AND (
    now_.valid_until IS NULL
    OR now_.valid_until > $1::date
  )
WHERE
  now_.published;

-- SpotCheckRepository.list (first page) — bureau
-- params: ["2026-01-15",21]
SELECT
  sc.id AS "dbId",
  sc.report_no AS "reportNo",
  sc.check_type AS "checkType",
  sc.task_name AS "taskName",
  sc.product_category AS "productCategory",
  sc.product_name AS "productName",
  sc.trademark,
  sc.model_spec AS "modelSpec",
  sc.production_batch AS "productionBatch",
  sc.production_date AS "productionDate",
  sc.producer_id AS "producerId",
  sc.producer_name AS "producerName",
  sc.producer_address AS "producerAddress",
  sc.sampled_unit_id AS "sampledUnitId",
  sc.sampled_unit_name AS "sampledUnitName",
  sc.sampled_unit_address AS "sampledUnitAddress",
  sc.sampling_stage AS "samplingStage",
  sc.platform,
  sc.sampled_on AS "sampledOn",
  sc.sampling_agency AS "samplingAgency",
  sc.testing_agency AS "testingAgency",
  sc.report_date AS "reportDate",
  sc.conclusion,
  sc.severity,
  sc.main_problem AS "mainProblem",
  sc.certified_item_id AS "certifiedItemId",
  sc.city_code AS "cityCode",
  sc.version,
  coalesce(now_.published, false) AS published,
  now_.identity_public IS TRUE AS "identityPublic",
  now_.identity_basis AS "identityBasis",
  (
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
  ) AS correction,
  now_.status AS "periodStatus",
  now_.effective_conclusion AS "effectiveConclusion",
  CASE
    WHEN now_.spot_check_id IS NOT NULL THEN coalesce(
      (
        SELECT
          max(x.valid_until)
        FROM
          case_period x
        WHERE
          x.spot_check_id = now_.spot_check_id
          AND x.valid_from < now_.valid_from
          AND x.status <> now_.status
      ),
      (
        SELECT
          min(x.valid_from)
        FROM
          case_period x
        WHERE
          x.spot_check_id = now_.spot_check_id
      )
    )
  END AS "statusSince",
  CASE
    WHEN now_.published THEN greatest(
      coalesce(
        (
          SELECT
            max(x.valid_until)
          FROM
            case_period x
          WHERE
            x.spot_check_id = now_.spot_check_id
            AND x.valid_from < now_.valid_from
            AND x.published IS NOT TRUE
        ),
        (
          SELECT
            min(x.valid_from)
          FROM
            case_period x
          WHERE
            x.spot_check_id = now_.spot_check_id
        )
      ),
      (
        SELECT
          (b.published_at AT TIME ZONE 'Asia/Shanghai')::date
        FROM
          batch b
        WHERE
          b.id = sc.batch_id
      )
    )
  END AS "publicSince",
  coalesce(
    (
      SELECT
        json_agg(
          json_build_object(
            'seq',
            ni.seq,
            'item',
            ni.item,
            'requirement',
            ni.requirement,
            'measured',
            ni.measured
          )
          ORDER BY
            ni.seq
        )
      FROM
        nonconforming_item ni
      WHERE
        ni.spot_check_id = sc.id
    ),
    '[]'::json
  ) AS items
FROM
  spot_check sc
  LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
  AND now_.valid_from <= $1::date
  AND (
    now_.valid_until IS NULL
    OR now_.valid_until > $1::date
  )
WHERE
  true
ORDER BY
  sc.report_date DESC,
  sc.id DESC
LIMIT
  $2;

-- params: ["2026-01-15"]
SELECT
  count(*) AS n
FROM
  spot_check sc
  LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
  AND now_.valid_from <= $1::date
  AND (
    now_.valid_until IS NULL
    OR now_.valid_until > $1::date
  )
WHERE
  true;

-- SpotCheckRepository.list (every filter, next page) — anonymous
-- params: ["2026-01-15",["provincial","city"],"fail","serious","420100","电动自行车","2025-01-01","2025-12-31","SC2025-001","91420100MA4K0000X0","final","2025-12-31","2025-12-31","电热水壶","%电热水壶%","%电热水壶%","%电热水壶%","%电热水壶%","%电热水壶%","%电热水壶%","%电热水壶%","2025-12-01",42,21]
SELECT
  sc.id AS "dbId",
  sc.report_no AS "reportNo",
  sc.check_type AS "checkType",
  sc.task_name AS "taskName",
  sc.product_category AS "productCategory",
  sc.product_name AS "productName",
  sc.trademark,
  sc.model_spec AS "modelSpec",
  sc.production_batch AS "productionBatch",
  sc.production_date AS "productionDate",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.producer_id
  END AS "producerId",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.producer_name
  END AS "producerName",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.producer_address
  END AS "producerAddress",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.sampled_unit_id
  END AS "sampledUnitId",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.sampled_unit_name
  END AS "sampledUnitName",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.sampled_unit_address
  END AS "sampledUnitAddress",
  sc.sampling_stage AS "samplingStage",
  sc.platform,
  sc.sampled_on AS "sampledOn",
  sc.sampling_agency AS "samplingAgency",
  sc.testing_agency AS "testingAgency",
  sc.report_date AS "reportDate",
  sc.conclusion,
  sc.severity,
  sc.main_problem AS "mainProblem",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.certified_item_id
  END AS "certifiedItemId",
  sc.city_code AS "cityCode",
  sc.version,
  coalesce(now_.published, false) AS published,
  now_.identity_public IS TRUE AS "identityPublic",
  now_.identity_basis AS "identityBasis",
  (
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
  ) AS correction,
  now_.status AS "periodStatus",
  now_.effective_conclusion AS "effectiveConclusion",
  CASE
    WHEN now_.spot_check_id IS NOT NULL THEN coalesce(
      (
        SELECT
          max(x.valid_until)
        FROM
          case_period x
        WHERE
          x.spot_check_id = now_.spot_check_id
          AND x.valid_from < now_.valid_from
          AND x.status <> now_.status
      ),
      (
        SELECT
          min(x.valid_from)
        FROM
          case_period x
        WHERE
          x.spot_check_id = now_.spot_check_id
      )
    )
  END AS "statusSince",
  CASE
    WHEN now_.published THEN greatest(
      coalesce(
        (
          SELECT
            max(x.valid_until)
          FROM
            case_period x
          WHERE
            x.spot_check_id = now_.spot_check_id
            AND x.valid_from < now_.valid_from
            AND x.published IS NOT TRUE
        ),
        (
          SELECT
            min(x.valid_from)
          FROM
            case_period x
          WHERE
            x.spot_check_id = now_.spot_check_id
        )
      ),
      (
        SELECT
          (b.published_at AT TIME ZONE 'Asia/Shanghai')::date
        FROM
          batch b
        WHERE
          b.id = sc.batch_id
      )
    )
  END AS "publicSince",
  coalesce(
    (
      SELECT
        json_agg(
          json_build_object(
            'seq',
            ni.seq,
            'item',
            ni.item,
            'requirement',
            ni.requirement,
            'measured',
            ni.measured
          )
          ORDER BY
            ni.seq
        )
      FROM
        nonconforming_item ni
      WHERE
        ni.spot_check_id = sc.id
    ),
    '[]'::json
  ) AS items
FROM
  spot_check sc
  LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
  AND now_.valid_from <= $1::date
  AND (
    now_.valid_until IS NULL
    OR now_.valid_until > $1::date
  )
WHERE
  now_.published
  AND sc.check_type = ANY ($2)
  AND sc.conclusion = $3
  AND sc.severity = $4
  AND sc.city_code = $5
  AND sc.product_category = $6
  AND sc.report_date >= $7::date
  AND sc.report_date <= $8::date
  AND sc.report_no = $9
  AND sc.certified_item_id IS NOT NULL
  AND now_.identity_public IS TRUE
  AND sc.producer_id IN (
    SELECT
      id
    FROM
      enterprise
    WHERE
      uscc = $10
  )
  AND now_.identity_public IS TRUE
  AND EXISTS (
    SELECT
      1
    FROM
      case_period p
    WHERE
      p.spot_check_id = sc.id
      AND p.status = $11
      AND p.valid_from <= $12::date
      AND (
        p.valid_until IS NULL
        OR p.valid_until > $13::date
      )
  )
  AND sc.conclusion = 'fail'
  AND search_grams (
    sc.product_name,
    sc.product_category,
    sc.trademark,
    sc.model_spec,
    sc.production_batch,
    sc.task_name,
    sc.producer_name
  ) @> search_query_grams ($14)
  AND (
    sc.product_name ILIKE $15
    OR sc.product_category ILIKE $16
    OR sc.trademark ILIKE $17
    OR sc.model_spec ILIKE $18
    OR sc.production_batch ILIKE $19
    OR sc.task_name ILIKE $20
    OR CASE
      WHEN now_.identity_public IS TRUE THEN sc.producer_name
    END ILIKE $21
  )
  AND (sc.report_date, sc.id) < ($22::date, $23::int)
ORDER BY
  sc.report_date DESC,
  sc.id DESC
LIMIT
  $24;

-- params: ["2026-01-15",["provincial","city"],"fail","serious","420100","电动自行车","2025-01-01","2025-12-31","SC2025-001","91420100MA4K0000X0","final","2025-12-31","2025-12-31","电热水壶","%电热水壶%","%电热水壶%","%电热水壶%","%电热水壶%","%电热水壶%","%电热水壶%","%电热水壶%"]
SELECT
  count(*) AS n
FROM
  spot_check sc
  LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
  AND now_.valid_from <= $1::date
  AND (
    now_.valid_until IS NULL
    OR now_.valid_until > $1::date
  )
WHERE
  now_.published
  AND sc.check_type = ANY ($2)
  AND sc.conclusion = $3
  AND sc.severity = $4
  AND sc.city_code = $5
  AND sc.product_category = $6
  AND sc.report_date >= $7::date
  AND sc.report_date <= $8::date
  AND sc.report_no = $9
  AND sc.certified_item_id IS NOT NULL
  AND now_.identity_public IS TRUE
  AND sc.producer_id IN (
    SELECT
      id
    FROM
      enterprise
    WHERE
      uscc = $10
  )
  AND now_.identity_public IS TRUE
  AND EXISTS (
    SELECT
      1
    FROM
      case_period p
    WHERE
      p.spot_check_id = sc.id
      AND p.status = $11
      AND p.valid_from <= $12::date
      AND (
        p.valid_until IS NULL
        OR p.valid_until > $13::date
      )
  )
  AND sc.conclusion = 'fail'
  AND search_grams (
    sc.product_name,
    sc.product_category,
    sc.trademark,
    sc.model_spec,
    sc.production_batch,
    sc.task_name,
    sc.producer_name
  ) @> search_query_grams ($14)
  AND (
    sc.product_name ILIKE $15
    OR sc.product_category ILIKE $16
    OR sc.trademark ILIKE $17
    OR sc.model_spec ILIKE $18
    OR sc.production_batch ILIKE $19
    OR sc.task_name ILIKE $20
    OR CASE
      WHEN now_.identity_public IS TRUE THEN sc.producer_name
    END ILIKE $21
  );

-- SpotCheckRepository.list (every filter, next page) — bureau
-- params: ["2026-01-15",["provincial","city"],"fail","serious","420100","电动自行车","2025-01-01","2025-12-31","SC2025-001","91420100MA4K0000X0","final","2025-12-31","2025-12-31","%电热水壶%","%电热水壶%","%电热水壶%","%电热水壶%","%电热水壶%","%电热水壶%","%电热水壶%","2025-12-01",42,21]
SELECT
  sc.id AS "dbId",
  sc.report_no AS "reportNo",
  sc.check_type AS "checkType",
  sc.task_name AS "taskName",
  sc.product_category AS "productCategory",
  sc.product_name AS "productName",
  sc.trademark,
  sc.model_spec AS "modelSpec",
  sc.production_batch AS "productionBatch",
  sc.production_date AS "productionDate",
  sc.producer_id AS "producerId",
  sc.producer_name AS "producerName",
  sc.producer_address AS "producerAddress",
  sc.sampled_unit_id AS "sampledUnitId",
  sc.sampled_unit_name AS "sampledUnitName",
  sc.sampled_unit_address AS "sampledUnitAddress",
  sc.sampling_stage AS "samplingStage",
  sc.platform,
  sc.sampled_on AS "sampledOn",
  sc.sampling_agency AS "samplingAgency",
  sc.testing_agency AS "testingAgency",
  sc.report_date AS "reportDate",
  sc.conclusion,
  sc.severity,
  sc.main_problem AS "mainProblem",
  sc.certified_item_id AS "certifiedItemId",
  sc.city_code AS "cityCode",
  sc.version,
  coalesce(now_.published, false) AS published,
  now_.identity_public IS TRUE AS "identityPublic",
  now_.identity_basis AS "identityBasis",
  (
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
  ) AS correction,
  now_.status AS "periodStatus",
  now_.effective_conclusion AS "effectiveConclusion",
  CASE
    WHEN now_.spot_check_id IS NOT NULL THEN coalesce(
      (
        SELECT
          max(x.valid_until)
        FROM
          case_period x
        WHERE
          x.spot_check_id = now_.spot_check_id
          AND x.valid_from < now_.valid_from
          AND x.status <> now_.status
      ),
      (
        SELECT
          min(x.valid_from)
        FROM
          case_period x
        WHERE
          x.spot_check_id = now_.spot_check_id
      )
    )
  END AS "statusSince",
  CASE
    WHEN now_.published THEN greatest(
      coalesce(
        (
          SELECT
            max(x.valid_until)
          FROM
            case_period x
          WHERE
            x.spot_check_id = now_.spot_check_id
            AND x.valid_from < now_.valid_from
            AND x.published IS NOT TRUE
        ),
        (
          SELECT
            min(x.valid_from)
          FROM
            case_period x
          WHERE
            x.spot_check_id = now_.spot_check_id
        )
      ),
      (
        SELECT
          (b.published_at AT TIME ZONE 'Asia/Shanghai')::date
        FROM
          batch b
        WHERE
          b.id = sc.batch_id
      )
    )
  END AS "publicSince",
  coalesce(
    (
      SELECT
        json_agg(
          json_build_object(
            'seq',
            ni.seq,
            'item',
            ni.item,
            'requirement',
            ni.requirement,
            'measured',
            ni.measured
          )
          ORDER BY
            ni.seq
        )
      FROM
        nonconforming_item ni
      WHERE
        ni.spot_check_id = sc.id
    ),
    '[]'::json
  ) AS items
FROM
  spot_check sc
  LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
  AND now_.valid_from <= $1::date
  AND (
    now_.valid_until IS NULL
    OR now_.valid_until > $1::date
  )
WHERE
  true
  AND sc.check_type = ANY ($2)
  AND sc.conclusion = $3
  AND sc.severity = $4
  AND sc.city_code = $5
  AND sc.product_category = $6
  AND sc.report_date >= $7::date
  AND sc.report_date <= $8::date
  AND sc.report_no = $9
  AND sc.certified_item_id IS NOT NULL
  AND sc.producer_id IN (
    SELECT
      id
    FROM
      enterprise
    WHERE
      uscc = $10
  )
  AND EXISTS (
    SELECT
      1
    FROM
      case_period p
    WHERE
      p.spot_check_id = sc.id
      AND p.status = $11
      AND p.valid_from <= $12::date
      AND (
        p.valid_until IS NULL
        OR p.valid_until > $13::date
      )
  )
  AND (
    sc.product_name ILIKE $14
    OR sc.product_category ILIKE $15
    OR sc.trademark ILIKE $16
    OR sc.model_spec ILIKE $17
    OR sc.production_batch ILIKE $18
    OR sc.task_name ILIKE $19
    OR sc.producer_name ILIKE $20
  )
  AND (sc.report_date, sc.id) < ($21::date, $22::int)
ORDER BY
  sc.report_date DESC,
  sc.id DESC
LIMIT
  $23;

-- params: ["2026-01-15",["provincial","city"],"fail","serious","420100","电动自行车","2025-01-01","2025-12-31","SC2025-001","91420100MA4K0000X0","final","2025-12-31","2025-12-31","%电热水壶%","%电热水壶%","%电热水壶%","%电热水壶%","%电热水壶%","%电热水壶%","%电热水壶%"]
SELECT
  count(*) AS n
FROM
  spot_check sc
  LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
  AND now_.valid_from <= $1::date
  AND (
    now_.valid_until IS NULL
    OR now_.valid_until > $1::date
  )
WHERE
  true
  AND sc.check_type = ANY ($2)
  AND sc.conclusion = $3
  AND sc.severity = $4
  AND sc.city_code = $5
  AND sc.product_category = $6
  AND sc.report_date >= $7::date
  AND sc.report_date <= $8::date
  AND sc.report_no = $9
  AND sc.certified_item_id IS NOT NULL
  AND sc.producer_id IN (
    SELECT
      id
    FROM
      enterprise
    WHERE
      uscc = $10
  )
  AND EXISTS (
    SELECT
      1
    FROM
      case_period p
    WHERE
      p.spot_check_id = sc.id
      AND p.status = $11
      AND p.valid_from <= $12::date
      AND (
        p.valid_until IS NULL
        OR p.valid_until > $13::date
      )
  )
  AND (
    sc.product_name ILIKE $14
    OR sc.product_category ILIKE $15
    OR sc.trademark ILIKE $16
    OR sc.model_spec ILIKE $17
    OR sc.production_batch ILIKE $18
    OR sc.task_name ILIKE $19
    OR sc.producer_name ILIKE $20
  );

-- SpotCheckRepository.list (by report number, backwards) — anonymous
-- params: ["2026-01-15",11]
SELECT
  sc.id AS "dbId",
  sc.report_no AS "reportNo",
  sc.check_type AS "checkType",
  sc.task_name AS "taskName",
  sc.product_category AS "productCategory",
  sc.product_name AS "productName",
  sc.trademark,
  sc.model_spec AS "modelSpec",
  sc.production_batch AS "productionBatch",
  sc.production_date AS "productionDate",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.producer_id
  END AS "producerId",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.producer_name
  END AS "producerName",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.producer_address
  END AS "producerAddress",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.sampled_unit_id
  END AS "sampledUnitId",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.sampled_unit_name
  END AS "sampledUnitName",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.sampled_unit_address
  END AS "sampledUnitAddress",
  sc.sampling_stage AS "samplingStage",
  sc.platform,
  sc.sampled_on AS "sampledOn",
  sc.sampling_agency AS "samplingAgency",
  sc.testing_agency AS "testingAgency",
  sc.report_date AS "reportDate",
  sc.conclusion,
  sc.severity,
  sc.main_problem AS "mainProblem",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.certified_item_id
  END AS "certifiedItemId",
  sc.city_code AS "cityCode",
  sc.version,
  coalesce(now_.published, false) AS published,
  now_.identity_public IS TRUE AS "identityPublic",
  now_.identity_basis AS "identityBasis",
  (
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
  ) AS correction,
  now_.status AS "periodStatus",
  now_.effective_conclusion AS "effectiveConclusion",
  CASE
    WHEN now_.spot_check_id IS NOT NULL THEN coalesce(
      (
        SELECT
          max(x.valid_until)
        FROM
          case_period x
        WHERE
          x.spot_check_id = now_.spot_check_id
          AND x.valid_from < now_.valid_from
          AND x.status <> now_.status
      ),
      (
        SELECT
          min(x.valid_from)
        FROM
          case_period x
        WHERE
          x.spot_check_id = now_.spot_check_id
      )
    )
  END AS "statusSince",
  CASE
    WHEN now_.published THEN greatest(
      coalesce(
        (
          SELECT
            max(x.valid_until)
          FROM
            case_period x
          WHERE
            x.spot_check_id = now_.spot_check_id
            AND x.valid_from < now_.valid_from
            AND x.published IS NOT TRUE
        ),
        (
          SELECT
            min(x.valid_from)
          FROM
            case_period x
          WHERE
            x.spot_check_id = now_.spot_check_id
        )
      ),
      (
        SELECT
          (b.published_at AT TIME ZONE 'Asia/Shanghai')::date
        FROM
          batch b
        WHERE
          b.id = sc.batch_id
      )
    )
  END AS "publicSince",
  coalesce(
    (
      SELECT
        json_agg(
          json_build_object(
            'seq',
            ni.seq,
            'item',
            ni.item,
            'requirement',
            ni.requirement,
            'measured',
            ni.measured
          )
          ORDER BY
            ni.seq
        )
      FROM
        nonconforming_item ni
      WHERE
        ni.spot_check_id = sc.id
    ),
    '[]'::json
  ) AS items
FROM
  spot_check sc
  LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
  AND now_.valid_from <= $1::date
  AND (
    now_.valid_until IS NULL
    OR now_.valid_until > $1::date
  )
WHERE
  now_.published
ORDER BY
  sc.report_no DESC,
  sc.id DESC
LIMIT
  $2;

-- params: ["2026-01-15"]
SELECT
  count(*) AS n
FROM
  spot_check sc
  LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
  AND now_.valid_from <= $1::date
  AND (
    now_.valid_until IS NULL
    OR now_.valid_until > $1::date
  )
WHERE
  now_.published;

-- SpotCheckRepository.list (by report number, backwards) — bureau
-- params: ["2026-01-15",11]
SELECT
  sc.id AS "dbId",
  sc.report_no AS "reportNo",
  sc.check_type AS "checkType",
  sc.task_name AS "taskName",
  sc.product_category AS "productCategory",
  sc.product_name AS "productName",
  sc.trademark,
  sc.model_spec AS "modelSpec",
  sc.production_batch AS "productionBatch",
  sc.production_date AS "productionDate",
  sc.producer_id AS "producerId",
  sc.producer_name AS "producerName",
  sc.producer_address AS "producerAddress",
  sc.sampled_unit_id AS "sampledUnitId",
  sc.sampled_unit_name AS "sampledUnitName",
  sc.sampled_unit_address AS "sampledUnitAddress",
  sc.sampling_stage AS "samplingStage",
  sc.platform,
  sc.sampled_on AS "sampledOn",
  sc.sampling_agency AS "samplingAgency",
  sc.testing_agency AS "testingAgency",
  sc.report_date AS "reportDate",
  sc.conclusion,
  sc.severity,
  sc.main_problem AS "mainProblem",
  sc.certified_item_id AS "certifiedItemId",
  sc.city_code AS "cityCode",
  sc.version,
  coalesce(now_.published, false) AS published,
  now_.identity_public IS TRUE AS "identityPublic",
  now_.identity_basis AS "identityBasis",
  (
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
  ) AS correction,
  now_.status AS "periodStatus",
  now_.effective_conclusion AS "effectiveConclusion",
  CASE
    WHEN now_.spot_check_id IS NOT NULL THEN coalesce(
      (
        SELECT
          max(x.valid_until)
        FROM
          case_period x
        WHERE
          x.spot_check_id = now_.spot_check_id
          AND x.valid_from < now_.valid_from
          AND x.status <> now_.status
      ),
      (
        SELECT
          min(x.valid_from)
        FROM
          case_period x
        WHERE
          x.spot_check_id = now_.spot_check_id
      )
    )
  END AS "statusSince",
  CASE
    WHEN now_.published THEN greatest(
      coalesce(
        (
          SELECT
            max(x.valid_until)
          FROM
            case_period x
          WHERE
            x.spot_check_id = now_.spot_check_id
            AND x.valid_from < now_.valid_from
            AND x.published IS NOT TRUE
        ),
        (
          SELECT
            min(x.valid_from)
          FROM
            case_period x
          WHERE
            x.spot_check_id = now_.spot_check_id
        )
      ),
      (
        SELECT
          (b.published_at AT TIME ZONE 'Asia/Shanghai')::date
        FROM
          batch b
        WHERE
          b.id = sc.batch_id
      )
    )
  END AS "publicSince",
  coalesce(
    (
      SELECT
        json_agg(
          json_build_object(
            'seq',
            ni.seq,
            'item',
            ni.item,
            'requirement',
            ni.requirement,
            'measured',
            ni.measured
          )
          ORDER BY
            ni.seq
        )
      FROM
        nonconforming_item ni
      WHERE
        ni.spot_check_id = sc.id
    ),
    '[]'::json
  ) AS items
FROM
  spot_check sc
  LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
  AND now_.valid_from <= $1::date
  AND (
    now_.valid_until IS NULL
    OR now_.valid_until > $1::date
  )
WHERE
  true
ORDER BY
  sc.report_no DESC,
  sc.id DESC
LIMIT
  $2;

-- params: ["2026-01-15"]
SELECT
  count(*) AS n
FROM
  spot_check sc
  LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
  AND now_.valid_from <= $1::date
  AND (
    now_.valid_until IS NULL
    OR now_.valid_until > $1::date
  )
WHERE
  true;

-- SpotCheckRepository.byReportNo — anonymous
-- params: ["2026-01-15","SC2025-001"]
SELECT
  sc.id AS "dbId",
  sc.report_no AS "reportNo",
  sc.check_type AS "checkType",
  sc.task_name AS "taskName",
  sc.product_category AS "productCategory",
  sc.product_name AS "productName",
  sc.trademark,
  sc.model_spec AS "modelSpec",
  sc.production_batch AS "productionBatch",
  sc.production_date AS "productionDate",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.producer_id
  END AS "producerId",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.producer_name
  END AS "producerName",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.producer_address
  END AS "producerAddress",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.sampled_unit_id
  END AS "sampledUnitId",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.sampled_unit_name
  END AS "sampledUnitName",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.sampled_unit_address
  END AS "sampledUnitAddress",
  sc.sampling_stage AS "samplingStage",
  sc.platform,
  sc.sampled_on AS "sampledOn",
  sc.sampling_agency AS "samplingAgency",
  sc.testing_agency AS "testingAgency",
  sc.report_date AS "reportDate",
  sc.conclusion,
  sc.severity,
  sc.main_problem AS "mainProblem",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.certified_item_id
  END AS "certifiedItemId",
  sc.city_code AS "cityCode",
  sc.version,
  coalesce(now_.published, false) AS published,
  now_.identity_public IS TRUE AS "identityPublic",
  now_.identity_basis AS "identityBasis",
  (
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
  ) AS correction,
  now_.status AS "periodStatus",
  now_.effective_conclusion AS "effectiveConclusion",
  CASE
    WHEN now_.spot_check_id IS NOT NULL THEN coalesce(
      (
        SELECT
          max(x.valid_until)
        FROM
          case_period x
        WHERE
          x.spot_check_id = now_.spot_check_id
          AND x.valid_from < now_.valid_from
          AND x.status <> now_.status
      ),
      (
        SELECT
          min(x.valid_from)
        FROM
          case_period x
        WHERE
          x.spot_check_id = now_.spot_check_id
      )
    )
  END AS "statusSince",
  CASE
    WHEN now_.published THEN greatest(
      coalesce(
        (
          SELECT
            max(x.valid_until)
          FROM
            case_period x
          WHERE
            x.spot_check_id = now_.spot_check_id
            AND x.valid_from < now_.valid_from
            AND x.published IS NOT TRUE
        ),
        (
          SELECT
            min(x.valid_from)
          FROM
            case_period x
          WHERE
            x.spot_check_id = now_.spot_check_id
        )
      ),
      (
        SELECT
          (b.published_at AT TIME ZONE 'Asia/Shanghai')::date
        FROM
          batch b
        WHERE
          b.id = sc.batch_id
      )
    )
  END AS "publicSince",
  coalesce(
    (
      SELECT
        json_agg(
          json_build_object(
            'seq',
            ni.seq,
            'item',
            ni.item,
            'requirement',
            ni.requirement,
            'measured',
            ni.measured
          )
          ORDER BY
            ni.seq
        )
      FROM
        nonconforming_item ni
      WHERE
        ni.spot_check_id = sc.id
    ),
    '[]'::json
  ) AS items
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
  AND sc.report_no = $2;

-- SpotCheckRepository.byReportNo — bureau
-- params: ["2026-01-15","SC2025-001"]
SELECT
  sc.id AS "dbId",
  sc.report_no AS "reportNo",
  sc.check_type AS "checkType",
  sc.task_name AS "taskName",
  sc.product_category AS "productCategory",
  sc.product_name AS "productName",
  sc.trademark,
  sc.model_spec AS "modelSpec",
  sc.production_batch AS "productionBatch",
  sc.production_date AS "productionDate",
  sc.producer_id AS "producerId",
  sc.producer_name AS "producerName",
  sc.producer_address AS "producerAddress",
  sc.sampled_unit_id AS "sampledUnitId",
  sc.sampled_unit_name AS "sampledUnitName",
  sc.sampled_unit_address AS "sampledUnitAddress",
  sc.sampling_stage AS "samplingStage",
  sc.platform,
  sc.sampled_on AS "sampledOn",
  sc.sampling_agency AS "samplingAgency",
  sc.testing_agency AS "testingAgency",
  sc.report_date AS "reportDate",
  sc.conclusion,
  sc.severity,
  sc.main_problem AS "mainProblem",
  sc.certified_item_id AS "certifiedItemId",
  sc.city_code AS "cityCode",
  sc.version,
  coalesce(now_.published, false) AS published,
  now_.identity_public IS TRUE AS "identityPublic",
  now_.identity_basis AS "identityBasis",
  (
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
  ) AS correction,
  now_.status AS "periodStatus",
  now_.effective_conclusion AS "effectiveConclusion",
  CASE
    WHEN now_.spot_check_id IS NOT NULL THEN coalesce(
      (
        SELECT
          max(x.valid_until)
        FROM
          case_period x
        WHERE
          x.spot_check_id = now_.spot_check_id
          AND x.valid_from < now_.valid_from
          AND x.status <> now_.status
      ),
      (
        SELECT
          min(x.valid_from)
        FROM
          case_period x
        WHERE
          x.spot_check_id = now_.spot_check_id
      )
    )
  END AS "statusSince",
  CASE
    WHEN now_.published THEN greatest(
      coalesce(
        (
          SELECT
            max(x.valid_until)
          FROM
            case_period x
          WHERE
            x.spot_check_id = now_.spot_check_id
            AND x.valid_from < now_.valid_from
            AND x.published IS NOT TRUE
        ),
        (
          SELECT
            min(x.valid_from)
          FROM
            case_period x
          WHERE
            x.spot_check_id = now_.spot_check_id
        )
      ),
      (
        SELECT
          (b.published_at AT TIME ZONE 'Asia/Shanghai')::date
        FROM
          batch b
        WHERE
          b.id = sc.batch_id
      )
    )
  END AS "publicSince",
  coalesce(
    (
      SELECT
        json_agg(
          json_build_object(
            'seq',
            ni.seq,
            'item',
            ni.item,
            'requirement',
            ni.requirement,
            'measured',
            ni.measured
          )
          ORDER BY
            ni.seq
        )
      FROM
        nonconforming_item ni
      WHERE
        ni.spot_check_id = sc.id
    ),
    '[]'::json
  ) AS items
FROM
  spot_check sc
  LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
  AND now_.valid_from <= $1::date
  AND (
    now_.valid_until IS NULL
    OR now_.valid_until > $1::date
  )
WHERE
  true
  AND sc.report_no = $2;

-- SpotCheckRepository.byId — anonymous
-- params: [[1],"2026-01-15"]
SELECT
  sc.id AS "dbId",
  sc.report_no AS "reportNo",
  sc.check_type AS "checkType",
  sc.task_name AS "taskName",
  sc.product_category AS "productCategory",
  sc.product_name AS "productName",
  sc.trademark,
  sc.model_spec AS "modelSpec",
  sc.production_batch AS "productionBatch",
  sc.production_date AS "productionDate",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.producer_id
  END AS "producerId",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.producer_name
  END AS "producerName",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.producer_address
  END AS "producerAddress",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.sampled_unit_id
  END AS "sampledUnitId",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.sampled_unit_name
  END AS "sampledUnitName",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.sampled_unit_address
  END AS "sampledUnitAddress",
  sc.sampling_stage AS "samplingStage",
  sc.platform,
  sc.sampled_on AS "sampledOn",
  sc.sampling_agency AS "samplingAgency",
  sc.testing_agency AS "testingAgency",
  sc.report_date AS "reportDate",
  sc.conclusion,
  sc.severity,
  sc.main_problem AS "mainProblem",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.certified_item_id
  END AS "certifiedItemId",
  sc.city_code AS "cityCode",
  sc.version,
  coalesce(now_.published, false) AS published,
  now_.identity_public IS TRUE AS "identityPublic",
  now_.identity_basis AS "identityBasis",
  (
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
  ) AS correction,
  now_.status AS "periodStatus",
  now_.effective_conclusion AS "effectiveConclusion",
  CASE
    WHEN now_.spot_check_id IS NOT NULL THEN coalesce(
      (
        SELECT
          max(x.valid_until)
        FROM
          case_period x
        WHERE
          x.spot_check_id = now_.spot_check_id
          AND x.valid_from < now_.valid_from
          AND x.status <> now_.status
      ),
      (
        SELECT
          min(x.valid_from)
        FROM
          case_period x
        WHERE
          x.spot_check_id = now_.spot_check_id
      )
    )
  END AS "statusSince",
  CASE
    WHEN now_.published THEN greatest(
      coalesce(
        (
          SELECT
            max(x.valid_until)
          FROM
            case_period x
          WHERE
            x.spot_check_id = now_.spot_check_id
            AND x.valid_from < now_.valid_from
            AND x.published IS NOT TRUE
        ),
        (
          SELECT
            min(x.valid_from)
          FROM
            case_period x
          WHERE
            x.spot_check_id = now_.spot_check_id
        )
      ),
      (
        SELECT
          (b.published_at AT TIME ZONE 'Asia/Shanghai')::date
        FROM
          batch b
        WHERE
          b.id = sc.batch_id
      )
    )
  END AS "publicSince",
  coalesce(
    (
      SELECT
        json_agg(
          json_build_object(
            'seq',
            ni.seq,
            'item',
            ni.item,
            'requirement',
            ni.requirement,
            'measured',
            ni.measured
          )
          ORDER BY
            ni.seq
        )
      FROM
        nonconforming_item ni
      WHERE
        ni.spot_check_id = sc.id
    ),
    '[]'::json
  ) AS items,
  sc.id AS key
FROM
  spot_check sc
  LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
  AND now_.valid_from <= $2::date
  AND (
    now_.valid_until IS NULL
    OR now_.valid_until > $2::date
  )
WHERE
  sc.id = ANY ($1)
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
ORDER BY
  sc.report_date DESC,
  sc.id DESC;

-- SpotCheckRepository.byId — bureau
-- params: [[1],"2026-01-15"]
SELECT
  sc.id AS "dbId",
  sc.report_no AS "reportNo",
  sc.check_type AS "checkType",
  sc.task_name AS "taskName",
  sc.product_category AS "productCategory",
  sc.product_name AS "productName",
  sc.trademark,
  sc.model_spec AS "modelSpec",
  sc.production_batch AS "productionBatch",
  sc.production_date AS "productionDate",
  sc.producer_id AS "producerId",
  sc.producer_name AS "producerName",
  sc.producer_address AS "producerAddress",
  sc.sampled_unit_id AS "sampledUnitId",
  sc.sampled_unit_name AS "sampledUnitName",
  sc.sampled_unit_address AS "sampledUnitAddress",
  sc.sampling_stage AS "samplingStage",
  sc.platform,
  sc.sampled_on AS "sampledOn",
  sc.sampling_agency AS "samplingAgency",
  sc.testing_agency AS "testingAgency",
  sc.report_date AS "reportDate",
  sc.conclusion,
  sc.severity,
  sc.main_problem AS "mainProblem",
  sc.certified_item_id AS "certifiedItemId",
  sc.city_code AS "cityCode",
  sc.version,
  coalesce(now_.published, false) AS published,
  now_.identity_public IS TRUE AS "identityPublic",
  now_.identity_basis AS "identityBasis",
  (
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
  ) AS correction,
  now_.status AS "periodStatus",
  now_.effective_conclusion AS "effectiveConclusion",
  CASE
    WHEN now_.spot_check_id IS NOT NULL THEN coalesce(
      (
        SELECT
          max(x.valid_until)
        FROM
          case_period x
        WHERE
          x.spot_check_id = now_.spot_check_id
          AND x.valid_from < now_.valid_from
          AND x.status <> now_.status
      ),
      (
        SELECT
          min(x.valid_from)
        FROM
          case_period x
        WHERE
          x.spot_check_id = now_.spot_check_id
      )
    )
  END AS "statusSince",
  CASE
    WHEN now_.published THEN greatest(
      coalesce(
        (
          SELECT
            max(x.valid_until)
          FROM
            case_period x
          WHERE
            x.spot_check_id = now_.spot_check_id
            AND x.valid_from < now_.valid_from
            AND x.published IS NOT TRUE
        ),
        (
          SELECT
            min(x.valid_from)
          FROM
            case_period x
          WHERE
            x.spot_check_id = now_.spot_check_id
        )
      ),
      (
        SELECT
          (b.published_at AT TIME ZONE 'Asia/Shanghai')::date
        FROM
          batch b
        WHERE
          b.id = sc.batch_id
      )
    )
  END AS "publicSince",
  coalesce(
    (
      SELECT
        json_agg(
          json_build_object(
            'seq',
            ni.seq,
            'item',
            ni.item,
            'requirement',
            ni.requirement,
            'measured',
            ni.measured
          )
          ORDER BY
            ni.seq
        )
      FROM
        nonconforming_item ni
      WHERE
        ni.spot_check_id = sc.id
    ),
    '[]'::json
  ) AS items,
  sc.id AS key
FROM
  spot_check sc
  LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
  AND now_.valid_from <= $2::date
  AND (
    now_.valid_until IS NULL
    OR now_.valid_until > $2::date
  )
WHERE
  sc.id = ANY ($1)
  AND true
ORDER BY
  sc.report_date DESC,
  sc.id DESC;

-- SpotCheckRepository.byCertifiedItem — anonymous
-- params: [[1],"2026-01-15"]
SELECT
  sc.id AS "dbId",
  sc.report_no AS "reportNo",
  sc.check_type AS "checkType",
  sc.task_name AS "taskName",
  sc.product_category AS "productCategory",
  sc.product_name AS "productName",
  sc.trademark,
  sc.model_spec AS "modelSpec",
  sc.production_batch AS "productionBatch",
  sc.production_date AS "productionDate",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.producer_id
  END AS "producerId",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.producer_name
  END AS "producerName",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.producer_address
  END AS "producerAddress",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.sampled_unit_id
  END AS "sampledUnitId",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.sampled_unit_name
  END AS "sampledUnitName",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.sampled_unit_address
  END AS "sampledUnitAddress",
  sc.sampling_stage AS "samplingStage",
  sc.platform,
  sc.sampled_on AS "sampledOn",
  sc.sampling_agency AS "samplingAgency",
  sc.testing_agency AS "testingAgency",
  sc.report_date AS "reportDate",
  sc.conclusion,
  sc.severity,
  sc.main_problem AS "mainProblem",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.certified_item_id
  END AS "certifiedItemId",
  sc.city_code AS "cityCode",
  sc.version,
  coalesce(now_.published, false) AS published,
  now_.identity_public IS TRUE AS "identityPublic",
  now_.identity_basis AS "identityBasis",
  (
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
  ) AS correction,
  now_.status AS "periodStatus",
  now_.effective_conclusion AS "effectiveConclusion",
  CASE
    WHEN now_.spot_check_id IS NOT NULL THEN coalesce(
      (
        SELECT
          max(x.valid_until)
        FROM
          case_period x
        WHERE
          x.spot_check_id = now_.spot_check_id
          AND x.valid_from < now_.valid_from
          AND x.status <> now_.status
      ),
      (
        SELECT
          min(x.valid_from)
        FROM
          case_period x
        WHERE
          x.spot_check_id = now_.spot_check_id
      )
    )
  END AS "statusSince",
  CASE
    WHEN now_.published THEN greatest(
      coalesce(
        (
          SELECT
            max(x.valid_until)
          FROM
            case_period x
          WHERE
            x.spot_check_id = now_.spot_check_id
            AND x.valid_from < now_.valid_from
            AND x.published IS NOT TRUE
        ),
        (
          SELECT
            min(x.valid_from)
          FROM
            case_period x
          WHERE
            x.spot_check_id = now_.spot_check_id
        )
      ),
      (
        SELECT
          (b.published_at AT TIME ZONE 'Asia/Shanghai')::date
        FROM
          batch b
        WHERE
          b.id = sc.batch_id
      )
    )
  END AS "publicSince",
  coalesce(
    (
      SELECT
        json_agg(
          json_build_object(
            'seq',
            ni.seq,
            'item',
            ni.item,
            'requirement',
            ni.requirement,
            'measured',
            ni.measured
          )
          ORDER BY
            ni.seq
        )
      FROM
        nonconforming_item ni
      WHERE
        ni.spot_check_id = sc.id
    ),
    '[]'::json
  ) AS items,
  sc.certified_item_id AS key
FROM
  spot_check sc
  LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
  AND now_.valid_from <= $2::date
  AND (
    now_.valid_until IS NULL
    OR now_.valid_until > $2::date
  )
WHERE
  sc.certified_item_id = ANY ($1)
  AND now_.published
  AND now_.identity_public IS TRUE
ORDER BY
  sc.report_date DESC,
  sc.id DESC;

-- SpotCheckRepository.byCertifiedItem — bureau
-- params: [[1],"2026-01-15"]
SELECT
  sc.id AS "dbId",
  sc.report_no AS "reportNo",
  sc.check_type AS "checkType",
  sc.task_name AS "taskName",
  sc.product_category AS "productCategory",
  sc.product_name AS "productName",
  sc.trademark,
  sc.model_spec AS "modelSpec",
  sc.production_batch AS "productionBatch",
  sc.production_date AS "productionDate",
  sc.producer_id AS "producerId",
  sc.producer_name AS "producerName",
  sc.producer_address AS "producerAddress",
  sc.sampled_unit_id AS "sampledUnitId",
  sc.sampled_unit_name AS "sampledUnitName",
  sc.sampled_unit_address AS "sampledUnitAddress",
  sc.sampling_stage AS "samplingStage",
  sc.platform,
  sc.sampled_on AS "sampledOn",
  sc.sampling_agency AS "samplingAgency",
  sc.testing_agency AS "testingAgency",
  sc.report_date AS "reportDate",
  sc.conclusion,
  sc.severity,
  sc.main_problem AS "mainProblem",
  sc.certified_item_id AS "certifiedItemId",
  sc.city_code AS "cityCode",
  sc.version,
  coalesce(now_.published, false) AS published,
  now_.identity_public IS TRUE AS "identityPublic",
  now_.identity_basis AS "identityBasis",
  (
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
  ) AS correction,
  now_.status AS "periodStatus",
  now_.effective_conclusion AS "effectiveConclusion",
  CASE
    WHEN now_.spot_check_id IS NOT NULL THEN coalesce(
      (
        SELECT
          max(x.valid_until)
        FROM
          case_period x
        WHERE
          x.spot_check_id = now_.spot_check_id
          AND x.valid_from < now_.valid_from
          AND x.status <> now_.status
      ),
      (
        SELECT
          min(x.valid_from)
        FROM
          case_period x
        WHERE
          x.spot_check_id = now_.spot_check_id
      )
    )
  END AS "statusSince",
  CASE
    WHEN now_.published THEN greatest(
      coalesce(
        (
          SELECT
            max(x.valid_until)
          FROM
            case_period x
          WHERE
            x.spot_check_id = now_.spot_check_id
            AND x.valid_from < now_.valid_from
            AND x.published IS NOT TRUE
        ),
        (
          SELECT
            min(x.valid_from)
          FROM
            case_period x
          WHERE
            x.spot_check_id = now_.spot_check_id
        )
      ),
      (
        SELECT
          (b.published_at AT TIME ZONE 'Asia/Shanghai')::date
        FROM
          batch b
        WHERE
          b.id = sc.batch_id
      )
    )
  END AS "publicSince",
  coalesce(
    (
      SELECT
        json_agg(
          json_build_object(
            'seq',
            ni.seq,
            'item',
            ni.item,
            'requirement',
            ni.requirement,
            'measured',
            ni.measured
          )
          ORDER BY
            ni.seq
        )
      FROM
        nonconforming_item ni
      WHERE
        ni.spot_check_id = sc.id
    ),
    '[]'::json
  ) AS items,
  sc.certified_item_id AS key
FROM
  spot_check sc
  LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
  AND now_.valid_from <= $2::date
  AND (
    now_.valid_until IS NULL
    OR now_.valid_until > $2::date
  )
WHERE
  sc.certified_item_id = ANY ($1)
  AND true
ORDER BY
  sc.report_date DESC,
  sc.id DESC;

-- SpotCheckRepository.byProducer — anonymous
-- params: [[1],"2026-01-15"]
SELECT
  sc.id AS "dbId",
  sc.report_no AS "reportNo",
  sc.check_type AS "checkType",
  sc.task_name AS "taskName",
  sc.product_category AS "productCategory",
  sc.product_name AS "productName",
  sc.trademark,
  sc.model_spec AS "modelSpec",
  sc.production_batch AS "productionBatch",
  sc.production_date AS "productionDate",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.producer_id
  END AS "producerId",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.producer_name
  END AS "producerName",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.producer_address
  END AS "producerAddress",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.sampled_unit_id
  END AS "sampledUnitId",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.sampled_unit_name
  END AS "sampledUnitName",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.sampled_unit_address
  END AS "sampledUnitAddress",
  sc.sampling_stage AS "samplingStage",
  sc.platform,
  sc.sampled_on AS "sampledOn",
  sc.sampling_agency AS "samplingAgency",
  sc.testing_agency AS "testingAgency",
  sc.report_date AS "reportDate",
  sc.conclusion,
  sc.severity,
  sc.main_problem AS "mainProblem",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.certified_item_id
  END AS "certifiedItemId",
  sc.city_code AS "cityCode",
  sc.version,
  coalesce(now_.published, false) AS published,
  now_.identity_public IS TRUE AS "identityPublic",
  now_.identity_basis AS "identityBasis",
  (
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
  ) AS correction,
  now_.status AS "periodStatus",
  now_.effective_conclusion AS "effectiveConclusion",
  CASE
    WHEN now_.spot_check_id IS NOT NULL THEN coalesce(
      (
        SELECT
          max(x.valid_until)
        FROM
          case_period x
        WHERE
          x.spot_check_id = now_.spot_check_id
          AND x.valid_from < now_.valid_from
          AND x.status <> now_.status
      ),
      (
        SELECT
          min(x.valid_from)
        FROM
          case_period x
        WHERE
          x.spot_check_id = now_.spot_check_id
      )
    )
  END AS "statusSince",
  CASE
    WHEN now_.published THEN greatest(
      coalesce(
        (
          SELECT
            max(x.valid_until)
          FROM
            case_period x
          WHERE
            x.spot_check_id = now_.spot_check_id
            AND x.valid_from < now_.valid_from
            AND x.published IS NOT TRUE
        ),
        (
          SELECT
            min(x.valid_from)
          FROM
            case_period x
          WHERE
            x.spot_check_id = now_.spot_check_id
        )
      ),
      (
        SELECT
          (b.published_at AT TIME ZONE 'Asia/Shanghai')::date
        FROM
          batch b
        WHERE
          b.id = sc.batch_id
      )
    )
  END AS "publicSince",
  coalesce(
    (
      SELECT
        json_agg(
          json_build_object(
            'seq',
            ni.seq,
            'item',
            ni.item,
            'requirement',
            ni.requirement,
            'measured',
            ni.measured
          )
          ORDER BY
            ni.seq
        )
      FROM
        nonconforming_item ni
      WHERE
        ni.spot_check_id = sc.id
    ),
    '[]'::json
  ) AS items,
  sc.producer_id AS key
FROM
  spot_check sc
  LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
  AND now_.valid_from <= $2::date
  AND (
    now_.valid_until IS NULL
    OR now_.valid_until > $2::date
  )
WHERE
  sc.producer_id = ANY ($1)
  AND now_.published
  AND now_.identity_public IS TRUE
ORDER BY
  sc.report_date DESC,
  sc.id DESC;

-- SpotCheckRepository.byProducer — bureau
-- params: [[1],"2026-01-15"]
SELECT
  sc.id AS "dbId",
  sc.report_no AS "reportNo",
  sc.check_type AS "checkType",
  sc.task_name AS "taskName",
  sc.product_category AS "productCategory",
  sc.product_name AS "productName",
  sc.trademark,
  sc.model_spec AS "modelSpec",
  sc.production_batch AS "productionBatch",
  sc.production_date AS "productionDate",
  sc.producer_id AS "producerId",
  sc.producer_name AS "producerName",
  sc.producer_address AS "producerAddress",
  sc.sampled_unit_id AS "sampledUnitId",
  sc.sampled_unit_name AS "sampledUnitName",
  sc.sampled_unit_address AS "sampledUnitAddress",
  sc.sampling_stage AS "samplingStage",
  sc.platform,
  sc.sampled_on AS "sampledOn",
  sc.sampling_agency AS "samplingAgency",
  sc.testing_agency AS "testingAgency",
  sc.report_date AS "reportDate",
  sc.conclusion,
  sc.severity,
  sc.main_problem AS "mainProblem",
  sc.certified_item_id AS "certifiedItemId",
  sc.city_code AS "cityCode",
  sc.version,
  coalesce(now_.published, false) AS published,
  now_.identity_public IS TRUE AS "identityPublic",
  now_.identity_basis AS "identityBasis",
  (
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
  ) AS correction,
  now_.status AS "periodStatus",
  now_.effective_conclusion AS "effectiveConclusion",
  CASE
    WHEN now_.spot_check_id IS NOT NULL THEN coalesce(
      (
        SELECT
          max(x.valid_until)
        FROM
          case_period x
        WHERE
          x.spot_check_id = now_.spot_check_id
          AND x.valid_from < now_.valid_from
          AND x.status <> now_.status
      ),
      (
        SELECT
          min(x.valid_from)
        FROM
          case_period x
        WHERE
          x.spot_check_id = now_.spot_check_id
      )
    )
  END AS "statusSince",
  CASE
    WHEN now_.published THEN greatest(
      coalesce(
        (
          SELECT
            max(x.valid_until)
          FROM
            case_period x
          WHERE
            x.spot_check_id = now_.spot_check_id
            AND x.valid_from < now_.valid_from
            AND x.published IS NOT TRUE
        ),
        (
          SELECT
            min(x.valid_from)
          FROM
            case_period x
          WHERE
            x.spot_check_id = now_.spot_check_id
        )
      ),
      (
        SELECT
          (b.published_at AT TIME ZONE 'Asia/Shanghai')::date
        FROM
          batch b
        WHERE
          b.id = sc.batch_id
      )
    )
  END AS "publicSince",
  coalesce(
    (
      SELECT
        json_agg(
          json_build_object(
            'seq',
            ni.seq,
            'item',
            ni.item,
            'requirement',
            ni.requirement,
            'measured',
            ni.measured
          )
          ORDER BY
            ni.seq
        )
      FROM
        nonconforming_item ni
      WHERE
        ni.spot_check_id = sc.id
    ),
    '[]'::json
  ) AS items,
  sc.producer_id AS key
FROM
  spot_check sc
  LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
  AND now_.valid_from <= $2::date
  AND (
    now_.valid_until IS NULL
    OR now_.valid_until > $2::date
  )
WHERE
  sc.producer_id = ANY ($1)
  AND true
ORDER BY
  sc.report_date DESC,
  sc.id DESC;

-- SpotCheckRepository.byWarning — anonymous
-- params: [[1],"2026-01-15"]
SELECT
  sc.id AS "dbId",
  sc.report_no AS "reportNo",
  sc.check_type AS "checkType",
  sc.task_name AS "taskName",
  sc.product_category AS "productCategory",
  sc.product_name AS "productName",
  sc.trademark,
  sc.model_spec AS "modelSpec",
  sc.production_batch AS "productionBatch",
  sc.production_date AS "productionDate",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.producer_id
  END AS "producerId",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.producer_name
  END AS "producerName",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.producer_address
  END AS "producerAddress",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.sampled_unit_id
  END AS "sampledUnitId",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.sampled_unit_name
  END AS "sampledUnitName",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.sampled_unit_address
  END AS "sampledUnitAddress",
  sc.sampling_stage AS "samplingStage",
  sc.platform,
  sc.sampled_on AS "sampledOn",
  sc.sampling_agency AS "samplingAgency",
  sc.testing_agency AS "testingAgency",
  sc.report_date AS "reportDate",
  sc.conclusion,
  sc.severity,
  sc.main_problem AS "mainProblem",
  CASE
    WHEN now_.identity_public IS TRUE THEN sc.certified_item_id
  END AS "certifiedItemId",
  sc.city_code AS "cityCode",
  sc.version,
  coalesce(now_.published, false) AS published,
  now_.identity_public IS TRUE AS "identityPublic",
  now_.identity_basis AS "identityBasis",
  (
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
  ) AS correction,
  now_.status AS "periodStatus",
  now_.effective_conclusion AS "effectiveConclusion",
  CASE
    WHEN now_.spot_check_id IS NOT NULL THEN coalesce(
      (
        SELECT
          max(x.valid_until)
        FROM
          case_period x
        WHERE
          x.spot_check_id = now_.spot_check_id
          AND x.valid_from < now_.valid_from
          AND x.status <> now_.status
      ),
      (
        SELECT
          min(x.valid_from)
        FROM
          case_period x
        WHERE
          x.spot_check_id = now_.spot_check_id
      )
    )
  END AS "statusSince",
  CASE
    WHEN now_.published THEN greatest(
      coalesce(
        (
          SELECT
            max(x.valid_until)
          FROM
            case_period x
          WHERE
            x.spot_check_id = now_.spot_check_id
            AND x.valid_from < now_.valid_from
            AND x.published IS NOT TRUE
        ),
        (
          SELECT
            min(x.valid_from)
          FROM
            case_period x
          WHERE
            x.spot_check_id = now_.spot_check_id
        )
      ),
      (
        SELECT
          (b.published_at AT TIME ZONE 'Asia/Shanghai')::date
        FROM
          batch b
        WHERE
          b.id = sc.batch_id
      )
    )
  END AS "publicSince",
  coalesce(
    (
      SELECT
        json_agg(
          json_build_object(
            'seq',
            ni.seq,
            'item',
            ni.item,
            'requirement',
            ni.requirement,
            'measured',
            ni.measured
          )
          ORDER BY
            ni.seq
        )
      FROM
        nonconforming_item ni
      WHERE
        ni.spot_check_id = sc.id
    ),
    '[]'::json
  ) AS items,
  wsc.consumer_warning_id AS key
FROM
  warning_spot_check wsc
  JOIN spot_check sc
  LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
  AND now_.valid_from <= $2::date
  AND (
    now_.valid_until IS NULL
    OR now_.valid_until > $2::date
  ) ON sc.id = wsc.spot_check_id
WHERE
  wsc.consumer_warning_id = ANY ($1)
  AND now_.published
ORDER BY
  sc.report_date DESC;

-- SpotCheckRepository.byWarning — bureau
-- params: [[1],"2026-01-15"]
SELECT
  sc.id AS "dbId",
  sc.report_no AS "reportNo",
  sc.check_type AS "checkType",
  sc.task_name AS "taskName",
  sc.product_category AS "productCategory",
  sc.product_name AS "productName",
  sc.trademark,
  sc.model_spec AS "modelSpec",
  sc.production_batch AS "productionBatch",
  sc.production_date AS "productionDate",
  sc.producer_id AS "producerId",
  sc.producer_name AS "producerName",
  sc.producer_address AS "producerAddress",
  sc.sampled_unit_id AS "sampledUnitId",
  sc.sampled_unit_name AS "sampledUnitName",
  sc.sampled_unit_address AS "sampledUnitAddress",
  sc.sampling_stage AS "samplingStage",
  sc.platform,
  sc.sampled_on AS "sampledOn",
  sc.sampling_agency AS "samplingAgency",
  sc.testing_agency AS "testingAgency",
  sc.report_date AS "reportDate",
  sc.conclusion,
  sc.severity,
  sc.main_problem AS "mainProblem",
  sc.certified_item_id AS "certifiedItemId",
  sc.city_code AS "cityCode",
  sc.version,
  coalesce(now_.published, false) AS published,
  now_.identity_public IS TRUE AS "identityPublic",
  now_.identity_basis AS "identityBasis",
  (
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
  ) AS correction,
  now_.status AS "periodStatus",
  now_.effective_conclusion AS "effectiveConclusion",
  CASE
    WHEN now_.spot_check_id IS NOT NULL THEN coalesce(
      (
        SELECT
          max(x.valid_until)
        FROM
          case_period x
        WHERE
          x.spot_check_id = now_.spot_check_id
          AND x.valid_from < now_.valid_from
          AND x.status <> now_.status
      ),
      (
        SELECT
          min(x.valid_from)
        FROM
          case_period x
        WHERE
          x.spot_check_id = now_.spot_check_id
      )
    )
  END AS "statusSince",
  CASE
    WHEN now_.published THEN greatest(
      coalesce(
        (
          SELECT
            max(x.valid_until)
          FROM
            case_period x
          WHERE
            x.spot_check_id = now_.spot_check_id
            AND x.valid_from < now_.valid_from
            AND x.published IS NOT TRUE
        ),
        (
          SELECT
            min(x.valid_from)
          FROM
            case_period x
          WHERE
            x.spot_check_id = now_.spot_check_id
        )
      ),
      (
        SELECT
          (b.published_at AT TIME ZONE 'Asia/Shanghai')::date
        FROM
          batch b
        WHERE
          b.id = sc.batch_id
      )
    )
  END AS "publicSince",
  coalesce(
    (
      SELECT
        json_agg(
          json_build_object(
            'seq',
            ni.seq,
            'item',
            ni.item,
            'requirement',
            ni.requirement,
            'measured',
            ni.measured
          )
          ORDER BY
            ni.seq
        )
      FROM
        nonconforming_item ni
      WHERE
        ni.spot_check_id = sc.id
    ),
    '[]'::json
  ) AS items,
  wsc.consumer_warning_id AS key
FROM
  warning_spot_check wsc
  JOIN spot_check sc
  LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
  AND now_.valid_from <= $2::date
  AND (
    now_.valid_until IS NULL
    OR now_.valid_until > $2::date
  ) ON sc.id = wsc.spot_check_id
WHERE
  wsc.consumer_warning_id = ANY ($1)
  AND true
ORDER BY
  sc.report_date DESC;

-- SpotCheckRepository.events — any viewer
-- params: [[1]]
SELECT
  spot_check_id AS "spotCheckId",
  kind,
  occurred_on AS "occurredOn",
  outcome,
  note
FROM
  case_event
WHERE
  spot_check_id = ANY ($1)
ORDER BY
  spot_check_id,
  occurred_on,
  id;

-- SpotCheckRepository.deadlines — any viewer
-- params: [[1]]
SELECT
  spot_check_id AS "spotCheckId",
  step,
  article,
  starts_on AS "startsOn",
  starts_on_estimated AS estimated,
  days,
  due_on AS "dueOn",
  calendar_missing AS "calendarMissing",
  latest_due_on AS "latestDueOn",
  met_on AS "metOn",
  can_be_overdue AS "canBeOverdue"
FROM
  case_deadline
WHERE
  spot_check_id = ANY ($1)
ORDER BY
  spot_check_id,
  starts_on,
  id;

-- SpotCheckRepository.period — any viewer
-- params: [[1],["2025-12-31"]]
SELECT
  q.id || '|' || q.d AS key,
  cp.status,
  cp.valid_from AS "validFrom",
  cp.effective_conclusion AS "effectiveConclusion",
  coalesce(
    (
      SELECT
        max(x.valid_until)
      FROM
        case_period x
      WHERE
        x.spot_check_id = cp.spot_check_id
        AND x.valid_from < cp.valid_from
        AND x.status <> cp.status
    ),
    (
      SELECT
        min(x.valid_from)
      FROM
        case_period x
      WHERE
        x.spot_check_id = cp.spot_check_id
    )
  ) AS "statusSince"
FROM
  unnest($1::int[], $2::date[]) AS q (id, d)
  JOIN case_period cp ON cp.spot_check_id = q.id
  AND cp.valid_from <= q.d
  AND (
    cp.valid_until IS NULL
    OR cp.valid_until > q.d
  );
