import 'reflect-metadata';
export * from './summary.type.ts';
