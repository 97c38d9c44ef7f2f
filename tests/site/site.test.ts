import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import { freePort } from '@hub/db';
import { refreshCaseState, todayInChina, buildSite, serveSite } from '@hub/api';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { loadSiteFixture, SITE, type SiteFixture } from './fixture.ts';
import { keySlug } from '../../site/src/lib/slug.ts';
import { rfc822China } from '../../site/src/lib/feed-xml.ts';

/**
 * The public site, built by `buildSite` from a real API over a real database holding every
 * disclosure case, then served and opened in Debian's chromium: content against the API,
 * disclosure (a withheld producer appears nowhere in the output), accessibility, links, search,
 * feeds, open data, and screenshots at phone and desktop width (tests/artifacts/site/).
 */
const ARTIFACTS = fileURLToPath(new URL('../artifacts/site/', import.meta.url));
const ENSURE_CHROMIUM = fileURLToPath(new URL('../setup/ensure-chromium.sh', import.meta.url));
const SITE_SRC = fileURLToPath(new URL('../../site/src/', import.meta.url));
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** every file of a directory, relative paths */
async function filesOf(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(relative(dir, join(entry.parentPath, entry.name)));
  }
  return out.sort();
}

const dateLabel = (d: string) => d.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_, y, m, day) => `${y}年${Number(m)}月${Number(day)}日`);

/** A page Astro built as a redirect (a permalink that now leads elsewhere). */
const isRedirect = (html: string) => html.startsWith('<!doctype html><title>Redirecting to:');

