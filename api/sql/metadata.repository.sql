-- The SQL of MetadataRepository (api/src/*/metadata.repository.ts), written by `pnpm sql:write`: do not edit.
-- Each statement runs with the parameters shown; "today" is 2026-01-15.

-- MetadataRepository.current — any viewer
SELECT
  to_char(
    b.published_at AT TIME ZONE 'Asia/Shanghai',
    'YYYY-MM-DD'
  ) AS "dataAsOf",
  b.id AS "latestBatchId",
  b.title AS "latestBatchTitle",
  to_char(
    b.published_at AT TIME ZONE 'UTC',
    'YYYY-MM-DD"T"HH24:MI:SS"Z"'
  ) AS "latestBatchPublishedAt"
FROM
  (
    SELECT
      1
  ) one
  LEFT JOIN LATERAL (
    SELECT
      id,
      title,
      published_at
    FROM
      batch
    WHERE
      status = 'published'
    ORDER BY
      published_at DESC,
      id DESC
    LIMIT
      1
  ) b ON true;
