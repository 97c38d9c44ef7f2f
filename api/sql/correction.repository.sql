-- The SQL of CorrectionRepository (api/src/*/correction.repository.ts), written by `pnpm sql:write`: do not edit.
-- Each statement runs with the parameters shown; "today" is 2026-01-15.

-- CorrectionRepository.publicCorrections — anonymous
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
  now_.published IS TRUE AS published,
  now_.identity_public IS TRUE AS "identityPublic",
  now_.identity_basis AS "identityBasis",
  coalesce(now_.correction, false) AS correction,
  cur.valid_from AS since,
  cur.status
FROM
  spot_check sc
  LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
  AND now_.valid_from <= $1::date
  AND (
    now_.valid_until IS NULL
    OR now_.valid_until > $1::date
  )
  JOIN case_period cur ON cur.spot_check_id = sc.id
  AND cur.valid_from <= $1::date
  AND (
    cur.valid_until IS NULL
    OR cur.valid_until > $1::date
  )
WHERE
  now_.correction IS TRUE
ORDER BY
  cur.valid_from DESC,
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
  JOIN case_period cur ON cur.spot_check_id = sc.id
  AND cur.valid_from <= $1::date
  AND (
    cur.valid_until IS NULL
    OR cur.valid_until > $1::date
  )
WHERE
  now_.correction IS TRUE;

-- CorrectionRepository.publicCorrections — bureau
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
  now_.published IS TRUE AS published,
  now_.identity_public IS TRUE AS "identityPublic",
  now_.identity_basis AS "identityBasis",
  coalesce(now_.correction, false) AS correction,
  cur.valid_from AS since,
  cur.status
FROM
  spot_check sc
  LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
  AND now_.valid_from <= $1::date
  AND (
    now_.valid_until IS NULL
    OR now_.valid_until > $1::date
  )
  JOIN case_period cur ON cur.spot_check_id = sc.id
  AND cur.valid_from <= $1::date
  AND (
    cur.valid_until IS NULL
    OR cur.valid_until > $1::date
  )
WHERE
  now_.correction IS TRUE
ORDER BY
  cur.valid_from DESC,
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
  JOIN case_period cur ON cur.spot_check_id = sc.id
  AND cur.valid_from <= $1::date
  AND (
    cur.valid_until IS NULL
    OR cur.valid_until > $1::date
  )
WHERE
  now_.correction IS TRUE;

-- CorrectionRepository.recordCorrections — any viewer
-- params: [["spot_check","nonconforming_item","case_event","certified_item","enterprise","revocation","consumer_warning"],21]
SELECT
  h.batch_id AS "batchId",
  h.table_name AS "recordType",
  h.record_id AS "recordId",
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
  h.id AS "dbId",
  h.data ->> 'spot_check_id' AS "parentSpotCheckId"
FROM
  record_history h
  JOIN batch b ON b.id = h.batch_id
WHERE
  b.status = 'published'
  AND h.operation IN ('update', 'delete')
  AND h.table_name = ANY ($1)
ORDER BY
  h.id DESC,
  h.id DESC
LIMIT
  $2;

-- params: [["spot_check","nonconforming_item","case_event","certified_item","enterprise","revocation","consumer_warning"]]
SELECT
  count(*) AS n
FROM
  record_history h
  JOIN batch b ON b.id = h.batch_id
WHERE
  b.status = 'published'
  AND h.operation IN ('update', 'delete')
  AND h.table_name = ANY ($1);
