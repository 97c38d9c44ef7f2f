/**
 * Everything the site shows, read once per build from the API in bulk pages (100 records a
 * request) and shared by every page: pages look records up here by slug, so getStaticPaths
 * carries only small props (shared STACK.md: large sites run out of memory otherwise).
 */
import { all, request, requestLog } from './api.ts';
import { enterpriseSlug, itemSlug, reportSlug, warningSlug } from './slug.ts';

export interface City { code: string; name: string; shortName: string }
export interface Stat { key: string | null; label: string | null; checked: number; failed: number; failureRate: number | null }
export interface BatchRef { id: string }

export interface Batch {
  id: string;
  kind: string;
  title: string;
  isSample: boolean;
  publishedAt: string | null;
  rowCount: number;
  byCity: Stat[];
  byCategory: Stat[];
  byCheckType: Stat[];
  /** yyyy-mm-dd in China */
  publishedOn: string | null;
  slug: string;
}

export interface NonconformingItem { seq: number; item: string; requirement: string | null; measured: string | null }
export interface CaseEvent { kind: string; label: string; occurredOn: string; outcome: string | null }
export interface CaseDeadline { step: string; article: string; startsOn: string; days: number; dueOn: string | null; calendarMissing: boolean; metOn: string | null; overdue: boolean }

export interface Failure {
  id: string;
  reportNo: string;
  checkType: string;
  taskName: string | null;
  productCategory: string;
  productName: string;
  trademark: string | null;
  modelSpec: string | null;
  productionBatch: string | null;
  productionDate: string | null;
  producerName: string | null;
  producerAddress: string | null;
  sampledUnitName: string | null;
  sampledUnitAddress: string | null;
  samplingStage: string | null;
  platform: string | null;
  sampledOn: string | null;
  samplingAgency: string | null;
  testingAgency: string;
  reportDate: string;
  conclusion: string;
  severity: string | null;
  mainProblem: string | null;
  version: number;
  city: City | null;
  certifiedItem: { id: string } | null;
  nonconformingItems: NonconformingItem[];
  events: CaseEvent[];
  deadlines: CaseDeadline[];
  status: { status: string; label: string; since: string; effectiveConclusion: string | null } | null;
  disclosure: { published: boolean; identityPublic: boolean; identityBasis: string | null; correction: boolean };
  warnings: { id: string }[];
  batch: BatchRef | null;
  slug: string;
}

export interface RevocationRef { id: string; decisionNo: string; decidedOn: string; groundLabel: string; logoStopsOn: string; reapplicationBarredUntil: string; reapplicationFrom: string }

export interface Item {
  id: string;
  round: number;
  roundYear: number;
  name: string;
  kind: string;
  trademark: string | null;
  standardNo: string | null;
  standardName: string | null;
  standardLevel: string | null;
  certifiedOn: string | null;
  certificateNo: string | null;
  seqNo: number | null;
  version: number;
  enterprise: { id: string } | null;
  industry: { code: string; name: string } | null;
  status: 'in_force' | 'revoked' | 'under_rectification';
  revocations: RevocationRef[];
  spotChecks: { id: string }[];
  logoAuthorisations: { basis: string; authorisedOn: string; validUntil: string | null }[];
  batch: BatchRef | null;
  slug: string;
}

export interface Enterprise {
  id: string;
  uscc: string | null;
  name: string;
  address: string | null;
  county: string | null;
  size: string | null;
  city: City | null;
  trademarks: string[];
  slug: string;
}

export interface Revocation extends RevocationRef {
  ground: string;
  groundText: string | null;
  facts: string | null;
  version: number;
  enterprise: { id: string; name: string; uscc: string | null } | null;
  items: { id: string; name: string }[];
  batch: BatchRef | null;
  slug: string;
}

export interface Warning {
  id: string;
  title: string;
  publishedOn: string;
  productCategory: string | null;
  risk: string;
  advice: string | null;
  version: number;
  spotChecks: { id: string }[];
  batch: BatchRef | null;
  slug: string;
}

export interface PublicCorrection {
  since: string;
  status: string;
  statusLabel: string;
  reason: string;
  spotCheck: Pick<Failure, 'id' | 'reportNo' | 'productCategory' | 'productName' | 'trademark' | 'modelSpec' | 'productionBatch' | 'reportDate'>;
}

export interface RecordCorrection {
  recordType: string;
  recordId: string;
  change: string;
  version: number | null;
  reason: string | null;
  at: string;
  batch: { id: string; title: string };
  record: { __typename: string; id: string } | null;
}

export interface Coverage {
  year: number;
  productsInForce: number;
  covered: number;
  gaps: { partYear: boolean; reason: string; certifiedItem: { id: string } }[];
}

