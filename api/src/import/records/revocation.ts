/**
 * 撤销认定决定 (000 Art. 16): the committee's decision to revoke certified items. Natural key: 决定文号.
 * 撤销情形 is the clause of Art. 16 — `第十六条第二项`, `第二项`, `(二)`, `2`, or the clause's
 * words — and is kept as written beside the ground's code. The items are named by 证书编号 or by
 * 产品/服务名称 (several separated by `；` `、` or line breaks); each must be a published certified
 * item of the enterprise with the given USCC, whose registered name must match 经营主体名称.
 */
import { CertifiedItem, maxLength, Revocation, RevocationGround, RevocationGroundForms } from '@hub/db';
import { todayInChina } from '../../clock.ts';
import { matchTerm } from '../terms.ts';
import type { Queryable } from '@hub/db';
import type { Prepared, RecordType, Reporter } from '../record-type.ts';
import type { RowReader } from '../row-reader.ts';
import { splitList } from '../text.ts';
import { correctedRowsOf, ENTERPRISE_NAME, ENTERPRISE_NAME_MAX, ITEM_NAME, rowsOf, SEQ, USCC } from './common.ts';

export interface RevocationRecord {
  decisionNo: string;
  decidedOn: string;
  uscc: string;
  enterpriseName: string;
  enterpriseRef: string;
  ground: string;
  groundText: string;
  facts: string | null;
  itemNames: string[];
  certificateNos: string[];
  /** the certified items revoked, resolved against the published registry */
  itemIds: number[];
}

type Ground = (typeof RevocationGround.codes)[number];

/**
 * `第十六条第二项`, `第二项`, `(二)`, `（二）`, `2`, `第16条第2项`, the clause's words (000 Art. 16,
 * as db/src/vocabulary.ts RevocationGroundForms holds them), a synonym or the code → the ground.
 * `how: 'pattern'`: recognised by key words only (imported with a warning).
 */
export function matchRevocationGround(text: string) {
  return matchTerm(text, RevocationGround, RevocationGroundForms);
}

/** The ground a 撤销情形 names; undefined when it names none, or is ambiguous or contradictory. */
export function parseRevocationGround(text: string): Ground | undefined {
  const match = matchRevocationGround(text);
  return match && 'code' in match ? match.code : undefined;
}

/** db/src/entities/revocation.ts; the items are certified items (registry.ts) */
const DECISION_NO_MAX = maxLength(Revocation, 'decisionNo');
const ITEM_NAME_MAX = maxLength(CertifiedItem, 'name');

const TARGET = `SELECT t.id, t.version FROM revocation t WHERE t.decision_no = d->>'decisionNo'`;

