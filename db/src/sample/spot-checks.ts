import { HUBEI_CITIES } from '../reference/cities.ts';
import type { CheckType, Conclusion, SamplingStage, Severity } from '../vocabulary.ts';
import {
  AGENCIES,
  CATEGORIES,
  CITY_AGENCY_PREFIX,
  COMMITTEE_AGENCY,
  E_COMMERCE_PLATFORMS,
  NATIONAL_AGENCIES,
  SERVICE_EVALUATION,
  categoryByName,
  type Category,
  type Failure,
  type SellerType,
} from './catalog.ts';
import { dayNumber, fromDayNumber, yearOf, type DayNumber } from '../plain-date.ts';
import type { EnterpriseFactory, Ent } from './enterprises.ts';
import { followUp, type EventDraft } from './follow-up.ts';
import { REGIONS } from './places.ts';
import { cityBatchKey, taskBatchDay, tasksOf, weekdayOnOrAfter, type SizeParameters, type Task } from './plan.ts';
import { Random } from './random.ts';
import type { CertifiedPlan, ForcedCheck, Registry, RegistryEnt } from './registry.ts';

/**
 * The spot-check results, generated a year at a time: the provincial and national tasks, the
 * city-level checks of every certified product (000 Art. 13 — about one product in ten is left
 * without a check each year, so coverage gaps exist), the annual dynamic check of every certified
 * item and the service-quality evaluations of certified services. Results are processed in sampling
 * order so that "two consecutive failures" of a producer and product are real; each failure gets
 * its nonconforming items and its follow-up timeline.
 */

export interface NonconformingDraft {
  item: string;
  requirement: string;
  measured: string;
}

export interface CheckRow {
  id: number;
  batchKey: string;
  batchDay: DayNumber;
  reportNo: string;
  checkType: CheckType;
  taskName: string;
  category: string;
  productName: string;
  trademark: string | null;
  modelSpec: string | null;
  productionBatch: string | null;
  productionDate: DayNumber | null;
  producer: Ent;
  sampledUnit: Ent;
  stage: SamplingStage | null;
  platform: string | null;
  sampledOn: DayNumber;
  samplingAgency: string | null;
  testingAgency: string;
  reportDate: DayNumber;
  conclusion: Conclusion;
  severity: Severity | null;
  mainProblem: string | null;
  remarks: string | null;
  certified: CertifiedPlan | null;
  cityCode: string | null;
  items: NonconformingDraft[];
  /** final result after objections (withdrawn results never count as failures) */
  final: 'pass' | 'fail' | 'withdrawn';
}

export interface EventRow extends EventDraft {
  check: CheckRow;
}

/** Average failure probability of a general check before the category, producer and stage factors. */
const BASE_FAILURE = 0.112;
const CERTIFIED_FAILURE = 0.02;

interface Pool {
  hubei: Ent[];
  outside: Ent[];
}

const DYNAMIC_FAILURES: readonly Failure[] = [
  {
    item: '标识使用管理',
    requirement: '按授权范围使用“湖北精品”标识并建立使用记录',
    measured: () => '未建立标识使用记录台账',
    serious: false,
  },
  { item: '执行标准', requirement: '持续执行通过标准先进性评价的标准', measured: () => '执行标准变更后未报备', serious: false },
  { item: '质量管理体系', requirement: '质量管理体系持续有效运行', measured: () => '年度内审记录缺失', serious: false },
];
const FALSE_REPORT_FAILURE: Failure = {
  item: '年度自查报告真实性',
  requirement: '如实报告年度质量、安全、环保情况及投诉处理情况',
  measured: () => '自查报告未如实报告2025年产品质量投诉及停产整改情况',
  serious: true,
};

const PICK_STAGE = Random.table<SamplingStage>([
  ['production', 50],
  ['circulation', 35],
  ['ecommerce', 15],
]);
const PICK_PLATFORM = Random.table(E_COMMERCE_PLATFORMS);

const provinceNames = new Map(Object.values(REGIONS).map((r) => [r.provinceCode, r.province]));

