/**
 * The SQL of every repository method, as committed files (`pnpm sql:write` → api/sql/): the
 * visibility clauses are assembled at run time, so a change in what a query reads or who it
 * shows it to appears in review as a change of these files. A test fails while they differ.
 *
 * Each method runs with example arguments against a Queryable that records the statements and
 * answers no rows — no database is needed — once for an anonymous client and once for a bureau
 * token; the file names the method and the viewer, once when both get the same SQL.
 * `Examples<R>` lists every public method of a repository, so a new method without an example
 * does not type-check.
 */
import { fileURLToPath } from 'node:url';
import type { Queryable } from '@hub/db';
import { SpotCheckSort, StatsDimension, SortDirection, type CertificationStatus } from '@hub/schema';
import { TokenRepository } from '../access/access.repository.ts';
import type { Viewer } from '../access/access.service.ts';
import { BatchRepository } from '../batch/batch.repository.ts';
import { CertificationRepository } from '../certification/certification.repository.ts';
import { CorrectionRepository } from '../correction/correction.repository.ts';
import { DynamicManagementRepository } from '../dynamic-management/dynamic-management.repository.ts';
import { EnterpriseRepository } from '../enterprise/enterprise.repository.ts';
import { LogoRepository } from '../logo/logo.repository.ts';
import { MetadataRepository } from '../metadata/metadata.repository.ts';
import { ReferenceRepository } from '../reference/reference.repository.ts';
import { RegistryRepository } from '../registry/registry.repository.ts';
import { RevocationRepository } from '../revocation/revocation.repository.ts';
import { SpotCheckRepository } from '../spot-check/spot-check.repository.ts';
import { StatsRepository } from '../stats/stats.repository.ts';
import { SummaryRepository } from '../summary/summary.repository.ts';
import { WarningRepository } from '../warning/warning.repository.ts';

export const SQL_DIR = fileURLToPath(new URL('../../sql/', import.meta.url));

/** "today" in the files: any fixed date keeps them stable */
const TODAY = '2026-01-15';
const VIEWERS: Record<string, Viewer> = { anonymous: { bureau: false }, bureau: { bureau: true, tokenName: 'bureau' } };

type Call<R> = (repository: R) => Promise<unknown>;
type Method<R> = { [K in keyof R]: R[K] extends (...args: any[]) => Promise<unknown> ? K : never }[keyof R];
/** An example call of each public method; several, by name, where the SQL depends on the arguments. */
type Examples<R> = { [K in Method<R>]: Call<R> | Record<string, Call<R>> };

interface Entry<R> {
  /** api/src/<feature>/<file>.ts → api/sql/<file>.sql */
  file: string;
  create(db: Queryable, viewer: Viewer, today: string): R;
  examples: Examples<R>;
}

const entry = <R>(file: string, create: Entry<R>['create'], examples: Examples<R>): Entry<R> => ({ file, create, examples });
const make =
  <R>(Repository: new (db: Queryable, viewer: Viewer, today: string) => R) =>
  (db: Queryable, viewer: Viewer, today: string) =>
    new Repository(db, viewer, today);

const PAGE = { first: 20 };
const NEXT_PAGE = { first: 20, after: Buffer.from(JSON.stringify(['2025-12-01', 42])).toString('base64url') };
/** the next page of a list sorted by an integer (a date cursor there is refused as forged) */
const NEXT_PAGE_BY_NUMBER = { first: 20, after: Buffer.from(JSON.stringify([100001, 42])).toString('base64url') };

