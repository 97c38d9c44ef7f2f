import type { APIRoute } from 'astro';
import { checksumFile } from '../../lib/opendata';

/** Checksums of every open-data file, in `sha256sum -c` format (run it inside /data/). */
export const GET: APIRoute = async () => new Response(await checksumFile(), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
