import { randomUUID } from 'node:crypto';
import pg from 'pg';

/**
 * Requests from a command to the running hub over the database every process already reaches
 * (LISTEN/NOTIFY): the command sends {id, …} on a channel; the hub replies on `<channel>_reply`
 * first {id, state: accepted}, then {id, state: done | failed, …} when the work is over. No hub
 * listening: no reply, and the command does the work itself (or says so).
 *
 * Channels: `hub_site` (rebuild the site: `pnpm hub publish --site`, `pnpm hub site`, the
 * publishBatch mutation), `hub_clock` (move a test hub's manual clock: `pnpm hub clock set`).
 */
export interface Reply {
  id: string;
  state: 'accepted' | 'done' | 'failed';
  error?: string;
  [detail: string]: unknown;
}

export const SITE_CHANNEL = 'hub_site';
export const CLOCK_CHANNEL = 'hub_clock';
const replyChannel = (channel: string) => `${channel}_reply`;

/**
 * Sends a request; resolves with the hub's final reply, with the acceptance when `waitMs` is 0,
 * or null when no running hub accepted it within `ackMs`.
 */
export async function ask(
  url: string,
  channel: string,
  payload: Record<string, unknown> = {},
  options: { ackMs?: number; waitMs?: number } = {},
): Promise<Reply | null> {
  const client = new pg.Client({ connectionString: url, application_name: `${channel}-request` });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query(`LISTEN ${replyChannel(channel)}`);
    const replies: Reply[] = [];
    let wake = () => {};
    client.on('notification', (m) => {
      if (m.channel !== replyChannel(channel) || !m.payload) return;
      try {
        replies.push(JSON.parse(m.payload) as Reply);
      } catch {
        return;
      }
      wake();
    });
    const id = randomUUID();
    const next = async (ms: number): Promise<Reply | null> => {
      const deadline = Date.now() + ms;
      for (;;) {
        const i = replies.findIndex((r) => r.id === id);
        if (i >= 0) return replies.splice(i, 1)[0];
        const left = deadline - Date.now();
        if (left <= 0) return null;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    };
    await client.query('SELECT pg_notify($1, $2)', [channel, JSON.stringify({ ...payload, id })]);
    const ack = await next(options.ackMs ?? 3_000);
    if (ack?.state !== 'accepted' || options.waitMs === 0) return ack;
    return (
      (await next(options.waitMs ?? 60 * 60_000)) ?? { id, state: 'failed', error: 'the hub did not report the end of the work in time' }
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The running hub: calls `onRequest` for each request on `channel`, with a function to reply. */
export async function serveRequests(
  url: string,
  channel: string,
  onRequest: (payload: Record<string, unknown>, reply: (r: Omit<Reply, 'id'>) => Promise<void>) => void,
): Promise<{ close(): Promise<void> }> {
  const client = new pg.Client({ connectionString: url, application_name: `${channel}-hub` });
  let closed = false;
  client.on('error', () => undefined);
  await client.connect();
  await client.query(`LISTEN ${channel}`);
  client.on('notification', (m) => {
    if (m.channel !== channel) return;
    let payload: Record<string, unknown>;
    try {
      payload = JSON.parse(m.payload ?? '{}') as Record<string, unknown>;
    } catch {
      return;
    }
    const id = String(payload.id ?? '');
    onRequest(payload, async (r) => {
      if (closed) return;
      await client.query('SELECT pg_notify($1, $2)', [replyChannel(channel), JSON.stringify({ ...r, id })]).catch(() => undefined);
    });
  });
  return {
    async close() {
      closed = true;
      await client.end().catch(() => undefined);
    },
  };
}
