import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { freePort, interrupt, processesMentioning, root, startLocalStack as start } from './support/local-stack';

/** The README's shell example: the login and the query, with the port of this run. */
function readmeExample(port: number): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]!).find((text) => text.includes('/auth/login'))!;
  return block.replaceAll('localhost:4000', `localhost:${port}`);
}

describe('npm start', () => {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'yizhan-start-'));

  afterAll(() => {
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  it('serves the seeded demo data to a signed-in admin and the console, answers the README example, keeps data across restarts and leaves no process behind', async () => {
    const port = await freePort();
    const consolePort = await freePort();
    const environment = { PORT: String(port), CONSOLE_PORT: String(consolePort), YIZHAN_DATA_DIR: dataDirectory };

    const first = await start(environment);
    expect(first.output()).toContain('seeded 3 stations');
    expect(first.output()).toContain(`Console        http://localhost:${consolePort}`);
    const page = await fetch(`http://localhost:${consolePort}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const config = (await (await fetch(`http://localhost:${consolePort}/config.json`)).json()) as { authMode: string; apiUrl: string };
    expect(config).toMatchObject({ authMode: 'local', apiUrl: `http://localhost:${port}/graphql` });
    const preflight = await fetch(`http://localhost:${port}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: `http://localhost:${consolePort}`, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(`http://localhost:${consolePort}`);
    expect(first.output()).not.toMatch(/Warning|EBADENGINE/i);
    const answer = JSON.parse(execFileSync('bash', ['-c', readmeExample(port)], { encoding: 'utf8' })) as {
      data: { enterprises: { totalCount: number; nodes: { name: string; station: { code: string } }[] } };
    };
    expect(answer.data.enterprises.totalCount).toBeGreaterThan(0);
    expect(answer.data.enterprises.nodes.length).toBeGreaterThan(0);
    expect(answer.data.enterprises.nodes.every((node) => node.station.code.length > 0)).toBe(true);
    expect(await interrupt(first.child)).toBe(0);
    expect(processesMentioning(dataDirectory)).toEqual([]);

    const second = await start(environment);
    expect(second.output()).toContain('Demo data      already present');
    expect(await interrupt(second.child)).toBe(0);
    expect(processesMentioning(dataDirectory)).toEqual([]);
  }, 420_000);

  it('uses another DynamoDB when DYNAMODB_ENDPOINT is set, starting no Java of its own', async () => {
    const endpoint = inject('dynamodbEndpoint');
    const tableName = `start-${Date.now()}`;
    const started = await start({
      PORT: String(await freePort()),
      CONSOLE_PORT: String(await freePort()),
      DYNAMODB_ENDPOINT: endpoint,
      TABLE_NAME: tableName,
      YIZHAN_DATA_DIR: dataDirectory,
    });
    expect(started.output()).toContain(`DynamoDB       ${endpoint}  table "${tableName}" (created)`);
    expect(started.output()).toContain('seeded 3 stations');
    expect(processesMentioning('DynamoDBLocal.jar').filter((line) => line.includes(dataDirectory))).toEqual([]);
    expect(await interrupt(started.child)).toBe(0);
  }, 300_000);
});
