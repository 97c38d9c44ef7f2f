import { userError } from './errors.ts';

/** Global IDs: opaque base64url of "Type:key". */
export function toGlobalId(type: string, key: string | number): string {
  return Buffer.from(`${type}:${key}`).toString('base64url');
}

export function fromGlobalId(id: string): { type: string; key: string } {
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1) throw userError('BAD_USER_INPUT', `"${id}" is not an ID of this API: use the id field of a returned object.`);
  return { type: decoded.slice(0, colon), key: decoded.slice(colon + 1) };
}

export function dbIdOf(id: string, type: string): number {
  const parsed = fromGlobalId(id);
  const key = Number(parsed.key);
  if (parsed.type !== type || !Number.isInteger(key)) {
    throw userError('BAD_USER_INPUT', `"${id}" is not the ID of a ${type} (it names a ${parsed.type}).`);
  }
  return key;
}
