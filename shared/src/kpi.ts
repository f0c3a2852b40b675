import { shanghaiDay } from './calendar';
import { AcceptanceMode, ApprovalStage, CallbackRating, ServiceCategory, ServiceChannel } from './enums';

/*
 * The dashboard's KPIs (docs/dashboard.md). A record adds numbers — metrics — to the figures of
 * one station and one day; the API keeps their sums in aggregate items, written in the same
 * transaction as the record, and the dashboard turns the sums of a period into figures with the
 * formulas below. What a record adds depends on the record alone (no clock, no calendar), so a
 * rebuild from the records gives the same sums as the writes did.
 */

/** The scope of records that belong to no station (hotline tickets handled by departments, say). */
export const NO_STATION = '-';

/** A number a record adds to one metric of one station (or `NO_STATION`) on one day (Asia/Shanghai). */
export interface MetricContribution {
  readonly scope: string;
  readonly day: string;
  readonly metric: string;
  readonly value: number;
}

/** Sums of metrics, by metric name; a missing metric is 0. */
export type MetricTotals = Readonly<Record<string, number>>;

/**
 * Metric names. Per-value metrics (`byChannel(…)`) are counted for each enum value, so the
 * monthly series of any category or channel is a sum like any other.
 */
export const Metric = {
  /** Requests received (not invalidated), on the day received. */
  received: 'req',
  byChannel: (channel: string) => `req.ch.${channel}`,
  byCategory: (category: string) => `req.cat.${category}`,
  /** On-site visits made, on the day of the visit. */
  visits: 'visits',
  /** Outcomes, on the day replied (or received, for outcomes recorded at once). */
  problemsSolved: 'solved',
  jobsFilled: 'jobs',
  financingAmount: 'financing',
  /** Enterprises newly registered through a station, on their establishment day. */
  newRegistrations: 'registrations',
  /** Hotline tickets that repeat an earlier one, on the day received. */
  hotlineRepeats: 'hl.repeat',
  /** Hotline tickets due, and of those replied by their deadline, on the day due. */
  hotlineDue: 'hl.due',
  hotlineOnTime: 'hl.onTime',
  /** Hotline tickets replied, on the day replied: all, those that may be called back, reached, satisfied (≥ BASIC), strictly (≥ SATISFIED). */
  hotlineReplied: 'hl.replied',
  hotlineCallable: 'hl.callable',
  hotlineReached: 'hl.reached',
  hotlineSatisfied: 'hl.satisfied',
  hotlineSatisfiedStrict: 'hl.satisfiedStrict',
  /** Σ working days from the clock's start to the reply, of hotline tickets replied. */
  hotlineHandlingDays: 'hl.handlingDays',
  /** Approvals accepted, on the day accepted, in all and by stage and acceptance mode. */
  accepted: 'ap.accepted',
  acceptedByStage: (stage: string) => `ap.stage.${stage}`,
  acceptedByMode: (mode: string) => `ap.mode.${mode}`,
  /** Approvals decided, on the day decided: count, decided by their due date, Σ working days taken, Σ statutory working days. */
  decided: 'ap.decided',
  decidedOnTime: 'ap.onTime',
  decidedWorkingDays: 'ap.workingDays',
  decidedStatutoryDays: 'ap.statutoryDays',
  /** Joint completion acceptances decided: count, passed first time, Σ working days taken, Σ promised working days. */
  jointDecided: 'ja.decided',
  jointFirstPass: 'ja.firstPass',
  jointWorkingDays: 'ja.workingDays',
  jointPromisedDays: 'ja.promisedDays',
  /** 拿地即开工 projects, on the day recorded. */
  landFirstProjects: 'pj.landFirst',
} as const;

/** Callback ratings from best to worst. */
const ratings: readonly string[] = Object.values(CallbackRating);

/** BASIC and better count as satisfied (the 12345 platform's rate); SATISFIED and better strictly. */
export function isSatisfied(rating: string | null | undefined, strict = false): boolean {
  if (!rating) return false;
  return ratings.indexOf(rating) <= ratings.indexOf(strict ? CallbackRating.SATISFIED : CallbackRating.BASIC);
}

type Values = Readonly<Record<string, unknown>>;

const text = (record: Values, field: string): string | null => (typeof record[field] === 'string' ? (record[field] as string) : null);
const number = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const object = (value: unknown): Values | null => (value !== null && typeof value === 'object' ? (value as Values) : null);

/** Collects one record's contributions in its station's scope. */
class Contributions {
  readonly list: MetricContribution[] = [];
  constructor(private readonly scope: string) {}