export const revocation: RecordType<RevocationRecord> = {
  code: 'revocation',
  label: '撤销认定决定',
  jsonType: 'revocation',
  columns: [
    SEQ,
    { key: 'decisionNo', header: '决定文号', aliases: ['文号', '撤销决定文号', '决定书文号', '决定编号'], required: true },
    { key: 'decidedOn', header: '决定日期', aliases: ['撤销日期', '决定时间', '撤销决定日期'], required: true },
    { ...ENTERPRISE_NAME, required: true },
    { ...USCC, required: true },
    { ...ITEM_NAME, note: 'one or more, separated by ；、 or new lines (or give 证书编号)' },
    {
      key: 'certificateNo',
      header: '证书编号',
      aliases: ['证书号', '证书号码', '认定证书编号'],
      note: 'one or more (or give 产品/服务名称)',
    },
    {
      key: 'ground',
      header: '撤销情形',
      aliases: ['撤销依据', '撤销条款', '情形', '撤销理由', '撤销原因'],
      required: true,
      note: '第十六条第一项 … 第五项, 第二项, (二), or the clause text',
    },
    { key: 'facts', header: '事实与理由', aliases: ['事实和理由', '撤销事实与理由', '主要事实', '理由', '事实'] },
  ],
  headerGroups: [['itemName', 'certificateNo']],
  keyColumns: ['decisionNo'],

  normalise(row: RowReader) {
    const decisionNo = row.code('decisionNo', { max: DECISION_NO_MAX });
    const decidedOn = row.date('decidedOn');
    const enterpriseName = row.text('enterpriseName', { max: ENTERPRISE_NAME_MAX });
    const uscc = row.uscc('uscc', { hubei: true });
    const names = row.text('itemName');
    const certificates = row.text('certificateNo');
    const itemNames = names ? splitList(names) : [];
    const certificateNos = certificates ? splitList(certificates, { comma: true }).map((c) => c.replace(/\s+/g, '')) : [];
    if (!itemNames.length && !certificateNos.length) {
      row.report(
        row.raw.headers.has('itemName') ? 'itemName' : 'certificateNo',
        '请填写被撤销的产品/服务名称或证书编号',
        'name the revoked item (产品/服务名称 or 证书编号)',
      );
    }
    if (itemNames.some((n) => n.length > ITEM_NAME_MAX)) {
      row.report('itemName', `产品/服务名称过长（最多 ${ITEM_NAME_MAX} 字）`, `item name too long (at most ${ITEM_NAME_MAX} characters)`);
    }
    const groundText = row.text('ground');
    const ground =
      groundText === null ? undefined : (row.choice('ground', RevocationGround, { forms: RevocationGroundForms }) ?? undefined);
    const facts = row.text('facts');
    if (row.failed || !decisionNo || !decidedOn || !enterpriseName || !uscc || !ground || groundText === null) return undefined;
    return {
      record: {
        decisionNo,
        decidedOn,
        uscc,
        enterpriseName,
        enterpriseRef: `U:${uscc}`,
        ground,
        groundText,
        facts,
        itemNames,
        certificateNos,
        itemIds: [],
      },
      enterprises: [],
    };
  },

  naturalKey: (r) => r.decisionNo,

  content: (r) => ({
    decidedOn: r.decidedOn,
    uscc: r.uscc,
    ground: r.ground,
    groundText: r.groundText,
    facts: r.facts,
    itemIds: [...r.itemIds].sort((a, b) => a - b),
  }),

  async lookup(sql, records, report, context) {
    const usccs = [...new Set(records.map((r) => r.record.uscc))];
    const enterprises = new Map(
      (await sql.query<{ uscc: string; name: string }>(`SELECT uscc, name FROM enterprise WHERE uscc = ANY($1::text[])`, [usccs])).map(
        (e) => [e.uscc, e.name],
      ),
    );
    const items = await sql.query<{ id: number; uscc: string; name: string; certificate_no: string | null }>(
      `SELECT t.id, e.uscc, t.name, t.certificate_no FROM certified_item t JOIN enterprise e ON e.id = t.enterprise_id
        WHERE e.uscc = ANY($1::text[]) OR t.certificate_no = ANY($2::text[])`,
      [usccs, records.flatMap((r) => r.record.certificateNos)],
    );
    for (const r of records as Prepared<RevocationRecord>[]) {
      const { record } = r;
      const registered = enterprises.get(record.uscc);
      if (registered === undefined) {
        report(r, 'uscc', '该统一社会信用代码没有已发布的认定记录', 'no published certified enterprise has this USCC');
        continue;
      }
      if (registered !== record.enterpriseName) {
        report(
          r,
          'enterpriseName',
          `与统一社会信用代码登记的名称"${registered}"不一致`,
          `differs from the name registered for this USCC: "${registered}"`,
        );
      }
      const ids = new Set<number>();
      for (const no of record.certificateNos) {
        const item = items.find((i) => i.certificate_no === no);
        if (!item) report(r, 'certificateNo', `找不到证书编号为 ${no} 的认定项目`, `no certified item has certificate number ${no}`, no);
        else if (item.uscc !== record.uscc)
          report(
            r,
            'certificateNo',
            `证书 ${no} 属于另一经营主体（${item.uscc}）`,
            `certificate ${no} belongs to another enterprise (${item.uscc})`,
            no,
          );
        else ids.add(item.id);
      }
      for (const name of record.itemNames) {
        const matching = items.filter((i) => i.uscc === record.uscc && i.name === name);
        if (!matching.length)
          report(r, 'itemName', `该经营主体没有名为"${name}"的认定项目`, `the enterprise has no certified item named "${name}"`, name);
        for (const m of matching) ids.add(m.id);
      }
      record.itemIds = [...ids].sort((a, b) => a - b);
    }
    await warnWithheldProducers(sql, records as Prepared<RevocationRecord>[], context.warn);
    const found = await sql.query<RevocationRecord & { version: number }>(
      `SELECT t.decision_no AS "decisionNo", t.decided_on::text AS "decidedOn", e.uscc, t.ground, t.ground_text AS "groundText",
              t.facts, t.version,
              array(SELECT ri.certified_item_id FROM revocation_item ri WHERE ri.revocation_id = t.id ORDER BY 1) AS "itemIds"
         FROM revocation t JOIN enterprise e ON e.id = t.enterprise_id
        WHERE t.decision_no = ANY($1::text[])`,
      [records.map((r) => r.record.decisionNo)],
    );
    return new Map(found.map((f) => [f.decisionNo, { version: f.version, record: f }]));
  },

  publish: {
    table: 'revocation',
    target: TARGET,
    async apply(sql, batchId) {
      const inserted = await sql.execute(
        `WITH p AS (${rowsOf('revocation', 'new')})
         INSERT INTO revocation (decision_no, decided_on, enterprise_id, ground, ground_text, facts, batch_id)
         SELECT d->>'decisionNo', (d->>'decidedOn')::date, e.id, d->>'ground', d->>'groundText', d->>'facts', $1::int
           FROM p JOIN enterprise e ON e.uscc = d->>'uscc'`,
        [batchId],
      );
      await sql.execute(
        `WITH p AS (${rowsOf('revocation', 'new')})
         INSERT INTO revocation_item (revocation_id, certified_item_id)
         SELECT t.id, item.value::int
           FROM p JOIN revocation t ON t.decision_no = d->>'decisionNo'
          CROSS JOIN LATERAL jsonb_array_elements_text(d->'itemIds') AS item`,
        [batchId],
      );
      const corrected = await sql.execute(
        `WITH p AS (${correctedRowsOf('revocation', TARGET)})
         UPDATE revocation t
            SET decided_on = (d->>'decidedOn')::date, enterprise_id = e.id, ground = d->>'ground', ground_text = d->>'groundText',
                facts = d->>'facts'
           FROM p JOIN enterprise e ON e.uscc = d->>'uscc'
          WHERE t.id = p.target_id`,
        [batchId],
      );
      if (corrected) {
        const links = `WITH p AS (${correctedRowsOf('revocation', TARGET)}),
          wanted AS (SELECT p.target_id AS revocation_id, item.value::int AS certified_item_id
                       FROM p CROSS JOIN LATERAL jsonb_array_elements_text(p.d->'itemIds') AS item)`;
        await sql.execute(
          `${links}
           DELETE FROM revocation_item ri USING p
            WHERE ri.revocation_id = p.target_id
              AND NOT EXISTS (SELECT 1 FROM wanted w WHERE w.revocation_id = ri.revocation_id AND w.certified_item_id = ri.certified_item_id)`,
          [batchId],
        );
        await sql.execute(`${links} INSERT INTO revocation_item SELECT * FROM wanted ON CONFLICT DO NOTHING`, [batchId]);
      }
      return { inserted, corrected };
    },
  },
};

