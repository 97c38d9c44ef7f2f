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
 * Statements run one after another on one connection, queued here rather than in the driver:
 * while PostgreSQL runs one chunk the generator builds the next (the two cores work at once).
 * The queue is bounded by `throttle()`, so memory stays bounded. The first failure is re-thrown
 * by the next `issue()`, `throttle()` or `drain()`; nothing after it is sent.
 */
export class Pipeline {
  private readonly queue: { text: string; values: unknown[] }[] = [];
  private running: Promise<void> | undefined;
  private failure: unknown;
  /** statements run so far */
  statements = 0;

  constructor(
    private readonly client: pg.Client,
    private readonly maxQueued = 2,
  ) {}

  issue(text: string, values: unknown[] = []): void {
    this.rethrow();
    this.queue.push({ text, values });
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

  /** Runs a statement after everything issued before it and returns its result. */
  async query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<pg.QueryResult<R>> {
    await this.drain();
    return this.client.query<R>(text, values);
  }

  private pump(): void {
    if (this.running || this.failure !== undefined) return;
    const next = this.queue.shift();
    if (!next) return;
    this.running = this.client.query(next.text, next.values).then(
      () => {
        this.statements++;
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
