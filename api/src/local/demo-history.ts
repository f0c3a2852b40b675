import {
  type CallbackRating,
  deadline,
  dueWorkingDays,
  type ServiceLevels,
  shanghaiDay,
  shanghaiTime,
  type WorkingDayCalendar,
} from '@yizhan/shared';
import {
  creditCodeFor,
  DATA_AS_OF,
  type DemoEnterprise,
  demoIndustries,
  generateEnterprise,
  integerBetween,
  mobilePhone,
  pick,
  seededRandom,
} from './demo-data';
import { hotlineTopics, stationTopics, type Topic, visitTopics } from './demo-requests';

/*
 * The history behind the article's figures (docs/dashboard.md): from the day the JR station
 * opened to the article's date, the stations' services, visits and new registrations, and more
 * than 10,000 12345 hotline tickets. The played demo stories are a few dozen of these; the
 * history tops them up to the article's figures, as closed records made with the same rules
 * (deadlines on the working-day calendar, service levels), loaded in batches. Plain data, no I/O.
 */

/** The article's period: since the JR station opened, to the article's date. */
export const ARTICLE_PERIOD = { from: '2022-06-15', to: DATA_AS_OF } as const;

/** What the article reports for that period. */
const articleFigures = {
  stationServices: 283,
  onsiteVisits: 72,
  problemsSolved: 126,
  jobsFilled: 1_536,
  newRegistrations: 630,
  hotlineTickets: 10_000,
  /** 99.99 %: one late ticket in about ten thousand. */
  hotlineLate: 1,
  satisfaction: 0.85,
} as const;

/** Figures the played stories already reach in the period (read from the dashboard's aggregates). */
export interface FiguresSoFar {
  readonly stationServices: number;
  readonly onsiteVisits: number;
  readonly problemsSolved: number;
  readonly jobsFilled: number;
  readonly newRegistrations: number;
  readonly hotlineDue: number;
  readonly hotlineOnTime: number;
  readonly hotlineReached: number;
  readonly hotlineSatisfied: number;
}

export interface DemoStationRef {
  readonly id: string;
  readonly code: 'JR' | 'ZN' | 'CX';
  readonly name: string;
  readonly openedOn: string;
}

/** A request as it stands once closed: its input (checked against the declaration) and what happened to it. */
export interface HistoricRequest {
  readonly input: Record<string, unknown>;
  readonly course: {
    readonly status: 'CLOSED';
    readonly assignedUnit: string | null;
    readonly dispatchedAt: string | null;
    readonly signedAt: string | null;
    readonly clockStartedAt: string;
    readonly dueAt: string;
    readonly dueProvisional: boolean;
    readonly repliedAt: string;
    readonly reply: string;
    readonly handlingWorkingDays: number;
    readonly callback: {
      readonly attempts: number;
      readonly reached: boolean;
      readonly rating: CallbackRating | null;
      readonly resolved: boolean | null;
      readonly note: null;
      readonly at: string;
    } | null;
    readonly closedAt: string;
  };
}

const departments = ['区人社局', '区市场监管局', '区住建局', '区城管局', '区税务局', '区生态环境分局', '园区物业', '区供电服务中心'];
const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '周', '吴', '彭', '谭', '罗', '胡', '曾', '唐', '易', '邓', '肖'];
const addressing = ['先生', '女士'];

const DAY_MS = 86_400_000;

/** Working days of the period from `from` (inclusive) on, to pick receipt days from. */
function workingDays(calendar: WorkingDayCalendar, from: string, to: string): string[] {
  const days: string[] = [];
  for (let time = Date.parse(`${from}T00:00:00Z`); time <= Date.parse(`${to}T00:00:00Z`); time += DAY_MS) {
    const day = new Date(time).toISOString().slice(0, 10);
    if (calendar.isWorkingDay(day)) days.push(day);
  }
  return days;
}

