import type { HubData, Item } from './data.ts';
import { ItemKind } from '@hub/db/vocabulary';

export type Facet = 'round' | 'city' | 'industry' | 'kind';

export interface FacetValue {
  facet: Facet;
  key: string;
  label: string;
  items: Item[];
}

export const FACET_LABEL: Record<Facet, string> = { round: '届次', city: '属地', industry: '行业', kind: '类别' };

/** The certified list by round, city, industry and kind: one value per key present in the data. */
const cache = new WeakMap<HubData, Record<Facet, FacetValue[]>>();

export function facetValues(data: HubData): Record<Facet, FacetValue[]> {
  const cached = cache.get(data);
  if (cached) return cached;
  const groups: Record<Facet, Map<string, FacetValue>> = { round: new Map(), city: new Map(), industry: new Map(), kind: new Map() };
  const add = (facet: Facet, key: string | undefined | null, label: string, item: Item) => {
    if (!key) return;
    const m = groups[facet];
    if (!m.has(key)) m.set(key, { facet, key, label, items: [] });
    m.get(key)!.items.push(item);
  };
  for (const item of data.items) {
    const e = item.enterprise ? data.enterpriseById.get(item.enterprise.id) : undefined;
    add('round', String(item.round), `第${item.round}届（${item.roundYear}年）`, item);
    add('city', e?.city?.code, e?.city?.shortName ?? '', item);
    add('industry', item.industry?.code, item.industry ? `${item.industry.name}` : '', item);
    add('kind', item.kind, ItemKind.find(item.kind) ?? item.kind, item);
  }
  const sorted = (facet: Facet) => [...groups[facet].values()].sort((a, b) => a.key.localeCompare(b.key));
  const values = { round: sorted('round'), city: sorted('city'), industry: sorted('industry'), kind: sorted('kind') };
  cache.set(data, values);
  return values;
}
