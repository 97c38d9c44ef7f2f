-- The SQL of EnterpriseRepository (api/src/*/enterprise.repository.ts), written by `pnpm sql:write`: do not edit.
-- Each statement runs with the parameters shown; "today" is 2026-01-15.

-- EnterpriseRepository.list (first page) — anonymous
-- params: ["2026-01-15",21]
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
FROM
  enterprise e
WHERE
  (
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
ORDER BY
  e.name ASC,
  e.id ASC
LIMIT
  $2;

-- params: ["2026-01-15"]
SELECT
  count(*) AS n
FROM
  enterprise e
WHERE
  (
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
  );

-- EnterpriseRepository.list (first page) — bureau
-- params: ["2026-01-15",21]
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
FROM
  enterprise e
WHERE
  $1::date IS NOT NULL
ORDER BY
  e.name ASC,
  e.id ASC
LIMIT
  $2;

-- params: ["2026-01-15"]
SELECT
  count(*) AS n
FROM
  enterprise e
WHERE
  $1::date IS NOT NULL;

-- EnterpriseRepository.list (every filter) — anonymous
-- params: ["2026-01-15","420100","91420100MA4K0000X0","%酒业%","%酒业%",21]
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
FROM
  enterprise e
WHERE
  (
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
  AND e.city_code = $2
  AND e.uscc = $3
  AND EXISTS (
    SELECT
      1
    FROM
      certified_item ci
    WHERE
      ci.enterprise_id = e.id
  )
  AND (
    e.name ILIKE $4
    OR EXISTS (
      SELECT
        1
      FROM
        trademark t
      WHERE
        t.enterprise_id = e.id
        AND t.name ILIKE $5
    )
  )
ORDER BY
  e.name ASC,
  e.id ASC
LIMIT
  $6;

-- params: ["2026-01-15","420100","91420100MA4K0000X0","%酒业%","%酒业%"]
SELECT
  count(*) AS n
FROM
  enterprise e
WHERE
  (
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
  AND e.city_code = $2
  AND e.uscc = $3
  AND EXISTS (
    SELECT
      1
    FROM
      certified_item ci
    WHERE
      ci.enterprise_id = e.id
  )
  AND (
    e.name ILIKE $4
    OR EXISTS (
      SELECT
        1
      FROM
        trademark t
      WHERE
        t.enterprise_id = e.id
        AND t.name ILIKE $5
    )
  );

-- EnterpriseRepository.list (every filter) — bureau
-- params: ["2026-01-15","420100","91420100MA4K0000X0","%酒业%","%酒业%",21]
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
FROM
  enterprise e
WHERE
  $1::date IS NOT NULL
  AND e.city_code = $2
  AND e.uscc = $3
  AND EXISTS (
    SELECT
      1
    FROM
      certified_item ci
    WHERE
      ci.enterprise_id = e.id
  )
  AND (
    e.name ILIKE $4
    OR EXISTS (
      SELECT
        1
      FROM
        trademark t
      WHERE
        t.enterprise_id = e.id
        AND t.name ILIKE $5
    )
  )
ORDER BY
  e.name ASC,
  e.id ASC
LIMIT
  $6;

-- params: ["2026-01-15","420100","91420100MA4K0000X0","%酒业%","%酒业%"]
SELECT
  count(*) AS n
FROM
  enterprise e
WHERE
  $1::date IS NOT NULL
  AND e.city_code = $2
  AND e.uscc = $3
  AND EXISTS (
    SELECT
      1
    FROM
      certified_item ci
    WHERE
      ci.enterprise_id = e.id
  )
  AND (
    e.name ILIKE $4
    OR EXISTS (
      SELECT
        1
      FROM
        trademark t
      WHERE
        t.enterprise_id = e.id
        AND t.name ILIKE $5
    )
  );

-- EnterpriseRepository.byUscc — anonymous
-- params: ["2026-01-15","91420100MA4K0000X0"]
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
FROM
  enterprise e
WHERE
  (
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
  AND e.uscc = $2;

-- EnterpriseRepository.byUscc — bureau
-- params: ["2026-01-15","91420100MA4K0000X0"]
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
FROM
  enterprise e
WHERE
  $1::date IS NOT NULL
  AND e.uscc = $2;

-- EnterpriseRepository.idByUsccForBureau — anonymous
-- (no statement)

-- EnterpriseRepository.idByUsccForBureau — bureau
-- params: ["91420100MA4K0000X0"]
SELECT
  id
FROM
  enterprise
WHERE
  uscc = $1;

-- EnterpriseRepository.byId — anonymous
-- params: [[1],"2026-01-15"]
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
FROM
  enterprise e
WHERE
  e.id = ANY ($1)
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
        AND now_.valid_from <= $2::date
        AND (
          now_.valid_until IS NULL
          OR now_.valid_until > $2::date
        )
      WHERE
        (
          sc.producer_id = e.id
          OR sc.sampled_unit_id = e.id
        )
        AND now_.published
        AND now_.identity_public IS TRUE
    )
  );

-- EnterpriseRepository.byId — bureau
-- params: [[1],"2026-01-15"]
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
FROM
  enterprise e
WHERE
  e.id = ANY ($1)
  AND $2::date IS NOT NULL;

-- EnterpriseRepository.trademarks — any viewer
-- params: [[1]]
SELECT
  enterprise_id AS "enterpriseId",
  name
FROM
  trademark
WHERE
  enterprise_id = ANY ($1)
ORDER BY
  name;
