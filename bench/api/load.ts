/**
 * The load generator of `pnpm bench:api`, in its own process so that its CPU is not the
 * servers'. It drives autocannon (HdrHistogram latencies, keep-alive connections, one request in
 * flight per connection) and walks each pool of distinct request bodies in order, one position
 * per server: no server is sent the same body twice unless the pool runs out (reported).
 *
 * Messages (IPC): { type: 'pool', name, file } loads a JSON array of bodies;
 * { type: 'run', pool, side, url, connections, seconds } answers with a RunResult.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface RunResult {
  /** answered with 2xx per second of the run */
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** bodies sent from the pool in this run, and whether the pool wrapped around */
  sent: number;
  wrapped: boolean;
}

const pools = new Map<string, string[]>();
const positions = new Map<string, number>();

process.on('message', async (message: any) => {
  if (message.type === 'pool') {
    pools.set(message.name, JSON.parse(readFileSync(message.file, 'utf8')));
    process.send!({ type: 'ok' });
  } else if (message.type === 'run') {
    const bodies = pools.get(message.pool)!;
    const key = `${message.pool}|${message.side}`;
    const start = positions.get(key) ?? 0;
    let i = start;
    const result = await autocannon({
      url: message.url,
      connections: message.connections,
      duration: message.seconds,
      // slow questions at c=50 queue for seconds; a timeout would only hide them
      timeout: 120,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          setupRequest: (request: any) => ({ ...request, body: bodies[i++ % bodies.length] }),
        },
      ],
    });
    positions.set(key, i);
    const reply: RunResult = {
      rps: result['2xx'] / (result.duration || message.seconds),
      p50: result.latency.p50,
      p99: result.latency.p99,
      ok: result['2xx'],
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      sent: i - start,
      wrapped: i > bodies.length,
    };
    process.send!({ type: 'result', result: reply });
  } else if (message.type === 'exit') {
    process.exit(0);
  }
});
process.send!({ type: 'ready' });
