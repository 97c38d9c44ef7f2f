/**
 * `pnpm bench:republish`: the republish latency of a running hub (issue 10). It measures the time
 * from `pnpm hub publish N --site` of a 500-result batch to the new pages being served by the
 * hub's static server, and the size of that rebuild: files Astro rendered, files it reused
 * (incremental build), and pages in the site.
 *
 *   HUB_DATA_DIR=.data-province pnpm bench:republish      the province sample (pnpm hub sample --size province first)
 *   pnpm bench:republish --demo                           a throwaway folder with the demo sample
 *   options: --results 500 (size of the batch), --rounds 1
 *
 * The hub runs as a user runs it (`pnpm start`, the bureau's commands in other processes); the
 * site it serves is built first if it has none or it is not current (not timed). Each round then
 * imports a fresh batch and times its publish (`--site --final`: its 50 failures get their pages). Machine shared: read the figures as orders of magnitude.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { usccCheckCharacter } from '../db/src/reference/uscc.ts';
import { ROOT, freePort, sleep, spawnTsx } from './lib/hub.ts';

const { values } = parseArgs({
  options: { demo: { type: 'boolean' }, results: { type: 'string', default: '500' }, rounds: { type: 'string', default: '1' } },
});
const RESULTS = Number(values.results);
const ROUNDS = Number(values.rounds);

function run(entry: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  return new Promise((done) => {
    const child = spawnTsx(entry, args, { env });
    let out = '';
    child.stdout!.on('data', (c) => (out += c));
    child.stderr!.on('data', (c) => (out += c));
    child.on('close', (code) => done({ code, out }));
  });
}

function waitFor(child: ChildProcess, output: () => string, text: string | RegExp, ms: number): Promise<void> {
  return new Promise((done, fail) => {
    const deadline = Date.now() + ms;
    const timer = setInterval(() => {
      const o = output();
      if (typeof text === 'string' ? o.includes(text) : text.test(o)) {
        clearInterval(timer);
        done();
      } else if (Date.now() > deadline || child.exitCode !== null) {
        clearInterval(timer);
        // the hub's last words, without its request log lines
        const said = o.split('\n').filter((line) => !line.startsWith('{"level":30'));
        fail(new Error(`waited for "${text}":\n${said.slice(-40).join('\n')}`));
      }
    }, 200);
  });
}

const uscc = (n: number) => {
  const body = `91420100MA${String(n).padStart(7, '0')}`;
  return body + usccCheckCharacter(body);
};

/**
 * A round of results: one failure in ten, the rest passes, across a few dozen producers. It is
 * published with --final (a results announcement, 结果公告: README, "Publishing"), so its failures
 * are listed at once and each gets its page, as when the bureau announces a round's results.
 */
function batchCsv(title: string, prefix: string, n: number): string {
  const header =
    '抽查类型,产品种类,产品名称,商标,标称生产企业名称,标称生产企业统一社会信用代码,被抽样单位名称,承检机构,报告编号,报告日期,检验结论,不合格项目';
  const rows = Array.from({ length: n }, (_, i) => {
    const producer = i % 40;
    const fail = i % 10 === 3;
    return [
      '省级监督抽查',
      i % 2 ? '电线电缆' : '白酒',
      `${title}产品${i}`,
      '/',
      `基准测试企业${producer}有限公司`,
      uscc(900_000 + producer),
      `基准测试企业${producer}有限公司`,
      '湖北省产品质量监督检验研究院',
      `${prefix}-${String(i).padStart(4, '0')}`,
      '2026-10-10',
      fail ? '不合格' : '合格',
      fail ? '标签' : '',
    ].join(',');
  });
  return `\uFEFF${title}\n${header}\n${rows.join('\n')}\n`;
}

async function htmlPages(dir: string): Promise<number> {
  let n = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile() && e.name.endsWith('.html')) n++;
  return n;
}

