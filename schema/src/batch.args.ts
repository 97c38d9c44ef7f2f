import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { BatchStatusEnum, PageArgs } from './common.ts';

@ArgsType()
export class BatchArgs extends PageArgs {
  @Field(() => BatchStatusEnum, { nullable: true, description: 'Bureau tokens only for draft and discarded.' }) status?: string;
}

@ArgsType()
export class ChangesArgs extends PageArgs {
  @Field(() => Date, { description: 'Changes published after this instant (ISO 8601).' }) since!: Date;
}

@InputType({ description: 'A batch file sent through the API (the same import as `pnpm hub import`).' })
export class ImportBatchInput {
  @Field(() => String, {
    description:
      'certifications, cultivation, evaluations, spot-checks, follow-ups, revocations, warnings, dynamic-management or withdrawals.',
  })
  kind!: string;
  @Field(() => String, { description: 'The file name, with its extension (.xlsx, .csv, .json): it tells the format.' }) fileName!: string;
  @Field(() => String, { description: 'The file’s bytes, base64-encoded (at most 20 MB).' }) contentBase64!: string;
  @Field(() => String, { nullable: true, description: 'Batch title (default: the file’s title row).' }) title?: string;
  @Field(() => String, { nullable: true, description: 'Worksheet to read (default: the first).' }) sheet?: string;
  @Field(() => Boolean, { nullable: true, description: 'Check and count only; write nothing.' }) dryRun?: boolean;
  @Field(() => String, {
    nullable: true,
    description: '公告: the address of the official notice of this batch (http or https only); the site links it from the batch.',
  })
  noticeUrl?: string;
  @Field(() => String, { nullable: true, description: '文号 of the official notice (鄂市监质〔2024〕12号).' }) noticeNo?: string;
  @Field(() => Int, {
    nullable: true,
    description:
      '资料评审: how many items the committee reviewed before this certification announcement (certifications only; the round funnel shows it).',
  })
  reviewedItems?: number;
}
