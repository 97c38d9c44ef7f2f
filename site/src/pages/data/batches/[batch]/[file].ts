import type { APIRoute, GetStaticPaths } from 'astro';
import { hubData } from '../../../../lib/data';
import { batchFiles } from '../../../../lib/opendata';
import { pageKey } from '../../../../lib/page-key';

export const getStaticPaths = (async () => {
  const data = await hubData();
  const out = [];
  for (const batch of data.batches) {
    // the file is its content: reused by incremental builds while its checksum is unchanged
    for (const f of await batchFiles(batch))
      out.push({ params: { batch: batch.slug, file: f.name }, props: { id: batch.id }, cacheKey: pageKey(data, f.sha256, f.format) });
  }
  return out;
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, props }) => {
  const batch = (await hubData()).batchById.get(props.id as string)!;
  const file = (await batchFiles(batch)).find((f) => f.name === params.file)!;
  return new Response(file.content, {
    headers: { 'content-type': file.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8' },
  });
};
