-- The SQL of StatsRepository (api/src/*/stats.repository.ts), written by `pnpm sql:write`: do not edit.
-- Each statement runs with the parameters shown; "today" is 2026-01-15.

-- StatsRepository.spotCheckStats (by city) — any viewer
-- params: ["2026-01-15"]
SELECT
  fresh.ok AS fresh,
  g.*
FROM
  (
    SELECT
      (
        SELECT
          s.generation = g.n
          AND (
            s.valid_from IS NULL
            OR s.valid_from <= $1::date
          )
          AND (
            s.valid_until IS NULL
            OR $1::date < s.valid_until
          )
        FROM
          stats_aggregate s,
          data_generation g
        WHERE
          s.id = 1
          AND g.id = 1
          AND s.as_of IS NOT NULL
      ) AS ok
  ) fresh
  LEFT JOIN LATERAL (
    SELECT
      c.city_code AS k0,
      c.state,
      sum(c.n)::int AS checked,
      (
        sum(c.n) FILTER (
          WHERE
            c.failed
        )
      )::int AS failed
    FROM
      stats_cell c
    WHERE
      c.cube = 1
      AND fresh.ok
    GROUP BY
      k0,
      state
  ) g ON true
ORDER BY
  g.k0,
  g.state;

-- params: ["2026-01-15"]
SELECT
  sc.city_code AS k0,
  CASE
    WHEN now_.spot_check_id IS NULL THEN 'uncomputed'
    WHEN now_.counted THEN 'counted'
    WHEN now_.status = 'withdrawn' THEN 'withdrawn'
    WHEN now_.status IN (
      'awaiting_delivery',
      'objection_window',
      'under_objection',
      'retest_pending'
    ) THEN 'pending'
    ELSE 'other'
  END AS state,
  count(*)::int AS checked,
  (
    count(*) FILTER (
      WHERE
        coalesce(now_.effective_conclusion, sc.conclusion) = 'fail'
    )
  )::int AS failed
FROM
  spot_check sc
  LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
  AND now_.valid_from <= $1::date
  AND (
    now_.valid_until IS NULL
    OR now_.valid_until > $1::date
  )
WHERE
  true
GROUP BY
  k0,
  state
ORDER BY
  k0,
  state;

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
  END AS k0,
  CASE
    WHEN now_.spot_check_id IS NULL THEN 'uncomputed'
    WHEN now_.counted THEN 'counted'
    WHEN now_.status = 'withdrawn' THEN 'withdrawn'
    WHEN now_.status IN (
      'awaiting_delivery',
      'objection_window',
      'under_objection',
      'retest_pending'
    ) THEN 'pending'
    ELSE 'other'
  END AS state,
  count(*)::int AS checked,
  (
    count(*) FILTER (
      WHERE
        coalesce(now_.effective_conclusion, sc.conclusion) = 'fail'
    )
  )::int AS failed
FROM
  spot_check sc
  LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
  AND now_.valid_from <= $1::date
  AND (
    now_.valid_until IS NULL
    OR now_.valid_until > $1::date
  )
WHERE
  true
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
  k0,
  state
ORDER BY
  k0,
  state;

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
  ) AS k0,
  CASE
    WHEN now_.spot_check_id IS NULL THEN 'uncomputed'
    WHEN now_.counted THEN 'counted'
    WHEN now_.status = 'withdrawn' THEN 'withdrawn'
    WHEN now_.status IN (
      'awaiting_delivery',
      'objection_window',
      'under_objection',
      'retest_pending'
    ) THEN 'pending'
    ELSE 'other'
  END AS state,
  count(*)::int AS checked,
  (
    count(*) FILTER (
      WHERE
        coalesce(now_.effective_conclusion, sc.conclusion) = 'fail'
    )
  )::int AS failed
FROM
  spot_check sc
  LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
  AND now_.valid_from <= $1::date
  AND (
    now_.valid_until IS NULL
    OR now_.valid_until > $1::date
  )
WHERE
  true
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
  k0,
  state
ORDER BY
  k0,
  state;

-- StatsRepository.statistics — any viewer
-- params: ["2026-01-15"]
SELECT
  fresh.ok AS fresh,
  g.*
FROM
  (
    SELECT
      (
        SELECT
          s.generation = g.n
          AND (
            s.valid_from IS NULL
            OR s.valid_from <= $1::date
          )
          AND (
            s.valid_until IS NULL
            OR $1::date < s.valid_until
          )
        FROM
          stats_aggregate s,
          data_generation g
        WHERE
          s.id = 1
          AND g.id = 1
          AND s.as_of IS NOT NULL
      ) AS ok
  ) fresh
  LEFT JOIN LATERAL (
    SELECT
      c.city_code AS k0,
      to_char(c.month, 'YYYY') AS k1,
      c.state,
      sum(c.n)::int AS checked,
      (
        sum(c.n) FILTER (
          WHERE
            c.failed
        )
      )::int AS failed
    FROM
      stats_cell c
    WHERE
      c.cube = 1
      AND fresh.ok
    GROUP BY
      k0,
      k1,
      state
  ) g ON true
ORDER BY
  g.k0,
  g.k1,
  g.state;

-- params: ["2026-01-15"]
SELECT
  sc.city_code AS k0,
  to_char(sc.report_date, 'YYYY') AS k1,
  CASE
    WHEN now_.spot_check_id IS NULL THEN 'uncomputed'
    WHEN now_.counted THEN 'counted'
    WHEN now_.status = 'withdrawn' THEN 'withdrawn'
    WHEN now_.status IN (
      'awaiting_delivery',
      'objection_window',
      'under_objection',
      'retest_pending'
    ) THEN 'pending'
    ELSE 'other'
  END AS state,
  count(*)::int AS checked,
  (
    count(*) FILTER (
      WHERE
        coalesce(now_.effective_conclusion, sc.conclusion) = 'fail'
    )
  )::int AS failed
FROM
  spot_check sc
  LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
  AND now_.valid_from <= $1::date
  AND (
    now_.valid_until IS NULL
    OR now_.valid_until > $1::date
  )
WHERE
  true
GROUP BY
  k0,
  k1,
  state
ORDER BY
  k0,
  k1,
  state;

-- StatsRepository.fullCount (city × year) — any viewer
-- params: ["2026-01-15","2025-01-01"]
SELECT
  sc.city_code AS k0,
  to_char(sc.report_date, 'YYYY') AS k1,
  CASE
    WHEN now_.spot_check_id IS NULL THEN 'uncomputed'
    WHEN now_.counted THEN 'counted'
    WHEN now_.status = 'withdrawn' THEN 'withdrawn'
    WHEN now_.status IN (
      'awaiting_delivery',
      'objection_window',
      'under_objection',
      'retest_pending'
    ) THEN 'pending'
    ELSE 'other'
  END AS state,
  count(*)::int AS checked,
  (
    count(*) FILTER (
      WHERE
        coalesce(now_.effective_conclusion, sc.conclusion) = 'fail'
    )
  )::int AS failed
FROM
  spot_check sc
  LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
  AND now_.valid_from <= $1::date
  AND (
    now_.valid_until IS NULL
    OR now_.valid_until > $1::date
  )
WHERE
  true
  AND sc.report_date >= $2::date
GROUP BY
  k0,
  k1,
  state
ORDER BY
  k0,
  k1,
  state;

-- StatsRepository.fullCount (by size and item, certified, one producer) — anonymous
-- params: ["2026-01-15","X"]
SELECT
  CASE
    WHEN now_.identity_public IS TRUE THEN (
      SELECT
        e.size
      FROM
        enterprise e
      WHERE
        e.id = sc.producer_id
    )
  END AS k0,
  ni.item AS k1,
  CASE
    WHEN now_.spot_check_id IS NULL THEN 'uncomputed'
    WHEN now_.counted THEN 'counted'
    WHEN now_.status = 'withdrawn' THEN 'withdrawn'
    WHEN now_.status IN (
      'awaiting_delivery',
      'objection_window',
      'under_objection',
      'retest_pending'
    ) THEN 'pending'
    ELSE 'other'
  END AS state,
  count(*)::int AS checked,
  (
    count(*) FILTER (
      WHERE
        coalesce(now_.effective_conclusion, sc.conclusion) = 'fail'
    )
  )::int AS failed
FROM
  spot_check sc
  LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
  AND now_.valid_from <= $1::date
  AND (
    now_.valid_until IS NULL
    OR now_.valid_until > $1::date
  )
  LEFT JOIN nonconforming_item ni ON ni.spot_check_id = sc.id
  AND now_.published
WHERE
  true
  AND sc.certified_item_id IS NOT NULL
  AND now_.identity_public IS TRUE
  AND sc.producer_id IN (
    SELECT
      id
    FROM
      enterprise
    WHERE
      uscc = $2
  )
  AND now_.identity_public IS TRUE
  AND now_.published
GROUP BY
  k0,
  k1,
  state
ORDER BY
  k0,
  k1,
  state;

-- StatsRepository.fullCount (by size and item, certified, one producer) — bureau
-- params: ["2026-01-15","X"]
SELECT
  (
    SELECT
      e.size
    FROM
      enterprise e
    WHERE
      e.id = sc.producer_id
  ) AS k0,
  ni.item AS k1,
  CASE
    WHEN now_.spot_check_id IS NULL THEN 'uncomputed'
    WHEN now_.counted THEN 'counted'
    WHEN now_.status = 'withdrawn' THEN 'withdrawn'
    WHEN now_.status IN (
      'awaiting_delivery',
      'objection_window',
      'under_objection',
      'retest_pending'
    ) THEN 'pending'
    ELSE 'other'
  END AS state,
  count(*)::int AS checked,
  (
    count(*) FILTER (
      WHERE
        coalesce(now_.effective_conclusion, sc.conclusion) = 'fail'
    )
  )::int AS failed
FROM
  spot_check sc
  LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
  AND now_.valid_from <= $1::date
  AND (
    now_.valid_until IS NULL
    OR now_.valid_until > $1::date
  )
  LEFT JOIN nonconforming_item ni ON ni.spot_check_id = sc.id
WHERE
  true
  AND sc.certified_item_id IS NOT NULL
  AND sc.producer_id IN (
    SELECT
      id
    FROM
      enterprise
    WHERE
      uscc = $2
  )
GROUP BY
  k0,
  k1,
  state
ORDER BY
  k0,
  k1,
  state;

-- StatsRepository.fromAggregate (city × year, check types, a year) — any viewer
-- params: ["2026-01-15",["provincial"],"2025-01-01","2025-12-31"]
SELECT
  fresh.ok AS fresh,
  g.*
FROM
  (
    SELECT
      (
        SELECT
          s.generation = g.n
          AND (
            s.valid_from IS NULL
            OR s.valid_from <= $1::date
          )
          AND (
            s.valid_until IS NULL
            OR $1::date < s.valid_until
          )
        FROM
          stats_aggregate s,
          data_generation g
        WHERE
          s.id = 1
          AND g.id = 1
          AND s.as_of IS NOT NULL
      ) AS ok
  ) fresh
  LEFT JOIN LATERAL (
    SELECT
      c.city_code AS k0,
      to_char(c.month, 'YYYY') AS k1,
      c.state,
      sum(c.n)::int AS checked,
      (
        sum(c.n) FILTER (
          WHERE
            c.failed
        )
      )::int AS failed
    FROM
      stats_cell c
    WHERE
      c.check_type = ANY ($2)
      AND c.month >= $3::date
      AND c.month <= date_trunc('month', $4::date)::date
      AND c.cube = 1
      AND fresh.ok
    GROUP BY
      k0,
      k1,
      state
  ) g ON true
ORDER BY
  g.k0,
  g.k1,
  g.state;

-- StatsRepository.fromAggregate (category, by a city) — any viewer
-- params: ["2026-01-15","420100"]
SELECT
  fresh.ok AS fresh,
  g.*
FROM
  (
    SELECT
      (
        SELECT
          s.generation = g.n
          AND (
            s.valid_from IS NULL
            OR s.valid_from <= $1::date
          )
          AND (
            s.valid_until IS NULL
            OR $1::date < s.valid_until
          )
        FROM
          stats_aggregate s,
          data_generation g
        WHERE
          s.id = 1
          AND g.id = 1
          AND s.as_of IS NOT NULL
      ) AS ok
  ) fresh
  LEFT JOIN LATERAL (
    SELECT
      c.product_category AS k0,
      c.state,
      sum(c.n)::int AS checked,
      (
        sum(c.n) FILTER (
          WHERE
            c.failed
        )
      )::int AS failed
    FROM
      stats_cell c
    WHERE
      c.city_code = $2
      AND c.cube = 3
      AND fresh.ok
    GROUP BY
      k0,
      state
  ) g ON true
ORDER BY
  g.k0,
  g.state;

-- StatsRepository.fromAggregate (industry × size, status, certified) — any viewer
-- (no statement)

-- StatsRepository.fromAggregate (by item) — any viewer
-- (no statement)

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
