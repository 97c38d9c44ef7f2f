/**
 * Retakes the README's screenshots (docs/images/) from a running hub, with Debian's chromium
 * through playwright-core as the site tests use it:
 *
 *   pnpm start                                     # in one terminal (the demo sample)
 *   pnpm exec tsx --tsconfig tsconfig.json tests/support/screenshots.ts [--site http://localhost:4321]
 *
 * - docs/images/failure-page-phone.png: a failure's page at 390 px (what to do if you own it, the
 *   published fields, the case, the citation and QR code), the failure with the most to show;
 * - docs/images/explorer.png: /api/explorer/ at 1280 px after running its first example, with every
 *   request outside the site and the API refused, as on a network without the internet.
 */
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values } = parseArgs({ options: { site: { type: 'string', default: 'http://localhost:4321' } } });
const site = values.site!.replace(/\/$/, '');
const IMAGES = fileURLToPath(new URL('../../docs/images/', import.meta.url));
execFileSync('bash', [fileURLToPath(new URL('../setup/ensure-chromium.sh', import.meta.url))], { stdio: 'inherit' });

// the failure with the most to show: a warning or a recall, a severity, nonconforming items
const failures = ((await (await fetch(`${site}/data/failures.json`)).json()) as { records: Record<string, any>[] }).records;
if (failures.length === 0) throw new Error(`${site} publishes no failure: start the hub with its sample data`);
const score = (f: Record<string, any>) => (f.severity ? 2 : 0) + (f.mainProblem ? 1 : 0) + Math.min(3, f.nonconformingItems?.length ?? 0);
const failure = [...failures].sort((a, b) => score(b) - score(a) || String(a.reportNo).localeCompare(String(b.reportNo)))[0];
const failurePath = new URL(failure.url).pathname;

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  await mkdir(IMAGES, { recursive: true });
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
  await phone.goto(site + failurePath);
  await phone.screenshot({ path: `${IMAGES}failure-page-phone.png`, fullPage: true });
  console.log(`docs/images/failure-page-phone.png: ${failurePath}`);

  const desktop = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // the site and the API it names (this machine, or the site's own host), nothing else
  const allowed = new Set([new URL(site).hostname, 'localhost', '127.0.0.1', '[::1]']);
  await desktop.route('**/*', (route) => (allowed.has(new URL(route.request().url()).hostname) ? route.continue() : route.abort()));
  await desktop.goto(`${site}/api/explorer/`);
  await desktop.waitForSelector('.graphiql-container', { timeout: 15_000 });
  await desktop.locator('.graphiql-execute-button').click();
  await desktop.waitForFunction(
    () => ((globalThis as any).document.querySelector('.result-window')?.textContent ?? '').includes('"data"'),
    null,
    { timeout: 15_000 },
  );
  await desktop.screenshot({ path: `${IMAGES}explorer.png` });
  console.log('docs/images/explorer.png: /api/explorer/, first example run');
} finally {
  await browser.close();
}
