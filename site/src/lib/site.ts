/**
 * Where the built site and the API are reached by the public. The build itself reads the API
 * on a private address (HUB_API_URL); these are only written into pages, feeds and files.
 */
export const SITE_URL = (process.env.HUB_SITE_URL ?? 'http://localhost:4321').replace(/\/+$/, '');
export const PUBLIC_API_URL = process.env.HUB_PUBLIC_API_URL ?? 'http://localhost:4000/graphql';
export const absolute = (path: string) => `${SITE_URL}${path}`;
