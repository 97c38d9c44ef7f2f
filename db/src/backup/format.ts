import type { ColumnInfo } from './catalog.ts';

/**
 * The backup file: a gzip-compressed tar archive (readable with `tar -xzf`) holding
 *
 *   data/<table>/000001.copy, 000002.copy, …   the table's rows in COPY text format, in primary-key
 *                                             order, cut at row boundaries into pieces of about
 *                                             {@link CHUNK_BYTES} (a tar entry must state its size
 *                                             before its bytes: pieces keep memory constant);
 *                                             tables in dependency order, empty tables have none
 *   manifest.json                             last, since it carries the checksums of all the above
 *
 * Each piece is a valid `COPY <table> (<columns>) FROM STDIN` input on its own.
 */

export const FORMAT = 'hubei-quality-hub-backup';
export const FORMAT_VERSION = 1;
export const MANIFEST_ENTRY = 'manifest.json';
export const CHUNK_BYTES = 8 * 1024 * 1024;

export interface TableManifest {
  name: string;
  columns: ColumnInfo[];
  /** the primary key, whose order the rows (and so the checksum) follow */
  primaryKey: string[];
  rows: number;
  /** bytes of COPY text */
  bytes: number;
  /** number of data/<table>/NNNNNN.copy pieces */
  chunks: number;
  /** sha256 (hex) of the table's COPY text: all its pieces, in order */
  sha256: string;
}

export interface SequenceManifest {
  name: string;
  /** a bigint, as text */
  lastValue: string;
  isCalled: boolean;
}

export interface Manifest {
  format: typeof FORMAT;
  formatVersion: typeof FORMAT_VERSION;
  /** ISO 8601, UTC: when the snapshot was taken */
  createdAt: string;
  server: { version: string; versionNum: number };
  database: string;
  schema: string;
  /** the schema version: the migrations applied, in order (MikroORM's mikro_orm_migrations) */
  migrations: string[];
  /** in the order they are stored and loaded (parents first) */
  tables: TableManifest[];
  sequences: SequenceManifest[];
}

export function chunkEntryName(table: string, chunk: number): string {
  return `data/${table}/${String(chunk).padStart(6, '0')}.copy`;
}

const CHUNK_ENTRY = /^data\/([^/]+)\/(\d{6})\.copy$/;

export function parseChunkEntryName(name: string): { table: string; chunk: number } | undefined {
  const m = CHUNK_ENTRY.exec(name);
  return m ? { table: m[1], chunk: Number(m[2]) } : undefined;
}

/** The file is not a backup this code can read, or it is damaged. */
export class BackupFileError extends Error {}

/** Checks the manifest's shape; every problem at once. */
export function parseManifest(text: string): Manifest {
  let value: any;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BackupFileError('manifest.json is not valid JSON');
  }
  if (value?.format !== FORMAT) throw new BackupFileError(`manifest.json does not describe a hub backup (format "${value?.format}")`);
  if (value.formatVersion !== FORMAT_VERSION) {
    throw new BackupFileError(`the backup has format version ${value.formatVersion}; this hub reads version ${FORMAT_VERSION}`);
  }
  const problems: string[] = [];
  const isText = (v: unknown) => typeof v === 'string' && v.length > 0;
  const isCount = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
  if (!isText(value.createdAt)) problems.push('createdAt is missing');
  if (!Array.isArray(value.migrations) || !value.migrations.every(isText)) problems.push('migrations must be a list of names');
  if (!Array.isArray(value.tables)) problems.push('tables must be a list');
  else {
    for (const [i, t] of value.tables.entries()) {
      const label = `tables[${i}] (${t?.name})`;
      if (!isText(t?.name) || t.name.includes('/')) problems.push(`${label}: name is missing or invalid`);
      if (!Array.isArray(t?.columns) || !t.columns.length || !t.columns.every((c: any) => isText(c?.name) && isText(c?.type))) {
        problems.push(`${label}: columns must be a list of { name, type }`);
      }
      if (!Array.isArray(t?.primaryKey) || !t.primaryKey.every(isText))
        problems.push(`${label}: primaryKey must be a list of column names`);
      for (const field of ['rows', 'bytes', 'chunks']) if (!isCount(t?.[field])) problems.push(`${label}: ${field} must be a count`);
      if (typeof t?.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(t.sha256)) problems.push(`${label}: sha256 must be 64 hex digits`);
    }
  }
  if (!Array.isArray(value.sequences)) problems.push('sequences must be a list');
  else {
    for (const [i, s] of value.sequences.entries()) {
      if (!isText(s?.name) || typeof s?.lastValue !== 'string' || !/^-?\d+$/.test(s.lastValue) || typeof s?.isCalled !== 'boolean') {
        problems.push(`sequences[${i}] must be { name, lastValue (digits), isCalled (boolean) }`);
      }
    }
  }
  if (problems.length) throw new BackupFileError(`manifest.json is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return value as Manifest;
}

/** Counts rows of COPY text: one per newline (a newline inside a value is written as `\n`). */
export function countRows(chunk: Uint8Array): number {
  let rows = 0;
  for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) rows++;
  return rows;
}
