// biome-ignore-all format: data tables, one record per line
import { HUBEI_CITIES, type CityRow } from '../reference/cities.ts';

/**
 * Places the sample enterprises are registered in: Hubei's counties and districts under each of
 * the 17 cities (GB/T 2260 codes), and the other provinces' manufacturing centres that the
 * products sold in Hubei come from.
 */

export interface County {
  /** GB/T 2260 code: characters 3–8 of a USCC registered there */
  code: string;
  name: string;
  /** a district of a city (区) rather than a county or county-level city */
  district: boolean;
}

export interface HubeiPlace {
  city: CityRow;
  counties: readonly County[];
  /** telephone area code */
  areaCode: string;
  /** towns or parks used in addresses where a county is not named (the directly administered cities) */
  towns: readonly string[];
  /** roads and parks used in addresses */
  parks: readonly string[];
}

const c = (code: string, name: string): County => ({ code, name, district: name.endsWith('区') });

const COUNTIES: Record<string, { counties: County[]; areaCode: string; towns?: string[]; parks: string[] }> = {
  '420100': {
    areaCode: '027',
    counties: [c('420102', '江岸区'), c('420103', '江汉区'), c('420104', '硚口区'), c('420105', '汉阳区'), c('420106', '武昌区'),
      c('420107', '青山区'), c('420111', '洪山区'), c('420112', '东西湖区'), c('420113', '汉南区'), c('420114', '蔡甸区'),
      c('420115', '江夏区'), c('420116', '黄陂区'), c('420117', '新洲区')],
    parks: ['东湖新技术开发区', '武汉经济技术开发区', '临空港经济技术开发区', '阳逻经济开发区'],
  },
  '420200': { areaCode: '0714', counties: [c('420202', '黄石港区'), c('420203', '西塞山区'), c('420204', '下陆区'), c('420205', '铁山区'), c('420222', '阳新县'), c('420281', '大冶市')], parks: ['黄石经济技术开发区'] },
  '420300': { areaCode: '0719', counties: [c('420302', '茅箭区'), c('420303', '张湾区'), c('420304', '郧阳区'), c('420322', '郧西县'), c('420323', '竹山县'), c('420324', '竹溪县'), c('420325', '房县'), c('420381', '丹江口市')], parks: ['十堰经济技术开发区'] },
  '420500': { areaCode: '0717', counties: [c('420502', '西陵区'), c('420503', '伍家岗区'), c('420504', '点军区'), c('420505', '猇亭区'), c('420506', '夷陵区'), c('420525', '远安县'), c('420526', '兴山县'), c('420527', '秭归县'), c('420528', '长阳土家族自治县'), c('420529', '五峰土家族自治县'), c('420581', '宜都市'), c('420582', '当阳市'), c('420583', '枝江市')], parks: ['宜昌高新技术产业开发区'] },
  '420600': { areaCode: '0710', counties: [c('420602', '襄城区'), c('420606', '樊城区'), c('420607', '襄州区'), c('420624', '南漳县'), c('420625', '谷城县'), c('420626', '保康县'), c('420682', '老河口市'), c('420683', '枣阳市'), c('420684', '宜城市')], parks: ['襄阳高新技术产业开发区', '襄阳经济技术开发区'] },
  '420700': { areaCode: '0711', counties: [c('420702', '梁子湖区'), c('420703', '华容区'), c('420704', '鄂城区')], parks: ['葛店经济技术开发区'] },
  '420800': { areaCode: '0724', counties: [c('420802', '东宝区'), c('420804', '掇刀区'), c('420822', '沙洋县'), c('420881', '钟祥市'), c('420882', '京山市')], parks: ['荆门高新技术产业开发区'] },
  '420900': { areaCode: '0712', counties: [c('420902', '孝南区'), c('420921', '孝昌县'), c('420922', '大悟县'), c('420923', '云梦县'), c('420981', '应城市'), c('420982', '安陆市'), c('420984', '汉川市')], parks: ['孝感高新技术产业开发区'] },
  '421000': { areaCode: '0716', counties: [c('421002', '沙市区'), c('421003', '荆州区'), c('421022', '公安县'), c('421024', '江陵县'), c('421081', '石首市'), c('421083', '洪湖市'), c('421087', '松滋市'), c('421088', '监利市')], parks: ['荆州经济技术开发区'] },
  '421100': { areaCode: '0713', counties: [c('421102', '黄州区'), c('421121', '团风县'), c('421122', '红安县'), c('421123', '罗田县'), c('421124', '英山县'), c('421125', '浠水县'), c('421126', '蕲春县'), c('421127', '黄梅县'), c('421181', '麻城市'), c('421182', '武穴市')], parks: ['黄冈高新技术产业开发区'] },
  '421200': { areaCode: '0715', counties: [c('421202', '咸安区'), c('421221', '嘉鱼县'), c('421222', '通城县'), c('421223', '崇阳县'), c('421224', '通山县'), c('421281', '赤壁市')], parks: ['咸宁高新技术产业开发区'] },
  '421300': { areaCode: '0722', counties: [c('421303', '曾都区'), c('421321', '随县'), c('421381', '广水市')], parks: ['随州高新技术产业开发区'] },
  '422800': { areaCode: '0718', counties: [c('422801', '恩施市'), c('422802', '利川市'), c('422822', '建始县'), c('422823', '巴东县'), c('422825', '宣恩县'), c('422826', '咸丰县'), c('422827', '来凤县'), c('422828', '鹤峰县')], parks: ['恩施高新技术产业园区'] },
  '429004': { areaCode: '0728', counties: [], towns: ['沙嘴街道', '干河街道', '龙华山街道', '彭场镇', '毛嘴镇', '郑场镇'], parks: ['仙桃经济开发区'] },
  '429005': { areaCode: '0728', counties: [], towns: ['园林街道', '杨市街道', '周矶街道', '广华街道', '熊口镇', '王场镇'], parks: ['潜江经济开发区'] },
  '429006': { areaCode: '0728', counties: [], towns: ['竟陵街道', '侨乡街道', '杨林街道', '岳口镇', '皂市镇', '多宝镇'], parks: ['天门经济开发区'] },
  '429021': { areaCode: '0719', counties: [], towns: ['松柏镇', '木鱼镇', '红坪镇', '阳日镇'], parks: ['神农架林区松柏工业园'] },
};

