import type { APIRoute, GetStaticPaths } from 'astro';
import { allFiles } from '../../lib/opendata';

export const getStaticPaths = (async () => (await allFiles()).map((f) => ({ params: { file: f.name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const file = (await allFiles()).find((f) => f.name === params.file)!;
  return new Response(file.content, {
    headers: { 'content-type': file.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8' },
  });
};
