-- The SQL of LogoRepository (api/src/*/logo.repository.ts), written by `pnpm sql:write`: do not edit.
-- Each statement runs with the parameters shown; "today" is 2026-01-15.

-- LogoRepository.list (first page) — any viewer
-- params: [21]
SELECT
  la.id AS "dbId",
  la.enterprise_id AS "enterpriseId",
  la.certified_item_id AS "certifiedItemId",
  la.basis,
  la.authorised_on AS "authorisedOn",
  la.valid_until AS "validUntil"
FROM
  logo_authorisation la
  JOIN enterprise e ON e.id = la.enterprise_id
ORDER BY
  la.authorised_on DESC,
  la.id DESC
LIMIT
  $1;

SELECT
  count(*) AS n
FROM
  logo_authorisation la
  JOIN enterprise e ON e.id = la.enterprise_id;

-- LogoRepository.list (every filter, next page) — any viewer
-- params: ["yangtze_award","91420100MA4K0000X0","HBJP-2023-0001","2025-12-01",42,21]
SELECT
  la.id AS "dbId",
  la.enterprise_id AS "enterpriseId",
  la.certified_item_id AS "certifiedItemId",
  la.basis,
  la.authorised_on AS "authorisedOn",
  la.valid_until AS "validUntil"
FROM
  logo_authorisation la
  JOIN enterprise e ON e.id = la.enterprise_id
WHERE
  la.basis = $1
  AND e.uscc = $2
  AND la.certified_item_id IN (
    SELECT
      ci.id
    FROM
      certified_item ci
    WHERE
      ci.certificate_no = $3
  )
  AND (la.authorised_on, la.id) < ($4::date, $5::int)
ORDER BY
  la.authorised_on DESC,
  la.id DESC
LIMIT
  $6;

-- params: ["yangtze_award","91420100MA4K0000X0","HBJP-2023-0001"]
SELECT
  count(*) AS n
FROM
  logo_authorisation la
  JOIN enterprise e ON e.id = la.enterprise_id
WHERE
  la.basis = $1
  AND e.uscc = $2
  AND la.certified_item_id IN (
    SELECT
      ci.id
    FROM
      certified_item ci
    WHERE
      ci.certificate_no = $3
  );

-- LogoRepository.byId — any viewer
-- params: [[1]]
SELECT
  la.id AS "dbId",
  la.enterprise_id AS "enterpriseId",
  la.certified_item_id AS "certifiedItemId",
  la.basis,
  la.authorised_on AS "authorisedOn",
  la.valid_until AS "validUntil"
FROM
  logo_authorisation la
WHERE
  la.id = ANY ($1);

-- LogoRepository.byCertifiedItem — any viewer
-- params: [[1]]
SELECT
  la.id AS "dbId",
  la.enterprise_id AS "enterpriseId",
  la.certified_item_id AS "certifiedItemId",
  la.basis,
  la.authorised_on AS "authorisedOn",
  la.valid_until AS "validUntil"
FROM
  logo_authorisation la
WHERE
  la.certified_item_id = ANY ($1)
ORDER BY
  la.authorised_on,
  la.id;

-- LogoRepository.byEnterprise — any viewer
-- params: [[1]]
SELECT
  la.id AS "dbId",
  la.enterprise_id AS "enterpriseId",
  la.certified_item_id AS "certifiedItemId",
  la.basis,
  la.authorised_on AS "authorisedOn",
  la.valid_until AS "validUntil"
FROM
  logo_authorisation la
WHERE
  la.enterprise_id = ANY ($1)
ORDER BY
  la.authorised_on,
  la.id;
