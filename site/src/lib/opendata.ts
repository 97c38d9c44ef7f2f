/**
 * Open data: every public record as CSV and JSON, for everything and per batch, with SHA-256
 * checksums, a data dictionary (every column: type, meaning in Chinese and English, article) and
 * one zip archive of the release. The files are built once per build (memoised) and served by
 * static endpoints; the open-data page and the batch pages show the same checksums.
 */
import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { toCsv } from './csv.ts';
import { hubData, type Batch, type Failure, type HubData, type Item, type Logo, type Revocation, type Stat, type Warning } from './data.ts';
import {
  loadOpenRecords,
  type CultivationEntry,
  type OpenEnterprise,
  type OpenRecords,
  type RectificationNotice,
  type SelfReport,
  type StandardEvaluation,
} from './records/open-data.ts';
import {
  CertificationStatus,
  CheckType,
  DeadlineStep,
  EnterpriseSize,
  IdentityBasis,
  ItemKind,
  LogoBasis,
  LogoValidity,
  OPEN_DATA_LICENCE,
  RecordType,
  SelfReportStatus,
  Severity,
  StandardLevel,
} from '@hub/db/vocabulary';
import { articleLabel, chinaDate, PROGRAMME as PROGRAMME_NAME } from './format.ts';
import { requestLog } from './api.ts';
import { absolute, PUBLIC_API_URL } from './site.ts';
import { paths } from './slug.ts';

type Cell = string | number | boolean | null;
/** A column's type in the data dictionary (CSVW datatypes: string, integer, number, boolean, date, anyURI; json: an array in JSON, joined text in CSV). */
type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'anyURI' | 'json';
interface Field<T> {
  key: string;
  /** the CSV column name and the meaning in Chinese */
  title: string;
  /** the meaning in English */
  en: string;
  /** default string */
  type?: FieldType;
  /** the article the value follows, where one applies (e.g. 003 Art. 27) */
  article?: string;
  value: (row: T) => Cell;
  /** the JSON value when it is structured (CSV gets `value`, joined) */
  json?: (row: T) => unknown;
}

interface Dataset<T> {
  key: string;
  title: string;
  /** the dataset's name in English (data dictionary) */
  titleEn: string;
  description: string;
  fields: Field<T>[];
  rows: T[];
}

export interface DataFile {
  /** site path, e.g. /data/failures.csv */
  path: string;
  name: string;
  dataset: string;
  format: 'csv' | 'json';
  description: string;
  rows: number;
  bytes: number;
  sha256: string;
  content: string;
}

/**
 * Columns several files share, defined once so a column means the same (title, English, type,
 * article) in every file and in the data dictionary; each file says only where its value comes from.
 */
type Party = { name: string; uscc: string | null } | null | undefined;
const usccColumn = <T>(value: (row: T) => Cell): Field<T> => ({
  key: 'uscc',
  title: '统一社会信用代码',
  en: 'unified social credit code (GB 32100-2015)',
  value,
});
const column = {
  /** 企业名称 and 统一社会信用代码 of the record's enterprise */
  enterprise: <T>(of: (row: T) => Party): Field<T>[] => [
    { key: 'enterprise', title: '企业名称', en: 'enterprise', value: (r) => of(r)?.name ?? null },
    usccColumn<T>((r) => of(r)?.uscc ?? null),
  ],
  uscc: usccColumn,
  city: <T>(value: (row: T) => Cell): Field<T> => ({ key: 'city', title: '属地', en: 'city (市州)', value }),
  /** 行业代码 and 所属行业 (GB/T 4754-2017) */
  industry: <T>(of: (row: T) => { code: string; name: string } | null | undefined): Field<T>[] => [
    { key: 'industryCode', title: '行业代码', en: 'industry class (GB/T 4754-2017)', value: (r) => of(r)?.code ?? null },
    { key: 'industryName', title: '所属行业', en: 'industry name', value: (r) => of(r)?.name ?? null },
  ],
  itemKind: <T>(key: string, value: (row: T) => string): Field<T> => ({
    key,
    title: '类别',
    en: 'kind (产品 product / 服务 service / 工程 project)',
    value: (r) => ItemKind.find(value(r)) ?? value(r),
  }),
  /** 执行标准编号, 执行标准名称, 标准层级 */
  standard: <T>(of: (row: T) => { standardNo: string | null; standardName: string | null; standardLevel: string | null }): Field<T>[] => [
    { key: 'standardNo', title: '执行标准编号', en: 'standard number', value: (r) => of(r).standardNo },
    { key: 'standardName', title: '执行标准名称', en: 'standard name', value: (r) => of(r).standardName },
    {
      key: 'standardLevel',
      title: '标准层级',
      en: 'level of the standard (national, industry, local, group, enterprise)',
      value: (r) => {
        const level = of(r).standardLevel;
        return level ? (StandardLevel.find(level) ?? level) : null;
      },
    },
  ],
  reapplicationBarredUntil: <T>(value: (row: T) => Cell): Field<T> => ({
    key: 'reapplicationBarredUntil',
    title: '不得再次申请截止日',
    en: 'last day the enterprise may not reapply (3 years)',
    type: 'date',
    article: '000 Art. 16',
    value,
  }),
  /** the record's page on this site */
  page: <T>(value: (row: T) => Cell, en = 'page on this site'): Field<T> => ({ key: 'url', title: '页面', en, type: 'anyURI', value }),
};

const joinItems = (f: Failure) =>
  f.nonconformingItems
    .map((n) => [n.item, n.requirement && `标准值 ${n.requirement}`, n.measured && `实测值 ${n.measured}`].filter(Boolean).join('，'))
    .join('；');

