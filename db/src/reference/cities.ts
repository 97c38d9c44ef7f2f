/**
 * 市州: Hubei's 17 prefecture-level divisions with their GB/T 2260 codes — 12 prefecture-level
 * cities, 1 autonomous prefecture, 3 cities administered directly by the province and 1 forestry
 * district. The first migration loads this table.
 */
export interface CityRow {
  code: string;
  name: string;
  shortName: string;
  kind: 'prefecture_city' | 'autonomous_prefecture' | 'direct_city' | 'forestry_district';
}

export const HUBEI_CITIES: readonly CityRow[] = [
  { code: '420100', name: '武汉市', shortName: '武汉', kind: 'prefecture_city' },
  { code: '420200', name: '黄石市', shortName: '黄石', kind: 'prefecture_city' },
  { code: '420300', name: '十堰市', shortName: '十堰', kind: 'prefecture_city' },
  { code: '420500', name: '宜昌市', shortName: '宜昌', kind: 'prefecture_city' },
  { code: '420600', name: '襄阳市', shortName: '襄阳', kind: 'prefecture_city' },
  { code: '420700', name: '鄂州市', shortName: '鄂州', kind: 'prefecture_city' },
  { code: '420800', name: '荆门市', shortName: '荆门', kind: 'prefecture_city' },
  { code: '420900', name: '孝感市', shortName: '孝感', kind: 'prefecture_city' },
  { code: '421000', name: '荆州市', shortName: '荆州', kind: 'prefecture_city' },
  { code: '421100', name: '黄冈市', shortName: '黄冈', kind: 'prefecture_city' },
  { code: '421200', name: '咸宁市', shortName: '咸宁', kind: 'prefecture_city' },
  { code: '421300', name: '随州市', shortName: '随州', kind: 'prefecture_city' },
  { code: '422800', name: '恩施土家族苗族自治州', shortName: '恩施州', kind: 'autonomous_prefecture' },
  { code: '429004', name: '仙桃市', shortName: '仙桃', kind: 'direct_city' },
  { code: '429005', name: '潜江市', shortName: '潜江', kind: 'direct_city' },
  { code: '429006', name: '天门市', shortName: '天门', kind: 'direct_city' },
  { code: '429021', name: '神农架林区', shortName: '神农架', kind: 'forestry_district' },
];

/**
 * The city a 属地 text names: `武汉`, `武汉市`, `武汉市/江夏区`, `恩施州`, `恩施土家族苗族自治州恩施市`,
 * `神农架林区`. Returns undefined when no Hubei city is named.
 */
export function findCity(text: string): CityRow | undefined {
  const t = text.replace(/\s+/g, '');
  for (const city of HUBEI_CITIES) {
    if (t.startsWith(city.name) || t.startsWith(city.shortName)) return city;
  }
  if (t.startsWith('恩施')) return HUBEI_CITIES.find((c) => c.code === '422800');
  return undefined;
}

/** The city whose GB/T 2260 prefix a six-digit division code belongs to (4201xx → 420100). */
export function cityOfDivision(division: string): CityRow | undefined {
  if (division.startsWith('4290')) return HUBEI_CITIES.find((c) => c.code === division);
  return HUBEI_CITIES.find((c) => c.code.slice(0, 4) === division.slice(0, 4));
}
