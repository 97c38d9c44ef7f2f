/**
 * The server's structured log: one JSON object per line on stdout (pino), for a log shipper to
 * collect. Each HTTP request runs inside a request scope (AsyncLocalStorage) carrying its request
 * id, so any line written while answering it — the access line, a masked internal error with its
 * stack — names the request, and the id the client sees in `x-request-id` finds them.
 *
 * The CLI (`pnpm hub …`) and `pnpm start`'s banner keep their human output (console.log): this
 * logger is for what a running server reports.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import pino, { type Logger } from 'pino';

/** The levels HUB_LOG_LEVEL accepts (config.ts validates it). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

function defaultLevel(): LogLevel {
  const raw = process.env.HUB_LOG_LEVEL?.trim() as LogLevel | undefined;
  if (raw && LOG_LEVELS.includes(raw)) return raw;
  // test runs keep their output for the test reporter; a test that reads logs makes its own logger
  return process.env.VITEST ? 'silent' : 'info';
}

/** A JSON logger; `destination` for tests that read what was written. */
export function createLogger(options: { level?: LogLevel; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? defaultLevel(),
      base: { service: 'hub-api', pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      // a token must never reach a log, whatever a caller passes
      redact: ['req.headers.authorization', 'headers.authorization', 'authorization'],
    },
    options.destination ?? STDOUT,
  );
}

/**
 * Standard output, written in blocks of up to 4 KB and at least every second, not one system
 * call per line: at thousands of requests a second the access log's own writes were a tenth of the
 * process's time. pino flushes what is left when the process exits.
 */
const STDOUT = pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 1000 });

/** The process's logger. Replaced only by tests ({@link setLogger}). */
export let logger: Logger = createLogger();

export function setLogger(next: Logger): void {
  logger = next;
}

interface RequestScope {
  requestId: string;
  log: Logger;
}

const scope = new AsyncLocalStorage<RequestScope>();

/**
 * An incoming id is kept when it looks like one (a load balancer's or a client's: letters,
 * digits and `._:-`, at most 128 characters) — anything else could forge or break log lines.
 */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdOf(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value && ACCEPTABLE_ID.test(value) ? value : randomUUID();
}

/** Runs `work` in a request scope: {@link currentRequestId} and {@link requestLog} answer for it. */
export function inRequestScope<T>(requestId: string, work: () => T): T {
  return scope.run({ requestId, log: logger.child({ requestId }) }, work);
}

/** The id of the request being answered, if any. */
export function currentRequestId(): string | undefined {
  return scope.getStore()?.requestId;
}

/** The logger for the current request (its lines carry `requestId`), or the process's logger. */
export function requestLog(): Logger {
  return scope.getStore()?.log ?? logger;
}
