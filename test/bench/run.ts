import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { LOCAL_TABLE_NAME } from '@yizhan/shared';
import { bundleLambdaHandler } from '../../api/src/bundle';
import { ensureTable } from '../../api/src/local/create-table';
import { localDynamoDbClientConfig, startDynamoDbLocal } from '../../api/src/local/dynamodb-local';
import { seedDemoData } from '../../api/src/local/seed';
import { loadHotlineTickets } from '../../api/src/local/seed-history';
import { startLocalServer } from '../../api/src/local/server';
import { entityKey } from '../../api/src/store/keys';
import { approvalInput } from '../support/approvals';
import { buildConsole, initialJavaScriptGzipBytes } from '../support/console-build';
import { enterpriseInput } from '../support/fixtures';
import { requestInput } from '../support/service-requests';

/**
 * `npm run bench`: latency and DynamoDB cost of the hot paths on DynamoDB Local, each next to a
 * baseline measured in the same process (a single GetItem), so ratios survive a slower machine.
 * `-- --json` prints `{ "figures": { … } }` as the last line.
 */
const ENTERPRISES = Number(process.env.BENCH_ENTERPRISES ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 500);
const DASHBOARD_SMALL = Number(process.env.BENCH_DASHBOARD_SMALL ?? 1_000);
const DASHBOARD_LARGE = Number(process.env.BENCH_DASHBOARD_LARGE ?? 100_000);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timed(rounds: number, work: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const database = await startDynamoDbLocal();
  try {
    const dynamodb = new DynamoDBClient(localDynamoDbClientConfig(database.endpoint));
    await ensureTable(dynamodb, LOCAL_TABLE_NAME);
    dynamodb.destroy();
    const server = await startLocalServer({ port: 0, tableName: LOCAL_TABLE_NAME, dynamodbEndpoint: database.endpoint, environment: { LOG_LEVEL: 'CRITICAL' } });
    try {
      const { application } = server;
      let dynamodbCalls = 0;
      application.client.middlewareStack.add((next) => (args) => {
        dynamodbCalls += 1;
        return next(args);
      }, { step: 'initialize', name: 'benchCallCounter' });
      // The directory, stories and approvals; the 10,000-ticket history is the dashboard's data set (below).
      await seedDemoData(application, { history: false });

      const login = await fetch(`${server.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'yizhan-dev' }) });
      const { accessToken } = (await login.json()) as { accessToken: string };
      const graphql = async (query: string, variables: Record<string, unknown> = {}) => {
        const response = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
          body: JSON.stringify({ query, variables }),
        });
        // biome-ignore lint/suspicious/noExplicitAny: response data is read ad hoc below; typing every query would add casts, not safety.
        const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
        if (body.errors) throw new Error(JSON.stringify(body.errors));
        return body.data!;
      };

      const stations = (await graphql('{ stations { nodes { id code } } }')).stations.nodes as { id: string }[];
      const createStarted = performance.now();
      const createSamples: number[] = [];
      const creates = Array.from({ length: ENTERPRISES }, (_, index) => enterpriseInput(stations[index % stations.length]!.id, { tags: index % 5 === 0 ? ['HIGH_TECH'] : ['ABOVE_SCALE'] }));
      for (let offset = 0; offset < creates.length; offset += 10) {
        await Promise.all(
          creates.slice(offset, offset + 10).map(async (input) => {
            const started = performance.now();
            await graphql('mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }', { input });
            createSamples.push(performance.now() - started);
          }),
        );
      }
      const createsPerSecond = ENTERPRISES / ((performance.now() - createStarted) / 1000);

      const someId = (await graphql('{ enterprises(first: 1) { nodes { id } } }')).enterprises.nodes[0].id as string;
      const getItemMs = await timed(ROUNDS, () => application.client.send(new GetCommand({ TableName: LOCAL_TABLE_NAME, Key: entityKey('Enterprise', someId) })));

      const PAGE = `query($filter: EnterpriseFilter) { enterprises(first: 25, filter: $filter) { totalCount nodes { id name station { code } } pageInfo { hasNextPage } } }`;
      const pageMs = await timed(ROUNDS, () => graphql(PAGE));
      const filteredMs = await timed(ROUNDS, () => graphql(PAGE, { filter: { tag: 'HIGH_TECH' } }));
      const searchMs = await timed(ROUNDS, () => graphql(PAGE, { filter: { q: '机电' } }));

      dynamodbCalls = 0;
      await graphql(PAGE);
      const callsPerPage = dynamodbCalls;

      // Service requests: the demo requests plus one per enterprise, half with an enterprise.
      const enterpriseIds = (await graphql('{ enterprises(first: 100) { nodes { id } } }')).enterprises.nodes.map((node: { id: string }) => node.id) as string[];
      const requests = Array.from({ length: REQUESTS }, (_, index) => requestInput({ enterpriseId: index % 2 === 0 ? enterpriseIds[index % enterpriseIds.length] : null }));
      const requestIds: string[] = [];
      for (let offset = 0; offset < requests.length; offset += 10) {
        const created = await Promise.all(
          requests.slice(offset, offset + 10).map((input) => graphql('mutation($input: CreateServiceRequestInput!) { createServiceRequest(input: $input) { id } }', { input })),
        );
        requestIds.push(...created.map((data) => data.createServiceRequest.id as string));
      }
      const REQUEST_PAGE = '{ serviceRequests(first: 25) { totalCount nodes { id number status dueAt enterprise { name } station { code } } pageInfo { hasNextPage } } }';
      const requestPageMs = await timed(ROUNDS, () => graphql(REQUEST_PAGE));
      dynamodbCalls = 0;
      await graphql(REQUEST_PAGE);
      const callsPerRequestPage = dynamodbCalls;
      const DISPATCH = 'mutation($input: TransitionServiceRequestInput!) { transitionServiceRequest(input: $input) { id version status } }';
      const dispatchSamples: number[] = [];
      let callsPerTransition = 0;
      for (const id of requestIds.slice(0, Math.min(ROUNDS, requestIds.length))) {
        dynamodbCalls = 0;
        const started = performance.now();
        await graphql(DISPATCH, { input: { id, expectedVersion: 1, action: 'DISPATCH', assignedUnit: '园区物业' } });
        dispatchSamples.push(performance.now() - started);
        callsPerTransition = dynamodbCalls;
      }

      // Approvals: the demo set, plus a fresh submission per round to accept.
      const APPROVAL_PAGE = '{ approvals(first: 25) { totalCount nodes { id number status dueOn project { name } enterprise { name } } pageInfo { hasNextPage } } }';
      const approvalPageMs = await timed(ROUNDS, () => graphql(APPROVAL_PAGE));
      dynamodbCalls = 0;
      await graphql(APPROVAL_PAGE);
      const callsPerApprovalPage = dynamodbCalls;
      const projectId = (await graphql('{ projects(first: 1, sort: NAME_ASC) { nodes { id } } }')).projects.nodes[0].id as string;
      const approvalIds: string[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        const created = await graphql('mutation($input: CreateApprovalInput!) { createApproval(input: $input) { id } }', { input: approvalInput(projectId) });
        approvalIds.push(created.createApproval.id as string);
      }
      const ACCEPT = 'mutation($input: TransitionApprovalInput!) { transitionApproval(input: $input) { id version status dueOn } }';
      const acceptSamples: number[] = [];
      let callsPerApprovalTransition = 0;
      for (const id of approvalIds) {
        dynamodbCalls = 0;
        const started = performance.now();
        await graphql(ACCEPT, { input: { id, expectedVersion: 1, action: 'ACCEPT' } });
        acceptSamples.push(performance.now() - started);
        callsPerApprovalTransition = dynamodbCalls;
      }

      const bundle = lambdaBundle();
      const dashboard = await dashboardScale(database.endpoint);
      const consoleBuild = await buildConsole();
      const consoleInitialJsGzipBytes = initialJavaScriptGzipBytes(consoleBuild);
      rmSync(consoleBuild, { recursive: true, force: true });
      const figures = {
        enterprises: (await graphql('{ enterprises { totalCount } }')).enterprises.totalCount as number,
        baseline_get_item_ms: round(getItemMs),
        create_enterprise_ms_p50: round(median(createSamples)),
        creates_per_second_at_10_parallel: round(createsPerSecond),
        page_25_with_station_ms_p50: round(pageMs),
        page_25_filtered_by_tag_ms_p50: round(filteredMs),
        page_25_text_search_with_exact_count_ms_p50: round(searchMs),
        page_vs_get_item_ratio: round(pageMs / getItemMs),
        filtered_vs_unfiltered_page_ratio: round(filteredMs / pageMs),
        search_vs_unfiltered_page_ratio: round(searchMs / pageMs),
        dynamodb_calls_per_page_of_25_with_station: callsPerPage,
        service_requests: (await graphql('{ serviceRequests { totalCount } }')).serviceRequests.totalCount as number,
        request_page_25_with_enterprise_and_station_ms_p50: round(requestPageMs),
        request_page_vs_get_item_ratio: round(requestPageMs / getItemMs),
        dynamodb_calls_per_request_page_of_25: callsPerRequestPage,
        request_transition_ms_p50: round(median(dispatchSamples)),
        dynamodb_calls_per_request_transition: callsPerTransition,
        approvals: (await graphql('{ approvals { totalCount } }')).approvals.totalCount as number,
        approval_page_25_with_project_and_enterprise_ms_p50: round(approvalPageMs),
        approval_page_vs_get_item_ratio: round(approvalPageMs / getItemMs),
        dynamodb_calls_per_approval_page_of_25: callsPerApprovalPage,
        approval_accept_ms_p50: round(median(acceptSamples)),
        dynamodb_calls_per_approval_accept: callsPerApprovalTransition,
        lambda_bundle_kib_minified: round(bundle.kib),
        lambda_bundle_build_ms: round(bundle.buildMs),
        ...dashboard,
        console_initial_js_gzip_bytes: consoleInitialJsGzipBytes,
      };
      for (const [name, value] of Object.entries(figures)) console.log(`${name.padEnd(56)} ${value}`);
      if (json) console.log(JSON.stringify({ figures }));
    } finally {
      await server.close();
    }
  } finally {
    await database.stop();
  }
}

/**
 * A one-year dashboard on a table of DASHBOARD_LARGE service requests against one of
 * DASHBOARD_SMALL, both on the same DynamoDB Local, in interleaved rounds: its cost must follow
 * the months and stations, not the records. The data sets are closed hotline tickets loaded in
 * bulk with their aggregates (as the demo history is).
 */
async function dashboardScale(endpoint: string): Promise<Record<string, number>> {
  const sizes = { small: DASHBOARD_SMALL, large: DASHBOARD_LARGE };
  const tables: Record<keyof typeof sizes, { graphql: (query: string) => Promise<unknown>; close: () => Promise<void>; loadMs: number }> = {} as never;
  const dynamodb = new DynamoDBClient(localDynamoDbClientConfig(endpoint));
  try {
    for (const [size, count] of Object.entries(sizes) as [keyof typeof sizes, number][]) {
      const tableName = `bench-dashboard-${size}`;
      await ensureTable(dynamodb, tableName);
      const server = await startLocalServer({ port: 0, tableName, dynamodbEndpoint: endpoint, environment: { LOG_LEVEL: 'CRITICAL' } });
      await seedDemoData(server.application, { serviceRequests: false, projects: false });
      const stationIds = new Map(
        (await server.application.stores.stations.page({ conditions: [], order: 'CODE', ascending: true }, 100, undefined)).records.map((station) => [station.code, station.id]),
      );
      const started = performance.now();
      await loadHotlineTickets(server.application, stationIds, count, new Date());
      const loadMs = performance.now() - started;
      const login = await fetch(`${server.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'viewer', password: 'yizhan-dev' }) });
      const { accessToken } = (await login.json()) as { accessToken: string };
      const graphql = async (query: string) => {
        const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` }, body: JSON.stringify({ query }) });
        const body = (await response.json()) as { errors?: unknown[] };
        if (body.errors) throw new Error(JSON.stringify(body.errors));
        return body;
      };
      tables[size] = { graphql, close: () => server.close(), loadMs };
    }
    const YEAR = `{ dashboard(from: "2023-01-01", to: "2023-12-31") {
      stations { requestsReceived monthly { month requestsReceived } }
      approvals { decided }
      hotline { received onTimeRate { value } satisfactionRate { value } monthly { month onTimeRate { value } } } } }`;
    const samples = { small: [] as number[], large: [] as number[] };
    for (let round = 0; round < Math.max(ROUNDS, 5); round += 1) {
      for (const size of ['small', 'large'] as const) {
        const started = performance.now();
        await tables[size].graphql(YEAR);
        samples[size].push(performance.now() - started);
      }
    }
    const small = median(samples.small);
    const large = median(samples.large);
    return {
      dashboard_requests_small: DASHBOARD_SMALL,
      dashboard_requests_large: DASHBOARD_LARGE,
      dashboard_load_large_ms: round(tables.large.loadMs),
      dashboard_year_small_ms_p50: round(small),
      dashboard_year_large_ms_p50: round(large),
      dashboard_scale_ratio: round(large / small),
    };
  } finally {
    for (const table of Object.values(tables)) await table.close();
    dynamodb.destroy();
  }
}

/** The GraphQL Lambda bundle exactly as the Api stack deploys it: build time and size. */
function lambdaBundle(): { buildMs: number; kib: number } {
  const outdir = mkdtempSync(join(tmpdir(), 'yizhan-bundle-'));
  try {
    const started = performance.now();
    const { bytes } = bundleLambdaHandler(join(import.meta.dirname, '..', '..', 'api', 'src', 'lambda.ts'), outdir);
    return { buildMs: performance.now() - started, kib: bytes / 1024 };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

await main();
