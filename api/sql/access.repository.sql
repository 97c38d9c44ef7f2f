-- The SQL of TokenRepository (api/src/*/access.repository.ts), written by `pnpm sql:write`: do not edit.
-- Each statement runs with the parameters shown; "today" is 2026-01-15.

-- TokenRepository.use — any viewer
-- params: ["(sha256 of the token)"]
UPDATE api_token
SET
  last_used_at = now()
WHERE
  token_hash = $1
  AND revoked_at IS NULL
RETURNING
  name;

-- TokenRepository.exists — any viewer
-- params: ["质量处"]
SELECT
  count(*)::int AS n
FROM
  api_token
WHERE
  name = $1;

-- TokenRepository.create — any viewer
-- params: ["质量处","(sha256 of the token)"]
INSERT INTO
  api_token (name, token_hash)
VALUES
  ($1, $2);
