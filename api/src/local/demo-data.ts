import { type EnterpriseTag, type enterpriseEntity, type InputOfFields, makeCreditCode, type ServiceCategory, type stationEntity } from '@yizhan/shared';

/*
 * The demo data set: the three pilot stations and the enterprises of the Xiangtan article
 * (shared/source/xiangtan-article.txt), padded with generated enterprises to a realistic park.
 * Station and enterprise names come from the article; every other attribute (addresses, people,
 * phones, capital, credit codes) is invented. Plain data, no I/O; generated values come from a
 * PRNG seeded by each enterprise's name, so every run, and every reordering of the lists below,
 * yields the same records.
 */

/** A service station (政务服务驿站) as seeded: its create input; ids, status and versions are the seeder's. */
export type DemoStation = InputOfFields<typeof stationEntity.fields> & {
  readonly code: string;
  readonly openedOn: string;
  readonly serviceCategories: readonly ServiceCategory[];
};

/** An enterprise (经营主体) as seeded: its create input, with `stationCode` naming its serving station. */
export type DemoEnterprise = Omit<InputOfFields<typeof enterpriseEntity.fields>, 'stationId'> & {
  readonly creditCode: string;
  readonly name: string;
  readonly stationCode: string;
  readonly establishedOn: string;
  readonly registeredViaStation: boolean;
  readonly tags: readonly EnterpriseTag[];
  readonly steward: { readonly name: string; readonly phone: string } | null;
  readonly contact: { readonly name: string; readonly phone: string } | null;
};

const OPENING_HOURS_WEEKDAYS = '周一至周五 8:30-12:00，14:30-17:30（法定节假日除外）';

export const demoStations: readonly DemoStation[] = [
  {
    code: 'JR',
    name: '金荣·湘潭国际工业园政务服务驿站',
    park: '金荣·湘潭国际工业园',
    address: '湖南省湘潭市高新区双马街道金荣·湘潭国际工业园综合服务楼一楼',
    phone: '0731-58562215',
    openingHours: OPENING_HOURS_WEEKDAYS,
    openedOn: '2022-06-15',
    serviceCategories: [
      'BUSINESS_REGISTRATION',
      'EMPLOYMENT',
      'SOCIAL_INSURANCE',
      'TALENT',
      'FINANCING',
      'PROJECT_APPROVAL',
      'POLICY',
      'CONSULTATION',
    ],
    location: { lat: 27.8893, lng: 112.9652 },
    description:
      '湘潭高新区首个政务服务驿站，2022年6月15日揭牌运行。为入驻金荣·湘潭国际工业园的企业提供企业注册、登记、变更、' +
      '政策申报、人事招聘等涉企政务服务，打通便民惠企服务“最后一百米”，不出园区即可办成原需到区政务中心办理的事项。',
  },
  {
    code: 'ZN',
    name: '中南高科湘潭智造产业园政务服务驿站',
    park: '中南高科湘潭智造产业园',
    address: '湖南省湘潭市高新区中南高科湘潭智造产业园A区1栋一楼',
    phone: '0731-58573306',
    openingHours: OPENING_HOURS_WEEKDAYS,
    openedOn: '2022-10-18',
    serviceCategories: [
      'BUSINESS_REGISTRATION',
      'EMPLOYMENT',
      'SOCIAL_INSURANCE',
      'PROJECT_APPROVAL',
      'POLICY',
      'CONSULTATION',
    ],
    location: { lat: 27.8736, lng: 112.9871 },
    description:
      '湘潭高新区试点驿站之一，服务中南高科湘潭智造产业园入园企业，提供“政务服务+企业服务+招商服务”，' +
      '对园区重点项目实行“专人+代办”的管家式服务。',
  },
  {
    code: 'CX',
    name: '湘潭高新区创新创业园政务服务驿站',
    park: '湘潭高新区创新创业园',
    address: '湖南省湘潭市高新区晓塘路创新创业园服务中心二楼',
    phone: '0731-58596120',
    openingHours: '周一至周五 9:00-12:00，14:00-17:30（法定节假日除外）',
    openedOn: '2022-12-06',
    serviceCategories: ['BUSINESS_REGISTRATION', 'TALENT', 'FINANCING', 'POLICY', 'CONSULTATION'],
    location: { lat: 27.8601, lng: 112.9514 },
    description:
      '湘潭高新区试点驿站之一，面向创新创业园及周边科技型企业，提供商事登记、人才服务、贷款融资对接和政策申报辅导。',
  },
];

