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

/** `('a','b')`: a list of text literals for `IN`, from constants of the code (never from a client). */
export function literalList(values: readonly string[]): string {
  return `(${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')})`;
}

/** SQL expression: the most rows of `from` (a table or join, with its WHERE) that share one `key` — 0 when none. */
export function longestGroup(from: string, key: string): string {
  return `(SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM ${from} GROUP BY ${key}) t)::int`;
}
