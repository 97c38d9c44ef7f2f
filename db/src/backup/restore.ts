import { createHash, type Hash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { migrationsList } from '../../migrations/index.ts';
import { readArchive, type ArchiveEntry } from './archive.ts';
import { OUTPUT_SETTINGS, quoteIdent, readCatalog, snapshotQuery, type Catalog, type TableInfo } from './catalog.ts';
import { BackupFileError, MANIFEST_ENTRY, countRows, parseChunkEntryName, parseManifest, type Manifest } from './format.ts';
import { migrateOnClient } from './migrate-on-client.ts';

/** The database cannot take this backup (not empty, or a schema this code does not know). */
export class RestoreRefusedError extends Error {}

/** The restored rows differ from the manifest: the restore was rolled back. */
export class RestoreVerificationError extends Error {
  constructor(readonly differences: string[]) {
    super(
      `The restored data differs from the backup's manifest; nothing was kept (rolled back):\n${differences.map((d) => `  - ${d}`).join('\n')}`,
    );
  }
}

export interface RestoreOptions {
  onProgress?: (message: string) => void;
}

interface Digest {
  rows: number;
  bytes: number;
  chunks: number;
  hash: Hash;
}

const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

/**
 * Reads the whole file without a database: every piece present and in order, each table's bytes
 * matching the row count and sha256 of the manifest. Returns the manifest.
 */
export async function checkBackupFile(file: string): Promise<Manifest> {
  const digests = new Map<string, Digest>();
  let manifestText: string | undefined;
  let last: string | undefined;
  for await (const entry of readArchive(file)) {
    const name = entry.header.name;
    if (manifestText !== undefined) throw new BackupFileError(`${file}: entry ${name} follows manifest.json, which must come last`);
    if (name === MANIFEST_ENTRY) {
      manifestText = await readText(entry);
      continue;
    }
    const piece = parseChunkEntryName(name);
    if (!piece || entry.header.type !== 'file') throw new BackupFileError(`${file}: unexpected entry ${name}: not a hub backup`);
    let digest = digests.get(piece.table);
    if (!digest) {
      digest = { rows: 0, bytes: 0, chunks: 0, hash: createHash('sha256') };
      digests.set(piece.table, digest);
    } else if (last !== piece.table) {
      throw new BackupFileError(`${file}: the pieces of table ${piece.table} are not stored together`);
    }
    if (piece.chunk !== digest.chunks + 1)
      throw new BackupFileError(`${file}: ${name} is out of order (piece ${digest.chunks + 1} expected)`);
    last = piece.table;
    digest.chunks++;
    for await (const data of entry) {
      digest.hash.update(data);
      digest.bytes += data.length;
      digest.rows += countRows(data);
    }
  }
  if (manifestText === undefined)
    throw new BackupFileError(`${file}: has no manifest.json: the file is incomplete (cut off?) or not a hub backup`);
  const manifest = parseManifest(manifestText);

  const problems: string[] = [];
  const listed = new Set<string>();
  for (const table of manifest.tables) {
    if (listed.has(table.name)) problems.push(`table ${table.name} is listed twice`);
    listed.add(table.name);
    const d = digests.get(table.name);
    const actual = {
      rows: d?.rows ?? 0,
      bytes: d?.bytes ?? 0,
      chunks: d?.chunks ?? 0,
      sha256: (d?.hash ?? createHash('sha256')).digest('hex'),
    };
    for (const field of ['rows', 'bytes', 'chunks', 'sha256'] as const) {
      if (actual[field] !== table[field])
        problems.push(`table ${table.name}: ${field} ${actual[field]} in the file, ${table[field]} in the manifest`);
    }
  }
  for (const name of digests.keys()) if (!listed.has(name)) problems.push(`data for table ${name}, which the manifest does not list`);
  const stored = [...digests.keys()].filter((name) => listed.has(name));
  const expected = manifest.tables.filter((t) => t.chunks > 0 && digests.has(t.name)).map((t) => t.name);
  if (stored.join() !== expected.join()) problems.push(`the tables are stored in another order than the manifest lists them`);
  if (problems.length) throw new BackupFileError(`${file} is damaged:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return manifest;
}

async function readText(entry: ArchiveEntry): Promise<string> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const data of entry) {
    size += data.length;
    if (size > MAX_MANIFEST_BYTES) throw new BackupFileError('manifest.json is implausibly large');
    parts.push(data);
  }
  return Buffer.concat(parts).toString('utf8');
}

/**
 * Loads a backup into the empty database at `url` and verifies it, in one transaction: the
 * migrations of the backup's schema version, every table by COPY, the sequences, and then every
 * table read again exactly as the backup read it, its row count and sha256 compared with the
 * manifest. Any failure rolls everything back, leaving the database empty.
 *
 * The file is checked on its own first ({@link checkBackupFile}), so a damaged file is refused
 * before the database is touched.
 */
export async function restoreBackup(url: string, file: string, options: RestoreOptions = {}): Promise<Manifest> {
  const progress = options.onProgress ?? (() => undefined);
  progress('checking the file');
  const manifest = await checkBackupFile(file);
  assertKnownMigrations(manifest.migrations);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const setting of OUTPUT_SETTINGS) await client.query(setting);
    await assertEmpty(client);
    await client.query('BEGIN');
    try {
      progress(`creating the schema (${manifest.migrations.length} migrations)`);
      await migrateOnClient(client, manifest.migrations);
      // MikroORM's migrator resets the session's encoding: set everything again
      for (const setting of OUTPUT_SETTINGS) await client.query(setting);
      // index builds at the end of the load; the default 64 MB sorts on disk
      await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
      const catalog = await readCatalog(client);
      assertSameSchema(catalog, manifest);
      const tables = new Map(catalog.tables.map((t) => [t.name, t]));
      const qualified = (t: TableInfo) => `${quoteIdent(catalog.schema)}.${quoteIdent(t.name)}`;

      // The migrations' own rows (cities, industries, the migrations list) make way for the
      // backup's. COPY is an INSERT, and the link tables' history triggers would log every row
      // into record_history a second time (the backup holds those lines already): user triggers
      // are off for the load — the restorer owns the tables it has just created.
      for (const t of catalog.tables) await client.query(`ALTER TABLE ${qualified(t)} DISABLE TRIGGER USER`);
      await client.query(`TRUNCATE ${catalog.tables.map(qualified).join(', ')}`);
      const rebuild = await dropIndexesAndForeignKeys(client, catalog);

      let loaded = 0;
      for await (const entry of readArchive(file)) {
        const piece = parseChunkEntryName(entry.header.name);
        if (!piece) {
          entry.resume();
          continue;
        }
        const table = tables.get(piece.table)!;
        if (piece.chunk === 1) progress(`loading ${table.name} (${++loaded}/${manifest.tables.filter((t) => t.chunks).length})`);
        const columns = table.columns.map((c) => quoteIdent(c.name)).join(', ');
        // FREEZE: the table was truncated in this transaction, so its rows can be written as
        // already visible to all — no later rewrite by VACUUM
        await pipeline(
          async function* () {
            yield* entry;
          },
          client.query(copyFrom(`COPY ${qualified(table)} (${columns}) FROM STDIN WITH (FREEZE)`)),
        );
      }

      progress(`building ${rebuild.length} indexes and foreign keys`);
      for (const statement of rebuild) await client.query(statement);
      for (const s of manifest.sequences) {
        await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [
          `${quoteIdent(catalog.schema)}.${quoteIdent(s.name)}`,
          s.lastValue,
          s.isCalled,
        ]);
      }
      for (const t of catalog.tables) await client.query(`ALTER TABLE ${qualified(t)} ENABLE TRIGGER USER`);

      progress('verifying every table against the manifest');
      const differences = await verify(client, catalog, manifest);
      if (differences.length) throw new RestoreVerificationError(differences);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    progress('updating the planner statistics (ANALYZE)');
    await client.query('ANALYZE');
    return manifest;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The backup's migrations must be this code's, in the same order (a prefix of them). */
function assertKnownMigrations(names: string[]): void {
  const known = migrationsList.map((m) => m.name);
  if (!names.length) throw new RestoreRefusedError('The backup records no migrations: it holds no hub schema.');
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length) {
    throw new RestoreRefusedError(
      `The backup's schema includes ${unknown.length} migration(s) this version of the hub does not have (${unknown.join(', ')}): ` +
        'restore it with the version of the hub that wrote it, or a newer one.',
    );
  }
  if (names.some((n, i) => known[i] !== n)) {
    throw new RestoreRefusedError(
      `The backup's migrations (${names.join(', ')}) are not applied in this hub's order (${known.join(', ')}).`,
    );
  }
}

