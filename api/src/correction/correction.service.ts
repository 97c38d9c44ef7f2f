import type { ConnectionShape, CorrectionArgs, Node, PublicCorrectionRow, RecordChangeRow } from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';
import { CASE_STATUS_LABELS, type CaseStatus } from '../rules/case-timeline.ts';
import { CORRECTED_TYPES, type CorrectedSpotCheckRow } from './correction.repository.ts';

/** Why a result is no longer listed as a failure, in plain Chinese, citing the article. */
const REASONS: Partial<Record<CaseStatus, string>> = {
  withdrawn: '异议成立，原检验结论撤回（《处理办法》第十三、十四条），不再作为不合格产品公布。',
  passed: '复检结论为合格，复检结论为最终结论并替代原结论（《处理办法》第十一条），不再作为不合格产品公布。',
  under_objection: '已受理异议，异议处理期间暂不作为不合格产品公布（《处理办法》第七至十五条）。',
  retest_pending: '复检进行中，在复检结论作出前暂不作为不合格产品公布（《处理办法》第九至十一条）。',
};

export async function publicCorrections(ctx: HubContext, args: CorrectionArgs): Promise<ConnectionShape<PublicCorrectionRow>> {
  const page = await ctx.repos.corrections.publicCorrections(args);
  const wrap = (row: CorrectedSpotCheckRow): PublicCorrectionRow => ({
    spotCheck: row,
    since: row.since,
    status: row.status,
    statusLabel: CASE_STATUS_LABELS[row.status as CaseStatus] ?? row.status,
    reason: REASONS[row.status as CaseStatus] ?? '不再作为不合格产品公布（《处理办法》第二十六、二十七条）。',
  });
  return { ...page, nodes: page.nodes.map(wrap), edges: page.edges.map((e) => ({ cursor: e.cursor, node: wrap(e.node) })) };
}

export function recordCorrections(ctx: HubContext, args: CorrectionArgs): Promise<ConnectionShape<RecordChangeRow>> {
  return ctx.repos.corrections.recordCorrections(args);
}

/** The corrected record now, where the viewer may see it (a result's part points to the result); null when removed. */
export async function correctedRecord(ctx: HubContext, c: RecordChangeRow): Promise<Node | null> {
  const type = CORRECTED_TYPES[c.recordType];
  // a removed result's part (a nonconforming item, an event) still points to its result
  if (!type || (c.change === 'removed' && c.recordType !== 'nonconforming_item' && c.recordType !== 'case_event')) return null;
  const id = Number(c.recordType === 'spot_check' || !c.parentSpotCheckId ? c.recordId : c.parentSpotCheckId);
  if (!Number.isInteger(id)) return null;
  const { repos } = ctx;
  const load: Record<string, () => Promise<unknown>> = {
    SpotCheck: () => repos.spotChecks.byId(id),
    CertifiedItem: () => repos.certification.byId(id),
    Enterprise: () => repos.enterprises.byId(id),
    Revocation: () => repos.revocations.byId(id),
    ConsumerWarning: () => repos.warnings.byId(id),
  };
  const row = (await load[type]()) as Record<string, unknown> | null;
  return row ? ({ ...row, __typename: type } as unknown as Node) : null;
}
