import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureTable } from '../../api/src/local/create-table';
import { localDynamoDbClientConfig } from '../../api/src/local/dynamodb-local';
import { seedDemoData } from '../../api/src/local/seed';
import { loadEnterprises, loadHotlineTickets } from '../../api/src/local/seed-history';
import { type LocalServer, startLocalServer } from '../../api/src/local/server';
import { enterpriseInput } from '../support/fixtures';
import { requestInput } from '../support/service-requests';
import { signIn } from '../support/sign-in';
import { interleaved, median, medianLatency, round, timeOnce } from './measure';

type Size = 'small' | 'large';

interface DataSet {
  readonly server: LocalServer;
  readonly graphql: (query: string, variables?: Record<string, unknown>) => Promise<Record<string, unknown>>;
  readonly stationId: string;
  readonly loadMs: number;
}

/**
 * Requests still open, and overdue, in either data set: a park's backlog is its current work, the
 * same whether its history holds 1,000 tickets or 100,000.
 */
const OPEN_BACKLOG = Number(process.env.BENCH_BACKLOG ?? 50);

const REQUESTS = `query Requests($filter: ServiceRequestFilter) {
  serviceRequests(first: 25, filter: $filter) { totalCount nodes { id number status dueAt station { code } } pageInfo { hasNextPage endCursor } }
}`;
const ENTERPRISES = `query Enterprises($filter: EnterpriseFilter) {
  enterprises(first: 25, filter: $filter) { totalCount nodes { id name tags station { code } } pageInfo { hasNextPage endCursor } }
}`;
const YEAR_DASHBOARD = `{ dashboard(from: "2023-01-01", to: "2023-12-31") {
  stations { requestsReceived monthly { month requestsReceived } }
  approvals { decided }
  hotline { received onTimeRate { value } satisfactionRate { value } monthly { month onTimeRate { value } } } } }`;

/**
 * A data set of `count` closed hotline tickets (loaded in bulk, as the demo history is) and the
 * same open, overdue backlog, and `count` enterprises (a fifth of them high-tech), next to the
 * demo directory.
 */
async function dataSet(endpoint: string, size: Size, count: number): Promise<DataSet> {
  const tableName = `bench-scale-${size}`;
  const dynamodb = new DynamoDBClient(localDynamoDbClientConfig(endpoint));
  await ensureTable(dynamodb, tableName);
  dynamodb.destroy();
  const server = await startLocalServer({ port: 0, tableName, dynamodbEndpoint: endpoint, environment: { LOG_LEVEL: 'CRITICAL' } });
  await seedDemoData(server.application, { serviceRequests: false, projects: false });
  const accessToken = await signIn(server.url, 'admin');
  const graphql = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!;
  };
  const stations = (await server.application.stores.stations.page({ conditions: [], order: 'CODE', ascending: true }, 100, undefined)).records;
  const stationIds = new Map(stations.map((station) => [station.code, station.id]));
  const loadMs = await timeOnce(async () => {
    await loadHotlineTickets(server.application, stationIds, count, new Date());
    const inputs = Array.from({ length: count }, (_, index) =>
      enterpriseInput(stations[index % stations.length]!.id, { tags: index % 5 === 0 ? ['HIGH_TECH'] : ['ABOVE_SCALE'], establishedOn: '2021-03-01' }),
    );
    await loadEnterprises(server.application, inputs, new Date());
    const received = new Date(Date.now() - 60 * 86_400_000).toISOString();
    const open = Array.from({ length: OPEN_BACKLOG }, () => requestInput({ channel: 'STATION', stationId: stations[0]!.id, receivedAt: received }));
    for (let offset = 0; offset < open.length; offset += 10) {
      await Promise.all(open.slice(offset, offset + 10).map((input) => graphql('mutation($input: CreateServiceRequestInput!) { createServiceRequest(input: $input) { id } }', { input })));
    }
  });
  return { server, graphql, stationId: stations[0]!.id, loadMs };
}

/**
 * Latency of the lists and of a one-year dashboard on a table of `large` records against one of
 * `small`, on the same DynamoDB Local, in interleaved rounds: costs must follow the page and the
 * months, not the table.
 */
export async function scale(endpoint: string, sizes: Record<Size, number>, rounds: number): Promise<Record<string, number>> {
  // A round here is five requests of 10–60 ms, so three times the rounds cost seconds. With five,
  // the dashboard's ratio on the same code came out anywhere from 0.98 to 1.45: the first rounds
  // after loading 100,000 records run twice as slow, whichever table they read.
  const latencyRounds = Math.max(rounds, 1) * 3;
  const sets = {} as Record<Size, DataSet>;
  try {
    for (const size of ['small', 'large'] as const) sets[size] = await dataSet(endpoint, size, sizes[size]);
    const lists: Record<string, (set: DataSet) => Promise<unknown>> = {
      unfiltered: (set) => set.graphql(REQUESTS),
      station: (set) => set.graphql(REQUESTS, { filter: { stationId: set.stationId } }),
      status: (set) => set.graphql(REQUESTS, { filter: { status: 'CLOSED' } }),
      tag: (set) => set.graphql(ENTERPRISES, { filter: { tag: 'HIGH_TECH' } }),
      overdue: (set) => set.graphql(REQUESTS, { filter: { overdue: true } }),
      q: (set) => set.graphql(ENTERPRISES, { filter: { q: '机电' } }),
    };
    const figures: Record<string, number> = { scale_records_small: sizes.small, scale_records_large: sizes.large, scale_load_large_ms: round(sets.large.loadMs) };
    let worst = 0;
    for (const [name, read] of Object.entries(lists)) {
      const samples = await interleaved(latencyRounds, { small: () => medianLatency(5, () => read(sets.small)), large: () => medianLatency(5, () => read(sets.large)) });
      const ratio = median(samples.large) / median(samples.small);
      worst = Math.max(worst, ratio);
      figures[`list_${name}_small_ms_p50`] = round(median(samples.small));
      figures[`list_${name}_large_ms_p50`] = round(median(samples.large));
      figures[`list_${name}_scale_ratio`] = round(ratio);
    }
    figures.list_latency_scale_ratio = round(worst);
    const dashboard = await interleaved(latencyRounds, {
      small: () => medianLatency(5, () => sets.small.graphql(YEAR_DASHBOARD)),
      large: () => medianLatency(5, () => sets.large.graphql(YEAR_DASHBOARD)),
    });
    figures.dashboard_year_small_ms_p50 = round(median(dashboard.small));
    figures.dashboard_year_large_ms_p50 = round(median(dashboard.large));
    figures.dashboard_scale_ratio = round(median(dashboard.large) / median(dashboard.small));
    return figures;
  } finally {
    for (const set of Object.values(sets)) await set.server.close();
  }
}