export class SpotCheckGenerator {
  private readonly pools = new Map<string, Pool>();
  private readonly sellers = new Map<SellerType, Ent[]>();
  private readonly ecommerce: Ent[] = [];
  private readonly pickCategory: (r: Random) => Category;
  private readonly reportSeq = new Map<string, number>();
  /** the last final result of each producer and product category (Art. 27(4)5) */
  private readonly lastResult = new Map<Ent, Map<string, 'pass' | 'fail'>>();
  private readonly forcedByItem = new Map<CertifiedPlan, ForcedCheck[]>();

  constructor(
    root: Random,
    private readonly size: SizeParameters,
    private readonly asOf: DayNumber,
    factory: EnterpriseFactory,
    private readonly registry: Registry,
    private readonly followUpBatch: (eventDay: DayNumber, checkBatchDay: DayNumber) => string,
    private readonly batchDay: (key: string) => DayNumber,
  ) {
    const r = root.fork('pools');
    const totalWeight = CATEGORIES.reduce((s, c) => s + c.weight, 0);
    const scenarioEnts = new Set<Ent>(registry.forced.map((f) => f.item.ent));
    for (const rev of registry.revocations) scenarioEnts.add(rev.ent);
    for (const category of CATEGORIES) {
      const n = Math.max(3, Math.round((size.producers * category.weight) / totalWeight));
      const hubeiCount = Math.max(1, Math.round(n * category.hubeiShare));
      const hubei: Ent[] = [];
      const outside: Ent[] = [];
      for (let i = 0; i < hubeiCount; i++) hubei.push(factory.hubei(r, { words: category.words, large: false }));
      for (let i = hubeiCount; i < n; i++) {
        outside.push(factory.outside(r, r.pick(category.regions), category.words, r.chance(0.1)));
      }
      // certified enterprises of the category are sampled in provincial checks too
      const registered = registry.enterprises.filter((e: RegistryEnt) => e.template.category === category.name && !scenarioEnts.has(e));
      hubei.push(...r.sample(registered, Math.ceil(hubeiCount * 0.5)));
      this.pools.set(category.name, { hubei: r.shuffle(hubei), outside: r.shuffle(outside) });
    }
    const sellerTypes: readonly (readonly [SellerType, number])[] = [
      ['supermarket', 30],
      ['building', 16],
      ['hardware', 16],
      ['ebike', 6],
      ['baby', 7],
      ['stationery', 5],
      ['furniture', 5],
      ['agri', 7],
      ['appliance', 5],
      ['liquor', 4],
      ['clothing', 6],
    ];
    const sellerWeight = sellerTypes.reduce((s, [, w]) => s + w, 0);
    for (const [type, w] of sellerTypes) {
      const list: Ent[] = [];
      for (let i = 0, n = Math.max(2, Math.round((size.sellers * w) / sellerWeight)); i < n; i++) list.push(factory.seller(r, type));
      this.sellers.set(type, list);
    }
    for (let i = 0; i < size.ecommerce; i++) this.ecommerce.push(factory.ecommerce(r));
    this.pickCategory = Random.table(CATEGORIES.map((c) => [c, c.weight] as const));
    for (const f of registry.forced) {
      const list = this.forcedByItem.get(f.item) ?? [];
      list.push(f);
      this.forcedByItem.set(f.item, list);
    }
  }

  /**
   * All results of one year, grouped by batch, and their follow-up events grouped by the batch
   * that reports them. `yieldNow` lets the database work while a large year is generated.
   */
  async generateYear(
    root: Random,
    year: number,
    rowsByBatch: Map<string, CheckRow[]>,
    eventsByBatch: Map<string, EventRow[]>,
    yieldNow: () => Promise<void>,
  ): Promise<void> {
    const r = root.fork(`spot-checks-${year}`);
    const drafts: CheckRow[] = [];
    for (const task of tasksOf(year, this.size, this.asOf)) {
      for (let i = 0; i < task.quota; i++) {
        const reportDate = task.start + r.int(0, task.end - task.start);
        if (reportDate > this.asOf) continue;
        drafts.push(this.generalDraft(r, task, reportDate));
        if (drafts.length % 4000 === 0) await yieldNow();
      }
    }
    drafts.push(...this.certifiedDrafts(r, year));
    drafts.sort((a, b) => a.sampledOn - b.sampledOn || a.reportDate - b.reportDate);
    await yieldNow();

    let n = 0;
    for (const row of drafts) {
      this.decide(r, row, eventsByBatch);
      const list = rowsByBatch.get(row.batchKey);
      if (list) list.push(row);
      else rowsByBatch.set(row.batchKey, [row]);
      if (++n % 4000 === 0) await yieldNow();
    }
  }

