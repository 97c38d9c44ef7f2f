/**
 * /logo/: every 这个标识还有效吗 page in one static list (lib/listing.ts), filtered by the answer
 * (有效 / 已停止使用 / 已过期 …) or by the basis (认定 / 长江质量奖自我声明).
 */
import { LogoBasis, LogoValidity } from '@hub/db/vocabulary';
import type { HubData, LogoSubject } from './data.ts';
import { facetOf, listPages, type ListFacet, type ListPage } from './listing.ts';
import { paths } from './slug.ts';

const NONE = { key: 'none', label: '无授权记录' };

function build(data: HubData) {
  const rows = data.logoSubjects;
  const facets: ListFacet<LogoSubject>[] = [
    facetOf('validity', '标识状态', rows, (s) => [
      s.answer ? { key: s.answer.validity, label: LogoValidity.find(s.answer.validity) ?? s.answer.validity } : NONE,
    ]),
    facetOf('basis', '授权依据', rows, (s) => [{ key: s.basis, label: LogoBasis.label(s.basis) }]),
  ];
  return { facets, pages: listPages(paths.logos, rows, facets, []) };
}

const cache = new WeakMap<HubData, ReturnType<typeof build>>();
const lists = (data: HubData) => {
  if (!cache.has(data)) cache.set(data, build(data));
  return cache.get(data)!;
};

export const logoListPages = (data: HubData): ListPage<LogoSubject>[] => lists(data).pages;
export const logoFacets = (data: HubData): ListFacet<LogoSubject>[] => lists(data).facets;