type StationCode = 'JR' | 'ZN' | 'CX';

type Person = { name: string; phone: string };

/** 管家/代办专员 of each station; enterprises with a steward get one of their station's. */
const stewardsByStation: Readonly<Record<StationCode, readonly Person[]>> = {
  JR: [
    { name: '周敏', phone: '13875201486' },
    { name: '彭亮', phone: '18907322613' },
  ],
  ZN: [
    { name: '谭静', phone: '15873236087' },
    { name: '刘洋', phone: '13973265912' },
  ],
  CX: [
    { name: '易晓红', phone: '18073290426' },
    { name: '陈斌', phone: '17752810379' },
  ],
};

function steward(station: StationCode, index: 0 | 1): Person {
  const person = stewardsByStation[station][index];
  if (person === undefined) throw new Error(`No steward ${index} at station ${station}`);
  return { ...person };
}

/** The enterprises the article names, with invented details. */
const articleEnterprises: readonly Omit<DemoEnterprise, 'creditCode'>[] = [
  {
    name: '湘潭中天机电有限公司',
    legalRepresentative: '罗建军',
    industry: '智能制造',
    stationCode: 'JR',
    address: '湖南省湘潭市高新区金荣·湘潭国际工业园8栋',
    establishedOn: '2012-04-17',
    registeredCapital: 3000,
    employees: 186,
    tags: ['HIGH_TECH', 'ABOVE_SCALE'],
    creditStatus: 'NORMAL',
    registeredViaStation: false,
    steward: steward('JR', 0),
    // 总经理助理 quoted in the article.
    contact: { name: '胡艳', phone: '13786215874' },
  },
  {
    name: '湖南奥托斯智能装备有限公司',
    legalRepresentative: '曾德胜',
    industry: '智能制造',
    stationCode: 'JR',
    address: '湖南省湘潭市高新区金荣·湘潭国际工业园二期15栋',
    establishedOn: '2020-11-05',
    registeredCapital: 5000,
    employees: 140,
    tags: ['HIGH_TECH', 'ABOVE_SCALE', 'KEY_PROJECT'],
    creditStatus: 'NORMAL',
    registeredViaStation: false,
    steward: steward('JR', 1),
    contact: { name: '唐文斌', phone: '15116208743' },
  },
  {
    name: '湘潭伊索尔新材料科技有限公司',
    legalRepresentative: '黄国华',
    industry: '新材料',
    stationCode: 'JR',
    address: '湖南省湘潭市高新区金荣·湘潭国际工业园21栋',
    establishedOn: '2019-07-22',
    registeredCapital: 2000,
    employees: 95,
    tags: ['HIGH_TECH', 'SPECIALIZED_SME', 'KEY_PROJECT'],
    creditStatus: 'NORMAL',
    registeredViaStation: false,
    steward: steward('JR', 0),
    contact: { name: '邓春燕', phone: '18874016352' },
  },
  {
    name: '湘潭中南高科智造产业园发展有限公司',
    legalRepresentative: '王立新',
    industry: '产业园区开发运营',
    stationCode: 'ZN',
    address: '湖南省湘潭市高新区中南高科湘潭智造产业园A区1栋',
    establishedOn: '2021-03-12',
    registeredCapital: 20000,
    employees: 46,
    tags: ['KEY_PROJECT'],
    creditStatus: 'NORMAL',
    registeredViaStation: false,
    steward: steward('ZN', 0),
    contact: { name: '肖海涛', phone: '13607328891' },
  },
  {
    name: '湖南卓润生物科技有限公司',
    legalRepresentative: '杨慧',
    industry: '生物医药',
    stationCode: 'ZN',
    address: '湖南省湘潭市高新区中南高科湘潭智造产业园B区6栋',
    establishedOn: '2019-09-26',
    registeredCapital: 5000,
    employees: 118,
    tags: ['HIGH_TECH', 'ABOVE_SCALE', 'KEY_PROJECT'],
    creditStatus: 'NORMAL',
    registeredViaStation: false,
    steward: steward('ZN', 1),
    contact: { name: '龙晓峰', phone: '15973291064' },
  },
  {
    name: '湖南亚辉龙生物科技有限公司',
    legalRepresentative: '胡明',
    industry: '生物医药',
    stationCode: 'ZN',
    address: '湖南省湘潭市高新区中南高科湘潭智造产业园B区2栋',
    establishedOn: '2020-06-30',
    registeredCapital: 10000,
    employees: 235,
    tags: ['HIGH_TECH', 'ABOVE_SCALE', 'KEY_PROJECT'],
    creditStatus: 'NORMAL',
    registeredViaStation: false,
    steward: steward('ZN', 0),
    contact: { name: '蒋丽娟', phone: '18692275530' },
  },
  {
    name: '金杯电工电磁线有限公司',
    legalRepresentative: '周志强',
    industry: '电线电缆',
    stationCode: 'CX',
    address: '湖南省湘潭市高新区芙蓉中路28号',
    establishedOn: '2006-08-09',
    registeredCapital: 20000,
    employees: 680,
    tags: ['LITTLE_GIANT', 'SPECIALIZED_SME', 'HIGH_TECH', 'ABOVE_SCALE', 'KEY_PROJECT'],
    creditStatus: 'NORMAL',
    registeredViaStation: false,
    steward: steward('CX', 0),
    contact: { name: '李卫东', phone: '13807323375' },
  },
  {
    name: '湖南华菱线缆股份有限公司',
    legalRepresentative: '赵建华',
    industry: '电线电缆',
    stationCode: 'CX',
    address: '湖南省湘潭市高新区建设南路1号',
    establishedOn: '2003-05-28',
    registeredCapital: 53440,
    employees: 1150,
    tags: ['SPECIALIZED_SME', 'HIGH_TECH', 'ABOVE_SCALE', 'KEY_PROJECT'],
    creditStatus: 'NORMAL',
    registeredViaStation: false,
    steward: steward('CX', 1),
    contact: { name: '欧阳勇', phone: '18173226608' },
  },
];

