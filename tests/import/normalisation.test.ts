import { describe, expect, it } from 'vitest';
import { parseDate, findDateIn, excelSerialToDate } from '@hub/api/import/date-input.ts';
import { parseRound, parseStandard, splitContact } from '@hub/api/import/fields.ts';
import { explainUscc, matchChoice, parsePlace } from '@hub/api/import/row-reader.ts';
import { parseNonconformity } from '@hub/api/import/records/spot-check.ts';
import { parseRevocationGround } from '@hub/api/import/records/revocation.ts';
import { certifiedItem } from '@hub/api/import/records/certification.ts';
import { spotCheck } from '@hub/api/import/records/spot-check.ts';
import { followUp } from '@hub/api/import/records/follow-up.ts';
import { HeaderMatcher, TableSegmenter } from '@hub/api/import/tables.ts';
import { cleanCode, cleanText, headerKey, isEmptyMarker, splitList } from '@hub/api/import/text.ts';
import { CaseEventKind, CheckType, Conclusion, ObjectionOutcome } from '@hub/db';
import { uscc } from './fixtures.ts';

describe('header matching (docs/sources/IMPORT-FORMATS.md "Tolerant matching")', () => {
  const certifications = new HeaderMatcher(certifiedItem);
  const spotChecks = new HeaderMatcher(spotCheck);
  it.each([
    ['统一社会信用代码', 'uscc'],
    [' 统一社会信用代码* ', 'uscc'],
    ['统一社会\n信用代码', 'uscc'],
    ['社会信用代码', 'uscc'],
    ['信用代码', 'uscc'],
    ['统一社会信用代码（18位）', 'uscc'],
    ['产品／服务名称', 'itemName'],
    ['产品（服务）名称', 'itemName'],
    ['产品 / 服务名称', 'itemName'],
    ['※届次', 'round'],
    ['属地(必填)', 'place'],
    ['ｃｅｒｔｉｆｉｃａｔｅＮｏ', 'certificateNo'],
    ['certificateNo', 'certificateNo'],
  ])('certifications: %j → %s', (header, key) => {
    expect(certifications.column(header)?.key).toBe(key);
  });
  it.each([
    ['标称生产者', 'producerName'],
    ['标称生产企业名称', 'producerName'],
    ['生产日期／批号', 'productionBatch'],
    ['不合格项目（标准值、实测值）', 'items'],
    ['检验结论*', 'conclusion'],
    ['抽样单编号', undefined],
  ])('spot checks: %j → %s', (header, key) => {
    expect(spotChecks.column(header)?.key).toBe(key);
  });
  it('folds widths, spaces and markers the same way for every header', () => {
    expect(headerKey('　产品（服务）名称 *')).toBe(headerKey('产品(服务)名称'));
  });
});

