import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@hub/db';
import { SiteStore } from '../../api/src/site/builds.ts';
import { serveBuilds, type SiteServer } from '../../api/src/site/serve.ts';

const SCRIPT = "console.log('搜索')";

/**
 * The hub's static server over a site store (api/src/site/serve.ts, builds.ts): it serves the
 * build `current` points at when a request arrives, survives files vanishing under it (the
 * ENOENT crash of issue 10), and sends the security headers of issue 12.4.
 */
describe('the static server of the site builds', () => {
  let root: string;
  let store: SiteStore;
  let server: SiteServer;
  let base: string;

  async function writeBuild(id: string, pages: Record<string, string>) {
    for (const [path, html] of Object.entries(pages)) {
      const file = join(store.buildsDir, id, path);
      await mkdir(join(file, '..'), { recursive: true });
      await writeFile(file, html);
    }
  }

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'hub-serve-'));
    store = new SiteStore(root);
    await writeBuild('a', {
      'index.html': '<!doctype html><p>build a</p>',
      'only-in-a/index.html': '<p>a</p>',
      'search/index.html': `<p>search</p><script src="/pagefind/pagefind-ui.js"></script><script>${SCRIPT}</script>`,
      '404.html': '<p>自己的404页</p>',
      'data/results.csv': 'report_no\nHB-1\n',
    });
    await writeBuild('b', { 'index.html': '<!doctype html><p>build b</p>', '404.html': '<p>404 b</p>' });
    await store.swap('a');
    const port = await freePort();
    server = await serveBuilds(() => store.currentDir(), { host: '127.0.0.1', port });
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await server?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('sends a CSP naming the page’s inline scripts by hash, nosniff, a referrer policy and no framing', async () => {
    const response = await fetch(`${base}/search/`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy')!;
    const hash = createHash('sha256').update(SCRIPT).digest('base64');
    expect(csp).toContain(`script-src 'self' 'wasm-unsafe-eval' 'sha256-${hash}'`);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    const csv = await fetch(`${base}/data/results.csv`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await csv.text()).toBe('report_no\nHB-1\n');
  });

  it('answers unknown paths and paths outside the build with the build’s own 404 page', async () => {
    const missing = await fetch(`${base}/no/such/page/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('自己的404页');
    for (const path of ['/../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd']) {
      expect(await rawStatus(base, path)).toBe(404);
    }
  });

  it('keeps answering while files vanish and reappear under it', async () => {
    // a page (read whole) and a data file (streamed): both paths of the server
    const page = join(store.buildsDir, 'a', 'only-in-a', 'index.html');
    const data = join(store.buildsDir, 'a', 'data', 'results.csv');
    const statuses = new Set<number>();
    let churn = true;
    const churner = (async () => {
      while (churn) {
        await Promise.all([rm(page, { force: true }), rm(data, { force: true })]);
        await Promise.all([writeFile(page, '<p>a</p>'), writeFile(data, 'report_no\nHB-1\n'.repeat(20_000))]);
      }
    })();
    for (let i = 0; i < 300; i++) {
      const [a, b] = await Promise.all([fetch(`${base}/only-in-a/`), fetch(`${base}/data/results.csv`).catch(() => null)]);
      statuses.add(a.status);
      if (b) {
        statuses.add(b.status);
        await b.arrayBuffer().catch(() => undefined);
      }
    }
    churn = false;
    await churner;
    expect([...statuses].every((s) => s === 200 || s === 404)).toBe(true);
    expect((await fetch(`${base}/`)).status).toBe(200);
  });

  it('serves the new build from the request after the swap', async () => {
    expect(await (await fetch(`${base}/`)).text()).toContain('build a');
    await store.swap('b');
    expect(await (await fetch(`${base}/`)).text()).toContain('build b');
    expect((await fetch(`${base}/only-in-a/`)).status).toBe(404);
    await store.prune();
    await store.swap('b');
    expect((await fetch(`${base}/`)).status).toBe(200);
  });
});

/** A request with the path sent as written (fetch would normalise the dots away). */
function rawStatus(base: string, path: string): Promise<number> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}
