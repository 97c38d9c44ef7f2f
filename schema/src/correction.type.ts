import { ArgsType, Field, ID, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Batch } from './batch.type.ts';
import { LocalDate, PageArgs } from './common.ts';
import { SpotCheck } from './spot-check.type.ts';

@ObjectType({ description: 'One public field of a correction notice: what had been published and what it is now.' })
export class FieldChange {
  @Field(() => String, { description: 'The API field (productName, conclusion, nonconformingItems, producerName, decision fields …).' })
  field!: string;
  @Field(() => String, { nullable: true, description: 'The field’s name in Chinese, where the documents name it.' }) label!: string | null;
  @Field(() => String, { nullable: true, description: 'As published (null: it was not shown).' }) before!: string | null;
  @Field(() => String, { nullable: true, description: 'Now (null: no longer shown).' }) after!: string | null;
}

@ObjectType({
  description:
    '更正公告: a published fact that a later batch withdrew or changed — a result withdrawn (003 Art. 13–14), overturned on re-test (Art. 11), ' +
    'reopened by an objection, corrected by a later batch, a decision or warning corrected or removed. Never deleted (003 Art. 26).',
})
export class PublicCorrection {
  @Field(() => String, {
    description: 'The record’s type: spot_check, certified_item, revocation, consumer_warning, rectification_notice …',
  })
  recordType!: string;
  @Field(() => String, { nullable: true, description: 'The record’s number: 报告编号, 证书编号, 决定文号, 通知书编号, a warning’s title.' })
  recordNumber!: string | null;
  @Field(() => String, { nullable: true, description: 'What recordNumber is, in Chinese.' }) recordNumberLabel!: string | null;
  @Field(() => ID, {
    description:
      'The record’s global ID, as node(id:) takes it: it answers while the record is public, and stays the ID of a removed record, so a link to it can be matched to this notice.',
  })
  recordNodeId!: string;
  @Field(() => String, { description: 'withdrawn, overturned, reopened, corrected or removed.' }) kind!: string;
  @Field(() => String, { description: 'The kind in Chinese (撤回, 复检改判, 暂停公布, 更正, 撤销公布).' }) kindLabel!: string;
  @Field(() => GraphQLJSONObject, { description: 'The record as the public saw it before the correction (public fields only).' })
  published!: Record<string, unknown>;
  @Field(() => [FieldChange], { description: 'Field by field, what changed.' }) changes!: FieldChange[];
  @Field(() => Boolean, { description: 'true: the record is still public, corrected; false: it is no longer listed.' })
  stillPublic!: boolean;
  @Field(() => Batch, { nullable: true, description: 'The batch that made the correction.' }) batch!: Batch | null;
  @Field(() => String, { nullable: true, description: 'The bureau’s reason (更正原因), when it gave one.' }) bureauReason!: string | null;
  @Field(() => String, { description: 'What the rules say happened, citing the article.' }) explanation!: string;
  @Field(() => String, { description: 'Why, in plain Chinese: the bureau’s reason, else the explanation.' }) reason!: string;
  @Field(() => LocalDate, { description: 'Since when the published fact no longer holds.' }) since!: string;
  @Field(() => LocalDate, { description: 'The day the correction was published.' }) recordedOn!: string;
  @Field(() => SpotCheck, {
    nullable: true,
    description:
      'For a result: the result as the public may see it now (its identity fields stay null); null when removed or another type.',
  })
  spotCheck!: SpotCheck | null;
  @Field(() => String, { nullable: true, description: 'For a result: its case status code now (withdrawn, passed …).' }) status!:
    | string
    | null;
  @Field(() => String, { nullable: true, description: 'The status in plain Chinese.' }) statusLabel!: string | null;
}

@ArgsType()
export class CorrectionArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description:
      'Only the notices of one record, by its number (报告编号, 证书编号, 决定文号 …): a removed record’s permalink answers with these.',
  })
  recordNumber?: string;
}
