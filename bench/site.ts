/**
 * `pnpm bench:site`: the hub's site build against a trivial Astro site with the same number of
 * pages, interleaved, with the ratio; and how the build reads the API.
 *
 * - The hub runs as its own process (API only). Its site is built exactly as `pnpm hub site`
 *   builds it (api/src/site/site.ts: `astro build --root site` with HUB_API_URL), into a
 *   temporary folder, through a counting proxy in front of the API: requests, bytes, and the
 *   time at least one was in flight.
 * - The baseline is generated in a temporary folder: one page per record with a little Chinese
 *   text, the workspace's Astro, and the hub's own Pagefind integration over it
 *   (site/integrations/pagefind.mjs), so both index the same way.
 * - Memory is the peak of the summed RSS of the build's whole process tree (Astro and the
 *   Pagefind indexers it starts), sampled every 100 ms.
 *
 *   HUB_DATA_DIR=.data-province pnpm bench:site [--rounds 2]
 *   pnpm bench:site --quick                    # the demo sample in a throwaway database
 *
 * The republish latency (issue 10: publishing a batch into a running hub, incremental build) is
 * `pnpm bench:republish` (bench/republish.ts).
 */
import { spawn } from 'node:child_process';
import { symlink, chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ROOT, freePort, hubToday, sleep, startHub, type DataSource, type RunningHub } from './lib/hub.ts';
import { TreeSampler } from './lib/processes.ts';

const { values: options } = parseArgs({
  options: {
    rounds: { type: 'string' },
    quick: { type: 'boolean', default: false },
    republish: { type: 'boolean', default: false },
  },
});
const quick = options.quick!;
const ROUNDS = Number(options.rounds ?? 2);
const SITE = join(ROOT, 'site');
const ASTRO = join(SITE, 'node_modules/astro/bin/astro.mjs');
if (options.republish)
  throw new Error('--republish is now its own benchmark, on a live hub: pnpm bench:republish --demo (bench/README.md)');

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** A pass-through proxy that counts the build's API requests and the time spent waiting on them. */
async function countingProxy(target: string) {
  const upstream = new URL(target);
  const stats = { requests: 0, bytes: 0, busyMs: 0 };
  let inFlight = 0;
  let busySince = 0;
  const server = createServer((req, res) => {
    stats.requests++;
    if (inFlight++ === 0) busySince = performance.now();
    const done = () => {
      if (--inFlight === 0) stats.busyMs += performance.now() - busySince;
    };
    const forward = httpRequest(
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.on('data', (chunk: Buffer) => (stats.bytes += chunk.length));
        answer.pipe(res);
        answer.on('end', done);
      },
    );
    forward.on('error', (error) => {
      done();
      res.writeHead(502).end(error.message);
    });
    req.pipe(forward);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}${upstream.pathname}`,
    stats,
    reset: () => Object.assign(stats, { requests: 0, bytes: 0, busyMs: 0 }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface Build {
  seconds: number;
  peakMiB: number;
  pages: number;
  pagefindSeconds?: number;
}

async function countPages(dir: string): Promise<number> {
  return (await readdir(dir, { recursive: true })).filter((f) => String(f).endsWith('.html')).length;
}

/** `astro build` of a project into `outDir`, with the tree's peak memory. */
async function astroBuild(root: string, outDir: string, env: NodeJS.ProcessEnv): Promise<Build> {
  await rm(outDir, { recursive: true, force: true });
  const started = performance.now();
  const child = spawn(process.execPath, [ASTRO, 'build', '--root', root, '--outDir', outDir], {
    cwd: root,
    env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const sampler = new TreeSampler(child.pid!);
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  sampler.stop();
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`astro build --root ${root} failed (exit ${code}):\n${output.split('\n').slice(-25).join('\n')}`);
  const indexed = /indexed \d+ pages in \d+ part\(s\) in ([\d.]+) s/.exec(output);
  return {
    seconds,
    peakMiB: sampler.peakKb / 1024,
    pages: await countPages(outDir),
    pagefindSeconds: indexed ? Number(indexed[1]) : undefined,
  };
}

/** The trivial Astro site: `pages` record pages, a little text each, the hub's Pagefind integration. */
async function writeTrivialSite(dir: string, pages: number): Promise<void> {
  await mkdir(join(dir, 'src/pages/r'), { recursive: true });
  // the workspace's Astro and Pagefind, the same versions the hub builds with
  await symlink(join(SITE, 'node_modules'), join(dir, 'node_modules'), 'dir');
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'trivial-site', private: true, type: 'module' }));
  const integration = pathToFileURL(join(SITE, 'integrations/pagefind.mjs')).href;
  await writeFile(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import pagefindIndex from '${integration}';
export default defineConfig({ output: 'static', build: { format: 'directory' }, devToolbar: { enabled: false }, integrations: [pagefindIndex()] });
`,
  );
  const categories = ['电线电缆', '电动自行车', '插头插座', '儿童玩具', '电热水壶', '白酒', '陶瓷砖', '食用植物油'];
  const records = Array.from({ length: pages }, (_, i) => ({
    id: `r${i + 1}`,
    title: `${categories[i % categories.length]}产品质量监督抽查结果 第${i + 1}号`,
    text: `${2024 + (i % 3)}年湖北省${categories[(i * 7) % categories.length]}产品质量监督抽查，报告编号 HBZJ-${String(i + 1).padStart(7, '0')}，检验结论：不合格。`,
  }));
  await writeFile(join(dir, 'src/records.json'), JSON.stringify(records));
  await writeFile(
    join(dir, 'src/pages/r/[id].astro'),
    `---
import records from '../../records.json';
export function getStaticPaths() {
  return records.map((r) => ({ params: { id: r.id }, props: { r } }));
}
const { r } = Astro.props;
---
<html lang="zh-CN">
  <head><meta charset="utf-8" /><title>{r.title}</title></head>
  <body><main data-pagefind-body><h1>{r.title}</h1><p>{r.text}</p></main></body>
</html>
`,
  );
}