export interface YearReport {
  year: number;
  byCity: Stat[];
  byCategory: Stat[];
  byCheckType: Stat[];
  coverage: Coverage;
  /** 年度自查报告 (000 Art. 9–10): how many enterprises per status */
  selfReports: { status: string }[];
  revocations: Revocation[];
  warnings: Warning[];
  itemsCertified: Item[];
}

export interface RoundFunnel { round: number; year: number; cultivationItems: number; cultivationEnterprises: number; standardsEvaluated: number; standardsPassed: number; certified: number }

export interface Summary { dataAsOf: string | null; containsSampleData: boolean; publishedBatches: number }

export interface HubData {
  summary: Summary;
  /** the build date in China: statuses ("in force", case status) are as of this day */
  today: string;
  batches: Batch[];
  latestBatch: Batch | null;
  failures: Failure[];
  items: Item[];
  enterprises: Enterprise[];
  revocations: Revocation[];
  warnings: Warning[];
  publicCorrections: PublicCorrection[];
  recordCorrections: RecordCorrection[];
  statsByYear: Stat[];
  statsByCity: Stat[];
  statsByCategory: Stat[];
  statsByCheckType: Stat[];
  funnels: RoundFunnel[];
  reports: YearReport[];
  /** lookups by API id */
  batchById: Map<string, Batch>;
  failureById: Map<string, Failure>;
  itemById: Map<string, Item>;
  enterpriseById: Map<string, Enterprise>;
  /** certified enterprises by name (a published producer's page, if it has one) */
  enterpriseByName: Map<string, Enterprise>;
  warningById: Map<string, Warning>;
  revocationById: Map<string, Revocation>;
  /** groupings by API id */
  itemsByEnterprise: Map<string, Item[]>;
  failuresByProducer: Map<string, Failure[]>;
  failuresByBatch: Map<string, Failure[]>;
  itemsByBatch: Map<string, Item[]>;
  revocationsByBatch: Map<string, Revocation[]>;
  warningsByBatch: Map<string, Warning[]>;
  requests: number;
  loadSeconds: number;
}

const PAGE = '$after: String';
const STAT = 'key label checked failed failureRate';

const SUMMARY_QUERY = `{ summary { dataAsOf containsSampleData publishedBatches } }`;

const BATCHES_QUERY = `query(${PAGE}) { batches(first: 100, after: $after) {
  pageInfo { hasNextPage endCursor }
  nodes { id kind title isSample publishedAt rowCount
    byCity: spotCheckStats(by: city) { ${STAT} }
    byCategory: spotCheckStats(by: productCategory) { ${STAT} }
    byCheckType: spotCheckStats(by: checkType) { ${STAT} } } } }`;

const FAILURES_QUERY = `query(${PAGE}, $from: LocalDate!, $to: LocalDate!) {
  spotChecks(first: 100, after: $after, sort: REPORT_DATE, direction: DESC, filter: { reportDateFrom: $from, reportDateTo: $to }) {
  pageInfo { hasNextPage endCursor }
  nodes { id reportNo checkType taskName productCategory productName trademark modelSpec productionBatch productionDate
    producerName producerAddress sampledUnitName sampledUnitAddress samplingStage platform sampledOn samplingAgency testingAgency
    reportDate conclusion severity mainProblem version
    city { code name shortName } certifiedItem { id }
    nonconformingItems { seq item requirement measured }
    events { kind label occurredOn outcome }
    deadlines { step article startsOn days dueOn calendarMissing metOn overdue }
    status { status label since effectiveConclusion }
    disclosure { published identityPublic identityBasis correction }
    warnings { id } batch { id } } } }`;

const REVOCATION_REF = 'id decisionNo decidedOn groundLabel logoStopsOn reapplicationBarredUntil reapplicationFrom';

const ITEMS_QUERY = `query(${PAGE}) { certifiedItems(first: 100, after: $after) {
  pageInfo { hasNextPage endCursor }
  nodes { id round roundYear name kind trademark standardNo standardName standardLevel certifiedOn certificateNo seqNo version
    enterprise { id } industry { code name } status
    revocations { ${REVOCATION_REF} }
    spotChecks { id }
    logoAuthorisations { basis authorisedOn validUntil }
    batch { id } } } }`;

const ENTERPRISES_QUERY = `query(${PAGE}) { enterprises(first: 100, after: $after, filter: { certified: true }) {
  pageInfo { hasNextPage endCursor }
  nodes { id uscc name address county size city { code name shortName } trademarks } } }`;