  private generalDraft(r: Random, task: Task, reportDate: DayNumber): CheckRow {
    const category = this.pickCategory(r);
    const pool = this.pools.get(category.name)!;
    const national = task.type === 'national';
    let stage: SamplingStage = national ? (r.chance(0.85) ? 'production' : 'circulation') : PICK_STAGE(r);
    if (stage === 'ecommerce' && !category.consumer) stage = 'circulation';
    const fromHubei = stage === 'production' || !pool.outside.length || r.chance(category.hubeiShare);
    const producer = skewedPick(r, fromHubei ? pool.hubei : pool.outside);

    let sampledUnit = producer;
    let platform: string | null = null;
    let remarks: string | null = null;
    if (stage === 'circulation') {
      sampledUnit = skewedPick(r, this.sellers.get(r.pick(category.sellers))!);
    } else if (stage === 'ecommerce') {
      platform = PICK_PLATFORM(r);
      const brand = producer.trademarks[0] ?? producer.name.slice(2, 4);
      if (producer.uscc && r.chance(0.3)) {
        remarks = `网店名称：${brand}官方旗舰店`;
      } else {
        sampledUnit = skewedPick(r, this.ecommerce);
        remarks = `网店名称：${brand}${r.pick(['旗舰店', '专卖店', '专营店', '官方店'])}`;
      }
    }

    const [productName, spec] = r.pick(category.variants);
    const sampledOn = reportDate - r.int(12, 45);
    const agency = national ? r.pick(NATIONAL_AGENCIES) : this.provincialAgency(r, category, sampledUnit);
    const row = this.baseRow(r, {
      task,
      category,
      productName,
      modelSpec: spec(r, ''),
      producer,
      sampledUnit,
      stage,
      platform,
      sampledOn,
      reportDate,
      testingAgency: agency.name,
      samplingAgency: agency.name,
      remarks,
      certified: null,
      checkType: national ? 'national' : 'provincial',
      reportNo: this.reportNo(agency.prefix, task.year, national ? 'GJ' : 'SJ'),
      batchKey: task.key,
      batchDay: taskBatchDay(task, this.asOf),
    });
    const stageFactor = stage === 'production' ? 0.85 : stage === 'circulation' ? 1.15 : 1.35;
    row.conclusion = r.chance(Math.min(0.6, BASE_FAILURE * category.failFactor * producer.quality * stageFactor)) ? 'fail' : 'pass';
    return row;
  }

  private provincialAgency(r: Random, category: Category, sampledUnit: Ent) {
    // some provincial tasks are entrusted to the city institutes
    if (category.agency !== 'food' && sampledUnit.cityCode && r.chance(0.15)) return cityAgency(sampledUnit.cityCode);
    return AGENCIES[category.agency];
  }

