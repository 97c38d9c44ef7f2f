import { spawn } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
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
  /** the files Astro rendered this time (site paths such as /spot-checks/result/X/index.html): not reused */
  rendered: string[];
  /** Pagefind (integrations/pagefind.mjs): pages in the index, of those indexed again, and its seconds */
  search: { pages: number; indexed: number; seconds: number } | null;
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
  // Astro prints one "├─ /path" line per generated file (one at a time: build.concurrency is 1),
  // then " (cached)" or " (restored)" when it reused it, else its render time " (+12ms)"
  const log = stripVTControlCharacters(output.join(''));
  let generated = 0;
  const rendered: string[] = [];
  for (const [, path, how] of log.matchAll(/\u251C\u2500 (\S+)\s+\((cached|restored|\+[^)]*)\)/g)) {
    generated++;
    if (how!.startsWith('+')) rendered.push(path!);
  }
  const found = /indexed (\d+) pages in \d+ part\(s\) in ([\d.]+) s: (\d+) page\(s\) indexed/.exec(log);
  const search = found ? { pages: Number(found[1]), seconds: Number(found[2]), indexed: Number(found[3]) } : null;
  return { outDir, seconds: (performance.now() - started) / 1000, generated, reused: generated - rendered.length, rendered, search };
}

/** Serves one built site folder as static files (the hub serves a SiteStore: see main.ts). */
export function serveSite(dir: string, listen: { host: string; port: number }): Promise<SiteServer> {
  const root = realpathSync(dir);
  return serveBuilds(() => root, listen);
}

export { displayHost };
