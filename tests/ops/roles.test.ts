import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '@hub/db';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX_LOADER = fileURLToPath(new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url));

let child: ChildProcess | undefined;
let folder: string | undefined;
afterAll(async () => {
  if (child && child.exitCode === null) {
    const gone = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    await gone;
  }
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** HUB_ROLE=site (issue 14): `pnpm start` serves the current build and nothing else. HUB_ROLE=api: tests/ops/processes.test.ts. */
describe('HUB_ROLE=site', () => {
  it('serves the current build with no database and no API', { timeout: 60_000 }, async () => {
    folder = await mkdtemp(join(tmpdir(), 'hub-role-site-'));
    const siteDir = join(folder, 'site');
    const dataDir = join(folder, 'data');
    await mkdir(siteDir);
    await writeFile(join(siteDir, 'index.html'), '<!doctype html><html lang="zh-CN"><title>湖北</title><p>静态站点</p></html>');
    const [apiPort, sitePort] = [await freePort(), await freePort()];
    child = spawn(process.execPath, ['--import', TSX_LOADER, 'api/src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        TSX_TSCONFIG_PATH: 'tsconfig.json',
        HUB_ROLE: 'site',
        HUB_DATA_DIR: dataDir,
        DATABASE_URL: '',
        HUB_API_PORT: String(apiPort),
        HUB_SITE_PORT: String(sitePort),
        HUB_SITE_DIR: siteDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (c) => (output += c));
    child.stderr!.on('data', (c) => (output += c));
    const end = Date.now() + 45_000;
    while (!output.includes('The hub is running') && child.exitCode === null && Date.now() < end)
      await new Promise((r) => setTimeout(r, 100));
    expect(output).toContain('HUB_ROLE=site');

    const page = await fetch(`http://127.0.0.1:${sitePort}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('静态站点');
    await expect(fetch(`http://127.0.0.1:${apiPort}/graphql`)).rejects.toThrow();
    // no embedded database was started
    expect(existsSync(dataDir)).toBe(false);
    expect(output).not.toContain('Database:');
  });
});
