import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkBackupFile, restoreBackup, type Manifest } from '@hub/db/backup';
import { loadSampleData } from '@hub/api';
import { hub } from '../support/cli.ts';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { startTestApi } from '../support/api.ts';
import { withDatabase } from '../setup/global.ts';

/**
 * `pnpm hub backup` and `pnpm hub restore`, run as the bureau would (child processes), on the demo
 * sample in a real PostgreSQL — the embedded 18 or, under DATABASE_URL, the machine's 15 (CI runs
 * both). What the restored database holds is checked with SQL of the test's own, not with the
 * backup code's checksums.
 */
// every test runs `pnpm hub` in child processes (backup, restore): on a busy 2-core machine one takes well over 30 s
describe('backup and restore', { timeout: 180_000 }, () => {
  let source: TestDatabase;
  let dir: string;
  let file: string;
  let manifest: Manifest;
  /** the source's rows and sequences as backed up (a test below moves a sequence on) */
  let backedUp: Record<string, unknown>;
  const created: string[] = [];

  /** A new, empty database on the test server (not cloned from the migrated template). */
  async function emptyDatabase(): Promise<string> {
    const name = `hub_test_restore_${randomBytes(5).toString('hex')}`;
    await admin((c) => c.query(`CREATE DATABASE ${name}`));
    created.push(name);
    return withDatabase(inject('serverUrl'), name);
  }

  beforeAll(async () => {
    source = await createTestDatabase();
    await loadSampleData(source.url, { size: 'demo' });
    // a correction (so record_history holds an update) whose text needs COPY's escapes: tab,
    // newline, backslash, and a value that reads like COPY's NULL marker
    await source.sql.query('BEGIN');
    await source.sql.query(`SET LOCAL hub.batch_id = '1'`);
    await source.sql.query(`SET LOCAL hub.change_reason = '地址更正'`);
    await source.sql.query(`UPDATE enterprise SET address = E'武汉市\\t洪山区\\n珞瑜路 1 号 \\\\ 东门', county = '\\N' WHERE id = 1`);
    await source.sql.query('COMMIT');
    backedUp = await contents(source.sql);
    dir = await mkdtemp(join(tmpdir(), 'hub-backup-test-'));
    file = join(dir, 'hub.tar.gz');
  }, 120_000);

  afterAll(async () => {
    await source?.drop();
    for (const name of created) await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes one file with a manifest of schema version, row counts and checksums', async () => {
    const result = await hub(['backup', file], source.url);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // every table, the statistics aggregate too (stats_cell, stats_aggregate: restored with the data generation it is stamped with)
    expect(result.stdout).toMatch(/Backup written .* 30 tables/s);

    manifest = await checkBackupFile(file);
    const { rows: migrations } = await source.sql.query('SELECT name FROM mikro_orm_migrations ORDER BY id');
    expect(manifest.migrations).toEqual(migrations.map((m) => m.name));
    expect(manifest.server.versionNum).toBeGreaterThanOrEqual(150000);
    const tables = await userTables(source.sql);
    expect(manifest.tables.map((t) => t.name).sort()).toEqual(tables);
    expect(tables).toEqual(expect.arrayContaining(['record_history', 'mikro_orm_migrations', 'spot_check', 'api_token']));
    for (const t of manifest.tables) {
      const {
        rows: [{ n }],
      } = await source.sql.query(`SELECT count(*)::int AS n FROM "${t.name}"`);
      expect(t.rows, t.name).toBe(n);
    }
    // parents come before the tables that refer to them
    const position = (name: string) => manifest.tables.findIndex((t) => t.name === name);
    expect(position('batch')).toBeLessThan(position('enterprise'));
    expect(position('spot_check')).toBeLessThan(position('case_period'));
    const {
      rows: [seq],
    } = await source.sql.query(`SELECT last_value::text FROM spot_check_id_seq`);
    expect(manifest.sequences.find((s) => s.name === 'spot_check_id_seq')?.lastValue).toBe(seq.last_value);
    // a plain tar archive: standard tools read it
    const listing = execFileSync('tar', ['-tzf', file], { encoding: 'utf8' }).trim().split('\n');
    expect(listing.at(-1)).toBe('manifest.json');
    expect(listing).toContain('data/spot_check/000001.copy');
  });

  it('restores into an empty database: same schema, same rows in every table, same sequences', async () => {
    const url = await emptyDatabase();
    const result = await hub(['restore', file], url);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Restored and verified .* 30 tables, [\d,]+ rows match the manifest/s);

    await withClient(url, async (target) => {
      expect(await schema(target)).toEqual(await schema(source.sql));
      expect(await contents(target)).toEqual(backedUp);
      const {
        rows: [address],
      } = await target.query('SELECT address, county FROM enterprise WHERE id = 1');
      expect(address).toEqual({ address: '武汉市\t洪山区\n珞瑜路 1 号 \\ 东门', county: '\\N' });

      // the database still enforces the history rules, and the ids go on where they stopped
      await expect(target.query(`UPDATE enterprise SET name = '改名' WHERE id = 1`)).rejects.toThrow(/must name its batch/);
      await expect(target.query(`DELETE FROM record_history`)).rejects.toThrow(/append-only/);
      const next = async (c: pg.Client) => (await c.query(`SELECT nextval('batch_id_seq')::int AS id`)).rows[0].id;
      expect(await next(target)).toBe(await next(source.sql));
    });

    // the API answers the same questions the same way from both databases
    const questions = `{
      summary { dataAsOf publishedBatches spotChecks containsSampleData }
      spotChecks(first: 20, filter: { conclusion: fail }) {
        totalCount
        nodes { reportNo productName producerName status { status since } deadlines { step dueOn metOn } events { kind occurredOn } }
      }
      spotCheckStats(by: city) { key checked failed failureRate }
      recordCorrections(first: 20) { totalCount nodes { recordType recordId change version reason } }
    }`;
    const answers = [];
    for (const databaseUrl of [source.url, url]) {
      const api = await startTestApi(databaseUrl);
      try {
        answers.push(await api.query(questions));
      } finally {
        await api.stop();
      }
    }
    expect(answers[0].errors).toBeUndefined();
    expect(answers[0].data.spotChecks.totalCount).toBeGreaterThan(50);
    // (the corrected enterprise is named by nothing public, so an anonymous client is not told of
    // its correction: recordCorrections shows only records the public may see; the history row
    // itself is restored with every table above)
    expect(answers[0].data.recordCorrections.nodes).not.toContainEqual(expect.objectContaining({ recordType: 'enterprise' }));
    expect(answers[1]).toEqual(answers[0]);
  });

  it('restores into a new embedded database (HUB_DATA_DIR), whose backup has the same checksums and restores again', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'hub-restore-embedded-'));
    try {
      const env = { DATABASE_URL: '', HUB_DATA_DIR: dataDir };
      const restored = await hub(['restore', file], '', env);
      expect(restored.stderr).toBe('');
      expect(restored.code).toBe(0);
      const again = join(dir, 'again.tar.gz');
      const backup = await hub(['backup', again], '', env);
      expect(backup.code).toBe(0);
      const second = await checkBackupFile(again);
      // embedded PostgreSQL 18; under DATABASE_URL the first backup came from the machine's 15
      expect(second.server.version).toMatch(/^PostgreSQL 18\./);
      expect(second.tables).toEqual(manifest.tables);
      expect(second.sequences).toEqual(manifest.sequences);
      expect(second.migrations).toEqual(manifest.migrations);
      // and back onto the test server (under DATABASE_URL: PostgreSQL 18's backup into 15)
      const url = await emptyDatabase();
      expect((await hub(['restore', again], url)).code).toBe(0);
      await withClient(url, async (target) => expect(await contents(target)).toEqual(backedUp));
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 90_000);

  it('refuses a database that is not empty, and changes nothing there', async () => {
    const before = await contents(source.sql);
    const result = await hub(['restore', file], source.url);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/is not empty: schema "public" already has \d+ tables or sequences/);
    expect(await contents(source.sql)).toEqual(before);
  });

  it('refuses a cut-off file before touching the database (exit 3)', async () => {
    const bytes = await readFile(file);
    const cut = join(dir, 'cut.tar.gz');
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const url = await emptyDatabase();
    const result = await hub(['restore', cut], url);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/cut\.tar\.gz: is not an intact gzip file: unexpected end of file/);
    expect(await relations(url)).toBe(0);
  });

  it('refuses a file with a damaged byte', async () => {
    const bytes = Buffer.from(await readFile(file));
    bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    const damaged = join(dir, 'damaged.tar.gz');
    await writeFile(damaged, bytes);
    const url = await emptyDatabase();
    // the damage shows in the deflate data, the tar headers or the gzip checksum, by where it falls
    await expect(restoreBackup(url, damaged)).rejects.toThrow(/damaged\.tar\.gz: is not an intact (gzip file|backup archive)/);
    expect(await relations(url)).toBe(0);
  });

  it('refuses a well-formed archive whose rows do not match the manifest, naming the table (exit 3)', async () => {
    const edited = await repack('edited', async (folder) => {
      const path = join(folder, 'data/enterprise/000001.copy');
      const text = await readFile(path, 'utf8');
      await writeFile(path, text.replace('有限公司', '无限公司'));
    });
    const url = await emptyDatabase();
    const result = await hub(['restore', edited], url);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/is damaged:\n\s+- table enterprise: sha256 [0-9a-f]{64} in the file, [0-9a-f]{64} in the manifest/);
    expect(await relations(url)).toBe(0);
  });

  it('fails when the loaded rows do not read back as the manifest says, and leaves the database empty', async () => {
    // the same instants, written in another time zone: the file agrees with its (edited) manifest,
    // but PostgreSQL prints the loaded rows differently, so only the read-back can tell
    const edited = await repack('shifted', async (folder) => {
      const path = join(folder, 'data/batch/000001.copy');
      const text = (await readFile(path, 'utf8')).replace(/ (0\d|1[0-5]):(\d\d:\d\d)\+00/g, (_, h, rest) => ` ${Number(h) + 8}:${rest}+08`);
      await writeFile(path, text);
      const data = await readFile(path);
      const m = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')) as Manifest;
      const batch = m.tables.find((t) => t.name === 'batch')!;
      batch.sha256 = createHash('sha256').update(data).digest('hex');
      batch.bytes = data.length;
      await writeFile(join(folder, 'manifest.json'), JSON.stringify(m));
    });
    const url = await emptyDatabase();
    const result = await hub(['restore', edited], url);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /differs from the backup's manifest; nothing was kept \(rolled back\):\n\s+- table batch: the rows differ/,
    );
    expect(result.stderr).not.toMatch(/table enterprise/);
    expect(await relations(url)).toBe(0);
  });

  it('refuses a backup of a schema this hub does not know', async () => {
    const newer = await repack('newer', async (folder) => {
      const m = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')) as Manifest;
      m.migrations.push('Migration20991231000000_from_the_future');
      await writeFile(join(folder, 'manifest.json'), JSON.stringify(m));
    });
    const url = await emptyDatabase();
    await expect(restoreBackup(url, newer)).rejects.toThrow(
      /1 migration\(s\) this version of the hub does not have \(Migration20991231000000_from_the_future\)/,
    );
    expect(await relations(url)).toBe(0);
  });

  it('checks a file without a database (--check), and never overwrites one', async () => {
    const check = await hub(['restore', '--check', file], 'postgres://nobody@127.0.0.1:1/none');
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/The file is intact .* 30 tables/s);
    const again = await hub(['backup', file], source.url);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/exists already/);
  });

  /** Extracts the backup with the system's tar, lets `edit` change files, packs them in the same order. */
  async function repack(name: string, edit: (folder: string) => Promise<void>): Promise<string> {
    const folder = join(dir, name);
    execFileSync('mkdir', ['-p', folder]);
    execFileSync('tar', ['-xzf', file, '-C', folder]);
    await edit(folder);
    const entries = execFileSync('tar', ['-tzf', file], { encoding: 'utf8' }).trim().split('\n');
    const out = join(dir, `${name}.tar.gz`);
    execFileSync('tar', ['-czf', out, '-C', folder, ...entries]);
    return out;
  }
});

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  return withClient(withDatabase(inject('serverUrl'), 'postgres'), work);
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function userTables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
  return rows.map((r) => r.tablename);
}

