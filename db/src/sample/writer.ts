import type pg from 'pg';
import type { Column } from '../columns.ts';

/** How a value is written in COPY's text format (booleans as t/f, the rest as text). */
export type ColumnType = 'int' | 'text' | 'date' | 'bool' | 'timestamptz' | 'jsonb';

/** The COPY encoding of a column, from its type in the schema (db/src/columns.ts). */
export function copyType(schemaType: string): ColumnType {
  if (schemaType === 'boolean') return 'bool';
  if (schemaType === 'int' || schemaType === 'integer' || schemaType === 'bigint' || schemaType === 'smallint') return 'int';
  if (schemaType === 'date' || schemaType === 'timestamptz' || schemaType === 'jsonb') return schemaType;
  return 'text';
}

/**
 * Bulk writes: rows are encoded as they are pushed (COPY text format) and sent in chunks of a few
 * thousand with one `COPY table (…) FROM STDIN` each — the fastest way into PostgreSQL, through
 * node-postgres' own `Submittable` query interface (as pg-copy-streams does), no extra dependency.
 * Statements are pipelined on the one connection (the next chunk is generated while PostgreSQL
 * writes the previous one); they run in the order they are issued, so a table whose rows refer to
 * another flushes that one first (`dependsOn`).
 */
export class TableWriter {
  private readonly types: ColumnType[];
  private readonly statement: string;
  private lines: string[] = [];
  /** rows written (issued) so far */
  written = 0;

  constructor(
    private readonly pipeline: Pipeline,
    readonly table: string,
    columns: readonly Column[],
    private readonly dependsOn: readonly TableWriter[] = [],
    private readonly chunkSize = 5_000,
  ) {
    this.types = columns.map((column) => copyType(column.type));
    this.statement = `COPY "${table}" (${columns.map((column) => `"${column.name}"`).join(', ')}) FROM STDIN`;
  }

  /** Adds one row; the values follow the column order given to the constructor. */
  push(...values: unknown[]): void {
    if (values.length !== this.types.length) {
      throw new Error(`${this.table}: ${values.length} values for ${this.types.length} columns`);
    }
    let line = '';
    for (let i = 0; i < values.length; i++) {
      if (i) line += '\t';
      line += copyValue(values[i], this.types[i]);
    }
    this.lines.push(line);
    if (this.lines.length >= this.chunkSize) this.flush();
  }

  /** Issues the buffered rows (after the tables they refer to). */
  flush(): void {
    for (const dependency of this.dependsOn) dependency.flush();
    if (this.lines.length === 0) return;
    this.written += this.lines.length;
    const data = this.lines.join('\n') + '\n';
    this.lines = [];
    this.pipeline.copy(this.statement, data);
  }
}

/** One value in COPY text format: `\N` for NULL; backslash, tab, newline and carriage return escaped. */
export function copyValue(value: unknown, type: ColumnType): string {
  if (value === null || value === undefined) return '\\N';
  if (type === 'bool') return value ? 't' : 'f';
  const text = String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]) : text;
}
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * `COPY … FROM STDIN` as a node-postgres Submittable: the client hands it the connection, it
 * sends the statement, and on PostgreSQL's CopyInResponse the data and CopyDone. The client
 * dispatches every backend message of the query to it.
 */
class CopyIn implements pg.Submittable {
  private finished = false;

  constructor(
    private readonly text: string,
    private readonly data: string,
    private readonly done: (error: Error | undefined) => void,
  ) {}

  submit(connection: pg.Connection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: CopyConnection): void {
    connection.sendCopyFromChunk(Buffer.from(this.data, 'utf8'));
    connection.endCopyFrom();
  }

  // on an error the client forgets the query at once: ReadyForQuery never reaches it
  handleError(error: Error): void {
    this.finish(error);
  }

  handleReadyForQuery(): void {
    this.finish(undefined);
  }

  private finish(error: Error | undefined): void {
    if (this.finished) return;
    this.finished = true;
    this.done(error);
  }

  // the other messages a query may receive: none carries anything for COPY FROM
  handleCommandComplete(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

interface CopyConnection {
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

type Statement = { text: string; values: unknown[]; copy?: undefined } | { text: string; copy: string };

/**
 * Statements run one after another on one connection, queued here rather than in the driver:
 * while PostgreSQL runs one chunk the generator builds the next (the two cores work at once).
 * The queue is bounded by `throttle()`, so memory stays bounded. The first failure is re-thrown
 * by the next `issue()`, `throttle()` or `drain()`; nothing after it is sent.
 */
export class Pipeline {
  private readonly queue: Statement[] = [];
  private running: Promise<void> | undefined;
  private failure: unknown;

  constructor(
    private readonly client: pg.Client,
    private readonly maxQueued = 2,
  ) {}

  issue(text: string, values: unknown[] = []): void {
    this.rethrow();
    this.queue.push({ text, values });
    this.pump();
  }

  /** COPY `data` (text format, one line per row) with the statement `text`. */
  copy(text: string, data: string): void {
    this.rethrow();
    this.queue.push({ text, copy: data });
    this.pump();
  }

  /** Waits while more than a few statements are queued (call between generation steps). */
  async throttle(): Promise<void> {
    while (this.queue.length > this.maxQueued && this.running) await this.running;
    this.rethrow();
  }

  /** Waits for every issued statement. */
  async drain(): Promise<void> {
    while (this.running) await this.running;
    this.rethrow();
  }

  /** Drops what is queued and waits for the statement in flight, without throwing (before a rollback). */
  async settle(): Promise<void> {
    this.queue.length = 0;
    while (this.running) await this.running;
  }

  private pump(): void {
    if (this.running || this.failure !== undefined) return;
    const next = this.queue.shift();
    if (!next) return;
    const run =
      next.copy === undefined
        ? this.client.query(next.text, next.values).then(() => undefined)
        : new Promise<void>((resolve, reject) => {
            this.client.query(new CopyIn(next.text, next.copy, (error) => (error ? reject(error) : resolve())));
          });
    this.running = run.then(
      () => {
        this.running = undefined;
        this.pump();
      },
      (error: unknown) => {
        this.failure = error;
        this.queue.length = 0;
        this.running = undefined;
      },
    );
  }

  private rethrow(): void {
    if (this.failure !== undefined) throw this.failure;
  }
}
