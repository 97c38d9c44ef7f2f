import { ArgsType, Field, ID, Int, InterfaceType, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import {
  BatchKind,
  BatchStatus,
  CaseEventKind,
  CheckType,
  Conclusion,
  EnterpriseSize,
  ItemKind,
  LogoBasis,
  LogoValidity,
  RevocationGround,
  SamplingStage,
  Severity,
  StandardLevel,
} from '@hub/db';

/** YYYY-MM-DD calendar date (China), e.g. 2026-03-05. */
export const LocalDate = LocalDateResolver;

@InterfaceType({
  description: 'An object with a global ID: fetch any of them again with `node(id:)`.',
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, { description: 'Global, opaque ID.' })
  id!: string;
}

@ObjectType({ description: 'Relay paging information.' })
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => Boolean) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Cursor of the first edge; pass as `before`.' }) startCursor!: string | null;
  @Field(() => String, { nullable: true, description: 'Cursor of the last edge; pass as `after`.' }) endCursor!: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size from the start (1–${MAX_PAGE_SIZE}; default ${DEFAULT_PAGE_SIZE}).` })
  first?: number;
  @Field(() => String, { nullable: true, description: 'Cursor: the page after this edge.' })
  after?: string;
  @Field(() => Int, { nullable: true, description: `Page size from the end (1–${MAX_PAGE_SIZE}).` })
  last?: number;
  @Field(() => String, { nullable: true, description: 'Cursor: the page before this edge.' })
  before?: string;
}

/** A Relay connection type over T: edges with opaque cursors, nodes, pageInfo and an exact totalCount. */
export function Connection<T extends object>(name: string, node: ClassType<T>, description: string) {
  @ObjectType(`${name}Edge`, { description: `An edge of ${name}Connection.` })
  class Edge {
    @Field(() => String, { description: 'Opaque cursor of this edge.' }) cursor!: string;
    @Field(() => node) node!: T;
  }
  @ObjectType(`${name}Connection`, { description })
  class ConnectionType {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => [node], { description: 'The nodes of the edges, for clients that need no cursors.' }) nodes!: T[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int, { description: 'How many match the filters in all (exact; never capped).' }) totalCount!: number;
  }
  return ConnectionType as ClassType<ConnectionShape<T>>;
}

function enumOf<T extends { labels: Record<string, string> }>(vocab: T, name: string, description: string) {
  const values = Object.fromEntries(Object.keys(vocab.labels).map((code) => [code, code]));
  const valuesConfig = Object.fromEntries(Object.entries(vocab.labels).map(([code, label]) => [code, { description: label }]));
  registerEnumType(values, { name, description, valuesConfig });
  return values;
}

export const CheckTypeEnum = enumOf(CheckType, 'CheckType', '抽查类型: the kind of spot check (003 Art. 32; 000 Art. 9, 13).');
export const ConclusionEnum = enumOf(Conclusion, 'Conclusion', '检验结论: pass (合格) or fail (不合格).');
export const SeverityEnum = enumOf(Severity, 'Severity', '问题严重程度 (003 Art. 18).');
export const SamplingStageEnum = enumOf(SamplingStage, 'SamplingStage', '抽样环节: where the sample was taken.');
export const ItemKindEnum = enumOf(ItemKind, 'ItemKind', '认定对象类别: product, service or engineering project.');
export const EnterpriseSizeEnum = enumOf(EnterpriseSize, 'EnterpriseSize', '经营主体规模.');
export const StandardLevelEnum = enumOf(StandardLevel, 'StandardLevel', '标准层级, from the standard number’s prefix.');
export const LogoBasisEnum = enumOf(LogoBasis, 'LogoBasis', '标识使用授权的依据.');
export const LogoValidityEnum = enumOf(
  LogoValidity,
  'LogoValidity',
  '这个标识还有效吗: a logo authorisation on a date — stopped from a revocation decision’s date (000 Art. 16), else within or outside its term.',
);
export const RevocationGroundEnum = enumOf(RevocationGround, 'RevocationGround', '撤销情形: the clause of 000 Art. 16.');
export const CaseEventKindEnum = enumOf(CaseEventKind, 'CaseEventKind', '后处理事项: an event after a result (003 Art. 5–27).');
export const BatchKindEnum = enumOf(BatchKind, 'BatchKind', '批次类型: what a batch file holds.');
export const BatchStatusEnum = enumOf(BatchStatus, 'BatchStatus', '批次状态.');

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection', description: 'Sort order.' });
