import { describe, expect, it } from 'vitest';
import { atomFeed, escapeXml, linesAsHtml, rssFeed, type FeedEntry, type FeedMeta } from '../../site/src/lib/feed-xml.ts';

/**
 * The feeds' XML writer on imported text that tries to become markup in a feed reader
 * (issue 12 §4): a script, an image with onerror, a javascript: link, an entity-encoded script
 * and a control character. Everything must arrive as the text it is.
 */
const ORIGIN = 'https://hbjp.example.org';
const meta: FeedMeta = {
  title: '“湖北精品”不合格产品',
  subtitle: '信息公开 <b>测试</b>',
  page: `${ORIGIN}/spot-checks/failures/`,
  self: { rss: `${ORIGIN}/feeds/failures.rss.xml`, atom: `${ORIGIN}/feeds/failures.atom.xml` },
  updated: '2026-06-01',
  author: { name: '湖北省市场监督管理局', uri: `${ORIGIN}/` },
  rights: '湖北省市场监督管理局',
  generator: 'hub',
  stylesheet: '/feeds/feed.xsl',
  origin: ORIGIN,
};
const HOSTILE = {
  script: '<script>alert(1)</script>',
  img: '<img src=x onerror=alert(1)>',
  link: '<a href="javascript:alert(1)">详情</a>',
  encoded: '&lt;script&gt;alert(2)&lt;/script&gt;',
  cdataEnd: ']]><script>alert(3)</script>',
};
const entry: FeedEntry = {
  link: `${ORIGIN}/spot-checks/result/SC-1/`,
  title: `不合格：玩具车（${HOSTILE.script}）${HOSTILE.encoded}`,
  lines: [`主要质量问题：${HOSTILE.img}`, `消费建议：${HOSTILE.link}`, `备注：${HOSTILE.cdataEnd}\u000b`],
  published: '2026-05-20',
};

/** XML character data decoded once, as a parser gives it to a reader */
const decodeXml = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e as 'lt']);
const elementText = (xml: string, name: string) =>
  [...xml.matchAll(new RegExp(`<${name}(?: [^>]*)?>([^<]*)</${name}>`, 'g'))].map((m) => decodeXml(m[1]));

describe('feed XML', () => {
  it('escapes every markup character, including an & that starts an entity', () => {
    expect(escapeXml(`<a href="x">'&amp;'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;amp;&apos;&lt;/a&gt;');
    expect(escapeXml('a\u0000b\u000bc')).toBe('abc');
  });

  it('writes Atom text constructs as type="text", never CDATA or HTML, so a reader shows the imported text as text', () => {
    const xml = atomFeed(meta, [entry]);
    expect(xml).not.toContain('CDATA');
    expect(xml).not.toMatch(/type="(x?html)"/);
    expect(xml).not.toMatch(/<script|<img|<a /);
    expect(elementText(xml, 'title')).toEqual([meta.title, entry.title]);
    expect(elementText(xml, 'summary')[0]).toBe(`主要质量问题：${HOSTILE.img}\n消费建议：${HOSTILE.link}\n备注：${HOSTILE.cdataEnd}`);
    // RFC 4287: the feed carries an author, entries are dated by publication
    expect(xml).toMatch(/<author>\s*<name>湖北省市场监督管理局<\/name>/);
    expect(xml).toContain('<published>2026-05-20T00:00:00+08:00</published>');
    expect(xml.split('\n')[1]).toBe('<?xml-stylesheet type="text/xsl" href="/feeds/feed.xsl"?>');
  });

  it('writes RSS descriptions as HTML made only of escaped text and <br/>: no element, attribute or link from a record', () => {
    const xml = rssFeed(meta, [entry]);
    expect(xml).not.toContain('CDATA');
    const [description] = elementText(xml, 'description').slice(1);
    // what a reader renders: split at our own <br/>, every piece is HTML-escaped text
    const pieces = description.split('<br/>');
    expect(pieces).toHaveLength(3);
    for (const piece of pieces) expect(piece).not.toMatch(/[<>"]/);
    expect(description).not.toMatch(/<a|<img|<script/i);
    expect(description).toContain('&lt;a href=&quot;javascript:alert(1)&quot;&gt;');
    // an entity-encoded script stays encoded text in the (plain-text) title
    expect(elementText(xml, 'title')[1]).toBe(entry.title);
    expect(xml).toContain('<pubDate>Wed, 20 May 2026 00:00:00 +0800</pubDate>');
  });

  it('refuses a link that is not one of the site’s own', () => {
    for (const link of ['javascript:alert(1)', 'https://evil.example/x', `${ORIGIN}.evil.example/`])
      expect(() => rssFeed(meta, [{ ...entry, link }])).toThrow(/site's own URLs/);
  });

  it('keeps the HTML of a description to escaped lines', () => {
    expect(linesAsHtml(['a<b', 'c&d'])).toBe('a&lt;b<br/>c&amp;d');
  });
});