/**
 * A revocation is public and names its enterprise. When its 事实与理由 cites (by report number)
 * a result of that enterprise whose producer the public record withholds today (003 Art. 15:
 * sample authenticity upheld; Art. 27(4): no situation), publishing the decision would tell who
 * the withheld producer is: imported, with a warning for the bureau to decide.
 */
async function warnWithheldProducers(sql: Queryable, records: Prepared<RevocationRecord>[], warn: Reporter): Promise<void> {
  const withFacts = records.filter((r) => r.record.facts);
  if (!withFacts.length) return;
  const cited = await sql.query<{ i: number; report_no: string; identity_basis: string | null }>(
    `SELECT k.i::int AS i, s.report_no, p.identity_basis
       FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(uscc, facts, i)
       JOIN enterprise e ON e.uscc = k.uscc
       JOIN spot_check s ON s.producer_id = e.id AND position(s.report_no IN k.facts) > 0
       JOIN case_period p ON p.spot_check_id = s.id AND p.valid_from <= $3::date AND (p.valid_until IS NULL OR p.valid_until > $3::date)
      WHERE NOT p.identity_public`,
    [withFacts.map((r) => r.record.uscc), withFacts.map((r) => r.record.facts), todayInChina()],
  );
  for (const c of cited) {
    warn(
      withFacts[c.i - 1],
      'facts',
      `事实与理由引用的抽查结果 ${c.report_no} 不公布生产者信息（${c.identity_basis ?? '未公布'}），发布本决定将披露该生产者，请核对`,
      `the facts cite result ${c.report_no}, whose producer the public record withholds (${c.identity_basis ?? 'withheld'}): publishing names it`,
      c.report_no,
    );
  }
}