const REVOCATIONS_QUERY = `query(${PAGE}) { revocations(first: 100, after: $after) {
  pageInfo { hasNextPage endCursor }
  nodes { ${REVOCATION_REF} ground groundText facts version enterprise { id name uscc } items { id name } batch { id } } } }`;

const WARNINGS_QUERY = `query(${PAGE}) { consumerWarnings(first: 100, after: $after) {
  pageInfo { hasNextPage endCursor }
  nodes { id title publishedOn productCategory risk advice version spotChecks { id } batch { id } } } }`;

const PUBLIC_CORRECTIONS_QUERY = `query(${PAGE}) { publicCorrections(first: 100, after: $after) {
  pageInfo { hasNextPage endCursor }
  nodes { since status statusLabel reason
    spotCheck { id reportNo productCategory productName trademark modelSpec productionBatch reportDate } } } }`;

const RECORD_CORRECTIONS_QUERY = `query(${PAGE}) { recordCorrections(first: 100, after: $after) {
  pageInfo { hasNextPage endCursor }
  nodes { recordType recordId change version reason at batch { id title } record { __typename id } } } }`;

const STATS_QUERY = `{
  byYear: spotCheckStats(by: year) { ${STAT} }
  byCity: spotCheckStats(by: city) { ${STAT} }
  byCategory: spotCheckStats(by: productCategory) { ${STAT} }
  byCheckType: spotCheckStats(by: checkType) { ${STAT} }
  byMonth: spotCheckStats(by: month) { key checked }
  roundFunnels { round year cultivationItems cultivationEnterprises standardsEvaluated standardsPassed certified }
  revocationsPerYear { year count }
}`;

const YEAR_QUERY = `query($year: Int!, $from: LocalDate!, $to: LocalDate!) {
  byCity: spotCheckStats(by: city, filter: { reportDateFrom: $from, reportDateTo: $to }) { ${STAT} }
  byCategory: spotCheckStats(by: productCategory, filter: { reportDateFrom: $from, reportDateTo: $to }) { ${STAT} }
  byCheckType: spotCheckStats(by: checkType, filter: { reportDateFrom: $from, reportDateTo: $to }) { ${STAT} }
  coverage(year: $year) { year productsInForce covered gaps { partYear reason certifiedItem { id } } }
  selfReports(year: $year) { status }
}`;

/** yyyy-mm-dd in China for an instant */
export const chinaDate = (iso: string | Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));

/** Runs the tasks at most `width` at a time, results in task order. */
async function pooled<T>(tasks: (() => Promise<T>)[], width: number): Promise<T[]> {
  const out: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(width, tasks.length) }, async () => {
    while (next < tasks.length) {
      const i = next++;
      out[i] = await tasks[i]();
    }
  }));
  return out;
}

/**
 * The published failures, newest first, read month by month: every page of a connection also
 * counts its whole filtered list, so one list of 300,000 results paged 100 at a time would count
 * 300,000 rows per page. A month's window keeps each count small. Only months with published
 * results are read (a published failure is always counted in the statistics).
 */
async function loadFailures(months: { key: string | null; checked: number }[]): Promise<Omit<Failure, 'slug'>[]> {
  const windows = months.filter((m) => m.key && m.checked > 0).map((m) => m.key!).sort().reverse();
  const lastDay = (month: string) => {
    const [y, m] = month.split('-').map(Number);
    return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  };
  const pages = await pooled(windows.map((month) => () =>
    all<Omit<Failure, 'slug'>>(FAILURES_QUERY, 'spotChecks', { from: `${month}-01`, to: lastDay(month) })), 3);
  return pages.flat();
}

