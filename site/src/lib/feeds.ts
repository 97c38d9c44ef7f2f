/**
 * The site's feeds, each in RSS 2.0 and Atom 1.0 (documents written by feed-xml.ts, plain text
 * only): consumer warnings, failed products (all, and per city, product category and e-commerce
 * platform), revocations and published batches. Newest 100 entries each, dated by the day the
 * record became public on the hub (its batch's publication), not by a later status change.
 */
import { BatchKind, CheckType, RecordType } from '@hub/db/vocabulary';
import { hubData, type Failure, type HubData } from './data.ts';
import { atomFeed, rssFeed, type FeedEntry, type FeedMeta } from './feed-xml.ts';
import { dateLabel, PROGRAMME, PROGRAMME_EN } from './format.ts';
import { absolute, SITE_URL } from './site.ts';
import { keySlug, paths } from './slug.ts';
import { openFailures } from './certified-failing.ts';
import { correctionAnchor } from './records/correction.ts';
import { loadCities, type City } from './records/city.ts';

export const FEED_FORMATS = ['rss', 'atom'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

/** One feed: its path under /feeds/ (without the format), title, HTML page and entries. */
export interface FeedSpec {
  key: string;
  title: string;
  /** what it is, for the list of feeds */
  group: '综合' | '按市州' | '按产品种类' | '按电商平台';
  page: string;
  entries: FeedEntry[];
}

export const feedPath = (key: string, format: FeedFormat) => `/feeds/${key}.${format}.xml`;
export const FEED_STYLESHEET = '/feeds/feed.xsl';

/** the newest this many records per feed */
const LIMIT = 100;
const AUTHOR = '湖北省市场监督管理局';

const later = (a: string | null | undefined, b: string | null | undefined) => ((a ?? '') > (b ?? '') ? a : b) ?? undefined;

/**
 * When a failure became public on the hub, as the API answers it (`disclosure.publishedOn`): its
 * batch's publication, or the day it became a final 不合格 when that was later (003 Art. 7, 16,
 * 26) — not a later change of its case status. Else its batch's day, else its report date.
 */
export function failurePublishedOn(data: HubData, f: Failure): string {
  const batchDay = f.batch ? data.batchById.get(f.batch.id)?.publishedOn : null;
  return f.disclosure.publishedOn ?? batchDay ?? f.reportDate;
}

function failureEntry(data: HubData, f: Failure): FeedEntry {
  const published = failurePublishedOn(data, f);
  return {
    title: `不合格：${f.productName}${f.trademark ? `（${f.trademark}）` : ''}`,
    link: absolute(paths.result(f.slug)),
    published,
    updated: later(f.status?.since, published),
    categories: [f.productCategory, f.city?.name].filter((c): c is string => !!c),
    lines: [
      `产品种类：${f.productCategory}`,
      `抽查类型：${CheckType.find(f.checkType) ?? f.checkType}`,
      f.city && `属地：${f.city.name}`,
      f.modelSpec && `规格型号：${f.modelSpec}`,
      f.productionBatch && `生产日期/批号：${f.productionBatch}`,
      f.nonconformingItems.length > 0 && `不符合项：${f.nonconformingItems.map((n) => n.item).join('、')}`,
      f.mainProblem && `主要质量问题：${f.mainProblem}`,
      f.platform && `电商平台：${f.platform}`,
      `报告编号：${f.reportNo}（${dateLabel(f.reportDate)}）`,
      f.status && `处理进展：${f.status.label}`,
    ].filter((l): l is string => !!l),
  };
}

/** records newest first by their own date (ties by the API's order), the newest LIMIT */
function byOwnDate<T>(records: T[], dateOf: (r: T) => string): T[] {
  return records
    .map((r, i) => ({ r, i, d: dateOf(r) }))
    .sort((a, b) => b.d.localeCompare(a.d) || a.i - b.i)
    .slice(0, LIMIT)
    .map((x) => x.r);
}

/** the day of the latest correction notice of a record still public (an entry's `updated`), if any */
function correctedOn(data: HubData, recordType: 'revocation' | 'consumer_warning', recordNumber: string): string | undefined {
  return data.publicCorrections
    .filter((c) => c.recordType === recordType && c.recordNumber === recordNumber && c.stillPublic)
    .reduce<string | undefined>((max, c) => later(max, c.recordedOn), undefined);
}

/** newest public first */
function newest(data: HubData, failures: Failure[]): FeedEntry[] {
  return failures
    .map((f) => failureEntry(data, f))
    .sort((a, b) => b.published.localeCompare(a.published) || a.link.localeCompare(b.link))
    .slice(0, LIMIT);
}

function groupFailures(failures: Failure[], keyOf: (f: Failure) => string | null | undefined): Map<string, Failure[]> {
  const groups = new Map<string, Failure[]>();
  for (const f of failures) {
    const k = keyOf(f);
    if (!k) continue;
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(f);
  }
  return groups;
}

/**
 * Every feed the site publishes, with its entries. Every city has its feed, also before it has a
 * failure, so one can subscribe to one's own city at once; a product category or a platform has
 * one once a failure names it.
 */
export function feedSpecs(data: HubData, cities: City[] = []): FeedSpec[] {
  const specs: FeedSpec[] = [
    {
      key: 'warnings',
      title: '消费警示',
      group: '综合',
      page: paths.warnings,
      // dated by the warning's own publication (published_on), newest first: not the batch's or the build's day
      entries: byOwnDate(data.warnings, (w) => w.publishedOn).map((w) => ({
        title: w.title,
        link: absolute(paths.warning(w.slug)),
        published: w.publishedOn,
        updated: correctedOn(data, 'consumer_warning', w.title),
        categories: w.productCategory ? [w.productCategory] : [],
        lines: [w.productCategory && `产品种类：${w.productCategory}`, `风险提示：${w.risk}`, w.advice && `消费建议：${w.advice}`].filter(
          (l): l is string => !!l,
        ),
      })),
    },
    { key: 'failures', title: '不合格产品', group: '综合', page: paths.failures(), entries: newest(data, data.failures) },
    {
      key: 'revocations',
      title: '撤销认定',
      group: '综合',
      page: paths.revocations,
      // dated by the decision's own day (decided_on), newest first; a later correction is its `updated`
      entries: byOwnDate(data.revocations, (r) => r.decidedOn).map((r) => ({
        title: `撤销认定：${r.enterprise?.name ?? ''} ${r.items.map((i) => i.name).join('、')}`.trim(),
        link: absolute(paths.revocation(r.slug)),
        published: r.decidedOn,
        updated: correctedOn(data, 'revocation', r.decisionNo),
        lines: [
          `决定文号：${r.decisionNo}（${dateLabel(r.decidedOn)}）`,
          `撤销的认定对象：${r.items
            .map((i) => {
              const item = data.itemById.get(i.id);
              return item?.certificateNo ? `${i.name}（证书编号 ${item.certificateNo}）` : i.name;
            })
            .join('、')}`,
          `撤销情形：${r.groundLabel}${r.groundText ? `（${r.groundText}）` : ''}`,
          `自${dateLabel(r.logoStopsOn)}起停止使用标识，${dateLabel(r.reapplicationBarredUntil)}前不得再次申请`,
        ],
      })),
    },
    {
      key: 'certified-failing',
      title: '认定有效但抽查不合格',
      group: '综合',
      page: `${paths.certified}alert/failing/`,
      entries: newest(
        data,
        data.items.flatMap((i) => openFailures(data, i)),
      ).map((e) => ({ ...e, title: `认定产品${e.title}` })),
    },
    {
      key: 'corrections',
      title: '更正公告',
      group: '综合',
      page: paths.corrections,
      entries: correctionEntries(data),
    },
    {
      key: 'batches',
      title: '发布批次',
      group: '综合',
      page: paths.batches,
      // newest publication first (the API lists batches by id: a batch imported early may be published late)
      entries: data.batches
        .filter((b) => b.publishedAt)
        .sort((a, b) => b.publishedAt!.localeCompare(a.publishedAt!) || b.id.localeCompare(a.id))
        .slice(0, LIMIT)
        .map((b) => ({
          title: b.title,
          link: absolute(paths.batch(b.slug)),
          published: b.publishedOn!,
          categories: [BatchKind.find(b.kind) ?? b.kind],
          lines: [
            `类别：${BatchKind.find(b.kind) ?? b.kind}`,
            `发布日期：${dateLabel(b.publishedOn)}`,
            `记录数：${b.rowCount}`,
            b.isSample ? '示例数据' : '',
          ].filter(Boolean),
        })),
    },
  ];
  // the failure list split by city (its code in the address), product category and e-commerce platform
  const splits: Array<{
    path: string;
    group: FeedSpec['group'];
    key: (f: Failure) => string | null | undefined;
    slug: (key: string) => string;
    name: (key: string, failures: Failure[]) => string;
    /** keys that have a feed even without a failure */
    always?: string[];
  }> = [
    {
      path: 'city',
      group: '按市州',
      key: (f) => f.city?.code,
      slug: (code) => code,
      name: (code, failures) => cities.find((c) => c.code === code)?.name ?? failures[0].city!.name,
      always: cities.map((c) => c.code),
    },
    { path: 'category', group: '按产品种类', key: (f) => f.productCategory, slug: keySlug, name: (category) => category },
    { path: 'platform', group: '按电商平台', key: (f) => f.platform?.trim(), slug: keySlug, name: (platform) => platform },
  ];
  for (const split of splits) {
    const groups = groupFailures(data.failures, split.key);
    for (const key of split.always ?? []) if (!groups.has(key)) groups.set(key, []);
    for (const [key, failures] of [...groups].sort(([a], [b]) => a.localeCompare(b, 'zh-CN'))) {
      specs.push({
        key: `failures/${split.path}/${split.slug(key)}`,
        title: `不合格产品 · ${split.name(key, failures)}`,
        group: split.group,
        page: paths.failures(),
        entries: newest(data, failures),
      });
    }
  }
  return specs;
}

let specs: Promise<FeedSpec[]> | undefined;

/** the feeds of this build, worked out once (every feed's route asks for them) */
export function allFeeds(): Promise<FeedSpec[]> {
  specs ??= Promise.all([hubData(), loadCities()]).then(([data, cities]) => feedSpecs(data, cities));
  return specs;
}

export function feedDocument(data: HubData, spec: FeedSpec, format: FeedFormat): string {
  const meta: FeedMeta = {
    title: `“${PROGRAMME}”${spec.title}`,
    subtitle: `${PROGRAMME}（${PROGRAMME_EN}）信息公开：${spec.title}，数据截至${dateLabel(data.summary.dataAsOf)}`,
    page: absolute(spec.page),
    self: { rss: absolute(feedPath(spec.key, 'rss')), atom: absolute(feedPath(spec.key, 'atom')) },
    // RFC 4287 §4.2.15: the feed changed when its latest entry did (an entry's `updated` may be later than any `published`)
    updated: spec.entries.reduce((max, e) => later(max, later(e.updated, e.published)) ?? max, '') || (data.summary.dataAsOf ?? data.today),
    author: { name: AUTHOR, uri: absolute('/') },
    rights: `${AUTHOR}；开放数据许可见 ${absolute(paths.openData)}`,
    generator: `${PROGRAMME_EN} hub`,
    stylesheet: FEED_STYLESHEET,
    origin: SITE_URL,
  };
  return format === 'rss' ? rssFeed(meta, spec.entries) : atomFeed(meta, spec.entries);
}

/** A correction notice as a feed entry: the record, what changed, why (003 Art. 26). */
function correctionEntries(data: HubData): FeedEntry[] {
  return data.publicCorrections.slice(0, LIMIT).map((c) => ({
    title: `${c.kindLabel}：${RecordType.find(c.recordType) ?? c.recordType}${c.recordNumber ? ` ${c.recordNumber}` : ''}`,
    link: absolute(`${paths.corrections}#${correctionAnchor(c)}`),
    published: c.recordedOn,
    lines: [
      c.recordNumber && `${c.recordNumberLabel ?? '编号'}：${c.recordNumber}`,
      `生效日期：${dateLabel(c.since)}`,
      `原因：${c.reason}`,
      ...c.changes.map((x) => `${x.label ?? x.field}：${x.before ?? '—'} → ${x.after ?? '不再公布'}`),
      c.batch && `更正批次：${c.batch.title}`,
    ].filter((line): line is string => !!line),
  }));
}
