import { spawn } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { displayHost, serveBuilds, type SiteServer } from './serve.ts';

export const SITE_ROOT = fileURLToPath(new URL('../../../site/', import.meta.url));
export const SITE_DIST = fileURLToPath(new URL('../../../site/dist/', import.meta.url));
const ASTRO_BIN = fileURLToPath(new URL('../../../site/node_modules/astro/bin/astro.mjs', import.meta.url));

export interface SiteBuild {
  outDir: string;
  seconds: number;
  /** files Astro generated (pages, feeds, data files), and of those copied from the previous build (incremental build) */
  generated: number;
  reused: number;
}

/**
 * Builds the static site from a running API (Astro, in a child process so its memory is
 * returned when it ends). Output lands in site/dist unless `outDir` says otherwise.
 */
export async function buildSite(options: {
  apiUrl: string;
  outDir?: string;
  quiet?: boolean;
  today?: string;
  /** Astro's cache (incremental builds reuse the pages kept there): one per site store, never shared by two hubs */
  cacheDir?: string;
}): Promise<SiteBuild> {
  const started = performance.now();
  const outDir = options.outDir ?? SITE_DIST;
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [ASTRO_BIN, 'build', '--root', SITE_ROOT, '--outDir', outDir], {
      cwd: SITE_ROOT,
      // the hub's day (its clock may be moved in tests): the site's "today" is the API's
      env: {
        ...process.env,
        HUB_API_URL: options.apiUrl,
        ASTRO_TELEMETRY_DISABLED: '1',
        ...(options.today ? { HUB_TODAY: options.today } : {}),
        ...(options.cacheDir ? { HUB_ASTRO_CACHE_DIR: options.cacheDir } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const collect = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (!options.quiet) process.stdout.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) {
    throw new Error(`The site build failed (exit ${code}):\n${output.join('').split('\n').slice(-25).join('\n')}`);
  }
  // Astro prints one "├─ /path" line per generated file, then " (cached)" or " (restored)" when it reused it
  const log = output.join('');
  const generated = (log.match(/\u251C\u2500/g) ?? []).length;
  const reused = (log.match(/\((?:cached|restored)\)/g) ?? []).length;
  return { outDir, seconds: (performance.now() - started) / 1000, generated, reused };
}

/** Serves one built site folder as static files (the hub serves a SiteStore: see main.ts). */
export function serveSite(dir: string, listen: { host: string; port: number }): Promise<SiteServer> {
  const root = realpathSync(dir);
  return serveBuilds(() => root, listen);
}

export { displayHost };
