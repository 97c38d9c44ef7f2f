import { parseArgs } from 'node:util';
import type { Command } from '../command.ts';
import { UsageError, withDatabase } from '../command.ts';
import { loadSampleData } from '../../sample.ts';

/** `pnpm hub sample [--size demo|province] [--seed N]`: generated sample data into an empty database. */
export const sample: Command = {
  summary: 'load generated sample data (示例数据) into an empty database: --size demo|province',
  usage: '[--size demo|province] [--seed N] [--as-of YYYY-MM-DD]',
  async run(args) {
    const { values } = parseArgs({
      args,
      options: { size: { type: 'string', default: 'demo' }, seed: { type: 'string' }, 'as-of': { type: 'string' } },
    });
    if (values.size !== 'demo' && values.size !== 'province') throw new UsageError('--size is demo or province');
    const seed = values.seed === undefined ? undefined : Number(values.seed);
    if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError('--seed is a whole number');
    await withDatabase(async (db) => {
      const started = performance.now();
      const result = await loadSampleData(db.url, {
        size: values.size as 'demo' | 'province',
        seed,
        asOf: values['as-of'],
        progress: true,
      });
      console.log(
        `Sample data (${values.size}) loaded in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
          `${result.spotChecks} spot checks; case state computed for ${result.cases} results.`,
      );
    });
  },
};
