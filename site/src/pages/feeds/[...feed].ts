import type { APIRoute, GetStaticPaths } from 'astro';
import { hubData } from '../../lib/data';
import { allFeeds, FEED_FORMATS, feedDocument, type FeedFormat, type FeedSpec } from '../../lib/feeds';

/** /feeds/<key>.<rss|atom>.xml — e.g. /feeds/failures.atom.xml, /feeds/failures/city/420100.rss.xml */
export const getStaticPaths = (async () =>
  (await allFeeds()).flatMap((spec) =>
    FEED_FORMATS.map((format) => ({ params: { feed: `${spec.key}.${format}.xml` }, props: { key: spec.key, format } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { key, format } = props as { key: string; format: FeedFormat };
  const spec = (await allFeeds()).find((s) => s.key === key) as FeedSpec;
  const type = format === 'rss' ? 'application/rss+xml' : 'application/atom+xml';
  return new Response(feedDocument(await hubData(), spec, format), { headers: { 'content-type': `${type}; charset=utf-8` } });
};
