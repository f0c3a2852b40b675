import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { requestInput } from '../support/service-requests';
import { closedLoop, type LoadTarget } from './http-load';
import { CREATE_MUTATION, LIST_QUERY } from './list-query';
import { interleaved, median, round } from './measure';

interface Servers {
  readonly api: string;
  readonly plain: string;
  readonly token: string;
  readonly listCalls: string[];
  readonly createCalls: string[];
  readonly callsPerPage: { 25: number; 100: number };
}

export interface ThroughputOptions {
  readonly rounds: number;
  readonly seconds: number;
  readonly readConcurrency: number;
  readonly writeConcurrency: number;
}

/**
 * Requests per second of the API against a plain server making the same DynamoDB calls, for
 * the list page and for a create, in interleaved rounds. Both servers run in one child process
 * on the bench's DynamoDB Local; the load comes from this process.
 */
export async function throughput(endpoint: string, tableName: string, options: ThroughputOptions): Promise<Record<string, number | string>> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'servers.ts'), endpoint, tableName], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  try {
    const servers = await new Promise<Servers>((resolve, reject) => {
      child.once('message', (message) => resolve(message as Servers));
      child.once('exit', (code) => reject(new Error(`The bench servers stopped (exit ${code}) before they were ready`)));
    });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${servers.token}` };
    const list = {
      api: { url: `${servers.api}/graphql`, headers, body: JSON.stringify({ query: LIST_QUERY }) },
      plain: { url: `${servers.plain}/list`, headers, body: JSON.stringify({ query: LIST_QUERY }) },
    } satisfies Record<string, LoadTarget>;
    const createBody = () => JSON.stringify({ query: CREATE_MUTATION, variables: { input: requestInput() } });
    const create = {
      api: { url: `${servers.api}/graphql`, headers, body: createBody },
      plain: { url: `${servers.plain}/create`, headers, body: createBody },
    } satisfies Record<string, LoadTarget>;

    const compare = async (targets: { api: LoadTarget; plain: LoadTarget }, concurrency: number) => {
      const failures = { api: 0, plain: 0 };
      const run = (name: 'api' | 'plain') => async () => {
        const result = await closedLoop(targets[name], concurrency, options.seconds * 1000);
        failures[name] += result.failures;
        return result.requestsPerSecond;
      };
      // Warm both up (JIT, connections) before measuring.
      const warmUpMs = Math.min(1000, options.seconds * 1000);
      await closedLoop(targets.api, concurrency, warmUpMs);
      await closedLoop(targets.plain, concurrency, warmUpMs);
      const samples = await interleaved(options.rounds, { api: run('api'), plain: run('plain') });
      if (failures.api + failures.plain > 0) throw new Error(`Requests failed under load: ${JSON.stringify(failures)}`);
      const ratios = samples.api.map((value, index) => value / samples.plain[index]!);
      return { api: median(samples.api), plain: median(samples.plain), ratio: median(ratios) };
    };
    const reads = await compare(list, options.readConcurrency);
    const writes = await compare(create, options.writeConcurrency);
    return {
      list_api_requests_per_second: round(reads.api),
      list_plain_requests_per_second: round(reads.plain),
      list_throughput_ratio: round(reads.ratio),
      list_dynamodb_calls: servers.listCalls.join(' '),
      ddb_calls_per_list_page: Math.max(servers.callsPerPage[25], servers.callsPerPage[100]),
      ddb_calls_per_list_page_25: servers.callsPerPage[25],
      ddb_calls_per_list_page_100: servers.callsPerPage[100],
      create_api_requests_per_second: round(writes.api),
      create_plain_requests_per_second: round(writes.plain),
      write_throughput_ratio: round(writes.ratio),
      create_dynamodb_calls: servers.createCalls.join(' '),
    };
  } finally {
    if (child.connected) child.disconnect();
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(undefined)));
  }
}
