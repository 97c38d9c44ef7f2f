import { HUBEI_CITIES } from '../reference/cities.ts';
import type { ItemKind, LogoBasis, RevocationGround, StandardLevel } from '../vocabulary.ts';
import { RevocationGround as RevocationGrounds } from '../vocabulary.ts';
import { addYears, dayNumber, fromDayNumber, monthOf, toDayNumber, yearOf, type DayNumber } from '../plain-date.ts';
import type { EnterpriseFactory, Ent } from './enterprises.ts';
import { personName, phoneNumber } from './names.ts';
import { hubeiPlace } from './places.ts';
import { weekdayOnOrAfter } from './plan.ts';
import type { Random } from './random.ts';
import {
  ENGINEERING_ROADS,
  GENERAL_PROBLEMS,
  REGISTRY_TEMPLATES,
  SELF_REPORT_OPINIONS,
  type RegistryTemplate,
} from './registry-catalog.ts';

/**
 * The programme's registries, planned in full before anything is written: the cultivation library
 * and standard evaluations of each year, the certified lists of each round (届) with their logo
 * authorisations, and dynamic management — self-reports, rectification notices and the committee's
 * revocation decisions, each consistent with the spot checks that lead to it.
 *
 * The first round reproduces the real 2023 funnel (seed 002): 668 items of 558 enterprises entered,
 * 517 standards evaluated, 203 passed, 155 certified (announced March 2024).
 */

export interface RegistryEnt extends Ent {
  template: RegistryTemplate;
}

export interface CultivationEntryPlan {
  id: number;
  year: number;
  ent: RegistryEnt;
  itemName: string;
  /** the item without trademark or series: 浓香型白酒 */
  title: string;
  kind: ItemKind;
  template: RegistryTemplate;
  standard: StandardRef;
  contactName: string;
  contactPhone: string;
}

export interface StandardRef {
  no: string;
  name: string;
  level: StandardLevel;
}

export interface EvaluationPlan {
  id: number;
  year: number;
  entry: CultivationEntryPlan;
  passed: boolean;
  evaluatedOn: DayNumber;
  batchKey: string;
}

export interface CertifiedPlan {
  id: number;
  round: number;
  entry: CultivationEntryPlan;
  ent: RegistryEnt;
  name: string;
  kind: ItemKind;
  trademark: string | null;
  standard: StandardRef;
  industry: string;
  /** the spot-check (or service-evaluation) category of its checks */
  category: string;
  certifiedOn: DayNumber;
  certificateNo: string;
  seqNo: number;
  /** set when the committee revokes it */
  revokedOn?: DayNumber;
}

export interface LogoPlan {
  ent: RegistryEnt;
  item: CertifiedPlan | null;
  basis: LogoBasis;
  authorisedOn: DayNumber;
  validUntil: DayNumber;
}

export interface Round {
  round: number;
  year: number;
  cultivationDay: DayNumber;
  entries: CultivationEntryPlan[];
  evaluationBatches: { key: string; number: number; day: DayNumber; evaluations: EvaluationPlan[] }[];
  certificationDay: DayNumber;
  certified: CertifiedPlan[];
  logoDay: DayNumber;
  logos: LogoPlan[];
}

export interface SelfReportPlan {
  ent: RegistryEnt;
  year: number;
  submittedOn: DayNumber;
  opinion: string;
}

export interface NoticePlan {
  noticeNo: string;
  ent: RegistryEnt;
  item: CertifiedPlan;
  problem: string;
  issuedOn: DayNumber;
  dueOn: DayNumber;
  completedOn: DayNumber | null;
  result: 'pass' | 'fail' | null;
}

/** A check whose outcome a revocation scenario fixes in advance. */
export interface ForcedCheck {
  item: CertifiedPlan;
  type: 'city' | 'dynamic' | 'service_evaluation';
  reportDay: DayNumber;
  serious: boolean;
  recall: boolean;
  /** filled in when the check is generated */
  reportNo?: string;
  failedItems?: string[];
}

