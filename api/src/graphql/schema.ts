import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { SummaryResolver } from '../summary/summary.resolver.ts';

/** The committed contract: a test fails when the served schema differs from it. */
export const SCHEMA_FILE = fileURLToPath(new URL('../../../schema/schema.graphql', import.meta.url));

let built: Promise<GraphQLSchema> | undefined;

export function hubSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [SummaryResolver],
    validate: false,
  });
  return built;
}

export async function hubSchemaSDL(): Promise<string> {
  return printSchema(await hubSchema()) + '\n';
}
