-- The SQL of SummaryRepository (api/src/*/summary.repository.ts), written by `pnpm sql:write`: do not edit.
-- Each statement runs with the parameters shown; "today" is 2026-01-15.

-- SummaryRepository.summary — anonymous
-- params: ["2026-01-15"]
SELECT
  (
    SELECT
      to_char(
        max(published_at AT TIME ZONE 'Asia/Shanghai'),
        'YYYY-MM-DD'
      )
    FROM
      batch
    WHERE
      status = 'published'
  ) AS data_as_of,
  (
    SELECT
      coalesce(bool_or(is_sample), false)
    FROM
      batch
    WHERE
      status = 'published'
  ) AS contains_sample_data,
  (
    SELECT
      count(*)
    FROM
      batch
    WHERE
      status = 'published'
  ) AS published_batches,
  (
    SELECT
      count(*)
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
  ) AS enterprises,
  (
    SELECT
      count(*)
    FROM
      certified_item
  ) AS certified_items,
  (
    SELECT
      count(*)
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
  ) AS spot_checks,
  (
    SELECT
      count(*)
    FROM
      spot_check sc
      LEFT JOIN case_period now_ ON now_.spot_check_id = sc.id
      AND now_.valid_from <= $1::date
      AND (
        now_.valid_until IS NULL
        OR now_.valid_until > $1::date
      )
    WHERE
      now_.published
      AND coalesce(now_.effective_conclusion, sc.conclusion) = 'fail'
  ) AS failed_spot_checks,
  (
    SELECT
      count(*)
    FROM
      revocation
  ) AS revocations,
  (
    SELECT
      count(*)
    FROM
      consumer_warning
  ) AS consumer_warnings;

-- SummaryRepository.summary — bureau
-- params: ["2026-01-15"]
SELECT
  (
    SELECT
      to_char(
        max(published_at AT TIME ZONE 'Asia/Shanghai'),
        'YYYY-MM-DD'
      )
    FROM
      batch
    WHERE
      status = 'published'
  ) AS data_as_of,
  (
    SELECT
      coalesce(bool_or(is_sample), false)
    FROM
      batch
    WHERE
      status = 'published'
  ) AS contains_sample_data,
  (
    SELECT
      count(*)
    FROM
      batch
    WHERE
      status = 'published'
  ) AS published_batches,
  (
    SELECT
      count(*)
    FROM
      enterprise e
    WHERE
      $1::date IS NOT NULL
  ) AS enterprises,
  (
    SELECT
      count(*)
    FROM
      certified_item
  ) AS certified_items,
  (
    SELECT
      count(*)
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
  ) AS spot_checks,
  (
    SELECT
      count(*)
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
      AND coalesce(now_.effective_conclusion, sc.conclusion) = 'fail'
  ) AS failed_spot_checks,
  (
    SELECT
      count(*)
    FROM
      revocation
  ) AS revocations,
  (
    SELECT
      count(*)
    FROM
      consumer_warning
  ) AS consumer_warnings;

-- SummaryRepository.ping — any viewer
SELECT
  1;
