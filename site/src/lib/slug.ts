import { createHash } from 'node:crypto';

/**
 * URL path segments from the records' own keys, stable across rebuilds (media link to them):
 * a key that is already URL-safe ASCII is used as it is; any other (Chinese characters,
 * slashes, brackets) becomes its ASCII part plus a short hash of the whole key, so two keys
 * never share a URL.
 */
const SAFE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;

const hash8 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 8);

export function keySlug(key: string): string {
  const trimmed = key.trim();
  if (SAFE.test(trimmed) && !trimmed.endsWith('.')) return trimmed;
  const ascii = trimmed
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return ascii ? `${ascii}-${hash8(trimmed)}` : hash8(trimmed);
}

export const reportSlug = (reportNo: string) => keySlug(reportNo);
export const itemSlug = (i: { id: string; certificateNo: string | null }) => (i.certificateNo ? keySlug(i.certificateNo) : `i-${i.id}`);
export const enterpriseSlug = (e: { id: string; uscc: string | null }) => (e.uscc ? keySlug(e.uscc) : `e-${e.id}`);
export const warningSlug = (w: { id: string; publishedOn: string }) => `${w.publishedOn}-${hash8(w.id)}`;

/** the all-failures list: rows per page (a page stays light on a phone) */
export const FAILURES_PER_PAGE = 200;

/** Site paths: one place, so a link and its page cannot disagree. */
export const paths = {
  home: '/',
  certified: '/certified/',
  certifiedBy: (facet: 'round' | 'city' | 'industry' | 'kind' | 'status', key: string | number) => `/certified/${facet}/${key}/`,
  item: (slug: string) => `/certified/item/${slug}/`,
  enterprises: '/enterprises/',
  enterprise: (slug: string) => `/enterprises/${slug}/`,
  spotChecks: '/spot-checks/',
  failures: (page = 1) => (page === 1 ? '/spot-checks/failures/' : `/spot-checks/failures/${page}/`),
  batch: (slug: string) => `/batches/${slug}/`,
  batches: '/batches/',
  result: (slug: string) => `/spot-checks/result/${slug}/`,
  revocations: '/revocations/',
  revocation: (slug: string) => `/revocations/${slug}/`,
  warnings: '/warnings/',
  warning: (slug: string) => `/warnings/${slug}/`,
  corrections: '/corrections/',
  reports: '/reports/',
  report: (year: number) => `/reports/${year}/`,
  search: '/search/',
  check: '/check/',
  openData: '/open-data/',
  feeds: '/feeds/',
  apiPage: '/api/',
  about: '/about/',
  /** 数据状态: the site-wide facts record pages do not show (data as of, latest batch, build day) */
  status: '/status/',
  /** 这个标识还有效吗: the lookup list, and a certificate's or a self-declaration's page */
  logos: '/logo/',
  logo: (slug: string) => `/logo/${slug}/`,
} as const;
