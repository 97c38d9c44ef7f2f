import { Field, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { BatchKindEnum, BatchStatusEnum, Node } from './common.ts';

@ObjectType({ implements: Node, description: '批次: one file the bureau imported and published. Drafts are visible to bureau tokens only.' })
export class Batch extends Node {
  dbId!: number;
  @Field(() => BatchKindEnum) kind!: string;
  @Field(() => String) title!: string;
  @Field(() => BatchStatusEnum) status!: string;
  @Field(() => Boolean, { description: '示例数据: generated sample data, not the bureau’s.' }) isSample!: boolean;
  @Field(() => String, { nullable: true }) sourceFileName!: string | null;
  @Field(() => GraphQLISODateTime) importedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) publishedAt!: Date | null;
  @Field(() => Int, { description: 'Rows in the file.' }) rowCount!: number;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Counts: new, corrected, unchanged …' }) summary!: Record<string, number> | null;
}

@ObjectType({ description: 'What one published batch changed: a correction keeps the earlier version (record_history).' })
export class RecordChange {
  batchId!: number;
  @Field(() => String, { description: 'Record type: the table name (spot_check, certified_item …).' }) recordType!: string;
  @Field(() => String, { description: 'The record’s key in its table.' }) recordId!: string;
  @Field(() => String, { description: 'added, corrected or removed.' }) change!: string;
  @Field(() => Int, { nullable: true, description: 'The version this change produced (corrections) or removed.' }) version!: number | null;
  @Field(() => String, { nullable: true, description: 'The reason given.' }) reason!: string | null;
  @Field(() => GraphQLISODateTime) at!: Date;
}
