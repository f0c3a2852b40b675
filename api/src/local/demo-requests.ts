import type { AppealType, CallbackRating, ServiceCategory, ServiceChannel } from '@yizhan/shared';

/*
 * Demo service requests: a realistic mix across the pilot stations, channels and categories —
 * station services and on-site visits of 2023 with their outcomes (jobs filled, financing,
 * problems solved), 12345 hotline tickets with callbacks (one reopened, one returned, one
 * repeated), and requests still open as of the day the demo data is loaded (some overdue).
 * Plain data, no I/O: the seeder plays each story through the services on a simulated clock.
 */

/** One step of a request's story, taken `after` hours after the previous one (working time is not modelled). */
type DemoStep =
  | { readonly action: 'DISPATCH'; readonly assignedUnit: string; readonly stationCode?: string; readonly after: number }
  | { readonly action: 'SIGN' | 'START' | 'CLOSE'; readonly after: number }
  | { readonly action: 'RETURN' | 'INVALIDATE' | 'REOPEN' | 'ESCALATE'; readonly note: string; readonly after: number }
  | { readonly action: 'EXTEND'; readonly workingDays: number; readonly note: string; readonly after: number }
  | {
      readonly action: 'REPLY';
      readonly reply: string;
      readonly outcome?: { readonly issueResolved: boolean; readonly jobsFilled?: number; readonly financingAmount?: number };
      readonly after: number;
    }
  | { readonly action: 'CALLBACK'; readonly reached: boolean; readonly rating?: CallbackRating; readonly resolved?: boolean; readonly after: number };

export interface DemoRequest {
  readonly channel: ServiceChannel;
  readonly category: ServiceCategory;
  readonly appealType: AppealType;
  readonly title: string;
  readonly description: string;
  readonly stationCode: string | null;
  /** Name of a demo enterprise the request concerns. */
  readonly enterpriseName: string | null;
  readonly requester: { readonly name: string; readonly phone: string | null; readonly anonymous: boolean };
  /** When it came in: an instant, or days before the day the demo data is loaded. */
  readonly received: { readonly at: string } | { readonly daysAgo: number };
  readonly externalNumber: string | null;
  readonly visit: { readonly visitors: string } | null;
  readonly steps: readonly DemoStep[];
}

const STATIONS = ['JR', 'ZN', 'CX'] as const;

/** Enterprises of each station that appear in requests. */
const enterprisesOf: Readonly<Record<(typeof STATIONS)[number], readonly string[]>> = {
  JR: ['湘潭中天机电有限公司', '湖南奥托斯智能装备有限公司'],
  ZN: ['湖南卓润生物科技有限公司', '湖南九华精密机械制造有限公司'],
  CX: ['金杯电工电磁线有限公司', '湖南华菱线缆股份有限公司'],
};

const stationNames: Readonly<Record<(typeof STATIONS)[number], string>> = { JR: '金荣驿站', ZN: '中南驿站', CX: '创新创业园驿站' };

export interface Topic {
  readonly category: ServiceCategory;
  readonly appealType: AppealType;
  readonly title: string;
  readonly description: string;
  readonly reply: string;
  readonly outcome?: { readonly issueResolved: boolean; readonly jobsFilled?: number; readonly financingAmount?: number };
}

/** What stations are asked for, and what they did about it. */
export const stationTopics: readonly Topic[] = [
  {
    category: 'BUSINESS_REGISTRATION',
    appealType: 'HELP',
    title: '变更营业执照经营范围',
    description: '新增工业机器人销售业务，需要变更经营范围。',
    reply: '驿站窗口当场受理并办结经营范围变更，新照已发放。',
    outcome: { issueResolved: true },
  },
  {
    category: 'BUSINESS_REGISTRATION',
    appealType: 'HELP',
    title: '在园区设立分公司登记',
    description: '母公司在长沙，计划在园区设立生产型分公司。',
    reply: '指导准备材料，全程网办，一个工作日内领取营业执照。',
    outcome: { issueResolved: true },
  },
  {
    category: 'EMPLOYMENT',
    appealType: 'HELP',
    title: '扩产急需招聘普工',
    description: '新增两条产线，急需招聘操作工 40 名。',
    reply: '联合人社部门在园区举办专场招聘会，推荐 36 人到岗。',
    outcome: { issueResolved: true, jobsFilled: 36 },
  },
  {
    category: 'SOCIAL_INSURANCE',
    appealType: 'CONSULT',
    title: '员工社保转移接续',
    description: '外省调入员工的养老保险如何转移接续。',
    reply: '现场讲解转移流程，协助在线提交转移申请。',
    outcome: { issueResolved: true },
  },
  {
    category: 'TALENT',
    appealType: 'HELP',
    title: '高层次人才认定申报',
    description: '公司研发总监申报市级高层次人才认定。',
    reply: '辅导填报认定材料，已提交市人才办审核。',
    outcome: { issueResolved: true },
  },
  {
    category: 'POLICY',
    appealType: 'CONSULT',
    title: '专精特新中小企业申报辅导',
    description: '了解省级专精特新中小企业申报条件和材料。',
    reply: '逐项对照申报条件进行辅导，企业已完成申报。',
    outcome: { issueResolved: true },
  },
  {
    category: 'FINANCING',
    appealType: 'HELP',
    title: '流动资金贷款需求',
    description: '订单增长，原材料采购需流动资金 500 万元。',
    reply: '对接湘潭农商银行，获批授信 500 万元。',
    outcome: { issueResolved: true, financingAmount: 500 },
  },
  {
    category: 'CONSULTATION',
    appealType: 'CONSULT',
    title: '研发费用加计扣除政策咨询',
    description: '咨询研发费用加计扣除比例和备案要求。',
    reply: '讲解最新政策口径，提供备案模板。',
    outcome: { issueResolved: true },
  },
];

