import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * One gate (issue 12): the API reads spot-check results and enterprises — and the rows that
 * belong to a result — only through the repositories that hold the visibility fragments
 * (spot-check.repository.ts, enterprise.repository.ts). Every other repository composes their
 * fragments (`spotCheckFrom`, `spotCheckWhere`, `enterpriseVisible`, …) instead of naming the
 * tables, so a new query cannot forget who is asking. Writers are outside the read path.
 */
const ROOT = join(import.meta.dirname, '../../api/src');

const GATE = ['spot-check/spot-check.repository.ts', 'enterprise/enterprise.repository.ts'];
/**
 * the import, the case-state writers and the corrections ledger (written in the publish
 * transaction): they write, nothing they read is answered to a client
 */
const WRITERS = ['import/', 'case-state/', 'correction/ledger.ts'];
/**
 * Statements allowed outside the gate, each with its reason (file → a text of the statement).
 */
const ALLOWED: Record<string, { text: string; why: string }[]> = {
  'batch/batch.repository.ts': [
    // changes(since:) names an enterprise's change only where the gate's own fragment says the viewer may see it
    { text: 'FROM enterprise e WHERE e.id = ch.enterprise_id AND ', why: 'changes(since:)' },
  ],
  'correction/correction.repository.ts': [
    // derived correction notices: results whose period says they were public as failures (the
    // correction flag, 003 Art. 26–27), and only the Art. 27(1)–(3) fields every visitor saw then
    { text: 'FROM spot_check sc JOIN case_period cur ON cur.spot_check_id = sc.id AND cur.valid_from <= $1::date', why: 'derived notices' },
  ],
  'certification/certification.repository.ts': [
    // the enterprise of a certified item is always public (the first clause of enterpriseVisible)
    { text: 'certified_item ci JOIN enterprise e ON e.id = ci.enterprise_id', why: 'a certified item names its enterprise' },
  ],
};

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
      const allowed = ALLOWED[file] ?? [];
      for (const hit of sqlOnProtectedTables(file, readFileSync(path, 'utf8'))) {
        if (!allowed.some((a) => hit.line.includes(a.text))) outside.push(`api/src/${file}: ${hit.line}`);
      }
    }
    expect(outside, 'use the fragments of spot-check.repository.ts / enterprise.repository.ts instead').toEqual([]);
  });

  it('keeps its allow-list honest: every allowed statement still exists', () => {
    for (const [file, allowed] of Object.entries(ALLOWED)) {
      const source = readFileSync(join(ROOT, file), 'utf8');
      for (const a of allowed) expect(source, `${file}: ${a.why}`).toContain(a.text);
    }
  });
});
