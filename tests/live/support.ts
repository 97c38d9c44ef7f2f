import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { freePort } from '@hub/db';
import { PROJECT_ROOT } from '../import/fixtures.ts';

/**
 * A hub as the bureau runs it, for the live tests: `pnpm start` and `pnpm hub …` as child
 * processes on one data folder (embedded PostgreSQL, no DATABASE_URL). Node runs the programs
 * directly (tsx as a loader, no wrapper process), so kill -9 hits the process that holds the
 * database.
 */
export interface Hub {
  child: ChildProcess;
  output(): string;
  api: string;
  site: string;
  env: Record<string, string>;
}

export interface Folder {
  dataDir: string;
  siteDir: string;
}

function run(script: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: '', TSX_TSCONFIG_PATH: 'tsconfig.json', FORCE_COLOR: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export async function hubEnv(folder: Folder, extra: Record<string, string> = {}): Promise<Record<string, string>> {
  return {
    HUB_DATA_DIR: folder.dataDir,
    HUB_SITE_DIR: folder.siteDir,
    HUB_API_PORT: String(await freePort()),
    HUB_SITE_PORT: String(await freePort()),
    HUB_SAMPLE: 'none',
    ...extra,
  };
}

/** Starts `pnpm start`; resolves when it says it is running. */
export async function startHub(env: Record<string, string>, timeoutMs = 240_000): Promise<Hub> {
  const child = run('api/src/main.ts', [], env);
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('The hub is running')) {
        clearInterval(timer);
        resolve();
      }
    }, 100);
    setTimeout(() => {
      clearInterval(timer);
      reject(new Error(`the hub did not start in time:\n${output}`));
    }, timeoutMs).unref();
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`the hub exited with ${code} before it was ready:\n${output}`));
    });
  });
  return {
    child,
    output: () => output,
    api: `http://127.0.0.1:${env.HUB_API_PORT}/graphql`,
    site: `http://127.0.0.1:${env.HUB_SITE_PORT}`,
    env,
  };
}

export function stopHub(hub: { child: ChildProcess }): Promise<number | null> {
  const { child } = hub;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

export interface CommandResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** `pnpm hub …` on the folder; `onSpawn` gets the child (to kill it). */
export function hubCommand(args: string[], env: Record<string, string>, onSpawn?: (child: ChildProcess) => void): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = run('api/src/cli/hub.ts', args, env);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('spawn', () => onSpawn?.(child));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export async function graphql<T = any>(api: string, query: string, token?: string): Promise<T> {
  const response = await fetch(api, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

export function hubRecord(dataDir: string): { pid: number; state: string; databaseUrl?: string; apiUrl?: string } | null {
  try {
    return JSON.parse(readFileSync(join(dataDir, 'hub.json'), 'utf8'));
  } catch {
    return null;
  }
}

/** The page URLs of a built site (each HTML file as the server answers it). */
export async function pagesOf(buildDir: string): Promise<string[]> {
  const pages: string[] = [];
  for (const entry of await readdir(buildDir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html') || entry.name === '404.html') continue;
    pages.push(`/${relative(buildDir, join(entry.parentPath, entry.name)).replace(/(^|\/)index\.html$/, '$1')}`);
  }
  return pages.sort();
}

/** Reads `pages` in a loop until `stop()`; counts answers that are not 200. */
export function readerLoop(site: string, pages: string[]) {
  let running = true;
  const failures: string[] = [];
  let reads = 0;
  const loop = (async () => {
    let i = 0;
    while (running) {
      const page = pages[i++ % pages.length];
      try {
        const response = await fetch(site + page);
        await response.arrayBuffer();
        if (response.status !== 200) failures.push(`${response.status} ${page}`);
      } catch (error) {
        failures.push(`${(error as Error).message} ${page}`);
      }
      reads++;
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { reads, failures };
    },
  };
}
