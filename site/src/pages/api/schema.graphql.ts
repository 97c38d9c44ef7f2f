import { readFile } from 'node:fs/promises';
import type { APIRoute } from 'astro';

/** The committed GraphQL contract (schema/schema.graphql; a test keeps it equal to the served schema). */
export const GET: APIRoute = async () =>
  new Response(await readFile(process.env.HUB_SCHEMA_FILE!, 'utf8'), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