export const CATALOG: Entry<any>[] = [
  entry('access.repository', (db) => new TokenRepository(db), {
    use: (r) => r.use('(sha256 of the token)'),
    exists: (r) => r.exists('质量处'),
    create: (r) => r.create('质量处', '(sha256 of the token)', new Date('2027-12-01T00:00:00Z')),
    list: (r) => r.list(),
    revoke: (r) => r.revoke('质量处'),
  }),
  entry('batch.repository', make(BatchRepository), {
    list: { 'every batch': (r) => r.list(PAGE), 'by status': (r) => r.list({ ...PAGE, status: 'draft' }) },
    changes: (r) => r.changes({ ...PAGE, since: new Date('2026-01-01T00:00:00Z') }),
    byId: (r) => r.byId(1),
    introducing: (r) => r.introducing('spot_check', 1),
    recordNumber: (r) => r.recordNumber('revocation', '1'),
  }),
  entry('certification.repository', make(CertificationRepository), {
    list: {
      'first page': (r) => r.list(PAGE),
      'every filter, next page': (r) =>
        r.list({
          ...NEXT_PAGE_BY_NUMBER,
          filter: {
            round: 1,
            city: '武汉',
            industry: '15',
            kind: 'product',
            status: 'in_force' as CertificationStatus,
            asOf: '2025-12-31',
            uscc: '91420100MA4K0000X0',
            text: '白酒',
          },
        }),
    },
    byCertificateNo: (r) => r.byCertificateNo('HBJP-2023-0001'),
    byId: (r) => r.byId(1),
    byEnterprise: (r) => r.byEnterprise(1),
    byRevocation: (r) => r.byRevocation(1),
    status: (r) => r.status(1, '2025-12-31'),
  }),
  entry('correction.repository', make(CorrectionRepository), {
    publicCorrections: (r) => r.publicCorrections(PAGE),
    recordCorrections: (r) => r.recordCorrections(PAGE),
  }),
  entry('dynamic-management.repository', make(DynamicManagementRepository), {
    checksOfCertifiedItems: (r) => r.checksOfCertifiedItems('2025-12-31'),
    checksOfProducer: (r) => r.checksOfProducer('2025-12-31', 1),
    certifiedItems: (r) => r.certifiedItems('2025-12-31'),
    rectificationNotices: (r) => r.rectificationNotices('2025-12-31'),
    selfReports: (r) => r.selfReports(2025, '2025-10-31', '2025-11-15'),
    revocationsOf: (r) => r.revocationsOf(1),
    notices: { 'every notice': (r) => r.notices(PAGE), 'of a year': (r) => r.notices({ ...PAGE, year: 2025 }) },
  }),
  entry('enterprise.repository', make(EnterpriseRepository), {
    list: {
      'first page': (r) => r.list(PAGE),
      'every filter': (r) => r.list({ ...PAGE, filter: { city: '420100', uscc: '91420100MA4K0000X0', text: '酒业', certified: true } }),
    },
    byUscc: (r) => r.byUscc('91420100MA4K0000X0'),
    idByUsccForBureau: (r) => r.idByUsccForBureau('91420100MA4K0000X0'),
    byId: (r) => r.byId(1),
    trademarks: (r) => r.trademarks(1),
  }),
  entry('logo.repository', make(LogoRepository), {
    list: {
      'first page': (r) => r.list(PAGE),
      'every filter, next page': (r) =>
        r.list({ ...NEXT_PAGE, basis: 'yangtze_award', uscc: '91420100MA4K0000X0', certificateNo: 'HBJP-2023-0001' }),
    },
    byId: (r) => r.byId(1),
    byCertifiedItem: (r) => r.byCertifiedItem(1),
    byEnterprise: (r) => r.byEnterprise(1),
  }),
  entry('metadata.repository', make(MetadataRepository), {
    current: (r) => r.current(),
  }),
  entry('reference.repository', make(ReferenceRepository), {
    cities: (r) => r.cities(),
    industries: (r) => r.industries(),
    industryNames: (r) => r.industryNames(),
    city: (r) => r.city('420100'),
    industry: (r) => r.industry('1512'),
    industriesByCode: (r) => r.industriesByCode(['1512', '3831']),
  }),
  entry('registry.repository', make(RegistryRepository), {
    cultivationEntries: {
      'every year': (r) => r.cultivationEntries(PAGE),
      'of a year': (r) => r.cultivationEntries({ ...PAGE, year: 2025 }),
    },
    standardEvaluations: {
      'every year': (r) => r.standardEvaluations(PAGE),
      'of a year': (r) => r.standardEvaluations({ ...PAGE, year: 2025 }),
    },
    roundFunnels: (r) => r.roundFunnels(),
    cultivationEntry: (r) => r.cultivationEntry(1),
    standardEvaluation: (r) => r.standardEvaluation(1),
    cultivationByEnterprise: (r) => r.cultivationByEnterprise(1),
    evaluationsByEnterprise: (r) => r.evaluationsByEnterprise(1),
  }),
  entry('revocation.repository', make(RevocationRepository), {
    list: { 'every year': (r) => r.list(PAGE), 'of a year': (r) => r.list({ ...PAGE, year: 2025 }) },
    byId: (r) => r.byId(1),
    byCertifiedItem: (r) => r.byCertifiedItem(1),
    byEnterprise: (r) => r.byEnterprise(1),
    concerningLogo: (r) => r.concerningLogo(1),
  }),
  entry('spot-check.repository', make(SpotCheckRepository), {
    list: {
      'first page': (r) => r.list({ ...PAGE, sort: SpotCheckSort.REPORT_DATE, direction: SortDirection.DESC }),
      'every filter, next page': (r) =>
        r.list({
          ...NEXT_PAGE,
          sort: SpotCheckSort.REPORT_DATE,
          direction: SortDirection.DESC,
          filter: {
            checkTypes: ['provincial', 'city'],
            conclusion: 'fail',
            severity: 'serious',
            city: '武汉',
            productCategory: '电动自行车',
            reportDateFrom: '2025-01-01',
            reportDateTo: '2025-12-31',
            reportNo: 'SC2025-001',
            producerUscc: '91420100MA4K0000X0',
            status: 'final',
            asOf: '2025-12-31',
            certifiedOnly: true,
            text: '电热水壶',
          },
        }),
      'by report number, backwards': (r) => r.list({ last: 10, sort: SpotCheckSort.REPORT_NO, direction: SortDirection.ASC }),
    },
    byReportNo: (r) => r.byReportNo('SC2025-001'),
    byId: (r) => r.byId(1),
    byCertifiedItem: (r) => r.byCertifiedItem(1),
    byProducer: (r) => r.byProducer(1),
    byWarning: (r) => r.byWarning(1),
    events: (r) => r.events(1),
    deadlines: (r) => r.deadlines(1),
    period: (r) => r.period(1, '2025-12-31'),
  }),
  entry('stats.repository', make(StatsRepository), {
    spotCheckStats: {
      'by city': (r) => r.spotCheckStats(StatsDimension.city),
      'by industry, filtered': (r) =>
        r.spotCheckStats(StatsDimension.industry, { city: '420100', reportNo: 'SC2025-001', text: '电热水壶' }),
    },
    statistics: (r) => r.statistics([StatsDimension.city, StatsDimension.year]),
    fullCount: {
      'city × year': (r) => r.fullCount([StatsDimension.city, StatsDimension.year], { reportDateFrom: '2025-01-01' }),
      'by size and item, certified, one producer': (r) =>
        r.fullCount([StatsDimension.enterpriseSize, StatsDimension.nonconformingItem], { certifiedOnly: true, producerUscc: 'X' }),
    },
    fromAggregate: {
      'city × year, check types, a year': (r) =>
        r.fromAggregate([StatsDimension.city, StatsDimension.year], {
          checkTypes: ['provincial'],
          reportDateFrom: '2025-01-01',
          reportDateTo: '2025-12-31',
        }),
      'category, by a city': (r) => r.fromAggregate([StatsDimension.productCategory], { city: '420100' }),
      'industry × size, status, certified': (r) =>
        r.fromAggregate([StatsDimension.industry, StatsDimension.enterpriseSize], { status: 'final', certifiedOnly: true }),
      'by item': (r) => r.fromAggregate([StatsDimension.nonconformingItem], { severity: 'serious' }),
    },
    byBatch: (r) => r.byBatch(1, StatsDimension.month),
    revocationsPerYear: (r) => r.revocationsPerYear(),
    warningsPerYear: (r) => r.warningsPerYear(),
  }),
  entry('summary.repository', make(SummaryRepository), {
    summary: (r) => r.summary(),
    ping: (r) => r.ping(),
  }),
  entry('warning.repository', make(WarningRepository), {
    list: { 'every year': (r) => r.list(PAGE), 'of a year': (r) => r.list({ ...PAGE, year: 2025 }) },
    byId: (r) => r.byId(1),
    bySpotCheck: (r) => r.bySpotCheck(1),
  }),
];

