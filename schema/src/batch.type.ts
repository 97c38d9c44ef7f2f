import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { BatchKindEnum, BatchStatusEnum, Node } from './common.ts';

@ObjectType({
  implements: Node,
  description: '批次: one file the bureau imported and published. Drafts are visible to bureau tokens only.',
})
export class Batch extends Node {
  @Field(() => BatchKindEnum) kind!: string;
  @Field(() => String) title!: string;
  @Field(() => BatchStatusEnum) status!: string;
  @Field(() => Boolean, { description: '示例数据: generated sample data, not the bureau’s.' }) isSample!: boolean;
  @Field(() => String, { nullable: true }) sourceFileName!: string | null;
  @Field(() => GraphQLISODateTime) importedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) publishedAt!: Date | null;
  @Field(() => Int, { description: 'Rows in the file.' }) rowCount!: number;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Counts: new, corrected, unchanged …' }) summary!: Record<
    string,
    number
  > | null;
  @Field(() => Boolean, {
    description:
      '结果公告: the bureau stated on publishing that the results are final, so failures without a recorded 送达 are listed on estimated dates.',
  })
  final!: boolean;
  @Field(() => String, { nullable: true, description: 'The bureau’s reason (更正原因) for what this batch corrects, when given.' })
  reason!: string | null;
  @Field(() => String, {
    nullable: true,
    description: '公告: the address of the bureau’s official notice of this batch, when attached at import.',
  })
  noticeUrl!: string | null;
  @Field(() => String, { nullable: true, description: '文号 of the official notice, when given at import.' }) noticeNo!: string | null;
}

@ObjectType({ description: 'What one published batch changed: a correction keeps the earlier version (record_history).' })
export class RecordChange {
  @Field(() => String, { description: 'Record type: the table name (spot_check, certified_item …).' }) recordType!: string;
  @Field(() => String, { description: 'The record’s key in its table.' }) recordId!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'The record’s human number: 报告编号 (a result, its items and events), 证书编号 (a certified item), 决定文号 (a revocation), 通知书编号, a warning’s title, a USCC.',
  })
  recordNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'What recordNumber is, in Chinese (报告编号, 证书编号, 决定文号 …).' })
  recordNumberLabel?: string | null;
  @Field(() => String, { description: 'added, corrected or removed.' }) change!: string;
  @Field(() => Int, { nullable: true, description: 'The version this change produced (corrections) or removed.' }) version!: number | null;
  @Field(() => String, { nullable: true, description: 'The reason given.' }) reason!: string | null;
  @Field(() => GraphQLISODateTime) at!: Date;
}

@ObjectType({
  description:
    'One problem of an imported file: where (sheet, row, column as headed in the file), the value, and what, in Chinese and English.',
})
export class ImportIssue {
  @Field(() => String, { description: 'error (nothing was imported) or warning (imported; worth the bureau’s eye).' }) level!: string;
  @Field(() => String, { nullable: true }) sheet!: string | null;
  @Field(() => Int, { nullable: true, description: 'The row as the spreadsheet shows it; none for the whole file.' }) row!: number | null;
  @Field(() => String, { nullable: true }) column!: string | null;
  @Field(() => String, { nullable: true }) value!: string | null;
  @Field(() => String) zh!: string;
  @Field(() => String) en!: string;
}

@ObjectType({ description: 'What an import did: a new draft batch (or the batch that already holds this file) and its counts.' })
export class ImportBatchResult {
  @Field(() => String, { description: 'imported, already-imported or dry-run.' }) outcome!: string;
  @Field(() => ID, { nullable: true }) batchId!: string | null;
  @Field(() => Int) rows!: number;
  @Field(() => Int) new!: number;
  @Field(() => Int) corrected!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => [String], { description: 'Columns the hub does not map (kept with the rows).' }) unmappedColumns!: string[];
  @Field(() => Int, { description: 'Warnings in all: imported, but worth the bureau’s eye.' }) warningCount!: number;
  @Field(() => [ImportIssue], { description: 'The first 200 warnings, in file order (warningCount says how many there are).' })
  warnings!: ImportIssue[];
}

@ObjectType({ description: 'What publishing applied.' })
export class PublishBatchResult {
  @Field(() => Batch, { nullable: true }) batch!: Batch | null;
  @Field(() => Int) inserted!: number;
  @Field(() => Int) corrected!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => String, {
    nullable: true,
    description:
      'With rebuildSite: true — `started` when the running hub took the rebuild (its site is swapped in when the build is done), `no running hub` when none answered. Null when not asked.',
  })
  siteRebuild!: string | null;
}