/** Industries of the generated enterprises, the name endings they use, and whether 高新 is plausible. */
const industries = {
  智能制造: { technology: true, nameEndings: ['智能装备有限公司', '自动化设备有限公司', '精密机械制造有限公司', '机电科技有限公司'] },
  新能源装备: { technology: true, nameEndings: ['新能源科技有限公司', '电气设备有限公司', '储能技术有限公司', '风电装备有限公司'] },
  生物医药: { technology: true, nameEndings: ['生物科技有限公司', '医药科技有限公司', '医疗器械有限公司'] },
  电线电缆: { technology: true, nameEndings: ['线缆科技有限公司', '电工材料有限公司'] },
  新材料: { technology: true, nameEndings: ['新材料科技有限公司', '复合材料有限公司'] },
  电子信息: { technology: true, nameEndings: ['电子科技有限公司', '光电科技有限公司'] },
  汽车零部件: { technology: true, nameEndings: ['汽车零部件有限公司', '汽车电子有限公司'] },
  软件和信息技术服务: { technology: true, nameEndings: ['软件有限公司', '数字科技有限公司', '信息技术有限公司'] },
  检验检测: { technology: true, nameEndings: ['检测技术有限公司', '检验认证有限公司'] },
  现代物流: { technology: false, nameEndings: ['供应链管理有限公司', '物流有限公司'] },
  商贸服务: { technology: false, nameEndings: ['商贸有限公司', '贸易有限公司'] },
} as const satisfies Record<string, { technology: boolean; nameEndings: readonly string[] }>;

export type Industry = keyof typeof industries;

/** Every industry of the demo enterprises. */
export const demoIndustries = Object.keys(industries) as Industry[];

export interface GeneratedEnterpriseSpec {
  /** Distinct 字号 (trade name), which keeps every generated name unique. */
  readonly brand: string;
  readonly industry: Industry;
  readonly station: StationCode;
  /** Newly registered through the station's 商事登记 service. */
  readonly viaStation?: true;
  readonly dishonest?: true;
  readonly littleGiant?: true;
}