/** On-site visits (上门服务): a station's team at the enterprise. */
export const visitTopics: readonly Topic[] = [
  {
    category: 'EMPLOYMENT',
    appealType: 'HELP',
    title: '上门服务：技术工人招聘',
    description: '企业新厂区投产，缺数控机床操作工。',
    reply: '上门对接用工需求，组织定向招聘，解决用工 52 人。',
    outcome: { issueResolved: true, jobsFilled: 52 },
  },
  {
    category: 'FINANCING',
    appealType: 'HELP',
    title: '上门服务：设备更新融资',
    description: '计划更新生产设备，需中长期贷款。',
    reply: '上门调研后联合银行设计设备贷方案，获批 1200 万元。',
    outcome: { issueResolved: true, financingAmount: 1200 },
  },
  {
    category: 'PROJECT_APPROVAL',
    appealType: 'HELP',
    title: '上门服务：新建厂房报建辅导',
    description: '新建 2 号厂房，需了解工程建设审批流程。',
    reply: '上门讲解“拿地即开工”流程，安排代办专员全程跟进。',
    outcome: { issueResolved: true },
  },
];

/** 12345 hotline tickets about the parks. */
export const hotlineTopics: readonly Topic[] = [
  {
    category: 'OTHER',
    appealType: 'COMPLAINT',
    title: '园区道路夜间照明不足',
    description: '园区主干道多盏路灯不亮，夜间下班不安全。',
    reply: '已协调园区物业更换路灯 12 盏，恢复照明。',
    outcome: { issueResolved: true },
  },
  {
    category: 'SOCIAL_INSURANCE',
    appealType: 'CONSULT',
    title: '灵活就业人员参保咨询',
    description: '来电人咨询灵活就业人员如何参加职工养老保险。',
    reply: '已电话答复参保条件、缴费基数和办理渠道。',
    outcome: { issueResolved: true },
  },
  {
    category: 'EMPLOYMENT',
    appealType: 'REPORT',
    title: '反映企业拖欠工资',
    description: '来电人反映园区某企业拖欠两个月工资。',
    reply: '人社执法大队已约谈企业，欠薪已全额支付。',
    outcome: { issueResolved: true },
  },
  {
    category: 'BUSINESS_REGISTRATION',
    appealType: 'HELP',
    title: '个体户营业执照注销',
    description: '来电人咨询个体工商户简易注销办理方式。',
    reply: '已告知简易注销流程，可在驿站窗口一次办结。',
    outcome: { issueResolved: true },
  },
  {
    category: 'POLICY',
    appealType: 'SUGGESTION',
    title: '建议增开园区通勤公交',
    description: '建议增开园区至市区的早晚高峰通勤公交。',
    reply: '已转交交通部门研究，计划增开高峰班次。',
    outcome: { issueResolved: false },
  },
  {
    category: 'FINANCING',
    appealType: 'HELP',
    title: '小微企业贴息贷款咨询',
    description: '咨询小微企业创业担保贷款贴息政策。',
    reply: '已电话答复申请条件，并转驿站跟进对接银行。',
    outcome: { issueResolved: true, financingAmount: 50 },
  },
];

const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '周', '吴', '彭', '谭', '罗', '胡', '曾', '唐', '易'];
const titles = ['先生', '女士', '经理', '主任'];

function person(index: number): { name: string; phone: string } {
  const surname = surnames[index % surnames.length]!;
  const title = titles[Math.floor(index / surnames.length) % titles.length]!;
  return { name: `${surname}${title}`, phone: `139${String(73_100_000 + index * 7_919).padStart(8, '0')}` };
}

