import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LOCAL_TABLE_NAME } from '@yizhan/shared';
import { ensureTable } from '../../api/src/local/create-table';
import { type DynamoDbLocal, localDynamoDbClientConfig, startDynamoDbLocal } from '../../api/src/local/dynamodb-local';
import { seedDemoData } from '../../api/src/local/seed';
import { startLocalServer } from '../../api/src/local/server';
import { enterpriseInput } from '../support/fixtures';
import { probe } from '../support/probe';
import { requestInput } from '../support/service-requests';
import { signIn } from '../support/sign-in';

/**
 * `npm run load`: a mixed read and write workload at a fixed rate for a fixed time against the
 * local server on loopback, open loop (a request starts on schedule whether or not earlier ones
 * have answered), with DynamoDB Local killed (kill -9) and restarted on its data half way through.
 * Afterwards every create the API acknowledged is read back. Prints a summary, and with
 * `-- --json` one JSON object `{ "figures": { … } }` as the last line. Exits with 1 when a write
 * acknowledged more than `SETTLE_MS` before the kill, or after the restart, is missing.
 */
const RATE = Number(process.env.LOAD_RATE ?? 20);
const DURATION_SECONDS = Number(process.env.LOAD_DURATION_SECONDS ?? 30);
const RESTART = process.env.LOAD_RESTART !== '0';
/** DynamoDB Local may lose writes it acknowledged this shortly before it is killed (docs/reliability.md). */
const SETTLE_MS = 1_000;

type Kind = 'list enterprises' | 'read enterprise' | 'list requests' | 'list stations' | 'create enterprise' | 'create request' | 'update enterprise';

/** The mix: 70 % reads, 30 % writes. */
const MIX: readonly [Kind, number][] = [
  ['list enterprises', 25],
  ['read enterprise', 20],
  ['list requests', 15],
  ['list stations', 10],
  ['create enterprise', 10],
  ['create request', 10],
  ['update enterprise', 10],
];

interface Sample {
  readonly kind: Kind;
  readonly startedAt: number;
  readonly ms: number;
  /** OK, or the error code (NETWORK when no answer came). */
  readonly outcome: string;
  /** The record a create made, once acknowledged. */
  readonly created?: { readonly field: string; readonly id: string; readonly at: number };
}

function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

