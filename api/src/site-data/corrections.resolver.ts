import 'reflect-metadata';
import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import {
  CorrectionArgs, Node, PublicCorrection, PublicCorrectionConnection, RecordChange, RecordChangeConnection, type PublicCorrectionRow,
  type RecordChangeRow, type SpotCheckRow,
} from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';
import { paginate } from '../graphql/paging.ts';
import { Where } from '../graphql/sql.ts';
import { REVOCATION_COLUMNS, WARNING_COLUMNS } from '../graphql/columns.ts';
import { SC_CORRECTION, spotCheckColumns, spotCheckFrom } from '../graphql/visibility.ts';
import { CASE_STATUS_LABELS, type CaseStatus } from '../rules/case-timeline.ts';

/**
 * Corrections (更正) for the public record: nothing published disappears silently
 * (003 Art. 26–27; DOMAIN "Batches and republishing").
 *
 * - publicCorrections: results that were published as failures and no longer are (withdrawn,
 *   replaced by a 合格 re-test, or reopened by an objection). The correction names the result
 *   by the fields that were published (Art. 27(1)–(3)); the producer stays as masked as the
 *   result's current disclosure says (never public once it is no longer a published failure).
 * - recordCorrections: records a later batch corrected or removed (record_history), with the
 *   reason, and the record itself where the asker may see it now.
 */

const REASONS: Partial<Record<CaseStatus, string>> = {
  withdrawn: '异议成立，原检验结论撤回（《处理办法》第十三、十四条），不再作为不合格产品公布。',
  passed: '复检结论为合格，复检结论为最终结论并替代原结论（《处理办法》第十一条），不再作为不合格产品公布。',
  under_objection: '已受理异议，异议处理期间暂不作为不合格产品公布（《处理办法》第七至十五条）。',
  retest_pending: '复检进行中，在复检结论作出前暂不作为不合格产品公布（《处理办法》第九至十一条）。',
};

@Resolver(() => PublicCorrection)
export class PublicCorrectionResolver {
  @Query(() => PublicCorrectionConnection, {
    description: '更正: results that were published as failures and no longer are, newest first (003 Art. 26–27).',
  })
  async publicCorrections(@Args(() => CorrectionArgs) args: CorrectionArgs, @Ctx() ctx: HubContext) {
    const page = await paginate<SpotCheckRow & { since: string; status: string }>(ctx.sql, {
      // the current period again, for its start (periods of a case do not overlap)
      from: `${spotCheckFrom('$1')} JOIN case_period cur ON cur.spot_check_id = sc.id AND cur.valid_from <= $1::date
        AND (cur.valid_until IS NULL OR cur.valid_until > $1::date)`,
      select: `${spotCheckColumns(ctx.viewer)}, cur.valid_from AS since, cur.status`,
      where: new Where([ctx.today]).add(SC_CORRECTION),
      sort: { expr: 'cur.valid_from', direction: 'DESC', field: 'since', type: 'date' },
      idExpr: 'sc.id',
      args,
    });
    const wrap = (row: SpotCheckRow & { since: string; status: string }): PublicCorrectionRow => ({
      spotCheck: row,
      since: row.since,
      status: row.status,
      statusLabel: CASE_STATUS_LABELS[row.status as CaseStatus] ?? row.status,
      reason: REASONS[row.status as CaseStatus] ?? '不再作为不合格产品公布（《处理办法》第二十六、二十七条）。',
    });
    return { ...page, nodes: page.nodes.map(wrap), edges: page.edges.map((e) => ({ cursor: e.cursor, node: wrap(e.node) })) };
  }
}

/** The tables whose corrections the public record lists, with the type of their record. */
const CORRECTED_TYPES: Record<string, string> = {
  spot_check: 'SpotCheck',
  nonconforming_item: 'SpotCheck',
  case_event: 'SpotCheck',
  certified_item: 'CertifiedItem',
  enterprise: 'Enterprise',
  revocation: 'Revocation',
  consumer_warning: 'ConsumerWarning',
};

@Resolver(() => RecordChange)
export class RecordCorrectionResolver {
  @Query(() => RecordChangeConnection, {
    description: 'Corrections and removals only (no additions), newest first: what later batches changed in published records, and why.',
  })
  recordCorrections(@Args(() => CorrectionArgs) args: CorrectionArgs, @Ctx() ctx: HubContext) {
    const where = new Where().add(`b.status = 'published'`).add(`h.operation IN ('update', 'delete')`).add('h.table_name = ANY(?)', Object.keys(CORRECTED_TYPES));
    return paginate<RecordChangeRow>(ctx.sql, {
      from: 'record_history h JOIN batch b ON b.id = h.batch_id',
      select: `h.batch_id AS "batchId", h.table_name AS "recordType", h.record_id AS "recordId",
        CASE h.operation WHEN 'update' THEN 'corrected' ELSE 'removed' END AS change,
        CASE WHEN h.operation = 'update' THEN h.version + 1 ELSE h.version END AS version, h.reason, b.published_at AS at,
        h.id AS "dbId", h.data->>'spot_check_id' AS "parentSpotCheckId"`,
      where, idExpr: 'h.id', args,
      sort: { expr: 'h.id', direction: 'DESC', field: 'dbId', type: 'int' },
    });
  }

  @FieldResolver(() => Node, {
    nullable: true,
    description: 'The record now, where you may see it (a result’s correction points to the result); null when removed or not visible.',
  })
  async record(@Root() c: RecordChangeRow, @Ctx() ctx: HubContext): Promise<Node | null> {
    const type = CORRECTED_TYPES[c.recordType];
    // a removed result's part (a nonconforming item, an event) still points to its result
    if (!type || (c.change === 'removed' && c.recordType !== 'nonconforming_item' && c.recordType !== 'case_event')) return null;
    const id = Number(c.recordType === 'spot_check' || !c.parentSpotCheckId ? c.recordId : c.parentSpotCheckId);
    if (!Number.isInteger(id)) return null;
    const one = async (sql: string) => (await ctx.sql.query(sql, [id]))[0] ?? null;
    const load: Record<string, () => Promise<unknown>> = {
      SpotCheck: () => ctx.loaders.spotCheck.load(id),
      CertifiedItem: () => ctx.loaders.certifiedItem.load(id),
      Enterprise: () => ctx.loaders.enterprise.load(id),
      Revocation: () => one(`SELECT ${REVOCATION_COLUMNS} FROM revocation r WHERE r.id = $1`),
      ConsumerWarning: () => one(`SELECT ${WARNING_COLUMNS} FROM consumer_warning w WHERE w.id = $1`),
    };
    const row = (await load[type]()) as Record<string, unknown> | null;
    return row ? ({ ...row, __typename: type } as unknown as Node) : null;
  }
}
