// Builds the Pagefind search index over the finished site, so `astro build` alone produces a
// searchable site. Chinese is segmented because every page says lang="zh-CN".
//
// Memory: Pagefind's (extended) indexer holds everything it indexes until it writes — about
// 65 KB per compact record page, several times that for a full page — so a province's tens of
// thousands of failed-result pages would need several GiB in one go. Pages are therefore indexed
// in parts of at most HUB_SEARCH_PART pages (default 5,000), one indexer process per part (it
// exits and returns its memory before the next starts); the first part is /pagefind/, the others
// /pagefind/part-<id>/, listed in /pagefind/hub-parts.json for the search page to merge
// (Pagefind's mergeIndex). Only pages with data-pagefind-body are indexed (record pages).
//
// Republishing (docs/site.md, "Incremental builds"): a part's index is a pure function of its
// pages' URLs and HTML, so each part is kept in Astro's cache folder (<cacheDir>/hub-pagefind/,
// named by a hash of its pages) with the list of its pages and their hashes. The next build reuses
// every part whose pages are all still there, byte for byte, and indexes only the rest: new and
// changed pages, and the other pages of a part that lost or changed one. Of the unchanged parts
// under a quarter full, a group keeps only its largest: the others are indexed again with the new
// pages, so the small parts many publishes leave are merged and never more than two per group.
// Failed-result pages (the many, each changed rarely) go in parts of their own, apart from the
// other record pages (few, and touched by most publishes).
import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

const PART = Number(process.env.HUB_SEARCH_PART ?? 5000);
// bump when what goes into an index changes (options, URL rule, grouping)
const FORMAT = 3;

async function htmlFiles(site) {
  const out = [];
  for (const entry of await readdir(site, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) out.push(relative(site, join(entry.parentPath, entry.name)));
  }
  return out.sort();
}

const urlOf = (file) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
const GROUPS = ['records', 'results'];
const groupOf = (file) => (file.startsWith('spot-checks/result/') ? 'results' : 'records');

