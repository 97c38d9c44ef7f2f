import type { APIRoute, GetStaticPaths } from 'astro';
import QRCode from 'qrcode';
import { hubData } from '../../lib/data';
import { absolute } from '../../lib/site';
import { paths } from '../../lib/slug';
import { pageKey } from '../../lib/page-key';

/**
 * /qr/<kind>/<slug>.svg: the QR code of a certificate's, a result's or a logo answer's (这个标识还有效吗) permalink, drawn at build
 * time (qrcode, the field's standard encoder; SVG, so it prints sharp on a label or a notice).
 */
export const getStaticPaths = (async () => {
  const data = await hubData();
  // a code is a pure function of its permalink (pageKey covers the site's address): reused by incremental builds
  const code = (qr: string, path: string) => ({ params: { qr }, props: { path }, cacheKey: pageKey(data, path) });
  return [
    ...data.items.map((i) => code(`item/${i.slug}.svg`, paths.item(i.slug))),
    ...data.failures.map((f) => code(`result/${f.slug}.svg`, paths.result(f.slug))),
    ...data.logoSubjects.map((s) => code(`logo/${s.slug}.svg`, paths.logo(s.slug))),
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const svg = await QRCode.toString(absolute((props as { path: string }).path), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return new Response(svg, { headers: { 'content-type': 'image/svg+xml' } });
};