const HOUR = 1;
const DAY = 24;

type Received = DemoRequest['received'];

/** A closed station service: handled on the spot, replied, called back. */
function stationService(station: (typeof STATIONS)[number], topic: Topic, index: number, received: Received): DemoRequest {
  const enterpriseName = enterprisesOf[station][index % 2]!;
  const satisfied: CallbackRating = index % 5 === 0 ? 'BASIC' : index % 2 === 0 ? 'SATISFIED' : 'VERY_SATISFIED';
  return {
    channel: 'STATION',
    category: topic.category,
    appealType: topic.appealType,
    title: topic.title,
    description: topic.description,
    stationCode: station,
    enterpriseName,
    requester: { ...person(index + STATIONS.indexOf(station) * 20), anonymous: false },
    received,
    externalNumber: null,
    visit: null,
    steps: [
      { action: 'START', after: HOUR / 2 },
      { action: 'REPLY', reply: topic.reply, ...(topic.outcome ? { outcome: topic.outcome } : {}), after: 2 * HOUR },
      { action: 'CALLBACK', reached: true, rating: satisfied, resolved: true, after: 2 * DAY },
      { action: 'CLOSE', after: HOUR },
    ],
  };
}

function onsiteVisit(station: (typeof STATIONS)[number], topic: Topic, index: number, received: Received): DemoRequest {
  return {
    ...stationService(station, topic, index + 10, received),
    channel: 'ONSITE',
    visit: { visitors: `${stationNames[station]}服务专班` },
    steps: [
      { action: 'START', after: DAY },
      { action: 'REPLY', reply: topic.reply, ...(topic.outcome ? { outcome: topic.outcome } : {}), after: 3 * DAY },
      { action: 'CALLBACK', reached: true, rating: 'VERY_SATISFIED', resolved: true, after: 2 * DAY },
      { action: 'CLOSE', after: HOUR },
    ],
  };
}

function hotlineTicket(topic: Topic, index: number, received: Received, station: (typeof STATIONS)[number], steps: readonly DemoStep[]): DemoRequest {
  const day = 'at' in received ? received.at.slice(0, 10).replaceAll('-', '') : `D${received.daysAgo}`;
  return {
    channel: 'HOTLINE',
    category: topic.category,
    appealType: topic.appealType,
    title: topic.title,
    description: topic.description,
    stationCode: null,
    enterpriseName: null,
    requester: { ...person(index + 70), anonymous: false },
    received,
    externalNumber: `XT12345-${day}-${String(index).padStart(3, '0')}`,
    visit: null,
    steps: steps.map((step) => (step.action === 'DISPATCH' ? { ...step, stationCode: station } : step)),
  };
}

/** The normal course of a hotline ticket: dispatched, signed, handled, replied, called back, closed. */
function hotlineCourse(topic: Topic, station: (typeof STATIONS)[number], rating: CallbackRating): DemoStep[] {
  return [
    { action: 'DISPATCH', assignedUnit: stationNames[station], after: HOUR },
    { action: 'SIGN', after: 2 * HOUR },
    { action: 'START', after: HOUR },
    { action: 'REPLY', reply: topic.reply, ...(topic.outcome ? { outcome: topic.outcome } : {}), after: 2 * DAY },
    { action: 'CALLBACK', reached: true, rating, resolved: true, after: DAY },
    { action: 'CLOSE', after: HOUR },
  ];
}

/** 2023: stations opened in 2022; requests spread over March to October. */
function day2023(index: number, hour = 9): Received {
  const month = 3 + (index % 8);
  const day = 3 + ((index * 7) % 24);
  return { at: `2023-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(hour - 8).padStart(2, '0')}:30:00.000Z` };
}

const history2023: DemoRequest[] = STATIONS.flatMap((station, stationIndex) => [
  ...stationTopics.map((topic, index) => stationService(station, topic, index, day2023(stationIndex * 11 + index))),
  ...visitTopics.map((topic, index) => onsiteVisit(station, topic, index, day2023(stationIndex * 7 + index + 3, 10))),
]);

