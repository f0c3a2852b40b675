import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TestApi } from './support/api';
import { servicesOn, TestClock, viewers } from './support/clock';
import { root } from './support/local-stack';
import { requestInput } from './support/service-requests';

const run = promisify(execFile);

describe('`npm run aggregates:rebuild`', () => {
  let api: TestApi;

  /** Runs the command on the test's table; answers its exit code and the JSON it printed. */
  async function aggregatesCommand(...args: string[]): Promise<{ code: number; output: Record<string, unknown> }> {
    const environment = { ...process.env, DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'), TABLE_NAME: api.tableName };
    try {
      const { stdout } = await run('npm', ['run', '--silent', 'aggregates:rebuild', '--', ...args], { cwd: root, env: environment });
      return { code: 0, output: JSON.parse(stdout.trim()) };
    } catch (error) {
      const failed = error as { code: number; stdout: string };
      return { code: failed.code, output: JSON.parse(failed.stdout.trim()) };
    }
  }

  beforeAll(async () => {
    api = await TestApi.startWithDemoDirectory();
    const clock = new TestClock(new Date('2026-03-02T02:00:00.000Z'));
    await servicesOn(api, viewers.admin, clock).serviceRequests.create(requestInput({ receivedAt: clock.now().toISOString() }));
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('with --check reports a damaged aggregate and fails; the rebuild repairs it', async () => {
    // Prepare: add 5 hotline tickets that do not exist to a bucket of records of no station.
    const [key] = await api.server.application.stores.aggregates.keys('-');
    await api.server.application.client.send(
      new UpdateCommand({ TableName: api.tableName, Key: key, UpdateExpression: 'ADD #m :v', ExpressionAttributeNames: { '#m': 'req' }, ExpressionAttributeValues: { ':v': 5 } }),
    );

    // Act
    const damaged = await aggregatesCommand('--check');
    const rebuilt = await aggregatesCommand();
    const checked = await aggregatesCommand('--check');

    // Assess
    expect(damaged.code).toBe(1);
    expect(damaged.output).toMatchObject({ exact: false, differences: [expect.objectContaining({ metric: 'req', maintained: expect.any(Number) })] });
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.output).toMatchObject({ buckets: expect.any(Number), removed: expect.any(Number) });
    expect(checked).toEqual({ code: 0, output: { exact: true, differences: [], differenceCount: 0, failed: false } });
  }, 120_000);
});