export interface RevocationPlan {
  decisionNo: string;
  decidedOn: DayNumber;
  ent: RegistryEnt;
  ground: RevocationGround;
  items: CertifiedPlan[];
  /** 事实与理由, written once the checks it cites exist */
  facts: () => string;
}

export interface Registry {
  rounds: Round[];
  selfReports: Map<number, SelfReportPlan[]>;
  notices: NoticePlan[];
  revocations: RevocationPlan[];
  forced: ForcedCheck[];
  /** every registry enterprise, in the order planned */
  enterprises: RegistryEnt[];
}

/** The real first-round funnel (seed 002). */
export const FUNNEL_2023 = { enterprises: 558, items: 668, evaluated: 517, passed: 203, reviewed: 163, certified: 155 } as const;

const SERIES = ['珍藏', '典藏', '精品', '臻选', '经典', '尊享', '优选', '特级'];

interface ParsedItem {
  title: string;
  cityCode?: string;
  national?: [string, string];
}

function parseItem(text: string): ParsedItem {
  const [head, no, name] = text.split('|');
  const [title, cityCode] = head.split('@');
  return { title, cityCode, national: no ? [no, name] : undefined };
}

export function cultivationDay(year: number): DayNumber {
  return year === 2023 ? dayNumber(2023, 7, 10) : weekdayOnOrAfter(dayNumber(year, 7, 25));
}

export function certificationDay(year: number): DayNumber {
  return year === 2023 ? dayNumber(2024, 3, 12) : weekdayOnOrAfter(dayNumber(year, 12, 26));
}

const ROUND_NAMES = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
export const roundName = (round: number) => ROUND_NAMES[round - 1] ?? String(round);

