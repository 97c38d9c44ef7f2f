import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { lookup } from 'mrmime';

/**
 * The static server of the built site. It serves whichever build `root()` names at the moment a
 * request arrives (site/builds.ts swaps that pointer atomically), and reads each file when asked:
 * a new build's pages are there the moment it is swapped in, and the build a request started on
 * is the one it finishes on. A file that vanishes mid-request ends that response (404 before the
 * headers, a closed connection after) — never the process (the crash of issue 10: an unhandled
 * ENOENT 'error' event of a read stream).
 *
 * Every answer carries the security headers of a static public registry (issue 12.4): a Content
 * Security Policy allowing only the site's own files (plus the hashes of a page's inline scripts
 * and WebAssembly for Pagefind's search), nosniff, a referrer policy and no framing.
 */
export interface SiteServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export function serveBuilds(root: () => string | null, listen: { host: string; port: number }): Promise<SiteServer> {
  const server = createServer((req, res) => {
    answer(root(), req, res).catch(() => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('500 server error');
      } else res.destroy();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => {
      server.off('error', reject);
      resolve({
        url: `http://${displayHost(listen.host)}:${listen.port}/`,
        server,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

export const displayHost = (host: string) => (host === '0.0.0.0' || host === '127.0.0.1' ? 'localhost' : host);

/** Static, self-contained pages: nothing from elsewhere may load, no plugin, no framing. */
const CSP_BASE = [
  "default-src 'self'",
  "img-src 'self' data:",
  // Astro inlines small stylesheets; Pagefind's UI sets style attributes
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

export function securityHeaders(inlineScriptHashes: string[] = [], connectOrigins: string[] = []): Record<string, string> {
  // Pagefind compiles its WebAssembly search; inline scripts only by hash
  const scripts = ["script-src 'self' 'wasm-unsafe-eval'", ...inlineScriptHashes.map((h) => `'${h}'`)].join(' ');
  // the site's own files; a page that talks to the API (the explorer) names its origin itself
  const connect = ["connect-src 'self'", ...connectOrigins].join(' ');
  return {
    'content-security-policy': [...CSP_BASE, connect, scripts].join('; '),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
  };
}

/**
 * The origins a page asks to connect to, from `<meta name="hub-connect-src" content="http://host:port">`
 * (the explorer's API): only well-formed http(s) origins, nothing else of the page's text.
 */
export function pageConnectOrigins(html: string): string[] {
  const origins: string[] = [];
  for (const m of html.matchAll(/<meta\s+name="hub-connect-src"\s+content="([^"]*)"/gi)) {
    try {
      const url = new URL(m[1]);
      if (url.protocol === 'http:' || url.protocol === 'https:') origins.push(url.origin);
    } catch {
      // not a URL: ignored
    }
  }
  return origins;
}

/** sha256 sources of a page's inline <script> elements (no src), for its CSP. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/.test(m[1]) || !m[2]) continue;
    hashes.push(`sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}`);
  }
  return hashes;
}

async function answer(dir: string | null, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', ...securityHeaders() });
    res.end();
    return;
  }
  if (!dir) return notFound(null, req, res, '站点尚未生成 The site is being built; try again in a minute.', 503);
  const file = await resolveFile(dir, req.url ?? '/');
  if (!file) return notFound(dir, req, res);
  const { path, size, mtime } = file;
  const etag = `W/"${size}-${mtime}"`;
  const type = lookup(path) ?? 'application/octet-stream';
  const headers: Record<string, string | number> = {
    'content-type': type.startsWith('text/') || type === 'application/javascript' ? `${type}; charset=utf-8` : type,
    'last-modified': new Date(mtime).toUTCString(),
    etag,
    // a rebuild may change any page: revalidate (cheap with the ETag)
    'cache-control': 'no-cache',
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, { ...headers, ...securityHeaders() });
    res.end();
    return;
  }
  if (extname(path) === '.html') {
    // pages are small: read whole, so the length is exact and the CSP can name its inline scripts
    let body: Buffer;
    try {
      body = await readFile(path);
    } catch {
      return notFound(dir, req, res);
    }
    const text = body.toString('utf8');
    res.writeHead(200, {
      ...headers,
      'content-length': body.length,
      ...securityHeaders(inlineScriptHashes(text), pageConnectOrigins(text)),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  res.setHeader('content-length', size);
  for (const [k, v] of Object.entries({ ...headers, ...securityHeaders() })) res.setHeader(k, v);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(path);
  stream.once('error', () => {
    if (!res.headersSent) {
      res.removeHeader('content-length');
      void notFound(dir, req, res);
    } else res.destroy();
  });
  stream.pipe(res);
}

/** The file a URL names in `dir`: the path itself, `path/index.html` or `path.html`; never outside `dir`. */
async function resolveFile(dir: string, url: string): Promise<{ path: string; size: number; mtime: number } | null> {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://site').pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const base = normalize(join(dir, pathname));
  if (base !== dir && !base.startsWith(dir.endsWith(sep) ? dir : dir + sep)) return null;
  for (const candidate of [base, join(base, 'index.html'), `${base}.html`]) {
    try {
      const s = await stat(candidate);
      if (s.isFile()) return { path: candidate, size: s.size, mtime: s.mtimeMs };
    } catch {
      // next candidate
    }
  }
  return null;
}

async function notFound(dir: string | null, req: IncomingMessage, res: ServerResponse, text?: string, status = 404): Promise<void> {
  let body: Buffer | string =
    `<!doctype html><html lang="zh-CN"><title>${status}</title><p>${text ?? '页面不存在 Page not found'}</p></html>`;
  if (dir && !text) {
    // the site's own 404 page, as any static host serves it
    body = await readFile(join(dir, '404.html')).catch(() => body);
  }
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const length = Buffer.byteLength(body);
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': length,
    'cache-control': 'no-cache',
    ...(status === 503 ? { 'retry-after': '30' } : {}),
    ...securityHeaders(),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
