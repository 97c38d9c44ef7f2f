export * from './entities/index.ts';
export * from './columns.ts';
export * from './embedded.ts';
export * from './orm.ts';
export * from './plain-date.ts';
export * from './queryable.ts';
export * from './reference/index.ts';
export * from './vocabulary.ts';
export { loadSample, type SampleSummary, type LoadSampleOptions } from './sample/generate.ts';