function failureFields(data: HubData): Field<Failure>[] {
  return [
    { key: 'reportNo', title: '报告编号', en: 'test report number', value: (f) => f.reportNo },
    { key: 'reportDate', title: '报告日期', en: 'report date', type: 'date', value: (f) => f.reportDate },
    {
      key: 'checkType',
      title: '抽查类型',
      en: 'kind of spot check',
      article: '003 Art. 32',
      value: (f) => CheckType.find(f.checkType) ?? f.checkType,
    },
    { key: 'productCategory', title: '产品种类', en: 'product category', article: '003 Art. 27', value: (f) => f.productCategory },
    { key: 'productName', title: '产品名称', en: 'product name', article: '003 Art. 27', value: (f) => f.productName },
    { key: 'trademark', title: '商标', en: 'trademark', article: '003 Art. 27', value: (f) => f.trademark },
    { key: 'modelSpec', title: '规格型号', en: 'model / specification', article: '003 Art. 27', value: (f) => f.modelSpec },
    {
      key: 'productionBatch',
      title: '生产日期/批号',
      en: 'production date or batch',
      article: '003 Art. 27',
      value: (f) => f.productionBatch ?? f.productionDate,
    },
    {
      key: 'nonconformingItems',
      title: '不符合项',
      en: 'nonconforming items: JSON an array of { seq, item, requirement, measured }; CSV joined as 项目，标准值 …，实测值 …；',
      type: 'json',
      article: '003 Art. 27',
      value: joinItems,
      json: (f) => f.nonconformingItems.map((n) => ({ seq: n.seq, item: n.item, requirement: n.requirement, measured: n.measured })),
    },
    { key: 'mainProblem', title: '主要质量问题', en: 'main quality problem', article: '003 Art. 27', value: (f) => f.mainProblem },
    {
      key: 'severity',
      title: '问题严重程度',
      en: 'severity (一般 general / 严重 serious)',
      article: '003 Art. 18',
      value: (f) => (f.severity ? (Severity.find(f.severity) ?? f.severity) : null),
    },
    column.city<Failure>((f) => f.city?.name ?? null),
    { key: 'testingAgency', title: '承检机构', en: 'testing agency', value: (f) => f.testingAgency },
    // 003 Art. 27(4)–(5): the API returns these only where they may be published
    {
      key: 'producerName',
      title: '标称生产者',
      en: 'nominal producer, only where it may be published',
      article: '003 Art. 27(4)–(5)',
      value: (f) => (f.disclosure.identityPublic ? f.producerName : null),
    },
    {
      key: 'sampledUnitName',
      title: '被抽样单位',
      en: 'sampled unit (seller), only where it may be published',
      article: '003 Art. 27(4)–(5)',
      value: (f) => (f.disclosure.identityPublic ? f.sampledUnitName : null),
    },
    {
      key: 'identityBasis',
      title: '生产者信息公开依据',
      en: 'why the producer is named',
      article: '003 Art. 27(4)–(5)',
      value: (f) =>
        f.disclosure.identityBasis ? (IdentityBasis.find(f.disclosure.identityBasis)?.label ?? f.disclosure.identityBasis) : null,
    },
    { key: 'caseStatus', title: '处理进展', en: 'where the case stands', article: '003 Art. 5–25', value: (f) => f.status?.label ?? null },
    {
      key: 'batch',
      title: '发布批次',
      en: 'batch that published it',
      value: (f) => (f.batch ? (data.batchById.get(f.batch.id)?.title ?? null) : null),
    },
    column.page<Failure>((f) => absolute(paths.result(f.slug))),
  ];
}

function itemFields(data: HubData): Field<Item>[] {
  const enterprise = (i: Item) => (i.enterprise ? data.enterpriseById.get(i.enterprise.id) : undefined);
  return [
    { key: 'round', title: '届次', en: 'round (1 = 2023)', type: 'integer', value: (i) => i.round },
    { key: 'roundYear', title: '年度', en: 'year of the round', type: 'integer', value: (i) => i.roundYear },
    { key: 'seqNo', title: '序号', en: 'number in the announcement', type: 'integer', value: (i) => i.seqNo },
    { key: 'name', title: '名称', en: 'product, service or project', value: (i) => i.name },
    column.itemKind<Item>('kind', (i) => i.kind),
    { key: 'trademark', title: '注册商标', en: 'registered trademark', value: (i) => i.trademark },
    ...column.standard<Item>((i) => i),
    ...column.industry<Item>((i) => i.industry),
    { key: 'certifiedOn', title: '认定日期', en: 'date certified', type: 'date', value: (i) => i.certifiedOn },
    { key: 'certificateNo', title: '证书编号', en: 'certificate number', value: (i) => i.certificateNo },
    ...column.enterprise<Item>(enterprise),
    column.city<Item>((i) => enterprise(i)?.city?.name ?? null),
    {
      key: 'status',
      title: '认定状态',
      en: 'status of the certification',
      article: '000 Art. 16',
      value: (i) => CertificationStatus.find(i.status) ?? i.status,
    },
    {
      key: 'revokedOn',
      title: '撤销日期',
      en: 'date revoked',
      type: 'date',
      article: '000 Art. 16',
      value: (i) => i.revocations.at(-1)?.decidedOn ?? null,
    },
    column.reapplicationBarredUntil<Item>((i) => i.revocations.at(-1)?.reapplicationBarredUntil ?? null),
    column.page<Item>((i) => absolute(paths.item(i.slug))),
  ];
}

