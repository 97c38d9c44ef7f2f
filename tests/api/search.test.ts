import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshCaseState } from '@hub/api';
import { createTestDatabase, type TestDatabase } from '../support/db.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { Fixture } from '../support/fixtures.ts';

/**
 * Chinese search recall. PostgreSQL has no Chinese parser; the API matches substrings (ILIKE,
 * after the gram index of characters and character pairs), so every product whose name, category,
 * trademark, model or batch contains the query is found — measured here on a fixture against
 * the expected set computed in the test.
 */
const PRODUCTS: [name: string, category: string, trademark: string, model: string][] = [
  ['智能电热水壶', '电热水壶', '美的', 'MK-HJ1705'],
  ['不锈钢电热水壶', '电热水壶', '苏泊尔', 'SW-17S'],
  ['儿童滑板车', '儿童玩具', '乐乐', 'HBC-02'],
  ['铝芯电力电缆', '电线电缆', '长江', 'YJLV 3×95'],
  ['铜芯聚氯乙烯绝缘电线', '电线电缆', '楚天', 'BV 2.5mm²'],
  ['浓香型白酒', '白酒', '白云边', '42%vol 500mL'],
  ['酱香型白酒', '白酒', '黄鹤楼', '53%vol 500mL'],
  ['LED吸顶灯', 'LED灯具', '欧普', 'MX420'],
  ['电动自行车', '电动自行车', '雅迪', 'TDT1234Z'],
  ['电动自行车用充电器', '电动自行车', '天能', 'TN-4820'],
];
const QUERIES = [
  '电热水壶',
  '水壶',
  '白酒',
  '香型',
  '浓香型',
  '滑板车',
  '电缆',
  '电线',
  '吸顶灯',
  '电动自行车',
  '充电器',
  '黄鹤楼',
  'MX420',
  'YJLV',
  '500mL',
  '铜芯',
];

describe('Chinese text search', () => {
  let db: TestDatabase;
  let api: TestApi;
  beforeAll(async () => {
    db = await createTestDatabase();
    const f = new Fixture(db.sql);
    const b = await f.batch();
    const e = await f.enterprise(b, '武汉检索测试有限公司');
    let i = 0;
    for (const [name, category, trademark, modelSpec] of PRODUCTS) {
      const id = await f.spotCheck(b, e, {
        reportNo: `S-${++i}`,
        reportDate: '2025-04-01',
        conclusion: 'fail',
        productName: name,
        productCategory: category,
        trademark,
        modelSpec,
      });
      await f.event(b, id, 'delivered', '2025-04-02');
    }
    await refreshCaseState(db.sql, undefined, '2026-01-01');
    api = await startTestApi(db.url);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  it('finds every product that contains the query (recall 100% on the fixture)', async () => {
    let expectedTotal = 0;
    let foundTotal = 0;
    for (const q of QUERIES) {
      const expected = PRODUCTS.map((p, i) => [`S-${i + 1}`, p] as const)
        .filter(([, p]) => p.some((field) => field.toLowerCase().includes(q.toLowerCase())))
        .map(([no]) => no)
        .sort();
      const { data } = await api.query(`query($q: String!) { spotChecks(first: 100, filter: { text: $q }) { nodes { reportNo } } }`, { q });
      const found = data.spotChecks.nodes.map((n: any) => n.reportNo).sort();
      expect(found, q).toEqual(expected);
      expectedTotal += expected.length;
      foundTotal += found.length;
    }
    expect(expectedTotal).toBeGreaterThan(20);
    expect(foundTotal / expectedTotal).toBe(1);
  });

  it('treats % and _ in a query as characters, not wildcards', async () => {
    const percent = await api.query(`{ spotChecks(first: 10, filter: { text: "%" }) { nodes { modelSpec } } }`);
    expect(percent.data.spotChecks.nodes.map((n: any) => n.modelSpec).sort()).toEqual(['42%vol 500mL', '53%vol 500mL']);
    const underscore = await api.query(`{ spotChecks(first: 10, filter: { text: "_" }) { totalCount } }`);
    expect(underscore.data.spotChecks.totalCount).toBe(0);
  });

  it('finds one- and two-character queries, and Latin letters in either case', async () => {
    const found = async (q: string) =>
      (
        await api.query(`query($q: String!) { spotChecks(first: 100, filter: { text: $q }) { nodes { reportNo } } }`, { q })
      ).data.spotChecks.nodes
        .map((n: any) => n.reportNo)
        .sort();
    expect(await found('壶')).toEqual(['S-1', 'S-2']);
    expect(await found('滑板')).toEqual(['S-3']);
    expect(await found('白酒')).toEqual(['S-6', 'S-7']);
    expect(await found('mx420')).toEqual(['S-8']);
    expect(await found('Yjlv 3')).toEqual(['S-4']);
    expect(await found('ml')).toEqual(['S-6', 'S-7']);
    expect(await found('电视')).toEqual([]);
  });
});
