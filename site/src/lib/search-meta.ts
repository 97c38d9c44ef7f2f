/**
 * What a search result says about its record (issue 15 §3): Pagefind shows a page's `title`
 * meta, so a failure's result reads "电动自行车（楚韵 TDT-1203Z）· 不合格 · 报告2026年2月10日 · 处理进展：…"
 * instead of the same "电动自行车 不合格" for every check of one product. Pagefind separates
 * metadata with commas in the attribute form, so commas in the data become full-width ones; and
 * Astro leaves < > as they are inside an attribute (legal HTML), so they become full-width too:
 * no imported markup reaches the page source or the search index's metadata.
 */
import { CertificationStatus } from '@hub/db/vocabulary';
import type { Failure, Item, LogoSubject } from './data.ts';
import { logoAnswer } from './logo-answer.ts';
import { dateLabel } from './format.ts';

const attribute = (key: string, value: string) =>
  `${key}:${value.replace(/,/g, '，').replace(/</g, '＜').replace(/>/g, '＞').replace(/\s+/g, ' ').trim()}`;

export function failureSearchTitle(f: Failure): string {
  const brandModel = [f.trademark, f.modelSpec].filter(Boolean).join(' ');
  return attribute(
    'title',
    [
      `${f.productName}${brandModel ? `（${brandModel}）` : ''}`,
      '不合格',
      `报告${dateLabel(f.reportDate)}`,
      f.status && `处理进展：${f.status.label}`,
    ]
      .filter(Boolean)
      .join(' · '),
  );
}

export function itemSearchTitle(item: Item, enterprise: string | undefined): string {
  return attribute(
    'title',
    [item.name, item.trademark && `商标 ${item.trademark}`, enterprise, CertificationStatus.find(item.status) ?? item.status]
      .filter(Boolean)
      .join(' · '),
  );
}

/** A 长江质量奖 self-declaration's page (the only page of its enterprise, maybe): who, and today's answer. */
export function selfDeclarationSearchTitle(s: LogoSubject): string {
  return attribute('title', [s.enterprise?.name, '长江质量奖自我声明标识使用授权', logoAnswer(s.answer).label].filter(Boolean).join(' · '));
}
