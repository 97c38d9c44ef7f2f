/**
 * `pnpm db:migration:create [name] [--blank]`: writes the migration that brings the committed schema up
 * to the entities, updates the snapshot and db/migrations/index.ts. Runs against a throwaway
 * embedded cluster, so it needs no server and touches no data.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../embedded.ts';
import { MIGRATIONS_DIR, migrate, openOrm } from '../orm.ts';

const args = process.argv.slice(2);
/** --blank: an empty migration to fill by hand (functions, triggers, reference data) */
const blank = args.includes('--blank');
const name = args.find((a) => !a.startsWith('--'));
const dataDir = await mkdtemp(join(tmpdir(), 'hub-migration-'));
const db = await startEmbeddedPostgres({ dataDir, throwaway: true });
try {
  const orm = await openOrm(db.url);
  await migrate(orm);
  const result = await orm.migrator.create(MIGRATIONS_DIR, blank, false, name);
  await orm.close();
  if (!result.fileName) {
    console.log('No schema changes: the entities match the migrations.');
  } else {
    console.log(`Wrote db/migrations/${result.fileName}`);
    await writeIndex();
  }
} finally {
  await db.stop();
  await rm(dataDir, { recursive: true, force: true });
}

async function writeIndex() {
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => /^Migration.*\.ts$/.test(f)).sort();
  const names = files.map((f) => f.replace(/\.ts$/, ''));
  const source = [
    '// The migrations, in order. `pnpm db:migration:create` adds new ones here.',
    ...names.map((n) => `import { ${n} } from './${n}.ts';`),
    '',
    `export const migrationsList = [\n${names.map((n) => `  { name: '${n}', class: ${n} },`).join('\n')}\n];`,
    '',
  ].join('\n');
  await writeFile(join(MIGRATIONS_DIR, 'index.ts'), source);
}
