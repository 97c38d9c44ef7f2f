import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import config, { GENERATED } from '../../site/codegen.ts';

/** GraphQL Code Generator, as the site's `pnpm codegen` runs it (a dependency of the site, not of the tests) */
async function codegen(): Promise<{
  generate(options: typeof config, saveToFile: boolean): Promise<{ filename: string; content: string }[]>;
}> {
  const entry = createRequire(new URL('../../site/package.json', import.meta.url)).resolve('@graphql-codegen/cli');
  return import(pathToFileURL(entry).href);
}

describe('the site’s generated GraphQL types', () => {
  it('are the committed site/src/gql/graphql.ts (run `pnpm --dir site codegen` after changing schema.graphql or a query)', async () => {
    const outputs = await (await codegen()).generate({ ...config, silent: true }, false);
    expect(outputs.map((o) => o.filename)).toEqual([GENERATED]);
    expect(outputs[0].content).toBe(await readFile(GENERATED, 'utf8'));
  });
});
