/**
 * The one way the hub's code runs SQL: the {@link Queryable} interface, with two implementations
 * over node-postgres —
 *
 * - {@link PgPool}, a pool: the API's read path (plain SQL projections, not hydrated entities;
 *   the hot path). DATE columns come back as 'YYYY-MM-DD' strings and int8/numeric as numbers.
 * - {@link PgConnection}, one connection: import, publish, case state, the CLI. It keeps pg's
 *   default type parsers, which that code is written against (it casts dates to text itself).
 *
 * `$n` parameters; arrays bind natively. MikroORM stays for migrations and the schema diff only.
 */
import { once } from 'node:events';
import pg from 'pg';

export interface Queryable {
  /** the rows a statement returns */
  query<T = Record<string, any>>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** runs a statement, returns its row count */
  execute(text: string, params?: readonly unknown[]): Promise<number>;
  /** `COPY table (…) FROM STDIN` fed from `lines` (COPY text format, see {@link copyLine}); resolves with the rows copied */
  copyFrom(statement: string, lines: Iterable<string> | AsyncIterable<string>): Promise<number>;
  /** BEGIN … COMMIT on one connection, which `work` gets; ROLLBACK when it throws */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** statements sent so far, for tests that count them per request (the N+1 guard) */
  readonly statements: number;
}

/** What the import, publish and case-state entry points accept: a Queryable, or a connected pg client or pool (wrapped). */
export type Database = Queryable | pg.ClientBase | pg.Pool;

/** Shared by a pool and the connections taken from it, so a test counts all of them. */
interface StatementCounter {
  statements: number;
}

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;
/** The read path's parsers. DATE columns stay 'YYYY-MM-DD' strings: calendar dates in China, never JS Dates. */
const READ_TYPES = {
  getTypeParser(oid: number, format?: any): any {
    if (oid === DATE_OID) return (v: string) => v;
    // counts come back as bigint: they fit in a JS number here
    if (oid === INT8_OID) return (v: string) => Number(v);
    if (oid === NUMERIC_OID) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  },
};

export class PgPool implements Queryable {
  private readonly counter: StatementCounter = { statements: 0 };

  constructor(readonly pool: pg.Pool) {}

  static connect(url: string, max = 10): PgPool {
    const pool = new pg.Pool({ connectionString: url, max });
    // an idle connection closed by the server (a restart, shutdown) is replaced on next use,
    // not a reason to crash the process
    pool.on('error', (error) => console.error(`[api] database connection lost: ${error.message}`));
    return new PgPool(pool);
  }

  get statements(): number {
    return this.counter.statements;
  }

  async query<T = Record<string, any>>(text: string, params: readonly unknown[] = []): Promise<T[]> {
    this.counter.statements++;
    const result = await this.pool.query({ text, values: params as unknown[], types: READ_TYPES });
    return result.rows as T[];
  }

  async execute(text: string, params: readonly unknown[] = []): Promise<number> {
    this.counter.statements++;
    const result = await this.pool.query({ text, values: params as unknown[], types: READ_TYPES });
    return result.rowCount ?? 0;
  }

  /** Runs `work` on a connection of its own, given back afterwards (not reused when it broke). */
  async connection<T>(work: (connection: PgConnection) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      return await work(new PgConnection(client, this.counter));
    } catch (error) {
      // a connection left inside a failed COPY or transaction is not given back for reuse
      broken = error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      client.release(broken);
    }
  }

  copyFrom(statement: string, lines: Iterable<string> | AsyncIterable<string>): Promise<number> {
    return this.connection((c) => c.copyFrom(statement, lines));
  }

  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.connection((c) => c.transaction(work));
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/** HUB_IMPORT_TRACE=1: every statement of a connection, with its time, on stderr. */
const TRACE = !!process.env.HUB_IMPORT_TRACE;

function trace(started: bigint, what: string): void {
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  process.stderr.write(`[sql ${ms.toFixed(0).padStart(6)} ms @${(performance.now() / 1000).toFixed(1)}s] ${what}\n`);
}

export class PgConnection implements Queryable {
  private depth = 0;

  constructor(
    readonly client: pg.ClientBase,
    private readonly counter: StatementCounter = { statements: 0 },
    private readonly owned = false,
  ) {}

