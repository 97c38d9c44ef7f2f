import type { APIRoute, GetStaticPaths } from 'astro';
import { apiExamples, assetContent, EXPLORER_ASSETS, explorerScript } from '../../../lib/explorer';
import { PUBLIC_API_URL } from '../../../lib/site';

/** The explorer's files, copied from node_modules at build time, and its generated script. */
export const getStaticPaths = (() =>
  [...Object.keys(EXPLORER_ASSETS), 'explorer.js'].map((asset) => ({ params: { asset } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const asset = params.asset as string;
  if (asset === 'explorer.js')
    return new Response(explorerScript(PUBLIC_API_URL, apiExamples()), { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
  return new Response(new Uint8Array(assetContent(asset)), { headers: { 'content-type': EXPLORER_ASSETS[asset].type } });
};
