import type { APIRoute, GetStaticPaths } from 'astro';
import { allFiles, dictionaryFile, releaseArchive } from '../../lib/opendata';

/** Every file of everything (/data/<dataset>.csv|json), the data dictionary and the release's archive. */
export const getStaticPaths = (async () => [
  ...(await allFiles()).map((f) => ({ params: { file: f.name } })),
  { params: { file: 'dictionary.json' } },
  { params: { file: (await releaseArchive()).name } },
]) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  if (params.file === 'dictionary.json')
    return new Response(await dictionaryFile(), { headers: { 'content-type': 'application/json; charset=utf-8' } });
  const archive = await releaseArchive();
  if (params.file === archive.name)
    return new Response(archive.content as Uint8Array<ArrayBuffer>, { headers: { 'content-type': 'application/zip' } });
  const file = (await allFiles()).find((f) => f.name === params.file)!;
  return new Response(file.content, {
    headers: { 'content-type': file.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8' },
  });
};
