import type { EnterpriseSize } from '../vocabulary.ts';
import { SELLER_WORDS, type SellerType } from './catalog.ts';
import {
  COMPANY_FORMS,
  HUBEI_TRADE_NAMES,
  NATIONWIDE_TRADE_NAMES,
  TRADE_NAMES,
  hubeiAddress,
  hubeiNamePlace,
  makeUscc,
  regionAddress,
  regionNamePlace,
} from './names.ts';
import { CITY_WEIGHTS, REGIONS, hubeiPlace, type County, type HubeiPlace } from './places.ts';
import type { Random } from './random.ts';

/** An enterprise of the sample, written to the database the first time a record names it. */
export interface Ent {
  /** 0 until written; then its id */
  id: number;
  uscc: string | null;
  name: string;
  address: string | null;
  cityCode: string | null;
  county: string | null;
  provinceCode: string | null;
  size: EnterpriseSize | null;
  trademarks: string[];
  /** initials of its 字号, for enterprise standard numbers (Q/CY 0001S-2023) */
  initials: string;
  /** telephone area code (Hubei) */
  areaCode: string;
  /** relative failure rate of its products: most producers are good, a few are poor */
  quality: number;
}

const SIZES_LARGE: readonly (readonly [EnterpriseSize, number])[] = [
  ['large', 30],
  ['medium', 45],
  ['small', 22],
  ['micro', 3],
];
const SIZES_PRODUCER: readonly (readonly [EnterpriseSize, number])[] = [
  ['large', 5],
  ['medium', 22],
  ['small', 50],
  ['micro', 23],
];
const SIZES_SELLER: readonly (readonly [EnterpriseSize, number])[] = [
  ['medium', 5],
  ['small', 40],
  ['micro', 55],
];

/**
 * A 字号: one word, or two once the single words of a place and trade are taken (names are unique,
 * and a small place with a busy trade runs out of them).
 */
function tradeName(r: Random, names: readonly (readonly [string, string])[], attempt: number): readonly [string, string] {
  const first = r.pick(names);
  if (attempt < 30) return first;
  const second = r.pick(names);
  return [first[0] + second[0], first[1] + second[1]];
}

/** Creates enterprises with names and USCCs unique across the whole sample. */
export class EnterpriseFactory {
  private readonly names = new Set<string>();
  private readonly usccs = new Set<string>();

  /** A good producer fails rarely, a poor one often (mean ≈ 1). */
  static quality(r: Random): number {
    return r.weighted([
      [0.45, 70],
      [1.6, 25],
      [4.5, 5],
    ]);
  }

  hubeiCity(r: Random): string {
    return r.weighted(CITY_WEIGHTS);
  }

  /** A Hubei manufacturer or service provider. */
  hubei(r: Random, options: { words: readonly string[]; cityCode?: string; large: boolean; industrial?: boolean }): Ent {
    const place = hubeiPlace(options.cityCode ?? this.hubeiCity(r));
    const county = place.counties.length ? r.pick(place.counties) : undefined;
    for (let attempt = 0; ; attempt++) {
      const [trade, initials] = tradeName(r, TRADE_NAMES, attempt);
      const form = options.large && r.chance(0.15) ? '集团有限公司' : r.weighted(COMPANY_FORMS);
      const word = r.pick(options.words);
      const name = `${hubeiNamePlace(r, place, county, options.large)}${trade}${word}${form.startsWith('科技') && word.includes('科技') ? '有限公司' : form}`;
      if (!this.claim(name)) continue;
      return this.hubeiEnt(r, {
        name,
        place,
        county,
        trade,
        initials,
        industrial: options.industrial ?? true,
        kind: '91',
        large: options.large,
      });
    }
  }