  /** City-level supervision checks, service evaluations and dynamic checks of the certified items. */
  private certifiedDrafts(r: Random, year: number): CheckRow[] {
    const drafts: CheckRow[] = [];
    const items = this.registry.rounds.flatMap((x) => x.certified);
    const activeUntil = (item: CertifiedPlan, last: DayNumber) =>
      Math.min(last, item.revokedOn !== undefined ? item.revokedOn - 1 : last, this.asOf);

    // 000 Art. 13: every certified product at least once a year — but not quite (coverage gaps)
    for (const item of items) {
      if (item.kind !== 'product') continue;
      const forced = (this.forcedByItem.get(item) ?? []).filter((f) => f.type === 'city' && yearOf(fromDayNumber(f.reportDay)) === year);
      if (forced.length) {
        for (const f of forced) drafts.push(this.certifiedRow(r, item, 'city', f.reportDay, f));
        continue;
      }
      const start = Math.max(dayNumber(year, 3, 1), item.certifiedOn + 20);
      const end = activeUntil(item, dayNumber(year, 11, 30));
      if (start > end || r.chance(0.1)) continue;
      const times = r.chance(0.08) ? 2 : 1;
      for (let i = 0; i < times; i++) drafts.push(this.certifiedRow(r, item, 'city', start + r.int(0, end - start)));
    }
    // 000 Art. 13: service-quality evaluations of certified services
    for (const item of items) {
      if (item.kind !== 'service' || item.certifiedOn + 60 > dayNumber(year, 9, 10)) continue;
      const forced = (this.forcedByItem.get(item) ?? []).find(
        (f) => f.type === 'service_evaluation' && yearOf(fromDayNumber(f.reportDay)) === year,
      );
      const reportDay = forced?.reportDay ?? weekdayOnOrAfter(dayNumber(year, 9, 10) + r.int(0, 50));
      if (reportDay > activeUntil(item, reportDay)) continue;
      drafts.push(this.certifiedRow(r, item, 'service_evaluation', reportDay, forced));
    }
    // 000 Art. 9: one dynamic check a year, after the self-reports
    for (const item of items) {
      if (item.certifiedOn > dayNumber(year, 10, 1)) continue;
      const forced = (this.forcedByItem.get(item) ?? []).find((f) => f.type === 'dynamic' && yearOf(fromDayNumber(f.reportDay)) === year);
      const reportDay = forced?.reportDay ?? weekdayOnOrAfter(dayNumber(year, 11, 5) + r.int(0, 45));
      if (reportDay > activeUntil(item, reportDay)) continue;
      drafts.push(this.certifiedRow(r, item, 'dynamic', reportDay, forced));
    }
    return drafts;
  }

  private certifiedRow(
    r: Random,
    item: CertifiedPlan,
    type: 'city' | 'service_evaluation' | 'dynamic',
    reportDate: DayNumber,
    forced?: ForcedCheck,
  ): CheckRow {
    const year = yearOf(fromDayNumber(reportDate));
    const ent = item.ent;
    const city = HUBEI_CITIES.find((c) => c.code === ent.cityCode)!;
    const category = categoryByName.get(item.category);
    if (type === 'city') {
      const circulation = r.chance(0.2);
      const sampledUnit = circulation ? skewedPick(r, this.sellers.get(r.pick(category?.sellers ?? ['supermarket']))!) : ent;
      const agency = cityAgency(sampledUnit.cityCode ?? ent.cityCode!);
      const spec = category ? r.pick(category.variants)[1](r, '') : null;
      const row = this.baseRow(r, {
        task: undefined,
        taskName: `${year}年${city.name}“湖北精品”产品质量监督抽查`,
        category: category ?? undefined,
        categoryName: item.category,
        productName: item.name,
        modelSpec: spec,
        producer: ent,
        sampledUnit,
        stage: circulation ? 'circulation' : 'production',
        platform: null,
        sampledOn: reportDate - r.int(12, 40),
        reportDate,
        testingAgency: agency.name,
        samplingAgency: `${city.name}市场监督管理局`,
        remarks: `“湖北精品”认定产品（证书编号 ${item.certificateNo}）`,
        certified: item,
        checkType: 'city',
        reportNo: this.reportNo(agency.prefix, year, 'SZ'),
        batchKey: cityBatchKey(reportDate),
      });
      row.trademark = item.trademark;
      row.conclusion = forced || r.chance(CERTIFIED_FAILURE) ? 'fail' : 'pass';
      if (forced) this.fail(r, row, category?.failures ?? [], forced);
      return row;
    }
    const service = type === 'service_evaluation';
    const serviceCategory = SERVICE_EVALUATION[item.industry]?.category;
    const row = this.baseRow(r, {
      task: undefined,
      taskName: service ? `${year}年度“湖北精品”服务质量评价` : `${year}年度“湖北精品”动态抽查`,
      category: undefined,
      categoryName: service ? (serviceCategory ?? item.category) : item.category,
      productName: item.name,
      modelSpec: null,
      producer: ent,
      sampledUnit: ent,
      stage: null,
      platform: null,
      sampledOn: reportDate - r.int(7, 20),
      reportDate,
      testingAgency: COMMITTEE_AGENCY.name,
      samplingAgency: '“湖北精品”认定委员会秘书处',
      remarks: service ? '服务质量评价（神秘顾客暗访＋现场评价）' : r.chance(0.8) ? '资料检查' : '资料检查＋现场核查',
      certified: item,
      checkType: type,
      reportNo: this.reportNo(COMMITTEE_AGENCY.prefix, year, service ? 'FW' : 'DT'),
      batchKey: service ? `service:${year}` : `dynamic:${year}`,
    });
    row.productionBatch = null;
    row.productionDate = null;
    row.trademark = item.trademark;
    row.conclusion = forced || r.chance(service ? 0.05 : 0.01) ? 'fail' : 'pass';
    if (forced) {
      const failures = service ? (SERVICE_EVALUATION[item.industry]?.failures ?? DYNAMIC_FAILURES) : [FALSE_REPORT_FAILURE];
      this.fail(r, row, failures, forced);
    }
    return row;
  }

