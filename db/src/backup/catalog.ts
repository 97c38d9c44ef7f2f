import type pg from 'pg';

/**
 * What a backup covers, read from PostgreSQL's catalog rather than from the entities: every
 * table of the hub's schema (the migrations table and record_history included) and every
 * sequence, so a table added by a migration is backed up without anyone remembering to list it.
 */

export interface ColumnInfo {
  name: string;
  /** as `format_type` prints it, e.g. `character varying(200)` */
  type: string;
}

export interface TableInfo {
  name: string;
  /** in the table's column order; generated columns are left out (PostgreSQL recomputes them) */
  columns: ColumnInfo[];
  /** the primary key's columns; empty when the table has none (the whole row orders it then) */
  primaryKey: string[];
  /** primary-key columns whose type has a collation (text): compared byte-wise, as `COLLATE "C"` */
  collatedKeys: string[];
}

export interface Catalog {
  schema: string;
  /** parents before the tables that refer to them (foreign keys), ties by name */
  tables: TableInfo[];
  sequences: string[];
}

/** Reads the tables, columns, keys and sequences of the session's current schema. */
export async function readCatalog(client: pg.ClientBase): Promise<Catalog> {
  const {
    rows: [{ schema }],
  } = await client.query<{ schema: string }>('SELECT current_schema() AS schema');
  // objects that belong to an extension (pg_trgm's, say) come back with the extension: not data
  const notExtension = `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')`;
  const { rows: tables } = await client.query<{ oid: number; name: string }>(
    `SELECT c.oid::int AS oid, c.relname AS name FROM pg_class c
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND ${notExtension}
      ORDER BY c.relname`,
  );
  const { rows: columns } = await client.query<{ table: number; name: string; type: string; collated: boolean }>(
    `SELECT a.attrelid::int AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attcollation <> 0 AS collated
       FROM pg_attribute a
      WHERE a.attrelid = ANY($1::oid[]) AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY a.attrelid, a.attnum`,
    [tables.map((t) => t.oid)],
  );
  const { rows: keys } = await client.query<{ table: number; name: string }>(
    `SELECT i.indrelid::int AS table, a.attname AS name
       FROM pg_index i, unnest(i.indkey) WITH ORDINALITY AS k(attnum, position), pg_attribute a
      WHERE i.indrelid = ANY($1::oid[]) AND i.indisprimary AND a.attrelid = i.indrelid AND a.attnum = k.attnum
      ORDER BY i.indrelid, k.position`,
    [tables.map((t) => t.oid)],
  );
  const { rows: references } = await client.query<{ child: number; parent: number }>(
    `SELECT DISTINCT conrelid::int AS child, confrelid::int AS parent FROM pg_constraint
      WHERE contype = 'f' AND conrelid = ANY($1::oid[]) AND confrelid = ANY($1::oid[])`,
    [tables.map((t) => t.oid)],
  );
  const { rows: sequences } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'S' AND ${notExtension}
      ORDER BY c.relname`,
  );

  const infos = new Map<number, TableInfo>();
  for (const t of tables) infos.set(t.oid, { name: t.name, columns: [], primaryKey: [], collatedKeys: [] });
  const collated = new Set<string>();
  for (const c of columns) {
    infos.get(c.table)!.columns.push({ name: c.name, type: c.type });
    if (c.collated) collated.add(`${c.table}.${c.name}`);
  }
  for (const k of keys) {
    const info = infos.get(k.table)!;
    info.primaryKey.push(k.name);
    if (collated.has(`${k.table}.${k.name}`)) info.collatedKeys.push(k.name);
  }
  return { schema, tables: dependencyOrder(infos, references), sequences: sequences.map((s) => s.name) };
}

/**
 * Kahn's algorithm over the foreign keys, smallest name first among the ready tables, so the
 * order is the same on every server. A table referring to itself needs no order of its own (its
 * rows go in primary-key order); a cycle between tables cannot be loaded table by table.
 */
function dependencyOrder(infos: Map<number, TableInfo>, references: { child: number; parent: number }[]): TableInfo[] {
  const parents = new Map<number, Set<number>>([...infos.keys()].map((oid) => [oid, new Set()]));
  for (const r of references) if (r.child !== r.parent) parents.get(r.child)!.add(r.parent);
  const ordered: TableInfo[] = [];
  const done = new Set<number>();
  while (done.size < infos.size) {
    const ready = [...infos.keys()]
      .filter((oid) => !done.has(oid) && [...parents.get(oid)!].every((p) => done.has(p)))
      .sort((a, b) => (infos.get(a)!.name < infos.get(b)!.name ? -1 : 1));
    if (!ready.length) {
      const left = [...infos.keys()].filter((oid) => !done.has(oid)).map((oid) => infos.get(oid)!.name);
      throw new Error(`The foreign keys between ${left.join(', ')} form a cycle: these tables cannot be backed up table by table.`);
    }
    done.add(ready[0]);
    ordered.push(infos.get(ready[0])!);
  }
  return ordered;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * The one query whose COPY output is a table's backup, and is read again to verify a restore:
 * the same columns in the same order, rows in primary-key order with text keys compared byte by
 * byte (`COLLATE "C"`), so the bytes, and their checksum, do not depend on the server's locale.
 */
export function snapshotQuery(schema: string, table: TableInfo): string {
  const columns = table.columns.map((c) => quoteIdent(c.name)).join(', ');
  const order = table.primaryKey.length
    ? table.primaryKey.map((k) => quoteIdent(k) + (table.collatedKeys.includes(k) ? ' COLLATE "C"' : '')).join(', ')
    : `t::text COLLATE "C"`;
  return `COPY (SELECT ${columns} FROM ${quoteIdent(schema)}.${quoteIdent(table.name)} AS t ORDER BY ${order}) TO STDOUT`;
}

/**
 * Session settings that fix how values are printed by COPY: dates, times (in UTC), intervals,
 * floats and bytea print the same on PostgreSQL 15 to 18 and whatever the server's defaults.
 */
export const OUTPUT_SETTINGS = [
  `SET client_encoding = 'UTF8'`,
  `SET DateStyle = 'ISO, YMD'`,
  `SET IntervalStyle = 'postgres'`,
  `SET TimeZone = 'UTC'`,
  `SET extra_float_digits = 1`,
  `SET bytea_output = 'hex'`,
  // a backup or restore of a large database takes minutes: server-side limits meant for the API
  // would cut it off half-way
  `SET statement_timeout = 0`,
  `SET idle_in_transaction_session_timeout = 0`,
];
