/**
 * GraphQL Code Generator: TypeScript types and typed documents for the site's queries
 * (src/**\/*.graphql), checked against the committed contract, schema/schema.graphql. The output,
 * src/gql/graphql.ts, is committed; run `pnpm --dir site codegen` after changing either, and
 * tests/site/codegen.test.ts fails while the committed output differs from a fresh one.
 */
import { fileURLToPath } from 'node:url';
import type { CodegenConfig } from '@graphql-codegen/cli';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** the generated module (absolute, so the drift test can run this config from any directory) */
export const GENERATED = here('./src/gql/graphql.ts');

const config: CodegenConfig = {
  schema: here('../schema/schema.graphql'),
  documents: here('./src/**/*.graphql'),
  // the documents must match the schema: a query asking for a field it lacks fails generation
  generates: {
    [GENERATED]: {
      // operation and fragment result types, and each operation as a TypedDocumentNode that
      // graphql-request 7 takes as it is (no schema-wide types: the site needs only its own)
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        // the schema's scalars as the API sends them (JSON); an unknown scalar fails generation
        scalars: { LocalDate: 'string', DateTimeISO: 'string', JSONObject: 'Record<string, unknown>' },
        strictScalars: true,
        // site/tsconfig.json has verbatimModuleSyntax: type-only imports must say so
        useTypeImports: true,
        // the site reads no __typename but where it asks for one (a correction's record)
        skipTypename: true,
      },
    },
  },
};
export default config;