export function planRegistry(root: Random, factory: EnterpriseFactory, asOf: DayNumber): Registry {
  const enterprises: RegistryEnt[] = [];
  const rounds: Round[] = [];
  const groupNumbers = new Map<string, number>();
  let groupSeq = 0;

  for (let year = 2023; cultivationDay(year) <= asOf; year++) {
    const r = root.fork(`registry-${year}`);
    const round = year - 2022;
    const funnel = year === 2023 ? FUNNEL_2023 : laterFunnel(r);

    // —— cultivation library: enterprises and their items ——
    const entries: CultivationEntryPlan[] = [];
    const extras = funnel.items - funnel.enterprises;
    const triples = Math.round(extras * 0.09);
    const doubles = extras - 2 * triples;
    const reused = year === 2023 ? 0 : Math.round(funnel.enterprises * 0.12);
    const counts = r.shuffle([
      ...Array<number>(triples).fill(3),
      ...Array<number>(doubles).fill(2),
      ...Array<number>(funnel.enterprises - triples - doubles).fill(1),
    ]);
    const reusable = r.shuffle(enterprises.filter((e) => e.template.kind === 'product'));
    const standardOf = (ent: RegistryEnt, template: RegistryTemplate, item: ParsedItem): StandardRef => {
      const level = r.weighted<StandardLevel>([
        ['group', 45],
        ['enterprise', 25],
        ['national', 12],
        ['industry', 8],
        ['local', 10],
      ]);
      // the item's own standard (GB …, or an industry standard such as SC/T, LB/T) or the template's industry standard
      const own = item.national && { no: item.national[0], name: item.national[1], level: levelOf(item.national[0]) };
      if (own && own.level === level) return own;
      if (level === 'industry' && template.industryStandard) {
        return { no: template.industryStandard[0], name: template.industryStandard[1], level: levelOf(template.industryStandard[0]) };
      }
      if (level === 'enterprise') {
        const no = `Q/${ent.initials} ${String(r.int(1, 12)).padStart(4, '0')}${template.food ? 'S' : ''}-${year - r.int(0, 1)}`;
        return { no, name: item.title, level };
      }
      if (level === 'local') return { no: `DB42/T ${r.int(1100, 2260)}-${year - r.int(1, 4)}`, name: item.title, level };
      const key = `${year}:${item.title}`;
      let n = groupNumbers.get(key);
      if (n === undefined) groupNumbers.set(key, (n = ++groupSeq));
      return { no: `T/HBAS ${String(n).padStart(3, '0')}-${year}`, name: `“湖北精品” ${item.title}`, level: 'group' };
    };

    for (let i = 0; i < funnel.enterprises; i++) {
      let ent: RegistryEnt;
      let template: RegistryTemplate;
      const used = new Set<string>();
      if (i < reused && reusable.length) {
        ent = reusable.pop()!;
        template = ent.template;
      } else {
        template = r.weighted(REGISTRY_TEMPLATES.map((t) => [t, t.weight] as const));
        const first = parseItem(r.pick(template.items));
        ent = Object.assign(
          factory.hubei(r, { words: template.words, cityCode: first.cityCode, large: true, industrial: template.kind !== 'service' }),
          { template },
        );
        if (ent.trademarks.length === 0) ent.trademarks.push(ent.name.slice(2, 4));
        ent.quality = 0.3;
        enterprises.push(ent);
      }
      for (let k = 0; k < counts[i]; k++) {
        const candidates = template.items.map(parseItem).filter((p) => !p.cityCode || p.cityCode === ent.cityCode);
        let item = r.pick(candidates.length ? candidates : [parseItem(template.items[0].split('@')[0])]);
        let name = itemName(r, ent, template, item);
        for (let tries = 0; used.has(name) && tries < 20; tries++) {
          item = r.pick(candidates.length ? candidates : [item]);
          name = itemName(r, ent, template, item);
          if (used.has(name)) name = `${name}（${r.pick(SERIES)}系列）`;
        }
        if (used.has(name)) name = `${name}${k + 1}`;
        used.add(name);
        entries.push({
          id: 0,
          year,
          ent,
          itemName: name,
          title: item.title,
          kind: template.kind,
          template,
          standard: standardOf(ent, template, item),
          contactName: personName(r),
          contactPhone: phoneNumber(r, ent.areaCode),
        });
      }
    }
    // the announcement lists items city by city
    const cityOrder = (e: RegistryEnt) => HUBEI_CITIES.findIndex((c) => c.code === e.cityCode);
    const ordered = entries
      .map((e) => ({ e, k: r.next() }))
      .sort((a, b) => cityOrder(a.e.ent) - cityOrder(b.e.ent) || a.k - b.k)
      .map((x) => x.e);

    // —— standard evaluations: a subset evaluated, some passed ——
    const evaluated = r.sample(ordered, funnel.evaluated);
    const passed = new Set(r.sample(evaluated, funnel.passed));
    const batches =
      year === 2023
        ? [
            { number: 1, start: dayNumber(2023, 10, 16), day: dayNumber(2023, 10, 27), share: 0.42 },
            { number: 2, start: dayNumber(2023, 11, 13), day: dayNumber(2023, 11, 24), share: 1 },
          ]
        : [{ number: 1, start: dayNumber(year, 9, 9), day: weekdayOnOrAfter(dayNumber(year, 9, 27)), share: 1 }];
    const evaluationBatches: Round['evaluationBatches'] = [];
    let from = 0;
    for (const b of batches) {
      const to = b.share === 1 ? evaluated.length : Math.round(evaluated.length * b.share);
      const key = `evaluations:${year}:${b.number}`;
      const evaluations = evaluated
        .slice(from, to)
        .map((entry) => ({ id: 0, year, entry, passed: passed.has(entry), evaluatedOn: b.start + r.int(0, 4), batchKey: key }))
        .sort((a, c) => ordered.indexOf(a.entry) - ordered.indexOf(c.entry));
      from = to;
      if (b.day <= asOf) evaluationBatches.push({ key, number: b.number, day: b.day, evaluations });
    }

    // —— certification: a subset of the passed items ——
    const certDay = certificationDay(year);
    const logoDay = weekdayOnOrAfter(certDay + 14);
    const chosen = new Set(r.sample([...passed], funnel.certified));
    const certified: CertifiedPlan[] = ordered
      .filter((e) => chosen.has(e))
      .map((entry, i) => ({
        id: 0,
        round,
        entry,
        ent: entry.ent,
        name: entry.itemName,
        kind: entry.kind,
        trademark: entry.ent.trademarks[0] ?? null,
        standard: entry.standard,
        industry: entry.template.industry,
        category: entry.template.category,
        certifiedOn: certDay,
        certificateNo: `HBJP-${year}-${String(i + 1).padStart(4, '0')}`,
        seqNo: i + 1,
      }));
    const validUntil = toDayNumber(addYears(fromDayNumber(certDay), 3)) - 1;
    const logos: LogoPlan[] = certified.map((item) => ({ ent: item.ent, item, basis: 'certified', authorisedOn: logoDay, validUntil }));
    // 长江质量奖 winners may use the logo by self-declaration (seed 001 附件2)
    const certifiedEnts = new Set(certified.map((c) => c.ent));
    const award = r.sample(
      [...new Set(ordered.map((e) => e.ent))].filter((e) => !certifiedEnts.has(e) && e.size === 'large'),
      3,
    );
    for (const ent of award) logos.push({ ent, item: null, basis: 'yangtze_award', authorisedOn: logoDay, validUntil });

    rounds.push({
      round,
      year,
      cultivationDay: cultivationDay(year),
      entries: ordered,
      evaluationBatches,
      certificationDay: certDay,
      certified: certDay <= asOf ? certified : [],
      logoDay,
      logos: logoDay <= asOf ? logos : [],
    });
  }

  const r = root.fork('dynamic-management');
  const certified = rounds.flatMap((x) => x.certified);
  const { revocations, forced, scenarioItems, scenarioNotices } = planRevocations(r, rounds, asOf);
  return {
    rounds,
    selfReports: planSelfReports(r, certified, asOf),
    notices: planNotices(r, certified, scenarioItems, scenarioNotices, asOf),
    revocations,
    forced,
    enterprises,
  };
}

