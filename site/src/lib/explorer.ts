/**
 * The offline GraphQL explorer at /api/explorer/ (issue 15 §6): GraphiQL 3 and React 18 from the
 * site's own files (their UMD builds, copied at build time — no CDN, so it works on a network
 * without the internet), the API at PUBLIC_API_URL, and docs/API.md's example queries preloaded
 * as tabs (read from the doc at build time, so the two cannot drift).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);

/** asset name → a package's file */
export const EXPLORER_ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'graphiql.min.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css; charset=utf-8' },
  'graphiql.min.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript; charset=utf-8' },
  'react.production.min.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript; charset=utf-8' },
  'react-dom.production.min.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript; charset=utf-8' },
};

/** a package's folder: its "exports" hide the UMD files from require.resolve, so walk up from its entry */
function packageDir(pkg: string): string {
  let dir = dirname(require.resolve(pkg));
  while (!existsSync(join(dir, 'package.json')) || JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name !== pkg) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`Cannot find the folder of ${pkg}`);
    dir = up;
  }
  return dir;
}

export const assetContent = (name: string) => readFileSync(join(packageDir(EXPLORER_ASSETS[name].pkg), EXPLORER_ASSETS[name].file));

export interface ExampleQuery {
  title: string;
  query: string;
}

/** docs/API.md's examples: each ```graphql block, titled by the bold question above it. */
export function apiExamples(file = process.env.HUB_API_DOC ?? resolve(process.cwd(), '../docs/API.md')): ExampleQuery[] {
  const doc = readFileSync(file, 'utf8');
  const out: ExampleQuery[] = [];
  let title = '';
  for (const block of doc.split(/^```/m).map((b, i) => ({ b, code: i % 2 === 1 }))) {
    if (!block.code) {
      const bold = [...block.b.matchAll(/\*\*(.+?)\*\*/g)].at(-1);
      if (bold) title = bold[1];
      continue;
    }
    if (!block.b.startsWith('graphql')) continue;
    out.push({ title, query: block.b.slice('graphql'.length).trim() });
  }
  return out;
}

/** /api/explorer/explorer.js: the page's settings and its one function, rendering GraphiQL. */
export function explorerScript(apiUrl: string, examples: ExampleQuery[]): string {
  const settings = JSON.stringify({ url: apiUrl, tabs: examples.map((e) => ({ query: `# ${e.title}\n${e.query}\n` })) }).replace(
    /</g,
    '\\u003c',
  );
  return `// The hub's GraphQL explorer: GraphiQL over the public API (no token, no CDN).
(function () {
  var settings = ${settings};
  var fetcher = GraphiQL.createFetcher({ url: settings.url });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, { fetcher: fetcher, defaultTabs: settings.tabs, defaultEditorToolsVisibility: false }));
})();
`;
}