const generatedEnterpriseSpecs: readonly GeneratedEnterpriseSpec[] = [
  // 金荣·湘潭国际工业园: the largest park, 56 enterprises in 2022 and growing.
  { brand: '恒誉', industry: '智能制造', station: 'JR' },
  { brand: '博岳', industry: '汽车零部件', station: 'JR' },
  { brand: '瑞丰', industry: '新材料', station: 'JR' },
  { brand: '鼎升', industry: '智能制造', station: 'JR' },
  { brand: '湘衡', industry: '电线电缆', station: 'JR' },
  { brand: '科鑫', industry: '电子信息', station: 'JR' },
  { brand: '联腾', industry: '智能制造', station: 'JR' },
  { brand: '盛和', industry: '新能源装备', station: 'JR' },
  { brand: '精研', industry: '智能制造', station: 'JR' },
  { brand: '中盈', industry: '现代物流', station: 'JR' },
  { brand: '天擎', industry: '新能源装备', station: 'JR' },
  { brand: '金岳', industry: '商贸服务', station: 'JR', dishonest: true },
  { brand: '弘毅', industry: '新材料', station: 'JR' },
  { brand: '万邦', industry: '汽车零部件', station: 'JR' },
  { brand: '莲城', industry: '商贸服务', station: 'JR', viaStation: true },
  { brand: '晟宇', industry: '电子信息', station: 'JR', viaStation: true },
  { brand: '启辰', industry: '软件和信息技术服务', station: 'JR', viaStation: true },
  { brand: '佳禾', industry: '现代物流', station: 'JR', viaStation: true },
  { brand: '远帆', industry: '智能制造', station: 'JR', viaStation: true },
  { brand: '汇智', industry: '检验检测', station: 'JR', viaStation: true },
  { brand: '德力', industry: '汽车零部件', station: 'JR', viaStation: true },
  { brand: '同创', industry: '新能源装备', station: 'JR', viaStation: true },
  { brand: '昭晟', industry: '商贸服务', station: 'JR', viaStation: true },
  // 中南高科湘潭智造产业园.
  { brand: '九华', industry: '智能制造', station: 'ZN', littleGiant: true },
  { brand: '湘江', industry: '新能源装备', station: 'ZN' },
  { brand: '正和', industry: '生物医药', station: 'ZN' },
  { brand: '德润', industry: '生物医药', station: 'ZN' },
  { brand: '宏图', industry: '智能制造', station: 'ZN' },
  { brand: '泰和', industry: '新材料', station: 'ZN' },
  { brand: '华岳', industry: '电子信息', station: 'ZN' },
  { brand: '凯达', industry: '汽车零部件', station: 'ZN' },
  { brand: '永盛', industry: '现代物流', station: 'ZN' },
  { brand: '蓝海', industry: '生物医药', station: 'ZN', viaStation: true },
  { brand: '致远', industry: '软件和信息技术服务', station: 'ZN', viaStation: true },
  { brand: '海纳', industry: '商贸服务', station: 'ZN', viaStation: true },
  { brand: '云帆', industry: '电子信息', station: 'ZN', viaStation: true },
  { brand: '明辉', industry: '检验检测', station: 'ZN', viaStation: true },
  { brand: '禾丰', industry: '生物医药', station: 'ZN', viaStation: true },
  // 湘潭高新区创新创业园 and the streets around it.
  { brand: '昌泰', industry: '电线电缆', station: 'CX' },
  { brand: '广益', industry: '新能源装备', station: 'CX' },
  { brand: '赛特', industry: '智能制造', station: 'CX' },
  { brand: '恒通', industry: '电线电缆', station: 'CX' },
  { brand: '博思', industry: '电子信息', station: 'CX' },
  { brand: '安达', industry: '现代物流', station: 'CX', dishonest: true },
  { brand: '金洲', industry: '新材料', station: 'CX' },
  { brand: '瑞康', industry: '生物医药', station: 'CX' },
  { brand: '福临', industry: '汽车零部件', station: 'CX' },
  { brand: '青禾', industry: '软件和信息技术服务', station: 'CX', viaStation: true },
  { brand: '乐仁', industry: '商贸服务', station: 'CX', viaStation: true },
  { brand: '智联', industry: '电子信息', station: 'CX', viaStation: true },
  { brand: '众合', industry: '检验检测', station: 'CX', viaStation: true },
  { brand: '屹立', industry: '新材料', station: 'CX', viaStation: true },
];

