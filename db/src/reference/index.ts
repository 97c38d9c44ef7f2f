export * from './cities.ts';
export * from './industries.ts';
export * from './uscc.ts';
