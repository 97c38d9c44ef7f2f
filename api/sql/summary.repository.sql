-- The SQL of SummaryRepository (api/src/*/summary.repository.ts), written by `pnpm sql:write`: do not edit.
-- Each statement runs with the parameters shown; "today" is 2026-01-15.

-- SummaryRepository.summary — any viewer
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
      enterprise
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
      spot_check
  ) AS spot_checks,
  (
    SELECT
      count(*)
    FROM
      spot_check
    WHERE
      conclusion = 'fail'
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
