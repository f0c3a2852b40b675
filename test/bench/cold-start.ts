import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BUNDLE_FILE, bundleLambdaHandler } from '../../api/src/bundle';
import { seedDemoData } from '../../api/src/local/seed';
import { startLocalServer } from '../../api/src/local/server';
import { graphqlEvent } from '../support/lambda-events';
import { signIn } from '../support/sign-in';
import { interleaved, median, round } from './measure';
import { recordCalls } from './record-calls';

/** The query the cold start answers: a page of stations, read with a verified token. */
const QUERY = '{ stations(first: 5) { nodes { id code name } } }';

/** Imports the bundle and answers one event, as a Lambda cold start does; prints the answer. */
const INVOKE = `
const [file, event] = process.argv.slice(1);
const { handler } = await import(file);
const imported = performance.now();
const result = await handler(JSON.parse(event), { awsRequestId: 'cold-start' });
if (process.env.BENCH_VERBOSE) process.stderr.write(JSON.stringify({ imported, answered: performance.now() }) + '\\n');
process.stdout.write(JSON.stringify(result) + '\\n');
`;

/** Milliseconds from spawning a fresh Node.js process to its first answer; fails on a non-200 answer. */
function coldStartOnce(file: string, event: unknown, environment: Record<string, string>): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--input-type=module', '-e', INVOKE, file, JSON.stringify(event)], {
    env: { PATH: process.env.PATH, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', BENCH_VERBOSE: process.env.BENCH_VERBOSE ?? '', ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let errors = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    errors += chunk.toString('utf8');
    if (process.env.BENCH_VERBOSE) process.stderr.write(chunk);
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', () => {
      const answer = output.split('\n').find((line) => line.startsWith('{"statusCode"'));
      if (answer === undefined) return;
      const elapsed = performance.now() - started;
      const { statusCode, body } = JSON.parse(answer) as { statusCode: number; body: string };
      if (statusCode !== 200 || body.includes('"errors"')) reject(new Error(`Cold start answered ${statusCode}: ${body}`));
      else resolve(elapsed);
      child.kill();
    });
    child.once('exit', (code) => {
      if (!output.includes('{"statusCode"')) reject(new Error(`The handler exited (${code}) without answering:\n${errors}${output}`));
    });
  });
}

/**
 * Process start → first answered query of the bundled GraphQL handler (the artefact CDK
 * deploys, token verified against the issuer's JWKS), against a minimal bundled handler making
 * the same DynamoDB call, in interleaved rounds, and the bundle's size.
 */
export async function coldStart(endpoint: string, tableName: string, rounds: number): Promise<Record<string, number>> {
  const server = await startLocalServer({ port: 0, tableName, dynamodbEndpoint: endpoint, environment: { LOG_LEVEL: 'CRITICAL' } });
  const outdir = mkdtempSync(join(tmpdir(), 'yizhan-cold-start-'));
  try {
    await seedDemoData(server.application, { serviceRequests: false, projects: false });
    const { config } = server.application;
    const token = await signIn(server.url, 'admin');
    const event = graphqlEvent({ query: QUERY }, token);
    const [query] = await recordCalls(server.application.client, () => fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: QUERY }) }));
    const api = bundleLambdaHandler(join(import.meta.dirname, '..', '..', 'api', 'src', 'lambda.ts'), join(outdir, 'api'));
    bundleLambdaHandler(join(import.meta.dirname, 'minimal-handler.ts'), join(outdir, 'minimal'));
    // What Lambda and the stack give the function (the cursor key directly, not from Secrets Manager).
    const common = { AWS_REGION: 'cn-north-1', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', DYNAMODB_ENDPOINT: endpoint };
    const apiEnvironment = {
      ...common,
      APP_ENV: 'production',
      LOG_LEVEL: 'INFO',
      TABLE_NAME: tableName,
      AUTH_ISSUER: config.auth.issuer,
      AUTH_AUDIENCE: config.auth.audience,
      AUTH_JWKS_URL: config.auth.jwksUrl,
      CURSOR_SECRET: 'c'.repeat(43),
    };
    const minimalEnvironment = { ...common, BENCH_QUERY_INPUT: JSON.stringify(query!.input) };
    const samples = await interleaved(Math.max(rounds, 3), {
      api: () => coldStartOnce(join(outdir, 'api', BUNDLE_FILE), event, apiEnvironment),
      minimal: () => coldStartOnce(join(outdir, 'minimal', BUNDLE_FILE), event, minimalEnvironment),
    });
    if (process.env.BENCH_VERBOSE) console.error('cold start samples', samples);
    return {
      cold_start_api_ms_p50: round(median(samples.api)),
      cold_start_minimal_ms_p50: round(median(samples.minimal)),
      cold_start_ratio: round(median(samples.api) / median(samples.minimal)),
      lambda_bundle_bytes: api.bytes,
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
    await server.close();
  }
}