/** 标准层级 told by the number's prefix: GB, GB/T national; DB42 local; T/ group; Q/ enterprise; the rest industry. */
export function levelOf(no: string): StandardLevel {
  if (/^GB(\/[TZ])? /.test(no)) return 'national';
  if (no.startsWith('DB')) return 'local';
  if (no.startsWith('T/')) return 'group';
  if (no.startsWith('Q/')) return 'enterprise';
  return 'industry';
}

function laterFunnel(r: Random) {
  const certified = r.int(150, 180);
  const passed = certified + r.int(15, 35);
  const evaluated = Math.round(passed / r.decimal(0.48, 0.55, 3));
  const items = Math.round(evaluated / r.decimal(0.78, 0.84, 3));
  return { certified, passed, evaluated, items, enterprises: Math.round(items * r.decimal(0.82, 0.86, 3)) };
}

function itemName(r: Random, ent: RegistryEnt, template: RegistryTemplate, item: ParsedItem): string {
  if (template.kind === 'engineering') {
    const place = hubeiPlace(ent.cityCode!);
    if (template.industry === '4812')
      return `${r.pick(ENGINEERING_ROADS)}${r.pick(['第一合同段', '第二合同段', '第三合同段', '路面工程', '桥梁工程'])}`;
    const where = ent.county ?? place.city.name;
    return `${where}${r.pick(['江韵', '楚天', '汉水', '锦园', '翠湖', '滨江', '云栖'])}${r.pick(['花园', '华府', '新城', '雅苑'])}${item.title}`;
  }
  if (template.kind === 'service') return r.chance(0.5) ? item.title : `${ent.trademarks[0]}${item.title}`;
  return r.chance(0.45) && ent.trademarks.length ? `${ent.trademarks[0]}${item.title}` : item.title;
}

