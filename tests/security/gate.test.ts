import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * One gate (issue 12): the API reads spot-check results and enterprises — and the rows that
 * belong to a result — only through the repositories that hold the visibility fragments
 * (spot-check.repository.ts, enterprise.repository.ts). Every other repository composes their
 * fragments (`spotCheckFrom`, `spotCheckWhere`, `enterpriseVisible`, …) instead of naming the
 * tables, so a new query cannot forget who is asking. Writers are outside the read path. There
 * are no exceptions: a statement that needs one of the tables gets a fragment of the gate.
 */
const ROOT = join(import.meta.dirname, '../../api/src');

const GATE = ['spot-check/spot-check.repository.ts', 'enterprise/enterprise.repository.ts'];
/**
 * the import, the case-state writers and the corrections ledger (written in the publish
 * transaction): they write, nothing they read is answered to a client
 */
const WRITERS = ['import/', 'case-state/', 'correction/ledger.ts'];

const TABLES = ['spot_check', 'enterprise', 'nonconforming_item', 'case_event'];
const SQL_ON_TABLES = new RegExp(String.raw`\b(?:FROM|JOIN|INTO|UPDATE)\s+(?:ONLY\s+)?(${TABLES.join('|')})\b`, 'gi');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every statement text naming a protected table, as `file: line`. */
function sqlOnProtectedTables(_file: string, source: string): { table: string; line: string }[] {
  const hits: { table: string; line: string }[] = [];
  for (const line of source.split('\n')) {
    for (const match of line.matchAll(SQL_ON_TABLES)) hits.push({ table: match[1], line: line.trim() });
  }
  return hits;
}

describe('the one gate for public reads', () => {
  it('finds SQL on the protected tables (the guard can fail)', () => {
    expect(sqlOnProtectedTables('x.ts', 'db.query(`SELECT count(*) FROM spot_check WHERE conclusion = $1`)')).toHaveLength(1);
    expect(sqlOnProtectedTables('x.ts', '`SELECT * FROM certified_item ci\n JOIN enterprise e ON true`')).toHaveLength(1);
    expect(sqlOnProtectedTables('x.ts', '`SELECT spot_check_id FROM case_period`')).toHaveLength(0);
  });

  it('is the only code of the API that names spot_check, enterprise, nonconforming_item or case_event in SQL', () => {
    const outside: string[] = [];
    for (const path of files(ROOT)) {
      const file = relative(ROOT, path).replaceAll('\\', '/');
      if (GATE.includes(file) || WRITERS.some((w) => file.startsWith(w))) continue;
      for (const hit of sqlOnProtectedTables(file, readFileSync(path, 'utf8'))) outside.push(`api/src/${file}: ${hit.line}`);
    }
    expect(outside, 'use the fragments of spot-check.repository.ts / enterprise.repository.ts instead').toEqual([]);
  });
});
