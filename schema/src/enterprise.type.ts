import { Field, Int, ObjectType } from 'type-graphql';
import { Node, EnterpriseSizeEnum } from './common.ts';

@ObjectType({ description: '市州: one of Hubei’s 17 prefecture-level divisions (GB/T 2260).' })
export class City {
  @Field(() => String, { description: 'GB/T 2260 code, e.g. 420100.' }) code!: string;
  @Field(() => String, { description: 'Full name, e.g. 武汉市.' }) name!: string;
  @Field(() => String, { description: 'Short name, e.g. 武汉, 恩施州.' }) shortName!: string;
}

@ObjectType({ description: '国民经济行业分类 GB/T 4754-2017 class.' })
export class Industry {
  @Field(() => String, { description: '4-digit class code, e.g. 1512.' }) code!: string;
  @Field(() => String, { description: 'Class name, e.g. 白酒制造.' }) name!: string;
}

@ObjectType({
  implements: Node,
  description:
    '经营主体: an enterprise that is certified, cultivated or spot-checked. Producers of failed results appear only where their identity may be published (003 Art. 27).',
})
export class Enterprise extends Node {
  @Field(() => String, { nullable: true, description: '统一社会信用代码 (GB 32100-2015); null when the source gave none.' }) uscc!:
    | string
    | null;
  @Field(() => String, { description: '名称.' }) name!: string;
  @Field(() => String, { nullable: true, description: '住所/地址.' }) address!: string | null;
  @Field(() => String, { nullable: true, description: '县区, as written by the source.' }) county!: string | null;
  @Field(() => String, { nullable: true, description: 'Province code from the USCC (42 = Hubei).' }) provinceCode!: string | null;
  @Field(() => EnterpriseSizeEnum, { nullable: true, description: '规模.' }) size!: string | null;
  @Field(() => Int, { description: 'Record version (1 = never corrected).' }) version!: number;
}
