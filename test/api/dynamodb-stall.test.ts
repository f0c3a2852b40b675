import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTable } from '../../api/src/local/create-table';
import { type DynamoDbLocal, localDynamoDbClientConfig, startDynamoDbLocal } from '../../api/src/local/dynamodb-local';
import { seedDemoData } from '../../api/src/local/seed';
import { type LocalServer, startLocalServer } from '../../api/src/local/server';

/** Milliseconds `work` took, and its result. */
async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

describe('a stalled DynamoDB', () => {
  let database: DynamoDbLocal;
  let server: LocalServer;

  beforeAll(async () => {
    // Its own DynamoDB Local, since this test freezes it.
    database = await startDynamoDbLocal();
    const client = new DynamoDBClient(localDynamoDbClientConfig(database.endpoint));
    await ensureTable(client, 'stall');
    client.destroy();
    server = await startLocalServer({ port: 0, tableName: 'stall', dynamodbEndpoint: database.endpoint, environment: { LOG_LEVEL: 'CRITICAL' } });
    await seedDemoData(server.application, { serviceRequests: false, projects: false });
  }, 120_000);

  afterAll(async () => {
    if (database) process.kill(database.pid, 'SIGCONT');
    await server?.close();
    await database?.stop();
  });

  it('gives a timely, retryable error and a 503 health check, then recovers when it answers again', async () => {
    const query = () =>
      fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ stations { totalCount nodes { code } } }' }) }).then(
        async (response) => (await response.json()) as { data?: { stations: { totalCount: number } } | null; errors?: { message: string; extensions: Record<string, unknown> }[] },
      );
    const health = () => fetch(`${server.url}/health`).then(async (response) => ({ status: response.status, body: (await response.json()) as { status: string } }));
    expect((await query()).data?.stations.totalCount).toBe(3);

    process.kill(database.pid, 'SIGSTOP');
    try {
      const [[stalled, stalledMs], [unhealthy, healthMs]] = await Promise.all([timed(query), timed(health)]);

      expect(stalled.errors![0]!.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', retryable: true });
      expect(stalled.errors![0]!.message).toMatch(/did not answer in time/);
      // Three attempts of at most 1.5 seconds each (the defaults), with short back-offs between.
      expect(stalledMs).toBeLessThan(6_000);
      expect(unhealthy).toEqual({ status: 503, body: expect.objectContaining({ status: 'unavailable' }) });
      expect(healthMs).toBeLessThan(2_000);
    } finally {
      process.kill(database.pid, 'SIGCONT');
    }

    expect((await query()).data?.stations.totalCount).toBe(3);
    expect((await health()).status).toBe(200);
  }, 60_000);
});