const revocationFields: Field<Revocation>[] = [
  { key: 'decisionNo', title: '决定文号', en: 'decision number', value: (r) => r.decisionNo },
  { key: 'decidedOn', title: '决定日期', en: 'date of the decision', type: 'date', value: (r) => r.decidedOn },
  {
    key: 'ground',
    title: '撤销情形',
    en: 'ground of revocation',
    article: '000 Art. 16',
    value: (r) => `${articleLabel('000 Art. 16')}（${r.groundLabel}）`,
  },
  { key: 'groundText', title: '情形说明', en: 'the ground in words', article: '000 Art. 16', value: (r) => r.groundText },
  { key: 'facts', title: '事实与理由', en: 'facts and reasons', value: (r) => r.facts },
  ...column.enterprise<Revocation>((r) => r.enterprise),
  {
    key: 'items',
    title: '撤销的认定对象',
    en: 'certified items revoked (JSON an array of names; CSV joined with ；)',
    type: 'json',
    value: (r) => r.items.map((i) => i.name).join('；'),
    json: (r) => r.items.map((i) => i.name),
  },
  {
    key: 'logoStopsOn',
    title: '停止使用标识日期',
    en: 'day the logo must stop',
    type: 'date',
    article: '000 Art. 16',
    value: (r) => r.logoStopsOn,
  },
  column.reapplicationBarredUntil<Revocation>((r) => r.reapplicationBarredUntil),
  {
    key: 'reapplicationFrom',
    title: '可重新申请日期',
    en: 'first day it may reapply',
    type: 'date',
    article: '000 Art. 16',
    value: (r) => r.reapplicationFrom,
  },
  column.page<Revocation>((r) => absolute(paths.revocation(r.slug))),
];

function warningFields(data: HubData): Field<Warning>[] {
  const reportNos = (w: Warning) => w.spotChecks.map((s) => data.failureById.get(s.id)?.reportNo).filter((n): n is string => !!n);
  return [
    { key: 'title', title: '标题', en: 'title', value: (w) => w.title },
    { key: 'publishedOn', title: '发布日期', en: 'date published', type: 'date', value: (w) => w.publishedOn },
    { key: 'productCategory', title: '产品种类', en: 'product category', value: (w) => w.productCategory },
    { key: 'risk', title: '风险提示', en: 'the risk', article: '003 Art. 26', value: (w) => w.risk },
    { key: 'advice', title: '消费建议', en: 'advice to consumers', article: '003 Art. 26', value: (w) => w.advice },
    {
      key: 'reportNos',
      title: '关联报告编号',
      en: 'report numbers of the results it cites (JSON an array; CSV joined with ；)',
      type: 'json',
      value: (w) => reportNos(w).join('；'),
      json: reportNos,
    },
    column.page<Warning>((w) => absolute(paths.warning(w.slug))),
  ];
}

type StatRow = Stat & { dimension: string };
const statFields: Field<StatRow>[] = [
  {
    key: 'dimension',
    title: '分组维度',
    en: 'dimension (年度 year, 属地 city, 产品种类 category, 抽查类型 check type)',
    value: (s) => s.dimension,
  },
  { key: 'key', title: '分组代码', en: 'group code', value: (s) => s.key },
  { key: 'label', title: '分组名称', en: 'group name', value: (s) => s.label ?? s.key },
  {
    key: 'checked',
    title: '抽查数',
    en: 'results counted (final, passes included)',
    type: 'integer',
    article: '003 Art. 27',
    value: (s) => s.checked,
  },
  { key: 'failed', title: '不合格数', en: 'of which failed (conclusion in force)', type: 'integer', value: (s) => s.failed },
  {
    key: 'failureRate',
    title: '不合格率',
    en: 'failed / checked (0–1)',
    type: 'number',
    value: (s) => (s.failureRate == null ? null : Number(s.failureRate.toFixed(6))),
  },
];

interface CorrectionRow {
  kind: string;
  reference: string;
  /** 报告编号 / 证书编号 / 决定文号 … of the record */
  number: string | null;
  date: string;
  reason: string;
  changes: string;
  batch: string | null;
}
const correctionFields: Field<CorrectionRow>[] = [
  { key: 'kind', title: '更正类型', en: 'kind of correction', article: '003 Art. 26', value: (c) => c.kind },
  { key: 'reference', title: '涉及记录', en: 'record concerned', value: (c) => c.reference },
  {
    key: 'number',
    title: '编号（报告编号、证书编号、决定文号等）',
    en: 'number of the record (report, certificate, decision …)',
    value: (c) => c.number,
  },
  { key: 'date', title: '日期', en: 'date', type: 'date', value: (c) => c.date },
  { key: 'reason', title: '原因', en: 'reason', value: (c) => c.reason },
  { key: 'changes', title: '更正内容', en: 'what changed', value: (c) => c.changes },
  { key: 'batch', title: '更正批次', en: 'batch that corrected it', value: (c) => c.batch },
];

function correctionRows(data: HubData): CorrectionRow[] {
  return [
    ...data.publicCorrections.map((c) => ({
      kind: `${RecordType.find(c.recordType) ?? c.recordType}${c.kindLabel}`,
      reference: `${c.recordNumberLabel ?? ''} ${c.recordNumber ?? ''}`.trim(),
      number: c.recordNumber,
      date: c.since,
      reason: c.reason,
      changes: c.changes.map((x) => `${x.label ?? x.field}：${x.before ?? '—'} → ${x.after ?? '不再公布'}`).join('；'),
      batch: c.batch?.title ?? null,
    })),
    ...data.recordCorrections.map((c) => ({
      kind: c.change === 'removed' ? '记录删除' : '记录更正',
      reference: RecordType.find(c.recordType) ?? c.recordType,
      number: c.recordNumber ?? null,
      date: chinaDate(c.at),
      reason: c.reason ?? '',
      changes: c.change === 'removed' ? '删除' : `更正为第${c.version}版`,
      batch: c.batch.title,
    })),
  ];
}

