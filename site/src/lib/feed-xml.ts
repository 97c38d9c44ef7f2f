/**
 * RSS 2.0 and Atom 1.0 (RFC 4287) documents whose text is plain text, whatever the imported
 * records hold (issue 12 §4: a feed reader renders what a feed marks as HTML, so imported
 * `<img onerror>` or `<a href="javascript:">` in a CDATA `type="html"` title ran in readers).
 *
 * - Atom: every text construct is `type="text"`, written as XML character data.
 * - RSS: `title` is plain text (RSS Best Practices Profile). `description` is HTML by RSS 2.0's
 *   definition, so it is HTML we write ourselves: each line of text HTML-escaped, lines joined
 *   with `<br/>` — no element, attribute or link from the records can reach it.
 * - Links are the site's own absolute URLs; any other value is refused, not written.
 * - Control characters XML 1.0 cannot carry are dropped, so the feed always parses.
 *
 * Each document names the site's stylesheet (`<?xml-stylesheet?>`, /feeds/feed.xsl) so a
 * browser shows it as a readable page.
 *
 * The XML is written here, not by a builder library: `feed` puts titles in CDATA as HTML, and
 * xmlbuilder2 leaves an `&` that starts an entity-like sequence unescaped (imported `&lt;script&gt;`
 * would reach a reader as `<script>`). Escaping every `& < > " '` is all well-formed text needs.
 */
export interface FeedEntry {
  /** the record's permalink (also the entry's id) */
  link: string;
  title: string;
  /** plain-text lines */
  lines: string[];
  /** yyyy-mm-dd in China: when the record became public */
  published: string;
  /** yyyy-mm-dd in China: when it last changed, if later */
  updated?: string;
  categories?: string[];
}

