import 'reflect-metadata';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Node } from '@hub/schema';
import type { HubContext } from '../graphql/context.ts';
import { fromGlobalId } from '../graphql/ids.ts';
import { CULTIVATION_COLUMNS, EVALUATION_COLUMNS, REVOCATION_COLUMNS, WARNING_COLUMNS } from '../graphql/columns.ts';

/** node(id:): any object again by its global ID, under the same visibility rules as the lists. */
@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global ID; null when it does not exist or is not visible to you.' })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext): Promise<Node | null> {
    const { type, key } = fromGlobalId(id);
    const n = Number(key);
    if (!Number.isInteger(n)) return null;
    const l = ctx.loaders;
    const one = async (sql: string) => (await ctx.sql.query(sql, [n]))[0] ?? null;
    const found: Record<string, () => Promise<unknown>> = {
      SpotCheck: () => l.spotCheck.load(n),
      Enterprise: () => l.enterprise.load(n),
      CertifiedItem: () => l.certifiedItem.load(n),
      Batch: () => l.batch.load(n),
      Revocation: () => one(`SELECT ${REVOCATION_COLUMNS} FROM revocation r WHERE r.id = $1`),
      ConsumerWarning: () => one(`SELECT ${WARNING_COLUMNS} FROM consumer_warning w WHERE w.id = $1`),
      CultivationEntry: () => one(`SELECT ${CULTIVATION_COLUMNS} FROM cultivation_entry c WHERE c.id = $1`),
      StandardEvaluation: () => one(`SELECT ${EVALUATION_COLUMNS} FROM standard_evaluation s WHERE s.id = $1`),
    };
    const loader = found[type];
    if (!loader) return null;
    const row = (await loader()) as Record<string, unknown> | null;
    return row ? ({ ...row, __typename: type } as unknown as Node) : null;
  }
}
