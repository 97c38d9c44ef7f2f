// Builds the Pagefind search index over the finished site, so `astro build` alone produces a
// searchable site. Chinese is segmented because every page says lang="zh-CN".
//
// Memory: Pagefind's (extended) indexer holds everything it indexes until it writes — about
// 65 KB per compact record page, several times that for a full page — so a province's tens of
// thousands of failed-result pages would need several GiB in one go. Pages are therefore indexed
// in parts of at most HUB_SEARCH_PART pages (default 5,000), one indexer process per part (it
// exits and returns its memory before the next starts); the first part is /pagefind/, the others
// /pagefind/part-N/, listed in /pagefind/hub-parts.json for the search page to merge
// (Pagefind's mergeIndex). Only pages with data-pagefind-body are indexed (record pages).
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

const PART = Number(process.env.HUB_SEARCH_PART ?? 5000);

async function htmlFiles(site) {
  const out = [];
  for (const entry of await readdir(site, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) out.push(relative(site, join(entry.parentPath, entry.name)));
  }
  return out.sort();
}

async function indexPart(site, files, outputPath) {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(errors.join('\n'));
  try {
    for (const file of files) {
      const added = await index.addHTMLFile({
        url: `/${file.replace(/(^|\/)index\.html$/, '$1')}`,
        content: await readFile(join(site, file), 'utf8'),
      });
      if (added.errors.length) throw new Error(`${file}: ${added.errors.join('\n')}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(written.errors.join('\n'));
  } finally {
    // ends the indexer process: its memory is returned before the next part
    await pagefind.close();
  }
}

/** @returns {import('astro').AstroIntegration} */
export default function pagefindIndex() {
  return {
    name: 'hub:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const output = join(site, 'pagefind');
        const started = performance.now();
        try {
          await rm(output, { recursive: true, force: true });
          const indexable = [];
          for (const file of await htmlFiles(site)) {
            if ((await readFile(join(site, file), 'utf8')).includes('data-pagefind-body')) indexable.push(file);
          }
          const parts = [];
          for (let i = 0; i < Math.max(1, indexable.length); i += PART) parts.push(indexable.slice(i, i + PART));
          const more = [];
          for (const [n, files] of parts.entries()) {
            const path = n === 0 ? output : join(output, `part-${n + 1}`);
            await indexPart(site, files, path);
            if (n > 0) more.push(`/pagefind/part-${n + 1}/`);
          }
          await writeFile(join(output, 'hub-parts.json'), JSON.stringify(more) + '\n');
          logger.info(
            `indexed ${indexable.length} pages in ${parts.length} part(s) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
          );
        } catch (error) {
          throw new Error(`Pagefind could not index ${site}`, { cause: error });
        }
      },
    },
  };
}
