-- The SQL of ReferenceRepository (api/src/*/reference.repository.ts), written by `pnpm sql:write`: do not edit.
-- Each statement runs with the parameters shown; "today" is 2026-01-15.

-- ReferenceRepository.cities — any viewer
SELECT
  code,
  name,
  short_name AS "shortName"
FROM
  city
ORDER BY
  code;

-- ReferenceRepository.industries — any viewer
SELECT
  code,
  name
FROM
  industry
ORDER BY
  code;

-- ReferenceRepository.industryNames — any viewer
SELECT
  code,
  name
FROM
  industry;

-- ReferenceRepository.city — any viewer
-- params: [["420100"]]
SELECT
  code,
  name,
  short_name AS "shortName"
FROM
  city
WHERE
  code = ANY ($1);

-- ReferenceRepository.industry — any viewer
-- params: [["1512"]]
SELECT
  code,
  name
FROM
  industry
WHERE
  code = ANY ($1);

-- ReferenceRepository.industriesByCode — any viewer
-- params: [["1512","3831"]]
SELECT
  code,
  name
FROM
  industry
WHERE
  code = ANY ($1);
