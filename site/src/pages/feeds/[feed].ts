import type { APIRoute, GetStaticPaths } from 'astro';
import { FEED_FORMATS, FEEDS, renderFeed, type FeedFormat, type FeedName } from '../../lib/feeds';

/** /feeds/<name>.<rss|atom>.xml */
export const getStaticPaths = (() =>
  (Object.keys(FEEDS) as FeedName[]).flatMap((name) =>
    FEED_FORMATS.map((format) => ({ params: { feed: `${name}.${format}.xml` }, props: { name, format } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { name, format } = props as { name: FeedName; format: FeedFormat };
  const type = format === 'rss' ? 'application/rss+xml' : 'application/atom+xml';
  return new Response(await renderFeed(name, format), { headers: { 'content-type': `${type}; charset=utf-8` } });
};
