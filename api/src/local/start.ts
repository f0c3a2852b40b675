import 'reflect-metadata';
import { resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LOCAL_TABLE_NAME } from '@yizhan/shared';
import { type ConsoleDevServer, startConsoleDevServer } from '../../../admin/dev-server';
import { ensureTable } from './create-table';
import { DEFAULT_DEV_PASSWORD, demoUsers } from './demo-users';
import { type DynamoDbLocal, localDynamoDbClientConfig, startDynamoDbLocal } from './dynamodb-local';
import { seedDemoData } from './seed';
import { type LocalServer, startLocalServer } from './server';

/** The Node.js major version of the Lambda runtime. */
const LAMBDA_NODE_MAJOR = 22;
const nodeMajor = Number(process.versions.node.split('.')[0]);
/** The console's port unless CONSOLE_PORT says otherwise (the API's development CORS default allows it). */
const CONSOLE_PORT = 5173;
/** How often `npm start` runs the sweeper (seconds) unless SWEEP_INTERVAL_SECONDS says otherwise. */
const SWEEP_INTERVAL_SECONDS = 15 * 60;

/**
 * `npm start`: DynamoDB Local with data under .data/ (or DYNAMODB_ENDPOINT), the table, the
 * demo data on first run, the API on PORT (4000) and the console on CONSOLE_PORT (5173).
 * Ctrl-C stops everything it started.
 * This entry point is the local stack's only reader of process.env; it hands settings on.
 */
async function main(): Promise<void> {
  const environment = process.env;
  // The SDK's eleven-line notice on Node 20 says what the banner says in one line (below).
  environment.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const dataDirectory = resolve(environment.YIZHAN_DATA_DIR ?? '.data');
  const port = Number(environment.PORT ?? 4000);
  const tableName = environment.TABLE_NAME ?? LOCAL_TABLE_NAME;
  const consolePort = Number(environment.CONSOLE_PORT ?? CONSOLE_PORT);
  const host = environment.HOST ?? '127.0.0.1';
  let database: DynamoDbLocal | undefined;
  let server: LocalServer | undefined;
  let consoleServer: ConsoleDevServer | undefined;

  let stopping = false;
  const stop = async (exitCode: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await consoleServer?.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
    await database?.stop().catch(() => undefined);
    process.exit(exitCode);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));

  try {
    const started = Date.now();
    let endpoint = environment.DYNAMODB_ENDPOINT;
    if (!endpoint) {
      database = await startDynamoDbLocal({ dataDirectory: resolve(dataDirectory, 'dynamodb') });
      endpoint = database.endpoint;
    }
    const dynamodb = new DynamoDBClient(localDynamoDbClientConfig(endpoint));
    const table = await ensureTable(dynamodb, tableName);
    dynamodb.destroy();

    server = await startLocalServer({
      port,
      host,
      tableName,
      dynamodbEndpoint: endpoint,
      environment: {
        LOG_LEVEL: 'INFO',
        SWEEP_INTERVAL_SECONDS: String(SWEEP_INTERVAL_SECONDS),
        CORS_ORIGINS: `http://localhost:${consolePort},http://127.0.0.1:${consolePort}`,
        ...environment,
      },
      signingKeyFile: resolve(dataDirectory, 'dev-signing-key.json'),
    });
    const seed = await seedDemoData(server.application);
    consoleServer = await startConsoleDevServer({ port: consolePort, host, apiUrl: `${server.url}/graphql` });

    const password = environment.YIZHAN_DEV_PASSWORD || DEFAULT_DEV_PASSWORD;
    const sweepEvery = server.application.config.sweepIntervalSeconds;
    const lines = [
      '',
      `Yizhan 驿站 is running (${((Date.now() - started) / 1000).toFixed(1)} s).`,
      `  GraphQL API    ${server.url}/graphql`,
      `  Health         ${server.url}/health`,
      `  Login          POST ${server.url}/auth/login  {"username","password"}`,
      `  DynamoDB       ${endpoint}  table "${tableName}" (${table})${database ? `, data in ${dataDirectory}` : ''}`,
      `  Demo data      ${
        seed.seeded
          ? `seeded ${seed.stations} stations, ${seed.enterprises} enterprises, ${seed.serviceRequests} service requests, ${seed.projects} projects with ${seed.approvals} approvals;` +
            ` history since 2022-06-15: ${seed.history.serviceRequests} closed requests, ${seed.history.enterprises} registrations`
          : 'already present'
      }`,
      `  Console        ${consoleServer.url}  (sign in with a demo login below)`,
      `  Demo logins    password "${password}": ${demoUsers.map((user) => user.username).join(', ')}`,
      `  Requests       one JSON log line each (LOG_LEVEL=WARN to quiet them)`,
      `  Sweeper        ${sweepEvery > 0 ? `every ${sweepEvery} s (SWEEP_INTERVAL_SECONDS; 0 turns it off)` : 'off (SWEEP_INTERVAL_SECONDS=0)'}; once by hand: npm run sweep`,
      ...(nodeMajor < LAMBDA_NODE_MAJOR
        ? [`  Note           Node.js ${process.versions.node} is past its end of life; the API runs on Node.js ${LAMBDA_NODE_MAJOR} in AWS. Upgrade when you can.`]
        : []),
      '',
      'Press Ctrl-C to stop.',
    ];
    console.log(lines.join('\n'));
  } catch (error) {
    console.error(`Could not start: ${error instanceof Error ? error.message : String(error)}`);
    await stop(1);
  }
}

void main();