async function relations(url: string): Promise<number> {
  return withClient(
    url,
    async (c) => (await c.query(`SELECT count(*)::int AS n FROM pg_class WHERE relnamespace = 'public'::regnamespace`)).rows[0].n,
  );
}

/** Every table's row count and a digest of its rows in a fixed order; every sequence's state. */
async function contents(client: pg.Client): Promise<Record<string, unknown>> {
  const result: Record<string, unknown> = {};
  for (const table of await userTables(client)) {
    const {
      rows: [r],
    } = await client.query(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text COLLATE "C"), '')) AS digest FROM "${table}" t`,
    );
    result[table] = r;
  }
  const { rows: sequences } = await client.query(
    `SELECT sequencename, last_value::text FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`,
  );
  for (const s of sequences) result[`sequence ${s.sequencename}`] = s.last_value;
  return result;
}

/** Columns, indexes, constraints, triggers (and whether they are enabled) and functions. */
async function schema(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query(`
    SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS o
      FROM information_schema.columns WHERE table_schema = 'public'
    UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
    UNION ALL SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
      FROM pg_constraint WHERE connamespace = 'public'::regnamespace
    UNION ALL SELECT 'trigger ' || tgrelid::regclass || ' ' || tgname || ' ' || tgenabled::text FROM pg_trigger WHERE NOT tgisinternal
    UNION ALL SELECT 'function ' || proname || ' ' || md5(pg_get_functiondef(oid))
      FROM pg_proc WHERE pronamespace = 'public'::regnamespace AND prokind = 'f'
    UNION ALL SELECT 'extension ' || extname FROM pg_extension
    ORDER BY 1`);
  return rows.map((r) => r.o);
}
