import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '@hub/db';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TSX = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));

/**
 * `pnpm start` as a new user runs it: embedded PostgreSQL in a fresh folder, migrations, demo
 * sample data, the API and the built site — then a restart that keeps the data.
 */
describe('the start command', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c().catch(() => undefined);
  });

  async function start(env: Record<string, string>): Promise<{ child: ChildProcess; output: () => string }> {
    const child = spawn(TSX, ['--tsconfig', 'tsconfig.json', 'api/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (c) => (output += c));
    child.stderr!.on('data', (c) => (output += c));
    cleanup.push(() => stop(child));
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (output.includes('The hub is running')) {
          clearInterval(timer);
          resolve();
        }
      }, 200);
      child.on('exit', (code) => {
        clearInterval(timer);
        reject(new Error(`the hub exited with ${code} before it was ready:\n${output}`));
      });
    });
    return { child, output: () => output };
  }

  function stop(child: ChildProcess): Promise<number | null> {
    if (child.exitCode !== null) return Promise.resolve(child.exitCode);
    return new Promise((resolve) => {
      child.once('exit', (code) => resolve(code));
      child.kill('SIGTERM');
    });
  }

  it('sets up, serves the API and the site, and keeps the data across a restart', { timeout: 240_000 }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'hub-start-'));
    const siteDir = await mkdtemp(join(tmpdir(), 'hub-start-site-'));
    cleanup.push(
      () => rm(dataDir, { recursive: true, force: true }),
      () => rm(siteDir, { recursive: true, force: true }),
    );
    const env = {
      HUB_DATA_DIR: dataDir,
      HUB_SITE_DIR: siteDir,
      HUB_API_PORT: String(await freePort()),
      HUB_SITE_PORT: String(await freePort()),
    };
    const api = `http://127.0.0.1:${env.HUB_API_PORT}/graphql`;
    const summary = async () => {
      const response = await fetch(api, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ summary { spotChecks certifiedItems containsSampleData publishedBatches } }' }),
      });
      return ((await response.json()) as any).data.summary;
    };

    const first = await start(env);
    expect(first.output()).toContain('Migrations applied');
    expect(first.output()).toContain('示例数据');
    const before = await summary();
    expect(before.containsSampleData).toBe(true);
    expect(before.spotChecks).toBeGreaterThan(1000);
    expect(before.certifiedItems).toBeGreaterThan(100);
    const home = await (await fetch(`http://127.0.0.1:${env.HUB_SITE_PORT}/`)).text();
    expect(home).toContain('lang="zh-CN"');
    expect(home).toContain('示例数据');
    // absolute links (sitemap, robots.txt, feeds) name the port the site is served on, not a default
    const siteUrl = `http://localhost:${env.HUB_SITE_PORT}`;
    const page = async (path: string) => (await fetch(`http://127.0.0.1:${env.HUB_SITE_PORT}${path}`)).text();
    expect(await page('/robots.txt')).toContain(`Sitemap: ${siteUrl}/sitemap-index.xml`);
    const sitemap = await page('/sitemap-index.xml');
    expect(sitemap).toContain(`<loc>${siteUrl}/sitemap-0.xml</loc>`);
    expect(sitemap).not.toContain(':4321/');
    expect(await page('/feeds/failures.atom.xml')).toContain(`${siteUrl}/`);

    // a second hub on the same data folder is refused with a clear message
    const second = spawn(TSX, ['--tsconfig', 'tsconfig.json', 'api/src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...env,
        DATABASE_URL: '',
        HUB_API_PORT: String(await freePort()),
        HUB_SITE_PORT: String(await freePort()),
        HUB_BUILD_SITE: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let secondOutput = '';
    second.stderr.on('data', (c) => (secondOutput += c));
    const secondCode = await new Promise((resolve) => second.on('exit', resolve));
    expect(secondCode).toBe(1);
    expect(secondOutput).toContain('in use by another running hub');

    // SIGTERM: a clean stop (0, or 143 when the embedded database's own exit hook ends the process)
    expect([0, 143]).toContain(await stop(first.child));
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);

    const again = await start({ ...env, HUB_BUILD_SITE: '0' });
    expect(again.output()).not.toContain('Migrations applied');
    expect(again.output()).not.toContain('loading the demo sample data');
    expect(await summary()).toEqual(before);
    expect([0, 143]).toContain(await stop(again.child));
  });
});