async function main() {
  const cleanup: (() => Promise<unknown>)[] = [];
  let dataDir = resolve(ROOT, process.env.HUB_DATA_DIR ?? '.data-province');
  if (values.demo) {
    dataDir = await mkdtemp(join(tmpdir(), 'hub-bench-republish-'));
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
  }
  const siteDir = process.env.HUB_SITE_DIR ? resolve(ROOT, process.env.HUB_SITE_DIR) : `${dataDir}-site`;
  if (values.demo) cleanup.push(() => rm(siteDir, { recursive: true, force: true }));
  // ports: HUB_SITE_PORT / HUB_API_PORT when given (a shared machine's range), else free ones
  const sitePort = Number(process.env.HUB_SITE_PORT) || (await freePort());
  const env: NodeJS.ProcessEnv = {
    DATABASE_URL: '',
    HUB_DATA_DIR: dataDir,
    HUB_SITE_DIR: siteDir,
    HUB_API_PORT: process.env.HUB_API_PORT || String(await freePort()),
    HUB_SITE_PORT: String(sitePort),
    HUB_SAMPLE: values.demo ? 'demo' : 'none',
  };
  console.log(
    `Republish latency: ${values.demo ? 'demo sample (throwaway folder)' : dataDir}, site in ${siteDir}; batches of ${RESULTS} results`,
  );
  console.log('(the machine is shared: other work may run; read the figures as orders of magnitude)');

  const hub = spawnTsx('api/src/main.ts', [], { env });
  let output = '';
  hub.stdout!.on('data', (c) => (output += c));
  hub.stderr!.on('data', (c) => (output += c));
  cleanup.unshift(
    () =>
      new Promise((done) => {
        if (hub.exitCode !== null) return done(undefined);
        hub.once('exit', done);
        hub.kill('SIGTERM');
      }),
  );
  try {
    const started = performance.now();
    await waitFor(hub, () => output, 'The hub is running', 30 * 60_000);
    // the served build must be current before the measurement: the first build, or the background one
    await waitFor(hub, () => output, /Site built in|shows the current data|\[site\] new build/, 60 * 60_000);
    console.log(`hub up with a current site after ${((performance.now() - started) / 1000).toFixed(1)} s (not part of the measurement)`);

    const files = await mkdtemp(join(tmpdir(), 'hub-bench-files-'));
    cleanup.push(() => rm(files, { recursive: true, force: true }));
    for (let round = 1; round <= ROUNDS; round++) {
      const title = `基准测试批次${Date.now()}`;
      const file = join(files, `round-${round}.csv`);
      await writeFile(file, batchCsv(title, `BENCH${Date.now()}`, RESULTS));
      const imported = await run('api/src/cli/hub.ts', ['import', file, '--kind', 'spot-checks'], env);
      const batch = /batch (\d+)/.exec(imported.out)?.[1];
      if (imported.code !== 0 || !batch) throw new Error(`import failed:\n${imported.out}`);

      const t0 = performance.now();
      let servedAt: number | null = null;
      const publishing = run('api/src/cli/hub.ts', ['publish', batch, '--site', '--final'], env).then((r) => ({
        ...r,
        at: performance.now(),
      }));
      // the new pages are served when the batches page names the new batch
      const poll = (async () => {
        for (;;) {
          const page = await fetch(`http://127.0.0.1:${sitePort}/batches/`).then(
            (r) => r.text(),
            () => '',
          );
          if (page.includes(title)) return (servedAt = performance.now());
          await sleep(100);
        }
      })();
      const published = await publishing;
      if (published.code !== 0) throw new Error(`publish --site failed:\n${published.out}`);
      await Promise.race([poll, sleep(30_000)]);
      const current = join(siteDir, 'current');
      const info = JSON.parse(readFileSync(join(current, 'hub-build.json'), 'utf8')) as {
        seconds: number;
        generated: number;
        reused: number;
        search?: { pages: number; indexed: number; seconds: number } | null;
        renderedBy?: Record<string, number>;
      };
      const pages = await htmlPages(current);
      console.log(
        `round ${round}: publish --site → new pages served ${servedAt ? `${((servedAt - t0) / 1000).toFixed(1)} s` : 'NOT SEEN within 30 s of the command'}; ` +
          `command returned after ${((published.at - t0) / 1000).toFixed(1)} s; build ${info.seconds.toFixed(1)} s; ` +
          `files rendered ${info.generated - info.reused} of ${info.generated} generated (${info.reused} reused); ${pages} HTML pages in the site`,
      );
      if (info.search)
        console.log(
          `  search index (Pagefind): ${info.search.indexed} of ${info.search.pages} pages indexed again, the rest reused; ${info.search.seconds.toFixed(1)} s of the build`,
        );
      if (info.renderedBy)
        console.log(
          `  rendered by section: ${Object.entries(info.renderedBy)
            .sort((a, b) => b[1] - a[1])
            .map(([k, n]) => `${k || '/'} ${n}`)
            .join(', ')}`,
        );
    }
  } finally {
    for (const c of cleanup) await c().catch(() => undefined);
  }
}

await main();
