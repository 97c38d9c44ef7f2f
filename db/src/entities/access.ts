import { defineEntity, p } from '@mikro-orm/core';

/** A bureau API token. Only its sha256 is stored; the token itself is shown once, at creation. */
const ApiTokenSchema = defineEntity({
  name: 'ApiToken',
  tableName: 'api_token',
  properties: {
    id: p.integer().primary(),
    name: p.string().length(100).unique(),
    tokenHash: p.string().length(64).unique(),
    createdAt: p.datetime().defaultRaw('now()'),
    lastUsedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
    /** after this moment the token is refused (401) like a revoked one; null: never (tokens made before expiries existed) */
    expiresAt: p.datetime().nullable(),
  },
});
export class ApiToken extends ApiTokenSchema.class {}
ApiTokenSchema.setClass(ApiToken);