export const HUBEI_PLACES: readonly HubeiPlace[] = HUBEI_CITIES.map((city) => {
  const entry = COUNTIES[city.code];
  return { city, counties: entry.counties, areaCode: entry.areaCode, towns: entry.towns ?? [], parks: entry.parks };
});

export const hubeiPlace = (cityCode: string): HubeiPlace => {
  const place = HUBEI_PLACES.find((p) => p.city.code === cityCode);
  if (!place) throw new Error(`no Hubei city ${cityCode}`);
  return place;
};

/** Economic weight of each city in the sample (roughly its share of Hubei's manufacturing). */
export const CITY_WEIGHTS: readonly (readonly [string, number])[] = [
  ['420100', 30], ['420200', 4], ['420300', 5], ['420500', 9], ['420600', 9], ['420700', 2.5], ['420800', 4.5],
  ['420900', 5], ['421000', 6], ['421100', 5], ['421200', 3.5], ['421300', 3], ['422800', 3], ['429004', 2.5],
  ['429005', 2], ['429006', 2], ['429021', 0.3],
];

/** A manufacturing centre outside Hubei. */
export interface Region {
  province: string;
  /** the province in company names: 浙江, 广东 … (天津市 for a municipality) */
  provinceShort: string;
  provinceCode: string;
  /** the prefecture-level city, e.g. 深圳市 (empty for a municipality) */
  city: string;
  districts: readonly County[];
}

const r = (province: string, provinceShort: string, city: string, districts: County[]): Region => ({
  province, provinceShort, provinceCode: districts[0].code.slice(0, 2), city, districts,
});

