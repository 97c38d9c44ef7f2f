/**
 * Where the built site and the API are reached by the public. The build itself reads the API
 * on a private address (HUB_API_URL); these are only written into pages, feeds, the sitemap and
 * data files.
 *
 * `HUB_SITE_URL` / `HUB_PUBLIC_API_URL` when set (a public host name, behind a proxy). Otherwise
 * the addresses `pnpm start` serves on, from the same variables it reads (`HUB_HOST`,
 * `HUB_SITE_PORT`, `HUB_API_PORT`; the build inherits the hub's environment), so a hub started
 * on other ports never writes links to ports nobody serves.
 */
const env = process.env;
const trimmed = (value: string | undefined) => value?.trim() || undefined;
/** the host a browser uses: an all-interfaces or loopback listen address is reached as localhost */
const host = (() => {
  const h = trimmed(env.HUB_HOST);
  return !h || h === '0.0.0.0' || h === '127.0.0.1' || h === '::' ? 'localhost' : h;
})();
const port = (name: string, fallback: number) => {
  const value = trimmed(env[name]);
  return value && /^\d+$/.test(value) ? Number(value) : fallback;
};

export const SITE_URL = (trimmed(env.HUB_SITE_URL) ?? `http://${host}:${port('HUB_SITE_PORT', 4321)}`).replace(/\/+$/, '');
export const PUBLIC_API_URL = trimmed(env.HUB_PUBLIC_API_URL) ?? `http://${host}:${port('HUB_API_PORT', 4000)}/graphql`;
export const absolute = (path: string) => `${SITE_URL}${path}`;
