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
  AND (
    expires_at IS NULL
    OR expires_at > now()
  )
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
-- params: ["质量处","(sha256 of the token)","2027-12-01T00:00:00.000Z"]
INSERT INTO
  api_token (name, token_hash, expires_at)
VALUES
  ($1, $2, $3);

-- TokenRepository.list — any viewer
SELECT
  name,
  created_at AS "createdAt",
  last_used_at AS "lastUsedAt",
  expires_at AS "expiresAt",
  revoked_at AS "revokedAt"
FROM
  api_token
ORDER BY
  created_at DESC,
  id DESC;

-- TokenRepository.revoke — any viewer
-- params: ["质量处"]
UPDATE api_token
SET
  revoked_at = now()
WHERE
  name = $1
  AND revoked_at IS NULL;
