/**
 * The import runs on one plain `pg` connection of its own: its own transaction, set-based
 * statements and `COPY … FROM STDIN`. `pg` can run COPY without pg-copy-streams through its
 * documented "submittable" interface (an object with `submit(connection)`, as pg-cursor uses):
 * {@link copyFrom} streams the rows as CopyData messages, waiting for the socket to drain.
 *
 * A caller passes a MikroORM EntityManager (a connection is taken from its pool), a pg Pool,
 * or a connected pg Client.
 */
import { once } from 'node:events';

/** The part of a pg Client the import uses. */
export interface PgClientLike {
  query(text: string, values?: unknown[]): Promise<{ rows: any[]; rowCount: number | null }>;
  query(submittable: object): unknown;
}

/** The part of a pg Pool the import uses. */
export interface PgPoolLike {
  connect(): Promise<PgClientLike & { release(error?: Error | boolean): void }>;
}

/** The part of a MikroORM (PostgreSQL) EntityManager the import uses. */
export interface EntityManagerLike {
  getConnection(): { getNativeClient(): Promise<unknown> };
  isInTransaction(): boolean;
}

export type Database = EntityManagerLike | PgPoolLike | PgClientLike;

export interface Sql {
  readonly client: PgClientLike;
  query<T = Record<string, any>>(text: string, values?: unknown[]): Promise<T[]>;
  /** runs a statement, returns its row count */
  execute(text: string, values?: unknown[]): Promise<number>;
  /** `COPY table (…) FROM STDIN` fed from `lines` (COPY text format, see {@link copyLine}) */
  copyFrom(statement: string, lines: Iterable<string> | AsyncIterable<string>): Promise<number>;
}

function isEntityManager(db: Database): db is EntityManagerLike {
  return typeof (db as EntityManagerLike).getConnection === 'function';
}

function isClient(db: Database): db is PgClientLike {
  // a pg Client owns its protocol connection; a Pool does not
  return typeof (db as { connection?: unknown }).connection === 'object' && !('totalCount' in db);
}

/** Runs `work` on a connection of its own (from the pool), or on the given client. */
export async function withSql<T>(db: Database, work: (sql: Sql) => Promise<T>): Promise<T> {
  if (isEntityManager(db)) {
    if (db.isInTransaction()) {
      throw new Error('The import runs its own transaction: call it with an EntityManager that is not inside a transaction.');
    }
    const pool = (await db.getConnection().getNativeClient()) as PgPoolLike;
    return withPool(pool, work);
  }
  if (isClient(db)) return work(sqlOf(db));
  return withPool(db as PgPoolLike, work);
}

async function withPool<T>(pool: PgPoolLike, work: (sql: Sql) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    return await work(sqlOf(client));
  } catch (error) {
    // a connection left inside a failed COPY or transaction is not given back for reuse
    broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.release(broken);
  }
}

const TRACE = !!process.env.HUB_IMPORT_TRACE;

async function run(client: PgClientLike, text: string, values?: unknown[]) {
  if (!TRACE) return client.query(text, values);
  const start = process.hrtime.bigint();
  const result = await client.query(text, values);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stderr.write(`[sql ${ms.toFixed(0).padStart(6)} ms @${(performance.now() / 1000).toFixed(1)}s] ${text.replace(/\s+/g, ' ').slice(0, 140)}\n`);
  return result;
}

export function sqlOf(client: PgClientLike): Sql {
  return {
    client,
    async query<T>(text: string, values?: unknown[]) {
      return (await run(client, text, values)).rows as T[];
    },
    async execute(text, values) {
      return (await run(client, text, values)).rowCount ?? 0;
    },
    async copyFrom(statement, lines) {
      if (!TRACE) return copyFrom(client, statement, lines);
      const start = process.hrtime.bigint();
      const rows = await copyFrom(client, statement, lines);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      process.stderr.write(`[sql ${ms.toFixed(0).padStart(6)} ms @${(performance.now() / 1000).toFixed(1)}s] ${statement.slice(0, 60)} (${rows} rows)\n`);
      return rows;
    },
  };
}

/** BEGIN … COMMIT, or ROLLBACK when `work` throws. */
export async function transaction<T>(sql: Sql, work: () => Promise<T>): Promise<T> {
  await sql.execute('BEGIN');
  try {
    const result = await work();
    await sql.execute('COMMIT');
    return result;
  } catch (error) {
    await sql.execute('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** One COPY text-format line from column values (null → \N). */
export function copyLine(values: ReadonlyArray<string | number | boolean | null | undefined>): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i) line += '\t';
    const v = values[i];
    line += v === null || v === undefined ? '\\N' : copyEscape(String(v));
  }
  return line + '\n';
}

function copyEscape(text: string): string {
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : text;
}

interface ProtocolConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
  stream: NodeJS.WritableStream & { writableNeedDrain?: boolean };
}

const CHUNK_BYTES = 64 * 1024;

/** `COPY … FROM STDIN` through pg's submittable interface; resolves with the number of rows copied. */
export function copyFrom(client: PgClientLike, statement: string, lines: Iterable<string> | AsyncIterable<string>): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let failed: Error | undefined;
    let rowCount = 0;
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      if (error) reject(error);
      else resolve(rowCount);
    };
    const pump = async (connection: ProtocolConnection) => {
      try {
        let buffer = '';
        for await (const line of lines as AsyncIterable<string>) {
          if (failed) return;
          buffer += line;
          if (buffer.length >= CHUNK_BYTES) {
            connection.sendCopyFromChunk(Buffer.from(buffer, 'utf8'));
            buffer = '';
            if (connection.stream.writableNeedDrain) await once(connection.stream as any, 'drain');
          }
        }
        if (failed) return;
        if (buffer) connection.sendCopyFromChunk(Buffer.from(buffer, 'utf8'));
        connection.endCopyFrom();
      } catch (error) {
        failed = error instanceof Error ? error : new Error(String(error));
        // the server answers CopyFail with an error, which settles the promise below
        connection.sendCopyFail(failed.message.slice(0, 200));
      }
    };
    const submittable = {
      text: statement,
      submit(connection: ProtocolConnection) {
        connection.query(statement);
      },
      handleCopyInResponse(connection: ProtocolConnection) {
        void pump(connection);
      },
      handleCommandComplete(message: { text?: string }) {
        const m = /COPY (\d+)/.exec(message.text ?? '');
        if (m) rowCount = Number(m[1]);
      },
      handleError(error: Error) {
        // a failure of our own source wins over the server's "COPY from stdin failed"
        failed ??= error;
        settle(failed);
      },
      handleReadyForQuery() {
        settle(failed);
      },
      handleRowDescription() {},
      handleDataRow() {},
      handleEmptyQuery() {},
      handlePortalSuspended() {},
      handleCopyData() {},
    };
    client.query(submittable);
  });
}