export interface FeedMeta {
  title: string;
  subtitle: string;
  /** the HTML page the feed follows */
  page: string;
  self: { rss: string; atom: string };
  /** yyyy-mm-dd in China */
  updated: string;
  author: { name: string; uri: string };
  rights: string;
  generator: string;
  /** site path of the XSLT stylesheet */
  stylesheet: string;
  /** the site's own origin: every link must start with it */
  origin: string;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: removes the control characters XML cannot carry
const XML_UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
export const xmlSafe = (text: string) => text.replace(XML_UNSAFE, '');

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

/** plain-text lines as the only HTML an RSS description carries */
export const linesAsHtml = (lines: string[]) => lines.map((l) => escapeHtml(xmlSafe(l))).join('<br/>');

/**
 * A China calendar day as an RFC 822 date (RSS 2.0), midnight in China's zone: `Wed, 20 May 2026
 * 00:00:00 +0800`. The same instant in GMT would read as the day before (16:00), which is what a
 * reader or the styled page would show.
 */
export const rfc822China = (day: string) => new Date(`${day}T00:00:00Z`).toUTCString().replace(/GMT$/, '+0800');
const rfc3339 = (day: string) => `${day}T00:00:00+08:00`;

function checkedLink(url: string, origin: string): string {
  if (!url.startsWith(`${origin}/`) && url !== origin)
    throw new Error(`A feed link must be one of the site's own URLs (${origin}/…), not ${url}`);
  return url;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/** text or attribute value as XML: every markup character escaped, control characters dropped */
export const escapeXml = (value: string) => xmlSafe(value).replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);

type Attrs = Record<string, string>;
/** a small element tree: only text children are escaped strings, so nothing else can become markup */
class Element {
  private readonly children: (Element | string)[] = [];
  constructor(
    readonly name: string,
    readonly attrs: Attrs = {},
  ) {}
  ele(name: string, attrs: Attrs = {}, text?: string): Element {
    const child = new Element(name, attrs);
    if (text !== undefined) child.children.push(text);
    this.children.push(child);
    return child;
  }
  write(indent = ''): string {
    const attrs = Object.entries(this.attrs)
      .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
      .join('');
    if (this.children.length === 0) return `${indent}<${this.name}${attrs}/>`;
    if (this.children.every((c) => typeof c === 'string'))
      return `${indent}<${this.name}${attrs}>${(this.children as string[]).map(escapeXml).join('')}</${this.name}>`;
    const inner = this.children.map((c) => (typeof c === 'string' ? escapeXml(c) : c.write(`${indent}  `))).join('\n');
    return `${indent}<${this.name}${attrs}>\n${inner}\n${indent}</${this.name}>`;
  }
}

const prolog = (stylesheet: string) =>
  `<?xml version="1.0" encoding="utf-8"?>\n<?xml-stylesheet type="text/xsl" href="${escapeXml(stylesheet)}"?>\n`;

export function atomFeed(meta: FeedMeta, entries: FeedEntry[]): string {
  const feed = new Element('feed', { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': 'zh-CN' });
  feed.ele('title', { type: 'text' }, meta.title);
  feed.ele('subtitle', { type: 'text' }, meta.subtitle);
  feed.ele('id', {}, checkedLink(meta.self.atom, meta.origin));
  feed.ele('link', { rel: 'self', type: 'application/atom+xml', href: checkedLink(meta.self.atom, meta.origin) });
  feed.ele('link', { rel: 'alternate', type: 'application/rss+xml', href: checkedLink(meta.self.rss, meta.origin) });
  feed.ele('link', { rel: 'alternate', type: 'text/html', href: checkedLink(meta.page, meta.origin) });
  feed.ele('updated', {}, rfc3339(meta.updated));
  // RFC 4287 §4.1.1: a feed whose entries carry no author must carry one itself
  const author = feed.ele('author');
  author.ele('name', {}, meta.author.name);
  author.ele('uri', {}, meta.author.uri);
  feed.ele('rights', { type: 'text' }, meta.rights);
  feed.ele('generator', {}, meta.generator);
  for (const e of entries) {
    const entry = feed.ele('entry');
    entry.ele('title', { type: 'text' }, e.title);
    entry.ele('id', {}, checkedLink(e.link, meta.origin));
    entry.ele('link', { rel: 'alternate', type: 'text/html', href: checkedLink(e.link, meta.origin) });
    entry.ele('published', {}, rfc3339(e.published));
    entry.ele('updated', {}, rfc3339(e.updated && e.updated > e.published ? e.updated : e.published));
    for (const c of e.categories ?? []) entry.ele('category', { term: c });
    entry.ele('summary', { type: 'text' }, e.lines.join('\n'));
  }
  return prolog(meta.stylesheet) + feed.write() + '\n';
}

export function rssFeed(meta: FeedMeta, entries: FeedEntry[]): string {
  const rss = new Element('rss', { version: '2.0', 'xmlns:atom': 'http://www.w3.org/2005/Atom' });
  const channel = rss.ele('channel');
  channel.ele('title', {}, meta.title);
  channel.ele('link', {}, checkedLink(meta.page, meta.origin));
  channel.ele('description', {}, meta.subtitle);
  channel.ele('language', {}, 'zh-CN');
  channel.ele('copyright', {}, meta.rights);
  channel.ele('lastBuildDate', {}, rfc822China(meta.updated));
  channel.ele('generator', {}, meta.generator);
  channel.ele('atom:link', { href: checkedLink(meta.self.rss, meta.origin), rel: 'self', type: 'application/rss+xml' });
  for (const e of entries) {
    const item = channel.ele('item');
    item.ele('title', {}, e.title);
    item.ele('link', {}, checkedLink(e.link, meta.origin));
    item.ele('guid', { isPermaLink: 'true' }, checkedLink(e.link, meta.origin));
    item.ele('pubDate', {}, rfc822China(e.published));
    for (const c of e.categories ?? []) item.ele('category', {}, c);
    item.ele('description', {}, linesAsHtml(e.lines));
  }
  return prolog(meta.stylesheet) + rss.write() + '\n';
}
