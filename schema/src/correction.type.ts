import { ArgsType, Field, ObjectType } from 'type-graphql';
import { LocalDate, PageArgs } from './common.ts';
import { SpotCheck } from './spot-check.type.ts';

@ObjectType({
  description: '更正: a result published as a failure that is no longer one (003 Art. 26–27: a correction, never a silent deletion).',
})
export class PublicCorrection {
  @Field(() => SpotCheck, { description: 'The result as the public may see it now (identity fields stay null).' }) spotCheck!: SpotCheck;
  @Field(() => LocalDate, { description: 'Since when it is no longer a published failure.' }) since!: string;
  @Field(() => String, {
    description: 'Case status code now: withdrawn, passed (a re-test found it 合格), or under_objection / retest_pending.',
  })
  status!: string;
  @Field(() => String, { description: 'The status in plain Chinese.' }) statusLabel!: string;
  @Field(() => String, { description: 'Why it is no longer listed, in plain Chinese, citing the article.' }) reason!: string;
}

@ArgsType()
export class CorrectionArgs extends PageArgs {}
