import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, refreshCaseState, todayInChina, type SiteBuild } from '@hub/api';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { loadSiteFixture, SITE } from './fixture.ts';

/**
 * Astro's incremental build (docs/site.md, "Incremental builds"): a record page is reused when
 * its cacheKey (site/src/lib/page-key.ts) is unchanged, so a key that misses something the page
 * shows would serve a stale public record. Three builds of the site fixture share one cache:
 * the same data again (every record page and the whole search index reused), then one failure
 * changed in the database. The incremental build must equal a full build of the same data byte
 * for byte, and must have rendered exactly the record pages whose content changed (the pages that
 * show the failure), reusing every other one.
 */
/** the routes whose pages carry a cacheKey: record pages, their QR codes and the per-batch data files */
const KEYED =
  /^(spot-checks\/result\/|certified\/item\/|enterprises\/[0-9A-Z]{18}\/|batches\/[^/]+\/|warnings\/[^/]+\/|revocations\/[^/]+\/|logo\/(?!page\/|validity\/|basis\/)[^/]+\/|qr\/|data\/batches\/)/;

async function filesOf(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(relative(dir, join(entry.parentPath, entry.name)));
  }
  return out.sort();
}
/** the pages and data files (not Pagefind's index, not the release archive: zip and index carry their own times) */
const comparable = (f: string) => (f.endsWith('.html') || f.startsWith('qr/') || f.startsWith('data/batches/')) && f !== 'hub-build.json';
const rel = (path: string) => path.replace(/^\//, '');

describe('incremental site builds', () => {
  let db: TestDatabase;
  let api: TestApi;
  let cacheDir: string;
  const dirs: string[] = [];
  const today = todayInChina();
  const env = { HUB_SITE_URL: 'http://127.0.0.1:4999', HUB_PUBLIC_API_URL: 'http://127.0.0.1:4998/graphql', HUB_SEARCH_PART: '4' };

  const build = async (cache = cacheDir, day = today): Promise<SiteBuild> => {
    const outDir = await mkdtemp(join(tmpdir(), 'hub-incremental-'));
    dirs.push(outDir);
    return buildSite({ apiUrl: api.url, outDir, quiet: true, cacheDir: cache, today: day });
  };
  const differing = async (a: string, b: string) => {
    const [fa, fb] = [(await filesOf(a)).filter(comparable), (await filesOf(b)).filter(comparable)];
    expect(fa).toEqual(fb);
    const out: string[] = [];
    for (const f of fa) if (!(await readFile(join(a, f))).equals(await readFile(join(b, f)))) out.push(f);
    return out;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadSiteFixture(db.sql, today);
    await refreshCaseState(db.sql);
    api = await startTestApi(db.url);
    cacheDir = await mkdtemp(join(tmpdir(), 'hub-incremental-cache-'));
    Object.assign(process.env, env);
  });

  afterAll(async () => {
    for (const k of Object.keys(env)) delete process.env[k];
    await api?.stop();
    await db?.drop();
    for (const d of [...dirs, cacheDir]) if (d) await rm(d, { recursive: true, force: true });
  });

  it('reuses every record page and the search index when nothing changed, and renders again exactly the pages that show a changed record', {
    timeout: 600_000,
  }, async () => {
    const first = await build();
    const pages = first.rendered.map(rel);
    const keyed = pages.filter((p) => KEYED.test(p));
    // not vacuous: every kind of record page is there
    for (const kind of [
      'spot-checks/result/',
      'certified/item/',
      'enterprises/',
      'batches/',
      'warnings/',
      'revocations/',
      'logo/',
      'qr/',
      'data/batches/',
    ])
      expect(
        keyed.some((p) => p.startsWith(kind)),
        kind,
      ).toBe(true);

    // the same data again: no record page rendered, the search index reused as it was
    const second = await build();
    expect(second.rendered.map(rel).filter((p) => KEYED.test(p))).toEqual([]);
    expect(second.reused).toBeGreaterThanOrEqual(keyed.length);
    expect(second.search).toMatchObject({ indexed: 0 });
    expect(second.search!.pages).toBe(first.search!.pages);
    // list and home pages are still rendered: they show the latest batch and the build day
    expect(second.rendered.map(rel)).toContain('index.html');

    // one failure changes (a later correction of its trademark): the API is restarted so no cache answers
    const [{ id: batch }] = (await db.sql.query(`SELECT id FROM batch WHERE status = 'published' ORDER BY id DESC LIMIT 1`)).rows;
    await db.sql.query('BEGIN');
    await db.sql.query(`SET LOCAL hub.batch_id = '${batch}'`);
    await db.sql.query(`SET LOCAL hub.change_reason = '商标更正'`);
    await db.sql.query(`UPDATE spot_check SET trademark = '新壶王' WHERE report_no = $1`, [SITE.kettle.reportNo]);
    await db.sql.query('COMMIT');
    await api.stop();
    api = await startTestApi(db.url);
    const third = await build();
    const fullCache = await mkdtemp(join(tmpdir(), 'hub-incremental-cache-full-'));
    dirs.push(fullCache);
    const full = await build(fullCache);
    // incremental and full builds of the same data are the same site: no page served stale
    expect(await differing(third.outDir, full.outDir)).toEqual([]);
    // the pages whose content changed are exactly the record pages rendered again
    const changed = (await differing(second.outDir, third.outDir)).filter((p) => KEYED.test(p));
    const renderedAgain = third.rendered.map(rel).filter((p) => KEYED.test(p));
    expect(changed).toContain(`spot-checks/result/${SITE.kettle.reportNo}/index.html`);
    expect(renderedAgain.sort()).toEqual(changed.sort());
    // an unchanged failure's page was reused
    expect(renderedAgain).not.toContain(`spot-checks/result/${SITE.cable.reportNo}/index.html`);
    // and the search index: only the changed pages' parts were indexed again
    expect(third.search!.indexed).toBeGreaterThan(0);
    expect(third.search!.indexed).toBeLessThan(third.search!.pages);
    const kettle = await readFile(join(third.outDir, `spot-checks/result/${SITE.kettle.reportNo}/index.html`), 'utf8');
    expect(kettle).toContain('新壶王');
  });

  it('renders again the pages a new day changes, and only those', { timeout: 600_000 }, async () => {
    // the site's day a year on (the API's answers stay as of today)
    const later = new Date(Date.parse(`${today}T00:00:00Z`) + 400 * 86_400_000).toISOString().slice(0, 10);
    const before = await build();
    const after = await build(cacheDir, later);
    const fullCache = await mkdtemp(join(tmpdir(), 'hub-incremental-cache-full-'));
    dirs.push(fullCache);
    const full = await build(fullCache, later);
    expect(await differing(after.outDir, full.outDir)).toEqual([]);
    const changed = (await differing(before.outDir, after.outDir)).filter((p) => KEYED.test(p));
    const renderedAgain = after.rendered.map(rel).filter((p) => KEYED.test(p));
    // not vacuous: the per-batch data files name the day they were made, and the batch pages their checksums
    // (the fixture's failures have no deadline still open, so their timelines read the same a year on)
    expect(changed.some((p) => p.startsWith('data/batches/'))).toBe(true);
    expect(changed.some((p) => p.startsWith('batches/'))).toBe(true);
    expect(renderedAgain.sort()).toEqual(changed.sort());
  });
});