  private baseRow(
    r: Random,
    o: {
      task: Task | undefined;
      taskName?: string;
      category: Category | undefined;
      categoryName?: string;
      productName: string;
      modelSpec: string | null;
      producer: Ent;
      sampledUnit: Ent;
      stage: SamplingStage | null;
      platform: string | null;
      sampledOn: DayNumber;
      reportDate: DayNumber;
      testingAgency: string;
      samplingAgency: string | null;
      remarks: string | null;
      certified: CertifiedPlan | null;
      checkType: CheckType;
      reportNo: string;
      batchKey: string;
      batchDay?: DayNumber;
    },
  ): CheckRow {
    const category = o.category;
    let productionBatch: string | null = null;
    let productionDate: DayNumber | null = null;
    if (category) {
      const produced = o.sampledOn - r.int(category.shelfDays[0], category.shelfDays[1]);
      const code = `${r.pick(['P', 'L', 'B', 'S'])}${compact(produced).slice(2)}${r.digits(2)}`;
      if (category.batchStyle === 'date') [productionBatch, productionDate] = [fromDayNumber(produced), produced];
      else if (category.batchStyle === 'both')
        [productionBatch, productionDate] = [
          `${fromDayNumber(produced)}/${compact(produced)}${r.pick(['A', 'B', 'C', '01', '02'])}`,
          produced,
        ];
      else if (r.chance(0.7)) [productionBatch, productionDate] = [`${fromDayNumber(produced)}/${code}`, produced];
      else productionBatch = code;
    }
    return {
      id: 0,
      batchKey: o.batchKey,
      batchDay: o.batchDay ?? this.batchDay(o.batchKey),
      reportNo: o.reportNo,
      checkType: o.checkType,
      taskName: o.taskName ?? o.task!.name,
      category: o.categoryName ?? category!.name,
      productName: o.productName,
      trademark: r.chance(0.92) ? (o.producer.trademarks[0] ?? null) : null,
      modelSpec: o.modelSpec,
      productionBatch,
      productionDate,
      producer: o.producer,
      sampledUnit: o.sampledUnit,
      stage: o.stage,
      platform: o.platform,
      sampledOn: o.sampledOn,
      samplingAgency: o.samplingAgency,
      testingAgency: o.testingAgency,
      reportDate: o.reportDate,
      conclusion: 'pass',
      severity: null,
      mainProblem: null,
      remarks: o.remarks,
      certified: o.certified,
      cityCode: o.sampledUnit.cityCode ?? o.producer.cityCode ?? null,
      items: [],
      final: 'pass',
    };
  }

  /** Nonconforming items, severity and main problem of a failed result. */
  private fail(r: Random, row: CheckRow, failures: readonly Failure[], forced?: ForcedCheck): void {
    row.conclusion = 'fail';
    if (!failures.length) failures = DYNAMIC_FAILURES;
    const wanted = forced?.serious
      ? 1
      : r.weighted([
          [1, 68],
          [2, 24],
          [3, 8],
        ]);
    const pool = forced?.serious ? failures.filter((f) => f.serious) : forced ? failures.filter((f) => !f.serious) : failures;
    const chosen: Failure[] = [];
    const candidates = (pool.length ? pool : failures).slice();
    while (chosen.length < Math.min(wanted, candidates.length)) {
      const f = r.weighted(candidates.filter((c) => !chosen.includes(c)).map((c) => [c, c.serious ? 0.55 : 1.45] as const));
      chosen.push(f);
    }
    const spec = row.modelSpec ?? '';
    row.items = chosen.map((f) => ({
      item: f.item,
      requirement: typeof f.requirement === 'function' ? f.requirement(spec) : f.requirement,
      measured: f.measured(r, spec),
    }));
    const serious = chosen.some((f) => f.serious) && (forced ? forced.serious || row.checkType === 'dynamic' : r.chance(0.7));
    row.severity = serious ? 'serious' : 'general';
    const risk = (chosen.find((f) => f.serious && f.risk) ?? chosen.find((f) => f.risk))?.risk;
    row.mainProblem = `${chosen.map((f) => f.item).join('、')}不符合标准要求${risk ? `，${risk}` : ''}。`;
    if (forced) {
      forced.reportNo = row.reportNo;
      forced.failedItems = chosen.map((f) => f.item);
    }
  }

