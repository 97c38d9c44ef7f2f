// Static output only: every page is built from the GraphQL API at build time (HUB_API_URL).
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'static',
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  // the site is read-only public data: no dev toolbar, no telemetry
  devToolbar: { enabled: false },
});