const hotline2023: DemoRequest[] = [
  ...hotlineTopics.map((topic, index) =>
    hotlineTicket(topic, index, day2023(index * 5 + 2, 10), STATIONS[index % 3]!, hotlineCourse(topic, STATIONS[index % 3]!, index % 4 === 0 ? 'BASIC' : 'SATISFIED')),
  ),
  // Dissatisfied at the first callback: sent back (发回重办), redone, closed.
  hotlineTicket(hotlineTopics[0]!, 20, day2023(30, 11), 'JR', [
    ...hotlineCourse(hotlineTopics[0]!, 'JR', 'SATISFIED').slice(0, 4),
    { action: 'CALLBACK', reached: true, rating: 'DISSATISFIED', resolved: false, after: DAY },
    { action: 'REOPEN', note: '路灯仍有 3 盏未修复，发回重办', after: HOUR },
    { action: 'START', after: HOUR },
    { action: 'REPLY', reply: '剩余 3 盏路灯已全部修复。', outcome: { issueResolved: true }, after: DAY },
    { action: 'CALLBACK', reached: true, rating: 'SATISFIED', resolved: true, after: DAY },
    { action: 'CLOSE', after: HOUR },
  ]),
  // Returned by the first unit as not its business, dispatched again.
  hotlineTicket(hotlineTopics[2]!, 21, day2023(33, 14), 'ZN', [
    { action: 'DISPATCH', assignedUnit: '园区物业', after: HOUR },
    { action: 'RETURN', note: '欠薪问题不属物业职责', after: 3 * HOUR },
    ...hotlineCourse(hotlineTopics[2]!, 'ZN', 'VERY_SATISFIED'),
  ]),
];

/** Open as of the day the demo data is loaded: what a station and the hotline have on their desks today. */
const openToday: DemoRequest[] = [
  ...STATIONS.flatMap((station, stationIndex): DemoRequest[] => [
    // Received twelve days ago and still in progress: overdue.
    { ...stationService(station, stationTopics[(stationIndex + 2) % stationTopics.length]!, stationIndex + 40, { daysAgo: 12 }), steps: [{ action: 'START', after: 2 * HOUR }] },
    // Received yesterday, not started yet.
    { ...stationService(station, stationTopics[(stationIndex + 5) % stationTopics.length]!, stationIndex + 43, { daysAgo: 1 }), steps: [] },
  ]),
  {
    ...onsiteVisit('JR', visitTopics[0]!, 46, { daysAgo: 4 }),
    steps: [
      { action: 'START', after: DAY },
      { action: 'EXTEND', workingDays: 3, note: '企业招聘会排期在下周', after: 2 * DAY },
    ],
  },
  hotlineTicket(hotlineTopics[1]!, 50, { daysAgo: 1 }, 'ZN', []),
  hotlineTicket(hotlineTopics[3]!, 51, { daysAgo: 2 }, 'JR', [{ action: 'DISPATCH', assignedUnit: stationNames.JR, after: HOUR }]),
  hotlineTicket(hotlineTopics[5]!, 52, { daysAgo: 3 }, 'CX', hotlineCourse(hotlineTopics[5]!, 'CX', 'SATISFIED').slice(0, 3)),
  hotlineTicket(hotlineTopics[4]!, 53, { daysAgo: 2 }, 'JR', [{ action: 'ESCALATE', note: '来电人再次催办', after: 4 * HOUR }]),
  hotlineTicket(hotlineTopics[1]!, 54, { daysAgo: 1 }, 'JR', [{ action: 'INVALIDATE', note: '重复来电，已合并处理', after: HOUR }]),
];

/** The demo enterprise's own online requests (what `enterprise-demo` sees). */
const online: DemoRequest[] = [
  {
    channel: 'ONLINE',
    category: 'POLICY',
    appealType: 'CONSULT',
    title: '高新技术企业认定材料咨询',
    description: '公司拟申报高新技术企业，咨询知识产权和研发投入要求。',
    stationCode: 'JR',
    enterpriseName: '湘潭中天机电有限公司',
    requester: { name: '胡艳', phone: '13786215874', anonymous: false },
    received: { at: '2023-05-16T02:00:00.000Z' },
    externalNumber: null,
    visit: null,
    steps: [
      { action: 'START', after: 2 * HOUR },
      { action: 'REPLY', reply: '驿站辅导员上门梳理知识产权，企业已提交认定申请。', outcome: { issueResolved: true }, after: DAY },
      { action: 'CALLBACK', reached: true, rating: 'VERY_SATISFIED', resolved: true, after: DAY },
      { action: 'CLOSE', after: HOUR },
    ],
  },
  {
    channel: 'ONLINE',
    category: 'EMPLOYMENT',
    appealType: 'HELP',
    title: '需要招聘电气工程师',
    description: '新产品线需要 3 名电气工程师，希望对接高校资源。',
    stationCode: 'JR',
    enterpriseName: '湘潭中天机电有限公司',
    requester: { name: '胡艳', phone: '13786215874', anonymous: false },
    received: { daysAgo: 2 },
    externalNumber: null,
    visit: null,
    steps: [],
  },
];

export const demoRequests: readonly DemoRequest[] = [...history2023, ...hotline2023, ...openToday, ...online];
