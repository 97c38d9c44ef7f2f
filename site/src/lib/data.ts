/**
 * Everything the site shows, read once per build from the API in bulk pages (100 records a
 * request) and shared by every page: pages look records up here by slug, so getStaticPaths
 * carries only small props (docs/sources/stack-notes.md: large sites run out of memory otherwise).
 * Each kind of record has its module in records/ (its query beside it, records/*.graphql; its
 * type generated from the contract into src/gql/).
 */
import { requestLog } from './api.ts';
import { chinaDate } from './format.ts';
import { loadBatches, type Batch } from './records/batch.ts';
import { loadItems, type Item } from './records/certified-item.ts';
import { loadPublicCorrections, loadRecordCorrections, type PublicCorrection, type RecordCorrection } from './records/correction.ts';
import { loadEnterprises, type Enterprise } from './records/enterprise.ts';
import { loadLogos, logoSubjects, type Logo, type LogoSubject } from './records/logo.ts';
import { loadRevocations, type Revocation } from './records/revocation.ts';
import { loadFailures, type Failure } from './records/spot-check.ts';
import {
  loadStatistics,
  loadSummary,
  loadYearFigures,
  type RoundFunnel,
  type Stat,
  type Summary,
  type YearFigures,
} from './records/stats.ts';
import { loadWarnings, type Warning } from './records/warning.ts';

export type {
  Batch,
  Enterprise,
  Failure,
  Item,
  Logo,
  LogoSubject,
  PublicCorrection,
  RecordCorrection,
  Revocation,
  RoundFunnel,
  Stat,
  Summary,
  Warning,
};

export interface YearReport extends YearFigures {
  year: number;
  revocations: Revocation[];
  warnings: Warning[];
  itemsCertified: Item[];
}

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
  /** 这个标识还有效吗: a page per certificate and per enterprise's self-declarations (records/logo.ts) */
  logoSubjects: LogoSubject[];
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
  logoSubjectBySlug: Map<string, LogoSubject>;
  /** the logo page of a certified item, by the item's API id */
  logoSubjectByItem: Map<string, LogoSubject>;
  /** the 长江质量奖 self-declaration page of an enterprise, by the enterprise's API id */
  selfDeclarationByEnterprise: Map<string, LogoSubject>;
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

async function load(): Promise<HubData> {
  const started = performance.now();
  const before = requestLog.count;
  const stats = await loadStatistics();
  const [summary, batches, failures, items, enterprises, revocations, warnings, publicCorrections, recordCorrections, logos] =
    await Promise.all([
      loadSummary(),
      loadBatches(),
      loadFailures(stats.byMonth),
      loadItems(),
      loadEnterprises(),
      loadRevocations(),
      loadWarnings(),
      loadPublicCorrections(),
      loadRecordCorrections(),
      loadLogos(),
    ]);
  // the hub's day when it builds (its clock, HUB_TODAY), else the date in China
  const today = process.env.HUB_TODAY || chinaDate(new Date());

  // one annual report per year with results, certifications or revocations, up to this year
  const thisYear = Number(today.slice(0, 4));
  const years = new Set<number>();
  for (const s of stats.byYear) if (s.key) years.add(Number(s.key));
  for (const r of stats.revocationsPerYear) years.add(r.year);
  for (const i of items) years.add(i.certifiedOn ? Number(i.certifiedOn.slice(0, 4)) : i.roundYear);
  const reportYears = [...years].filter((y) => y <= thisYear).sort((a, b) => b - a);
  const reports: YearReport[] = [];
  for (const year of reportYears) {
    reports.push({
      year,
      ...(await loadYearFigures(year)),
      revocations: revocations.filter((r) => r.decidedOn.startsWith(String(year))),
      warnings: warnings.filter((w) => w.publishedOn.startsWith(String(year))),
      itemsCertified: items.filter((i) => (i.certifiedOn ?? String(i.roundYear)).startsWith(String(year))),
    });
  }

  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
  const enterpriseByName = new Map(enterprises.map((e) => [e.name, e]));
  const enterpriseById = byId(enterprises);
  const subjects = logoSubjects(logos, items, (id) => enterpriseById.get(id));
  const groupBy = <T>(rows: T[], keyOf: (row: T) => string | undefined | null) => {
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
    summary,
    today,
    batches,
    latestBatch: batches[0] ?? null,
    failures,
    items,
    enterprises,
    revocations,
    warnings,
    logoSubjects: subjects,
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
    enterpriseById,
    enterpriseByName,
    warningById: byId(warnings),
    revocationById: byId(revocations),
    logoSubjectBySlug: new Map(subjects.map((l) => [l.slug, l])),
    logoSubjectByItem: new Map(subjects.filter((l) => l.itemId).map((l) => [l.itemId!, l])),
    selfDeclarationByEnterprise: new Map(subjects.filter((l) => !l.itemId && l.enterprise).map((l) => [l.enterprise!.id, l])),
    itemsByEnterprise: groupBy(items, (i) => i.enterprise?.id),
    // Only where the producer may be named (Art. 27(4)); the API nulls the name otherwise. By
    // name, not through SpotCheck.producer: resolving that relation for tens of thousands of
    // results costs the API a visibility check each, and only certified enterprises have pages.
    failuresByProducer: groupBy(failures, (f) =>
      f.disclosure.identityPublic && f.producerName ? enterpriseByName.get(f.producerName)?.id : null,
    ),
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
    console.log(
      `[hub] read ${data.failures.length} failed results, ${data.items.length} certified items, ` +
        `${data.enterprises.length} enterprises, ${data.batches.length} batches in ${data.requests} API requests (${data.loadSeconds.toFixed(1)} s)`,
    );
    return data;
  });
  return loaded;
}
