import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDate } from './common.ts';
import { CertifiedItem } from './registry.type.ts';
import { Enterprise } from './enterprise.type.ts';

@ObjectType({ description: 'A certified product with no supervision spot check in a year (000 Art. 13: at least once a year).' })
export class CoverageGap {
  @Field(() => CertifiedItem) certifiedItem!: CertifiedItem;
  @Field(() => Boolean, { description: 'Certified or revoked during the year: in force for part of it only.' }) partYear!: boolean;
  @Field(() => String) reason!: string;
}

@ObjectType({ description: '年度抽查覆盖: certified products and whether each had a supervision spot check in the year (000 Art. 13).' })
export class CoverageReport {
  @Field(() => Int) year!: number;
  @Field(() => Int, { description: 'Certified products in force on some day of the year (the denominator).' }) productsInForce!: number;
  @Field(() => Int, { description: 'Of which checked at least once in the year.' }) covered!: number;
  @Field(() => [CoverageGap], { description: 'The ones not checked.' }) gaps!: CoverageGap[];
}

@ObjectType({ description: '年度自查报告 of a certified enterprise: due by 31 October (000 Art. 9–10).' })
export class SelfReportStatus {
  @Field(() => Enterprise, { nullable: true }) enterprise!: Enterprise | null;
  @Field(() => Int) year!: number;
  @Field(() => LocalDate) dueOn!: string;
  @Field(() => LocalDate, { nullable: true }) submittedOn!: string | null;
  @Field(() => String, { description: 'submitted_on_time, submitted_late, overdue or not_yet_due.' }) status!: string;
  @Field(() => String) reason!: string;
}

@ObjectType({ description: 'A flag for the committee — never a revocation: the hub does not revoke (000 Art. 16).' })
export class RevocationCandidate {
  @Field(() => CertifiedItem) certifiedItem!: CertifiedItem;
  @Field(() => String, { description: 'consecutive_failures (Art. 16(2)) or unrectified (Art. 16(3)).' }) ground!: string;
  @Field(() => String) article!: string;
  @Field(() => String) reason!: string;
  @Field(() => [String], { description: 'Report numbers of the results that are the evidence.' }) evidenceReportNos!: string[];
  @Field(() => String, { nullable: true, description: 'The rectification notice that is the evidence.' }) evidenceNoticeNo!: string | null;
  @Field(() => [String], { description: 'What the committee must establish beyond the records.' }) toConfirm!: string[];
}

@ObjectType({ description: 'An exclusion from applying that the records show (seed 002; 000 Art. 16).' })
export class EligibilityExclusion {
  @Field(() => String) rule!: string;
  @Field(() => String) article!: string;
  @Field(() => String) reason!: string;
  @Field(() => LocalDate, { description: 'First day it no longer applies, on the records known now.' }) lapsesOn!: string;
}

@ObjectType({ description: 'Whether an enterprise may apply as of a date, as far as the records show.' })
export class Eligibility {
  @Field(() => LocalDate) asOf!: string;
  @Field(() => Boolean, { description: 'No exclusion the records can show (others still need checking: toConfirm).' })
  eligibleOnRecords!: boolean;
  @Field(() => [EligibilityExclusion]) exclusions!: EligibilityExclusion[];
  @Field(() => [String], { description: 'Exclusions of seed 002 the records cannot show.' }) toConfirm!: string[];
  @Field(() => Boolean, {
    description:
      'Whether the hub has the enterprise on record at all; an applicant it has never seen has no revocation and no failure on record.',
  })
  enterpriseOnRecord!: boolean;
  @Field(() => String, {
    description: 'What the answer rests on, in words: the hub judges only what is on its records, and which conditions it cannot judge.',
  })
  basis!: string;
}

@ObjectType({ description: '整改通知书: a general problem of a certified item to rectify by a deadline (000 Art. 15).' })
export class RectificationNotice {
  @Field(() => String, { description: '通知编号.' }) noticeNo!: string;
  @Field(() => String, { description: '问题.' }) problem!: string;
  @Field(() => LocalDate, { description: '下达日期.' }) issuedOn!: string;
  @Field(() => LocalDate, { description: '整改期限.' }) dueOn!: string;
  @Field(() => LocalDate, { nullable: true, description: '完成日期.' }) completedOn!: string | null;
  @Field(() => String, { nullable: true, description: '整改结果: pass or fail.' }) result!: string | null;
}
