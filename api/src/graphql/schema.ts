import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
// type-graphql orders Query fields and each type's fields as their resolvers load: these
// imports, in this order, keep schema.graphql as it is (record-batch comes last so that each
// type's `batch` field follows its feature's own). Resolver modules import no other resolver module.
import { CertifiedItemResolver } from '../certification/certification.resolver.ts';
import { LogoAuthorisationResolver } from '../logo/logo.resolver.ts';
import { CultivationEntryResolver, RoundFunnelResolver, StandardEvaluationResolver } from '../registry/registry.resolver.ts';
import { BatchMutationResolver, BatchResolver, RecordChangeResolver } from '../batch/batch.resolver.ts';
import {
  CoverageGapResolver,
  DynamicManagementResolver,
  RectificationNoticeResolver,
  RevocationCandidateResolver,
  SelfReportStatusResolver,
} from '../dynamic-management/dynamic-management.resolver.ts';
import { ReferenceResolver } from '../reference/reference.resolver.ts';
import { EnterpriseResolver } from '../enterprise/enterprise.resolver.ts';
import { NodeResolver } from '../node/node.resolver.ts';
import { RevocationResolver } from '../revocation/revocation.resolver.ts';
import { ConsumerWarningResolver } from '../warning/warning.resolver.ts';
import { CaseEventResolver, SpotCheckResolver } from '../spot-check/spot-check.resolver.ts';
import { StatsResolver } from '../stats/stats.resolver.ts';
import { SummaryResolver } from '../summary/summary.resolver.ts';
import { PublicCorrectionResolver, RecordCorrectionResolver } from '../correction/correction.resolver.ts';
import { RateLimitResolver } from './rate-limit.resolver.ts';
import {
  BatchStatsResolver,
  CertifiedItemBatchResolver,
  ConsumerWarningBatchResolver,
  RevocationBatchResolver,
  SpotCheckBatchResolver,
} from '../batch/record-batch.resolver.ts';

/** The committed contract: a test fails when the served schema differs from it. */
export const SCHEMA_FILE = fileURLToPath(new URL('../../../schema/schema.graphql', import.meta.url));

export const RESOLVERS = [
  CertifiedItemResolver,
  LogoAuthorisationResolver,
  CultivationEntryResolver,
  StandardEvaluationResolver,
  RoundFunnelResolver,
  BatchResolver,
  RecordChangeResolver,
  BatchMutationResolver,
  DynamicManagementResolver,
  RectificationNoticeResolver,
  CoverageGapResolver,
  RevocationCandidateResolver,
  SelfReportStatusResolver,
  ReferenceResolver,
  EnterpriseResolver,
  NodeResolver,
  RevocationResolver,
  ConsumerWarningResolver,
  SpotCheckResolver,
  CaseEventResolver,
  StatsResolver,
  SummaryResolver,
  PublicCorrectionResolver,
  RecordCorrectionResolver,
  SpotCheckBatchResolver,
  CertifiedItemBatchResolver,
  RevocationBatchResolver,
  ConsumerWarningBatchResolver,
  BatchStatsResolver,
  RateLimitResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

export function hubSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({ resolvers: [...RESOLVERS], validate: false });
  return built;
}

export async function hubSchemaSDL(): Promise<string> {
  return printSchema(await hubSchema()) + '\n';
}