  /** A connection of its own to `url`; {@link close} ends it. */
  static async open(url: string): Promise<PgConnection> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return new PgConnection(client, undefined, true);
  }

  /** Runs `work` with a connection of its own to `url`, closed afterwards. */
  static async using<T>(url: string, work: (connection: PgConnection) => Promise<T>): Promise<T> {
    const connection = await PgConnection.open(url);
    try {
      return await work(connection);
    } finally {
      await connection.close();
    }
  }

  get statements(): number {
    return this.counter.statements;
  }

  private async run(text: string, params: readonly unknown[] | undefined) {
    this.counter.statements++;
    if (!TRACE) return this.client.query(text, params as unknown[] | undefined);
    const started = process.hrtime.bigint();
    const result = await this.client.query(text, params as unknown[] | undefined);
    trace(started, text.replace(/\s+/g, ' ').slice(0, 140));
    return result;
  }

  async query<T = Record<string, any>>(text: string, params?: readonly unknown[]): Promise<T[]> {
    return (await this.run(text, params)).rows as T[];
  }

  async execute(text: string, params?: readonly unknown[]): Promise<number> {
    return (await this.run(text, params)).rowCount ?? 0;
  }

  async copyFrom(statement: string, lines: Iterable<string> | AsyncIterable<string>): Promise<number> {
    this.counter.statements++;
    if (!TRACE) return copyFrom(this.client, statement, lines);
    const started = process.hrtime.bigint();
    const rows = await copyFrom(this.client, statement, lines);
    trace(started, `${statement.slice(0, 60)} (${rows} rows)`);
    return rows;
  }

  /** A transaction; inside one already, a savepoint (so an inner failure undoes only its own work). */
  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const savepoint = this.depth > 0 ? `hub_savepoint_${this.depth}` : undefined;
    await this.execute(savepoint ? `SAVEPOINT ${savepoint}` : 'BEGIN');
    this.depth++;
    try {
      const result = await work(this);
      await this.execute(savepoint ? `RELEASE SAVEPOINT ${savepoint}` : 'COMMIT');
      return result;
    } catch (error) {
      await this.execute(savepoint ? `ROLLBACK TO SAVEPOINT ${savepoint}` : 'ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      this.depth--;
    }
  }

  async close(): Promise<void> {
    if (this.owned) await (this.client as pg.Client).end();
  }
}

function isQueryable(db: Database): db is Queryable {
  return typeof (db as Queryable).execute === 'function' && typeof (db as Queryable).transaction === 'function';
}

function isPool(db: pg.ClientBase | pg.Pool): db is pg.Pool {
  // a pg Pool counts its clients; a Client owns one protocol connection
  return 'totalCount' in db;
}

/** `db` as a Queryable: a pg pool or client is wrapped (not closed by the wrapper). */
export function queryable(db: Database): Queryable {
  if (isQueryable(db)) return db;
  return isPool(db) ? new PgPool(db) : new PgConnection(db);
}

/** Runs `work` on one connection: taken from a pool (and given back), or the connection `db` already is. */
export function withConnection<T>(db: Database, work: (connection: Queryable) => Promise<T>): Promise<T> {
  const q = queryable(db);
  return q instanceof PgPool ? q.connection(work) : work(q);
}

/**
 * BEGIN … COMMIT on `connection`, for work that already holds it (`withConnection`): `work` keeps
 * using the connection it has. A pool has no single connection to hold the transaction.
 */
export function transaction<T>(connection: Queryable, work: () => Promise<T>): Promise<T> {
  if (connection instanceof PgPool) throw new Error('transaction() needs one connection: take one with withConnection(pool, …) first.');
  return connection.transaction(work);
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
  return /[\\\t\n\r]/.test(text) ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : text;
}

interface ProtocolConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
  stream: NodeJS.WritableStream & { writableNeedDrain?: boolean };
}

const CHUNK_BYTES = 64 * 1024;

/**
 * `COPY … FROM STDIN` on a pg client; resolves with the number of rows copied. `pg` runs COPY
 * without pg-copy-streams through its documented "submittable" interface (an object with
 * `submit(connection)`, as pg-cursor uses): the rows go out as CopyData messages, waiting for the
 * socket to drain.
 */
export function copyFrom(client: pg.ClientBase, statement: string, lines: Iterable<string> | AsyncIterable<string>): Promise<number> {
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
    (client as unknown as { query(submittable: object): unknown }).query(submittable);
  });
}
