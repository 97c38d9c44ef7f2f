/**
 * What a browser sees at GET /graphql (issue 15 §6). Apollo's default landing page loads Apollo
 * Sandbox from a CDN and, offline, says only "Apollo Sandbox cannot be loaded". This page needs
 * nothing from outside: it says what the endpoint is, how to query it, and links the site's
 * GraphiQL explorer (/api/explorer/, served from the site's own files).
 */
import type { ApolloServerPlugin } from '@apollo/server';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** the site's address, as the site itself derives it (site/src/lib/site.ts) */
export function siteUrl(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.HUB_SITE_URL?.trim();
  if (explicit) return explicit.replace(/\/+$/, '');
  const host = env.HUB_HOST?.trim();
  const name = !host || host === '0.0.0.0' || host === '127.0.0.1' || host === '::' ? 'localhost' : host;
  return `http://${name}:${env.HUB_SITE_PORT?.trim() || 4321}`;
}

export function landingPageHtml(site: string): string {
  const explorer = escapeHtml(`${site}/api/explorer/`);
  const api = escapeHtml(`${site}/api/`);
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>“湖北精品”GraphQL 数据接口</title></head>
<body style="font: 16px/1.6 system-ui, sans-serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem">
<h1>“湖北精品”GraphQL 数据接口</h1>
<p>这是数据接口本身：用 HTTP POST（<code>content-type: application/json</code>）发送
<code>{"query": "…"}</code>，或用 GET <code>?query=…</code>。匿名查询只返回依法公开的信息。</p>
<p><a href="${explorer}" data-explorer-link>打开 GraphQL 查询器（GraphiQL）</a> · <a href="${api}">接口说明与示例</a></p>
<p lang="en">This is the GraphQL endpoint. Open the <a href="${explorer}">explorer</a> (GraphiQL, served by the hub itself, works offline).</p>
</body>
</html>
`;
}

/** Replaces Apollo's CDN-loaded landing page. */
export function landingPagePlugin(site = siteUrl()): ApolloServerPlugin {
  const html = landingPageHtml(site);
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}