interface Statement {
  text: string;
  params: readonly unknown[];
}

/** Records what is sent; answers no rows (a count, 0). */
class RecordingQueryable implements Queryable {
  readonly sent: Statement[] = [];
  get statements() {
    return this.sent.length;
  }
  async query<T>(text: string, params: readonly unknown[] = []): Promise<T[]> {
    this.sent.push({ text, params });
    return (/^\s*SELECT count\(\*\) AS n\b/.test(text) ? [{ n: 0 }] : []) as T[];
  }
  async execute(text: string, params: readonly unknown[] = []): Promise<number> {
    this.sent.push({ text, params });
    return 0;
  }
  async copyFrom(statement: string): Promise<number> {
    this.sent.push({ text: statement, params: [] });
    return 0;
  }
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return work(this);
  }
}

async function record(create: Entry<unknown>['create'], viewer: Viewer, call: Call<unknown>): Promise<Statement[]> {
  const db = new RecordingQueryable();
  let result: unknown;
  try {
    result = await call(create(db, viewer, TODAY));
  } catch {
    // a method that reads what its first statement returned stops there: that statement is recorded
  }
  // a page counts its rows only when asked: ask
  if (result && typeof result === 'object' && 'totalCount' in result) await (result as { totalCount: unknown }).totalCount;
  return db.sent;
}

