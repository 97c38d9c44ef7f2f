import type { APIRoute, GetStaticPaths } from 'astro';
import QRCode from 'qrcode';
import { hubData } from '../../lib/data';
import { absolute } from '../../lib/site';
import { paths } from '../../lib/slug';

/**
 * /qr/<kind>/<slug>.svg: the QR code of a certificate's, a result's or a logo answer's (这个标识还有效吗) permalink, drawn at build
 * time (qrcode, the field's standard encoder; SVG, so it prints sharp on a label or a notice).
 */
export const getStaticPaths = (async () => {
  const data = await hubData();
  return [
    ...data.items.map((i) => ({ params: { qr: `item/${i.slug}.svg` }, props: { path: paths.item(i.slug) } })),
    ...data.failures.map((f) => ({ params: { qr: `result/${f.slug}.svg` }, props: { path: paths.result(f.slug) } })),
    ...data.logoSubjects.map((s) => ({ params: { qr: `logo/${s.slug}.svg` }, props: { path: paths.logo(s.slug) } })),
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const svg = await QRCode.toString(absolute((props as { path: string }).path), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return new Response(svg, { headers: { 'content-type': 'image/svg+xml' } });
};