async function main() {
  const today = hubToday();
  const cleanups: Array<() => Promise<unknown>> = [];
  const work = await mkdtemp(join(tmpdir(), 'hub-bench-site-'));
  // as root the embedded server runs as `postgres`, who must reach the data folder inside
  await chmod(work, 0o755);
  cleanups.push(() => rm(work, { recursive: true, force: true }));
  let source: DataSource;
  if (quick) source = { dataDir: join(work, 'data') };
  else if (process.env.DATABASE_URL) source = { databaseUrl: process.env.DATABASE_URL };
  else {
    const dir = process.env.HUB_DATA_DIR?.trim() || '.data';
    source = { dataDir: isAbsolute(dir) ? dir : resolve(ROOT, dir) };
  }
  try {
    console.log(
      `Starting the hub (${quick ? 'demo sample in a throwaway database' : 'databaseUrl' in source ? 'DATABASE_URL' : source.dataDir}), today = ${today}…`,
    );
    const hub: RunningHub = await startHub(source, { today, sample: quick ? 'demo' : 'none' });
    cleanups.push(() => hub.stop());
    const proxy = await countingProxy(hub.apiUrl);
    cleanups.push(() => proxy.close());

    const hubOut = join(work, 'hub-dist');
    const trivialRoot = join(work, 'trivial');
    const trivialOut = join(work, 'trivial-dist');
    const hubBuilds: Build[] = [];
    const trivialBuilds: Build[] = [];
    const api: Array<{ requests: number; bytes: number; busyMs: number }> = [];
    let lastHubBuild = 0;
    const buildHub = async () => {
      // the hub keeps public answers 60 s: a build that soon after the last would be read from its cache
      const wait = lastHubBuild + 61_000 - performance.now();
      if (lastHubBuild && wait > 0) await sleep(wait);
      proxy.reset();
      // a full build: an empty Astro cache each time, or the incremental build would reuse the
      // record pages and search parts of the round before (that is pnpm bench:republish)
      const cache = join(work, 'hub-cache');
      await rm(cache, { recursive: true, force: true });
      const build = await astroBuild(SITE, hubOut, { HUB_API_URL: proxy.url, HUB_ASTRO_CACHE_DIR: cache });
      lastHubBuild = performance.now();
      api.push({ ...proxy.stats });
      hubBuilds.push(build);
      return build;
    };
    // the first hub build tells the page count the trivial site must have
    console.log('Building the hub site once to count its pages…');
    const first = await buildHub();
    await writeTrivialSite(trivialRoot, first.pages);
    console.log(`  ${fmt(first.pages)} pages; the trivial site gets as many.\n`);
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? ['trivial', 'hub'] : ['hub', 'trivial'];
      for (const side of order) {
        if (side === 'hub' && round === 0) continue; // the counting build was this round's
        if (side === 'hub') await buildHub();
        else trivialBuilds.push(await astroBuild(trivialRoot, trivialOut, {}));
      }
    }
    const line = (name: string, builds: Build[]) => {
      const seconds = builds.map((b) => b.seconds);
      const pf = builds.map((b) => b.pagefindSeconds).filter((s): s is number => s !== undefined);
      return (
        `  ${name.padEnd(14)} ${fmt(builds[0].pages).padStart(7)} pages  ${seconds
          .map((s) => fmt(s, 1))
          .join(' / ')
          .padStart(16)} s  ` +
        `peak ${fmt(median(builds.map((b) => b.peakMiB)))} MiB` +
        (pf.length ? `  (Pagefind ${pf.map((s) => fmt(s, 1)).join(' / ')} s)` : '')
      );
    };
    console.log(`Site builds, ${ROUNDS} round(s), interleaved (seconds of each round; peak RSS of the build's process tree, median):`);
    console.log(line('hub', hubBuilds));
    console.log(line('trivial Astro', trivialBuilds));
    const ratio = median(hubBuilds.map((b) => b.seconds)) / median(trivialBuilds.map((b) => b.seconds));
    const memoryRatio = median(hubBuilds.map((b) => b.peakMiB)) / median(trivialBuilds.map((b) => b.peakMiB));
    const hubPf = median(hubBuilds.map((b) => b.pagefindSeconds ?? NaN));
    const trivialPf = median(trivialBuilds.map((b) => b.pagefindSeconds ?? NaN));
    console.log(
      `  ratio hub/trivial: **${fmt(ratio, 2)}×** the time (goal ≤ 1.3×), ${fmt(memoryRatio, 2)}× the memory; Pagefind alone ${fmt(hubPf / trivialPf, 2)}×`,
    );
    const a = api[0];
    console.log(
      `  the hub build read the API in ${fmt(a.requests)} requests (${fmt(a.bytes / 1024 / 1024, 1)} MiB), waiting on it ` +
        `${api.map((b) => fmt(b.busyMs / 1000, 1)).join(' / ')} s of the build\n`,
    );
    console.log('| site | pages | build s (rounds) | peak RSS | hub/trivial |');
    console.log('| --- | --- | --- | --- | --- |');
    console.log(
      `| hub | ${fmt(first.pages)} | ${hubBuilds.map((b) => fmt(b.seconds, 1)).join(', ')} | ${fmt(median(hubBuilds.map((b) => b.peakMiB)))} MiB | **${fmt(ratio, 2)}×** |`,
    );
    console.log(
      `| trivial Astro + Pagefind | ${fmt(trivialBuilds[0].pages)} | ${trivialBuilds.map((b) => fmt(b.seconds, 1)).join(', ')} | ${fmt(median(trivialBuilds.map((b) => b.peakMiB)))} MiB | |`,
    );
  } finally {
    for (const c of cleanups.reverse()) await c().catch((error) => console.error(error));
  }
}

await main();
