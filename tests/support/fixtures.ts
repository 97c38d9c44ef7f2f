import type pg from 'pg';
import {
  Batch,
  CaseEvent,
  CertifiedItem,
  column,
  Enterprise,
  NonconformingItem,
  SpotCheck,
  tableName,
  usccCheckCharacter,
  type EntityClass,
  type PropertyOf,
} from '@hub/db';

/** A valid USCC for a division, numbered: makeUscc('420100', 7). */
export function makeUscc(division: string, n: number): string {
  const body = `91${division}${String(n).padStart(9, '0')}`;
  return body + usccCheckCharacter(body);
}

/**
 * Small, explicit records for tests, written with plain SQL into a real database (the way a
 * published batch leaves them). Every value a test asserts on is given here, not generated.
 * Rows are given by the entities' property names; the tables and columns come from the
 * entities (db/src/columns.ts), so a renamed column is renamed here too.
 */
export class Fixture {
  private seq = 0;
  constructor(readonly sql: pg.Client) {}

  /** INSERT one row of `entity` with the given properties; its id. */
  async insert<E extends EntityClass>(entity: E, values: Partial<Record<PropertyOf<E>, unknown>>): Promise<number> {
    const entries = Object.entries(values) as [PropertyOf<E>, unknown][];
    const names = entries.map(([property]) => `"${column(entity, property).name}"`);
    const { rows } = await this.sql.query(
      `INSERT INTO "${tableName(entity)}" (${names.join(', ')}) VALUES (${entries.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      entries.map(([, value]) => value),
    );
    return rows[0].id;
  }

  async batch(kind = 'spot_checks', title = '测试批次', status = 'published'): Promise<number> {
    // the database's clock, as publishing uses it
    const publishedAt = status === 'published' ? (await this.sql.query<{ now: string }>('SELECT now()::text AS now')).rows[0].now : null;
    return this.insert(Batch, { kind, title, status, publishedAt });
  }

  async enterprise(
    batch: number,
    name: string,
    options: { division?: string; city?: string | null; uscc?: string | null } = {},
  ): Promise<number> {
    const uscc = options.uscc === undefined ? makeUscc(options.division ?? '420100', ++this.seq) : options.uscc;
    return this.insert(Enterprise, {
      uscc,
      name,
      city: options.city === undefined ? '420100' : options.city,
      provinceCode: (options.division ?? '42').slice(0, 2),
      batch,
    });
  }

  async certifiedItem(
    batch: number,
    enterprise: number,
    name: string,
    extra: Partial<{ round: number; kind: string; industry: string; certifiedOn: string; seqNo: number; certificateNo: string }> = {},
  ): Promise<number> {
    return this.insert(CertifiedItem, {
      round: extra.round ?? 1,
      enterprise,
      name,
      kind: extra.kind ?? 'product',
      industry: extra.industry ?? null,
      certifiedOn: extra.certifiedOn ?? '2024-03-15',
      seqNo: extra.seqNo ?? null,
      certificateNo: extra.certificateNo ?? null,
      batch,
    });
  }

  async spotCheck(
    batch: number,
    producer: number,
    s: {
      reportNo: string;
      reportDate: string;
      conclusion: 'pass' | 'fail';
      productName?: string;
      productCategory?: string;
      checkType?: string;
      city?: string | null;
      certifiedItem?: number | null;
      sampledOn?: string;
      trademark?: string;
      sampledUnit?: number | null;
      modelSpec?: string;
      items?: { item: string; requirement?: string; measured?: string }[];
    },
  ): Promise<number> {
    const nameOf = async (enterprise: number) =>
      (await this.sql.query<{ name: string }>('SELECT name FROM enterprise WHERE id = $1', [enterprise])).rows[0].name;
    const producerName = await nameOf(producer);
    const id = await this.insert(SpotCheck, {
      reportNo: s.reportNo,
      checkType: s.checkType ?? 'provincial',
      productCategory: s.productCategory ?? '电动自行车',
      productName: s.productName ?? '电动自行车',
      trademark: s.trademark ?? null,
      producer,
      producerName,
      sampledUnit: s.sampledUnit ?? null,
      sampledUnitName: s.sampledUnit ? await nameOf(s.sampledUnit) : producerName,
      testingAgency: '湖北省产品质量监督检验研究院',
      reportDate: s.reportDate,
      sampledOn: s.sampledOn ?? null,
      conclusion: s.conclusion,
      certifiedItem: s.certifiedItem ?? null,
      city: s.city === undefined ? '420100' : s.city,
      batch,
      modelSpec: s.modelSpec ?? null,
    });
    let seq = 0;
    for (const item of s.items ?? []) {
      await this.insert(NonconformingItem, {
        spotCheck: id,
        seq: ++seq,
        item: item.item,
        requirement: item.requirement ?? null,
        measured: item.measured ?? null,
        batch,
      });
    }
    return id;
  }

  async event(
    batch: number,
    spotCheck: number,
    kind: string,
    occurredOn: string,
    outcome: string | null = null,
    note: string | null = null,
  ) {
    await this.insert(CaseEvent, { spotCheck, kind, occurredOn, outcome, note, batch });
  }
}