/** The day the demo data set describes: the article's publication date. */
export const DATA_AS_OF = '2023-10-31';
const EARLIEST_ESTABLISHMENT = '2004-01-01';

const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '周', '吴', '彭', '谭', '罗', '胡', '曾', '唐', '易', '邓', '肖', '蒋', '龙', '欧阳', '贺'];
const givenNames = ['建国', '志强', '伟', '静', '海涛', '丽娟', '晓峰', '俊', '红梅', '卫东', '亮', '文斌', '国华', '艳', '建华', '明', '小军', '慧', '湘平', '勇', '春燕', '立新', '德胜', '思远'];
const mobilePrefixes = ['138', '139', '135', '150', '151', '158', '159', '173', '177', '180', '186', '187', '188', '199'];
const streets = ['晓塘路', '芙蓉中路', '建设南路', '双拥南路', '板塘路'];
const smallCapitals = [10, 30, 50, 100, 200, 300, 500];
const establishedCapitals = [200, 300, 500, 800, 1000, 1500, 2000, 3000, 5000, 8000];
const tagOrder: readonly EnterpriseTag[] = ['LITTLE_GIANT', 'SPECIALIZED_SME', 'HIGH_TECH', 'ABOVE_SCALE', 'KEY_PROJECT'];

export function generateEnterprise(spec: GeneratedEnterpriseSpec): Omit<DemoEnterprise, 'creditCode'> {
  const industry = industries[spec.industry];
  const random = seededRandom(`enterprise:${spec.brand}`);
  const station = stationByCode(spec.station);
  const viaStation = spec.viaStation === true;

  const region = viaStation || random() < 0.5 ? '湘潭' : '湖南';
  const name = `${region}${spec.brand}${pick(random, industry.nameEndings)}`;
  const establishedOn = viaStation
    ? dateBetween(random, addDays(station.openedOn, 1), DATA_AS_OF)
    : dateBetween(random, EARLIEST_ESTABLISHMENT, addDays(station.openedOn, -1));
  const registeredCapital = pick(random, viaStation ? smallCapitals : establishedCapitals);
  // Cubed so that head counts skew small, as in a real park.
  const employees = viaStation ? integerBetween(random, 2, 30) : 20 + Math.floor(random() ** 3 * 430);

  const tags = new Set<EnterpriseTag>();
  if (!viaStation) {
    if (industry.technology && random() < 0.6) tags.add('HIGH_TECH');
    if (tags.has('HIGH_TECH') && random() < 0.4) tags.add('SPECIALIZED_SME');
    // 规上 means annual revenue of 20 million yuan or more; head count stands in for it here.
    if (employees >= 100) tags.add('ABOVE_SCALE');
    // Key projects are construction projects of manufacturers the zone courts, never of a 失信 one.
    const projectCandidate = industry.technology && spec.dishonest !== true && tags.has('ABOVE_SCALE');
    if (projectCandidate && random() < 0.4) tags.add('KEY_PROJECT');
  }
  if (spec.littleGiant === true) {
    tags.add('LITTLE_GIANT').add('SPECIALIZED_SME').add('HIGH_TECH');
  }

  // Stations assign a steward to the enterprises they look after closely, and to about half of
  // the ones they registered (代办).
  const wantsSteward = tags.has('KEY_PROJECT') || tags.has('ABOVE_SCALE') || (viaStation && random() < 0.5);
  return {
    name,
    legalRepresentative: personName(random),
    industry: spec.industry,
    stationCode: spec.station,
    address: addressIn(random, spec.station, viaStation),
    establishedOn,
    registeredCapital,
    employees,
    tags: tagOrder.filter((tag) => tags.has(tag)),
    creditStatus: spec.dishonest === true ? 'DISHONEST' : 'NORMAL',
    registeredViaStation: viaStation,
    steward: wantsSteward ? steward(spec.station, random() < 0.5 ? 0 : 1) : null,
    contact: viaStation && random() < 0.2 ? null : { name: personName(random), phone: mobilePhone(random) },
  };
}

