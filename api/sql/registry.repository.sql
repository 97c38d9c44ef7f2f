-- The SQL of RegistryRepository (api/src/*/registry.repository.ts), written by `pnpm sql:write`: do not edit.
-- Each statement runs with the parameters shown; "today" is 2026-01-15.

-- RegistryRepository.cultivationEntries (every year) — any viewer
-- params: [21]
SELECT
  c.id AS "dbId",
  c.year,
  c.enterprise_id AS "enterpriseId",
  c.item_name AS "itemName",
  c.item_kind AS "itemKind",
  c.standard,
  c.industry_code AS "industryCode",
  c.contact_name AS "contactName",
  c.contact_phone AS "contactPhone"
FROM
  cultivation_entry c
ORDER BY
  c.year DESC,
  c.id DESC
LIMIT
  $1;

SELECT
  count(*) AS n
FROM
  cultivation_entry c;

-- RegistryRepository.cultivationEntries (of a year) — any viewer
-- params: [2025,21]
SELECT
  c.id AS "dbId",
  c.year,
  c.enterprise_id AS "enterpriseId",
  c.item_name AS "itemName",
  c.item_kind AS "itemKind",
  c.standard,
  c.industry_code AS "industryCode",
  c.contact_name AS "contactName",
  c.contact_phone AS "contactPhone"
FROM
  cultivation_entry c
WHERE
  c.year = $1
ORDER BY
  c.year DESC,
  c.id DESC
LIMIT
  $2;

-- params: [2025]
SELECT
  count(*) AS n
FROM
  cultivation_entry c
WHERE
  c.year = $1;

-- RegistryRepository.standardEvaluations (every year) — any viewer
-- params: [21]
SELECT
  s.id AS "dbId",
  s.year,
  s.enterprise_id AS "enterpriseId",
  s.item_name AS "itemName",
  s.standard_no AS "standardNo",
  s.standard_name AS "standardName",
  s.standard_level AS "standardLevel",
  s.passed,
  s.evaluated_on AS "evaluatedOn"
FROM
  standard_evaluation s
ORDER BY
  s.year DESC,
  s.id DESC
LIMIT
  $1;

SELECT
  count(*) AS n
FROM
  standard_evaluation s;

-- RegistryRepository.standardEvaluations (of a year) — any viewer
-- params: [2025,21]
SELECT
  s.id AS "dbId",
  s.year,
  s.enterprise_id AS "enterpriseId",
  s.item_name AS "itemName",
  s.standard_no AS "standardNo",
  s.standard_name AS "standardName",
  s.standard_level AS "standardLevel",
  s.passed,
  s.evaluated_on AS "evaluatedOn"
FROM
  standard_evaluation s
WHERE
  s.year = $1
ORDER BY
  s.year DESC,
  s.id DESC
LIMIT
  $2;

-- params: [2025]
SELECT
  count(*) AS n
FROM
  standard_evaluation s
WHERE
  s.year = $1;

-- RegistryRepository.roundFunnels — any viewer
WITH
  rounds AS (
    SELECT DISTINCT
      year - 2022 AS round
    FROM
      cultivation_entry
    UNION
    SELECT DISTINCT
      year - 2022
    FROM
      standard_evaluation
    UNION
    SELECT DISTINCT
      round
    FROM
      certified_item
  )
SELECT
  r.round,
  2022 + r.round AS year,
  (
    SELECT
      count(*)
    FROM
      cultivation_entry c
    WHERE
      c.year = 2022 + r.round
  ) AS "cultivationItems",
  (
    SELECT
      count(DISTINCT enterprise_id)
    FROM
      cultivation_entry c
    WHERE
      c.year = 2022 + r.round
  ) AS "cultivationEnterprises",
  (
    SELECT
      count(*)
    FROM
      standard_evaluation s
    WHERE
      s.year = 2022 + r.round
  ) AS "standardsEvaluated",
  (
    SELECT
      count(*)
    FROM
      standard_evaluation s
    WHERE
      s.year = 2022 + r.round
      AND s.passed
  ) AS "standardsPassed",
  -- 资料评审: stated by the bureau at the import of the round's announcement (batch.reviewed_items)
  (
    SELECT
      sum(b.reviewed_items)::int
    FROM
      batch b
    WHERE
      b.status = 'published'
      AND b.id IN (
        SELECT
          ci.batch_id
        FROM
          certified_item ci
        WHERE
          ci.round = r.round
      )
  ) AS reviewed,
  (
    SELECT
      count(*)
    FROM
      certified_item ci
    WHERE
      ci.round = r.round
  ) AS certified
FROM
  rounds r
ORDER BY
  r.round;

-- RegistryRepository.cultivationEntry — any viewer
-- params: [[1]]
SELECT
  c.id AS "dbId",
  c.year,
  c.enterprise_id AS "enterpriseId",
  c.item_name AS "itemName",
  c.item_kind AS "itemKind",
  c.standard,
  c.industry_code AS "industryCode",
  c.contact_name AS "contactName",
  c.contact_phone AS "contactPhone"
FROM
  cultivation_entry c
WHERE
  c.id = ANY ($1);

-- RegistryRepository.standardEvaluation — any viewer
-- params: [[1]]
SELECT
  s.id AS "dbId",
  s.year,
  s.enterprise_id AS "enterpriseId",
  s.item_name AS "itemName",
  s.standard_no AS "standardNo",
  s.standard_name AS "standardName",
  s.standard_level AS "standardLevel",
  s.passed,
  s.evaluated_on AS "evaluatedOn"
FROM
  standard_evaluation s
WHERE
  s.id = ANY ($1);

-- RegistryRepository.cultivationByEnterprise — any viewer
-- params: [[1]]
SELECT
  c.id AS "dbId",
  c.year,
  c.enterprise_id AS "enterpriseId",
  c.item_name AS "itemName",
  c.item_kind AS "itemKind",
  c.standard,
  c.industry_code AS "industryCode",
  c.contact_name AS "contactName",
  c.contact_phone AS "contactPhone"
FROM
  cultivation_entry c
WHERE
  c.enterprise_id = ANY ($1)
ORDER BY
  c.year,
  c.id;

-- RegistryRepository.evaluationsByEnterprise — any viewer
-- params: [[1]]
SELECT
  s.id AS "dbId",
  s.year,
  s.enterprise_id AS "enterpriseId",
  s.item_name AS "itemName",
  s.standard_no AS "standardNo",
  s.standard_name AS "standardName",
  s.standard_level AS "standardLevel",
  s.passed,
  s.evaluated_on AS "evaluatedOn"
FROM
  standard_evaluation s
WHERE
  s.enterprise_id = ANY ($1)
ORDER BY
  s.year,
  s.id;
