import 'reflect-metadata';
// The order of these modules is the order type-graphql registers the Node types in, which fixes
// their order in schema.graphql: append new modules at the end.
export * from './common.ts';
export * from './batch.type.ts';
export * from './dynamic-management.type.ts';
export * from './enterprise.type.ts';
export * from './registry.type.ts';
export * from './revocation.type.ts';
export * from './spot-check.type.ts';
export * from './stats.type.ts';
export * from './summary.type.ts';
export * from './correction.type.ts';
export * from './batch.args.ts';
export * from './dynamic-management.args.ts';
export * from './enterprise.args.ts';
export * from './registry.args.ts';
export * from './revocation.args.ts';
export * from './spot-check.args.ts';
export * from './connections.ts';
export type * from './rows.ts';
export * from './rate-limit.type.ts';
