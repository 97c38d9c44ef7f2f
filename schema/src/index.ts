import 'reflect-metadata';
export * from './common.ts';
export * from './batch.type.ts';
export * from './enterprise.type.ts';
export * from './registry.type.ts';
export * from './revocation.type.ts';
export * from './spot-check.type.ts';
export * from './stats.type.ts';
export * from './summary.type.ts';
