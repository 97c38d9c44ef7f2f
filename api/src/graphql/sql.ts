import pg from 'pg';

/**
 * The API's read path: plain SQL over a node-postgres pool (projections, not hydrated
 * entities — the hot path, see shared STACK.md). `$n` parameters; arrays bind natively.
 */
export class Sql {
  /** statements run, for tests that count queries per request (N+1 guard) */
  statements = 0;

  constructor(readonly pool: pg.Pool) {}

  static connect(url: string, max = 10): Sql {
    const pool = new pg.Pool({ connectionString: url, max });
    // an idle connection closed by the server (a restart, shutdown) is replaced on next use,
    // not a reason to crash the process
    pool.on('error', (error) => console.error(`[api] database connection lost: ${error.message}`));
    return new Sql(pool);
  }

  async query<T = Record<string, any>>(text: string, params: unknown[] = []): Promise<T[]> {
    this.statements++;
    const result = await this.pool.query({ text, values: params, types: { getTypeParser: typeParser } });
    return result.rows as T[];
  }

  async one<T = Record<string, any>>(text: string, params: unknown[] = []): Promise<T | undefined> {
    return (await this.query<T>(text, params))[0];
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;
/** DATE columns stay 'YYYY-MM-DD' strings: calendar dates in China, never JS Dates. */
function typeParser(oid: number, format?: any): any {
  if (oid === DATE_OID) return (v: string) => v;
  // counts come back as bigint: they fit in a JS number here
  if (oid === INT8_OID) return (v: string) => Number(v);
  if (oid === NUMERIC_OID) return (v: string) => Number(v);
  return pg.types.getTypeParser(oid, format);
}

/** Builds a WHERE clause with numbered parameters. */
export class Where {
  readonly conditions: string[] = [];
  constructor(readonly params: unknown[] = []) {}

  /** adds a condition; `?` in it is replaced by the next parameter's number */
  add(condition: string, ...values: unknown[]): this {
    let i = 0;
    this.conditions.push(condition.replace(/\?/g, () => `$${this.params.push(values[i++])}`));
    return this;
  }

  /** adds the condition only when the value is given */
  maybe(value: unknown, condition: string): this {
    if (value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0)) this.add(condition, value);
    return this;
  }

  param(value: unknown): string {
    return `$${this.params.push(value)}`;
  }

  toString(): string {
    return this.conditions.length ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}
