import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PgPool, type Queryable } from '@hub/db';

/**
 * "The public data changed": sent inside the transaction that changes it (a publish, a calendar
 * import, the day-boundary refresh), delivered to every API process when — and only if — that
 * transaction commits. Each process then stops answering from its caches (issue 10.2).
 *
 * The transport is PostgreSQL LISTEN/NOTIFY: every process (and the CLI) already talks to the
 * database, so no other service is needed, with Redis or without, and a rolled-back change is
 * never announced. What the processes agree on is the data generation the change committed,
 * part of every cache key (issue 14: the response cache in Redis is shared by all of them).
 */
export const HUB_CHANGED = 'hub_changed';

export interface ChangeEvent {
  /** what changed it: `publish`, `calendar`, `day` */
  reason: string;
  batchId?: number;
  day?: string;
  /** the data generation the change committed (db data_generation) */
  generation?: Generation;
}

/** The data_generation row: `epoch` names the database, `n` grows with every change. */
export interface Generation {
  epoch: string;
  n: number;
}

export interface ChangeTransport {
  /** sends inside `tx`: delivered on commit, dropped on rollback */
  send(tx: Queryable, event: ChangeEvent): Promise<void>;
  /** calls `onChange` for every event, from any process; resolves once listening */
  listen(onChange: (event: ChangeEvent) => void): Promise<{ close(): Promise<void> }>;
}

/**
 * Inside a transaction that changes what the public sees: moves the data generation on (the row
 * lock orders concurrent changes) and tells every API process on commit, with the new generation.
 */
export async function notifyChanged(tx: Queryable, event: ChangeEvent): Promise<void> {
  const [row] = await tx.query<{ epoch: string; n: string }>(
    'UPDATE data_generation SET n = n + 1, changed_at = now() WHERE id = 1 RETURNING epoch, n',
  );
  const generation = row ? { epoch: row.epoch, n: Number(row.n) } : undefined;
  await pgTransport('').send(tx, { ...event, generation });
  // the sending process applies it after its commit (afterCommit), without waiting for its listener
  pendingLocal = generation;
}
let pendingLocal: Generation | undefined;

/**
 * The key part of every cached public answer (server.ts) and list count (paging.ts): the data
 * generation as the read database shows it. Every process on one database has the same one, so
 * answers in the shared response cache are never older than their key says. Until it is known
 * (start-up, a lost connection to the database) a value of this process alone, which shares
 * nothing with the others.
 */
let generation: Generation | undefined;
let unshared = `local:${randomUUID()}`;
export const dataGeneration = (): string => (generation ? `${generation.epoch}:${generation.n}` : unshared);

/** Takes `next` unless it is older than what this process has (notifications and commits may cross). */
function apply(next: Generation): void {
  if (generation && generation.epoch === next.epoch && generation.n >= next.n) return;
  generation = next;
}
/** Forgets the generation: this process's caches are unshared and empty until it is read again. */
function forget(): void {
  generation = undefined;
  unshared = `local:${randomUUID()}`;
}
/** After a commit in this process that sent `notifyChanged`: uses the new generation at once. */
export function afterCommit(): void {
  if (pendingLocal) apply(pendingLocal);
  pendingLocal = undefined;
}

/** The generation a database shows (the primary's, or as far as a replica has replayed). */
export async function readGeneration(sql: Queryable): Promise<Generation> {
  const [row] = await sql.query<{ epoch: string; n: string }>('SELECT epoch, n FROM data_generation WHERE id = 1');
  if (!row) throw new Error('data_generation has no row: run the migrations');
  return { epoch: row.epoch, n: Number(row.n) };
}

export function pgTransport(url: string): ChangeTransport {
  return {
    async send(tx, event) {
      await tx.query('SELECT pg_notify($1, $2)', [HUB_CHANGED, JSON.stringify(event)]);
    },
    async listen(onChange) {
      let client: pg.Client | null = null;
      let closed = false;
      let retry: NodeJS.Timeout | undefined;
      const reconnectLater = () => {
        if (closed) return;
        retry = setTimeout(
          () =>
            void connect().then(
              // listening again: what changed meanwhile is read afresh
              () => onChange({ reason: 'reconnected' }),
              reconnectLater,
            ),
          1_000,
        );
      };
      const connect = async (): Promise<void> => {
        const c = new pg.Client({ connectionString: url, application_name: 'hub-live' });
        c.on('notification', (message) => {
          if (message.channel !== HUB_CHANGED) return;
          let event: ChangeEvent = { reason: 'unknown' };
          try {
            event = JSON.parse(message.payload ?? '{}') as ChangeEvent;
          } catch {
            // an event we cannot read still means "changed"
          }
          onChange(event);
        });
        c.on('error', () => {
          // the connection is gone (database restarted): what was sent meanwhile is lost, so
          // count it as a change, then listen again
          if (client !== c) return;
          client = null;
          void c.end().catch(() => undefined);
          onChange({ reason: 'reconnect' });
          reconnectLater();
        });
        await c.connect();
        await c.query(`LISTEN ${HUB_CHANGED}`);
        client = c;
      };
      await connect();
      return {
        async close() {
          closed = true;
          clearTimeout(retry);
          // a frozen or unreachable server never answers the goodbye: give it a second, then drop the socket
          const c = client as (pg.Client & { connection?: { stream?: { destroy(): void } } }) | null;
          if (!c) return;
          const ended = c.end().catch(() => undefined);
          const timer = setTimeout(() => c.connection?.stream?.destroy(), 1_000);
          await ended;
          clearTimeout(timer);
        },
      };
    },
  };
}

/**
 * Every API process: follows the data generation, so its caches (and the shared one) answer for
 * the data as it is now. Notifications come from the primary (`url`); with a replica (`readUrl`,
 * where the public reads go) a new generation is taken only once the replica shows it — the
 * replica replays the change and the generation in one transaction — so no answer computed from
 * the replica before it caught up is cached under the new key.
 */
export async function listenForChanges(url: string, readUrl?: string, transport: ChangeTransport = pgTransport(url)) {
  const reader = PgPool.connect(readUrl ?? url, 1);
  let closed = false;
  const catchUp = async (target?: Generation) => {
    const started = Date.now();
    for (;;) {
      const shown = await readGeneration(reader);
      apply(shown);
      // caught up (or overtaken, or another database): done
      if (!target || shown.epoch !== target.epoch || shown.n >= target.n || closed) return;
      // a lagging replica: until it shows the change, answers (and cache entries) keep the old key
      await new Promise((r) => setTimeout(r, Date.now() - started < REPLICA_FAST_POLL_MS ? 50 : 1_000));
    }
  };
  const follow = (event: ChangeEvent) => {
    // the connection was lost (what was sent meanwhile is lost too): unshared until listening again
    if (event.reason === 'reconnect') return forget();
    // without a replica the notification's generation is committed: take it at once
    if (event.generation && !readUrl) return apply(event.generation);
    catchUp(event.generation).catch(() => forget());
  };
  const listening = await transport.listen(follow);
  // after LISTEN, so that no change falls between the read and the first notification
  await catchUp().catch(() => forget());
  return {
    async close() {
      closed = true;
      await listening.close();
      await reader.close();
    },
  };
}

/** A replica is asked every 50 ms for this long after a change, then every second until it shows it. */
const REPLICA_FAST_POLL_MS = 10_000;
