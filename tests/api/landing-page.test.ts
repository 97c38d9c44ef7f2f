import { describe, expect, it } from 'vitest';
import { landingPageHtml, siteUrl } from '../../api/src/explorer/landing-page.ts';

describe('the page GET /graphql shows a browser', () => {
  it('links the site’s explorer at the configured address, else at the one the hub serves the site on', () => {
    expect(siteUrl({ HUB_SITE_URL: 'https://hbjp.example.org/' })).toBe('https://hbjp.example.org');
    expect(siteUrl({ HUB_SITE_PORT: '8321' })).toBe('http://localhost:8321');
    expect(siteUrl({ HUB_HOST: '0.0.0.0' })).toBe('http://localhost:4321');
    expect(siteUrl({ HUB_HOST: 'hub.lan', HUB_SITE_PORT: '80' })).toBe('http://hub.lan:80');
  });

  it('needs nothing from outside and escapes the address', () => {
    const html = landingPageHtml('http://x.example/"><script>');
    expect(html).not.toMatch(/<script|https:\/\//);
    expect(html).toContain('http://x.example/&quot;&gt;&lt;script&gt;/api/explorer/');
  });
});
