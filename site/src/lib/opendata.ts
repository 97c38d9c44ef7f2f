/**
 * Open data: every public record as CSV and JSON, for everything and per batch, with SHA-256
 * checksums. The files are built once per build (memoised) and served by static endpoints; the
 * open-data page and the batch pages show the same checksums.
 */
import { createHash } from 'node:crypto';
import { toCsv } from './csv.ts';
import { hubData, type Batch, type Failure, type HubData, type Item, type Revocation, type Stat, type Warning } from './data.ts';
import {
  CertificationStatus,
  CheckType,
  IdentityBasis,
  ItemKind,
  OPEN_DATA_LICENCE,
  RecordType,
  Severity,
  StandardLevel,
} from '@hub/db/vocabulary';
import { articleLabel, chinaDate, PROGRAMME as PROGRAMME_NAME } from './format.ts';
import { absolute, PUBLIC_API_URL } from './site.ts';
import { paths } from './slug.ts';

type Cell = string | number | boolean | null;
interface Field<T> {
  key: string;
  title: string;
  value: (row: T) => Cell;
}

interface Dataset<T> {
  key: string;
  title: string;
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

const joinItems = (f: Failure) =>
  f.nonconformingItems
    .map((n) => [n.item, n.requirement && `标准值 ${n.requirement}`, n.measured && `实测值 ${n.measured}`].filter(Boolean).join('，'))
    .join('；');

function failureFields(data: HubData): Field<Failure>[] {
  return [
    { key: 'reportNo', title: '报告编号', value: (f) => f.reportNo },
    { key: 'reportDate', title: '报告日期', value: (f) => f.reportDate },
    { key: 'checkType', title: '抽查类型', value: (f) => CheckType.find(f.checkType) ?? f.checkType },
    { key: 'productCategory', title: '产品种类', value: (f) => f.productCategory },
    { key: 'productName', title: '产品名称', value: (f) => f.productName },
    { key: 'trademark', title: '商标', value: (f) => f.trademark },
    { key: 'modelSpec', title: '规格型号', value: (f) => f.modelSpec },
    { key: 'productionBatch', title: '生产日期/批号', value: (f) => f.productionBatch ?? f.productionDate },
    { key: 'nonconformingItems', title: '不符合项', value: joinItems },
    { key: 'mainProblem', title: '主要质量问题', value: (f) => f.mainProblem },
    { key: 'severity', title: '问题严重程度', value: (f) => (f.severity ? (Severity.find(f.severity) ?? f.severity) : null) },
    { key: 'city', title: '属地', value: (f) => f.city?.name ?? null },
    { key: 'testingAgency', title: '承检机构', value: (f) => f.testingAgency },
    // 003 Art. 27(4)–(5): the API returns these only where they may be published
    { key: 'producerName', title: '标称生产者', value: (f) => (f.disclosure.identityPublic ? f.producerName : null) },
    { key: 'sampledUnitName', title: '被抽样单位', value: (f) => (f.disclosure.identityPublic ? f.sampledUnitName : null) },
    {
      key: 'identityBasis',
      title: '生产者信息公开依据',
      value: (f) =>
        f.disclosure.identityBasis ? (IdentityBasis.find(f.disclosure.identityBasis)?.label ?? f.disclosure.identityBasis) : null,
    },
    { key: 'caseStatus', title: '处理进展', value: (f) => f.status?.label ?? null },
    { key: 'batch', title: '发布批次', value: (f) => (f.batch ? (data.batchById.get(f.batch.id)?.title ?? null) : null) },
    { key: 'url', title: '页面', value: (f) => absolute(paths.result(f.slug)) },
  ];
}

function itemFields(data: HubData): Field<Item>[] {
  const enterprise = (i: Item) => (i.enterprise ? data.enterpriseById.get(i.enterprise.id) : undefined);
  return [
    { key: 'round', title: '届次', value: (i) => i.round },
    { key: 'roundYear', title: '年度', value: (i) => i.roundYear },
    { key: 'seqNo', title: '序号', value: (i) => i.seqNo },
    { key: 'name', title: '名称', value: (i) => i.name },
    { key: 'kind', title: '类别', value: (i) => ItemKind.find(i.kind) ?? i.kind },
    { key: 'trademark', title: '注册商标', value: (i) => i.trademark },
    { key: 'standardNo', title: '执行标准编号', value: (i) => i.standardNo },
    { key: 'standardName', title: '执行标准名称', value: (i) => i.standardName },
    {
      key: 'standardLevel',
      title: '标准层级',
      value: (i) => (i.standardLevel ? (StandardLevel.find(i.standardLevel) ?? i.standardLevel) : null),
    },
    { key: 'industryCode', title: '行业代码', value: (i) => i.industry?.code ?? null },
    { key: 'industryName', title: '所属行业', value: (i) => i.industry?.name ?? null },
    { key: 'certifiedOn', title: '认定日期', value: (i) => i.certifiedOn },
    { key: 'certificateNo', title: '证书编号', value: (i) => i.certificateNo },
    { key: 'enterprise', title: '企业名称', value: (i) => enterprise(i)?.name ?? null },
    { key: 'uscc', title: '统一社会信用代码', value: (i) => enterprise(i)?.uscc ?? null },
    { key: 'city', title: '属地', value: (i) => enterprise(i)?.city?.name ?? null },
    { key: 'status', title: '认定状态', value: (i) => CertificationStatus.find(i.status) ?? i.status },
    { key: 'revokedOn', title: '撤销日期', value: (i) => i.revocations.at(-1)?.decidedOn ?? null },
    { key: 'reapplicationBarredUntil', title: '不得再次申请截止日', value: (i) => i.revocations.at(-1)?.reapplicationBarredUntil ?? null },
    { key: 'url', title: '页面', value: (i) => absolute(paths.item(i.slug)) },
  ];
}

const revocationFields: Field<Revocation>[] = [
  { key: 'decisionNo', title: '决定文号', value: (r) => r.decisionNo },
  { key: 'decidedOn', title: '决定日期', value: (r) => r.decidedOn },
  { key: 'ground', title: '撤销情形', value: (r) => `${articleLabel('000 Art. 16')}（${r.groundLabel}）` },
  { key: 'groundText', title: '情形说明', value: (r) => r.groundText },
  { key: 'facts', title: '事实与理由', value: (r) => r.facts },
  { key: 'enterprise', title: '企业名称', value: (r) => r.enterprise?.name ?? null },
  { key: 'uscc', title: '统一社会信用代码', value: (r) => r.enterprise?.uscc ?? null },
  { key: 'items', title: '撤销的认定对象', value: (r) => r.items.map((i) => i.name).join('；') },
  { key: 'logoStopsOn', title: '停止使用标识日期', value: (r) => r.logoStopsOn },
  { key: 'reapplicationBarredUntil', title: '不得再次申请截止日', value: (r) => r.reapplicationBarredUntil },
  { key: 'reapplicationFrom', title: '可重新申请日期', value: (r) => r.reapplicationFrom },
  { key: 'url', title: '页面', value: (r) => absolute(paths.revocation(r.slug)) },
];

function warningFields(data: HubData): Field<Warning>[] {
  return [
    { key: 'title', title: '标题', value: (w) => w.title },
    { key: 'publishedOn', title: '发布日期', value: (w) => w.publishedOn },
    { key: 'productCategory', title: '产品种类', value: (w) => w.productCategory },
    { key: 'risk', title: '风险提示', value: (w) => w.risk },
    { key: 'advice', title: '消费建议', value: (w) => w.advice },
    {
      key: 'reportNos',
      title: '关联报告编号',
      value: (w) =>
        w.spotChecks
          .map((s) => data.failureById.get(s.id)?.reportNo)
          .filter(Boolean)
          .join('；'),
    },
    { key: 'url', title: '页面', value: (w) => absolute(paths.warning(w.slug)) },
  ];
}

type StatRow = Stat & { dimension: string };
const statFields: Field<StatRow>[] = [
  { key: 'dimension', title: '分组维度', value: (s) => s.dimension },
  { key: 'key', title: '分组代码', value: (s) => s.key },
  { key: 'label', title: '分组名称', value: (s) => s.label ?? s.key },
  { key: 'checked', title: '抽查数', value: (s) => s.checked },
  { key: 'failed', title: '不合格数', value: (s) => s.failed },
  { key: 'failureRate', title: '不合格率', value: (s) => (s.failureRate == null ? null : Number(s.failureRate.toFixed(6))) },
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
  { key: 'kind', title: '更正类型', value: (c) => c.kind },
  { key: 'reference', title: '涉及记录', value: (c) => c.reference },
  { key: 'number', title: '编号（报告编号、证书编号、决定文号等）', value: (c) => c.number },
  { key: 'date', title: '日期', value: (c) => c.date },
  { key: 'reason', title: '原因', value: (c) => c.reason },
  { key: 'changes', title: '更正内容', value: (c) => c.changes },
  { key: 'batch', title: '更正批次', value: (c) => c.batch },
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

function datasets(data: HubData, filter?: Batch) {
  const inBatch = <T extends { batch: { id: string } | null }>(rows: T[]) =>
    filter ? rows.filter((r) => r.batch?.id === filter.id) : rows;
  const sets: Dataset<any>[] = [
    {
      key: 'failures',
      title: '不合格产品',
      description: '依法公布的不合格抽查结果（《处理办法》第二十七条所列字段）',
      fields: failureFields(data),
      rows: inBatch(data.failures),
    },
    {
      key: 'certified-items',
      title: '认定对象',
      description: '“湖北精品”认定对象及其状态',
      fields: itemFields(data),
      rows: inBatch(data.items),
    },
    {
      key: 'revocations',
      title: '撤销认定决定',
      description: '撤销认定决定、情形与禁止再次申请期限',
      fields: revocationFields,
      rows: inBatch(data.revocations),
    },
    {
      key: 'warnings',
      title: '消费警示',
      description: '消费警示及其关联的抽查结果',
      fields: warningFields(data),
      rows: inBatch(data.warnings),
    },
  ];
  if (!filter) {
    const dims: [string, Stat[]][] = [
      ['年度', data.statsByYear],
      ['属地', data.statsByCity],
      ['产品种类', data.statsByCategory],
      ['抽查类型', data.statsByCheckType],
    ];
    sets.push(
      {
        key: 'spot-check-stats',
        title: '抽查统计',
        description: '已生效抽查结果（含合格）按年度、属地、产品种类、抽查类型的统计',
        fields: statFields,
        rows: dims.flatMap(([dimension, stats]) => stats.map((s) => ({ ...s, dimension }))),
      },
      {
        key: 'corrections',
        title: '更正公告',
        description: '撤回或不再公布的不合格结果，以及后续批次更正、删除的记录',
        fields: correctionFields,
        rows: correctionRows(data),
      },
    );
  } else if (filter.byCheckType.length) {
    const dims: [string, Stat[]][] = [
      ['属地', filter.byCity],
      ['产品种类', filter.byCategory],
      ['抽查类型', filter.byCheckType],
    ];
    sets.push({
      key: 'spot-check-stats',
      title: '抽查统计',
      description: '本批次已生效抽查结果（含合格）的统计',
      fields: statFields,
      rows: dims.flatMap(([dimension, stats]) => stats.map((s) => ({ ...s, dimension }))),
    });
  }
  return sets.filter((s) => s.rows.length > 0 || !filter);
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

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
        licence: {
          name: OPEN_DATA_LICENCE.name,
          url: OPEN_DATA_LICENCE.url,
          attribution: OPEN_DATA_LICENCE.attribution,
          terms: OPEN_DATA_LICENCE.terms,
        },
        fields: set.fields.map((f) => ({ key: f.key, title: f.title })),
        records: set.rows.map((row) => Object.fromEntries(set.fields.map((f) => [f.key, f.value(row)]))),
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
  everything ??= hubData().then((data) => datasets(data).flatMap((set) => render(data, set, '/data/', '全部')));
  return everything;
}

/** The files of one batch: /data/batches/<slug>/<dataset>.csv|json */
export async function batchFiles(batch: Batch): Promise<DataFile[]> {
  let files = perBatch.get(batch.id);
  if (!files) {
    const data = await hubData();
    files = datasets(data, batch).flatMap((set) => render(data, set, `/data/batches/${batch.slug}/`, batch.title));
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
    ].join('\r\n') + '\r\n'
  );
}

/** `sha256sum -c` format, for every file under /data/ (LICENCE.txt included). */
export async function checksumFile(): Promise<string> {
  const data = await hubData();
  const licence = await licenceFile();
  const files = [
    { sha256: sha256(licence), path: '/data/LICENCE.txt' },
    ...(await allFiles()),
    ...(await Promise.all(data.batches.map(batchFiles))).flat(),
  ];
  return files.map((f) => `${f.sha256}  ${f.path.replace(/^\/data\//, '')}`).join('\n') + '\n';
}
