import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
// type-graphql registers fields in the order these modules load, which is their order in schema.graphql
import {
  CertifiedItemResolver, CultivationEntryResolver, LogoAuthorisationResolver, StandardEvaluationResolver,
} from '../certification/certification.resolver.ts';
import { BatchMutationResolver } from '../batch/batch.mutations.ts';
import { BatchResolver, RecordChangeResolver } from '../batch/batch.resolver.ts';
import {
  CoverageGapResolver, DynamicManagementResolver, RectificationNoticeResolver, ReferenceResolver, RevocationCandidateResolver,
  SelfReportStatusResolver,
} from '../dynamic-management/dynamic-management.resolver.ts';
import { EnterpriseResolver } from '../enterprise/enterprise.resolver.ts';
import { NodeResolver } from '../node/node.resolver.ts';
import { ConsumerWarningResolver, RevocationResolver } from '../revocation/revocation.resolver.ts';
import { CaseEventResolver, SpotCheckResolver } from '../spot-check/spot-check.resolver.ts';
import { StatsResolver } from '../stats/stats.resolver.ts';
import { SummaryResolver } from '../summary/summary.resolver.ts';
import { PublicCorrectionResolver, RecordCorrectionResolver } from '../site-data/corrections.resolver.ts';
import {
  BatchStatsResolver, CertifiedItemBatchResolver, ConsumerWarningBatchResolver, RevocationBatchResolver, SpotCheckBatchResolver,
} from '../site-data/record-batch.resolver.ts';

/** The committed contract: a test fails when the served schema differs from it. */
export const SCHEMA_FILE = fileURLToPath(new URL('../../../schema/schema.graphql', import.meta.url));

export const RESOLVERS = [
  SummaryResolver, NodeResolver, SpotCheckResolver, CaseEventResolver, EnterpriseResolver, CertifiedItemResolver,
  CultivationEntryResolver, StandardEvaluationResolver, LogoAuthorisationResolver, RevocationResolver,
  ConsumerWarningResolver, BatchResolver, RecordChangeResolver, StatsResolver, DynamicManagementResolver,
  CoverageGapResolver, RevocationCandidateResolver, SelfReportStatusResolver, RectificationNoticeResolver, ReferenceResolver,
  BatchMutationResolver,
  // site-data: what the public site needs per batch and for its corrections page
  SpotCheckBatchResolver, CertifiedItemBatchResolver, RevocationBatchResolver, ConsumerWarningBatchResolver, BatchStatsResolver,
  PublicCorrectionResolver, RecordCorrectionResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

export function hubSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({ resolvers: [...RESOLVERS], validate: false });
  return built;
}

export async function hubSchemaSDL(): Promise<string> {
  return printSchema(await hubSchema()) + '\n';
}
