import type { APIRoute } from 'astro';
import { licenceFile } from '../../lib/opendata';

/** The open-data licence and terms, beside the files they cover. */
export const GET: APIRoute = async () => new Response(await licenceFile(), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
