/**
 * The certified list's and the enterprise list's facets (round, city, industry, kind, status)
 * and orders, for the static list pages of lib/listing.ts.
 */
import { CertificationStatus, ItemKind } from '@hub/db/vocabulary';
import type { Enterprise, HubData, Item } from './data.ts';
import { facetOf, listPages, type ListFacet, type ListPage, type ListSort } from './listing.ts';
import { paths } from './slug.ts';
import { isCertifiedButFailing } from './certified-failing.ts';

export type Facet = 'round' | 'city' | 'industry' | 'kind' | 'status';
export const FACET_LABEL: Record<Facet, string> = { round: '届次', city: '属地', industry: '行业', kind: '类别', status: '状态' };

type ItemKeys = Record<Facet, { key: string; label: string } | null>;

function itemKeys(data: HubData, item: Item): ItemKeys {
  const e = item.enterprise ? data.enterpriseById.get(item.enterprise.id) : undefined;
  return {
    round: { key: String(item.round), label: `第${item.round}届（${item.roundYear}年）` },
    city: e?.city ? { key: e.city.code, label: e.city.shortName } : null,
    industry: item.industry ? { key: item.industry.code, label: item.industry.name } : null,
    kind: { key: item.kind, label: ItemKind.find(item.kind) ?? item.kind },
    status: { key: item.status, label: CertificationStatus.find(item.status) ?? item.status },
  };
}

const FACETS = Object.keys(FACET_LABEL) as Facet[];
const zh = (a: string, b: string) => a.localeCompare(b, 'zh-CN');
interface Lists {
  items: ListPage<Item>[];
  enterprises: ListPage<Enterprise>[];
  itemFacets: ListFacet<Item>[];
  enterpriseFacets: ListFacet<Enterprise>[];
  itemSorts: ListSort<Item>[];
  enterpriseSorts: ListSort<Enterprise>[];
}
const cache = new WeakMap<HubData, Lists>();

function build(data: HubData): Lists {
  const cached = cache.get(data);
  if (cached) return cached;
  const itemFacets = FACETS.map((f) => facetOf(f, FACET_LABEL[f], data.items, (i) => [itemKeys(data, i)[f]]));
  // its own filter: /certified/alert/failing/
  itemFacets.push(
    facetOf('alert', '提示', data.items, (i) => [
      isCertifiedButFailing(data, i) ? { key: 'failing', label: '认定有效但抽查不合格' } : null,
    ]),
  );
  const cityOf = (i: Item) => (i.enterprise ? data.enterpriseById.get(i.enterprise.id)?.city?.code : undefined) ?? '';
  const itemSorts: ListSort<Item>[] = [
    { key: 'round', label: '按届次和公布顺序' },
    {
      key: 'date',
      label: '按认定日期（从新到旧）',
      compare: (a, b) => (b.certifiedOn ?? '').localeCompare(a.certifiedOn ?? '') || zh(a.name, b.name),
    },
    { key: 'name', label: '按名称', compare: (a, b) => zh(a.name, b.name) },
    { key: 'city', label: '按属地', compare: (a, b) => cityOf(a).localeCompare(cityOf(b)) || zh(a.name, b.name) },
  ];
  const itemsOf = (e: Enterprise) => data.itemsByEnterprise.get(e.id) ?? [];
  const enterpriseFacets = FACETS.map((f) =>
    facetOf(f, FACET_LABEL[f], data.enterprises, (e) =>
      f === 'city' ? [e.city ? { key: e.city.code, label: e.city.shortName } : null] : itemsOf(e).map((i) => itemKeys(data, i)[f]),
    ),
  );
  const enterpriseSorts: ListSort<Enterprise>[] = [
    { key: 'name', label: '按名称' },
    { key: 'city', label: '按属地', compare: (a, b) => (a.city?.code ?? '').localeCompare(b.city?.code ?? '') || zh(a.name, b.name) },
    { key: 'items', label: '按认定对象数（从多到少）', compare: (a, b) => itemsOf(b).length - itemsOf(a).length || zh(a.name, b.name) },
  ];
  const enterprises = [...data.enterprises].sort((a, b) => zh(a.name, b.name));
  const built = {
    itemFacets,
    enterpriseFacets,
    items: listPages(paths.certified, data.items, itemFacets, itemSorts),
    enterprises: listPages(paths.enterprises, enterprises, enterpriseFacets, enterpriseSorts),
    itemSorts,
    enterpriseSorts,
  };
  cache.set(data, built);
  return built;
}

export const certifiedListPages = (data: HubData) => build(data).items;
export const enterpriseListPages = (data: HubData) => build(data).enterprises;
export const certifiedFacets = (data: HubData) => build(data).itemFacets;
export const enterpriseFacets = (data: HubData) => build(data).enterpriseFacets;
export const certifiedSorts = (data: HubData) => build(data).itemSorts;
export const enterpriseSorts = (data: HubData) => build(data).enterpriseSorts;
