import pg from 'pg';
import { columns, tableName, type EntityClass, type PropertyOf } from '../columns.ts';
import {
  Batch as BatchEntity,
  CaseEvent,
  CertifiedItem,
  ConsumerWarning,
  CultivationEntry,
  Enterprise,
  LogoAuthorisation,
  NonconformingItem,
  RectificationNotice,
  Revocation,
  SelfReport,
  SpotCheck,
  StandardEvaluation,
  Trademark,
} from '../entities/index.ts';
import { dayNumber, fromDayNumber, isPlainDate, toDayNumber, yearOf, type DayNumber } from '../plain-date.ts';
import type { BatchKind } from '../vocabulary.ts';
import { EnterpriseFactory, type Ent } from './enterprises.ts';
import { FIRST_YEAR, SIZES, scheduleFollowUpBatches, scheduleSpotCheckBatches, weekdayOnOrAfter, type BatchPlan } from './plan.ts';
import { Random } from './random.ts';
import { FUNNEL_2023, groundText, planRegistry, roundName, type NoticePlan, type Registry } from './registry.ts';
import { SpotCheckGenerator, type CheckRow, type EventRow } from './spot-checks.ts';
import { planWarnings } from './warnings.ts';
import { Pipeline, TableWriter } from './writer.ts';

/**
 * 示例数据: a deterministic, clearly labelled sample of the hub's data — registries, spot checks
 * with their follow-up, dynamic management, revocations and consumer warnings — written straight
 * into an empty, migrated database in one transaction. See README.md in this folder.
 */

export type SampleSize = keyof typeof SIZES;

export interface LoadSampleOptions {
  size: SampleSize;
  /** the PRNG seed: the same seed, size and as-of date give the same rows (default 2026) */
  seed?: number;
  /** 'YYYY-MM-DD': nothing is dated after it (default 2026-11-20) */
  asOf?: string;
  /** called after each batch, and for the final steps */
  onProgress?: (message: string, done: number, total: number) => void;
}

/** Rows written per table. */
export type SampleCounts = Record<
  | 'batch'
  | 'enterprise'
  | 'trademark'
  | 'cultivation_entry'
  | 'standard_evaluation'
  | 'certified_item'
  | 'logo_authorisation'
  | 'spot_check'
  | 'nonconforming_item'
  | 'case_event'
  | 'self_report'
  | 'rectification_notice'
  | 'revocation'
  | 'revocation_item'
  | 'consumer_warning'
  | 'warning_spot_check',
  number
>;

export interface SampleBatch {
  id: number;
  kind: BatchKind;
  title: string;
  /** 'YYYY-MM-DD' */
  publishedOn: string;
  rowCount: number;
}

export interface SampleSummary {
  size: SampleSize;
  seed: number;
  asOf: string;
  counts: SampleCounts;
  /** every batch written, in id order (all is_sample, titled 示例数据：…) */
  batches: SampleBatch[];
}

export const DEFAULT_SEED = 2026;
export const DEFAULT_AS_OF = '2026-11-20';
const EARLIEST_AS_OF = '2022-03-01';
const LATEST_AS_OF = '2035-12-31';

/** Tables loaded in bulk: their plain indexes and foreign keys are rebuilt once at the end. */
const BULK_TABLES = ['spot_check', 'nonconforming_item', 'case_event'];
/**
 * Indexes on a column that only grows as rows are written (batches and results are written in id
 * order) stay in place: every new entry goes to the right-most page, which costs about as little as
 * building the index afterwards.
 */
const ASCENDING_KEYS = ['spot_check.batch_id', 'nonconforming_item.batch_id', 'nonconforming_item.spot_check_id', 'case_event.batch_id'];

