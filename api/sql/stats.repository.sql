-- The SQL of StatsRepository (api/src/*/stats.repository.ts), written by `pnpm sql:write`: do not edit.
-- Each statement runs with the parameters shown; "today" is 2026-01-15.

-- StatsRepository.spotCheckStats (by city) — any viewer
-- params: ["2026-01-15"]
SELECT
  sc.city_code AS key,
  count(*) AS checked,
  count(*) FILTER (
    WHERE
      coalesce(now_.effective_conclusion, sc.conclusion) = 'fail'
  ) AS failed
FROM
  spot_check sc
  LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
  AND now_.valid_from <= $1::date
  AND (
    now_.valid_until IS NULL
    OR now_.valid_until > $1::date
  )
WHERE
  now_.counted IS TRUE
GROUP BY
  1
ORDER BY
  1;

-- StatsRepository.spotCheckStats (by industry, filtered) — anonymous
-- params: ["2026-01-15","420100","SC2025-001","%电热水壶%","%电热水壶%","%电热水壶%","%电热水壶%","%电热水壶%","%电热水壶%","%电热水壶%"]
SELECT
  CASE
    WHEN now_.identity_public IS TRUE THEN (
      SELECT
        ci.industry_code
      FROM
        certified_item ci
      WHERE
        ci.id = sc.certified_item_id
    )
  END AS key,
  count(*) AS checked,
  count(*) FILTER (
    WHERE
      coalesce(now_.effective_conclusion, sc.conclusion) = 'fail'
  ) AS failed
FROM
  spot_check sc
  LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
  AND now_.valid_from <= $1::date
  AND (
    now_.valid_until IS NULL
    OR now_.valid_until > $1::date
  )
WHERE
  now_.counted IS TRUE
  AND sc.city_code = $2
  AND sc.report_no = $3
  AND (
    sc.product_name ILIKE $4
    OR sc.product_category ILIKE $5
    OR sc.trademark ILIKE $6
    OR sc.model_spec ILIKE $7
    OR sc.production_batch ILIKE $8
    OR sc.task_name ILIKE $9
    OR CASE
      WHEN now_.identity_public IS TRUE THEN sc.producer_name
    END ILIKE $10
  )
GROUP BY
  1
ORDER BY
  1;

-- StatsRepository.spotCheckStats (by industry, filtered) — bureau
-- params: ["2026-01-15","420100","SC2025-001","%电热水壶%","%电热水壶%","%电热水壶%","%电热水壶%","%电热水壶%","%电热水壶%","%电热水壶%"]
SELECT
  (
    SELECT
      ci.industry_code
    FROM
      certified_item ci
    WHERE
      ci.id = sc.certified_item_id
  ) AS key,
  count(*) AS checked,
  count(*) FILTER (
    WHERE
      coalesce(now_.effective_conclusion, sc.conclusion) = 'fail'
  ) AS failed
FROM
  spot_check sc
  LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
  AND now_.valid_from <= $1::date
  AND (
    now_.valid_until IS NULL
    OR now_.valid_until > $1::date
  )
WHERE
  now_.counted IS TRUE
  AND sc.city_code = $2
  AND sc.report_no = $3
  AND (
    sc.product_name ILIKE $4
    OR sc.product_category ILIKE $5
    OR sc.trademark ILIKE $6
    OR sc.model_spec ILIKE $7
    OR sc.production_batch ILIKE $8
    OR sc.task_name ILIKE $9
    OR sc.producer_name ILIKE $10
  )
GROUP BY
  1
ORDER BY
  1;

-- StatsRepository.byBatch — any viewer
-- params: ["2026-01-15",[1]]
SELECT
  sc.batch_id AS "batchId",
  to_char(sc.report_date, 'YYYY-MM') AS key,
  count(*) AS checked,
  count(*) FILTER (
    WHERE
      coalesce(now_.effective_conclusion, sc.conclusion) = 'fail'
  ) AS failed
FROM
  spot_check sc
  LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
  AND now_.valid_from <= $1::date
  AND (
    now_.valid_until IS NULL
    OR now_.valid_until > $1::date
  )
WHERE
  now_.counted IS TRUE
  AND sc.batch_id = ANY ($2)
GROUP BY
  1,
  2
ORDER BY
  1,
  2;

-- StatsRepository.revocationsPerYear — any viewer
SELECT
  extract(
    year
    FROM
      decided_on
  )::int AS year,
  count(*) AS count
FROM
  revocation
GROUP BY
  1
ORDER BY
  1;

-- StatsRepository.warningsPerYear — any viewer
SELECT
  extract(
    year
    FROM
      published_on
  )::int AS year,
  count(*) AS count
FROM
  consumer_warning
GROUP BY
  1
ORDER BY
  1;