/** Restore writes into an empty database only: no table, view or sequence in the schema. */
async function assertEmpty(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ name: string; database: string; schema: string }>(
    `SELECT c.relname AS name, current_database() AS database, current_schema() AS schema FROM pg_class c
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
      ORDER BY c.relname`,
  );
  if (!rows.length) return;
  const { database, schema } = rows[0];
  const names =
    rows
      .slice(0, 5)
      .map((r) => r.name)
      .join(', ') + (rows.length > 5 ? ', …' : '');
  throw new RestoreRefusedError(
    `Database "${database}" is not empty: schema "${schema}" already has ${rows.length} tables or sequences (${names}). ` +
      'A restore loads into an empty database only, and changed nothing: create a new database (createdb) or, ' +
      'for the embedded one, point HUB_DATA_DIR at a new folder.',
  );
}

/** The migrations must have made the tables and columns the backup was taken from. */
function assertSameSchema(catalog: Catalog, manifest: Manifest): void {
  const problems: string[] = [];
  const tables = new Map(catalog.tables.map((t) => [t.name, t]));
  for (const t of manifest.tables) {
    const here = tables.get(t.name);
    if (!here) {
      problems.push(`table ${t.name} is not created by the migrations`);
      continue;
    }
    const describe = (columns: { name: string; type: string }[]) => columns.map((c) => `${c.name} ${c.type}`).join(', ');
    if (describe(here.columns) !== describe(t.columns))
      problems.push(`table ${t.name} has columns (${describe(here.columns)}), the backup (${describe(t.columns)})`);
    if (here.primaryKey.join() !== t.primaryKey.join())
      problems.push(`table ${t.name} has primary key (${here.primaryKey}), the backup (${t.primaryKey})`);
  }
  const listed = new Set(manifest.tables.map((t) => t.name));
  for (const t of catalog.tables) if (!listed.has(t.name)) problems.push(`table ${t.name} is not in the backup`);
  const sequences = new Set(catalog.sequences);
  for (const s of manifest.sequences) if (!sequences.has(s.name)) problems.push(`sequence ${s.name} is not created by the migrations`);
  if (problems.length) {
    throw new RestoreRefusedError(
      `The schema made by the backup's migrations differs from the backup's tables:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
}

/**
 * Drops the plain indexes and the foreign keys and returns the statements that re-create them as
 * they were: PostgreSQL builds an index once far faster than it maintains it row by row, and
 * checks a foreign key with one join instead of a lookup per row (as the sample loader does).
 */
async function dropIndexesAndForeignKeys(client: pg.Client, catalog: Catalog): Promise<string[]> {
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `SELECT format('%I.%I', n.nspname, c.relname) AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND NOT i.indisprimary AND NOT i.indisunique AND NOT i.indisexclusion
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
      ORDER BY 1`,
    [catalog.schema],
  );
  const { rows: keys } = await client.query<{ table: string; name: string; def: string }>(
    `SELECT format('%I.%I', n.nspname, t.relname) AS table, quote_ident(k.conname) AS name, pg_get_constraintdef(k.oid) AS def
       FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE k.contype = 'f' AND n.nspname = $1
      ORDER BY 1, 2`,
    [catalog.schema],
  );
  for (const k of keys) await client.query(`ALTER TABLE ${k.table} DROP CONSTRAINT ${k.name}`);
  for (const i of indexes) await client.query(`DROP INDEX ${i.name}`);
  return [...indexes.map((i) => i.def), ...keys.map((k) => `ALTER TABLE ${k.table} ADD CONSTRAINT ${k.name} ${k.def}`)];
}

/** Reads every table as the backup did and compares count, size and sha256; then the sequences. */
async function verify(client: pg.Client, catalog: Catalog, manifest: Manifest): Promise<string[]> {
  const differences: string[] = [];
  const tables = new Map(catalog.tables.map((t) => [t.name, t]));
  for (const expected of manifest.tables) {
    const hash = createHash('sha256');
    let rows = 0;
    let bytes = 0;
    for await (const data of client.query(copyTo(snapshotQuery(catalog.schema, tables.get(expected.name)!))) as AsyncIterable<Buffer>) {
      hash.update(data);
      rows += countRows(data);
      bytes += data.length;
    }
    const sha256 = hash.digest('hex');
    if (rows !== expected.rows) differences.push(`table ${expected.name}: ${rows} rows restored, ${expected.rows} in the backup`);
    else if (bytes !== expected.bytes || sha256 !== expected.sha256)
      differences.push(`table ${expected.name}: the rows differ from the backup's (sha256 ${sha256}, expected ${expected.sha256})`);
  }
  for (const s of manifest.sequences) {
    const {
      rows: [now],
    } = await client.query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value::text, is_called FROM ${quoteIdent(catalog.schema)}.${quoteIdent(s.name)}`,
    );
    if (now.last_value !== s.lastValue || now.is_called !== s.isCalled) {
      differences.push(`sequence ${s.name}: ${now.last_value} (called: ${now.is_called}), expected ${s.lastValue} (called: ${s.isCalled})`);
    }
  }
  return differences;
}
