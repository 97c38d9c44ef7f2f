// Static output only: every page is built from the GraphQL API at build time (HUB_API_URL).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import pagefindIndex from './integrations/pagefind.mjs';
import { SITE_URL } from './src/lib/site.ts';

// the committed GraphQL contract, offered for download on the API page
process.env.HUB_SCHEMA_FILE ??= fileURLToPath(new URL('../schema/schema.graphql', import.meta.url));

export default defineConfig({
  output: 'static',
  // the hub gives each site store its own cache (api/src/site/builds.ts): two hubs on one checkout
  // must not reuse each other's pages
  cacheDir: process.env.HUB_ASTRO_CACHE_DIR ?? './node_modules/.astro',
  // Pages whose getStaticPaths() returns a cacheKey are copied from the previous build when the key
  // and the page's code are unchanged (docs.astro.build reference/experimental-flags/incremental-build);
  // every other page is rendered each time. Keys: src/lib/page-key.ts.
  experimental: { incrementalBuild: true },
  // where the public reaches the site (absolute links in the sitemap, feeds and data files):
  // HUB_SITE_URL, else the host and port the hub serves it on — the pages' own rule (src/lib/site.ts)
  site: SITE_URL,
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  // the site is read-only public data: no dev toolbar, no telemetry
  devToolbar: { enabled: false },
  // no client-side prefetch script: the only script on the site is the search page's
  prefetch: false,
  integrations: [
    sitemap({ filter: (page) => !page.endsWith('/404/') }),
    // last: it indexes the finished output
    pagefindIndex(),
  ],
});