function planSelfReports(r: Random, certified: CertifiedPlan[], asOf: DayNumber): Map<number, SelfReportPlan[]> {
  const byYear = new Map<number, SelfReportPlan[]>();
  for (let year = 2024; dayNumber(year, 9, 1) <= asOf; year++) {
    const due = dayNumber(year, 10, 31);
    const ents = [
      ...new Set(
        certified
          .filter((c) => c.certifiedOn <= dayNumber(year, 9, 1) && !(c.revokedOn !== undefined && c.revokedOn <= due))
          .map((c) => c.ent),
      ),
    ];
    const reports: SelfReportPlan[] = [];
    const missingShare = yearOf(fromDayNumber(asOf)) === year ? 0.08 : 0.02;
    for (const ent of ents) {
      const x = r.next();
      if (x < missingShare) continue;
      const late = x < missingShare + 0.07;
      const submittedOn = late ? dayNumber(year, 11, 1) + r.int(0, 29) : due - Math.floor(60 * r.next() ** 2);
      if (submittedOn > asOf) continue;
      reports.push({
        ent,
        year,
        submittedOn,
        opinion: late ? '逾期提交；材料齐全，符合认定条件，已督促其今后按期报送。' : r.pick(SELF_REPORT_OPINIONS),
      });
    }
    reports.sort((a, b) => a.submittedOn - b.submittedOn);
    byYear.set(year, reports);
  }
  return byYear;
}

function planNotices(
  r: Random,
  certified: CertifiedPlan[],
  exclude: Set<CertifiedPlan>,
  scenario: NoticePlan[],
  asOf: DayNumber,
): NoticePlan[] {
  const notices: NoticePlan[] = [...scenario];
  for (let year = 2024; dayNumber(year, 3, 1) <= asOf; year++) {
    const count = r.int(3, 6);
    for (let i = 0; i < count; i++) {
      const issuedOn = dayNumber(year, 3, 1) + r.int(0, 264);
      const active = certified.filter(
        (c) => c.certifiedOn + 30 <= issuedOn && !exclude.has(c) && (c.revokedOn === undefined || c.revokedOn > issuedOn),
      );
      if (issuedOn > asOf || active.length === 0) continue;
      const item = r.pick(active);
      const dueOn = issuedOn + r.pick([30, 45, 60]);
      const x = r.next();
      let completedOn: DayNumber | null = null;
      let result: NoticePlan['result'] = null;
      if (x < 0.55) [completedOn, result] = [issuedOn + r.int(15, dueOn - issuedOn), 'pass'];
      else if (x < 0.67) [completedOn, result] = [dueOn + r.int(3, 25), 'pass'];
      else if (x < 0.77) [completedOn, result] = [issuedOn + r.int(20, dueOn - issuedOn), 'fail'];
      if (completedOn !== null && completedOn > asOf) [completedOn, result] = [null, null];
      notices.push({ noticeNo: '', ent: item.ent, item, problem: r.pick(GENERAL_PROBLEMS), issuedOn, dueOn, completedOn, result });
    }
  }
  notices.sort((a, b) => a.issuedOn - b.issuedOn);
  const seqByYear = new Map<number, number>();
  for (const n of notices) {
    const y = yearOf(fromDayNumber(n.issuedOn));
    const seq = (seqByYear.get(y) ?? 0) + r.int(1, 3);
    seqByYear.set(y, seq);
    n.noticeNo = `鄂精品委整改〔${y}〕${seq}号`;
  }
  return notices;
}

const GROUND_TEXT: Record<RevocationGround, string> = {
  false_material: '提交虚假年度自查报告或佐证材料',
  consecutive_failures: '产品质量监督抽查连续两次不合格，受到行政处罚；服务质量评价连续两次不合格',
  unrectified: '对市场监督管理或相关行业主管部门发现的一般问题未按期整改或整改后仍达不到规定要求',
  serious_impact: '在质量、安全、环保等方面落实主体责任不力，造成严重不良影响',
  other_violation: '发生其他严重违法违规情形',
};
export const groundText = (ground: RevocationGround) => `${RevocationGrounds.label(ground)}：${GROUND_TEXT[ground]}`;

const CONSUMER_CATEGORIES = new Set([
  '电线电缆',
  '复混肥料',
  '电饭锅',
  'LED灯具',
  '低压电器',
  '塑料管材',
  '涂料',
  '家用电器',
  '汽车零部件',
]);

