import {
  addTotals,
  enterpriseEntity,
  hotlineFigures,
  NO_STATION,
  parseCreate,
  type RecordMeta,
  serviceRequestEntity,
  shanghaiDay,
  shanghaiTime,
  stationFigures,
  systemDefaults,
} from '@yizhan/shared';
import type { Application } from '../app';
import { newId } from '../common/ids';
import { valid } from '../common/record-service';
import type { EnterpriseRecord } from '../enterprises/enterprise.service';
import { RequestScope } from '../request-scope';
import type { ServiceRequestRecord } from '../service-requests/service-request.model';
import { createServices } from '../services';
import { demoEnterprises } from './demo-data';
import {
  ARTICLE_PERIOD,
  type DemoStationRef,
  type FiguresSoFar,
  type HistoricRequest,
  historicHotlineTickets,
  historicRegistrations,
  historicStationRequests,
} from './demo-history';
import { SEED_VIEWER } from './seed-viewer';

/** What the history added. */
export interface HistoryResult {
  readonly enterprises: number;
  readonly serviceRequests: number;
}

/**
 * Tops the played demo stories up to the article's figures with their history (`demo-history.ts`):
 * reads what the stories reach in the article's period from the dashboard's aggregates, makes
 * the missing records with the declarations' checks and the deadlines' rules, and loads them in
 * bulk, with their share of the counters and the dashboard's aggregates.
 */
export async function seedHistory(application: Application, stationIds: ReadonlyMap<string, string>, today: Date): Promise<HistoryResult> {
  const soFar = await figuresSoFar(application, [...stationIds.values()]);
  const { stations, rules } = await historyContext(application, stationIds, today);
  const requests = [...historicStationRequests(stations, soFar, rules), ...historicHotlineTickets(stations, soFar, rules)];
  const serviceRequests = await loadRequests(application, requests, today);

  const registrations = historicRegistrations(soFar, new Set(demoEnterprises.map((enterprise) => enterprise.name)));
  const enterprises = await loadEnterprises(
    application,
    registrations.map(({ stationCode, ...input }) => ({ ...input, stationId: stationIds.get(stationCode) })),
    today,
  );
  return { enterprises, serviceRequests };
}

/**
 * Loads enterprises in bulk from create inputs, checked as a create checks them, each created
 * on its day of establishment: the history's registrations and the benchmark's data sets.
 */
export async function loadEnterprises(application: Application, inputs: readonly Record<string, unknown>[], today: Date): Promise<number> {
  const enterprises = inputs.map((input) => {
    const createdAt = shanghaiTime(String(input.establishedOn), '10:00').toISOString();
    const values = valid(parseCreate(enterpriseEntity, input, today));
    return { id: newId(Date.parse(createdAt)), version: 1, createdAt, updatedAt: createdAt, ...systemDefaults(enterpriseEntity), ...values, status: enterpriseEntity.lifecycle.machine.initial } as unknown as EnterpriseRecord;
  });
  await application.stores.enterprises.bulkLoad(enterprises);
  return enterprises.length;
}

/**
 * Loads `count` closed hotline tickets of the history's kind, without 12345 numbers: the data
 * sets of the benchmark (`npm run bench`).
 */
export async function loadHotlineTickets(application: Application, stationIds: ReadonlyMap<string, string>, count: number, today: Date): Promise<number> {
  const { stations, rules } = await historyContext(application, stationIds, today);
  const none: FiguresSoFar = { stationServices: 0, onsiteVisits: 0, problemsSolved: 0, jobsFilled: 0, newRegistrations: 0, hotlineDue: 0, hotlineOnTime: 0, hotlineReached: 0, hotlineSatisfied: 0 };
  const tickets = historicHotlineTickets(stations, none, rules, count).map((ticket) => ({ ...ticket, input: { ...ticket.input, externalNumber: null } }));
  return loadRequests(application, tickets, today);
}

/** The stations as the history needs them, and the calendar and service levels in force. */
async function historyContext(application: Application, stationIds: ReadonlyMap<string, string>, today: Date) {
  const services = createServices(application.stores, application.cursors, new RequestScope(SEED_VIEWER, 'seed-history', () => today), application.config);
  const stations: DemoStationRef[] = [];
  for (const id of stationIds.values()) {
    const station = await services.stations.get(id);
    stations.push({ id, code: station.code as DemoStationRef['code'], name: station.name, openedOn: station.openedOn });
  }
  return { stations, rules: { calendar: await services.calendar.calendar(), levels: application.config.serviceLevels } };
}

/** Numbers requests in the order they came in and loads them in bulk. */
async function loadRequests(application: Application, requests: readonly HistoricRequest[], today: Date): Promise<number> {
  const inOrder = [...requests].sort((a, b) => String(a.input.receivedAt).localeCompare(String(b.input.receivedAt)));
  const records = await numbered(application, inOrder.map((request) => requestRecord(request, today)));
  await application.stores.serviceRequests.bulkLoad(records);
  return records.length;
}

/** The stations' and hotline figures the records so far reach in the article's period. */
async function figuresSoFar(application: Application, stationIds: readonly string[]): Promise<FiguresSoFar> {
  const months = await application.stores.aggregates.monthly([...stationIds, NO_STATION], ARTICLE_PERIOD.from, ARTICLE_PERIOD.to);
  const totals: Record<string, number> = {};
  for (const sums of months.values()) addTotals(totals, sums);
  const stations = stationFigures(totals);
  const hotline = hotlineFigures(totals);
  return {
    stationServices: stations.byChannel.find((count) => count.channel === 'STATION')?.count ?? 0,
    onsiteVisits: stations.onsiteVisits,
    problemsSolved: stations.problemsSolved,
    jobsFilled: stations.jobsFilled,
    newRegistrations: stations.newRegistrations,
    hotlineDue: hotline.onTimeRate.denominator,
    hotlineOnTime: hotline.onTimeRate.numerator,
    hotlineReached: hotline.callbackRate.numerator,
    hotlineSatisfied: hotline.satisfactionRate.numerator,
  };
}

/** A closed request as stored: its input checked against the declaration, then what happened to it. */
function requestRecord({ input, course }: HistoricRequest, today: Date): Omit<ServiceRequestRecord, 'number'> {
  const values = valid(parseCreate(serviceRequestEntity, input, today));
  const receivedAt = String(input.receivedAt);
  return {
    id: newId(Date.parse(receivedAt)),
    version: 1,
    createdAt: receivedAt,
    updatedAt: course.closedAt,
    ...systemDefaults(serviceRequestEntity),
    ...values,
    ...course,
  } as unknown as Omit<ServiceRequestRecord, 'number'>;
}

/** Numbers the records of each year after those already taken, in the order they came in. */
async function numbered(application: Application, records: readonly Omit<ServiceRequestRecord, 'number'>[]): Promise<ServiceRequestRecord[]> {
  const store = application.stores.serviceRequests;
  const yearOf = (record: Omit<ServiceRequestRecord, 'number'>) => shanghaiDay(record.receivedAt ?? record.createdAt).slice(0, 4);
  const next = new Map<string, number>();
  for (const year of new Set(records.map(yearOf))) {
    next.set(year, await store.reserveNumbers(year, records.filter((record) => yearOf(record) === year).length));
  }
  return records.map((record) => {
    const year = yearOf(record);
    const ordinal = next.get(year)!;
    next.set(year, ordinal + 1);
    return { ...record, number: store.numberOf(year, ordinal) } as ServiceRequestRecord & RecordMeta;
  });
}