const round = (value: number) => Math.round(value * 10) / 10;

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const dataDirectory = mkdtempSync(join(tmpdir(), 'yizhan-load-'));
  let database: DynamoDbLocal = await startDynamoDbLocal({ dataDirectory });
  const dynamodb = new DynamoDBClient(localDynamoDbClientConfig(database.endpoint));
  await ensureTable(dynamodb, LOCAL_TABLE_NAME);
  dynamodb.destroy();
  const server = await startLocalServer({ port: 0, tableName: LOCAL_TABLE_NAME, dynamodbEndpoint: database.endpoint, environment: { LOG_LEVEL: 'CRITICAL' } });
  try {
    await seedDemoData(server.application, { serviceRequests: false, projects: false });
    const accessToken = await signIn(server.url, 'admin');
    type Answer = { data?: Record<string, { id: string; version?: number } | null> | null; errors?: { extensions?: { code?: string } }[] };
    const graphql = async (query: string, variables: Record<string, unknown> = {}) => (await probe(`${server.url}/graphql`, { query, variables }, accessToken)).body as Answer;
    const stations = ((await graphql('{ stations { nodes { id } } }')).data!.stations as unknown as { nodes: { id: string }[] }).nodes.map((station) => station.id);
    const enterprises = ((await graphql('{ enterprises(first: 100) { nodes { id } } }')).data!.enterprises as unknown as { nodes: { id: string }[] }).nodes.map((enterprise) => enterprise.id);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

    const operations: Record<Kind, () => Promise<{ outcome: string; created?: { field: string; id: string } }>> = {
      'list enterprises': async () => outcomeOf(await graphql('query($q: String) { enterprises(first: 25, filter: { q: $q }) { totalCount nodes { id name station { code } } } }', { q: pick([null, '湘潭', 'xt']) })),
      'read enterprise': async () => outcomeOf(await graphql('query($id: ID!) { enterprise(id: $id) { id name contact { phone } } }', { id: pick(enterprises) })),
      'list requests': async () => outcomeOf(await graphql('{ serviceRequests(first: 25) { totalCount nodes { id number status } } }')),
      'list stations': async () => outcomeOf(await graphql('{ stations { nodes { id code enterpriseCount } } }')),
      'create enterprise': async () => created(await graphql('mutation($input: CreateEnterpriseInput!) { result: createEnterprise(input: $input) { id } }', { input: enterpriseInput(pick(stations)) }), 'enterprise'),
      'create request': async () => created(await graphql('mutation($input: CreateServiceRequestInput!) { result: createServiceRequest(input: $input) { id } }', { input: requestInput({ channel: 'STATION', stationId: pick(stations) }) }), 'serviceRequest'),
      'update enterprise': async () => {
        const id = pick(enterprises);
        const read = await graphql('query($id: ID!) { enterprise(id: $id) { id version } }', { id });
        if (!read.data?.enterprise) return outcomeOf(read);
        return outcomeOf(await graphql('mutation($input: UpdateEnterpriseInput!) { updateEnterprise(input: $input) { id } }', { input: { id, expectedVersion: read.data.enterprise.version, employees: Math.floor(Math.random() * 500) } }));
      },
    };
    const weights = MIX.flatMap(([kind, weight]) => Array.from({ length: weight }, () => kind));

    // Act: one request every 1000/RATE ms for DURATION_SECONDS, DynamoDB killed and restarted half way.
    const samples: Promise<Sample>[] = [];
    const started = performance.now();
    let killedAt = Number.POSITIVE_INFINITY;
    let restartedAt = Number.POSITIVE_INFINITY;
    const outage = RESTART
      ? (async () => {
          await delay((DURATION_SECONDS * 1000) / 2);
          const { port } = database;
          killedAt = performance.now();
          process.kill(database.pid, 'SIGKILL');
          await database.stop();
          database = await restartOn(dataDirectory, port);
          restartedAt = performance.now();
        })()
      : Promise.resolve();
    const total = Math.round(RATE * DURATION_SECONDS);
    for (let index = 0; index < total; index += 1) {
      const due = started + (index * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await delay(wait);
      const kind = pick(weights);
      const startedAt = performance.now();
      samples.push(
        operations[kind]().then(
          (result) => ({ kind, startedAt, ms: performance.now() - startedAt, outcome: result.outcome, ...(result.created ? { created: { ...result.created, at: performance.now() } } : {}) }),
          () => ({ kind, startedAt, ms: performance.now() - startedAt, outcome: 'NETWORK' }),
        ),
      );
    }
    const results = await Promise.all(samples);
    const elapsedSeconds = (performance.now() - started) / 1000;
    await outage;

    // Assess: every acknowledged create read back.
    const acknowledged = results.flatMap((sample) => (sample.created ? [sample.created] : []));
    const missing: { at: number }[] = [];
    for (const write of acknowledged) {
      const read = await graphql(`query($id: ID!) { record: ${write.field}(id: $id) { id } }`, { id: write.id });
      if (!read.data?.record) missing.push(write);
    }
    const settledBeforeKill = (write: { at: number }) => write.at < killedAt - SETTLE_MS || write.at > restartedAt;
    const lostSettled = missing.filter(settledBeforeKill);
    const ok = results.filter((sample) => sample.outcome === 'OK');
    const errors = results.filter((sample) => sample.outcome !== 'OK' && sample.outcome !== 'CONFLICT');
    const outside = results.filter((sample) => sample.startedAt + sample.ms < killedAt || sample.startedAt > restartedAt);
    const figures = {
      rate_per_second: RATE,
      duration_seconds: DURATION_SECONDS,
      requests: results.length,
      achieved_rate_per_second: round(results.length / elapsedSeconds),
      latency_p50_ms: round(percentile(ok.map((sample) => sample.ms), 0.5)),
      latency_p99_ms: round(percentile(ok.map((sample) => sample.ms), 0.99)),
      latency_all_p99_ms: round(percentile(results.map((sample) => sample.ms), 0.99)),
      error_rate: round((errors.length / results.length) * 1000) / 1000,
      error_rate_outside_outage: round((outside.filter((sample) => errors.includes(sample)).length / Math.max(1, outside.length)) * 1000) / 1000,
      conflicts: results.filter((sample) => sample.outcome === 'CONFLICT').length,
      outage_seconds: RESTART ? round((restartedAt - killedAt) / 1000) : 0,
      writes_acknowledged: acknowledged.length,
      writes_found: acknowledged.length - missing.length,
      writes_lost_acknowledged_within_settle_of_kill: missing.length - lostSettled.length,
      writes_lost_settled: lostSettled.length,
    };
    const byCode = new Map<string, number>();
    for (const sample of errors) byCode.set(sample.outcome, (byCode.get(sample.outcome) ?? 0) + 1);
    const errorCodes = [...byCode].map(([code, count]) => `${code} ${count}`);
    console.log(
      [
        `load: ${figures.requests} requests at ${RATE}/s for ${DURATION_SECONDS} s (${figures.achieved_rate_per_second}/s achieved), 70 % reads, 30 % writes`,
        RESTART ? `DynamoDB Local killed at ${round((killedAt - started) / 1000)} s, answering again after ${figures.outage_seconds} s` : 'no restart',
        `latency of answered requests: p50 ${figures.latency_p50_ms} ms, p99 ${figures.latency_p99_ms} ms (all requests p99 ${figures.latency_all_p99_ms} ms)`,
        `errors: ${(figures.error_rate * 100).toFixed(1)} % of requests (${errorCodes.join(', ') || 'none'}), ${(figures.error_rate_outside_outage * 100).toFixed(1)} % outside the outage; ${figures.conflicts} stale-version conflicts`,
        `writes: ${figures.writes_acknowledged} acknowledged, ${figures.writes_found} found afterwards, ${figures.writes_lost_acknowledged_within_settle_of_kill} lost within ${SETTLE_MS} ms before the kill, ${figures.writes_lost_settled} lost otherwise`,
      ].join('\n'),
    );
    if (json) console.log(JSON.stringify({ figures }));
    if (lostSettled.length > 0) process.exitCode = 1;
  } finally {
    await server.close();
    await database.stop();
    rmSync(dataDirectory, { recursive: true, force: true });
  }
}

function outcomeOf(result: { errors?: { extensions?: { code?: string } }[] }): { outcome: string } {
  return { outcome: result.errors?.[0]?.extensions?.code ?? 'OK' };
}

function created(result: { data?: Record<string, { id: string } | null> | null; errors?: { extensions?: { code?: string } }[] }, field: string) {
  const record = result.data?.result;
  return record ? { outcome: 'OK', created: { field, id: record.id } } : outcomeOf(result);
}

/** DynamoDB Local again on its port and data, retrying while the killed process's port is released. */
async function restartOn(dataDirectory: string, port: number): Promise<DynamoDbLocal> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startDynamoDbLocal({ dataDirectory, port });
    } catch (error) {
      if (attempt >= 10) throw error;
      await delay(300);
    }
  }
}

await main();
