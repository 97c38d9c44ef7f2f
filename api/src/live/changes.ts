import pg from 'pg';
import type { Queryable } from '@hub/db';

/**
 * "The public data changed": sent inside the transaction that changes it (a publish, a calendar
 * import, the day-boundary refresh), delivered to every API process when — and only if — that
 * transaction commits. Each process then stops answering from its caches (issue 10.2).
 *
 * The transport is PostgreSQL LISTEN/NOTIFY: every process already talks to the database, so no
 * other service is needed. It sits behind `ChangeTransport` so a shared-cache transport (Redis
 * pub/sub, the scale-out issue) can replace it without touching the callers.
 */
export const HUB_CHANGED = 'hub_changed';

export interface ChangeEvent {
  /** what changed it: `publish`, `calendar`, `day` */
  reason: string;
  batchId?: number;
  day?: string;
}

export interface ChangeTransport {
  /** sends inside `tx`: delivered on commit, dropped on rollback */
  send(tx: Queryable, event: ChangeEvent): Promise<void>;
  /** calls `onChange` for every event, from any process; resolves once listening */
  listen(onChange: (event: ChangeEvent) => void): Promise<{ close(): Promise<void> }>;
}

/** Inside a transaction that changes what the public sees: tells every API process on commit. */
export async function notifyChanged(tx: Queryable, event: ChangeEvent): Promise<void> {
  await pgTransport('').send(tx, event);
  // the sending process too: its own listener hears it as well, this only saves the round trip
  pendingLocal = true;
}
let pendingLocal = false;

let generation = 0;
/** Bumped on every change event: part of every cache key of public answers (server.ts, paging.ts). */
export const dataGeneration = () => generation;
/** Forgets every cached public answer of this process. */
export function markChanged(): void {
  generation++;
  pendingLocal = false;
}
/** After a commit in this process that sent `notifyChanged`: drops the caches at once. */
export function afterCommit(): void {
  if (pendingLocal) markChanged();
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
        retry = setTimeout(() => void connect().catch(reconnectLater), 1_000);
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

/** Every API process: clears its caches whenever any process changed the public data. */
export function listenForChanges(url: string, transport: ChangeTransport = pgTransport(url)) {
  return transport.listen(() => markChanged());
}