describe('the public site', () => {
  let db: TestDatabase;
  let api: TestApi;
  let fixture: SiteFixture;
  let outDir: string;
  let server: Server;
  let base: string;
  let browser: Browser;
  /** one tab per width, reused: navigating is much cheaper than opening a tab */
  const tabs = new Map<number, Page>();
  let files: string[];
  let html: string[];
  let SITE_URL_IN_TEST = '';
  const today = todayInChina();

  beforeAll(async () => {
    db = await createTestDatabase();
    fixture = await loadSiteFixture(db.sql, today);
    await refreshCaseState(db.sql);
    api = await startTestApi(db.url);
    outDir = await mkdtemp(join(tmpdir(), 'hub-site-test-'));
    // index in parts of 6 pages, so search goes through the merged parts as on a large site
    process.env.HUB_SEARCH_PART = '6';
    // lists paged at 2 rows, so the fixture's few items and enterprises span several pages
    process.env.HUB_LIST_PAGE = '2';
    // the public address the feeds and files name: the one this test serves the site on
    const sitePort = await freePort();
    SITE_URL_IN_TEST = `http://127.0.0.1:${sitePort}`;
    process.env.HUB_SITE_URL = SITE_URL_IN_TEST;
    // the explorer queries the API this test runs
    process.env.HUB_PUBLIC_API_URL = api.url;
    await buildSite({ apiUrl: api.url, outDir, quiet: true });
    delete process.env.HUB_SEARCH_PART;
    delete process.env.HUB_LIST_PAGE;
    delete process.env.HUB_SITE_URL;
    delete process.env.HUB_PUBLIC_API_URL;
    const served = await serveSite(outDir, { host: '127.0.0.1', port: sitePort });
    server = served.server;
    base = served.url.replace('localhost', '127.0.0.1').replace(/\/$/, '');
    files = await filesOf(outDir);
    html = files.filter((f) => f.endsWith('.html'));
    // chromium and the CJK fonts (without them every Chinese character is a box in the screenshots)
    execFileSync('bash', [ENSURE_CHROMIUM], { stdio: 'inherit' });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
    await mkdir(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await api?.stop();
    await db?.drop();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  const read = (path: string) => readFile(join(outDir, path), 'utf8');
  const fetchText = async (path: string) => {
    const response = await fetch(base + path);
    expect(response.status, path).toBe(200);
    return response.text();
  };
  async function open(path: string, viewport = DESKTOP): Promise<Page> {
    let page = tabs.get(viewport.width);
    if (!page || page.isClosed()) {
      page = await browser.newPage({ viewport });
      tabs.set(viewport.width, page);
    }
    const response = await page.goto(base + path);
    expect(response?.status(), path).toBe(200);
    return page;
  }
  const reportPage = (reportNo: string) => `/spot-checks/result/${reportNo}/`;

  it('builds a page for every public record and none for what the public may not see', async () => {
    for (const path of [
      'index.html',
      '404.html',
      'certified/index.html',
      'certified/item/HBJP-2023-001/index.html',
      'logo/index.html',
      `logo/${SITE.revokedCertificate}/index.html`,
      `logo/yangtze-award-${SITE.yangtzeUscc}/index.html`,
      'certified/round/1/index.html',
      'certified/city/420300/index.html',
      'certified/industry/1530/index.html',
      'certified/kind/service/index.html',
      'spot-checks/index.html',
      'spot-checks/failures/index.html',
      'revocations/index.html',
      'warnings/index.html',
      'corrections/index.html',
      'reports/index.html',
      'reports/2026/index.html',
      'search/index.html',
      'check/index.html',
      'open-data/index.html',
      'api/index.html',
      'api/schema.graphql',
      'about/index.html',
      'batches/index.html',
      'sitemap-index.xml',
      'pagefind/pagefind-ui.js',
      'data/SHA256SUMS.txt',
    ])
      expect(files, path).toContain(path);
    const results = files
      .filter((f) => f.startsWith('spot-checks/result/'))
      .map((f) => f.split('/')[2])
      .sort();
    // published final failures only: not the one inside its objection window, no pass; the withdrawn
    // one keeps its address, which now leads to its correction notice (003 Art. 26)
    const redirects = new Set<string>();
    for (const no of results) if (isRedirect(await read(`spot-checks/result/${no}/index.html`))) redirects.add(no);
    expect([...redirects]).toEqual([SITE.withdrawn.reportNo]);
    expect(await read(`spot-checks/result/${SITE.withdrawn.reportNo}/index.html`)).toContain(`url=/corrections/#`);
    // a retracted warning keeps its address too, and a decision set aside its anchor, leading to their notices
    const warningPages = files.filter((f) => /^warnings\/[^/]+\/index\.html$/.test(f));
    const warningRedirects = [];
    for (const f of warningPages) if (isRedirect(await read(f))) warningRedirects.push(await read(f));
    expect(warningRedirects).toHaveLength(1);
    expect(warningRedirects[0]).toContain('url=/corrections/#c-consumer_warning-');
    const revocations = await read('revocations/index.html');
    expect(revocations).toContain(`data-decision="${SITE.setAsideDecisionNo}"`);
    expect(revocations).toContain(SITE.withdrawalReason);
    expect(results.filter((no) => !redirects.has(no))).toEqual(
      [
        SITE.bike1.reportNo,
        SITE.kettle.reportNo,
        SITE.toy.reportNo,
        SITE.cable.reportNo,
        SITE.bike2.reportNo,
        SITE.failingCertified.reportNo,
        SITE.bare.reportNo,
      ].sort(),
    );
    // one page per certified enterprise (its USCC), besides the list's own pages
    expect(files.filter((f) => /^enterprises\/[0-9A-Z]{18}\/index\.html$/.test(f))).toHaveLength(4);
    // 16 record pages in parts of 6 (failed results apart from the rest): /pagefind/ and more, which the
    // search page merges; each part named by its pages, so a later build can reuse it (integrations/pagefind.mjs)
    const parts: string[] = JSON.parse(await read('pagefind/hub-parts.json'));
    expect(parts.length).toBeGreaterThanOrEqual(2);
    for (const part of parts) {
      expect(part).toMatch(/^\/pagefind\/part-[0-9a-f]{16}\/$/);
      expect(files).toContain(`${part.slice(1)}pagefind-entry.json`);
    }
  });

  it('says on every list page how current the data is and which batch is the latest; a record page gives its own dates', async () => {
    const { data } = await api.query(`{ summary { dataAsOf containsSampleData } batches(first: 1) { nodes { title } } }`);
    expect(data.summary.containsSampleData).toBe(true);
    // a record page shows no site-wide fact that changes with every publish or day, so incremental
    // builds can reuse it (site/src/lib/page-key.ts); it links /status/ for them
    const record =
      /^(spot-checks\/result\/|certified\/item\/|enterprises\/[0-9A-Z]{18}\/|batches\/[^/]+\/|warnings\/[^/]+\/|revocations\/[^/]+\/|logo\/(?!page\/|validity\/|basis\/)[^/]+\/)/;
    let records = 0;
    // the explorer is a tool over the live API, not a page of data as of the build
    for (const path of html.filter((p) => p !== 'api/explorer/index.html')) {
      const text = await read(path);
      if (isRedirect(text)) continue;
      expect(text, path).toContain('data-sample-banner');
      expect(text, path).toMatch(/<html lang="zh-CN">/);
      if (record.test(path)) {
        records++;
        expect(text, path).toContain('data-record-dates');
        expect(text, path).toContain('href="/status/"');
        expect(text, path).not.toContain('data-as-of');
        expect(text, path).not.toContain('data-latest-batch');
        expect(text, path).not.toContain('本站于');
        continue;
      }
      expect(text, path).toContain(`data-as-of="${data.summary.dataAsOf}"`);
      expect(text, path).toContain(`数据截至 <strong>${dateLabel(data.summary.dataAsOf)}</strong>`);
      expect(text, path).toContain(data.batches.nodes[0].title);
    }
    expect(records).toBeGreaterThan(20);
    // a failure's page: when it was published
    const kettle = await read(`spot-checks/result/${SITE.kettle.reportNo}/index.html`);
    expect(kettle).toMatch(/本页记录发布于 <strong>\d{4}年\d{1,2}月\d{1,2}日<\/strong>/);
    // the status page: the site-wide facts and the build day
    const status = await read('status/index.html');
    expect(status).toContain(`data-status-built="${today}"`);
    expect(status).toContain(`data-status-as-of="${data.summary.dataAsOf}"`);
    expect(status).toContain(data.batches.nodes[0].title);
  });

  it('runs no script except the search page’s, and renders imported text as text', async () => {
    for (const path of html.filter((p) => p !== 'search/index.html' && p !== 'api/explorer/index.html'))
      expect(await read(path), path).not.toMatch(/<script/i);
    // the explorer's scripts are the site's own files
    for (const [, src] of (await read('api/explorer/index.html')).matchAll(/<script[^>]*src="([^"]+)"/g))
      expect(src).toMatch(/^\/api\/explorer\//);
    expect(await read('search/index.html')).toContain('/pagefind/pagefind-ui.js');
    const kettle = await read(`spot-checks/result/${SITE.kettle.reportNo}/index.html`);
    expect(kettle).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(kettle).not.toContain(SITE.markup);
    const sources = (await filesOf(SITE_SRC)).filter((f) => f.endsWith('.astro'));
    for (const f of sources) expect(await readFile(join(SITE_SRC, f), 'utf8'), f).not.toContain('set:html');
  });

  it('never writes a withheld producer or seller anywhere in the output, search index included', async () => {
    const withheld = [
      SITE.withheldProducer,
      SITE.authenticityProducer,
      SITE.withheldSeller,
      ...fixture.withheldUsccs,
      SITE.pending.productName,
      // personal data of the cultivation library
      SITE.contactName,
      SITE.contactPhone,
    ];
    let searchIndexText = '';
    for (const path of files) {
      const bytes = await readFile(join(outDir, path));
      // Pagefind's index files are gzip-compressed: read what they hold
      const text = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
      if (path.startsWith('pagefind/')) searchIndexText += text;
      for (const name of withheld) expect(text.includes(name), `${name} in ${path}`).toBe(false);
      if (text.includes(SITE.withdrawn.productName))
        expect(['corrections/index.html', 'data/corrections.csv', 'data/corrections.json'], path).toContain(path);
    }
    // not vacuous: the search index was read, and a producer that may be named is named
    expect(searchIndexText).toContain(SITE.kettle.productName);
    expect(await read(`spot-checks/result/${SITE.cable.reportNo}/index.html`)).toContain(SITE.publicProducer);
  });

  it('shows the home page’s key numbers as the API counts them', async () => {
    const year = today.slice(0, 4);
    const { data } = await api.query(`{ certifiedItems(filter: { status: in_force }) { totalCount }
      spotCheckStats(by: year) { key checked failed } revocations { totalCount } }`);
    const thisYear = data.spotCheckStats.find((s: any) => s.key === year);
    const page = await open('/');
    const number = async (key: string) => Number((await page.locator(`[data-count="${key}"]`).textContent())!.replace(/,/g, ''));
    expect(await number('certified-in-force')).toBe(data.certifiedItems.totalCount);
    expect(await number('checks-this-year')).toBe(thisYear.checked);
    expect(await number('failures-this-year')).toBe(thisYear.failed);
    expect(await number('revocations')).toBe(data.revocations.totalCount);
    await expect(page.locator('main').textContent()).resolves.toContain(SITE.warningTitle);
  });

  it('shows a certified item’s status, revocation and ban end as the API has them', async () => {
    const { data } = await api.query(
      `{ certifiedItems(first: 50) { nodes { certificateNo name status revocations { decisionNo reapplicationBarredUntil } } } }`,
    );
    for (const item of data.certifiedItems.nodes) {
      const page = await open(`/certified/item/${item.certificateNo}/`);
      expect(await page.locator('h1').textContent()).toBe(item.name);
      expect(await page.locator('[data-status]').first().getAttribute('data-status')).toBe(item.status);
      for (const r of item.revocations) {
        const notice = await page.locator(`[data-revocation="${r.decisionNo}"]`).textContent();
        expect(notice).toContain(dateLabel(r.reapplicationBarredUntil));
      }
    }
    expect(data.certifiedItems.nodes.map((i: any) => i.status).sort()).toEqual([
      'in_force',
      'in_force',
      'in_force',
      'revoked',
      'under_rectification',
    ]);
  });

  it('answers 这个标识还有效吗: a revoked item’s logo stopped from the decision, a 长江质量奖 self-declaration reachable', async () => {
    const { data } = await api.query(`{ logoAuthorisations(first: 10) { nodes { validity stoppedOn stoppedBy { decisionNo }
      enterprise { name } certifiedItem { certificateNo } } } }`);
    const revoked = data.logoAuthorisations.nodes.find((l: any) => l.certifiedItem?.certificateNo === SITE.revokedCertificate);
    expect(revoked).toMatchObject({ validity: 'stopped', stoppedBy: { decisionNo: SITE.decisionNo } });

    const logoPage = await open(`/logo/${SITE.revokedCertificate}/`, PHONE);
    const answer = logoPage.locator('[data-logo-answer]');
    expect(await answer.getAttribute('data-logo-answer')).toBe('stopped');
    expect(await answer.textContent()).toContain(`已停止使用（自${dateLabel(revoked.stoppedOn)}起，依据${SITE.decisionNo}撤销决定）`);
    // the term it was authorised for is not presented as its validity
    expect(await logoPage.locator('main').textContent()).not.toContain(dateLabel(SITE.revokedLogoTerm));
    // the item's page gives the same answer and links the logo page
    const itemPage = await open(`/certified/item/${SITE.revokedCertificate}/`);
    const logoRow = itemPage.locator('[data-logo-link]');
    expect(await logoRow.textContent()).toContain('已停止使用');
    expect(await itemPage.locator('main').textContent()).not.toContain(`至${dateLabel(SITE.revokedLogoTerm)}`);
    expect(await logoRow.locator('a').getAttribute('href')).toBe(`/logo/${SITE.revokedCertificate}/`);

    // the self-declaration, whose enterprise has no other public record, is reached from /logo/ (linked in the footer)
    const list = await open('/');
    await list.locator('footer a', { hasText: '标识查询' }).click();
    await list.waitForURL(/\/logo\/$/);
    await list.locator('[data-list-filters] a', { hasText: '长江质量奖自我声明' }).click();
    await list.waitForURL(/\/logo\/basis\/yangtze_award\/$/);
    const declared = list.locator(`[data-logo="yangtze-award-${SITE.yangtzeUscc}"]`);
    expect(await declared.textContent()).toContain(SITE.yangtzeEnterprise);
    await declared.locator('a').first().click();
    await list.waitForURL(new RegExp(`/logo/yangtze-award-${SITE.yangtzeUscc}/$`));
    expect(await list.locator('[data-logo-answer]').getAttribute('data-logo-answer')).toBe('valid');
    expect(await list.locator('main').textContent()).toContain(`${SITE.yangtzeEnterprise}作为长江质量奖获奖组织`);
  });

  it('lists each batch’s failed products with exactly the fields of 003 Art. 27, and its summary as the API counts it', async () => {
    const { data } = await api.query(`{ batches(first: 20) { nodes { id title kind spotCheckStats(by: checkType) { checked failed } } }
      spotChecks(first: 100) { nodes { reportNo batch { id } } } }`);
    const batch = data.batches.nodes.find((b: any) => b.title.startsWith('2026年第1批'));
    const page = await open('/batches/');
    await page.getByRole('link', { name: batch.title }).click();
    const headers = await page.locator('table.failures thead th').allTextContents();
    expect(headers).toEqual([
      '序号',
      '产品种类',
      '不合格产品名称',
      '商标',
      '规格型号',
      '生产日期/批号',
      '不符合项',
      '主要质量问题',
      '生产者、销售者',
    ]);
    const listed = await page.locator('table.failures tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-report-no')));
    const expected = data.spotChecks.nodes.filter((s: any) => s.batch?.id === batch.id).map((s: any) => s.reportNo);
    expect(listed.sort()).toEqual(expected.sort());
    const checked = batch.spotCheckStats.reduce((n: number, s: any) => n + s.checked, 0);
    const failed = batch.spotCheckStats.reduce((n: number, s: any) => n + s.failed, 0);
    expect(Number(await page.locator('[data-count="batch-checked"]').textContent())).toBe(checked);
    expect(Number(await page.locator('[data-count="batch-failed"]').textContent())).toBe(failed);
    // the withheld producer's row says so, the one that may be named is named
    await expect(page.locator(`tr[data-report-no="${SITE.kettle.reportNo}"]`).textContent()).resolves.toContain('依法不公布');
    await expect(page.locator(`tr[data-report-no="${SITE.cable.reportNo}"]`).textContent()).resolves.toContain(SITE.publicProducer);
  });

  it('links an enterprise’s registry records and the national registries by its USCC', async () => {
    const { data } = await api.query(`query($n: String!) { enterprises(first: 1, filter: { text: $n }) { nodes { uscc } } }`, {
      n: SITE.certifiedEnterprise,
    });
    const uscc = data.enterprises.nodes[0].uscc;
    const page = await open(`/enterprises/${keySlug(uscc)}/`);
    expect(await page.locator('h1').textContent()).toBe(SITE.certifiedEnterprise);
    // 培育库 → 标准先进性评价 → certificates and their logos, on its own page
    await expect(page.locator('table[data-cultivation] tbody').textContent()).resolves.toContain(SITE.certifiedProduct);
    const evaluation = await page.locator('table[data-evaluations] tbody tr').first().textContent();
    expect(evaluation).toContain('T/HBAS 012-2023');
    expect(evaluation).toContain('通过');
    await expect(page.locator('[data-logo-links] a').count()).resolves.toBeGreaterThan(0);
    // the national registries: their search pages, with the code to paste
    const elsewhere = page.locator('[data-registries-elsewhere]');
    await expect(elsewhere.locator('[data-uscc]').textContent()).resolves.toBe(uscc);
    const links = await elsewhere.locator('a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(links).toEqual([
      ['国家企业信用信息公示系统', 'https://www.gsxt.gov.cn/'],
      ['信用中国', 'https://www.creditchina.gov.cn/'],
    ]);
    // a revoked enterprise's page links its revocation decision
    const revoked = await api.query(
      `query($n: String!) { enterprises(first: 1, filter: { text: $n }) { nodes { uscc revocations { decisionNo } } } }`,
      {
        n: SITE.revokedEnterprise,
      },
    );
    const r = revoked.data.enterprises.nodes[0];
    expect(r.revocations.map((x: any) => x.decisionNo)).toContain(SITE.decisionNo);
    const revokedPage = await open(`/enterprises/${keySlug(r.uscc)}/`);
    await expect(revokedPage.getByRole('link', { name: SITE.decisionNo }).count()).resolves.toBe(1);
  });

  it('links a batch’s official notice (公告) from its page and the batch list, and shows the round funnel’s reviewed step', async () => {
    const list = await open('/batches/');
    await expect(list.locator('a[data-notice]').getAttribute('href')).resolves.toBe(SITE.notice.url);
    await list.getByRole('link', { name: '第四届“湖北精品”认定名单' }).click();
    const notice = list.locator('[data-notice] a');
    await expect(notice.getAttribute('href')).resolves.toBe(SITE.notice.url);
    await expect(notice.textContent()).resolves.toBe(SITE.notice.no);
    const { data } = await api.query(`{ roundFunnels { round reviewed certified } }`);
    const funnel = await open('/certified/');
    const first = funnel.locator('table[data-funnel] tbody tr').first();
    const round1 = data.roundFunnels.find((f: any) => f.round === 1);
    expect(round1.reviewed).toBe(SITE.notice.reviewed);
    await expect(first.locator('[data-reviewed]').textContent()).resolves.toBe(String(round1.reviewed));
    await expect(first.locator('[data-certified]').textContent()).resolves.toBe(String(round1.certified));
    await expect(funnel.locator('table[data-funnel] thead').textContent()).resolves.toContain('资料评审');
  });

  it('tells a failed result’s case in plain language, with the articles, as the API has it', async () => {
    const { data } = await api.query(
      `query($no: String!) { spotCheck(reportNo: $no) { status { status } nonconformingItems { item } events { kind } } }`,
      { no: SITE.kettle.reportNo },
    );
    const page = await open(reportPage(SITE.kettle.reportNo));
    expect(await page.locator('[data-case-status]').getAttribute('data-case-status')).toBe(data.spotCheck.status.status);
    const timeline = (await page.locator('[data-timeline]').textContent())!;
    for (const article of ['第五条', '第七条', '第十六条', '第十七条', '第二十条', '第二十一条']) expect(timeline).toContain(article);
    expect(timeline).toContain('期满未提出异议，视为无异议');
    expect(await page.locator('[data-timeline] li.event').count()).toBe(data.spotCheck.events.length);
    const main = (await page.locator('main').textContent())!;
    for (const n of data.spotCheck.nonconformingItems) expect(main).toContain(n.item);
    expect(main).toContain('依法不公布生产者、销售者信息');
    expect(main).toContain(SITE.warningTitle);
  });

  it('tells the owner of a failed or warned-about product the hazard, what to do and whether it was recalled', async () => {
    const advice = async (path: string) => {
      const page = await open(path, PHONE);
      const section = page.locator('[data-owner-advice]');
      expect(await section.count(), path).toBe(1);
      return {
        severity: await section.getAttribute('data-severity'),
        hazards: await section.locator('[data-hazards] li').allTextContents(),
        actions: await section.locator('[data-actions] li').allTextContents(),
        recall: (await section.locator('[data-recall]').textContent()) ?? '',
      };
    };
    // a serious failure with a consumer warning: the warning's 风险提示 and 消费建议, stop using it
    const kettle = await advice(reportPage(SITE.kettle.reportNo));
    expect(kettle.severity).toBe('serious');
    expect(kettle.hazards.some((h) => h.includes('存在触电风险'))).toBe(true);
    expect(kettle.hazards.some((h) => h.includes(SITE.markup))).toBe(true);
    expect(kettle.actions[0]).toContain('选购时查看3C标志');
    expect(kettle.actions.some((a) => a.startsWith('立即停止使用'))).toBe(true);
    expect(kettle.actions.some((a) => a.includes('更换或退货'))).toBe(true);
    expect(kettle.actions.some((a) => a.includes('12315'))).toBe(true);
    expect(kettle.recall).toBe('本站没有这个产品的召回记录。');
    // no severity recorded: it says so; the recall on record is shown
    const cable = await advice(reportPage(SITE.cable.reportNo));
    expect(cable.severity).toBe('unknown');
    expect(cable.actions.some((a) => a.includes('本站没有记录问题的严重程度'))).toBe(true);
    expect(cable.hazards.join()).toContain('导体电阻');
    expect(cable.recall).toContain('有召回记录：2026年7月20日');
    // bought online: through the platform
    const toy = await advice(reportPage(SITE.toy.reportNo));
    expect(toy.actions.some((a) => a.includes('在某电商平台购买的'))).toBe(true);
    // the warning's page: its risk, the failures' severity
    const { data } = await api.query('{ consumerWarnings(first: 1) { nodes { id publishedOn } } }');
    const warningPath = `/warnings/${(await filesOf(join(outDir, 'warnings'))).find((f) => f.startsWith(data.consumerWarnings.nodes[0].publishedOn))!.replace(/index\.html$/, '')}`;
    const warning = await advice(warningPath);
    expect(warning.hazards.join()).toContain('存在触电风险');
    expect(warning.severity).toBe('serious');
    expect(warning.actions.some((a) => a.includes('12315'))).toBe(true);
  });

  it('pages, filters and sorts the certified and enterprise lists, with every record on exactly one page of each list', async () => {
    const { data } = await api.query('{ certifiedItems(first: 100) { totalCount nodes { name status } } }');
    const rowsOf = async (path: string, table: string) => {
      const page = await open(path);
      return page
        .locator(`table[data-table="${table}"] tbody tr`)
        .evaluateAll((rows) => rows.map((r) => (r as any).querySelector('td:nth-child(2), td:first-child a')?.textContent?.trim() ?? ''));
    };
    const pagesOf = async (first: string, table: string) => {
      const names: string[] = [];
      let path: string | null = first;
      while (path) {
        names.push(...(await rowsOf(path, table)));
        const page = tabs.get(DESKTOP.width)!;
        const next = page.locator('[data-list-pager] a[rel="next"]');
        path = (await next.count()) ? new URL((await next.getAttribute('href'))!, base).pathname : null;
      }
      return names;
    };
    // the plain list: 2 a page, every item once
    expect(await rowsOf('/certified/', 'items')).toHaveLength(2);
    const all = await pagesOf('/certified/', 'items');
    expect(all.sort()).toEqual(data.certifiedItems.nodes.map((n: any) => n.name).sort());
    expect(await (await open('/certified/page/2/')).locator('[data-list-pager] [aria-current="page"]').textContent()).toBe('第2页');
    // sorted by name: the order a Chinese reader expects
    const byName = await pagesOf('/certified/sort/name/', 'items');
    expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    expect(byName).toHaveLength(data.certifiedItems.totalCount);
    // filters: status, round, kind
    expect(await pagesOf('/certified/status/revoked/', 'items')).toEqual(
      data.certifiedItems.nodes.filter((n: any) => n.status === 'revoked').map((n: any) => n.name),
    );
    expect(await pagesOf('/certified/kind/service/', 'items')).toEqual(['江城酒店住宿服务']);
    expect((await pagesOf('/certified/round/4/', 'items')).sort()).toEqual(['武当山古法红茶']);
    // the enterprise list: the same, by the facets of its items
    const enterprises = await pagesOf('/enterprises/', 'enterprises');
    expect(enterprises).toHaveLength(4);
    expect(await pagesOf('/enterprises/status/revoked/', 'enterprises')).toEqual([SITE.revokedEnterprise]);
    expect(await pagesOf('/enterprises/city/420300/', 'enterprises')).toEqual([SITE.certifiedEnterprise]);
    expect(await pagesOf('/enterprises/round/4/', 'enterprises')).toEqual([SITE.certifiedEnterprise]);
  });

  it('shows the failure list with 报告日期, 属地 and 抽查类型, and every record table as cards on a phone (lists, an enterprise’s registry records, nonconforming items, batches, corrections)', async () => {
    const desktop = await open('/spot-checks/failures/');
    const headers = await desktop.locator('table[data-table="failures"] thead th').allTextContents();
    expect(headers.slice(0, 4)).toEqual(['序号', '报告日期', '属地', '抽查类型']);
    const kettleRow = desktop.locator(`tr[data-report-no="${SITE.kettle.reportNo}"] td`);
    expect(await kettleRow.nth(1).textContent()).toBe('2026年3月10日');
    expect(await kettleRow.nth(2).textContent()).toBe('宜昌');
    expect(await kettleRow.nth(3).textContent()).toBe('省级监督抽查');
    const { data } = await api.query(`query($n: String!) { enterprises(first: 1, filter: { text: $n }) { nodes { uscc } } }`, {
      n: SITE.certifiedEnterprise,
    });
    const enterprise = `/enterprises/${keySlug(data.enterprises.nodes[0].uscc)}/`;
    const tables: [path: string, table: string][] = [
      ['/spot-checks/failures/', 'table[data-table="failures"]'],
      ['/certified/', 'table.phone-cards'],
      ['/enterprises/', 'table.phone-cards'],
      ['/open-data/dictionary/', 'table.phone-cards'],
      [enterprise, 'table[data-cultivation]'],
      [enterprise, 'table[data-evaluations]'],
      [reportPage(SITE.kettle.reportNo), 'table[data-table="nonconforming-items"]'],
      ['/batches/', 'table[data-table="batches"]'],
      ['/corrections/', 'table[data-table="record-corrections"]'],
    ];
    for (const [path, table] of tables) {
      const phone = await open(path, PHONE);
      const layout = await phone.evaluate((selector) => {
        const doc = (globalThis as any).document;
        const cells = [...doc.querySelectorAll(`${selector} tbody td`)];
        return {
          overflow: doc.scrollingElement.scrollWidth - doc.scrollingElement.clientWidth,
          cells: cells.length,
          display: [...new Set(cells.map((c: any) => (globalThis as any).getComputedStyle(c).display))],
          unlabelled: cells.filter((c: any) => !c.getAttribute('data-label')).length,
          label: cells[0] && (globalThis as any).getComputedStyle(cells[0], '::before').content,
        };
      }, table);
      expect(layout.overflow, path).toBeLessThanOrEqual(0);
      expect(layout.cells, `${path} ${table}`).toBeGreaterThan(0);
      expect(layout.display, `${path} ${table}`).toEqual(['grid']);
      expect(layout.unlabelled, `${path} ${table}`).toBe(0);
      expect(layout.label, `${path} ${table}`).not.toBe('none');
    }
  });

  it('shows trust on every record: a citation with permalink, batch and version, a QR code of the permalink, the licence', async () => {
    const jsqr = await readFile(createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js'), 'utf8');
    const pages = [
      { path: reportPage(SITE.kettle.reportNo), batch: '2026年第1批省级产品质量监督抽查结果', qr: true },
      { path: '/certified/item/HBJP-2023-001/', batch: '第四届“湖北精品”认定名单', qr: true },
      { path: `/enterprises/`, batch: null, qr: false, list: true },
      // a logo answer (这个标识还有效吗) and a batch are records too; the logo page's code is the one to print on a label
      { path: '/logo/HBJP-2023-001/', batch: null, qr: true },
      { path: `/${files.find((f) => /^batches\/[^/]+\/index\.html$/.test(f))!.replace(/index\.html$/, '')}`, batch: null, qr: false },
    ];
    for (const p of pages.filter((x) => !x.list)) {
      const page = await open(p.path);
      const cite = (await page.locator('[data-cite-text]').textContent())!;
      expect(cite, p.path).toContain(`${SITE_URL_IN_TEST}${p.path}`);
      expect(cite).toContain('[EB/OL]');
      if (p.batch) {
        expect(cite).toContain(`发布批次：${p.batch}`);
        expect(cite).toMatch(/记录版本：第\d+版/);
      }
      // the record's own date, and the 引用日期 left for the citer: the page is the same every day
      expect(cite, p.path).toMatch(/\(\d{4}-\d{2}-\d{2}\)\[引用日期\]/);
      const qr = page.locator('img[data-qr]');
      expect(await qr.count(), p.path).toBe(p.qr ? 1 : 0);
      if (!p.qr) continue;
      // the QR code, drawn at build time, reads back as the page's permalink
      // evaluated, not added as an inline script: the site's CSP (rightly) refuses those
      await page.evaluate(jsqr);
      const decoded = await qr.evaluate(async (img: any) => {
        await img.decode();
        const canvas = (globalThis as any).document.createElement('canvas');
        canvas.width = 264;
        canvas.height = 264;
        const ctx = canvas.getContext('2d');
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, 264, 264);
        ctx.drawImage(img, 0, 0, 264, 264);
        const pixels = ctx.getImageData(0, 0, 264, 264);
        return (globalThis as any).jsQR(pixels.data, 264, 264)?.data ?? null;
      });
      expect(decoded, p.path).toBe(`${SITE_URL_IN_TEST}${p.path}`);
    }
    // 主办单位, 12315, licence, canonical and share tags, favicon, robots.txt
    const home = await fetchText('/');
    expect(home).toContain('主办单位：湖北省市场监督管理局');
    expect(home).toContain('12315');
    expect(home).toContain(`<link rel="canonical" href="${SITE_URL_IN_TEST}/">`);
    expect(home).toContain(`<meta property="og:url" content="${SITE_URL_IN_TEST}/">`);
    expect(home).toContain('<link rel="icon" href="/favicon.svg"');
    expect((await fetch(`${base}/favicon.svg`)).status).toBe(200);
    expect(await fetchText('/robots.txt')).toContain(`Sitemap: ${SITE_URL_IN_TEST}/sitemap-index.xml`);
    const openData = await open('/open-data/');
    expect(await openData.locator('[data-licence]').textContent()).toContain('CC BY 4.0');
    expect(await fetchText('/data/LICENCE.txt')).toContain('CC BY 4.0');
    const json = JSON.parse(await fetchText('/data/failures.json'));
    expect(json.licence.name).toBe('CC BY 4.0');
  });

  it('marks a certified item in force with an open failure: a badge, its own filter and its own feed', async () => {
    const list = await open('/certified/alert/failing/');
    const names = await list.locator('table[data-table="items"] tbody tr td:nth-child(2)').allTextContents();
    expect(names).toEqual([SITE.rectifyingItem]);
    const item = await open('/certified/item/HBJP-2023-003/');
    const badge = item.locator('[data-certified-failing]');
    expect(await badge.textContent()).toBe('认定有效但抽查不合格');
    expect(await badge.getAttribute('href')).toBe(reportPage(SITE.failingCertified.reportNo));
    // the revoked item's failures do not make it "certified but failing"; the passing tea item has none
    expect(await (await open('/certified/item/HBJP-2023-002/')).locator('[data-certified-failing]').count()).toBe(0);
    expect(await (await open('/certified/item/HBJP-2023-001/')).locator('[data-certified-failing]').count()).toBe(0);
    const feed = await fetchText('/feeds/certified-failing.atom.xml');
    expect(feed).toContain(`${SITE_URL_IN_TEST}${reportPage(SITE.failingCertified.reportNo)}`);
    expect(feed).not.toContain(SITE.bike2.reportNo);
  });

  it('draws honest charts: from zero, one measure in chart and table, full labels, and says when a rate mixes check types', async () => {
    const page = await open('/spot-checks/');
    const chart = page.locator('figure.chart').filter({ has: page.locator('#city-pass-caption') });
    const ticks = await chart.locator('svg > g > text').allTextContents();
    expect(ticks[0]).toBe('0%');
    // the bars' values are the table's last column, row by row
    const bars = await chart.locator('[data-bar-value]').allTextContents();
    const cells = await chart.locator('[data-chart-value]').allTextContents();
    expect(bars).toEqual(cells);
    const { data } = await api.query('{ spotCheckStats(by: city) { key label checked failed failureRate } }');
    const rates = data.spotCheckStats.filter((s: any) => s.checked > 0).map((s: any) => `${(s.failureRate * 100).toFixed(1)}%`);
    expect([...cells].sort()).toEqual([...rates].sort());
    // no label cut short
    expect((await chart.locator('svg text[data-label]').allTextContents()).some((t) => t.includes('…'))).toBe(false);
    // the fixture holds provincial and city checks: the chart says it mixes them, with each type's rate
    const note = (await chart.locator('[data-chart-note]').textContent())!;
    expect(note).toContain('省级监督抽查');
    expect(note).toContain('市级监督抽查');
    expect(await chart.locator('[data-axis-note]').count()).toBe(0);
  });

  it('draws every chart of the statistics and the annual report inside its box at 390 and 1280 px, from zero, with every label whole', async () => {
    const year = today.slice(0, 4);
    const labels = new Set<string>();
    for (const viewport of [PHONE, DESKTOP]) {
      for (const path of ['/spot-checks/', `/reports/${year}/`]) {
        const page = await open(path, viewport);
        const charts = await page.locator('figure.chart svg').evaluateAll((svgs) =>
          svgs.map((svg: any) => {
            const box = svg.getBoundingClientRect();
            return {
              id: svg.getAttribute('aria-labelledby'),
              box: { left: box.left, right: box.right, top: box.top, bottom: box.bottom },
              texts: [...svg.querySelectorAll('text')].map((t: any) => {
                const r = t.getBoundingClientRect();
                return {
                  text: t.textContent,
                  label: t.getAttribute('data-label'),
                  left: r.left,
                  right: r.right,
                  top: r.top,
                  bottom: r.bottom,
                };
              }),
              firstTick: svg.querySelector(':scope > g > text')?.textContent ?? null,
            };
          }),
        );
        expect(charts.length, path).toBeGreaterThan(0);
        for (const chart of charts) {
          const where = `${path} ${chart.id} @${viewport.width}px`;
          // an axis, when drawn, starts at zero (no chart here has a cut axis)
          if (chart.firstTick !== null) expect(['0%', '0'], where).toContain(chart.firstTick);
          for (const t of chart.texts) {
            expect(t.left, `${where}: “${t.text}” left`).toBeGreaterThanOrEqual(chart.box.left - 0.5);
            expect(t.right, `${where}: “${t.text}” right`).toBeLessThanOrEqual(chart.box.right + 0.5);
            expect(t.top, `${where}: “${t.text}” top`).toBeGreaterThanOrEqual(chart.box.top - 0.5);
            expect(t.bottom, `${where}: “${t.text}” bottom`).toBeLessThanOrEqual(chart.box.bottom + 0.5);
            // the drawn lines together are the whole label
            if (t.label !== null) {
              expect(t.text, where).toBe(t.label);
              labels.add(t.label);
            }
          }
        }
        expect(await page.locator('[data-axis-note]').count(), path).toBe(0);
      }
    }
    expect(labels).toContain('恩施土家族苗族自治州');
    expect(labels).toContain(SITE.longCategory);

    // a rate over several check types says so, with each type's rate: the headline numbers, the tables and the charts
    const { data } = await api.query('{ spotCheckStats(by: checkType) { key checked failed } }');
    const types = data.spotCheckStats.filter((s: any) => s.checked > 0);
    expect(types.length).toBe(3);
    const rateOf = (s: any) => `${(100 * (s.failed / s.checked)).toFixed(1)}%`;
    const overview = await open('/spot-checks/');
    for (const selector of ['[data-mix-note]', '[data-table-note]']) {
      const notes = await overview.locator(selector).allTextContents();
      expect(notes.length, selector).toBeGreaterThan(0);
      for (const note of notes) for (const s of types) expect(note, selector).toContain(rateOf(s));
    }
    // a batch that mixes check types names them in its row
    const batchTypes = (await overview.locator('[data-check-types]').allTextContents()).map((t) => t.split('、').sort().join('、'));
    expect(batchTypes).toContain(['省级监督抽查', '市级监督抽查', '动态抽查'].sort().join('、'));
    const report = await open(`/reports/${year}/`);
    const inYear = (
      await api.query(
        `{ spotCheckStats(by: checkType, filter: { reportDateFrom: "${year}-01-01", reportDateTo: "${year}-12-31" }) { key checked failed } }`,
      )
    ).data.spotCheckStats.filter((s: any) => s.checked > 0);
    expect(inYear.length).toBe(3);
    const mix = (await report.locator('[data-mix-note]').textContent())!;
    for (const s of inYear) expect(mix).toContain(rateOf(s));
    // one measure: the report's headline is the failure rate its charts and tables show, not a pass rate
    const total = inYear.reduce((a: any, s: any) => ({ checked: a.checked + s.checked, failed: a.failed + s.failed }), {
      checked: 0,
      failed: 0,
    });
    expect(await report.locator('[data-count="year-rate"]').textContent()).toBe(rateOf(total));
    expect(await report.locator('ul.numbers').textContent()).not.toMatch(/(?<!不)合格率/);
  });

  it('gives every revocation decision its own page, linked from the lists, the enterprise, the item, the feed and the sitemap', async () => {
    const { data } = await api.query(
      `{ revocations(first: 10) { nodes { decisionNo decidedOn facts version groundLabel items { name certificateNo } enterprise { name uscc } } } }`,
    );
    const r = data.revocations.nodes.find((x: any) => x.decisionNo === SITE.decisionNo);
    const path = `/revocations/${keySlug(SITE.decisionNo)}/`;
    for (const viewport of [PHONE, DESKTOP]) {
      const page = await open(path, viewport);
      expect(await page.locator('h1').textContent()).toContain(SITE.decisionNo);
      const main = (await page.locator('main').textContent())!;
      for (const text of [
        SITE.revokedItem,
        SITE.revokedCertificate,
        SITE.revokedEnterprise,
        r.enterprise.uscc,
        r.facts,
        '第十六条',
        r.groundLabel,
        dateLabel(r.decidedOn),
      ])
        expect(main, text).toContain(text);
      expect(await page.locator('[data-decided-on]').getAttribute('data-decided-on')).toBe('2026-08-01');
      // the correction a later batch made, with its reason
      expect(await page.locator('[data-corrections]').textContent()).toContain(SITE.revocationCorrectionReason);
      expect(r.version).toBe(2);
      expect(await page.locator(`a[href="/certified/item/${SITE.revokedCertificate}/"]`).count()).toBeGreaterThan(0);
      expect(await page.locator(`a[href="/logo/${SITE.revokedCertificate}/"]`).count()).toBe(1);
      expect(await page.locator('[data-cite-text]').textContent()).toContain(`${SITE_URL_IN_TEST}${path}`);
      // no row wider than a phone
      expect(
        await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth),
        `${path} @${viewport.width}`,
      ).toBeLessThanOrEqual(viewport.width);
    }
    // linked from the list, the certified list's status, the enterprise's page, the item's page and the logo page
    const revokedEnterprise = await api.query(`query($n: String!) { enterprises(first: 1, filter: { text: $n }) { nodes { uscc } } }`, {
      n: SITE.revokedEnterprise,
    });
    for (const from of [
      '/revocations/',
      '/certified/status/revoked/',
      `/enterprises/${keySlug(revokedEnterprise.data.enterprises.nodes[0].uscc)}/`,
      `/certified/item/${SITE.revokedCertificate}/`,
      `/logo/${SITE.revokedCertificate}/`,
    ])
      expect(await read(`${from.slice(1)}index.html`), from).toContain(`href="${path}"`);
    // the decision set aside keeps its address, which leads to its correction notice
    expect(isRedirect(await read(`revocations/${keySlug(SITE.setAsideDecisionNo)}/index.html`))).toBe(true);
    // the feeds date a decision by its own day and a warning by its publication, not by the batch or the build
    const atom = await fetchText('/feeds/revocations.atom.xml');
    const entry = atom.split('<entry>').find((e) => e.includes(`${SITE_URL_IN_TEST}${path}`))!;
    expect(entry).toBeDefined();
    expect(entry).toContain('<published>2026-08-01T00:00:00+08:00</published>');
    expect(atom).not.toContain(keySlug(SITE.setAsideDecisionNo));
    const rss = await fetchText('/feeds/revocations.rss.xml');
    expect(rss).toContain(`<pubDate>${rfc822China('2026-08-01')}</pubDate>`);
    const warnings = await fetchText('/feeds/warnings.atom.xml');
    const warning = warnings.split('<entry>').find((e) => e.includes(SITE.warningTitle))!;
    expect(warning).toContain('<published>2026-07-01T00:00:00+08:00</published>');
    // and the sitemap lists the page
    const index = await fetchText('/sitemap-index.xml');
    const sitemapPath = new URL(/<loc>([^<]+)<\/loc>/.exec(index)![1]).pathname;
    expect(await fetchText(sitemapPath)).toContain(`<loc>${SITE_URL_IN_TEST}${path}</loc>`);
  });

  it('tells the owner what to do on every failure and warning page, and says when nothing is recorded', async () => {
    const pages = html.filter((f) => /^(spot-checks\/result|warnings)\/[^/]+\/index\.html$/.test(f));
    let checked = 0;
    for (const file of pages) {
      const body = await read(file);
      if (isRedirect(body)) continue;
      checked++;
      expect(body, file).toContain('data-owner-advice');
      const section = body.slice(body.indexOf('data-owner-advice'), body.indexOf('</section>', body.indexOf('data-owner-advice')));
      expect(section, file).toMatch(/<ul data-hazards><li>/);
      expect(section, file).toContain('12315');
      expect(section, file).toContain('更换或退货');
      expect(section, file).toMatch(/<p data-recall>[^<]+<\/p>/);
    }
    // as many pages as the open data has published failures and warnings
    const records = async (file: string) => JSON.parse(await read(`data/${file}`)).records.length as number;
    expect(checked).toBe((await records('failures.json')) + (await records('warnings.json')));
    // a failure whose record holds no hazard, no severity and no recall: each is said to be not recorded
    const page = await open(reportPage(SITE.bare.reportNo), PHONE);
    const advice = page.locator('[data-owner-advice]');
    expect(await advice.locator('[data-hazards]').textContent()).toContain('本站没有记录这个产品的具体危害');
    expect(await advice.locator('[data-actions]').textContent()).toContain('本站没有记录问题的严重程度');
    expect(await advice.locator('[data-recall]').textContent()).toBe('本站没有这个产品的召回记录。');
  });

  it('serves a GraphQL explorer from its own files, with docs/API.md’s examples, that runs them offline; /graphql links it', async () => {
    const landing = await fetch(api.url, { headers: { accept: 'text/html' } });
    const landingHtml = await landing.text();
    expect(landing.status).toBe(200);
    // the API was started before this test chose the site's address: it names the default one
    expect(landingHtml).toContain('href="http://localhost:4321/api/explorer/"');
    expect(landingHtml).not.toMatch(/apollographql|cdn|https:\/\//i);
    expect(await fetchText('/api/')).toContain('href="/api/explorer/"');

    const page = await browser.newPage({ viewport: DESKTOP });
    const outside: string[] = [];
    const apiOrigin = new URL(api.url).origin;
    // as on a network without the internet: anything but the site and the API fails
    await page.route('**/*', (route) => {
      const origin = new URL(route.request().url()).origin;
      if (origin === base || origin === apiOrigin) return route.continue();
      outside.push(route.request().url());
      return route.abort();
    });
    await page.goto(`${base}/api/explorer/`);
    await page.waitForSelector('.graphiql-container', { timeout: 15_000 });
    const examples = (await readFile(fileURLToPath(new URL('../../docs/API.md', import.meta.url)), 'utf8')).match(/^```graphql/gm)!.length;
    expect(await page.locator('.graphiql-tab').count()).toBe(examples);
    await page.locator('.graphiql-execute-button').click();
    await page.waitForFunction(
      () => ((globalThis as any).document.querySelector('.result-window')?.textContent ?? '').includes('"data"'),
      null,
      {
        timeout: 15_000,
      },
    );
    const result = (await page.locator('.result-window').textContent())!;
    expect(result).toContain(SITE.cable.productName);
    expect(outside).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'explorer-desktop.png') });
    await page.close();
  });

  it('publishes corrections: a withdrawn failure and a corrected record, with when and why', async () => {
    const page = await open('/corrections/');
    await expect(
      page.locator(`[data-list="public-corrections"] li[data-record-number="${SITE.withdrawn.reportNo}"]`).textContent(),
    ).resolves.toContain('撤回');
    const corrected = (await page.locator('[data-table="record-corrections"]').textContent())!;
    expect(corrected).toContain(SITE.correctionReason);
    expect(corrected).toContain(SITE.cable.productName);
    // a decision set aside and a warning retracted: on the page, in the feed and in open data, with the reason
    for (const number of [SITE.setAsideDecisionNo, SITE.retractedWarning]) {
      const notice = page.locator(`[data-list="public-corrections"] li[data-record-number="${number}"]`);
      await expect(notice.textContent()).resolves.toContain(SITE.withdrawalReason);
      await expect(notice.getAttribute('data-kind')).resolves.toBe('removed');
    }
    for (const file of ['feeds/corrections.atom.xml', 'data/corrections.csv']) {
      const text = await read(file);
      for (const number of [SITE.setAsideDecisionNo, SITE.retractedWarning]) expect(text, file).toContain(number);
    }
  });

  it('follows every internal link and finds no broken one, and every page is linked from somewhere', async () => {
    const seen = new Set<string>(['/']);
    const queue = ['/'];
    const fragments: [string, string][] = [];
    const bodies = new Map<string, string>();
    while (queue.length) {
      const path = queue.shift()!;
      const response = await fetch(base + path);
      expect(response.status, `GET ${path}`).toBe(200);
      if (!(response.headers.get('content-type') ?? '').includes('text/html')) {
        await response.arrayBuffer();
        continue;
      }
      const body = await response.text();
      bodies.set(path, body);
      for (const [, raw] of body.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
        const target = new URL(raw.replace(/&amp;/g, '&'), base + path);
        if (target.origin !== new URL(base).origin) continue;
        if (target.hash.length > 1) fragments.push([target.pathname, decodeURIComponent(target.hash.slice(1))]);
        const next = target.pathname + target.search;
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    for (const [path, id] of fragments) expect(bodies.get(path) ?? '', `#${id} on ${path}`).toContain(`id="${id}"`);
    const reached = new Set([...seen].map((p) => decodeURI(p.split('?')[0])));
    for (const page of html.filter((p) => p !== '404.html')) {
      expect(reached.has('/' + page.replace(/index\.html$/, '')), `${page} is linked`).toBe(true);
    }
    expect(seen.size).toBeGreaterThan(50);
  });

  const KEY_PAGES: [string, string][] = [
    ['home', '/'],
    ['certified', '/certified/'],
    ['certified-filtered', '/certified/status/revoked/'],
    ['certified-failing', '/certified/alert/failing/'],
    ['item', '/certified/item/HBJP-2023-002/'],
    ['enterprise', `/enterprises/`],
    ['enterprise-page', `/enterprises/${keySlug(SITE.certifiedUscc)}/`],
    ['batches', '/batches/'],
    ['spot-checks', '/spot-checks/'],
    ['failures', '/spot-checks/failures/'],
    ['result', reportPage(SITE.kettle.reportNo)],
    ['revocations', '/revocations/'],
    ['revocation', `/revocations/${keySlug(SITE.decisionNo)}/`],
    ['logos', '/logo/'],
    ['logo-stopped', `/logo/${SITE.revokedCertificate}/`],
    ['logo-self-declared', `/logo/yangtze-award-${SITE.yangtzeUscc}/`],
    ['warnings', '/warnings/'],
    ['corrections', '/corrections/'],
    ['report', `/reports/${today.slice(0, 4)}/`],
    ['check', '/check/'],
    ['open-data', '/open-data/'],
    ['open-data-dictionary', '/open-data/dictionary/'],
    ['feeds', '/feeds/'],
    ['api', '/api/'],
    ['about', '/about/'],
  ];

  it('has no serious or critical axe-core violation on the key pages, at phone and desktop width', { timeout: 240_000 }, async () => {
    const axe = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const problems: string[] = [];
    for (const viewport of [PHONE, DESKTOP]) {
      for (const [, path] of [...KEY_PAGES, ['search', '/search/?q=电热水壶'] as [string, string]]) {
        const page = await open(path, viewport);
        if (path.startsWith('/search/')) await page.waitForSelector('.pagefind-ui__result-link');
        // evaluated through the DevTools protocol: the site's CSP rightly refuses an injected inline <script>
        await page.evaluate(axe);
        const violations = await page.evaluate(async () => {
          const result = await (globalThis as any).axe.run((globalThis as any).document, { resultTypes: ['violations'] });
          return result.violations.map((v: any) => ({
            id: v.id,
            impact: v.impact,
            nodes: v.nodes.map((n: any) => n.target.join(' ')).slice(0, 3),
          }));
        });
        for (const v of violations)
          if (v.impact === 'serious' || v.impact === 'critical')
            problems.push(`${path} @${viewport.width}px: ${v.id} (${v.impact}) ${v.nodes.join(', ')}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('finds products by their Chinese names, brands, models and batches through Pagefind search', async () => {
    const recall: [query: string, expected: string][] = [
      [SITE.kettle.productName, SITE.kettle.productName],
      ['电热水壶', SITE.kettle.productName],
      [SITE.certifiedProduct, SITE.certifiedProduct],
      ['道茶', SITE.certifiedProduct],
      [SITE.cable.productName, SITE.cable.productName],
      ['电缆', SITE.cable.productName],
      ['玩具车', SITE.toy.productName],
      ['电动自行车', SITE.revokedItem],
      [SITE.kettle.trademark, SITE.kettle.productName],
      [SITE.kettle.modelSpec, SITE.kettle.productName],
      [SITE.kettle.productionBatch, SITE.kettle.productName],
      [SITE.certifiedEnterprise, SITE.certifiedEnterprise],
      // a 长江质量奖 winner known only by its self-declaration
      [SITE.yangtzeEnterprise, `${SITE.yangtzeEnterprise} · 长江质量奖自我声明`],
      ['消费警示', SITE.warningTitle],
    ];
    const page = await open('/search/');
    const input = page.locator('.pagefind-ui__search-input');
    const misses: string[] = [];
    for (const [query, expected] of recall) {
      await input.fill(query);
      try {
        await page.waitForFunction(
          (t) =>
            [...(globalThis as any).document.querySelectorAll('.pagefind-ui__result-link')].some((a: any) => a.textContent?.includes(t)),
          expected,
          { timeout: 5000 },
        );
      } catch {
        misses.push(`${query} → ${expected}`);
      }
    }
    expect(misses).toEqual([]);
    // a withheld producer is not in the index: a search for its name finds at most other
    // companies' pages (common words such as 有限公司), never its own name
    await input.fill(SITE.withheldProducer);
    await page.waitForFunction(
      (t) => (globalThis as any).document.querySelector('.pagefind-ui__message')?.textContent?.includes(t),
      SITE.withheldProducer,
      { timeout: 5000 },
    );
    const results = await page.locator('.pagefind-ui__result').allTextContents();
    expect(results.join('\n')).not.toMatch(/隐名/);
  });

  it('matches a two-character query against the records’ own text, not the words every page of a kind shares', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await page.goto(`${base}/search/`);
    const input = page.locator('.pagefind-ui__search-input');
    /** the number Pagefind's message states ("找到 N 个 … 的相关结果" / "未找到 …"), and the results shown */
    const search = async (query: string) => {
      await input.fill(query);
      const message = await page.waitForFunction(
        (q) => {
          const text: string = (globalThis as any).document.querySelector('.pagefind-ui__message')?.textContent ?? '';
          // the message names the query as Pagefind split it (届次 may read 届 次)
          return text.replace(/\s/g, '').includes(q) && !/^(正在搜索|Searching)/.test(text) ? text : false;
        },
        query,
        { timeout: 5000 },
      );
      const text = String(await message.jsonValue());
      const count = /^(未找到|No results)/.test(text) ? 0 : Number(/\d+/.exec(text)?.[0]);
      if (count > 0) {
        await page.waitForFunction(
          (n) => (globalThis as any).document.querySelectorAll('.pagefind-ui__result-link').length >= n,
          Math.min(count, 5),
          { timeout: 5000 },
        );
      }
      return { text, count, results: await page.locator('.pagefind-ui__result').allTextContents() };
    };
    // labels, headings and notes that every record page of a kind has (记录类型, 届次, 记录版本,
    // 依法公布的不合格抽查结果): they are not what anyone searches for, and found every page
    for (const query of ['记录', '届次', '版本', '依法']) {
      const found = await search(query);
      expect(found.count, `${query}: ${found.text}\n${found.results.join('\n')}`).toBe(0);
    }
    // a two-character word of the records still finds the records that say it
    const cable = await search('电缆');
    expect(
      cable.results.some((r) => r.includes(SITE.cable.productName)),
      cable.results.join('\n'),
    ).toBe(true);
    await page.close();
  }, 60_000);

  it('lets a shopper check a bought product by model on /check/ (failed products only)', async () => {
    const page = await open('/check/', PHONE);
    await page.getByLabel('品牌、型号、批号或产品名称').fill(SITE.kettle.modelSpec);
    await page.getByRole('button', { name: '查不合格产品' }).click();
    await page.waitForURL(/\/search\/\?/);
    await page.waitForFunction(
      (t) => [...(globalThis as any).document.querySelectorAll('.pagefind-ui__result-link')].some((a: any) => a.textContent?.includes(t)),
      SITE.kettle.productName,
    );
    const titles = await page.locator('.pagefind-ui__result-link').allTextContents();
    // the warning page mentions the model too, but the 类型 filter keeps failed products only
    expect(titles.every((t) => t.includes('不合格'))).toBe(true);
    // a result says which product, brand, model and report date it is, and its status
    const kettle = titles.find((t) => t.includes(SITE.kettle.productName))!;
    expect(kettle).toContain(`${SITE.kettle.trademark} ${SITE.kettle.modelSpec}`);
    expect(kettle).toContain('报告2026年3月10日');
    expect(kettle).toContain('处理进展：');
    await page.screenshot({ path: join(ARTIFACTS, 'check-result-phone.png'), fullPage: true });

    // the examples on /check/ come from the records and find something
    const check = await open('/check/');
    const examples = await check
      .locator('[data-check-example] a')
      .evaluateAll((links) => links.map((a) => (a as any).getAttribute('href')));
    expect(examples).toHaveLength(2);
    for (const href of examples) {
      const results = await open(href);
      await results.waitForSelector('.pagefind-ui__result-link', { timeout: 5000 });
      expect(await results.locator('.pagefind-ui__result-link').count(), href).toBeGreaterThan(0);
    }
  });

  it('writes feeds that parse as XML (RSS 2.0 and Atom), and a sitemap of the pages', async () => {
    const page = await open('/');
    const parseXml = (xml: string) =>
      page.evaluate((text) => {
        const doc = new (globalThis as any).DOMParser().parseFromString(text, 'application/xml');
        const atom = 'http://www.w3.org/2005/Atom';
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          root: doc.documentElement.nodeName,
          items: [...doc.querySelectorAll('item > title, entry > title')].map((t: any) => t.textContent ?? ''),
          locs: [...doc.querySelectorAll('loc')].map((l: any) => l.textContent ?? ''),
          /** the type of every Atom text construct */
          textTypes: [...doc.querySelectorAll('title, subtitle, summary, content, rights')]
            .filter((e: any) => e.namespaceURI === atom)
            .map((e: any) => e.getAttribute('type')),
          feedAuthor: doc.querySelector('feed > author > name')?.textContent ?? null,
          /** RSS descriptions as a reader sees them: HTML, parsed */
          descriptions: [...doc.querySelectorAll('item > description')].map((d: any) => {
            const html = new (globalThis as any).DOMParser().parseFromString(d.textContent ?? '', 'text/html');
            return {
              elements: [...html.body.querySelectorAll('*')].map((e: any) => e.nodeName),
              attributes: [...html.body.querySelectorAll('*')].flatMap((e: any) => [...e.attributes].map((a: any) => a.value)),
              text: html.body.textContent ?? '',
            };
          }),
          links: [...doc.querySelectorAll('link')].map((l: any) => l.getAttribute('href') ?? l.textContent ?? ''),
          stylesheet: [...doc.childNodes].some((n: any) => n.nodeType === 7 && n.target === 'xml-stylesheet'),
        };
      }, xml);
    const expected = {
      warnings: [SITE.warningTitle],
      failures: [SITE.kettle.productName, SITE.cable.productName],
      revocations: [SITE.revokedItem],
      batches: ['2026年第1批省级产品质量监督抽查结果'],
      'failures/city/420500': [SITE.kettle.productName],
      [`failures/category/${keySlug('儿童玩具')}`]: [SITE.toy.productName],
      [`failures/platform/${keySlug('某电商平台')}`]: [SITE.toy.productName],
    };
    for (const [name, titles] of Object.entries(expected)) {
      for (const [format, root] of [
        ['rss', 'rss'],
        ['atom', 'feed'],
      ]) {
        const xml = await fetchText(`/feeds/${name}.${format}.xml`);
        const feed = await parseXml(xml);
        expect(feed.error, `${name}.${format}`).toBeNull();
        expect(feed.root).toBe(root);
        expect(feed.stylesheet, `${name}.${format} names its stylesheet`).toBe(true);
        for (const t of titles)
          expect(
            feed.items.some((i) => i.includes(t)),
            `${t} in ${name}.${format}`,
          ).toBe(true);
        // imported text is plain text: no CDATA, no HTML text constructs, no link but the site's own
        expect(xml, `${name}.${format}`).not.toContain('CDATA');
        expect(xml).not.toContain('localhost:4321');
        for (const link of feed.links) expect(link.startsWith(SITE_URL_IN_TEST), `${link} in ${name}.${format}`).toBe(true);
        if (format === 'atom') {
          expect(new Set(feed.textTypes)).toEqual(new Set(['text']));
          expect(feed.feedAuthor).toBe('湖北省市场监督管理局');
        }
        for (const d of feed.descriptions) {
          expect(
            d.elements.every((e) => e === 'BR'),
            `${name}.rss description elements: ${d.elements}`,
          ).toBe(true);
          expect(d.attributes).toEqual([]);
        }
      }
    }
    // the markup in imported records arrives as the text it is
    const toyFeed = await parseXml(await fetchText('/feeds/failures.atom.xml'));
    expect(toyFeed.items).toContain(`不合格：${SITE.toy.productName}（${SITE.script}）`);
    const warningRss = await parseXml(await fetchText('/feeds/warnings.rss.xml'));
    expect(warningRss.descriptions[0].text).toContain(SITE.scriptLink);
    expect(warningRss.descriptions[0].elements).not.toContain('A');
    const kettleRss = await parseXml(await fetchText('/feeds/failures/city/420500.rss.xml'));
    expect(kettleRss.descriptions[0].text).toContain(SITE.markup);
    expect(kettleRss.descriptions[0].elements).not.toContain('IMG');

    // every city has its feed before it has a failure: 恩施州 has none in the fixture, and a valid, empty feed
    const enshi = await parseXml(await fetchText('/feeds/failures/city/422800.atom.xml'));
    expect(enshi.error).toBeNull();
    expect(enshi.root).toBe('feed');
    expect(enshi.items).toEqual([]);
    expect(enshi.feedAuthor).toBe('湖北省市场监督管理局');
    expect(await fetchText('/feeds/')).toContain('不合格产品 · 恩施土家族苗族自治州');

    // a browser shows a feed as a readable page (the XSLT stylesheet)
    const styled = await open('/feeds/failures.atom.xml');
    expect(await styled.locator('h1').textContent()).toContain('不合格产品');
    expect(await styled.locator('.feed-entries li').count()).toBe(
      (await parseXml(await fetchText('/feeds/failures.atom.xml'))).items.length,
    );
    expect(await styled.locator('script, img').count()).toBe(0);
    await styled.screenshot({ path: join(ARTIFACTS, 'feed-styled-desktop.png'), fullPage: true });
    // every feed is listed on /feeds/
    const feedsPage = await fetchText('/feeds/');
    for (const name of Object.keys(expected)) expect(feedsPage).toContain(`/feeds/${name}.atom.xml`);

    const failures = await fetchText('/feeds/failures.rss.xml');
    expect(failures).not.toContain(SITE.withheldProducer);
    const index = await parseXml(await fetchText('/sitemap-index.xml'));
    expect(index.error).toBeNull();
    const sitemap = await parseXml(await fetchText(new URL(index.locs[0]).pathname));
    expect(sitemap.error).toBeNull();
    expect(sitemap.locs.some((l) => l.endsWith(`/certified/item/HBJP-2023-001/`))).toBe(true);
    expect(sitemap.locs.some((l) => l.endsWith('/404/'))).toBe(false);
  });

  it('dates a feed entry by the day its record became public: a result final after its batch was published, by that day', async () => {
    // bike1's batch was published while bike1 was in its objection window (fixture): it became public once final
    const { data } = await api.query(`{ spotCheck(reportNo: "${SITE.bike1.reportNo}") { disclosure { published publishedOn } } }`);
    const publicOn: string = data.spotCheck.disclosure.publishedOn;
    expect(data.spotCheck.disclosure.published).toBe(true);
    expect(publicOn > SITE.earlierBatchPublishedOn, `${publicOn} after the batch's ${SITE.earlierBatchPublishedOn}`).toBe(true);
    const page = await open('/');
    const feedOf = (xml: string) =>
      page.evaluate((text) => {
        const doc = new (globalThis as any).DOMParser().parseFromString(text, 'application/xml');
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          updated: doc.querySelector('feed > updated')?.textContent ?? '',
          entries: [...doc.querySelectorAll('entry, item')].map((e: any) => ({
            link: e.querySelector('id, guid')?.textContent ?? '',
            published: e.querySelector('published')?.textContent ?? e.querySelector('pubDate')?.textContent ?? '',
            updated: e.querySelector('updated')?.textContent ?? '',
          })),
        };
      }, xml);
    const bike1Page = `${SITE_URL_IN_TEST}${reportPage(SITE.bike1.reportNo)}`;
    const atom = await feedOf(await fetchText('/feeds/failures.atom.xml'));
    expect(atom.error).toBeNull();
    expect(atom.entries.find((e) => e.link === bike1Page)?.published).toBe(`${publicOn}T00:00:00+08:00`);
    const rss = await feedOf(await fetchText('/feeds/failures.rss.xml'));
    expect(rss.entries.find((e) => e.link === bike1Page)?.published).toBe(rfc822China(publicOn));
    // midnight in China's zone, so a reader and the styled page show that day (in GMT it read as the day before, 16:00)
    expect(rfc822China('2026-05-20')).toBe('Wed, 20 May 2026 00:00:00 +0800');
    // RFC 4287 §4.2.15: the feed's updated is never older than any of its entries
    for (const e of atom.entries) expect(e.updated <= atom.updated, `${e.link} updated ${e.updated}, feed ${atom.updated}`).toBe(true);
    // the batches feed lists the latest publication first, whatever order the batches were imported in
    const batches = await feedOf(await fetchText('/feeds/batches.atom.xml'));
    const days = batches.entries.map((e) => e.published);
    expect(days).toEqual([...days].sort().reverse());
    expect(days.at(-1)).toBe(`${SITE.earlierBatchPublishedOn}T00:00:00+08:00`);
    // the styled page (XSLT) of the RSS feed shows the day it became public
    const styled = await open('/feeds/failures.rss.xml');
    const bike1Item = styled.locator('.feed-entries li', { has: styled.locator(`a[href="${bike1Page}"]`) });
    expect(await bike1Item.locator('.feed-date').textContent()).toBe(`公开日期：${publicOn}`);
  });

  it('offers CSV (UTF-8 with BOM, formulas neutralised) and JSON with the right columns and checksums', async () => {
    const csv = await fetchText('/data/failures.csv');
    const bytes = Buffer.from(await (await fetch(base + '/data/failures.csv')).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: string[][] = parse(csv, { bom: true });
    expect(rows[0]).toEqual([
      '报告编号',
      '报告日期',
      '抽查类型',
      '产品种类',
      '产品名称',
      '商标',
      '规格型号',
      '生产日期/批号',
      '不符合项',
      '主要质量问题',
      '问题严重程度',
      '属地',
      '承检机构',
      '标称生产者',
      '被抽样单位',
      '生产者信息公开依据',
      '处理进展',
      '发布批次',
      '页面',
    ]);
    const { data } = await api.query(`{ spotChecks(first: 100) { totalCount nodes { reportNo producerName } } }`);
    expect(rows.length - 1).toBe(data.spotChecks.totalCount);
    const column = (name: string) => rows[0].indexOf(name);
    const toy = rows.find((r) => r[0] === SITE.toy.reportNo)!;
    expect(toy[column('规格型号')]).toBe(`'${SITE.formula}`);
    expect(toy[column('标称生产者')]).toBe('');
    const cable = rows.find((r) => r[0] === SITE.cable.reportNo)!;
    expect(cable[column('标称生产者')]).toBe(SITE.publicProducer);

    const json = JSON.parse(await fetchText('/data/failures.json'));
    expect(json.records).toHaveLength(data.spotChecks.totalCount);
    expect(json.fields.map((f: any) => f.title)).toEqual(rows[0]);
    // JSON carries the text as it is: neutralising formulas is a spreadsheet (CSV) matter
    expect(json.records.find((r: any) => r.reportNo === SITE.toy.reportNo).modelSpec).toBe(SITE.formula);

    const items: string[][] = parse(await fetchText('/data/certified-items.csv'), { bom: true });
    expect(items[0].slice(0, 5)).toEqual(['届次', '年度', '序号', '名称', '类别']);
    expect(items).toHaveLength(6);

    // every file's checksum as SHA256SUMS.txt and the open-data page state it
    const sums = (await fetchText('/data/SHA256SUMS.txt'))
      .trim()
      .split('\n')
      .map((l) => l.split(/\s+/));
    expect(sums.length).toBeGreaterThan(10);
    for (const [sum, file] of sums) {
      const body = Buffer.from(await (await fetch(`${base}/data/${file}`)).arrayBuffer());
      expect(createHash('sha256').update(body).digest('hex'), file).toBe(sum);
    }
    const openData = await fetchText('/open-data/');
    expect(openData).toContain(sums.find(([, f]) => f === 'failures.csv')![0]);
    expect(sums.some(([, f]) => f.startsWith('batches/') && f.endsWith('/failures.csv'))).toBe(true);
  });

  it('offers every public record kind as CSV and JSON, structured items, a data dictionary and one archive with its checksums and licence', async () => {
    const csvOf = async (name: string) => {
      const bytes = Buffer.from(await (await fetch(`${base}/data/${name}.csv`)).arrayBuffer());
      expect([...bytes.subarray(0, 3)], name).toEqual([0xef, 0xbb, 0xbf]);
      return parse(bytes.toString('utf8'), { bom: true }) as string[][];
    };
    const jsonOf = async (name: string) => JSON.parse(await fetchText(`/data/${name}.json`));
    const dictionary = JSON.parse(await fetchText('/data/dictionary.json'));
    const tables = new Map<string, any>(dictionary.tables.map((t: any) => [t.url.replace(/\.csv$/, ''), t]));
    const { data } = await api.query(`{
      enterprises(first: 100) { totalCount nodes { name uscc } }
      cultivationEntries(first: 100) { totalCount nodes { itemName } }
      standardEvaluations(first: 100) { totalCount }
      rectificationNotices(first: 100) { totalCount nodes { noticeNo } }
      logoAuthorisations(first: 100) { totalCount }
      summary { dataAsOf }
    }`);
    const kinds: [string, number, string[]][] = [
      ['enterprises', data.enterprises.totalCount, ['名称', '统一社会信用代码', '住所']],
      ['cultivation', data.cultivationEntries.totalCount, ['年度', '产品/服务名称', '类别', '执行标准', '企业名称']],
      ['evaluations', data.standardEvaluations.totalCount, ['年度', '产品/服务名称', '执行标准编号']],
      ['rectification-notices', data.rectificationNotices.totalCount, ['通知编号', '企业名称']],
      ['logo-authorisations', data.logoAuthorisations.totalCount, ['授权依据', '企业名称']],
      ['self-reports', -1, ['年度', '企业名称', '统一社会信用代码', '提交截止日', '提交日期', '提交情况']],
      ['case-events', -1, ['报告编号', '事项代码', '事项', '日期']],
      ['case-deadlines', -1, ['报告编号', '环节代码', '环节', '依据条款', '起算日']],
    ];
    for (const [name, count, firstColumns] of kinds) {
      const rows = await csvOf(name);
      const json = await jsonOf(name);
      expect(rows[0].slice(0, firstColumns.length), name).toEqual(firstColumns);
      expect(rows.length - 1, name).toBeGreaterThan(0);
      if (count >= 0) expect(rows.length - 1, name).toBe(count);
      expect(json.records, name).toHaveLength(rows.length - 1);
      expect(
        json.fields.map((f: any) => f.title),
        name,
      ).toEqual(rows[0]);
      expect(json.licence.name, name).toBe('CC BY 4.0');
      // the dictionary describes every column of every file: name, type, Chinese and English meaning
      const table = tables.get(name);
      expect(table, name).toBeDefined();
      expect(
        table.tableSchema.columns.map((c: any) => c.titles['zh-Hans']),
        name,
      ).toEqual(rows[0]);
      expect(
        json.fields.map((f: any) => f.en),
        name,
      ).toEqual(table.tableSchema.columns.map((c: any) => c.titles.en));
      for (const c of table.tableSchema.columns) {
        expect(c.titles.en, `${name}.${c.name}`).toMatch(/[a-z]/);
        expect(['string', 'integer', 'number', 'boolean', 'date', 'anyURI']).toContain(c.datatype);
      }
      // no personal data column, whatever it is called
      expect(json.fields.map((f: any) => f.key).join(' '), name).not.toMatch(/contact|phone/i);
    }
    // a column several files share means the same in each: one title and one English meaning
    const shared = new Map<string, Set<string>>();
    for (const table of tables.values())
      for (const c of table.tableSchema.columns)
        if (
          [
            'enterprise',
            'uscc',
            'city',
            'industryCode',
            'industryName',
            'standardNo',
            'standardName',
            'standardLevel',
            'reapplicationBarredUntil',
          ].includes(c.name)
        )
          shared.set(c.name, (shared.get(c.name) ?? new Set()).add(`${c.titles['zh-Hans']} | ${c.titles.en}`));
    expect(shared.get('uscc')?.size).toBe(1);
    for (const [key, meanings] of shared) expect([...meanings], key).toHaveLength(1);
    // the cultivation library without its contacts, a self-report as the API answers it
    const cultivation = await jsonOf('cultivation');
    expect(cultivation.records.map((r: any) => r.itemName).sort()).toEqual(
      data.cultivationEntries.nodes.map((n: any) => n.itemName).sort(),
    );
    expect(JSON.stringify(cultivation)).not.toContain(SITE.contactPhone);
    const selfReports = await jsonOf('self-reports');
    expect(selfReports.records).toContainEqual(
      expect.objectContaining({ year: 2025, enterprise: SITE.certifiedEnterprise, submittedOn: '2025-10-20', status: '按时提交' }),
    );
    const logos = await jsonOf('logo-authorisations');
    expect(logos.records.find((r: any) => r.certificateNo === SITE.revokedCertificate)).toMatchObject({
      validity: '已停止使用',
      stoppedBy: SITE.decisionNo,
    });
    expect(logos.records.some((r: any) => r.enterprise === SITE.yangtzeEnterprise && r.basis === '长江质量奖自我声明')).toBe(true);
    // a withheld producer is no enterprise of the open data
    const enterprises = await jsonOf('enterprises');
    for (const name of [SITE.withheldProducer, SITE.authenticityProducer, SITE.withheldSeller])
      expect(enterprises.records.map((r: any) => r.name)).not.toContain(name);
    // nonconforming items stay structured in JSON, joined in CSV
    const failures = await jsonOf('failures');
    const kettle = failures.records.find((r: any) => r.reportNo === SITE.kettle.reportNo);
    expect(Array.isArray(kettle.nonconformingItems)).toBe(true);
    expect(kettle.nonconformingItems.length).toBeGreaterThan(0);
    expect(Object.keys(kettle.nonconformingItems[0]).sort()).toEqual(['item', 'measured', 'requirement', 'seq']);
    expect(tables.get('failures').tableSchema.columns.find((c: any) => c.name === 'nonconformingItems')['dc:source']).toBe('003 Art. 27');
    // the dictionary page shows every dataset's columns
    const page = await fetchText('/open-data/dictionary/');
    for (const name of tables.keys()) expect(page, name).toContain(`data-dictionary="${name}"`);

    // one archive of the release, linked on the data page, with every file, the licence, the dictionary and SHA256SUMS
    const openData = await open('/open-data/');
    const href = (await openData.locator('[data-archive] a').getAttribute('href'))!;
    expect(href).toBe(`/data/hub-open-data-${data.summary.dataAsOf.slice(0, 10)}.zip`);
    const zip = Buffer.from(await (await fetch(base + href)).arrayBuffer());
    expect(await openData.locator('[data-archive-sha256]').textContent()).toBe(createHash('sha256').update(zip).digest('hex'));
    const unpacked = await mkdtemp(join(tmpdir(), 'hub-open-data-'));
    try {
      await writeFile(join(unpacked, 'release.zip'), zip);
      execFileSync('unzip', ['-q', 'release.zip'], { cwd: unpacked });
      const folder = join(
        unpacked,
        href
          .split('/')
          .pop()!
          .replace(/\.zip$/, ''),
      );
      // sha256sum -c verifies every file it lists, and it lists every file of the archive
      execFileSync('sha256sum', ['--quiet', '-c', 'SHA256SUMS.txt'], { cwd: folder });
      const inside = await filesOf(folder);
      const listed = (await readFile(join(folder, 'SHA256SUMS.txt'), 'utf8'))
        .trim()
        .split('\n')
        .map((l) => l.split(/\s+/)[1]);
      expect(inside.filter((f) => f !== 'SHA256SUMS.txt')).toEqual([...listed].sort());
      expect(await readFile(join(folder, 'SHA256SUMS.txt'), 'utf8')).toBe(await fetchText('/data/SHA256SUMS.txt'));
      for (const f of ['LICENCE.txt', 'dictionary.json', 'failures.json', 'cultivation.csv', 'logo-authorisations.json'])
        expect(inside).toContain(f);
      expect(inside.some((f) => f.startsWith('batches/'))).toBe(true);
      expect(await readFile(join(folder, 'LICENCE.txt'), 'utf8')).toContain('CC BY 4.0');
      // the same files as the site serves, and nothing withheld or personal inside
      for (const f of inside) {
        const bytes = await readFile(join(folder, f));
        const served = Buffer.from(await (await fetch(`${base}/data/${f}`)).arrayBuffer());
        if (f !== 'SHA256SUMS.txt') expect(bytes.equals(served), f).toBe(true);
        const text = bytes.toString('utf8');
        for (const secret of [
          SITE.withheldProducer,
          SITE.authenticityProducer,
          SITE.withheldSeller,
          ...fixture.withheldUsccs,
          SITE.contactName,
          SITE.contactPhone,
        ])
          expect(text.includes(secret), `${secret} in ${f}`).toBe(false);
      }
    } finally {
      await rm(unpacked, { recursive: true, force: true });
    }
  });

  it('has a 404 page, and the server answers 404 for a page that does not exist', async () => {
    expect(await read('404.html')).toContain('页面不存在');
    expect((await fetch(`${base}/no-such-page/`)).status).toBe(404);
  });

  it('saves screenshots of the key pages at phone and desktop width (tests/artifacts/site/)', { timeout: 240_000 }, async () => {
    const search = `/search/?q=${encodeURIComponent(SITE.kettle.productName)}`;
    for (const [name, path] of [...KEY_PAGES, ['search', search] as [string, string]]) {
      for (const [label, viewport] of [
        ['phone', PHONE],
        ['desktop', DESKTOP],
      ] as const) {
        const page = await open(path, viewport);
        if (path.startsWith('/search/')) await page.waitForSelector('.pagefind-ui__result-link');
        await page.screenshot({ path: join(ARTIFACTS, `${name}-${label}.png`), fullPage: true });
      }
    }
    expect((await readdir(ARTIFACTS)).filter((f) => f.endsWith('.png')).length).toBeGreaterThanOrEqual(KEY_PAGES.length * 2);
  });
});
