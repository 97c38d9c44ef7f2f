import { CorrectionKind, PublicField, RecordNumberLabel } from '@hub/db/vocabulary';
import type { ConnectionShape, CorrectionArgs, Node, PublicCorrectionRow, RecordChangeRow, SpotCheckRow } from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';
import { CASE_STATUS_LABELS, type CaseStatus } from '../rules/case-timeline.ts';
import { toGlobalId } from '../graphql/ids.ts';
import { CORRECTED_TYPES } from './correction.repository.ts';

/** A notice as the resolvers read it. */
export type PublicCorrectionView = PublicCorrectionRow & {
  kindLabel: string;
  recordNodeId: string;
  recordNumberLabel: string | null;
  reason: string;
  changes: Array<{ field: string; label: string | null; before: string | null; after: string | null }>;
};

/** The node types of the ledger's registers beyond CORRECTED_TYPES (a record without one keeps an opaque ID of its table). */
const NODE_TYPES: Readonly<Record<string, string>> = { cultivation_entry: 'CultivationEntry', standard_evaluation: 'StandardEvaluation' };

const text = (value: unknown): string | null =>
  value == null ? null : typeof value === 'string' ? value : Array.isArray(value) ? value.join('；') : JSON.stringify(value);

/** The ledger's notices, with their labels (vocabulary) and the reason to show: the bureau's, else the rule's. */
export async function publicCorrections(ctx: HubContext, args: CorrectionArgs): Promise<ConnectionShape<PublicCorrectionView>> {
  const page = await ctx.repos.corrections.publicCorrections(args);
  const wrap = (row: PublicCorrectionRow): PublicCorrectionView => ({
    ...row,
    kindLabel: CorrectionKind.find(row.kind)?.label ?? row.kind,
    recordNodeId: toGlobalId(NODE_TYPES[row.recordType] ?? CORRECTED_TYPES[row.recordType] ?? row.recordType, row.recordId),
    recordNumberLabel: RecordNumberLabel.find(row.recordType) ?? null,
    reason: row.bureauReason ?? row.explanation,
    changes: (row.changes as unknown as Array<{ field: string; before: unknown; after: unknown }>).map((c) => ({
      field: c.field,
      label: PublicField.find(c.field) ?? null,
      before: text(c.before),
      after: text(c.after),
    })),
  });
  return { ...page, nodes: page.nodes.map(wrap), edges: page.edges.map((e) => ({ cursor: e.cursor, node: wrap(e.node) })) };
}

/** A notice's result now, where the public may see it (null for other record types, or when removed). */
export function correctedSpotCheck(ctx: HubContext, c: PublicCorrectionView): Promise<SpotCheckRow | null> | null {
  return c.recordType === 'spot_check' ? ctx.repos.spotChecks.byId(c.recordId) : null;
}

/** A notice's result's status today. */
export async function correctedStatus(ctx: HubContext, c: PublicCorrectionView): Promise<{ status: string; label: string } | null> {
  if (c.recordType !== 'spot_check') return null;
  const period = await ctx.repos.spotChecks.period(c.recordId, ctx.today);
  return period ? { status: period.status, label: CASE_STATUS_LABELS[period.status as CaseStatus] ?? period.status } : null;
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
