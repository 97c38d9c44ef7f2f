import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SQL_DIR, repositorySql } from '@hub/api';

describe('the committed SQL of the repositories (api/sql)', () => {
  let generated: { file: string; text: string }[];
  beforeAll(async () => {
    generated = await repositorySql();
  });

  it('is what every repository method sends, for each viewer (run `pnpm sql:write` after changing a query)', async () => {
    expect((await readdir(SQL_DIR)).filter((f) => f.endsWith('.sql')).sort()).toEqual(generated.map((g) => g.file).sort());
    for (const { file, text } of generated) {
      expect(text, file).toBe(await readFile(join(SQL_DIR, file), 'utf8'));
    }
  });

  it('shows where a statement differs by viewer', () => {
    const spotChecks = generated.find((f) => f.file === 'spot-check.repository.sql')!.text;
    expect(spotChecks).toContain('-- SpotCheckRepository.list (first page) — anonymous');
    expect(spotChecks).toContain('-- SpotCheckRepository.list (first page) — bureau');
    expect(spotChecks).toContain('-- SpotCheckRepository.events — any viewer');
  });
});
