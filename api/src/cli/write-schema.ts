/** `pnpm schema:write`: regenerates schema/schema.graphql from the code (commit the result). */
import { writeFile } from 'node:fs/promises';
import { SCHEMA_FILE, hubSchemaSDL } from '../graphql/schema.ts';

await writeFile(SCHEMA_FILE, await hubSchemaSDL());
console.log(`Wrote ${SCHEMA_FILE}`);
