import { describe, expect, it } from 'vitest';
import { BOM, csvCell, toCsv } from '../../site/src/lib/csv.ts';
import { articleLabel, chineseNumber } from '../../site/src/lib/format.ts';
import { keySlug } from '../../site/src/lib/slug.ts';

describe('open-data CSV', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+86 27 1234', "'+86 27 1234"],
    ['-5 ℃', "'-5 ℃"],
    ['@cmd', "'@cmd"],
    ['\tTAB', "'\tTAB"],
    ['\rCR', `"'\rCR"`],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
  ])('neutralises a text cell that a spreadsheet would run as a formula: %s', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('quotes commas, quotes and line breaks (RFC 4180), and keeps numbers as numbers', () => {
    expect(csvCell('导体电阻，8.9 Ω/km')).toBe('导体电阻，8.9 Ω/km');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('他说"不合格"')).toBe('"他说""不合格"""');
    expect(csvCell('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
  });

  it('starts with a UTF-8 byte-order mark and ends rows with CRLF, so Excel opens Chinese text', () => {
    const text = toCsv(['产品名称', '数量'], [['电热水壶', 2]]);
    expect(text.startsWith(BOM)).toBe(true);
    expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(text).toBe(`${BOM}产品名称,数量\r\n电热水壶,2\r\n`);
  });
});

describe('site labels and URLs', () => {
  it('cites articles in Chinese numerals', () => {
    expect(chineseNumber(7)).toBe('七');
    expect(chineseNumber(10)).toBe('十');
    expect(chineseNumber(17)).toBe('十七');
    expect(chineseNumber(27)).toBe('二十七');
    expect(articleLabel('003 Art. 7')).toBe('《处理办法》第七条');
    expect(articleLabel('003 Art. 9–10')).toBe('《处理办法》第九至十条');
    expect(articleLabel('003 Art. 17, 20')).toBe('《处理办法》第十七、二十条');
    expect(articleLabel('000 Art. 16')).toBe('《动态管理办法》第十六条');
    expect(articleLabel('003 Art. 9–10, 13–15')).toBe('《处理办法》第九至十、十三至十五条');
  });

  it('cites paragraphs (项) and items (目) of an article', () => {
    expect(articleLabel('003 Art. 27(4)1')).toBe('《处理办法》第二十七条第（四）项第1目');
    expect(articleLabel('003 Art. 27(5)')).toBe('《处理办法》第二十七条第（五）项');
    expect(articleLabel('003 Art. 27(4)–(5)')).toBe('《处理办法》第二十七条第（四）至（五）项');
    expect(articleLabel('003 Art. 15, 27(4)')).toBe('《处理办法》第十五条、第二十七条第（四）项');
    expect(articleLabel('GB/T 2828.1')).toBe('GB/T 2828.1');
  });

  it('keeps a URL-safe key as its URL and gives any other key a stable, distinct one', () => {
    expect(keySlug('SC-2026-0101')).toBe('SC-2026-0101');
    expect(keySlug('鄂精认撤〔2026〕1号')).toMatch(/^2026-1-[0-9a-f]{8}$/);
    expect(keySlug('鄂精认撤〔2026〕1号')).toBe(keySlug('鄂精认撤〔2026〕1号'));
    expect(keySlug('鄂精认撤〔2026〕1号')).not.toBe(keySlug('鄂精认撤〔2026〕1'));
    expect(keySlug('A/B')).not.toBe(keySlug('A-B'));
  });
});
