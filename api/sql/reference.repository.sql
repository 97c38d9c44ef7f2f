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

-- ReferenceRepository.city — anonymous
SELECT
  code,
  name,
  short_name AS "shortName"
FROM
  city;

-- ReferenceRepository.city — bureau
-- params: [["420100"]]
SELECT
  code,
  name,
  short_name AS "shortName"
FROM
  city
WHERE
  code = ANY ($1);

-- ReferenceRepository.industry — anonymous
SELECT
  code,
  name
FROM
  industry;

-- ReferenceRepository.industry — bureau
-- params: [["1512"]]
SELECT
  code,
  name
FROM
  industry
WHERE
  code = ANY ($1);

-- ReferenceRepository.industriesByCode — anonymous
SELECT
  code,
  name
FROM
  industry;

-- ReferenceRepository.industriesByCode — bureau
-- params: [["1512","3831"]]
SELECT
  code,
  name
FROM
  industry
WHERE
  code = ANY ($1);