async function indexPart(site, pages, outputPath) {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(errors.join('\n'));
  try {
    for (const { file } of pages) {
      const added = await index.addHTMLFile({ url: urlOf(file), content: await readFile(join(site, file), 'utf8') });
      if (added.errors.length) throw new Error(`${file}: ${added.errors.join('\n')}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(written.errors.join('\n'));
  } finally {
    // ends the indexer process: its memory is returned before the next part
    await pagefind.close();
  }
}

/** Hard-links (else copies) every file of `from` into `to`: cached parts are never changed in place. */
async function linkTree(from, to) {
  for (const entry of await readdir(from, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const rel = relative(from, join(entry.parentPath, entry.name));
    await mkdir(join(to, rel, '..'), { recursive: true });
    await link(join(from, rel), join(to, rel)).catch(() => copyFile(join(from, rel), join(to, rel)));
  }
}

async function readManifest(file, version) {
  try {
    const m = JSON.parse(await readFile(file, 'utf8'));
    return m.format === FORMAT && m.pagefind === version && m.part === PART ? m.parts : [];
  } catch {
    return [];
  }
}

/** @returns {import('astro').AstroIntegration} */
export default function pagefindIndex() {
  let cache = null;
  return {
    name: 'hub:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cache = join(fileURLToPath(config.cacheDir), 'hub-pagefind');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const output = join(site, 'pagefind');
        const started = performance.now();
        try {
          await rm(output, { recursive: true, force: true });
          const version = JSON.parse(
            await readFile(fileURLToPath(new URL('../node_modules/pagefind/package.json', import.meta.url)), 'utf8'),
          ).version;
          const pages = new Map();
          for (const file of await htmlFiles(site)) {
            const content = await readFile(join(site, file), 'utf8');
            if (!content.includes('data-pagefind-body')) continue;
            // the hash only: the contents of a province's pages would not fit in memory at once
            pages.set(file, { file, hash: createHash('sha256').update(file).update('\0').update(content).digest('base64url') });
          }
          const manifestFile = join(cache, 'manifest.json');
          const previous = await readManifest(manifestFile, version);
          // reuse a part whose pages are all unchanged; of a group's small ones, the largest only
          const unchanged = previous.filter(
            (part) => GROUPS.includes(part.group) && Object.entries(part.files).every(([file, hash]) => pages.get(file)?.hash === hash),
          );
          const size = (part) => Object.keys(part.files).length;
          const smallKept = new Map();
          for (const part of unchanged)
            if (size(part) < PART / 4 && size(part) > (smallKept.get(part.group)?.n ?? 0))
              smallKept.set(part.group, { id: part.id, n: size(part) });
          const parts = [];
          const claimed = new Set();
          for (const part of unchanged) {
            if (size(part) < PART / 4 && smallKept.get(part.group)?.id !== part.id) continue;
            parts.push({ ...part, reused: true });
            for (const file of Object.keys(part.files)) claimed.add(file);
          }
          // index the rest, by group, in parts of PART pages
          const rest = Object.fromEntries(GROUPS.map((g) => [g, []]));
          for (const page of pages.values()) if (!claimed.has(page.file)) rest[groupOf(page.file)].push(page);
          let indexed = 0;
          for (const group of GROUPS) {
            for (let i = 0; i < rest[group].length; i += PART) {
              const slice = rest[group].slice(i, i + PART);
              const files = Object.fromEntries(slice.map((p) => [p.file, p.hash]));
              const id = createHash('sha256').update(JSON.stringify(files)).digest('hex').slice(0, 16);
              const dest = join(cache, 'parts', id);
              const temp = `${dest}.${process.pid}.tmp`;
              await rm(temp, { recursive: true, force: true });
              await indexPart(site, slice, temp);
              await rm(dest, { recursive: true, force: true });
              await rename(temp, dest);
              parts.push({ id, group, files, reused: false });
              indexed += slice.length;
            }
          }
          if (parts.length === 0) {
            // an empty site still gets a (empty) index, so the search page loads
            const id = 'empty';
            await rm(join(cache, 'parts', id), { recursive: true, force: true });
            await indexPart(site, [], join(cache, 'parts', id));
            parts.push({ id, group: 'records', files: {}, reused: false });
          }
          // records first: the first part is /pagefind/ itself
          parts.sort((a, b) => GROUPS.indexOf(a.group) - GROUPS.indexOf(b.group));
          const more = [];
          for (const [n, part] of parts.entries()) {
            const path = n === 0 ? output : join(output, `part-${part.id}`);
            await linkTree(join(cache, 'parts', part.id), path);
            if (n > 0) more.push(`/pagefind/part-${part.id}/`);
          }
          await writeFile(join(output, 'hub-parts.json'), JSON.stringify(more) + '\n');
          // the next build's starting point; parts no longer listed are removed
          const kept = parts.map(({ id, group, files }) => ({ id, group, files }));
          await mkdir(cache, { recursive: true });
          await writeFile(
            `${manifestFile}.${process.pid}.tmp`,
            JSON.stringify({ format: FORMAT, pagefind: version, part: PART, parts: kept }),
          );
          await rename(`${manifestFile}.${process.pid}.tmp`, manifestFile);
          const ids = new Set(kept.map((p) => p.id));
          for (const name of await readdir(join(cache, 'parts')))
            if (!ids.has(name) && !name.endsWith('.tmp')) await rm(join(cache, 'parts', name), { recursive: true, force: true });
          const reused = parts.filter((p) => p.reused);
          logger.info(
            `indexed ${pages.size} pages in ${parts.length} part(s) in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
              `${indexed} page(s) indexed, ${pages.size - indexed} reused in ${reused.length} unchanged part(s)`,
          );
        } catch (error) {
          throw new Error(`Pagefind could not index ${site}`, { cause: error });
        }
      },
    },
  };
}
