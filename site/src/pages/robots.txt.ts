import type { APIRoute } from 'astro';
import { absolute } from '../lib/site';

/** Everything is public: crawl it all; the sitemap at the public address (HUB_SITE_URL). */
export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absolute('/sitemap-index.xml')}\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