async function load(): Promise<HubData> {
  const started = performance.now();
  const before = requestLog.count;
  const stats = await request<{ byYear: Stat[]; byCity: Stat[]; byCategory: Stat[]; byCheckType: Stat[]; byMonth: Stat[];
    roundFunnels: RoundFunnel[]; revocationsPerYear: { year: number; count: number }[] }>(STATS_QUERY);
  const [summaryData, batchRows, failureRows, itemRows, enterpriseRows, revocationRows, warningRows, publicCorrections, recordCorrections] =
    await Promise.all([
      request<{ summary: Summary }>(SUMMARY_QUERY),
      all<Omit<Batch, 'slug' | 'publishedOn'>>(BATCHES_QUERY, 'batches'),
      loadFailures(stats.byMonth),
      all<Omit<Item, 'slug'>>(ITEMS_QUERY, 'certifiedItems'),
      all<Omit<Enterprise, 'slug'>>(ENTERPRISES_QUERY, 'enterprises'),
      all<Omit<Revocation, 'slug'>>(REVOCATIONS_QUERY, 'revocations'),
      all<Omit<Warning, 'slug'>>(WARNINGS_QUERY, 'consumerWarnings'),
      all<PublicCorrection>(PUBLIC_CORRECTIONS_QUERY, 'publicCorrections'),
      all<RecordCorrection>(RECORD_CORRECTIONS_QUERY, 'recordCorrections'),
    ]);

  const batches = batchRows.map((b) => ({ ...b, publishedOn: b.publishedAt ? chinaDate(b.publishedAt) : null, slug: b.id }));
  const failures = failureRows.map((f) => ({ ...f, slug: reportSlug(f.reportNo) }));
  const items = itemRows.map((i) => ({ ...i, slug: itemSlug(i) }));
  const enterprises = enterpriseRows.map((e) => ({ ...e, slug: enterpriseSlug(e) }));
  const revocations = revocationRows.map((r) => ({ ...r, slug: reportSlug(r.decisionNo) }));
  const warnings = warningRows.map((w) => ({ ...w, slug: warningSlug(w) }));
  const today = chinaDate(new Date());

  // one annual report per year with results, certifications or revocations, up to this year
  const thisYear = Number(today.slice(0, 4));
  const years = new Set<number>();
  for (const s of stats.byYear) if (s.key) years.add(Number(s.key));
  for (const r of stats.revocationsPerYear) years.add(r.year);
  for (const i of items) years.add(i.certifiedOn ? Number(i.certifiedOn.slice(0, 4)) : i.roundYear);
  const reportYears = [...years].filter((y) => y <= thisYear).sort((a, b) => b - a);
  const reports: YearReport[] = [];
  for (const year of reportYears) {
    const y = await request<{ byCity: Stat[]; byCategory: Stat[]; byCheckType: Stat[]; coverage: Coverage; selfReports: { status: string }[] }>(YEAR_QUERY, {
      year, from: `${year}-01-01`, to: `${year}-12-31`,
    });
    reports.push({
      year, ...y,
      revocations: revocations.filter((r) => r.decidedOn.startsWith(String(year))),
      warnings: warnings.filter((w) => w.publishedOn.startsWith(String(year))),
      itemsCertified: items.filter((i) => (i.certifiedOn ?? String(i.roundYear)).startsWith(String(year))),
    });
  }

  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
  const enterpriseByName = new Map(enterprises.map((e) => [e.name, e]));
  const groupBy = <T,>(rows: T[], keyOf: (row: T) => string | undefined | null) => {
    const m = new Map<string, T[]>();
    for (const r of rows) {
      const k = keyOf(r);
      if (k == null) continue;
      if (!m.has(k)) m.set(k, []);
      m.get(k)!.push(r);
    }
    return m;
  };
  return {
    summary: summaryData.summary,
    today,
    batches,
    latestBatch: batches[0] ?? null,
    failures,
    items,
    enterprises,
    revocations,
    warnings,
    publicCorrections,
    recordCorrections,
    statsByYear: stats.byYear,
    statsByCity: stats.byCity,
    statsByCategory: stats.byCategory,
    statsByCheckType: stats.byCheckType,
    funnels: stats.roundFunnels,
    reports,
    batchById: byId(batches),
    failureById: byId(failures),
    itemById: byId(items),
    enterpriseById: byId(enterprises),
    enterpriseByName,
    warningById: byId(warnings),
    revocationById: byId(revocations),
    itemsByEnterprise: groupBy(items, (i) => i.enterprise?.id),
    // Only where the producer may be named (Art. 27(4)); the API nulls the name otherwise. By
    // name, not through SpotCheck.producer: resolving that relation for tens of thousands of
    // results costs the API a visibility check each, and only certified enterprises have pages.
    failuresByProducer: groupBy(failures, (f) => (f.disclosure.identityPublic && f.producerName ? enterpriseByName.get(f.producerName)?.id : null)),
    failuresByBatch: groupBy(failures, (f) => f.batch?.id),
    itemsByBatch: groupBy(items, (i) => i.batch?.id),
    revocationsByBatch: groupBy(revocations, (r) => r.batch?.id),
    warningsByBatch: groupBy(warnings, (w) => w.batch?.id),
    requests: requestLog.count - before,
    loadSeconds: (performance.now() - started) / 1000,
  };
}

let loaded: Promise<HubData> | undefined;

/** The build's data, read from the API on first use. */
export function hubData(): Promise<HubData> {
  loaded ??= load().then((data) => {
    console.log(`[hub] read ${data.failures.length} failed results, ${data.items.length} certified items, ` +
      `${data.enterprises.length} enterprises, ${data.batches.length} batches in ${data.requests} API requests (${data.loadSeconds.toFixed(1)} s)`);
    return data;
  });
  return loaded;
}