function enterpriseFields(data: HubData): Field<OpenEnterprise>[] {
  const page = (e: OpenEnterprise) => data.enterpriseById.get(e.id);
  return [
    { key: 'name', title: '名称', en: 'name', value: (e) => e.name },
    column.uscc<OpenEnterprise>((e) => e.uscc),
    { key: 'address', title: '住所', en: 'registered address', value: (e) => e.address },
    { key: 'county', title: '县区', en: 'county or district, as the source wrote it', value: (e) => e.county },
    column.city<OpenEnterprise>((e) => e.city?.name ?? null),
    { key: 'cityCode', title: '属地代码', en: 'city code (GB/T 2260)', value: (e) => e.city?.code ?? null },
    { key: 'provinceCode', title: '省级代码', en: 'province code from the USCC (42 = Hubei)', value: (e) => e.provinceCode },
    {
      key: 'size',
      title: '规模',
      en: 'size (大型 large, 中型 medium, 小型 small, 微型 micro)',
      value: (e) => (e.size ? (EnterpriseSize.find(e.size) ?? e.size) : null),
    },
    {
      key: 'trademarks',
      title: '注册商标',
      en: 'registered trademarks (JSON an array; CSV joined with ；)',
      type: 'json',
      value: (e) => e.trademarks.join('；'),
      json: (e) => e.trademarks,
    },
    {
      key: 'certifiedItems',
      title: '认定对象数',
      en: 'certified items, all rounds',
      type: 'integer',
      value: (e) => data.itemsByEnterprise.get(e.id)?.length ?? 0,
    },
    { key: 'version', title: '记录版本', en: 'record version (1 = never corrected)', type: 'integer', value: (e) => e.version },
    column.page<OpenEnterprise>((e) => {
      const p = page(e);
      return p ? absolute(paths.enterprise(p.slug)) : null;
    }, 'page on this site (certified enterprises)'),
  ];
}

const cultivationFields: Field<CultivationEntry>[] = [
  { key: 'year', title: '年度', en: 'year entered', type: 'integer', value: (c) => c.year },
  { key: 'itemName', title: '产品/服务名称', en: 'product or service', value: (c) => c.itemName },
  column.itemKind<CultivationEntry>('itemKind', (c) => c.itemKind),
  { key: 'standard', title: '执行标准', en: 'standard it is made to (name and number, as written)', value: (c) => c.standard },
  ...column.enterprise<CultivationEntry>((c) => c.enterprise),
  column.city<CultivationEntry>((c) => c.enterprise?.city?.name ?? null),
  ...column.industry<CultivationEntry>((c) => c.industry),
];

const evaluationFields: Field<StandardEvaluation>[] = [
  { key: 'year', title: '年度', en: 'year', type: 'integer', value: (e) => e.year },
  { key: 'itemName', title: '产品/服务名称', en: 'product or service', value: (e) => e.itemName },
  ...column.standard<StandardEvaluation>((e) => e),
  { key: 'passed', title: '评价结果', en: 'result (true = 通过 passed)', type: 'boolean', value: (e) => e.passed },
  { key: 'evaluatedOn', title: '评价日期', en: 'date evaluated', type: 'date', value: (e) => e.evaluatedOn },
  ...column.enterprise<StandardEvaluation>((e) => e.enterprise),
];

type CaseEventRow = { failure: Failure; event: Failure['events'][number] };
const caseEventFields: Field<CaseEventRow>[] = [
  { key: 'reportNo', title: '报告编号', en: 'test report number of the result', value: (r) => r.failure.reportNo },
  { key: 'kind', title: '事项代码', en: 'event code', value: (r) => r.event.kind },
  { key: 'label', title: '事项', en: 'event (送达 delivery, 异议申请 objection …)', article: '003 Art. 5–25', value: (r) => r.event.label },
  { key: 'occurredOn', title: '日期', en: 'date it happened', type: 'date', value: (r) => r.event.occurredOn },
  {
    key: 'outcome',
    title: '结果代码',
    en: 'outcome code (objection ground or outcome, pass/fail, disclosure situation)',
    value: (r) => r.event.outcome,
  },
  column.page<CaseEventRow>((r) => absolute(paths.result(r.failure.slug)), 'page of the result'),
];