/**
 * The committee's decisions (000 Art. 16), each with the records that justify it: two failed
 * supervision checks in a row, two failed service evaluations, an unrectified notice, a dynamic
 * check that found the self-report false, a serious incident.
 */
function planRevocations(r: Random, rounds: Round[], asOf: DayNumber) {
  const revocations: RevocationPlan[] = [];
  const forced: ForcedCheck[] = [];
  const scenarioItems = new Set<CertifiedPlan>();
  const scenarioNotices: NoticePlan[] = [];
  const usedEnts = new Set<Ent>();
  const round = (n: number) => rounds.find((x) => x.round === n)?.certified ?? [];
  const choose = (items: CertifiedPlan[], filter: (c: CertifiedPlan) => boolean) => {
    const candidates = items.filter((c) => filter(c) && !usedEnts.has(c.ent) && !scenarioItems.has(c));
    if (!candidates.length) return undefined;
    const item = r.pick(candidates);
    usedEnts.add(item.ent);
    return item;
  };
  const decide = (ground: RevocationGround, decidedOn: DayNumber, number: number, items: CertifiedPlan[], facts: () => string) => {
    for (const item of items) scenarioItems.add(item);
    if (decidedOn > asOf) return;
    for (const item of items) item.revokedOn = decidedOn;
    revocations.push({
      decisionNo: `鄂精品委〔${yearOf(fromDayNumber(decidedOn))}〕${number}号`,
      decidedOn,
      ent: items[0].ent,
      ground,
      items,
      facts,
    });
  };
  const month = (d: DayNumber) => `${yearOf(fromDayNumber(d))}年${monthOf(fromDayNumber(d))}月`;
  const cityName = (c: CertifiedPlan) => hubeiPlace(c.ent.cityCode!).city.name;

  // (2) a product: two failed city-level supervision checks in a row, with a penalty
  const product = choose(round(1), (c) => c.kind === 'product' && CONSUMER_CATEGORIES.has(c.category));
  if (product) {
    const first: ForcedCheck = {
      item: product,
      type: 'city',
      reportDay: weekdayOnOrAfter(dayNumber(2024, 9, 10) + r.int(0, 14)),
      serious: false,
      recall: false,
    };
    const second: ForcedCheck = {
      item: product,
      type: 'city',
      reportDay: weekdayOnOrAfter(dayNumber(2025, 4, 8) + r.int(0, 14)),
      serious: false,
      recall: false,
    };
    forced.push(first, second);
    decide(
      'consecutive_failures',
      weekdayOnOrAfter(dayNumber(2025, 7, 21) + r.int(0, 7)),
      3,
      [product],
      () =>
        `经查，${product.ent.name}获认定产品“${product.name}”（证书编号 ${product.certificateNo}）在${month(first.reportDay)}、${month(second.reportDay)}${cityName(product)}产品质量监督抽查中连续两次检验不合格（报告编号 ${first.reportNo}、${second.reportNo}），不合格项目分别为${(first.failedItems ?? []).join('、')}和${(second.failedItems ?? []).join('、')}，${cityName(product)}市场监督管理局已依法给予行政处罚。依据《“湖北精品”动态管理办法》第十六条第（二）项，决定撤销其“湖北精品”认定。`,
    );
  }

  // (2) a service: two failed service-quality evaluations in a row
  const service = choose(round(1), (c) => c.kind === 'service');
  if (service) {
    const first: ForcedCheck = {
      item: service,
      type: 'service_evaluation',
      reportDay: weekdayOnOrAfter(dayNumber(2024, 10, 15) + r.int(0, 10)),
      serious: false,
      recall: false,
    };
    const second: ForcedCheck = {
      item: service,
      type: 'service_evaluation',
      reportDay: weekdayOnOrAfter(dayNumber(2025, 10, 14) + r.int(0, 10)),
      serious: false,
      recall: false,
    };
    forced.push(first, second);
    decide(
      'consecutive_failures',
      weekdayOnOrAfter(dayNumber(2026, 1, 12) + r.int(0, 7)),
      2,
      [service],
      () =>
        `经查，${service.ent.name}获认定服务“${service.name}”（证书编号 ${service.certificateNo}）在${yearOf(fromDayNumber(first.reportDay))}年度、${yearOf(fromDayNumber(second.reportDay))}年度“湖北精品”服务质量评价中连续两次不合格（报告编号 ${first.reportNo}、${second.reportNo}）。依据《“湖北精品”动态管理办法》第十六条第（二）项，决定撤销其“湖北精品”认定。`,
    );
  }

  // (3) a general problem not rectified by the deadline
  const unrectified = choose(round(2), (c) => c.kind === 'product');
  if (unrectified) {
    const issuedOn = weekdayOnOrAfter(dayNumber(2025, 3, 10));
    const notice: NoticePlan = {
      noticeNo: '',
      ent: unrectified.ent,
      item: unrectified,
      problem: GENERAL_PROBLEMS[0],
      issuedOn,
      dueOn: issuedOn + 60,
      completedOn: null,
      result: null,
    };
    if (issuedOn <= asOf) scenarioNotices.push(notice);
    decide(
      'unrectified',
      weekdayOnOrAfter(dayNumber(2025, 8, 18) + r.int(0, 7)),
      7,
      [unrectified],
      () =>
        `${unrectified.ent.name}于${month(notice.issuedOn)}收到整改通知书（${notice.noticeNo}），要求对${notice.problem}的问题限期整改，整改期限届满后仍未完成整改。依据《“湖北精品”动态管理办法》第十六条第（三）项，决定撤销其“湖北精品”认定。`,
    );
  }

  // (1) a false self-report, found by the annual dynamic check
  const falseReport = choose(round(2), (c) => c.kind === 'product');
  if (falseReport) {
    const items = rounds.flatMap((x) => x.certified).filter((c) => c.ent === falseReport.ent);
    const check: ForcedCheck = {
      item: falseReport,
      type: 'dynamic',
      reportDay: weekdayOnOrAfter(dayNumber(2025, 11, 24) + r.int(0, 7)),
      serious: false,
      recall: false,
    };
    forced.push(check);
    decide(
      'false_material',
      weekdayOnOrAfter(dayNumber(2026, 3, 16) + r.int(0, 7)),
      5,
      items,
      () =>
        `${falseReport.ent.name}提交的2025年度自查报告称年度内未发生质量问题，经${yearOf(fromDayNumber(check.reportDay))}年度动态抽查（报告编号 ${check.reportNo}）现场核查，该企业于2025年曾因产品质量投诉停产整改，自查报告及佐证材料与实际情况不符。依据《“湖北精品”动态管理办法》第十六条第（一）项，决定撤销其全部“湖北精品”认定。`,
    );
  }

  // (4) a serious quality incident
  const serious = choose(round(1), (c) => c.kind === 'product' && CONSUMER_CATEGORIES.has(c.category));
  if (serious) {
    const check: ForcedCheck = {
      item: serious,
      type: 'city',
      reportDay: weekdayOnOrAfter(dayNumber(2026, 5, 11) + r.int(0, 10)),
      serious: true,
      recall: true,
    };
    forced.push(check);
    decide(
      'serious_impact',
      weekdayOnOrAfter(dayNumber(2026, 9, 14) + r.int(0, 7)),
      9,
      [serious],
      () =>
        `${serious.ent.name}获认定产品“${serious.name}”在${month(check.reportDay)}${cityName(serious)}产品质量监督抽查中被检出存在严重质量问题（报告编号 ${check.reportNo}，不合格项目：${(check.failedItems ?? []).join('、')}），企业已实施召回，但相关产品已大量流入市场并被媒体曝光，造成严重不良影响。依据《“湖北精品”动态管理办法》第十六条第（四）项，决定撤销其“湖北精品”认定。`,
    );
  }

  // forced checks dated after as-of are simply not generated
  return { revocations, forced: forced.filter((f) => f.reportDay <= asOf), scenarioItems, scenarioNotices };
}