describe('values', () => {
  it.each([
    ['  武汉楚天酒业有限公司\u00A0', '武汉楚天酒业有限公司'],
    ['ＴＤＴ１２３４Ｚ型', 'TDT1234Z型'],
    ['（优级）', '（优级）'], // Chinese punctuation in values stays as written
    ['a\u0000b', 'ab'],
  ])('cleanText(%j) → %j', (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it('codes fold every full-width character and drop inner spaces', () => {
    expect(cleanCode('ＨＢＪ ２０２６－００１')).toBe('HBJ2026-001');
  });

  it.each(['/', '／', '—', '-', '--', '无', ' 无 '.trim(), '暂无'])('%j means empty in an optional column', (v) => {
    expect(isEmptyMarker(v)).toBe(true);
  });
  it.each(['0', '无锡', 'A-1'])('%j is a value', (v) => expect(isEmptyMarker(v)).toBe(false));

  it.each<[string | number | Date, string]>([
    [46086, '2026-03-05'],
    ['46086', '2026-03-05'],
    [new Date(Date.UTC(2026, 2, 5)), '2026-03-05'],
    ['2026-03-05', '2026-03-05'],
    ['2026/3/5', '2026-03-05'],
    ['2026.3.5', '2026-03-05'],
    ['2026年3月5日', '2026-03-05'],
    ['２０２６年３月５日', '2026-03-05'],
    ['20260305', '2026-03-05'],
    ['2026-03-05 00:00:00', '2026-03-05'],
  ])('date %j → %s', (input, expected) => {
    expect(parseDate(input)).toEqual({ date: expected });
  });

  it('counts Excel serials past its phantom 29 February 1900', () => {
    expect(excelSerialToDate(59)).toBe('1900-02-28');
    expect(excelSerialToDate(61)).toBe('1900-03-01');
    expect(excelSerialToDate(45000.75)).toBe('2023-03-15');
  });

  it.each([-63_000_000_000_000, 253_402_300_800_000, 577_200_000_000_000])(
    'a date cell outside the years 0000–9999 (%i ms) is an implausible year, not a date',
    (ms) => {
      const year = new Date(ms).getUTCFullYear();
      expect(parseDate(new Date(ms))).toEqual({
        problem: expect.objectContaining({ en: `implausible year ${year} (expected 1980–2100)` }),
      });
    },
  );

  it.each(['2026-02-30', '2026/13/1', '3月5日', '明天', '1899-01-01'])('date %j is an error, explained', (input) => {
    const parsed = parseDate(input);
    expect(parsed).toHaveProperty('problem');
    expect((parsed as { problem: { zh: string; en: string } }).problem.en).toMatch(/\w/);
  });

  it('gives the same day under any time zone (no Date at local midnight)', () => {
    const tz = process.env.TZ;
    try {
      process.env.TZ = 'America/New_York';
      expect(parseDate(46086)).toEqual({ date: '2026-03-05' });
      expect(parseDate('2026/3/5')).toEqual({ date: '2026-03-05' });
    } finally {
      process.env.TZ = tz;
    }
  });

  it('finds the production date inside a batch field', () => {
    expect(findDateIn('2025/11/03 批号B20251103')).toBe('2025-11-03');
    expect(findDateIn('批号：B12 生产日期：2025.1.5')).toBe('2025-01-05');
    expect(findDateIn('20250105A')).toBe('2025-01-05');
    expect(findDateIn('B123456')).toBeUndefined();
  });

  it.each([
    ['2023', 1],
    ['2024', 2],
    ['第一届', 1],
    ['首届', 1],
    ['第二届', 2],
    ['第2届', 2],
    ['第十二届', 12],
    ['2', 2],
    ['2022', undefined],
    ['第零届', undefined],
  ])('届次 %j → round %s', (text, round) => {
    expect(parseRound(text)).toBe(round);
  });

  it.each([
    ['T/HBAS 012-2023 某某产品', { no: 'T/HBAS 012-2023', name: '某某产品', level: 'group' }],
    ['GB/T 19001-2016', { no: 'GB/T 19001-2016', name: null, level: 'national' }],
    [
      '《白酒质量要求 第1部分：浓香型白酒》GB/T 10781.1-2021',
      { no: 'GB/T 10781.1-2021', name: '白酒质量要求 第1部分：浓香型白酒', level: 'national' },
    ],
    ['DB42/T 1234—2020 富硒茶', { no: 'DB42/T 1234-2020', name: '富硒茶', level: 'local' }],
    ['Q/WHJ 0001S-2023 酱香型白酒', { no: 'Q/WHJ 0001S-2023', name: '酱香型白酒', level: 'enterprise' }],
    ['QB/T 1234-2010 家具', { no: 'QB/T 1234-2010', name: '家具', level: 'industry' }],
    ['ＧＢ ２７６０－２０１４', { no: 'GB 2760-2014', name: null, level: 'national' }],
  ])('执行标准 %j', (text, expected) => {
    expect(parseStandard(text)).toEqual(expected);
  });

  it.each([
    ['武汉', '420100', null],
    ['武汉市/江夏区', '420100', '江夏区'],
    ['武汉市江夏区', '420100', '江夏区'],
    ['湖北省宜昌市西陵区', '420500', '西陵区'],
    ['恩施州利川市', '422800', '利川市'],
    ['恩施土家族苗族自治州恩施市', '422800', '恩施市'],
    ['神农架林区', '429021', null],
    ['仙桃', '429004', null],
  ])('属地 %j → %s / %s', (text, city, county) => {
    expect(parsePlace(text)).toMatchObject({ city: { code: city }, county });
  });
  it.each(['长沙市', '江夏区', '湖南省长沙市'])('属地 %j is not a Hubei city', (text) => expect(parsePlace(text)).toBeUndefined());

  it('explains what is wrong with a USCC', () => {
    const good = uscc('420100', 'MA4K8Q2L3');
    expect(explainUscc(good)).toBeUndefined();
    expect(explainUscc(good.slice(0, 17))?.en).toBe('must be 18 characters long, has 17');
    expect(explainUscc(good.slice(0, 17) + 'I')?.en).toMatch(/character "I" not allowed/);
    expect(explainUscc('91A20100MA4K8Q2L3X')?.en).toMatch(/characters 3–8 must be the 6-digit division code/);
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(explainUscc(wrong)).toEqual({ zh: `校验位错误，应为 ${good[17]}`, en: `check character wrong: expected ${good[17]}` });
  });

  it.each([
    ['张三 13800000000', '张三', '13800000000'],
    ['李四/027-87654321', '李四', '027-87654321'],
    ['王五，13912345678', '王五', '13912345678'],
    ['联系人：赵六 联系电话：0717-6543210', '赵六', '0717-6543210'],
  ])('contact %j', (text, name, phone) => {
    expect(splitContact(text)).toEqual({ name, phone });
  });
});

describe('nonconforming items (不合格项目)', () => {
  it('splits on ； ; 、 and line breaks, but not inside parentheses', () => {
    expect(splitList('整车质量；最高车速;阻燃性能、标志\n说明书')).toEqual(['整车质量', '最高车速', '阻燃性能', '标志', '说明书']);
    expect(splitList('菌落总数(标准值: n=5、c=2, 实测值: 3.2×10⁵)；大肠菌群')).toEqual([
      '菌落总数(标准值: n=5、c=2, 实测值: 3.2×10⁵)',
      '大肠菌群',
    ]);
    expect(splitList('1、整车质量；2、最高车速')).toEqual(['整车质量', '最高车速']);
    expect(splitList('1.整车质量 2.最高车速')).toEqual(['整车质量', '最高车速']);
  });

  it.each([
    ['整车质量(标准值: ≤55kg, 实测值: 58.2kg)', { item: '整车质量', requirement: '≤55kg', measured: '58.2kg' }],
    ['整车质量（标准值：≤55kg，实测值：58.2kg）', { item: '整车质量', requirement: '≤55kg', measured: '58.2kg' }],
    ['酒精度(实测值: 49.6%vol; 标准值: 52%vol±1.0)', { item: '酒精度', requirement: '52%vol±1.0', measured: '49.6%vol' }],
    ['标签(标识)', { item: '标签(标识)', requirement: null, measured: null }],
    ['阻燃性能', { item: '阻燃性能', requirement: null, measured: null }],
  ])('%j', (text, expected) => {
    expect(parseNonconformity(text)).toEqual(expected);
  });
});

describe('enumerations', () => {
  it.each([
    ['省级监督抽查', CheckType, 'provincial'],
    ['国家监督抽查', CheckType, 'national'],
    ['provincial', CheckType, 'provincial'],
    ['不合格', Conclusion, 'fail'],
    [' 合格 ', Conclusion, 'pass'],
    ['复检结论', CaseEventKind, 'retest_result'],
  ] as const)('%j → %s', (text, vocabulary, code) => {
    expect(matchChoice(text, vocabulary as { codes: readonly string[]; labels: Record<string, string> })).toBe(code);
  });

  it('maps 不成立 to 维持 (objection rejected)', () => {
    expect(matchChoice('不成立', ObjectionOutcome, { 不成立: 'rejected' })).toBe('rejected');
    expect(followUp.columns.map((c) => c.key)).toEqual(['seq', 'reportNo', 'event', 'date', 'outcome', 'note']);
  });

  it.each([
    ['第十六条第二项', 'consecutive_failures'],
    ['第二项', 'consecutive_failures'],
    ['(二)', 'consecutive_failures'],
    ['（三）', 'unrectified'],
    ['第16条第1项', 'false_material'],
    ['5', 'other_violation'],
    ['自查报告或证明材料弄虚作假', 'false_material'],
    ['发生严重不良影响的质量安全事故', 'serious_impact'],
    ['第六项', undefined],
  ])('撤销情形 %j → %s', (text, ground) => {
    expect(parseRevocationGround(text)).toBe(ground);
  });
});

describe('finding the table in a sheet', () => {
  const header = ['报告编号', '事项', '日期', '结果', '说明'];
  function segment(rows: (string | null)[][], types = [followUp]) {
    const segmenter = new TableSegmenter(types, undefined);
    const events = rows.flatMap((cells, i) => segmenter.push(i + 1, cells));
    const end = segmenter.finish();
    return [...events, ...end.events]
      .map((e) =>
        e.event === 'record'
          ? `record ${e.raw.row}`
          : e.event === 'issue'
            ? `issue ${e.issue.row}: ${e.issue.en}`
            : e.event === 'title'
              ? `title ${e.text}`
              : `table ${e.headerRow}`,
      )
      .concat(end.issues.map((i) => `file: ${i.en}`));
  }

  it('skips title rows, stops at the notes, and skips a header repeated on every printed page', () => {
    expect(
      segment([
        ['后处理进展', null, null, null, null],
        ['填报单位：某某局', null, null, '2025年6月', null],
        header,
        ['R-1', '送达', '2025-03-10', '', ''],
        [null, null, null, null, null],
        header,
        ['R-2', '送达', '2025-03-11', '', ''],
        ['注：日期为文书送达日期。', null, null, null, null],
        ['填报单位（盖章）：', null, null, null, null],
      ]),
    ).toEqual(['title 后处理进展', 'table 3', 'record 4', 'record 7']);
  });

  it('takes the title below an attachment label (附件, 附件2：), not the label', () => {
    for (const label of ['附件', '附件2：', '附 件 3']) {
      expect(
        segment([
          [label, null, null, null, null],
          ['2026年度“湖北精品”后处理进展', null, null, null, null],
          header,
          ['R-1', '送达', '2025-03-10', '', ''],
        ]),
      ).toEqual(['title 2026年度“湖北精品”后处理进展', 'table 3', 'record 4']);
    }
  });

  it('reports data found below the end of the table instead of dropping it', () => {
    expect(
      segment([header, ['R-1', '送达', '2025-03-10', '', ''], [null, null, null, null, '共 1 条'], ['R-2', '送达', '2025-03-11', '', '']]),
    ).toEqual([
      'table 1',
      'record 2',
      'issue 4: data below the end of the table (row 3: a row whose required columns are empty): remove that row or move the data up',
    ]);
  });

  it('reads on below a single-cell row that titles the next table; elsewhere such a row is data (and will fail its checks)', () => {
    expect(
      segment([
        header,
        ['R-1', '送达', '2025-03-10', '', ''],
        ['第二部分', null, null, null, null],
        header,
        ['R-2', '送达', '2025-03-11', '', ''],
        ['R-3', null, null, null, null],
      ]),
    ).toEqual(['table 1', 'record 2', 'record 5', 'record 6']);
    const spotChecks = new TableSegmenter([spotCheck, followUp], undefined);
    const results = [
      '抽查类型',
      '产品种类',
      '产品名称',
      '标称生产企业名称',
      '被抽样单位名称',
      '承检机构',
      '报告编号',
      '报告日期',
      '检验结论',
    ];
    const events = [
      results,
      ['省级监督抽查', '白酒', '白酒', '甲', '乙', '丙', 'R-1', '2025-03-05', '合格'],
      ['后处理进展', null, null, null, null, null, null, null, null],
      header,
      ['R-1', '送达', '2025-03-10', '', ''],
    ].flatMap((cells, i) => spotChecks.push(i + 1, cells));
    expect(events.map((e) => (e.event === 'record' ? `${e.type.code} ${e.raw.row}` : e.event))).toEqual([
      'table',
      'spot_check 2',
      'table',
      'case_event 5',
    ]);
  });

  it('says which columns a header row lacks, or that there is none', () => {
    expect(
      segment([
        ['报告编号', '事项', '结果'],
        ['R-1', '送达', ''],
      ]),
    ).toContain('file: the header row lacks required columns: 日期');
    expect(segment([['一些说明'], ['更多说明']])[0]).toMatch(/^title 一些说明$/);
  });
});

describe('the import README', () => {
  it('documents every column: its Chinese header and English key', async () => {
    const { readFile } = await import('node:fs/promises');
    const { IMPORT_KINDS } = await import('@hub/api/import/kinds.ts');
    const readme = await readFile(new URL('../../api/src/import/README.md', import.meta.url), 'utf8');
    for (const kind of Object.values(IMPORT_KINDS)) {
      expect(readme).toContain(`\`${kind.name}\``);
      for (const type of kind.types) {
        for (const column of type.columns) expect(readme).toContain(`| ${column.header} | \`${column.key}\` |`);
      }
    }
  });
});
