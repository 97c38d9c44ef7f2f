import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import tar from 'tar-stream';
import { OUTPUT_SETTINGS, quoteIdent, readCatalog, snapshotQuery, type TableInfo } from './catalog.ts';
import {
  CHUNK_BYTES,
  FORMAT,
  FORMAT_VERSION,
  MANIFEST_ENTRY,
  chunkEntryName,
  countRows,
  type Manifest,
  type SequenceManifest,
  type TableManifest,
} from './format.ts';

export interface BackupOptions {
  /** called after each table */
  onTable?: (table: TableManifest, done: number, total: number) => void;
  /** gzip level, 1 (fast) to 9 (small) */
  gzipLevel?: number;
}

export const MIGRATIONS_TABLE = 'mikro_orm_migrations';

/**
 * Writes a consistent snapshot of the whole database at `url` to `file` (see format.ts), streamed:
 * memory stays constant whatever the size. The file appears only when complete (it is written
 * as `<file>.partial` and renamed).
 *
 * Consistency: one transaction, `REPEATABLE READ READ ONLY`. Every COPY reads the snapshot taken by
 * the transaction's first statement, so the tables agree with each other as of one instant while
 * imports and publishes go on (they never wait for the backup, nor it for them). `DEFERRABLE` would
 * change nothing here: PostgreSQL honours it only for SERIALIZABLE, which guards against anomalies
 * between serializable writers — the hub's writers use READ COMMITTED with constraints and row locks,
 * and a hot-standby replica (a good place to back up from) does not offer SERIALIZABLE at all. This is
 * also what pg_dump does by default. ACCESS SHARE locks on every table keep a concurrent migration
 * (DDL, which is not bound by the snapshot) from changing a table half-way; they block no import.
 *
 * Sequences are not transactional: they are read after the snapshot is taken, so each value is at
 * least the highest id the snapshot holds, which is all a restore needs.
 */
export async function writeBackup(url: string, file: string, options: BackupOptions = {}): Promise<Manifest> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const partial = `${file}.partial`;
  const pack = tar.pack();
  const written = pipeline(pack, createGzip({ level: options.gzipLevel ?? 6 }), createWriteStream(partial, { flags: 'wx', mode: 0o600 }));
  // a failure of the writing side (disk full) must stop the reading side
  const writeFailed = new Promise<never>((_, reject) => written.catch(reject));
  writeFailed.catch(() => undefined); // observed through Promise.race below, or not at all
  try {
    for (const setting of OUTPUT_SETTINGS) await client.query(setting);
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const catalog = await readCatalog(client); // the first statement: it takes the snapshot
    if (!catalog.tables.some((t) => t.name === MIGRATIONS_TABLE)) {
      throw new Error(`The database has no ${MIGRATIONS_TABLE} table in schema "${catalog.schema}": it holds no hub schema to back up.`);
    }
    await client.query(
      `LOCK TABLE ${catalog.tables.map((t) => `${quoteIdent(catalog.schema)}.${quoteIdent(t.name)}`).join(', ')} IN ACCESS SHARE MODE`,
    );
    const createdAt = new Date();
    const {
      rows: [server],
    } = await client.query<{ version: string; num: string; database: string }>(
      `SELECT version() AS version, current_setting('server_version_num') AS num, current_database() AS database`,
    );
    const { rows: migrations } = await client.query<{ name: string }>(
      `SELECT name FROM ${quoteIdent(catalog.schema)}.${MIGRATIONS_TABLE} ORDER BY id`,
    );
    const sequences: SequenceManifest[] = [];
    for (const name of catalog.sequences) {
      const {
        rows: [s],
      } = await client.query<{ last_value: string; is_called: boolean }>(
        `SELECT last_value::text, is_called FROM ${quoteIdent(catalog.schema)}.${quoteIdent(name)}`,
      );
      sequences.push({ name, lastValue: s.last_value, isCalled: s.is_called });
    }

    const tables: TableManifest[] = [];
    for (const table of catalog.tables) {
      const manifest = await Promise.race([copyTable(client, catalog.schema, table, pack, createdAt), writeFailed]);
      tables.push(manifest);
      options.onTable?.(manifest, tables.length, catalog.tables.length);
    }
    await client.query('COMMIT');

    const manifest: Manifest = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      createdAt: createdAt.toISOString(),
      server: { version: server.version, versionNum: Number(server.num) },
      database: server.database,
      schema: catalog.schema,
      migrations: migrations.map((m) => m.name),
      tables,
      sequences,
    };
    await Promise.race([addEntry(pack, MANIFEST_ENTRY, Buffer.from(JSON.stringify(manifest, null, 2) + '\n'), createdAt), writeFailed]);
    pack.finalize();
    await written;
    await rename(partial, file);
    return manifest;
  } catch (error) {
    pack.destroy(error instanceof Error ? error : new Error(String(error)));
    await written.catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Streams one table's COPY output into tar pieces cut after a row, hashing as it goes. */
async function copyTable(client: pg.Client, schema: string, table: TableInfo, pack: tar.Pack, mtime: Date): Promise<TableManifest> {
  const hash = createHash('sha256');
  let rows = 0;
  let bytes = 0;
  let chunks = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async (piece: Buffer) => {
    chunks++;
    await addEntry(pack, chunkEntryName(table.name, chunks), piece, mtime);
  };
  for await (const data of client.query(copyTo(snapshotQuery(schema, table))) as AsyncIterable<Buffer>) {
    hash.update(data);
    bytes += data.length;
    rows += countRows(data);
    pending.push(data);
    pendingBytes += data.length;
    if (pendingBytes < CHUNK_BYTES) continue;
    const joined = Buffer.concat(pending, pendingBytes);
    const cut = joined.lastIndexOf(0x0a) + 1;
    // a row longer than a piece: keep reading until it ends
    if (cut === 0) {
      pending = [joined];
      continue;
    }
    await flush(joined.subarray(0, cut));
    pending = cut < joined.length ? [joined.subarray(cut)] : [];
    pendingBytes = joined.length - cut;
  }
  if (pendingBytes) await flush(Buffer.concat(pending, pendingBytes));
  return {
    name: table.name,
    columns: table.columns,
    primaryKey: table.primaryKey,
    rows,
    bytes,
    chunks,
    sha256: hash.digest('hex'),
  };
}

/** Adds one entry; resolves once the archive has taken it (so memory stays bounded). */
function addEntry(pack: tar.Pack, name: string, content: Buffer, mtime: Date): Promise<void> {
  return new Promise((resolve, reject) => {
    pack.entry({ name, size: content.length, mtime, mode: 0o600 }, content, (error) => (error ? reject(error) : resolve()));
  });
}