export async function loadSample(url: string, options: LoadSampleOptions): Promise<SampleSummary> {
  const size = SIZES[options.size];
  if (!size) throw new Error(`loadSample: size must be one of ${Object.keys(SIZES).join(', ')}, not "${options.size}"`);
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new Error(`loadSample: seed must be an integer from 0 to 4294967295, not ${seed}`);
  const asOfText = options.asOf ?? DEFAULT_AS_OF;
  if (!isPlainDate(asOfText)) throw new Error(`loadSample: asOf is not a calendar date (YYYY-MM-DD): ${asOfText}`);
  const asOf = toDayNumber(asOfText);
  if (asOfText < EARLIEST_AS_OF || asOfText > LATEST_AS_OF) {
    throw new Error(`loadSample: asOf must be between ${EARLIEST_AS_OF} and ${LATEST_AS_OF}, not ${asOfText}`);
  }

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const pipeline = new Pipeline(client);
  try {
    await client.query('BEGIN');
    try {
      await client.query('LOCK TABLE batch IN EXCLUSIVE MODE');
    } catch (cause) {
      throw new Error('loadSample: the database has no batch table — apply the migrations first', { cause });
    }
    const {
      rows: [{ n }],
    } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM batch');
    if (n > 0) {
      throw new Error(`loadSample: the database already holds ${n} batch(es); sample data is only loaded into an empty database`);
    }
    // the foreign-key validations hash and the index builds sort in memory
    await client.query(`SET LOCAL work_mem = '64MB'`);
    await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    const rebuild = await dropBulkIndexes(client);

    const loader = new Loader(pipeline, size, seed, asOf, options.onProgress);
    const summary = await loader.run();

    options.onProgress?.('重建索引与外键约束 (rebuilding indexes and foreign keys)', loader.total - 1, loader.total);
    for (const statement of rebuild) await client.query(statement);
    for (const table of Object.keys(summary.counts)) {
      if (table === 'revocation_item' || table === 'warning_spot_check') continue;
      await client.query(
        `SELECT setval(pg_get_serial_sequence($1, 'id'), GREATEST((SELECT max(id) FROM "${table}"), 1), (SELECT count(*) > 0 FROM "${table}"))`,
        [table],
      );
    }
    await client.query('COMMIT');
    options.onProgress?.('完成 (done)', loader.total, loader.total);
    return { ...summary, size: options.size, seed, asOf: asOfText };
  } catch (error) {
    await pipeline.settle();
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Drops the plain (non-unique) indexes and the foreign keys of the bulk tables and returns the
 * statements that re-create them exactly as they were: PostgreSQL builds an index once far faster
 * than it maintains it row by row, and validates a foreign key with one join instead of a trigger
 * per row. All inside the load's transaction — on failure the rollback restores them.
 */
async function dropBulkIndexes(client: pg.Client): Promise<string[]> {
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
      WHERE i.indrelid = ANY($1::regclass[]) AND NOT i.indisprimary AND NOT i.indisunique
        AND NOT coalesce(i.indnkeyatts = 1 AND i.indrelid::regclass::text || '.' || a.attname = ANY($2::text[]), false)
      ORDER BY 1`,
    [BULK_TABLES, ASCENDING_KEYS],
  );
  const { rows: keys } = await client.query<{ table: string; name: string; def: string }>(
    `SELECT c.conrelid::regclass::text AS table, quote_ident(c.conname) AS name, pg_get_constraintdef(c.oid) AS def
       FROM pg_constraint c
      WHERE c.contype = 'f' AND c.conrelid = ANY($1::regclass[])
      ORDER BY 1, 2`,
    [BULK_TABLES],
  );
  for (const k of keys) await client.query(`ALTER TABLE ${k.table} DROP CONSTRAINT ${k.name}`);
  for (const i of indexes) await client.query(`DROP INDEX ${i.name}`);
  return [...indexes.map((i) => i.def), ...keys.map((k) => `ALTER TABLE ${k.table} ADD CONSTRAINT ${k.name} ${k.def}`)];
}

interface Batch extends BatchPlan {
  id: number;
  publishedAt: string;
  importedAt: string;
}

const SAMPLE_NOTE = '示例数据：由 hub 的示例数据生成器生成（虚构的企业、产品和检验结果），不是湖北省市场监督管理局发布的数据。';

/** Writes the batches one after another, in the order the bureau would have published them. */
class Loader {
  private readonly root: Random;
  private readonly factory = new EnterpriseFactory();
  private readonly registry: Registry;
  private readonly plans: BatchPlan[];
  private readonly followUpPlans: BatchPlan[];
  private readonly generator: SpotCheckGenerator;
  private readonly rowsByBatch = new Map<string, CheckRow[]>();
  private readonly eventsByBatch = new Map<string, EventRow[]>();
  private readonly noticesByBatch = new Map<string, NoticePlan[]>();
  private readonly years = new Map<number, Promise<void>>();
  private readonly lastYear: number;
  private readonly recentFailures = new Map<string, { id: number; reportDate: DayNumber; batchDay: DayNumber }[]>();
  private readonly batches: Batch[] = [];
  private readonly planDay = new Map<string, DayNumber>();
  private linkCounts = { revocation_item: 0, warning_spot_check: 0 };
  readonly total: number;

  private readonly w: ReturnType<Loader['writers']>;

  constructor(
    private readonly pipeline: Pipeline,
    private readonly size: (typeof SIZES)[SampleSize],
    seed: number,
    private readonly asOf: DayNumber,
    private readonly onProgress?: LoadSampleOptions['onProgress'],
  ) {
    this.root = new Random(seed);
    this.lastYear = yearOf(fromDayNumber(asOf));
    this.registry = planRegistry(this.root, this.factory, asOf);
    this.followUpPlans = scheduleFollowUpBatches(asOf);
    this.plans = [...this.registryPlans(), ...scheduleSpotCheckBatches(size, asOf), ...this.followUpPlans];
    this.plans.push(...this.dynamicManagementPlans(), ...this.revocationPlans(), ...this.warningPlans());
    this.plans.sort((a, b) => a.day - b.day || a.order - b.order || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const p of this.plans) this.planDay.set(p.key, p.day);
    this.total = this.plans.length + 2;
    this.generator = new SpotCheckGenerator(
      this.root,
      size,
      asOf,
      this.factory,
      this.registry,
      (eventDay, checkBatchDay) => this.followUpKey(Math.max(eventDay, checkBatchDay)),
      (key) => this.planDay.get(key)!,
    );
    this.w = this.writers();
  }

  async run(): Promise<Omit<SampleSummary, 'size' | 'seed' | 'asOf'>> {
    let done = 0;
    for (const plan of this.plans) {
      const written = await this.process(plan);
      done++;
      if (written) this.onProgress?.(plan.title, done, this.total);
      await this.breathe();
    }
    for (const writer of Object.values(this.w)) writer.flush();
    await this.pipeline.drain();
    const counts = Object.fromEntries(Object.entries(this.w).map(([, writer]) => [writer.table, writer.written])) as SampleCounts;
    Object.assign(counts, this.linkCounts);
    return {
      counts,
      batches: this.batches.map((b) => ({
        id: b.id,
        kind: b.kind,
        title: b.title,
        publishedOn: fromDayNumber(b.day),
        rowCount: this.rowCounts.get(b.id) ?? 0,
      })),
    };
  }

  // —— the batch plan ——

  private registryPlans(): BatchPlan[] {
    const plans: BatchPlan[] = [];
    for (const round of this.registry.rounds) {
      const y = round.year;
      plans.push({
        key: `cultivation:${y}`,
        kind: 'cultivation',
        title: `示例数据：${y}年“湖北精品”培育库入库名单`,
        day: round.cultivationDay,
        sourceFile: `${y}年“湖北精品”培育推荐汇总表.xlsx`,
        order: 0,
      });
      for (const b of round.evaluationBatches) {
        const name =
          round.evaluationBatches.length > 1 || y === 2023
            ? `${y}年第${b.number === 1 ? '一' : '二'}批“湖北精品”标准先进性评价结果`
            : `${y}年“湖北精品”标准先进性评价结果`;
        plans.push({ key: b.key, kind: 'evaluations', title: `示例数据：${name}`, day: b.day, sourceFile: `${name}.xlsx`, order: 1 });
      }
      if (round.certified.length) {
        const name = `${y}年第${roundName(round.round)}届“湖北精品”认定名单`;
        plans.push({
          key: `certifications:${round.round}`,
          kind: 'certifications',
          title: `示例数据：${name}`,
          day: round.certificationDay,
          sourceFile: `${name}.xlsx`,
          order: 2,
        });
      }
      if (round.logos.length) {
        const name = `第${roundName(round.round)}届“湖北精品”标识使用授权名单`;
        plans.push({
          key: `logos:${round.round}`,
          kind: 'certifications',
          title: `示例数据：${name}`,
          day: round.logoDay,
          sourceFile: `${name}.xlsx`,
          order: 3,
        });
      }
    }
    return plans;
  }

  private dynamicManagementPlans(): BatchPlan[] {
    const plans: BatchPlan[] = [];
    for (const [year] of this.registry.selfReports) {
      const name = `${year}年度“湖北精品”年度自查报告审查情况`;
      plans.push({
        key: `selfreports:${year}`,
        kind: 'dynamic_management',
        title: `示例数据：${name}`,
        day: Math.min(weekdayOnOrAfter(dayNumber(year, 12, 10)), this.asOf),
        sourceFile: `${name}.xlsx`,
        order: 6,
      });
    }
    const noticePlans: BatchPlan[] = [];
    for (let year = 2024; dayNumber(year, 3, 1) <= this.asOf; year++) {
      const name = `${year}年“湖北精品”整改通知书及整改情况`;
      noticePlans.push({
        key: `notices:${year}`,
        kind: 'dynamic_management',
        title: `示例数据：${name}`,
        day: Math.min(weekdayOnOrAfter(dayNumber(year, 12, 20)), this.asOf),
        sourceFile: `${name}.xlsx`,
        order: 6,
      });
    }
    // a notice is reported by the first batch after its last date (its completion, else its issue)
    for (const notice of this.registry.notices) {
      const last = notice.completedOn ?? notice.issuedOn;
      const plan = noticePlans.find((p) => p.day >= last);
      if (!plan) continue;
      const list = this.noticesByBatch.get(plan.key) ?? [];
      list.push(notice);
      this.noticesByBatch.set(plan.key, list);
    }
    return [...plans, ...noticePlans];
  }

  private revocationPlans(): BatchPlan[] {
    return this.registry.revocations.map((rev, i) => ({
      key: `revocation:${i}`,
      kind: 'revocations' as const,
      title: `示例数据：关于撤销${rev.ent.name}“湖北精品”认定的决定（${rev.decisionNo}）`,
      day: rev.decidedOn,
      sourceFile: `撤销认定决定（${rev.decisionNo}）.xlsx`,
      order: 7,
    }));
  }

  private warningPlans(): BatchPlan[] {
    const warnings = planWarnings((all, count) => this.root.fork('warnings').sample(all, count), this.size.warnings, this.asOf);
    this.warningList = warnings;
    return warnings.map((w, i) => ({
      key: `warning:${i}`,
      kind: 'warnings' as const,
      title: `示例数据：${w.title}`,
      day: w.day,
      sourceFile: `${w.title}.xlsx`,
      order: 8,
    }));
  }
  private warningList: ReturnType<typeof planWarnings> = [];

  private followUpKey(eventDay: DayNumber): string {
    const plan = this.followUpPlans.find((p) => p.day >= eventDay);
    if (!plan) throw new Error(`no follow-up batch after ${fromDayNumber(eventDay)}`);
    return plan.key;
  }

  // —— writing ——

  private writers() {
    const writer = <E extends EntityClass>(entity: E, properties: readonly PropertyOf<E>[], dependsOn: TableWriter[] = []) =>
      new TableWriter(this.pipeline, tableName(entity), columns(entity, properties), dependsOn);
    // the columns every published record carries (recordColumns in db/src/entities)
    const stamps = ['batch', 'createdAt', 'updatedAt'] as const;
    const batch = writer(BatchEntity, [
      'id',
      'kind',
      'title',
      'sourceFileName',
      'status',
      'isSample',
      'importedAt',
      'publishedAt',
      'rowCount',
      'summary',
      'note',
      'reviewedItems',
    ]);
    const enterprise = writer(Enterprise, ['id', 'uscc', 'name', 'address', 'city', 'county', 'provinceCode', 'size', ...stamps], [batch]);
    const trademark = writer(Trademark, ['id', 'enterprise', 'name', ...stamps], [batch, enterprise]);
    const cultivation = writer(
      CultivationEntry,
      ['id', 'year', 'enterprise', 'itemName', 'itemKind', 'standard', 'industry', 'contactName', 'contactPhone', ...stamps],
      [batch, enterprise],
    );
    const evaluation = writer(
      StandardEvaluation,
      [
        'id',
        'year',
        'enterprise',
        'cultivationEntry',
        'itemName',
        'standardNo',
        'standardName',
        'standardLevel',
        'passed',
        'evaluatedOn',
        ...stamps,
      ],
      [batch, enterprise, cultivation],
    );
    const certified = writer(
      CertifiedItem,
      [
        'id',
        'round',
        'enterprise',
        'name',
        'kind',
        'trademark',
        'standardNo',
        'standardName',
        'standardLevel',
        'industry',
        'certifiedOn',
        'certificateNo',
        'seqNo',
        ...stamps,
      ],
      [batch, enterprise],
    );
    const logo = writer(
      LogoAuthorisation,
      ['id', 'enterprise', 'certifiedItem', 'basis', 'authorisedOn', 'validUntil', ...stamps],
      [batch, enterprise, certified],
    );
    const spotCheck = writer(
      SpotCheck,
      [
        'id',
        'reportNo',
        'checkType',
        'taskName',
        'productCategory',
        'productName',
        'trademark',
        'modelSpec',
        'productionBatch',
        'productionDate',
        'producer',
        'producerName',
        'producerAddress',
        'sampledUnit',
        'sampledUnitName',
        'sampledUnitAddress',
        'samplingStage',
        'platform',
        'sampledOn',
        'samplingAgency',
        'testingAgency',
        'reportDate',
        'conclusion',
        'severity',
        'mainProblem',
        'remarks',
        'certifiedItem',
        'city',
        ...stamps,
      ],
      [batch, enterprise, certified],
    );
    const nonconforming = writer(
      NonconformingItem,
      ['id', 'spotCheck', 'seq', 'item', 'requirement', 'measured', ...stamps],
      [batch, spotCheck],
    );
    const caseEvent = writer(CaseEvent, ['id', 'spotCheck', 'kind', 'occurredOn', 'outcome', 'note', ...stamps], [batch, spotCheck]);
    const selfReport = writer(SelfReport, ['id', 'enterprise', 'year', 'submittedOn', 'reviewOpinion', ...stamps], [batch, enterprise]);
    const notice = writer(
      RectificationNotice,
      ['id', 'noticeNo', 'enterprise', 'certifiedItem', 'problem', 'issuedOn', 'dueOn', 'completedOn', 'result', ...stamps],
      [batch, enterprise, certified],
    );
    const revocation = writer(
      Revocation,
      ['id', 'decisionNo', 'decidedOn', 'enterprise', 'ground', 'groundText', 'facts', ...stamps],
      [batch, enterprise],
    );
    const warning = writer(ConsumerWarning, ['id', 'title', 'publishedOn', 'productCategory', 'risk', 'advice', ...stamps], [batch]);
    return {
      batch,
      enterprise,
      trademark,
      cultivation,
      evaluation,
      certified,
      logo,
      spotCheck,
      nonconforming,
      caseEvent,
      selfReport,
      notice,
      revocation,
      warning,
    };
  }

  private readonly rowCounts = new Map<number, number>();
  private current!: Batch;
  private sameDay = 0;

  /** Writes an enterprise the first time a record names it: the batch that names it introduces it. */
  private ent(e: Ent): number {
    if (e.id) return e.id;
    e.id = ++this.ids.enterprise;
    const b = this.current;
    this.w.enterprise.push(
      e.id,
      e.uscc,
      e.name,
      e.address,
      e.cityCode,
      e.county,
      e.provinceCode,
      e.size,
      b.id,
      b.publishedAt,
      b.publishedAt,
    );
    for (const name of e.trademarks) this.w.trademark.push(++this.ids.trademark, e.id, name, b.id, b.publishedAt, b.publishedAt);
    return e.id;
  }
  private readonly ids = {
    enterprise: 0,
    trademark: 0,
    cultivation: 0,
    evaluation: 0,
    certified: 0,
    logo: 0,
    spotCheck: 0,
    nonconforming: 0,
    caseEvent: 0,
    selfReport: 0,
    notice: 0,
    revocation: 0,
    warning: 0,
  };

  private rowCountOf(plan: BatchPlan): number {
    const [kind, a, b] = plan.key.split(':');
    const round = () => this.registry.rounds.find((r) => r.round === Number(a))!;
    switch (kind) {
      case 'cultivation':
        return this.registry.rounds.find((r) => r.year === Number(a))!.entries.length;
      case 'evaluations':
        return this.registry.rounds.find((r) => r.year === Number(a))!.evaluationBatches.find((e) => e.number === Number(b))!.evaluations
          .length;
      case 'certifications':
        return round().certified.length;
      case 'logos':
        return round().logos.length;
      case 'followups':
        return this.eventsByBatch.get(plan.key)?.length ?? 0;
      case 'selfreports':
        return this.registry.selfReports.get(Number(a))!.filter((s) => s.submittedOn <= plan.day).length;
      case 'notices':
        return this.noticesByBatch.get(plan.key)?.length ?? 0;
      case 'revocation':
      case 'warning':
        return 1;
      default:
        return this.rowsByBatch.get(plan.key)?.length ?? 0;
    }
  }

  /** Writes one batch and its records; false when it turned out to have none (it is then not written). */
  private async process(plan: BatchPlan): Promise<boolean> {
    // every result and event a batch of this year can hold exists once its year is generated
    const year = Math.min(yearOf(fromDayNumber(plan.day)), this.lastYear);
    await this.generate(year);
    if (year < this.lastYear) void this.generate(year + 1);
    const rowCount = this.rowCountOf(plan);
    if (rowCount === 0) return false;
    const r = this.root.fork(`batch:${plan.key}`);
    // batches of one day are imported and published in the order they are processed
    const previous = this.batches[this.batches.length - 1];
    this.sameDay = previous?.day === plan.day ? Math.min(this.sameDay + 1, 40) : 0;
    const imported = stamp(plan.day, 9 * 60 + this.sameDay * 12 + r.int(0, 10));
    const published = stamp(plan.day, 14 * 60 + this.sameDay * 12 + r.int(0, 10));
    const batch: Batch = { ...plan, id: this.batches.length + 1, importedAt: imported, publishedAt: published };
    this.batches.push(batch);
    this.rowCounts.set(batch.id, rowCount);
    this.current = batch;
    this.w.batch.push(
      batch.id,
      batch.kind,
      batch.title,
      batch.sourceFile,
      'published',
      true,
      imported,
      published,
      rowCount,
      JSON.stringify({ new: rowCount }),
      SAMPLE_NOTE,
      // 资料评审: only the first round's count is public (seed 002); later rounds state none
      plan.key === 'certifications:1' ? FUNNEL_2023.reviewed : null,
    );

    const [kind, a, b] = plan.key.split(':');
    const at = batch.publishedAt;
    switch (kind) {
      case 'cultivation': {
        for (const e of this.registry.rounds.find((x) => x.year === Number(a))!.entries) {
          e.id = ++this.ids.cultivation;
          this.w.cultivation.push(
            e.id,
            e.year,
            this.ent(e.ent),
            e.itemName,
            e.kind,
            `${e.standard.name} ${e.standard.no}`,
            e.template.industry,
            e.contactName,
            e.contactPhone,
            batch.id,
            at,
            at,
          );
        }
        break;
      }
      case 'evaluations': {
        const evaluations = this.registry.rounds
          .find((x) => x.year === Number(a))!
          .evaluationBatches.find((x) => x.number === Number(b))!.evaluations;
        for (const ev of evaluations) {
          const e = ev.entry;
          ev.id = ++this.ids.evaluation;
          this.w.evaluation.push(
            ev.id,
            ev.year,
            this.ent(e.ent),
            e.id,
            e.itemName,
            e.standard.no,
            e.standard.name,
            e.standard.level,
            ev.passed,
            fromDayNumber(ev.evaluatedOn),
            batch.id,
            at,
            at,
          );
        }
        break;
      }
      case 'certifications': {
        for (const c of this.registry.rounds.find((x) => x.round === Number(a))!.certified) {
          c.id = ++this.ids.certified;
          this.w.certified.push(
            c.id,
            c.round,
            this.ent(c.ent),
            c.name,
            c.kind,
            c.trademark,
            c.standard.no,
            c.standard.name,
            c.standard.level,
            c.industry,
            fromDayNumber(c.certifiedOn),
            c.certificateNo,
            c.seqNo,
            batch.id,
            at,
            at,
          );
        }
        break;
      }
      case 'logos': {
        for (const l of this.registry.rounds.find((x) => x.round === Number(a))!.logos) {
          this.w.logo.push(
            ++this.ids.logo,
            this.ent(l.ent),
            l.item?.id ?? null,
            l.basis,
            fromDayNumber(l.authorisedOn),
            fromDayNumber(l.validUntil),
            batch.id,
            at,
            at,
          );
        }
        break;
      }
      case 'followups': {
        const events = this.eventsByBatch.get(plan.key)!;
        this.eventsByBatch.delete(plan.key);
        events.sort((x, y) => x.day - y.day || x.check.id - y.check.id);
        for (const e of events) {
          this.w.caseEvent.push(++this.ids.caseEvent, e.check.id, e.kind, fromDayNumber(e.day), e.outcome, e.note, batch.id, at, at);
          if (this.ids.caseEvent % 2000 === 0) await this.breathe();
        }
        break;
      }
      case 'selfreports': {
        for (const s of this.registry.selfReports.get(Number(a))!.filter((x) => x.submittedOn <= plan.day)) {
          this.w.selfReport.push(++this.ids.selfReport, this.ent(s.ent), s.year, fromDayNumber(s.submittedOn), s.opinion, batch.id, at, at);
        }
        break;
      }
      case 'notices': {
        for (const n of this.noticesByBatch.get(plan.key)!) {
          this.w.notice.push(
            ++this.ids.notice,
            n.noticeNo,
            this.ent(n.ent),
            n.item.id,
            n.problem,
            fromDayNumber(n.issuedOn),
            fromDayNumber(n.dueOn),
            n.completedOn === null ? null : fromDayNumber(n.completedOn),
            n.result,
            batch.id,
            at,
            at,
          );
        }
        break;
      }
      case 'revocation': {
        const rev = this.registry.revocations[Number(a)];
        const id = ++this.ids.revocation;
        this.w.revocation.push(
          id,
          rev.decisionNo,
          fromDayNumber(rev.decidedOn),
          this.ent(rev.ent),
          rev.ground,
          groundText(rev.ground),
          rev.facts(),
          batch.id,
          at,
          at,
        );
        this.w.revocation.flush();
        this.w.certified.flush();
        this.linkRows(
          'revocation_item',
          ['revocation_id', 'certified_item_id'],
          rev.items.map((item) => [id, item.id]),
        );
        break;
      }
      case 'warning': {
        const w = this.warningList[Number(a)];
        const id = ++this.ids.warning;
        this.w.warning.push(id, w.title, fromDayNumber(w.day), w.category, w.risk, w.advice, batch.id, at, at);
        const candidates = (this.recentFailures.get(w.category) ?? []).filter(
          (f) => f.reportDate >= w.day - 365 && f.reportDate <= w.day - 7 && f.batchDay <= w.day,
        );
        const linked = r.sample(candidates, this.size.warningLinks).sort((x, y) => x.id - y.id);
        this.w.warning.flush();
        this.w.spotCheck.flush();
        this.linkRows(
          'warning_spot_check',
          ['consumer_warning_id', 'spot_check_id'],
          linked.map((f) => [id, f.id]),
        );
        break;
      }
      default:
        await this.writeChecks(plan.key, batch);
    }
    return true;
  }

  /** Link rows carry no batch: the history trigger records the one named in hub.batch_id. */
  private linkRows(table: 'revocation_item' | 'warning_spot_check', columns: [string, string], rows: [number, number][]): void {
    if (!rows.length) return;
    this.pipeline.issue(`SELECT set_config('hub.batch_id', $1, true)`, [String(this.current.id)]);
    this.pipeline.issue(`INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest($1::int[], $2::int[])`, [
      rows.map((x) => x[0]),
      rows.map((x) => x[1]),
    ]);
    this.pipeline.issue(`SELECT set_config('hub.batch_id', '', true)`);
    this.linkCounts[table] += rows.length;
  }

  /** Lets the connection's I/O run (the next chunk is sent) and waits if PostgreSQL falls behind. */
  private async breathe(): Promise<void> {
    await tick();
    await this.pipeline.throttle();
  }

  /**
   * The spot checks of `year` (and of every year before it, in order: consecutive failures and
   * report numbers run on from one year to the next). Generation runs a year ahead, interleaved
   * with the writing, so PostgreSQL never waits for a whole year to be generated.
   */
  private generate(year: number): Promise<void> {
    let generation = this.years.get(year);
    if (!generation) {
      const previous = year > FIRST_YEAR ? this.generate(year - 1) : Promise.resolve();
      generation = previous.then(() => {
        this.onProgress?.(`生成 ${year} 年抽查结果 (generating ${year} spot checks)`, this.batches.length, this.total);
        return this.generator.generateYear(this.root, year, this.rowsByBatch, this.eventsByBatch, () =>
          this.pipeline.throttle().then(tick),
        );
      });
      // a failure is reported where the year is awaited
      generation.catch(() => undefined);
      this.years.set(year, generation);
    }
    return generation;
  }

  private async writeChecks(key: string, batch: Batch): Promise<void> {
    const rows = this.rowsByBatch.get(key)!;
    this.rowsByBatch.delete(key);
    rows.sort((x, y) => x.reportDate - y.reportDate || (x.reportNo < y.reportNo ? -1 : 1));
    const at = batch.publishedAt;
    let n = 0;
    for (const c of rows) {
      c.id = ++this.ids.spotCheck;
      const producerId = this.ent(c.producer);
      const sampledId = this.ent(c.sampledUnit);
      this.w.spotCheck.push(
        c.id,
        c.reportNo,
        c.checkType,
        c.taskName,
        c.category,
        c.productName,
        c.trademark,
        c.modelSpec,
        c.productionBatch,
        c.productionDate === null ? null : fromDayNumber(c.productionDate),
        producerId,
        c.producer.name,
        c.producer.address,
        sampledId,
        c.sampledUnit.name,
        c.sampledUnit.address,
        c.stage,
        c.platform,
        fromDayNumber(c.sampledOn),
        c.samplingAgency,
        c.testingAgency,
        fromDayNumber(c.reportDate),
        c.conclusion,
        c.severity,
        c.mainProblem,
        c.remarks,
        c.certified?.id ?? null,
        c.cityCode,
        batch.id,
        at,
        at,
      );
      c.items.forEach((item, i) => {
        this.w.nonconforming.push(++this.ids.nonconforming, c.id, i + 1, item.item, item.requirement, item.measured, batch.id, at, at);
      });
      if (c.final === 'fail' && c.checkType !== 'dynamic' && c.checkType !== 'service_evaluation') {
        const list = this.recentFailures.get(c.category) ?? [];
        list.push({ id: c.id, reportDate: c.reportDate, batchDay: batch.day });
        if (list.length > 400) list.splice(0, list.length - 300);
        this.recentFailures.set(c.category, list);
      }
      if (++n % 2000 === 0) await this.breathe();
    }
  }
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A timestamp in China Standard Time on `day`, `minutes` after midnight. */
function stamp(day: DayNumber, minutes: number): string {
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${fromDayNumber(day)} ${hh}:${mm}:00+08`;
}