  /** A Hubei seller: a company or an individual business (个体工商户, USCC 92…). */
  seller(r: Random, type: SellerType, cityCode?: string): Ent {
    const place = hubeiPlace(cityCode ?? this.hubeiCity(r));
    const county = place.counties.length ? r.pick(place.counties) : undefined;
    const words = SELLER_WORDS[type];
    for (let attempt = 0; ; attempt++) {
      const [trade, initials] = tradeName(r, TRADE_NAMES, attempt);
      const individual = r.chance(0.45);
      const name = individual
        ? `${place.city.name}${county?.name ?? ''}${trade}${r.pick(words.shop)}`
        : `${hubeiNamePlace(r, place, county, false)}${trade}${r.pick(words.company)}${r.weighted([
            ['有限公司', 80],
            ['有限责任公司', 20],
          ] as const)}`;
      if (!this.claim(name)) continue;
      const ent = this.hubeiEnt(r, {
        name,
        place,
        county,
        trade,
        initials,
        industrial: false,
        kind: individual ? '92' : '91',
        large: false,
      });
      ent.size = individual ? 'micro' : r.weighted(SIZES_SELLER);
      ent.trademarks = [];
      return ent;
    }
  }

  /** A manufacturer in another province; `nameOnly`: known only by the name on the label (no USCC). */
  outside(r: Random, regionKey: string, words: readonly string[], nameOnly: boolean): Ent {
    const region = REGIONS[regionKey];
    if (!region) throw new Error(`no region ${regionKey}`);
    const district = r.pick(region.districts);
    for (let attempt = 0; ; attempt++) {
      const [trade, initials] = tradeName(r, NATIONWIDE_TRADE_NAMES, attempt);
      const name = `${regionNamePlace(r, region, district)}${trade}${r.pick(words)}${r.weighted(COMPANY_FORMS).replace('科技有限公司', '有限公司')}`;
      if (!this.claim(name)) continue;
      return {
        id: 0,
        uscc: nameOnly ? null : makeUscc(r, district.code, '91', this.usccs),
        name,
        address: nameOnly ? null : regionAddress(r, region, district, true),
        cityCode: null,
        county: null,
        provinceCode: region.provinceCode,
        size: nameOnly ? null : r.weighted(SIZES_PRODUCER),
        trademarks: this.trademarks(r, trade, false),
        initials,
        areaCode: '',
        quality: EnterpriseFactory.quality(r),
      };
    }
  }

  /** An online shop's operator (电子商务有限公司), in Hubei or elsewhere. */
  ecommerce(r: Random): Ent {
    if (r.chance(0.25)) {
      const ent = this.hubei(r, { words: ['电子商务', '网络科技', '商贸'], large: false, industrial: false });
      ent.size = r.weighted(SIZES_SELLER);
      ent.trademarks = [];
      return ent;
    }
    const keys = Object.keys(REGIONS);
    const ent = this.outside(r, r.pick(keys), ['电子商务', '网络科技', '贸易', '电子商务'], false);
    ent.size = r.weighted(SIZES_SELLER);
    ent.trademarks = [];
    return ent;
  }

  private hubeiEnt(
    r: Random,
    o: {
      name: string;
      place: HubeiPlace;
      county: County | undefined;
      trade: string;
      initials: string;
      industrial: boolean;
      kind: '91' | '92';
      large: boolean;
    },
  ): Ent {
    const inPark = o.place.city.code === '420100' && !o.county?.name.endsWith('县') && r.chance(0.2);
    const division = o.county && !inPark ? o.county.code : o.place.city.code;
    return {
      id: 0,
      uscc: makeUscc(r, division, o.kind, this.usccs),
      name: o.name,
      address: hubeiAddress(r, o.place, o.county, o.industrial),
      cityCode: o.place.city.code,
      county: o.county?.name ?? null,
      provinceCode: '42',
      size: r.weighted(o.large ? SIZES_LARGE : SIZES_PRODUCER),
      trademarks: this.trademarks(r, o.trade, o.large),
      initials: o.initials,
      areaCode: o.place.areaCode,
      quality: EnterpriseFactory.quality(r),
    };
  }

  /** Registered trademarks: usually the 字号 itself, sometimes another word; a few have none. */
  private trademarks(r: Random, trade: string, always: boolean): string[] {
    if (!always && r.chance(0.08)) return [];
    const names = HUBEI_TRADE_NAMES.has(trade) || always ? TRADE_NAMES : NATIONWIDE_TRADE_NAMES;
    const first = r.chance(0.65) ? trade : r.pick(names)[0];
    if (r.chance(always ? 0.3 : 0.12)) {
      const second = r.pick(names)[0];
      if (second !== first) return [first, second];
    }
    return [first];
  }

  private claim(name: string): boolean {
    if (this.names.has(name)) return false;
    this.names.add(name);
    return true;
  }
}
