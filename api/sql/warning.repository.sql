-- The SQL of WarningRepository (api/src/*/warning.repository.ts), written by `pnpm sql:write`: do not edit.
-- Each statement runs with the parameters shown; "today" is 2026-01-15.

-- WarningRepository.list (every year) — any viewer
-- params: [21]
SELECT
  w.id AS "dbId",
  w.title,
  w.published_on AS "publishedOn",
  w.product_category AS "productCategory",
  w.risk,
  w.advice,
  w.version
FROM
  consumer_warning w
ORDER BY
  w.published_on DESC,
  w.id DESC
LIMIT
  $1;

SELECT
  count(*) AS n
FROM
  consumer_warning w;

-- WarningRepository.list (of a year) — any viewer
-- params: ["2025-01-01","2025-12-31",21]
SELECT
  w.id AS "dbId",
  w.title,
  w.published_on AS "publishedOn",
  w.product_category AS "productCategory",
  w.risk,
  w.advice,
  w.version
FROM
  consumer_warning w
WHERE
  w.published_on BETWEEN $1::date AND $2::date
ORDER BY
  w.published_on DESC,
  w.id DESC
LIMIT
  $3;

-- params: ["2025-01-01","2025-12-31"]
SELECT
  count(*) AS n
FROM
  consumer_warning w
WHERE
  w.published_on BETWEEN $1::date AND $2::date;

-- WarningRepository.byId — any viewer
-- params: [[1]]
SELECT
  w.id AS "dbId",
  w.title,
  w.published_on AS "publishedOn",
  w.product_category AS "productCategory",
  w.risk,
  w.advice,
  w.version
FROM
  consumer_warning w
WHERE
  w.id = ANY ($1);

-- WarningRepository.bySpotCheck — any viewer
-- params: [[1]]
SELECT
  w.id AS "dbId",
  w.title,
  w.published_on AS "publishedOn",
  w.product_category AS "productCategory",
  w.risk,
  w.advice,
  w.version,
  wsc.spot_check_id AS key
FROM
  warning_spot_check wsc
  JOIN consumer_warning w ON w.id = wsc.consumer_warning_id
WHERE
  wsc.spot_check_id = ANY ($1)
ORDER BY
  w.published_on DESC;