type DeadlineRow = { failure: Failure; deadline: Failure['deadlines'][number] };
const deadlineFields: Field<DeadlineRow>[] = [
  { key: 'reportNo', title: '报告编号', en: 'test report number of the result', value: (r) => r.failure.reportNo },
  { key: 'step', title: '环节代码', en: 'step code', value: (r) => r.deadline.step },
  { key: 'stepLabel', title: '环节', en: 'step', value: (r) => DeadlineStep.find(r.deadline.step)?.label ?? r.deadline.step },
  { key: 'article', title: '依据条款', en: 'article the period follows', value: (r) => articleLabel(r.deadline.article) },
  {
    key: 'startsOn',
    title: '起算日',
    en: 'day the period counts from (not counted)',
    type: 'date',
    article: '003 Art. 34',
    value: (r) => r.deadline.startsOn,
  },
  {
    key: 'estimated',
    title: '起算日为估计',
    en: 'true: the start is estimated (delivery not recorded, longest delivery time assumed)',
    type: 'boolean',
    article: '003 Art. 5',
    value: (r) => r.deadline.estimated,
  },
  { key: 'days', title: '期限天数', en: 'length in calendar days', type: 'integer', article: '003 Art. 34', value: (r) => r.deadline.days },
  {
    key: 'dueOn',
    title: '截止日',
    en: 'last day (moved past holidays); empty when that year’s official calendar is not loaded',
    type: 'date',
    article: '003 Art. 34',
    value: (r) => r.deadline.dueOn,
  },
  {
    key: 'calendarMissing',
    title: '缺少节假日安排',
    en: 'true: the year’s holiday calendar is not in the hub',
    type: 'boolean',
    value: (r) => r.deadline.calendarMissing,
  },
  { key: 'metOn', title: '完成日期', en: 'date the step was done', type: 'date', value: (r) => r.deadline.metOn },
  { key: 'overdue', title: '已逾期', en: 'not done and past due as of the build day', type: 'boolean', value: (r) => r.deadline.overdue },
];

const selfReportFields: Field<SelfReport>[] = [
  { key: 'year', title: '年度', en: 'year reported on', type: 'integer', article: '000 Art. 9', value: (s) => s.year },
  ...column.enterprise<SelfReport>((s) => s.enterprise),
  { key: 'dueOn', title: '提交截止日', en: 'due date (31 October)', type: 'date', article: '000 Art. 9', value: (s) => s.dueOn },
  { key: 'submittedOn', title: '提交日期', en: 'date submitted', type: 'date', value: (s) => s.submittedOn },
  {
    key: 'status',
    title: '提交情况',
    en: 'status (按时提交 on time, 逾期提交 late, 逾期未提交 overdue, 尚未到期 not yet due) as of the build day',
    article: '000 Art. 9–10',
    value: (s) => SelfReportStatus.find(s.status) ?? s.status,
  },
  { key: 'reason', title: '说明', en: 'why (the rule applied)', value: (s) => s.reason },
];

function rectificationFields(): Field<RectificationNotice>[] {
  return [
    { key: 'noticeNo', title: '通知编号', en: 'notice number', value: (n) => n.noticeNo },
    ...column.enterprise<RectificationNotice>((n) => n.enterprise),
    {
      key: 'certificateNo',
      title: '证书编号',
      en: 'certificate of the item concerned',
      value: (n) => n.certifiedItem?.certificateNo ?? null,
    },
    { key: 'item', title: '认定对象', en: 'certified item concerned', value: (n) => n.certifiedItem?.name ?? null },
    { key: 'problem', title: '问题', en: 'the problem to rectify', article: '000 Art. 15', value: (n) => n.problem },
    { key: 'issuedOn', title: '下达日期', en: 'date issued', type: 'date', value: (n) => n.issuedOn },
    { key: 'dueOn', title: '整改期限', en: 'deadline', type: 'date', article: '000 Art. 15', value: (n) => n.dueOn },
    { key: 'completedOn', title: '完成日期', en: 'date completed', type: 'date', value: (n) => n.completedOn },
    {
      key: 'result',
      title: '整改结果',
      en: 'result (合格 pass / 不合格 fail)',
      value: (n) => (n.result === 'pass' ? '合格' : n.result === 'fail' ? '不合格' : n.result),
    },
    {
      key: 'overdue',
      title: '逾期未完成',
      en: 'not completed by its deadline as of the build day',
      type: 'boolean',
      article: '000 Art. 16(3)',
      value: (n) => n.overdue,
    },
  ];
}

function logoFields(data: HubData): Field<Logo>[] {
  const item = (l: Logo) => (l.certifiedItem ? data.itemById.get(l.certifiedItem.id) : undefined);
  const subjectOf = new Map(data.logoSubjects.flatMap((s) => s.authorisations.map((l) => [l.id, s] as const)));
  const subject = (l: Logo) => subjectOf.get(l.id);
  return [
    {
      key: 'basis',
      title: '授权依据',
      en: 'basis (认定 certified item / 长江质量奖自我声明 Yangtze award self-declaration)',
      value: (l) => LogoBasis.find(l.basis) ?? l.basis,
    },
    ...column.enterprise<Logo>((l) => l.enterprise),
    {
      key: 'certificateNo',
      title: '证书编号',
      en: 'certificate of the item (empty for a self-declaration)',
      value: (l) => item(l)?.certificateNo ?? null,
    },
    { key: 'item', title: '认定对象', en: 'certified item', value: (l) => item(l)?.name ?? null },
    { key: 'authorisedOn', title: '授权日期', en: 'date authorised', type: 'date', value: (l) => l.authorisedOn },
    { key: 'validUntil', title: '授权期限', en: 'last day of the term as authorised', type: 'date', value: (l) => l.validUntil },
    {
      key: 'validity',
      title: '是否有效',
      en: 'valid on the build day (有效 valid, 已停止使用 stopped, 已过期 expired, 尚未生效 not yet valid)',
      article: '000 Art. 16',
      value: (l) => LogoValidity.find(l.validity) ?? l.validity,
    },
    {
      key: 'stoppedOn',
      title: '停止使用日期',
      en: 'day use stopped (a revocation)',
      type: 'date',
      article: '000 Art. 16',
      value: (l) => l.stoppedOn,
    },
    { key: 'stoppedBy', title: '撤销决定文号', en: 'revocation decision that stopped it', value: (l) => l.stoppedBy?.decisionNo ?? null },
    column.page<Logo>((l) => {
      const s = subject(l);
      return s ? absolute(paths.logo(s.slug)) : null;
    }, 'its 这个标识还有效吗 page'),
  ];
}