/** A statement as written in its file: formatted by sql-formatter (as Immich writes its own), with its parameters. */
function formatStatement({ text, params }: Statement, format: (sql: string) => string): string {
  return `${params.length ? `-- params: ${JSON.stringify(params)}\n` : ''}${format(text)};`;
}

const sameStatements = (a: Statement[], b: Statement[]) => JSON.stringify(a) === JSON.stringify(b);

/** The committed files' contents: api/sql/<repository file>.sql. */
export async function repositorySql(): Promise<{ file: string; text: string }[]> {
  // loaded here, not with the API: only `pnpm sql:write` and its drift test format SQL
  const { format: formatSql } = await import('sql-formatter');
  const format = (sql: string) => formatSql(sql, { language: 'postgresql' });
  const files: { file: string; text: string }[] = [];
  for (const { file, create, examples } of CATALOG) {
    const className = (create(new RecordingQueryable(), VIEWERS.anonymous, TODAY) as object).constructor.name;
    const parts = [
      `-- The SQL of ${className} (api/src/*/${file}.ts), written by \`pnpm sql:write\`: do not edit.`,
      `-- Each statement runs with the parameters shown; "today" is ${TODAY}.`,
    ];
    for (const [method, example] of Object.entries(examples as Record<string, Call<unknown> | Record<string, Call<unknown>>>)) {
      const calls = typeof example === 'function' ? { '': example } : example;
      for (const [name, call] of Object.entries(calls)) {
        const title = `${className}.${method}${name ? ` (${name})` : ''}`;
        const byViewer = await Promise.all(
          Object.entries(VIEWERS).map(async ([viewer, v]) => [viewer, await record(create, v, call)] as const),
        );
        const variants = sameStatements(byViewer[0][1], byViewer[1][1]) ? [['any viewer', byViewer[0][1]] as const] : byViewer;
        for (const [viewer, statements] of variants) {
          const sql = statements.length ? statements.map((st) => formatStatement(st, format)).join('\n\n') : '-- (no statement)';
          parts.push('', `-- ${title} — ${viewer}`, sql);
        }
      }
    }
    files.push({ file: `${file}.sql`, text: parts.join('\n') + '\n' });
  }
  return files;
}
