import type pg from 'pg';

/** A column of a table the generator writes, with the PostgreSQL array type unnest() reads it as. */
export type ColumnType = 'int' | 'text' | 'date' | 'bool' | 'timestamptz';

/**
 * Set-based writes: rows are buffered column by column and inserted in chunks with one
 * `INSERT … SELECT * FROM unnest($1::int[], $2::text[], …)` per chunk — one statement and one
 * round trip per few thousand rows, no extra dependency. Statements are pipelined on the one
 * connection (the next chunk is generated while PostgreSQL writes the previous one); the order in
 * which they are issued is the order in which PostgreSQL runs them, so a table whose rows refer to
 * another flushes that one first (`dependsOn`).
 */
export class TableWriter {
  private readonly columns: string[];
  private readonly types: ColumnType[];
  private buffers: unknown[][];
  private length = 0;
  private readonly statement: string;
  /** rows written (issued) so far */
  written = 0;

  constructor(
    private readonly pipeline: Pipeline,
    readonly table: string,
    columns: readonly (readonly [name: string, type: ColumnType])[],
    private readonly dependsOn: readonly TableWriter[] = [],
    private readonly chunkSize = 5_000,
  ) {
    this.columns = columns.map(([name]) => name);
    this.types = columns.map(([, type]) => type);
    this.buffers = this.columns.map(() => []);
    const params = this.types.map((type, i) => `$${i + 1}::${type}[]`).join(', ');
    this.statement = `INSERT INTO "${table}" (${this.columns.map((c) => `"${c}"`).join(', ')}) SELECT * FROM unnest(${params})`;
  }

  /** Adds one row; the values follow the column order given to the constructor. */
  push(...values: unknown[]): void {
    if (values.length !== this.buffers.length) {
      throw new Error(`${this.table}: ${values.length} values for ${this.buffers.length} columns`);
    }
    for (let i = 0; i < values.length; i++) this.buffers[i].push(values[i]);
    this.length++;
    if (this.length >= this.chunkSize) this.flush();
  }

  /** Issues the buffered rows (after the tables they refer to). */
  flush(): void {
    for (const dependency of this.dependsOn) dependency.flush();
    if (this.length === 0) return;
    const values = this.buffers;
    this.buffers = this.columns.map(() => []);
    this.written += this.length;
    this.length = 0;
    this.pipeline.issue(this.statement, values);
  }
}

/**
 * Statements issued on one connection without waiting for each one, with a bound on how many
 * may be in flight (memory stays bounded). The first failure is re-thrown by `drain()` or by the
 * next `issue()` that has to wait.
 */
export class Pipeline {
  private inFlight: Promise<unknown>[] = [];
  private failure: unknown;

  constructor(
    private readonly client: pg.Client,
    private readonly maxInFlight = 3,
  ) {}

  issue(text: string, values: unknown[] = []): void {
    this.rethrow();
    const pending = this.client.query(text, values);
    // keep the first error for drain(); later statements fail only because the transaction aborted
    pending.catch((error: unknown) => {
      this.failure ??= error;
    });
    this.inFlight.push(pending);
  }

  /** Waits while too many statements are in flight (call between generation steps). */
  async throttle(): Promise<void> {
    while (this.inFlight.length > this.maxInFlight) {
      await this.inFlight.shift()!.catch(() => undefined);
      this.rethrow();
    }
  }

  /** Waits for every issued statement. */
  async drain(): Promise<void> {
    while (this.inFlight.length) await this.inFlight.shift()!.catch(() => undefined);
    this.rethrow();
  }

  /** Runs a statement after everything issued before it and returns its result. */
  async query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<pg.QueryResult<R>> {
    await this.drain();
    return this.client.query<R>(text, values);
  }

  private rethrow(): void {
    if (this.failure !== undefined) throw this.failure;
  }
}