function addressIn(random: () => number, station: StationCode, small: boolean): string {
  const building = integerBetween(random, 1, 32);
  const floor = small ? `${integerBetween(random, 2, 6)}楼` : '';
  switch (station) {
    case 'JR':
      return `湖南省湘潭市高新区金荣·湘潭国际工业园${building}栋${floor}`;
    case 'ZN':
      return `湖南省湘潭市高新区中南高科湘潭智造产业园${pick(random, ['A', 'B', 'C'])}区${building}栋${floor}`;
    case 'CX':
      return small
        ? `湖南省湘潭市高新区创新创业园${building}栋${integerBetween(random, 2, 9)}0${integerBetween(random, 1, 9)}室`
        : `湖南省湘潭市高新区${pick(random, streets)}${integerBetween(random, 1, 199)}号`;
  }
}

function personName(random: () => number): string {
  return pick(random, surnames) + pick(random, givenNames);
}

export function mobilePhone(random: () => number): string {
  let phone = pick(random, mobilePrefixes);
  while (phone.length < 11) phone += String(integerBetween(random, 0, 9));
  return phone;
}

/**
 * A credit code for an enterprise of the 湘潭市 registration authority (`91` enterprise,
 * `430300`). Its organisation-code part follows GB 11714 as real codes do: eight digits for
 * enterprises from before the 2015 reform, `MA…` afterwards, then the GB 11714 check character.
 */
export function creditCodeFor(name: string, establishedOn: string): string {
  const random = seededRandom(`credit-code:${name}`);
  const bodyCharacters = establishedOn < '2016-01-01' ? '0123456789' : '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let body = establishedOn < '2016-01-01' ? '' : 'MA4';
  while (body.length < 8) body += pick(random, [...bodyCharacters]);
  return makeCreditCode(`91430300${body}${organizationCodeCheckCharacter(body)}`);
}

/** GB 11714 check character of an 8-character organisation code body. */
function organizationCodeCheckCharacter(body: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let position = 0; position < body.length; position += 1) {
    // Digits count as themselves, letters A–Z as 10–35.
    sum += Number.parseInt(body.charAt(position), 36) * (weights[position] ?? 0);
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

function stationByCode(code: StationCode): DemoStation {
  const station = demoStations.find((candidate) => candidate.code === code);
  if (station === undefined) throw new Error(`No demo station ${code}`);
  return station;
}

/** mulberry32 seeded with the FNV-1a hash of a text: small, fast and stable across platforms. */
export function seededRandom(seedText: string): () => number {
  let state = 0x811c9dc5;
  for (let index = 0; index < seedText.length; index += 1) {
    state = Math.imul(state ^ seedText.charCodeAt(index), 0x01000193) >>> 0;
  }
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function integerBetween(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

const DAY_MS = 86_400_000;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function dateBetween(random: () => number, from: string, to: string): string {
  const span = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
  return addDays(from, integerBetween(random, 0, span));
}

export const demoEnterprises: readonly DemoEnterprise[] = [
  ...articleEnterprises,
  ...generatedEnterpriseSpecs.map(generateEnterprise),
].map((enterprise) => ({ creditCode: creditCodeFor(enterprise.name, enterprise.establishedOn), ...enterprise }));

const DEMO_ENTERPRISE_NAME = '湘潭中天机电有限公司';

/** Credit code of the enterprise whose user is `enterprise-demo`: 湘潭中天机电有限公司. */
export const DEMO_ENTERPRISE_CREDIT_CODE: string = (() => {
  const enterprise = demoEnterprises.find((candidate) => candidate.name === DEMO_ENTERPRISE_NAME);
  if (enterprise === undefined) throw new Error(`${DEMO_ENTERPRISE_NAME} is missing from the demo data`);
  return enterprise.creditCode;
})();
