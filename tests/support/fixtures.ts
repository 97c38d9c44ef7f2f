import type pg from 'pg';
import { usccCheckCharacter } from '@hub/db';

/** A valid USCC for a division, numbered: makeUscc('420100', 7). */
export function makeUscc(division: string, n: number): string {
  const body = `91${division}${String(n).padStart(9, '0')}`;
  return body + usccCheckCharacter(body);
}

/**
 * Small, explicit records for tests, written with plain SQL into a real database (the way a
 * published batch leaves them). Every value a test asserts on is given here, not generated.
 */
export class Fixture {
  private seq = 0;
  constructor(readonly sql: pg.Client) {}

  async batch(kind = 'spot_checks', title = '测试批次', status = 'published'): Promise<number> {
    const { rows } = await this.sql.query(
      `INSERT INTO batch (kind, title, status, published_at) VALUES ($1, $2, $3, CASE WHEN $3 = 'published' THEN now() END) RETURNING id`,
      [kind, title, status],
    );
    return rows[0].id;
  }

  async enterprise(batch: number, name: string, options: { division?: string; city?: string | null; uscc?: string | null } = {}): Promise<number> {
    const uscc = options.uscc === undefined ? makeUscc(options.division ?? '420100', ++this.seq) : options.uscc;
    const { rows } = await this.sql.query(
      `INSERT INTO enterprise (uscc, name, city_code, province_code, batch_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [uscc, name, options.city === undefined ? '420100' : options.city, (options.division ?? '42').slice(0, 2), batch],
    );
    return rows[0].id;
  }

  async certifiedItem(batch: number, enterprise: number, name: string, extra: Partial<{ round: number; kind: string; industry: string; certifiedOn: string; seqNo: number; certificateNo: string }> = {}): Promise<number> {
    const { rows } = await this.sql.query(
      `INSERT INTO certified_item (round, enterprise_id, name, kind, industry_code, certified_on, seq_no, certificate_no, batch_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [extra.round ?? 1, enterprise, name, extra.kind ?? 'product', extra.industry ?? null, extra.certifiedOn ?? '2024-03-15', extra.seqNo ?? null, extra.certificateNo ?? null, batch],
    );
    return rows[0].id;
  }

  async spotCheck(batch: number, producer: number, s: {
    reportNo: string; reportDate: string; conclusion: 'pass' | 'fail'; productName?: string; productCategory?: string;
    checkType?: string; city?: string | null; certifiedItem?: number | null; sampledOn?: string; trademark?: string; sampledUnit?: number | null;
    modelSpec?: string;
    items?: { item: string; requirement?: string; measured?: string }[];
  }): Promise<number> {
    const { rows } = await this.sql.query(
      `INSERT INTO spot_check (report_no, check_type, product_category, product_name, trademark, producer_id, producer_name,
         sampled_unit_id, sampled_unit_name, testing_agency, report_date, sampled_on, conclusion, certified_item_id, city_code, batch_id, model_spec)
       SELECT $1, $2, $3, $4, $5, e.id, e.name, $6, coalesce(u.name, e.name), '湖北省产品质量监督检验研究院', $7, $8, $9, $10, $11, $12, $14
       FROM enterprise e LEFT JOIN enterprise u ON u.id = $6 WHERE e.id = $13 RETURNING id`,
      [s.reportNo, s.checkType ?? 'provincial', s.productCategory ?? '电动自行车', s.productName ?? '电动自行车', s.trademark ?? null,
        s.sampledUnit ?? null, s.reportDate, s.sampledOn ?? null, s.conclusion, s.certifiedItem ?? null,
        s.city === undefined ? '420100' : s.city, batch, producer, s.modelSpec ?? null],
    );
    const id = rows[0].id;
    let seq = 0;
    for (const item of s.items ?? []) {
      await this.sql.query(
        `INSERT INTO nonconforming_item (spot_check_id, seq, item, requirement, measured, batch_id) VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, ++seq, item.item, item.requirement ?? null, item.measured ?? null, batch],
      );
    }
    return id;
  }

  async event(batch: number, spotCheck: number, kind: string, occurredOn: string, outcome: string | null = null, note: string | null = null) {
    await this.sql.query(
      `INSERT INTO case_event (spot_check_id, kind, occurred_on, outcome, note, batch_id) VALUES ($1, $2, $3, $4, $5, $6)`,
      [spotCheck, kind, occurredOn, outcome, note, batch],
    );
  }
}