/** every logo authorisation once, newest first (the pages hold them per certificate and per self-declaring enterprise) */
function logoRows(data: HubData): Logo[] {
  const byId = new Map<string, Logo>();
  for (const s of data.logoSubjects) for (const l of s.authorisations) byId.set(l.id, l);
  return [...byId.values()].sort((a, b) => b.authorisedOn.localeCompare(a.authorisedOn) || a.id.localeCompare(b.id));
}

let openRecords: Promise<OpenRecords> | undefined;
/** the years a self-report was due in: from the first round's year to the build year */
function openRecordsOf(data: HubData): Promise<OpenRecords> {
  const thisYear = Number(data.today.slice(0, 4));
  const first = Math.min(thisYear, ...data.items.map((i) => i.roundYear));
  openRecords ??= (async () => {
    const started = performance.now();
    const before = requestLog.count;
    const open = await loadOpenRecords(Array.from({ length: thisYear - first + 1 }, (_, k) => first + k));
    console.log(
      `[hub] open data: read ${open.enterprises.length} enterprises, ${open.cultivation.length} cultivation entries, ` +
        `${open.evaluations.length} evaluations, ${open.selfReports.length} self-reports, ${open.rectificationNotices.length} rectification notices ` +
        `in ${requestLog.count - before} API requests (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
    return open;
  })();
  return openRecords;
}

function datasets(data: HubData, open: OpenRecords | null, filter?: Batch) {
  const inBatch = <T extends { batch: { id: string } | null }>(rows: T[]) =>
    filter ? rows.filter((r) => r.batch?.id === filter.id) : rows;
  const failures = inBatch(data.failures);
  const sets: Dataset<any>[] = [
    {
      key: 'failures',
      title: '不合格产品',
      titleEn: 'Failed products',
      description: '依法公布的不合格抽查结果（《处理办法》第二十七条所列字段）',
      fields: failureFields(data),
      rows: failures,
    },
    {
      key: 'case-events',
      title: '后处理事项',
      titleEn: 'Case events of failed results',
      description: '不合格结果的送达、异议、复检、移送、整改、复查等事项（每行一个事项）',
      fields: caseEventFields,
      rows: failures.flatMap((failure) => failure.events.map((event) => ({ failure, event }))),
    },
    {
      key: 'case-deadlines',
      title: '处理时限',
      titleEn: 'Case deadlines of failed results',
      description: '不合格结果各环节的期限、截止日与完成情况（《处理办法》第五至二十五条，按第三十四条计算）',
      fields: deadlineFields,
      rows: failures.flatMap((failure) => failure.deadlines.map((deadline) => ({ failure, deadline }))),
    },
    {
      key: 'certified-items',
      title: '认定对象',
      titleEn: 'Certified items',
      description: '“湖北精品”认定对象及其状态',
      fields: itemFields(data),
      rows: inBatch(data.items),
    },
    {
      key: 'revocations',
      title: '撤销认定决定',
      titleEn: 'Revocation decisions',
      description: '撤销认定决定、情形与禁止再次申请期限',
      fields: revocationFields,
      rows: inBatch(data.revocations),
    },
    {
      key: 'warnings',
      title: '消费警示',
      titleEn: 'Consumer warnings',
      description: '消费警示及其关联的抽查结果',
      fields: warningFields(data),
      rows: inBatch(data.warnings),
    },
  ];
  if (!filter && open) {
    const dims: [string, Stat[]][] = [
      ['年度', data.statsByYear],
      ['属地', data.statsByCity],
      ['产品种类', data.statsByCategory],
      ['抽查类型', data.statsByCheckType],
    ];
    sets.push(
      {
        key: 'enterprises',
        title: '经营主体',
        titleEn: 'Enterprises',
        description: '公开记录中出现的经营主体（认定、培育、标识授权、撤销决定，以及依法可以公布的抽查结果）',
        fields: enterpriseFields(data),
        rows: open.enterprises,
      },
      {
        key: 'cultivation',
        title: '培育库',
        titleEn: 'Cultivation library',
        description: '培育库入库的企业与产品/服务（不含联系人、联系方式等个人信息）',
        fields: cultivationFields,
        rows: open.cultivation,
      },
      {
        key: 'evaluations',
        title: '标准先进性评价',
        titleEn: 'Standard evaluations',
        description: '产品/服务执行标准的先进性评价结果',
        fields: evaluationFields,
        rows: open.evaluations,
      },
      {
        key: 'self-reports',
        title: '年度自查报告',
        titleEn: 'Annual self-reports',
        description: '认定有效的企业每年10月31日前提交年度自查报告的情况（《动态管理办法》第九、十条）',
        fields: selfReportFields,
        rows: open.selfReports,
      },
      {
        key: 'rectification-notices',
        title: '整改通知',
        titleEn: 'Rectification notices',
        description: '整改通知书、整改期限与结果（《动态管理办法》第十五条）',
        fields: rectificationFields(),
        rows: open.rectificationNotices,
      },
      {
        key: 'logo-authorisations',
        title: '标识使用授权',
        titleEn: 'Logo authorisations',
        description: '“湖北精品”标识使用授权（认定对象与长江质量奖自我声明）及其在生成日是否有效',
        fields: logoFields(data),
        rows: logoRows(data),
      },
      {
        key: 'spot-check-stats',
        title: '抽查统计',
        titleEn: 'Spot-check statistics',
        description: '已生效抽查结果（含合格）按年度、属地、产品种类、抽查类型的统计',
        fields: statFields,
        rows: dims.flatMap(([dimension, stats]) => stats.map((s) => ({ ...s, dimension }))),
      },
      {
        key: 'corrections',
        title: '更正公告',
        titleEn: 'Corrections',
        description: '撤回或不再公布的不合格结果，以及后续批次更正、删除的记录',
        fields: correctionFields,
        rows: correctionRows(data),
      },
    );
  } else if (filter?.byCheckType.length) {
    const dims: [string, Stat[]][] = [
      ['属地', filter.byCity],
      ['产品种类', filter.byCategory],
      ['抽查类型', filter.byCheckType],
    ];
    sets.push({
      key: 'spot-check-stats',
      title: '抽查统计',
      titleEn: 'Spot-check statistics',
      description: '本批次已生效抽查结果（含合格）的统计',
      fields: statFields,
      rows: dims.flatMap(([dimension, stats]) => stats.map((s) => ({ ...s, dimension }))),
    });
  }
  return sets.filter((s) => s.rows.length > 0 || !filter);
}

const sha256 = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex');

const licenceOf = () => ({
  name: OPEN_DATA_LICENCE.name,
  url: OPEN_DATA_LICENCE.url,
  attribution: OPEN_DATA_LICENCE.attribution,
  terms: OPEN_DATA_LICENCE.terms,
});

function render(data: HubData, set: Dataset<any>, base: string, scope: string): DataFile[] {
  const csv = toCsv(
    set.fields.map((f) => f.title),
    set.rows.map((row) => set.fields.map((f) => f.value(row))),
  );
  const json =
    JSON.stringify(
      {
        dataset: set.key,
        title: set.title,
        description: set.description,
        scope,
        dataAsOf: data.summary.dataAsOf,
        generatedOn: data.today,
        containsSampleData: data.summary.containsSampleData,
        source: PUBLIC_API_URL,
        licence: licenceOf(),
        dictionary: absolute(DICTIONARY_PATH),
        fields: set.fields.map((f) => ({ key: f.key, title: f.title, en: f.en, type: f.type ?? 'string' })),
        records: set.rows.map((row) => Object.fromEntries(set.fields.map((f) => [f.key, f.json ? f.json(row) : f.value(row)]))),
      },
      null,
      1,
    ) + '\n';
  return (
    [
      ['csv', csv],
      ['json', json],
    ] as const
  ).map(([format, content]) => ({
    path: `${base}${set.key}.${format}`,
    name: `${set.key}.${format}`,
    dataset: set.key,
    format,
    description: `${set.title}：${set.description}`,
    rows: set.rows.length,
    bytes: Buffer.byteLength(content, 'utf8'),
    sha256: sha256(content),
    content,
  }));
}

let everything: Promise<DataFile[]> | undefined;
const perBatch = new Map<string, DataFile[]>();

/** The files for everything: /data/<dataset>.csv|json */
export function allFiles(): Promise<DataFile[]> {
  everything ??= hubData().then(async (data) => {
    const open = await openRecordsOf(data);
    return datasets(data, open).flatMap((set) => render(data, set, '/data/', '全部'));
  });
  return everything;
}

/** The files of one batch: /data/batches/<slug>/<dataset>.csv|json */
export async function batchFiles(batch: Batch): Promise<DataFile[]> {
  let files = perBatch.get(batch.id);
  if (!files) {
    const data = await hubData();
    files = datasets(data, null, batch).flatMap((set) => render(data, set, `/data/batches/${batch.slug}/`, batch.title));
    perBatch.set(batch.id, files);
  }
  return files;
}

/** /data/LICENCE.txt: the licence and terms of every file in /data/ (CSV cannot carry them itself). */
export async function licenceFile(): Promise<string> {
  const data = await hubData();
  return (
    [
      `${PROGRAMME_NAME}信息公开 · 开放数据`,
      '',
      `许可：${OPEN_DATA_LICENCE.title}`,
      OPEN_DATA_LICENCE.url,
      `署名：${OPEN_DATA_LICENCE.attribution}`,
      '',
      '使用条款：',
      ...OPEN_DATA_LICENCE.terms.map((t, i) => `${i + 1}. ${t}`),
      '',
      `数据截至：${data.summary.dataAsOf ?? '—'}；生成日期：${data.today}`,
      `说明：${absolute(paths.openData)}`,
      `数据字典：${absolute(DICTIONARY_PAGE)}`,
    ].join('\r\n') + '\r\n'
  );
}

export const DICTIONARY_PATH = '/data/dictionary.json';
export const DICTIONARY_PAGE = '/open-data/dictionary/';

/** What the dictionary says of a column: its CSV name, meaning in Chinese and English, type and article. */
export interface DictionaryColumn {
  name: string;
  title: string;
  en: string;
  type: FieldType;
  article: string | null;
  articleLabel: string | null;
}
export interface DictionaryTable {
  dataset: string;
  title: string;
  titleEn: string;
  description: string;
  /** everything's files; a batch's files of the same dataset have the same columns */
  files: string[];
  columns: DictionaryColumn[];
}

let dictionaryTables: Promise<DictionaryTable[]> | undefined;
/** Every dataset's columns (those of the per-batch files are the same as everything's). */
export function dictionary(): Promise<DictionaryTable[]> {
  dictionaryTables ??= hubData().then(async (data) =>
    datasets(data, await openRecordsOf(data)).map((set) => ({
      dataset: set.key,
      title: set.title,
      titleEn: set.titleEn,
      description: set.description,
      files: [`${set.key}.csv`, `${set.key}.json`],
      columns: set.fields.map((f) => ({
        name: f.key,
        title: f.title,
        en: f.en,
        type: f.type ?? 'string',
        article: f.article ?? null,
        articleLabel: f.article ? articleLabel(f.article) : null,
      })),
    })),
  );
  return dictionaryTables;
}

/**
 * /data/dictionary.json, in the shape of CSV on the Web metadata (W3C CSVW, `tableSchema.columns`)
 * so tools that read CSVW find the columns; each column's `titles` are the CSV header (zh) and its
 * English name, `dc:description` its meaning, `dc:source` the article.
 */
export async function dictionaryFile(): Promise<string> {
  const data = await hubData();
  const csvwType = (t: FieldType) => (t === 'json' ? 'string' : t);
  return (
    JSON.stringify(
      {
        '@context': ['http://www.w3.org/ns/csvw', { '@language': 'zh-Hans' }],
        'dc:title': `${PROGRAMME_NAME}开放数据 数据字典`,
        'dc:license': { '@id': OPEN_DATA_LICENCE.url },
        'dc:publisher': OPEN_DATA_LICENCE.attribution,
        dataAsOf: data.summary.dataAsOf,
        generatedOn: data.today,
        licence: licenceOf(),
        dialect: { encoding: 'utf-8', header: true, lineTerminators: ['\r\n'], doubleQuote: true },
        notes: [
          "CSV: UTF-8 with BOM; a text cell starting with = + - @ tab or CR has a leading ' (formula neutralised); json-typed columns are joined with ；.",
          'JSON: { dataset, …, licence, fields, records }; json-typed columns are arrays (nonconformingItems: [{ seq, item, requirement, measured }]).',
          'Per-batch files (batches/<batch>/<dataset>.csv|json) have the same columns as the files of everything.',
        ],
        tables: (await dictionary()).map((t) => ({
          url: `${t.dataset}.csv`,
          json: `${t.dataset}.json`,
          'dc:title': [
            { '@value': t.title, '@language': 'zh-Hans' },
            { '@value': t.titleEn, '@language': 'en' },
          ],
          'dc:description': t.description,
          tableSchema: {
            columns: t.columns.map((c) => ({
              name: c.name,
              titles: { 'zh-Hans': c.title, en: c.en },
              datatype: csvwType(c.type),
              ...(c.type === 'json' ? { 'hub:jsonType': 'array' } : {}),
              'dc:description': [
                { '@value': c.title, '@language': 'zh-Hans' },
                { '@value': c.en, '@language': 'en' },
              ],
              ...(c.article ? { 'dc:source': c.article, 'hub:articleLabel': c.articleLabel } : {}),
            })),
          },
        })),
      },
      null,
      1,
    ) + '\n'
  );
}

/** The release's files under /data/ (LICENCE.txt and the dictionary first), path relative to /data/. */
async function releaseFiles(): Promise<{ name: string; content: string }[]> {
  const data = await hubData();
  const files = [...(await allFiles()), ...(await Promise.all(data.batches.map(batchFiles))).flat()];
  return [
    { name: 'LICENCE.txt', content: await licenceFile() },
    { name: 'dictionary.json', content: await dictionaryFile() },
    ...files.map((f) => ({ name: f.path.replace(/^\/data\//, ''), content: f.content })),
  ];
}

/** `sha256sum -c` format, for every file under /data/ (LICENCE.txt and the dictionary included; not the archive, which holds this file). */
export async function checksumFile(): Promise<string> {
  return (await releaseFiles()).map((f) => `${sha256(f.content)}  ${f.name}`).join('\n') + '\n';
}

export interface Archive {
  /** e.g. hub-open-data-2026-11-30.zip */
  name: string;
  path: string;
  bytes: number;
  sha256: string;
  content: Uint8Array;
}

let archive: Promise<Archive> | undefined;
/**
 * /data/hub-open-data-<dataAsOf>.zip: every file of the release under hub-open-data-<dataAsOf>/,
 * with LICENCE.txt, the dictionary and SHA256SUMS.txt (`sha256sum -c` inside the folder). JSZip
 * (already installed for exceljs) builds it in memory; every entry dated dataAsOf, so the same
 * data gives the same archive.
 */
export function releaseArchive(): Promise<Archive> {
  archive ??= (async () => {
    const data = await hubData();
    const stamp = data.summary.dataAsOf?.slice(0, 10) ?? data.today;
    const folder = `hub-open-data-${stamp}`;
    const date = new Date(`${stamp}T00:00:00Z`);
    const zip = new JSZip();
    const files = [...(await releaseFiles()), { name: 'SHA256SUMS.txt', content: await checksumFile() }];
    for (const f of files) zip.file(`${folder}/${f.name}`, f.content, { date, createFolders: false });
    const started = performance.now();
    const content = await zip.generateAsync({
      type: 'uint8array',
      compression: 'DEFLATE',
      compressionOptions: { level: 6 },
      platform: 'UNIX',
    });
    console.log(
      `[hub] open data: ${folder}.zip, ${files.length} files, ${(content.byteLength / 1024 / 1024).toFixed(1)} MiB in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return { name: `${folder}.zip`, path: `/data/${folder}.zip`, bytes: content.byteLength, sha256: sha256(content), content };
  })();
  return archive;
}
