-- The SQL of CertificationRepository (api/src/*/certification.repository.ts), written by `pnpm sql:write`: do not edit.
-- Each statement runs with the parameters shown; "today" is 2026-01-15.

-- CertificationRepository.list (first page) — any viewer
-- params: ["2026-01-15",21]
SELECT
  ci.id AS "dbId",
  ci.round,
  2022 + ci.round AS "roundYear",
  ci.enterprise_id AS "enterpriseId",
  ci.name,
  ci.kind,
  ci.trademark,
  ci.standard_no AS "standardNo",
  ci.standard_name AS "standardName",
  ci.standard_level AS "standardLevel",
  ci.industry_code AS "industryCode",
  ci.certified_on AS "certifiedOn",
  ci.certificate_no AS "certificateNo",
  ci.seq_no AS "seqNo",
  ci.version,
  ci.round * 100000 + coalesce(ci.seq_no, 0) AS "orderKey",
  CASE
    WHEN EXISTS (
      SELECT
        1
      FROM
        revocation_item ri
        JOIN revocation r ON r.id = ri.revocation_id
      WHERE
        ri.certified_item_id = ci.id
        AND r.decided_on <= $1::date
    ) THEN 'revoked'
    WHEN EXISTS (
      SELECT
        1
      FROM
        rectification_notice rn
      WHERE
        (
          rn.certified_item_id = ci.id
          OR (
            rn.certified_item_id IS NULL
            AND rn.enterprise_id = ci.enterprise_id
          )
        )
        AND rn.issued_on <= $1::date
        AND (
          rn.completed_on IS NULL
          OR rn.completed_on > $1::date
        )
    ) THEN 'under_rectification'
    ELSE 'in_force'
  END AS "statusToday",
  (
    SELECT
      row_to_json(x)
    FROM
      (
        SELECT
          e.id AS "dbId",
          e.uscc,
          e.name,
          e.address,
          e.city_code AS "cityCode",
          e.county,
          e.province_code AS "provinceCode",
          e.size,
          e.version
      ) x
  ) AS "enterpriseRow"
FROM
  certified_item ci
  JOIN enterprise e ON e.id = ci.enterprise_id
ORDER BY
  ci.round * 100000 + coalesce(ci.seq_no, 0) ASC,
  ci.id ASC
LIMIT
  $2;

SELECT
  count(*) AS n
FROM
  certified_item ci
  JOIN enterprise e ON e.id = ci.enterprise_id;

-- CertificationRepository.list (every filter, next page) — any viewer
-- params: [1,"420100","15%","product","91420100MA4K0000X0","2025-12-31","in_force","%白酒%","%白酒%","%白酒%","%白酒%","%白酒%",100001,42,"2026-01-15",21]
SELECT
  ci.id AS "dbId",
  ci.round,
  2022 + ci.round AS "roundYear",
  ci.enterprise_id AS "enterpriseId",
  ci.name,
  ci.kind,
  ci.trademark,
  ci.standard_no AS "standardNo",
  ci.standard_name AS "standardName",
  ci.standard_level AS "standardLevel",
  ci.industry_code AS "industryCode",
  ci.certified_on AS "certifiedOn",
  ci.certificate_no AS "certificateNo",
  ci.seq_no AS "seqNo",
  ci.version,
  ci.round * 100000 + coalesce(ci.seq_no, 0) AS "orderKey",
  CASE
    WHEN EXISTS (
      SELECT
        1
      FROM
        revocation_item ri
        JOIN revocation r ON r.id = ri.revocation_id
      WHERE
        ri.certified_item_id = ci.id
        AND r.decided_on <= $15::date
    ) THEN 'revoked'
    WHEN EXISTS (
      SELECT
        1
      FROM
        rectification_notice rn
      WHERE
        (
          rn.certified_item_id = ci.id
          OR (
            rn.certified_item_id IS NULL
            AND rn.enterprise_id = ci.enterprise_id
          )
        )
        AND rn.issued_on <= $15::date
        AND (
          rn.completed_on IS NULL
          OR rn.completed_on > $15::date
        )
    ) THEN 'under_rectification'
    ELSE 'in_force'
  END AS "statusToday",
  (
    SELECT
      row_to_json(x)
    FROM
      (
        SELECT
          e.id AS "dbId",
          e.uscc,
          e.name,
          e.address,
          e.city_code AS "cityCode",
          e.county,
          e.province_code AS "provinceCode",
          e.size,
          e.version
      ) x
  ) AS "enterpriseRow"
FROM
  certified_item ci
  JOIN enterprise e ON e.id = ci.enterprise_id
WHERE
  ci.round = $1
  AND e.city_code = $2
  AND ci.industry_code LIKE $3
  AND ci.kind = $4
  AND e.uscc = $5
  AND CASE
    WHEN EXISTS (
      SELECT
        1
      FROM
        revocation_item ri
        JOIN revocation r ON r.id = ri.revocation_id
      WHERE
        ri.certified_item_id = ci.id
        AND r.decided_on <= $6::date
    ) THEN 'revoked'
    WHEN EXISTS (
      SELECT
        1
      FROM
        rectification_notice rn
      WHERE
        (
          rn.certified_item_id = ci.id
          OR (
            rn.certified_item_id IS NULL
            AND rn.enterprise_id = ci.enterprise_id
          )
        )
        AND rn.issued_on <= $6::date
        AND (
          rn.completed_on IS NULL
          OR rn.completed_on > $6::date
        )
    ) THEN 'under_rectification'
    ELSE 'in_force'
  END = $7
  AND (
    ci.name ILIKE $8
    OR ci.trademark ILIKE $9
    OR ci.standard_no ILIKE $10
    OR ci.standard_name ILIKE $11
    OR e.name ILIKE $12
  )
  AND (ci.round * 100000 + coalesce(ci.seq_no, 0), ci.id) > ($13::int, $14::int)
ORDER BY
  ci.round * 100000 + coalesce(ci.seq_no, 0) ASC,
  ci.id ASC
LIMIT
  $16;

-- params: [1,"420100","15%","product","91420100MA4K0000X0","2025-12-31","in_force","%白酒%","%白酒%","%白酒%","%白酒%","%白酒%"]
SELECT
  count(*) AS n
FROM
  certified_item ci
  JOIN enterprise e ON e.id = ci.enterprise_id
WHERE
  ci.round = $1
  AND e.city_code = $2
  AND ci.industry_code LIKE $3
  AND ci.kind = $4
  AND e.uscc = $5
  AND CASE
    WHEN EXISTS (
      SELECT
        1
      FROM
        revocation_item ri
        JOIN revocation r ON r.id = ri.revocation_id
      WHERE
        ri.certified_item_id = ci.id
        AND r.decided_on <= $6::date
    ) THEN 'revoked'
    WHEN EXISTS (
      SELECT
        1
      FROM
        rectification_notice rn
      WHERE
        (
          rn.certified_item_id = ci.id
          OR (
            rn.certified_item_id IS NULL
            AND rn.enterprise_id = ci.enterprise_id
          )
        )
        AND rn.issued_on <= $6::date
        AND (
          rn.completed_on IS NULL
          OR rn.completed_on > $6::date
        )
    ) THEN 'under_rectification'
    ELSE 'in_force'
  END = $7
  AND (
    ci.name ILIKE $8
    OR ci.trademark ILIKE $9
    OR ci.standard_no ILIKE $10
    OR ci.standard_name ILIKE $11
    OR e.name ILIKE $12
  );

-- CertificationRepository.byCertificateNo — any viewer
-- params: ["HBJP-2023-0001"]
SELECT
  ci.id AS "dbId",
  ci.round,
  2022 + ci.round AS "roundYear",
  ci.enterprise_id AS "enterpriseId",
  ci.name,
  ci.kind,
  ci.trademark,
  ci.standard_no AS "standardNo",
  ci.standard_name AS "standardName",
  ci.standard_level AS "standardLevel",
  ci.industry_code AS "industryCode",
  ci.certified_on AS "certifiedOn",
  ci.certificate_no AS "certificateNo",
  ci.seq_no AS "seqNo",
  ci.version
FROM
  certified_item ci
WHERE
  ci.certificate_no = $1;

-- CertificationRepository.byId — any viewer
-- params: [[1]]
SELECT
  ci.id AS "dbId",
  ci.round,
  2022 + ci.round AS "roundYear",
  ci.enterprise_id AS "enterpriseId",
  ci.name,
  ci.kind,
  ci.trademark,
  ci.standard_no AS "standardNo",
  ci.standard_name AS "standardName",
  ci.standard_level AS "standardLevel",
  ci.industry_code AS "industryCode",
  ci.certified_on AS "certifiedOn",
  ci.certificate_no AS "certificateNo",
  ci.seq_no AS "seqNo",
  ci.version
FROM
  certified_item ci
WHERE
  ci.id = ANY ($1);

-- CertificationRepository.byEnterprise — any viewer
-- params: [[1]]
SELECT
  ci.id AS "dbId",
  ci.round,
  2022 + ci.round AS "roundYear",
  ci.enterprise_id AS "enterpriseId",
  ci.name,
  ci.kind,
  ci.trademark,
  ci.standard_no AS "standardNo",
  ci.standard_name AS "standardName",
  ci.standard_level AS "standardLevel",
  ci.industry_code AS "industryCode",
  ci.certified_on AS "certifiedOn",
  ci.certificate_no AS "certificateNo",
  ci.seq_no AS "seqNo",
  ci.version
FROM
  certified_item ci
WHERE
  ci.enterprise_id = ANY ($1)
ORDER BY
  ci.round,
  ci.id;

-- CertificationRepository.byRevocation — any viewer
-- params: [[1]]
SELECT
  ci.id AS "dbId",
  ci.round,
  2022 + ci.round AS "roundYear",
  ci.enterprise_id AS "enterpriseId",
  ci.name,
  ci.kind,
  ci.trademark,
  ci.standard_no AS "standardNo",
  ci.standard_name AS "standardName",
  ci.standard_level AS "standardLevel",
  ci.industry_code AS "industryCode",
  ci.certified_on AS "certifiedOn",
  ci.certificate_no AS "certificateNo",
  ci.seq_no AS "seqNo",
  ci.version,
  ri.revocation_id AS key
FROM
  revocation_item ri
  JOIN certified_item ci ON ci.id = ri.certified_item_id
WHERE
  ri.revocation_id = ANY ($1)
ORDER BY
  ci.id;

-- CertificationRepository.status — any viewer
-- params: [[1],["2025-12-31"]]
SELECT
  q.id || '|' || q.d AS key,
  CASE
    WHEN EXISTS (
      SELECT
        1
      FROM
        revocation_item ri
        JOIN revocation r ON r.id = ri.revocation_id
      WHERE
        ri.certified_item_id = ci.id
        AND r.decided_on <= q.d::date
    ) THEN 'revoked'
    WHEN EXISTS (
      SELECT
        1
      FROM
        rectification_notice rn
      WHERE
        (
          rn.certified_item_id = ci.id
          OR (
            rn.certified_item_id IS NULL
            AND rn.enterprise_id = ci.enterprise_id
          )
        )
        AND rn.issued_on <= q.d::date
        AND (
          rn.completed_on IS NULL
          OR rn.completed_on > q.d::date
        )
    ) THEN 'under_rectification'
    ELSE 'in_force'
  END AS status
FROM
  unnest($1::int[], $2::date[]) AS q (id, d)
  JOIN certified_item ci ON ci.id = q.id;
