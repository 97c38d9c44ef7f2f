/**
 * Static lists people can use without a script (issue 15 §3): a list paged at PER_PAGE rows,
 * filtered by one facet at a time, sorted by a few orders — each combination a page of its own:
 *
 *   <base>                    page 1, default order      <base>page/<n>/
 *   <base>sort/<order>/       page 1 in another order    <base>sort/<order>/<n>/
 *   <base><facet>/<key>/      one facet value, page 1    <base><facet>/<key>/<n>/
 *
 * Filters and orders are not combined: that would multiply the pages by the orders for every
 * facet value, and a facet page is short enough to scan.
 */
/** rows per list page: 50 keeps a phone page short; HUB_LIST_PAGE changes it (the tests page a small fixture) */
export const PER_PAGE = Number(process.env.HUB_LIST_PAGE) > 0 ? Number(process.env.HUB_LIST_PAGE) : 50;

export interface FacetValue<T> {
  key: string;
  label: string;
  rows: T[];
}
export interface ListFacet<T> {
  facet: string;
  label: string;
  values: FacetValue<T>[];
}
export interface ListSort<T> {
  key: string;
  label: string;
  /** method syntax: a list of one kind passes where any list is drawn (ListNav) */
  compare?(a: T, b: T): number;
}
export interface ListPage<T> {
  /** site path of this page */
  path: string;
  /** the path of this list's page n (same filter or order) */
  pathOf: (page: number) => string;
  rows: T[];
  /** 1-based */
  page: number;
  pages: number;
  /** rows before this page */
  offset: number;
  total: number;
  facet?: { facet: string; label: string; key: string; value: string };
  /** the order, when not the default */
  sort?: ListSort<T>;
}

/** Groups rows into facet values; a row may fall in several values of one facet (keys). */
export function facetOf<T>(
  facet: string,
  label: string,
  rows: T[],
  keysOf: (row: T) => ({ key: string; label: string } | null | undefined)[],
) {
  const values = new Map<string, FacetValue<T>>();
  for (const row of rows) {
    const seen = new Set<string>();
    for (const k of keysOf(row)) {
      if (!k?.key || seen.has(k.key)) continue;
      seen.add(k.key);
      if (!values.has(k.key)) values.set(k.key, { key: k.key, label: k.label, rows: [] });
      values.get(k.key)!.rows.push(row);
    }
  }
  return { facet, label, values: [...values.values()].sort((a, b) => a.key.localeCompare(b.key)) } satisfies ListFacet<T>;
}

function paged<T>(rows: T[], base: string, extra: Omit<ListPage<T>, 'path' | 'pathOf' | 'rows' | 'page' | 'pages' | 'offset' | 'total'>) {
  const pages = Math.max(1, Math.ceil(rows.length / PER_PAGE));
  const pathOf = (page: number) => (page === 1 ? base : `${base}${page}/`);
  return Array.from({ length: pages }, (_, i) => ({
    ...extra,
    path: pathOf(i + 1),
    pathOf,
    rows: rows.slice(i * PER_PAGE, (i + 1) * PER_PAGE),
    page: i + 1,
    pages,
    offset: i * PER_PAGE,
    total: rows.length,
  }));
}

/** Every page of a list: the plain list, its other orders, its facet values. */
export function listPages<T>(base: string, rows: T[], facets: ListFacet<T>[], sorts: ListSort<T>[]): ListPage<T>[] {
  const out: ListPage<T>[] = [];
  // page 1 of the plain list is <base>; its page n is <base>page/<n>/
  const plain = paged(rows, `${base}page/`, {});
  plain[0].path = base;
  const plainPath = plain[0].pathOf;
  for (const p of plain) p.pathOf = (n) => (n === 1 ? base : plainPath(n));
  out.push(...plain);
  for (const sort of sorts) {
    if (!sort.compare) continue;
    out.push(...paged([...rows].sort(sort.compare), `${base}sort/${sort.key}/`, { sort }));
  }
  for (const f of facets)
    for (const v of f.values)
      out.push(...paged(v.rows, `${base}${f.facet}/${v.key}/`, { facet: { facet: f.facet, label: f.label, key: v.key, value: v.label } }));
  return out;
}