  /** Adds `value` to `metric` on the Shanghai day of `instantOrDate`; zero adds nothing. */
  add(instantOrDate: string | null, metric: string, value = 1): this {
    if (instantOrDate && value !== 0) {
      const day = instantOrDate.length === 10 ? instantOrDate : shanghaiDay(instantOrDate);
      this.list.push({ scope: this.scope, day, metric, value });
    }
    return this;
  }
}

const scopeOf = (record: Values): string => text(record, 'stationId') ?? NO_STATION;

function serviceRequestMetrics(request: Values): readonly MetricContribution[] {
  if (request.status === 'INVALID') return [];
  const into = new Contributions(scopeOf(request));
  const receivedAt = text(request, 'receivedAt');
  // A reopened request's earlier reply does not answer the round its clock now runs for.
  const lastReply = text(request, 'repliedAt');
  const clockStartedAt = text(request, 'clockStartedAt');
  const repliedAt = lastReply && (!clockStartedAt || lastReply >= clockStartedAt) ? lastReply : null;
  into.add(receivedAt, Metric.received).add(receivedAt, Metric.byChannel(String(request.channel))).add(receivedAt, Metric.byCategory(String(request.category)));
  const visitedAt = request.channel === ServiceChannel.ONSITE ? text(object(request.visit) ?? {}, 'visitedAt') : null;
  into.add(visitedAt, Metric.visits);
  const outcome = object(request.outcome);
  if (outcome) {
    const day = repliedAt ?? receivedAt;
    into
      .add(day, Metric.problemsSolved, outcome.issueResolved === true ? 1 : 0)
      .add(day, Metric.jobsFilled, number(outcome.jobsFilled))
      .add(day, Metric.financingAmount, number(outcome.financingAmount));
  }
  if (request.channel !== ServiceChannel.HOTLINE) return into.list;
  into.add(receivedAt, Metric.hotlineRepeats, request.repeatOfId ? 1 : 0);
  const dueAt = text(request, 'dueAt');
  into.add(dueAt, Metric.hotlineDue).add(dueAt, Metric.hotlineOnTime, repliedAt && dueAt && repliedAt <= dueAt ? 1 : 0);
  if (repliedAt) {
    const requester = object(request.requester) ?? {};
    const callback = object(request.callback);
    const callable = Boolean(requester.phone) && requester.anonymous !== true;
    const reached = callable && callback?.reached === true;
    const rating = reached ? text(callback ?? {}, 'rating') : null;
    into
      .add(repliedAt, Metric.hotlineReplied)
      .add(repliedAt, Metric.hotlineCallable, callable ? 1 : 0)
      .add(repliedAt, Metric.hotlineReached, reached ? 1 : 0)
      .add(repliedAt, Metric.hotlineSatisfied, isSatisfied(rating) ? 1 : 0)
      .add(repliedAt, Metric.hotlineSatisfiedStrict, isSatisfied(rating, true) ? 1 : 0)
      .add(repliedAt, Metric.hotlineHandlingDays, number(request.handlingWorkingDays));
  }
  return into.list;
}

function approvalMetrics(approval: Values): readonly MetricContribution[] {
  const into = new Contributions(scopeOf(approval));
  const acceptedAt = text(approval, 'acceptedAt');
  into
    .add(acceptedAt, Metric.accepted)
    .add(acceptedAt, Metric.acceptedByStage(String(approval.stage)))
    .add(acceptedAt, Metric.acceptedByMode(String(approval.acceptanceMode)));
  const decidedAt = text(approval, 'decidedAt');
  if (!decidedAt || !acceptedAt) return into.list;
  const dueOn = text(approval, 'dueOn');
  const days = number(approval.elapsedWorkingDays);
  into
    .add(decidedAt, Metric.decided)
    .add(decidedAt, Metric.decidedOnTime, dueOn && shanghaiDay(decidedAt) <= dueOn ? 1 : 0)
    .add(decidedAt, Metric.decidedWorkingDays, days)
    .add(decidedAt, Metric.decidedStatutoryDays, number(approval.statutoryWorkingDays));
  if (approval.stage === ApprovalStage.COMPLETION_ACCEPTANCE) {
    into
      .add(decidedAt, Metric.jointDecided)
      .add(decidedAt, Metric.jointFirstPass, approval.firstPass === true ? 1 : 0)
      .add(decidedAt, Metric.jointWorkingDays, days)
      .add(decidedAt, Metric.jointPromisedDays, number(approval.promisedWorkingDays));
  }
  return into.list;
}

