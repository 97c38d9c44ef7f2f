-- The SQL of DynamicManagementRepository (api/src/*/dynamic-management.repository.ts), written by `pnpm sql:write`: do not edit.
-- Each statement runs with the parameters shown; "today" is 2026-01-15.

-- DynamicManagementRepository.checksOfCertifiedItems — anonymous
-- params: ["2025-12-31"]
SELECT
  sc.certified_item_id AS "itemId",
  sc.producer_id AS "producerId",
  sc.report_no AS "reportNo",
  sc.sampled_on AS "sampledOn",
  sc.report_date AS "reportDate",
  sc.check_type AS "checkType",
  now_.effective_conclusion AS "effectiveConclusion",
  coalesce(now_.status = 'withdrawn', false) AS withdrawn,
  coalesce(
    now_.status IN (
      'passed',
      'final',
      'transferred',
      'rectification_due',
      'rectification_overdue',
      'recheck_pending',
      'closed_recheck_passed',
      'closed_recheck_failed'
    ),
    false
  ) AS final
FROM
  spot_check sc
  LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
  AND now_.valid_from <= $1::date
  AND (
    now_.valid_until IS NULL
    OR now_.valid_until > $1::date
  )
WHERE
  sc.report_date <= $1::date
  AND now_.counted IS TRUE
  AND sc.certified_item_id IS NOT NULL;

-- DynamicManagementRepository.checksOfCertifiedItems — bureau
-- params: ["2025-12-31"]
SELECT
  sc.certified_item_id AS "itemId",
  sc.producer_id AS "producerId",
  sc.report_no AS "reportNo",
  sc.sampled_on AS "sampledOn",
  sc.report_date AS "reportDate",
  sc.check_type AS "checkType",
  now_.effective_conclusion AS "effectiveConclusion",
  coalesce(now_.status = 'withdrawn', false) AS withdrawn,
  coalesce(
    now_.status IN (
      'passed',
      'final',
      'transferred',
      'rectification_due',
      'rectification_overdue',
      'recheck_pending',
      'closed_recheck_passed',
      'closed_recheck_failed'
    ),
    false
  ) AS final
FROM
  spot_check sc
  LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
  AND now_.valid_from <= $1::date
  AND (
    now_.valid_until IS NULL
    OR now_.valid_until > $1::date
  )
WHERE
  sc.report_date <= $1::date
  AND true
  AND sc.certified_item_id IS NOT NULL;

-- DynamicManagementRepository.checksOfProducer — anonymous
-- params: ["2025-12-31",1]
SELECT
  sc.certified_item_id AS "itemId",
  sc.producer_id AS "producerId",
  sc.report_no AS "reportNo",
  sc.sampled_on AS "sampledOn",
  sc.report_date AS "reportDate",
  sc.check_type AS "checkType",
  now_.effective_conclusion AS "effectiveConclusion",
  coalesce(now_.status = 'withdrawn', false) AS withdrawn,
  coalesce(
    now_.status IN (
      'passed',
      'final',
      'transferred',
      'rectification_due',
      'rectification_overdue',
      'recheck_pending',
      'closed_recheck_passed',
      'closed_recheck_failed'
    ),
    false
  ) AS final
FROM
  spot_check sc
  LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
  AND now_.valid_from <= $1::date
  AND (
    now_.valid_until IS NULL
    OR now_.valid_until > $1::date
  )
WHERE
  sc.report_date <= $1::date
  AND now_.counted IS TRUE
  AND sc.producer_id = $2;

-- DynamicManagementRepository.checksOfProducer — bureau
-- params: ["2025-12-31",1]
SELECT
  sc.certified_item_id AS "itemId",
  sc.producer_id AS "producerId",
  sc.report_no AS "reportNo",
  sc.sampled_on AS "sampledOn",
  sc.report_date AS "reportDate",
  sc.check_type AS "checkType",
  now_.effective_conclusion AS "effectiveConclusion",
  coalesce(now_.status = 'withdrawn', false) AS withdrawn,
  coalesce(
    now_.status IN (
      'passed',
      'final',
      'transferred',
      'rectification_due',
      'rectification_overdue',
      'recheck_pending',
      'closed_recheck_passed',
      'closed_recheck_failed'
    ),
    false
  ) AS final
FROM
  spot_check sc
  LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
  AND now_.valid_from <= $1::date
  AND (
    now_.valid_until IS NULL
    OR now_.valid_until > $1::date
  )
WHERE
  sc.report_date <= $1::date
  AND true
  AND sc.producer_id = $2;

-- DynamicManagementRepository.certifiedItems — any viewer
-- params: ["2025-12-31"]
SELECT
  ci.id,
  ci.kind,
  ci.enterprise_id AS "enterpriseId",
  ci.certified_on AS "certifiedOn",
  (
    SELECT
      min(r.decided_on)
    FROM
      revocation_item ri
      JOIN revocation r ON r.id = ri.revocation_id
    WHERE
      ri.certified_item_id = ci.id
      AND r.decided_on <= $1::date
  ) AS "revokedOn"
FROM
  certified_item ci
WHERE
  ci.certified_on IS NULL
  OR ci.certified_on <= $1::date
ORDER BY
  ci.id;

-- DynamicManagementRepository.rectificationNotices — any viewer
-- params: ["2025-12-31"]
SELECT
  notice_no AS "noticeNo",
  issued_on AS "issuedOn",
  due_on AS "dueOn",
  CASE
    WHEN completed_on <= $1::date THEN completed_on
  END AS "completedOn",
  CASE
    WHEN completed_on <= $1::date THEN result
  END AS result,
  certified_item_id AS "itemId",
  enterprise_id AS "enterpriseId"
FROM
  rectification_notice
WHERE
  issued_on <= $1::date;

-- DynamicManagementRepository.selfReports — any viewer
-- params: [2025,"2025-11-15","2025-10-31"]
SELECT DISTINCT
  ci.enterprise_id AS "enterpriseId",
  (
    SELECT
      sr.submitted_on
    FROM
      self_report sr
    WHERE
      sr.enterprise_id = ci.enterprise_id
      AND sr.year = $1
      AND sr.submitted_on <= $2::date
  ) AS "submittedOn"
FROM
  certified_item ci
WHERE
  (
    ci.certified_on IS NULL
    OR ci.certified_on <= $3::date
  )
  AND NOT EXISTS (
    SELECT
      1
    FROM
      revocation_item ri
      JOIN revocation r ON r.id = ri.revocation_id
    WHERE
      ri.certified_item_id = ci.id
      AND r.decided_on <= $3::date
  )
ORDER BY
  1;

-- DynamicManagementRepository.revocationsOf — any viewer
-- params: [1]
SELECT
  decision_no AS "decisionNo",
  decided_on AS "decidedOn",
  ground
FROM
  revocation
WHERE
  enterprise_id = $1;

-- DynamicManagementRepository.notices (every notice) — any viewer
-- params: [21]
SELECT
  n.id AS "dbId",
  n.notice_no AS "noticeNo",
  n.enterprise_id AS "enterpriseId",
  n.certified_item_id AS "certifiedItemId",
  n.problem,
  n.issued_on AS "issuedOn",
  n.due_on AS "dueOn",
  n.completed_on AS "completedOn",
  n.result
FROM
  rectification_notice n
ORDER BY
  n.issued_on DESC,
  n.id DESC
LIMIT
  $1;

SELECT
  count(*) AS n
FROM
  rectification_notice n;

-- DynamicManagementRepository.notices (of a year) — any viewer
-- params: ["2025-01-01","2025-12-31",21]
SELECT
  n.id AS "dbId",
  n.notice_no AS "noticeNo",
  n.enterprise_id AS "enterpriseId",
  n.certified_item_id AS "certifiedItemId",
  n.problem,
  n.issued_on AS "issuedOn",
  n.due_on AS "dueOn",
  n.completed_on AS "completedOn",
  n.result
FROM
  rectification_notice n
WHERE
  n.issued_on BETWEEN $1::date AND $2::date
ORDER BY
  n.issued_on DESC,
  n.id DESC
LIMIT
  $3;

-- params: ["2025-01-01","2025-12-31"]
SELECT
  count(*) AS n
FROM
  rectification_notice n
WHERE
  n.issued_on BETWEEN $1::date AND $2::date;
