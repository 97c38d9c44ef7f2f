import { spawn } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

export const SITE_ROOT = fileURLToPath(new URL('../../../site/', import.meta.url));
export const SITE_DIST = fileURLToPath(new URL('../../../site/dist/', import.meta.url));
const ASTRO_BIN = fileURLToPath(new URL('../../../site/node_modules/astro/bin/astro.mjs', import.meta.url));

export interface SiteBuild {
  outDir: string;
  seconds: number;
}

/**
 * Builds the static site from a running API (Astro, in a child process so its memory is
 * returned when it ends). Output lands in site/dist unless `outDir` says otherwise.
 */
export async function buildSite(options: { apiUrl: string; outDir?: string; quiet?: boolean }): Promise<SiteBuild> {
  const started = performance.now();
  const outDir = options.outDir ?? SITE_DIST;
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [ASTRO_BIN, 'build', '--root', SITE_ROOT, '--outDir', outDir], {
      cwd: SITE_ROOT,
      env: { ...process.env, HUB_API_URL: options.apiUrl, ASTRO_TELEMETRY_DISABLED: '1' },
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
  return { outDir, seconds: (performance.now() - started) / 1000 };
}

/** Serves a built site as static files. */
export function serveSite(dir: string, listen: { host: string; port: number }): Promise<{ url: string; server: Server }> {
  const handler = sirv(dir, { etag: true, dev: false, single: false });
  const notFoundPage = join(dir, '404.html');
  const server = createServer((req, res) =>
    handler(req, res, () => {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      // the site's own 404 page, as any static host serves it
      if (existsSync(notFoundPage)) createReadStream(notFoundPage).pipe(res);
      else res.end('<!doctype html><html lang="zh-CN"><title>404</title><p>页面不存在 Page not found</p></html>');
    }),
  );
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => resolve({ url: `http://${displayHost(listen.host)}:${listen.port}/`, server }));
  });
}

export const displayHost = (host: string) => (host === '0.0.0.0' || host === '127.0.0.1' ? 'localhost' : host);