function enterpriseMetrics(enterprise: Values): readonly MetricContribution[] {
  const registered = enterprise.registeredViaStation === true ? text(enterprise, 'establishedOn') : null;
  return new Contributions(scopeOf(enterprise)).add(registered, Metric.newRegistrations).list;
}

function projectMetrics(project: Values): readonly MetricContribution[] {
  const recorded = project.startUponLandAcquisition === true ? text(project, 'createdAt') : null;
  return new Contributions(scopeOf(project)).add(recorded, Metric.landFirstProjects).list;
}

/** What each entity type adds to the dashboard, by entity name; types not listed add nothing. */
export const metricsOf: Readonly<Record<string, (record: Values) => readonly MetricContribution[]>> = {
  ServiceRequest: serviceRequestMetrics,
  Approval: approvalMetrics,
  Enterprise: enterpriseMetrics,
  Project: projectMetrics,
};

/** A rate with what it is made of; `value` is null when there is nothing to divide by. */
export interface Rate {
  readonly value: number | null;
  readonly numerator: number;
  readonly denominator: number;
}

/** An average with its sum and count; `value` is null over nothing. */
export interface Average {
  readonly value: number | null;
  readonly sum: number;
  readonly count: number;
}

/** How much faster than a reference (statutory or promised time): 1 − actual / reference. */
export interface SpeedUp {
  readonly value: number | null;
  readonly actualWorkingDays: number;
  readonly referenceWorkingDays: number;
}

/** Sums read back may carry binary residue (0.1 + 0.2): figures keep 6 decimal places, as stored. */
const exact = (value: number): number => Math.round(value * 1e6) / 1e6;

export function rate(numerator: number, denominator: number): Rate {
  return { value: denominator > 0 ? numerator / denominator : null, numerator: exact(numerator), denominator: exact(denominator) };
}

export function average(sum: number, count: number): Average {
  return { value: count > 0 ? sum / count : null, sum: exact(sum), count: exact(count) };
}

export function speedUp(actual: number, reference: number): SpeedUp {
  return { value: reference > 0 ? 1 - actual / reference : null, actualWorkingDays: exact(actual), referenceWorkingDays: exact(reference) };
}

const at = (totals: MetricTotals, metric: string): number => exact(totals[metric] ?? 0);

/** A count per enum value, in the enum's order, zeros included. */
function countsBy<K extends string>(totals: MetricTotals, values: readonly string[], metric: (value: string) => string, key: K) {
  return values.map((value) => ({ [key]: value, count: at(totals, metric(value)) }) as { [P in K]: string } & { count: number });
}

/** Station figures (design: requests, visits, problems solved, jobs filled, financing, new registrations). */
export function stationFigures(totals: MetricTotals) {
  return {
    requestsReceived: at(totals, Metric.received),
    byChannel: countsBy(totals, Object.values(ServiceChannel), Metric.byChannel, 'channel'),
    byCategory: countsBy(totals, Object.values(ServiceCategory), Metric.byCategory, 'category'),
    onsiteVisits: at(totals, Metric.visits),
    problemsSolved: at(totals, Metric.problemsSolved),
    jobsFilled: at(totals, Metric.jobsFilled),
    financingAmount: at(totals, Metric.financingAmount),
    newRegistrations: at(totals, Metric.newRegistrations),
  };
}

/** Approval figures: accepted by stage and mode (容缺 = TOLERANT), decisions, joint acceptances. */
export function approvalFigures(totals: MetricTotals) {
  const jointDecided = at(totals, Metric.jointDecided);
  return {
    accepted: at(totals, Metric.accepted),
    byStage: countsBy(totals, Object.values(ApprovalStage), Metric.acceptedByStage, 'stage'),
    byMode: countsBy(totals, Object.values(AcceptanceMode), Metric.acceptedByMode, 'mode'),
    tolerantAccepted: at(totals, Metric.acceptedByMode(AcceptanceMode.TOLERANT)),
    landFirstProjects: at(totals, Metric.landFirstProjects),
    decided: at(totals, Metric.decided),
    averageWorkingDays: average(at(totals, Metric.decidedWorkingDays), at(totals, Metric.decided)),
    onTimeRate: rate(at(totals, Metric.decidedOnTime), at(totals, Metric.decided)),
    speedUpVsStatutory: speedUp(at(totals, Metric.decidedWorkingDays), at(totals, Metric.decidedStatutoryDays)),
    jointAcceptance: {
      decided: jointDecided,
      firstPassRate: rate(at(totals, Metric.jointFirstPass), jointDecided),
      averageWorkingDays: average(at(totals, Metric.jointWorkingDays), jointDecided),
      speedUpVsPromised: speedUp(at(totals, Metric.jointWorkingDays), at(totals, Metric.jointPromisedDays)),
    },
  };
}

