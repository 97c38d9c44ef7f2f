-- The SQL of RevocationRepository (api/src/*/revocation.repository.ts), written by `pnpm sql:write`: do not edit.
-- Each statement runs with the parameters shown; "today" is 2026-01-15.

-- RevocationRepository.list (every year) — any viewer
-- params: [21]
SELECT
  r.id AS "dbId",
  r.decision_no AS "decisionNo",
  r.decided_on AS "decidedOn",
  r.enterprise_id AS "enterpriseId",
  r.ground,
  r.ground_text AS "groundText",
  r.facts,
  r.version
FROM
  revocation r
ORDER BY
  r.decided_on DESC,
  r.id DESC
LIMIT
  $1;

SELECT
  count(*) AS n
FROM
  revocation r;

-- RevocationRepository.list (of a year) — any viewer
-- params: ["2025-01-01","2025-12-31",21]
SELECT
  r.id AS "dbId",
  r.decision_no AS "decisionNo",
  r.decided_on AS "decidedOn",
  r.enterprise_id AS "enterpriseId",
  r.ground,
  r.ground_text AS "groundText",
  r.facts,
  r.version
FROM
  revocation r
WHERE
  r.decided_on BETWEEN $1::date AND $2::date
ORDER BY
  r.decided_on DESC,
  r.id DESC
LIMIT
  $3;

-- params: ["2025-01-01","2025-12-31"]
SELECT
  count(*) AS n
FROM
  revocation r
WHERE
  r.decided_on BETWEEN $1::date AND $2::date;

-- RevocationRepository.byId — any viewer
-- params: [[1]]
SELECT
  r.id AS "dbId",
  r.decision_no AS "decisionNo",
  r.decided_on AS "decidedOn",
  r.enterprise_id AS "enterpriseId",
  r.ground,
  r.ground_text AS "groundText",
  r.facts,
  r.version
FROM
  revocation r
WHERE
  r.id = ANY ($1);

-- RevocationRepository.byCertifiedItem — any viewer
-- params: [[1]]
SELECT
  r.id AS "dbId",
  r.decision_no AS "decisionNo",
  r.decided_on AS "decidedOn",
  r.enterprise_id AS "enterpriseId",
  r.ground,
  r.ground_text AS "groundText",
  r.facts,
  r.version,
  ri.certified_item_id AS key
FROM
  revocation_item ri
  JOIN revocation r ON r.id = ri.revocation_id
WHERE
  ri.certified_item_id = ANY ($1)
ORDER BY
  r.decided_on;

-- RevocationRepository.byEnterprise — any viewer
-- params: [[1]]
SELECT
  r.id AS "dbId",
  r.decision_no AS "decisionNo",
  r.decided_on AS "decidedOn",
  r.enterprise_id AS "enterpriseId",
  r.ground,
  r.ground_text AS "groundText",
  r.facts,
  r.version
FROM
  revocation r
WHERE
  r.enterprise_id = ANY ($1)
ORDER BY
  r.decided_on,
  r.id;

-- RevocationRepository.concerningLogo — any viewer
-- params: [[1]]
SELECT
  r.id AS "dbId",
  r.decision_no AS "decisionNo",
  r.decided_on AS "decidedOn",
  r.enterprise_id AS "enterpriseId",
  r.ground,
  r.ground_text AS "groundText",
  r.facts,
  r.version,
  la.id AS key,
  array(
    SELECT
      ri.certified_item_id
    FROM
      revocation_item ri
    WHERE
      ri.revocation_id = r.id
    ORDER BY
      1
  ) AS "itemIds"
FROM
  logo_authorisation la
  JOIN revocation r ON r.enterprise_id = la.enterprise_id
  OR EXISTS (
    SELECT
      1
    FROM
      revocation_item ri
    WHERE
      ri.revocation_id = r.id
      AND ri.certified_item_id = la.certified_item_id
  )
WHERE
  la.id = ANY ($1)
ORDER BY
  r.decided_on,
  r.id;
