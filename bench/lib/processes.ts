/**
 * Measuring child processes: wall time and peak memory. `timed` runs a command under GNU time
 * (`/usr/bin/time -v`: the kernel's maximum resident set size of the largest process of the
 * tree); `TreeSampler` sums the RSS of a whole process tree (a build and the indexer it starts)
 * from /proc every 100 ms.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './hub.ts';

const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');

export interface Timed {
  seconds: number;
  /** peak RSS of the largest process, MiB (GNU time), or of the whole tree when time is missing */
  peakMiB: number;
  output: string;
}

/** Runs `pnpm hub …` as the user would (tsx, the project's tsconfig), timed, with its peak RSS. */
export function timedHub(args: string[], env: NodeJS.ProcessEnv): Promise<Timed> {
  return timed(process.execPath, [TSX, '--tsconfig', join(ROOT, 'tsconfig.json'), join(ROOT, 'api/src/cli/hub.ts'), ...args], env);
}

export async function timed(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Timed> {
  const gnuTime = existsSync('/usr/bin/time');
  const started = performance.now();
  const child = gnuTime
    ? spawn('/usr/bin/time', ['-v', command, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const sampler = gnuTime ? undefined : new TreeSampler(child.pid!);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  const seconds = (performance.now() - started) / 1000;
  sampler?.stop();
  if (code !== 0)
    throw new Error(`${[command, ...args].join(' ')} failed (exit ${code}):\n${(stdout + stderr).split('\n').slice(-30).join('\n')}`);
  const kb = gnuTime ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? NaN) : sampler!.peakKb;
  return { seconds, peakMiB: kb / 1024, output: stdout + stderr.replace(/\tCommand being timed[\s\S]*$/, '') };
}

/** Peak of the summed RSS of every process below `root` (and root), sampled every 100 ms. */
export class TreeSampler {
  peakKb = 0;
  readonly byName = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;

  /** `exclude`: processes of these names and all below them are not counted (an embedded PostgreSQL) */
  constructor(
    private readonly root: number,
    private readonly includeRoot = true,
    private readonly exclude: string[] = [],
  ) {
    this.timer = setInterval(() => this.sample(), 100);
  }

  private sample(): void {
    const parent = new Map<number, number>();
    const name = new Map<number, string>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const close = stat.lastIndexOf(')');
        parent.set(Number(entry), Number(stat.slice(close + 2).split(' ')[1]));
        name.set(Number(entry), stat.slice(stat.indexOf('(') + 1, close));
      } catch {
        // the process ended meanwhile
      }
    }
    const inTree = (pid: number): boolean => {
      if (pid === this.root) return this.includeRoot;
      if (this.exclude.includes(name.get(pid)!)) return false;
      for (let p = parent.get(pid); p; p = parent.get(p)) {
        if (p === this.root) return true;
        if (this.exclude.includes(name.get(p)!)) return false;
      }
      return false;
    };
    let total = 0;
    for (const pid of parent.keys()) {
      if (!inTree(pid)) continue;
      try {
        const kb = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
        total += kb;
        const n = name.get(pid)!;
        this.byName.set(n, Math.max(this.byName.get(n) ?? 0, kb));
      } catch {
        // ended
      }
    }
    this.peakKb = Math.max(this.peakKb, total);
  }

  stop(): void {
    this.sample();
    clearInterval(this.timer);
  }
}