/** 12345 hotline figures: on-time completion, callback, satisfaction (and strict), repeats, handling time. */
export function hotlineFigures(totals: MetricTotals) {
  const received = at(totals, Metric.byChannel(ServiceChannel.HOTLINE));
  const reached = at(totals, Metric.hotlineReached);
  return {
    received,
    onTimeRate: rate(at(totals, Metric.hotlineOnTime), at(totals, Metric.hotlineDue)),
    callbackRate: rate(reached, at(totals, Metric.hotlineCallable)),
    satisfactionRate: rate(at(totals, Metric.hotlineSatisfied), reached),
    strictSatisfactionRate: rate(at(totals, Metric.hotlineSatisfiedStrict), reached),
    repeatRate: rate(at(totals, Metric.hotlineRepeats), received),
    averageHandlingWorkingDays: average(at(totals, Metric.hotlineHandlingDays), at(totals, Metric.hotlineReplied)),
  };
}

/** Adds `totals` into `into`. */
export function addTotals(into: Record<string, number>, totals: MetricTotals): void {
  for (const [metric, value] of Object.entries(totals)) into[metric] = (into[metric] ?? 0) + value;
}

/** A figure of the dashboard by its path in `Dashboard` (`hotline.onTimeRate`), with its label. */
export const dashboardFigureLabels = {
  stations: {
    requestsReceived: { 'zh-CN': '受理服务事项', en: 'Requests received' },
    onsiteVisits: { 'zh-CN': '上门服务', en: 'On-site visits' },
    problemsSolved: { 'zh-CN': '解决问题', en: 'Problems solved' },
    jobsFilled: { 'zh-CN': '解决用工（人）', en: 'Jobs filled' },
    financingAmount: { 'zh-CN': '融资金额（万元）', en: 'Financing (10,000 yuan)' },
    newRegistrations: { 'zh-CN': '驿站新办经营主体', en: 'New registrations via stations' },
  },
  approvals: {
    accepted: { 'zh-CN': '受理审批事项', en: 'Approvals accepted' },
    tolerantAccepted: { 'zh-CN': '容缺受理', en: 'Tolerant acceptances (容缺)' },
    landFirstProjects: { 'zh-CN': '拿地即开工项目', en: 'Start-upon-land projects' },
    decided: { 'zh-CN': '办结审批事项', en: 'Approvals decided' },
    averageWorkingDays: { 'zh-CN': '平均办理（工作日）', en: 'Average working days' },
    onTimeRate: { 'zh-CN': '按承诺时限办结率', en: 'Decided on time' },
    speedUpVsStatutory: { 'zh-CN': '较法定时限提速', en: 'Faster than statutory' },
    'jointAcceptance.decided': { 'zh-CN': '联合验收', en: 'Joint acceptances' },
    'jointAcceptance.firstPassRate': { 'zh-CN': '联合验收一次通过率', en: 'Joint acceptance first pass' },
    'jointAcceptance.averageWorkingDays': { 'zh-CN': '联合验收平均用时（工作日）', en: 'Joint acceptance average working days' },
    'jointAcceptance.speedUpVsPromised': { 'zh-CN': '联合验收较承诺时限提速', en: 'Joint acceptance faster than promised' },
  },
  hotline: {
    received: { 'zh-CN': '12345 工单', en: '12345 tickets received' },
    onTimeRate: { 'zh-CN': '按时办结率', en: 'Completed on time' },
    callbackRate: { 'zh-CN': '回访率', en: 'Called back' },
    satisfactionRate: { 'zh-CN': '满意率', en: 'Satisfied' },
    strictSatisfactionRate: { 'zh-CN': '满意率（满意及以上）', en: 'Satisfied (strict)' },
    repeatRate: { 'zh-CN': '重复诉求率', en: 'Repeat rate' },
    averageHandlingWorkingDays: { 'zh-CN': '平均办理（工作日）', en: 'Average handling working days' },
  },
} as const;

/** The dashboard's parts and their titles. */
export const dashboardPartLabels = {
  stations: { 'zh-CN': '政务服务驿站', en: 'Service stations' },
  approvals: { 'zh-CN': '工程建设项目审批', en: 'Project approvals' },
  hotline: { 'zh-CN': '12345 热线', en: '12345 hotline' },
} as const;