  /** Conclusion details, follow-up events and the consecutive-failure record, in sampling order. */
  private decide(r: Random, row: CheckRow, eventsByBatch: Map<string, EventRow[]>): void {
    const forced = row.certified ? this.forcedByItem.get(row.certified)?.find((f) => f.reportNo === row.reportNo) : undefined;
    if (row.conclusion === 'fail' && row.items.length === 0) {
      const category = categoryByName.get(row.category);
      const failures =
        row.checkType === 'dynamic'
          ? DYNAMIC_FAILURES
          : row.checkType === 'service_evaluation'
            ? (SERVICE_EVALUATION[row.certified!.industry]?.failures ?? DYNAMIC_FAILURES)
            : (category?.failures ?? DYNAMIC_FAILURES);
      this.fail(r, row, failures);
    }
    const supervision = row.checkType === 'national' || row.checkType === 'provincial' || row.checkType === 'city';
    if (!supervision) {
      row.final = row.conclusion;
      return;
    }
    let results = this.lastResult.get(row.producer);
    if (!results) this.lastResult.set(row.producer, (results = new Map()));
    if (row.conclusion === 'pass') {
      row.final = 'pass';
      results.set(row.category, 'pass');
      return;
    }
    const authority = row.sampledUnit.cityCode
      ? `${HUBEI_CITIES.find((c) => c.code === row.sampledUnit.cityCode)!.name}市场监督管理局`
      : `${provinceNames.get(row.sampledUnit.provinceCode ?? '') ?? '外省'}市场监督管理局（省外）`;
    const timeline = followUp(r, row.reportDate, {
      serious: row.severity === 'serious',
      authority,
      mayRecall: row.producer.provinceCode === '42' && (categoryByName.get(row.category)?.consumer ?? false),
      previousFailed: results.get(row.category) === 'fail',
      forced: forced ? { recall: forced.recall } : undefined,
    });
    row.final = timeline.final;
    if (timeline.final !== 'withdrawn') results.set(row.category, timeline.final);
    for (const event of timeline.events) {
      if (event.day > this.asOf) continue;
      const key = this.followUpBatch(event.day, row.batchDay);
      const list = eventsByBatch.get(key);
      const eventRow: EventRow = { ...event, check: row };
      if (list) list.push(eventRow);
      else eventsByBatch.set(key, [eventRow]);
    }
  }

  private reportNo(prefix: string, year: number, type: string): string {
    const key = `${prefix}${year}${type}`;
    const seq = (this.reportSeq.get(key) ?? 0) + 1;
    this.reportSeq.set(key, seq);
    return `${key}${String(seq).padStart(5, '0')}`;
  }
}

/** Pools are ordered at random; some enterprises are sampled much more often than others. */
function skewedPick<T>(r: Random, items: readonly T[]): T {
  return items[Math.floor(items.length * r.next() ** 1.5)];
}

function cityAgency(cityCode: string): { name: string; prefix: string } {
  if (cityCode === '429021') return { name: '十堰市产品质量监督检验所', prefix: 'SYZJ' };
  const city = HUBEI_CITIES.find((c) => c.code === cityCode)!;
  return { name: `${city.shortName === '恩施州' ? '恩施州' : city.name}产品质量监督检验所`, prefix: `${CITY_AGENCY_PREFIX[cityCode]}ZJ` };
}

/** '20260305', as production batch codes write a date */
function compact(day: DayNumber): string {
  return fromDayNumber(day).replaceAll('-', '');
}