/** `hh:mm` in Shanghai between 08:30 and 17:00, in minutes after 08:30. */
function clock(random: () => number): string {
  const minutes = 8 * 60 + 30 + integerBetween(random, 0, 510);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const at = (day: string, time: string): string => shanghaiTime(day, time).toISOString();
const later = (instant: string, hours: number): string => new Date(Date.parse(instant) + hours * 3_600_000).toISOString();

/** Spreads `total` over `count` parts as evenly as whole numbers allow. */
function spread(total: number, count: number, index: number): number {
  return Math.floor(total / count) + (index < total % count ? 1 : 0);
}

/**
 * The stations' services and on-site visits to add: closed the day they came in, with outcomes
 * so that the period's problems solved and jobs filled reach the article's figures.
 */
export function historicStationRequests(stations: readonly DemoStationRef[], soFar: FiguresSoFar, rules: HistoryRules): HistoricRequest[] {
  const { calendar } = rules;
  const random = seededRandom('history:stations');
  const services = Math.max(0, articleFigures.stationServices - soFar.stationServices);
  const visits = Math.max(0, articleFigures.onsiteVisits - soFar.onsiteVisits);
  const solved = Math.max(0, articleFigures.problemsSolved - soFar.problemsSolved);
  const jobs = Math.max(0, articleFigures.jobsFilled - soFar.jobsFilled);
  const days = workingDays(calendar, ARTICLE_PERIOD.from, ARTICLE_PERIOD.to);
  const plan = [...Array.from({ length: services }, () => 'STATION' as const), ...Array.from({ length: visits }, () => 'ONSITE' as const)];
  /** Every fourth request is about hiring; the jobs filled are spread over those. */
  const employmentCount = Math.ceil(plan.length / 4);
  return plan.map((channel, index) => {
    const topics = channel === 'STATION' ? stationTopics : visitTopics;
    const employing = index % 4 === 0;
    const topic: Topic = employing ? (topics.find((candidate) => candidate.category === 'EMPLOYMENT') ?? topics[0]!) : pick(random, topics);
    const day = days[Math.floor((index / plan.length) * days.length)]!;
    const open = stations.filter((station) => station.openedOn <= day);
    const station = open[index % open.length]!;
    const receivedAt = at(day, clock(random));
    const repliedAt = later(receivedAt, channel === 'STATION' ? 2 : 5);
    const callbackAt = later(repliedAt, 24);
    const jobsFilled = employing ? spread(jobs, employmentCount, index / 4) : 0;
    const person = `${pick(random, surnames)}${pick(random, addressing)}`;
    const input = {
      channel,
      category: topic.category,
      appealType: topic.appealType,
      title: topic.title,
      description: topic.description,
      stationId: station.id,
      enterpriseId: null,
      requester: { name: person, phone: mobilePhone(random), anonymous: false },
      receivedAt,
      externalNumber: null,
      visit: channel === 'ONSITE' ? { visitors: `${station.name}服务专班`, visitedAt: receivedAt } : null,
      outcome: { issueResolved: index < solved, jobsFilled, financingAmount: topic.outcome?.financingAmount ?? 0 },
    };
    return {
      input,
      course: {
        status: 'CLOSED',
        assignedUnit: null,
        dispatchedAt: null,
        signedAt: null,
        clockStartedAt: receivedAt,
        ...due(receivedAt, channel, topic.category, rules),
        repliedAt,
        reply: topic.reply,
        handlingWorkingDays: calendar.workingDaysBetween(shanghaiDay(receivedAt), shanghaiDay(repliedAt)).days,
        callback: { attempts: 1, reached: true, rating: 'VERY_SATISFIED', resolved: true, note: null, at: callbackAt },
        closedAt: later(callbackAt, 1),
      },
    };
  });
}

/** The rules a history is made with: the calendar and service levels in force. */
export interface HistoryRules {
  readonly calendar: WorkingDayCalendar;
  readonly levels: ServiceLevels;
}

function due(clockStartedAt: string, channel: string, category: string, { calendar, levels }: HistoryRules): { dueAt: string; dueProvisional: boolean } {
  const { dueAt, provisional } = deadline(clockStartedAt, dueWorkingDays(channel as never, category as never, levels), calendar);
  return { dueAt, dueProvisional: provisional };
}

/**
 * 12345 hotline tickets over the period: dispatched to a department or a station, signed,
 * replied within their deadline but one, called back (reached unless anonymous), 85 % satisfied.
 * `count` other than the article's makes a data set of that size for the benchmark.
 */
export function historicHotlineTickets(
  stations: readonly DemoStationRef[],
  soFar: FiguresSoFar,
  rules: HistoryRules,
  count: number = articleFigures.hotlineTickets,
): HistoricRequest[] {
  const { calendar } = rules;
  const random = seededRandom('history:hotline');
  const late = Math.max(0, articleFigures.hotlineLate - (soFar.hotlineDue - soFar.hotlineOnTime));
  const anonymous = new Set(Array.from({ length: Math.round(count * 0.04) }, (_, index) => index * 25 + 3));
  const reached = count - anonymous.size;
  const satisfied = Math.round(articleFigures.satisfaction * (soFar.hotlineReached + reached)) - soFar.hotlineSatisfied;
  const unsatisfied = reached - satisfied;
  // Leave time for the last replies and callbacks before the article's date.
  const days = workingDays(calendar, ARTICLE_PERIOD.from, '2023-10-20');
  const phones = new Set<string>();
  let reachedSoFar = 0;
  return Array.from({ length: count }, (_, index) => {
    const topic = pick(random, hotlineTopics);
    const day = days[Math.floor((index / count) * days.length)]!;
    const receivedAt = at(day, clock(random));
    const open = stations.filter((station) => station.openedOn <= day);
    const station = random() < 0.4 && open.length > 0 ? pick(random, open) : null;
    const dispatchedAt = later(receivedAt, 1);
    const signedAt = later(dispatchedAt, 2);
    const { dueAt, dueProvisional } = due(signedAt, 'HOTLINE', topic.category, rules);
    const handling = index === Math.floor(count / 2) && late > 0 ? -1 : integerBetween(random, 0, 3);
    const replyDay =
      handling < 0 ? calendar.addWorkingDays(shanghaiDay(dueAt), 2).date : calendar.addWorkingDays(shanghaiDay(signedAt), handling).date;
    const repliedAt = [at(replyDay, '16:30'), later(signedAt, 1)].sort().at(-1)!;
    const isAnonymous = anonymous.has(index);
    let phone = mobilePhone(random);
    while (phones.has(phone)) phone = mobilePhone(random);
    phones.add(phone);
    let rating: CallbackRating | null = null;
    if (!isAnonymous) {
      // The dissatisfied spread evenly over the period: the k-th reached ticket is one when ⌊(k+1)·d/n⌋ steps up.
      const dissatisfied = Math.floor(((reachedSoFar + 1) * unsatisfied) / reached) > Math.floor((reachedSoFar * unsatisfied) / reached);
      rating = dissatisfied ? 'DISSATISFIED' : pick(random, ['VERY_SATISFIED', 'SATISFIED', 'SATISFIED', 'BASIC'] as const);
      reachedSoFar += 1;
    }
    const callbackAt = later(repliedAt, 20);
    return {
      input: {
        channel: 'HOTLINE',
        category: topic.category,
        appealType: topic.appealType,
        title: topic.title,
        description: topic.description,
        stationId: station?.id ?? null,
        enterpriseId: null,
        requester: { name: `${pick(random, surnames)}${pick(random, addressing)}`, phone, anonymous: isAnonymous },
        receivedAt,
        externalNumber: `XT12345-${day.replaceAll('-', '')}-${String(index).padStart(5, '0')}`,
        visit: null,
        // Outcomes (problems solved, jobs filled) are the stations' figures; a hotline reply records none.
        outcome: null,
      },
      course: {
        status: 'CLOSED',
        assignedUnit: station ? station.name : pick(random, departments),
        dispatchedAt,
        signedAt,
        clockStartedAt: signedAt,
        dueAt,
        dueProvisional,
        repliedAt,
        reply: topic.reply,
        handlingWorkingDays: calendar.workingDaysBetween(shanghaiDay(signedAt), shanghaiDay(repliedAt)).days,
        // Dissatisfied but resolved closes (it counts as dissatisfied); anonymous requesters are not called back.
        callback: isAnonymous ? null : { attempts: 1, reached: true, rating, resolved: true, note: null, at: callbackAt },
        closedAt: later(isAnonymous ? repliedAt : callbackAt, 1),
      },
    };
  });
}

const brandCharacters = [...'安宝博昌诚达鼎丰福富光广国海瀚浩和恒弘鸿华汇佳嘉金锦景俊凯康乐联龙茂美铭南宁鹏平启乾融瑞睿森尚盛胜实泰腾天通万伟祥鑫信兴旭亚耀益毅永宇源远悦泽展兆正志智中卓'];

/** Enterprises newly registered through the stations, enough to reach the article's 630 with the directory's. */
export function historicRegistrations(soFar: FiguresSoFar, taken: ReadonlySet<string>): DemoEnterprise[] {
  const random = seededRandom('history:registrations');
  const wanted = Math.max(0, articleFigures.newRegistrations - soFar.newRegistrations);
  const names = new Set(taken);
  const codes = new Set<string>();
  const enterprises: DemoEnterprise[] = [];
  while (enterprises.length < wanted) {
    const brand = `${pick(random, brandCharacters)}${pick(random, brandCharacters)}`;
    const station = pick(random, ['JR', 'JR', 'JR', 'ZN', 'ZN', 'CX'] as const);
    const enterprise = generateEnterprise({ brand, industry: pick(random, demoIndustries), station, viaStation: true });
    const creditCode = creditCodeFor(enterprise.name, enterprise.establishedOn);
    if (names.has(enterprise.name) || codes.has(creditCode)) continue;
    names.add(enterprise.name);
    codes.add(creditCode);
    enterprises.push({ creditCode, ...enterprise });
  }
  return enterprises;
}
