import 'reflect-metadata';
import { rmSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureTable } from '../../api/src/local/create-table';
import { localDynamoDbClientConfig, startDynamoDbLocal } from '../../api/src/local/dynamodb-local';
import { buildConsole, initialJavaScriptGzipBytes } from '../support/console-build';
import { coldStart } from './cold-start';
import { scale } from './scale';
import { TARGETS } from './targets';
import { throughput } from './throughput';

/**
 * `npm run bench`: each figure of docs/performance.md against its target, measured as a ratio to
 * a baseline run in the same process (or the same child process) on the same DynamoDB Local, in
 * interleaved rounds, so that it holds on a noisy 2-core machine. The raw numbers are printed
 * too. `-- --json` prints `{ "figures": { … } }` as the last line. Sizes and rounds come from the
 * environment (see below); `npm test` runs a small version so the suite cannot rot.
 */
const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const SMALL = setting('BENCH_SMALL', 1_000);
const LARGE = setting('BENCH_LARGE', 100_000);
const ROUNDS = setting('BENCH_ROUNDS', 5);
const SECONDS = setting('BENCH_SECONDS', 3);

/** Runs one part of the bench and records how long it took (`bench_<part>_s`). */
async function part<T>(figures: Record<string, number | string>, name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  figures[`bench_${name}_s`] = Math.round((performance.now() - started) / 100) / 10;
  return result;
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const database = await startDynamoDbLocal();
  const figures: Record<string, number | string> = {};
  try {
    const dynamodb = new DynamoDBClient(localDynamoDbClientConfig(database.endpoint));
    for (const table of ['bench-throughput', 'bench-cold-start']) await ensureTable(dynamodb, table);
    dynamodb.destroy();
    const { endpoint } = database;
    Object.assign(figures, await part(figures, 'throughput', () => throughput(endpoint, 'bench-throughput', { rounds: ROUNDS, seconds: SECONDS, readConcurrency: 8, writeConcurrency: 4 })));
    Object.assign(figures, await part(figures, 'cold_start', () => coldStart(endpoint, 'bench-cold-start', ROUNDS)));
    Object.assign(figures, await part(figures, 'scale', () => scale(endpoint, { small: SMALL, large: LARGE }, ROUNDS)));
  } finally {
    await database.stop();
  }
  await part(figures, 'console', async () => {
    const consoleBuild = await buildConsole();
    figures.console_initial_js_gzip_bytes = initialJavaScriptGzipBytes(consoleBuild);
    rmSync(consoleBuild, { recursive: true, force: true });
  });

  for (const [name, value] of Object.entries(figures)) {
    const target = TARGETS[name as keyof typeof TARGETS] as { atMost?: number; atLeast?: number } | undefined;
    const verdict = !target ? '' : target.atMost !== undefined ? `≤ ${target.atMost} ${Number(value) <= target.atMost ? 'met' : 'MISSED'}` : `≥ ${target.atLeast} ${Number(value) >= target.atLeast! ? 'met' : 'MISSED'}`;
    console.log(`${name.padEnd(40)} ${String(value).padStart(12)}  ${verdict}`);
  }
  if (json) console.log(JSON.stringify({ figures }));
}

await main();