export const REGIONS: Record<string, Region> = {
  tianjin: r('天津市', '天津', '', [c('120113', '北辰区'), c('120114', '武清区'), c('120118', '静海区')]),
  shanghai: r('上海市', '上海', '', [c('310112', '闵行区'), c('310115', '浦东新区'), c('310117', '松江区')]),
  chongqing: r('重庆市', '重庆', '', [c('500112', '渝北区'), c('500113', '巴南区')]),
  tangshan: r('河北省', '河北', '唐山市', [c('130207', '丰南区'), c('130281', '遵化市')]),
  xingtai: r('河北省', '河北', '邢台市', [c('130532', '平乡县'), c('130534', '清河县')]),
  wuxi: r('江苏省', '江苏', '无锡市', [c('320205', '锡山区'), c('320211', '滨湖区'), c('320282', '宜兴市')]),
  changzhou: r('江苏省', '江苏', '常州市', [c('320412', '武进区'), c('320411', '新北区')]),
  suzhou: r('江苏省', '江苏', '苏州市', [c('320505', '虎丘区'), c('320506', '吴中区'), c('320581', '常熟市'), c('320583', '昆山市'), c('320585', '太仓市')]),
  suqian: r('江苏省', '江苏', '宿迁市', [c('321302', '宿城区'), c('321322', '沭阳县')]),
  hangzhou: r('浙江省', '浙江', '杭州市', [c('330106', '西湖区'), c('330108', '滨江区'), c('330110', '余杭区'), c('330109', '萧山区')]),
  ningbo: r('浙江省', '浙江', '宁波市', [c('330212', '鄞州区'), c('330206', '北仑区'), c('330282', '慈溪市'), c('330281', '余姚市')]),
  wenzhou: r('浙江省', '浙江', '温州市', [c('330302', '鹿城区'), c('330381', '瑞安市'), c('330382', '乐清市')]),
  jiaxing: r('浙江省', '浙江', '嘉兴市', [c('330481', '海宁市'), c('330482', '平湖市')]),
  huzhou: r('浙江省', '浙江', '湖州市', [c('330502', '吴兴区'), c('330523', '安吉县')]),
  shaoxing: r('浙江省', '浙江', '绍兴市', [c('330603', '柯桥区'), c('330683', '嵊州市')]),
  jinhua: r('浙江省', '浙江', '金华市', [c('330702', '婺城区'), c('330782', '义乌市'), c('330784', '永康市')]),
  taizhou: r('浙江省', '浙江', '台州市', [c('331003', '黄岩区'), c('331081', '温岭市'), c('331082', '临海市')]),
  hefei: r('安徽省', '安徽', '合肥市', [c('340104', '蜀山区'), c('340111', '包河区')]),
  xiamen: r('福建省', '福建', '厦门市', [c('350205', '海沧区'), c('350211', '集美区'), c('350213', '翔安区')]),
  quanzhou: r('福建省', '福建', '泉州市', [c('350581', '石狮市'), c('350582', '晋江市'), c('350583', '南安市')]),
  nanchang: r('江西省', '江西', '南昌市', [c('360111', '青山湖区'), c('360112', '新建区')]),
  ganzhou: r('江西省', '江西', '赣州市', [c('360703', '南康区')]),
  yichun: r('江西省', '江西', '宜春市', [c('360983', '高安市')]),
  qingdao: r('山东省', '山东', '青岛市', [c('370211', '黄岛区'), c('370214', '城阳区'), c('370281', '胶州市')]),
  weifang: r('山东省', '山东', '潍坊市', [c('370783', '寿光市'), c('370702', '潍城区')]),
  linyi: r('山东省', '山东', '临沂市', [c('371302', '兰山区'), c('371311', '罗庄区')]),
  zhengzhou: r('河南省', '河南', '郑州市', [c('410105', '金水区'), c('410122', '中牟县'), c('410183', '新密市')]),
  changsha: r('湖南省', '湖南', '长沙市', [c('430104', '岳麓区'), c('430121', '长沙县'), c('430181', '浏阳市')]),
  guangzhou: r('广东省', '广东', '广州市', [c('440111', '白云区'), c('440113', '番禺区'), c('440114', '花都区')]),
  shenzhen: r('广东省', '广东', '深圳市', [c('440305', '南山区'), c('440306', '宝安区'), c('440307', '龙岗区'), c('440309', '龙华区')]),
  shantou: r('广东省', '广东', '汕头市', [c('440515', '澄海区')]),
  foshan: r('广东省', '广东', '佛山市', [c('440604', '禅城区'), c('440605', '南海区'), c('440606', '顺德区')]),
  dongguan: r('广东省', '广东', '东莞市', [{ code: '441900', name: '', district: true }]),
  zhongshan: r('广东省', '广东', '中山市', [{ code: '442000', name: '', district: true }]),
  chengdu: r('四川省', '四川', '成都市', [c('510113', '青白江区'), c('510116', '双流区')]),
  luzhou: r('四川省', '四川', '泸州市', [c('510502', '江阳区')]),
  yibin: r('四川省', '四川', '宜宾市', [c('511502', '翠屏区'), c('511503', '南溪区')]),
  zunyi: r('贵州省', '贵州', '遵义市', [c('520382', '仁怀市')]),
};

/** Roads and streets for addresses. */
export const ROAD_WORDS = [
  '发展', '工业', '创业', '科技', '高新', '长江', '沿江', '解放', '人民', '建设', '中山', '胜利', '和平', '新华', '振兴',
  '兴业', '开元', '金桥', '朝阳', '团结', '文化', '育才', '青年', '光明', '民主', '幸福', '迎宾', '明珠', '滨江', '环城',
  '工农', '劳动', '东方', '园林', '车城', '楚天', '汉江', '清江', '荆楚', '鄂州', '友谊', '北京', '深圳', '珠江', '世纪',
] as const;
/** Road names that only make sense in Hubei. */
export const HUBEI_ROAD_WORDS: ReadonlySet<string> = new Set(['车城', '楚天', '汉江', '清江', '荆楚', '鄂州']);
export const ROAD_SUFFIXES = ['路', '路', '大道', '大街', '东路', '西路', '南路', '北路', '一路', '二路'] as const;
