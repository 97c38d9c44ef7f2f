/**
 * RSS 2.0 and Atom 1.0 feeds of consumer warnings, failed products and revocations (the `feed`
 * library writes and escapes the XML). Items carry plain text only.
 */
import { Feed } from 'feed';
import { hubData, type HubData } from './data.ts';
import { dateLabel, PROGRAMME, PROGRAMME_EN } from './format.ts';
import { absolute } from './site.ts';
import { paths } from './slug.ts';
import { RecordType } from '@hub/db/vocabulary';
import { correctionAnchor } from './records/correction.ts';

export const FEEDS = {
  warnings: { title: '消费警示', page: paths.warnings },
  failures: { title: '不合格产品', page: paths.failures() },
  revocations: { title: '撤销认定', page: paths.revocations },
  corrections: { title: '更正公告', page: paths.corrections },
} as const;
export type FeedName = keyof typeof FEEDS;
export const FEED_FORMATS = ['rss', 'atom'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];
export const feedPath = (name: FeedName, format: FeedFormat) => `/feeds/${name}.${format}.xml`;

/** the newest this many records per feed */
const LIMIT = 100;
const chinaDay = (date: string) => new Date(`${date}T00:00:00+08:00`);
/** characters XML 1.0 cannot carry (imported text may hold them): a feed must always parse */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removes the control characters XML cannot carry
const xmlSafe = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

interface Entry {
  title: string;
  link: string;
  date: Date;
  description: string;
}

function entries(data: HubData, name: FeedName): Entry[] {
  switch (name) {
    case 'warnings':
      return data.warnings.slice(0, LIMIT).map((w) => ({
        title: w.title,
        link: absolute(paths.warning(w.slug)),
        date: chinaDay(w.publishedOn),
        description: [w.productCategory && `产品种类：${w.productCategory}`, `风险提示：${w.risk}`, w.advice && `消费建议：${w.advice}`]
          .filter(Boolean)
          .join('\n'),
      }));
    case 'failures':
      return data.failures.slice(0, LIMIT).map((f) => ({
        title: `不合格：${f.productName}${f.trademark ? `（${f.trademark}）` : ''}`,
        link: absolute(paths.result(f.slug)),
        date: chinaDay(f.status?.since ?? f.reportDate),
        description: [
          `产品种类：${f.productCategory}`,
          f.modelSpec && `规格型号：${f.modelSpec}`,
          f.productionBatch && `生产日期/批号：${f.productionBatch}`,
          f.nonconformingItems.length > 0 && `不符合项：${f.nonconformingItems.map((n) => n.item).join('、')}`,
          f.mainProblem && `主要质量问题：${f.mainProblem}`,
          `报告编号：${f.reportNo}（${dateLabel(f.reportDate)}）`,
        ]
          .filter(Boolean)
          .join('\n'),
      }));
    case 'revocations':
      return data.revocations.slice(0, LIMIT).map((r) => ({
        title: `撤销认定：${r.enterprise?.name ?? ''} ${r.items.map((i) => i.name).join('、')}`.trim(),
        link: absolute(paths.revocation(r.slug)),
        date: chinaDay(r.decidedOn),
        description: [
          `决定文号：${r.decisionNo}`,
          `撤销情形：${r.groundLabel}${r.groundText ? `（${r.groundText}）` : ''}`,
          `${dateLabel(r.reapplicationBarredUntil)}前不得再次申请`,
        ].join('\n'),
      }));
    case 'corrections':
      return correctionEntries(data);
  }
}

/** A correction notice as a feed entry: the record, what changed, why (003 Art. 26). */
function correctionEntries(data: HubData): Entry[] {
  return data.publicCorrections.slice(0, LIMIT).map((c) => ({
    title: `${c.kindLabel}：${RecordType.find(c.recordType) ?? c.recordType}${c.recordNumber ? ` ${c.recordNumber}` : ''}`,
    link: absolute(`${paths.corrections}#${correctionAnchor(c)}`),
    date: chinaDay(c.recordedOn),
    description: [
      c.recordNumber && `${c.recordNumberLabel ?? '编号'}：${c.recordNumber}`,
      `生效日期：${dateLabel(c.since)}`,
      `原因：${c.reason}`,
      ...c.changes.map((x) => `${x.label ?? x.field}：${x.before ?? '—'} → ${x.after ?? '不再公布'}`),
      c.batch && `更正批次：${c.batch.title}`,
    ]
      .filter(Boolean)
      .join('\n'),
  }));
}

export async function renderFeed(name: FeedName, format: FeedFormat): Promise<string> {
  const data = await hubData();
  const items = entries(data, name);
  const feed = new Feed({
    id: absolute(feedPath(name, 'atom')),
    title: `“${PROGRAMME}”${FEEDS[name].title}`,
    description: `${PROGRAMME}（${PROGRAMME_EN}）信息公开：${FEEDS[name].title}，数据截至${dateLabel(data.summary.dataAsOf)}`,
    link: absolute(FEEDS[name].page),
    language: 'zh-CN',
    updated: items[0]?.date ?? chinaDay(data.summary.dataAsOf ?? data.today),
    generator: `${PROGRAMME_EN} hub`,
    copyright: '湖北省市场监督管理局',
    feedLinks: { rss: absolute(feedPath(name, 'rss')), atom: absolute(feedPath(name, 'atom')) },
  });
  for (const item of items) feed.addItem({ ...item, title: xmlSafe(item.title), description: xmlSafe(item.description), id: item.link });
  return format === 'rss' ? feed.rss2() : feed.atom1();
}
