/** `pnpm sql:write`: writes the SQL of every repository method to api/sql/ (commit the result). */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SQL_DIR, repositorySql } from '../repository/sql-catalog.ts';

const files = await repositorySql();
await mkdir(SQL_DIR, { recursive: true });
// a repository that went leaves no stale file behind
for (const name of await readdir(SQL_DIR)) {
  if (name.endsWith('.sql') && !files.some((f) => f.file === name)) await rm(join(SQL_DIR, name));
}
for (const { file, text } of files) await writeFile(join(SQL_DIR, file), text);
console.log(`Wrote ${files.length} files to ${SQL_DIR}`);
