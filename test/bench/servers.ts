import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { seedDemoData } from '../../api/src/local/seed';
import { startLocalServer } from '../../api/src/local/server';
import { createDocumentClient } from '../../api/src/store/dynamodb';
import { requestInput } from '../support/service-requests';
import { signIn } from '../support/sign-in';
import { CREATE_MUTATION, LIST_QUERY, type ListPage, toListPage } from './list-query';
import { type RecordedCall, recordCalls, replay } from './record-calls';

/**
 * Child process of `npm run bench` (so the load generator does not share its CPU): the API's
 * local server in its production configuration, and next to it a plain `node:http` server that
 * makes the same DynamoDB calls (recorded from the API, one wave of parallel calls after
 * another) and answers the same JSON, with none of GraphQL, auth or our layers. Prints
 * `{ api, plain, token … }` to its parent over IPC (its standard output takes the API's request
 * log lines, as Lambda's does), then serves until the parent disconnects.
 */

const EXTRA_REQUESTS = 120;

/** How a year's sequence item is keyed (`NumberedRecordStore`); its update carries `:current` and `:next`. */
const SEQUENCE_PREFIX = 'Sequence#';

/**
 * One create as the plain server makes it: the recorded reads, the sequence read afresh, and the
 * recorded transaction with a new id and the next number, retried (as the API does) when a
 * parallel create took that number.
 */
async function replayCreate(client: DynamoDBDocumentClient, calls: readonly RecordedCall[], recorded: { id: string; number: string; status: string }) {
  const id = randomUUID().replaceAll('-', '').slice(0, 26).toUpperCase();
  for (let attempt = 1; ; attempt += 1) {
    let number = recorded.number;
    try {
      await replay(client, calls, (call, answers) => {
        if (call.name === 'GetItemCommand' && String((call.input.Key as Record<string, string>).pk).startsWith(SEQUENCE_PREFIX)) return call.input;
        if (call.name !== 'TransactWriteItemsCommand') return call.input;
        const sequence = answers.find((answer) => String((answer as { Item?: { pk?: string } }).Item?.pk ?? '').startsWith(SEQUENCE_PREFIX)) as { Item: { value: number } };
        const current = sequence.Item.value;
        number = recorded.number.replace(/\d{6}$/, String(current + 1).padStart(6, '0'));
        const text = JSON.stringify(call.input).replaceAll(recorded.id, id).replaceAll(recorded.number, number);
        const input = JSON.parse(text) as { TransactItems: { Update?: { Key: Record<string, string>; ExpressionAttributeValues: Record<string, unknown> } }[] };
        for (const item of input.TransactItems) {
          if (item.Update && String(item.Update.Key.pk).startsWith(SEQUENCE_PREFIX)) Object.assign(item.Update.ExpressionAttributeValues, { ':current': current, ':next': current + 1 });
        }
        return input;
      });
      return { data: { createServiceRequest: { id, number, status: recorded.status } } };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException) || attempt >= 25) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 10 * 2 ** attempt)));
    }
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<void> {
  const [endpoint, tableName] = process.argv.slice(2) as [string, string];
  const api = await startLocalServer({
    port: 0,
    tableName,
    dynamodbEndpoint: endpoint,
    // As deployed: production mode, one INFO line per request.
    environment: { APP_ENV: 'production', LOG_LEVEL: 'INFO', CORS_ORIGINS: '' },
  });
  // The demo directory: stations and enterprises; the requests are made below.
  await seedDemoData(api.application, { serviceRequests: false, projects: false });
  const token = await signIn(api.url, 'admin');
  const graphql = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
  };

  // Enough requests for a page of 100: station services of an enterprise, and hotline tickets.
  const directory = (await graphql('{ enterprises(first: 100) { nodes { id stationId } } }')).data as { enterprises: { nodes: { id: string; stationId: string }[] } };
  const enterprises = directory.enterprises.nodes;
  const extraRequest = (index: number) => {
    const enterprise = enterprises[index % enterprises.length]!;
    return requestInput(index % 3 === 2 ? {} : { channel: 'STATION', stationId: enterprise.stationId, enterpriseId: enterprise.id });
  };
  for (let offset = 0; offset < EXTRA_REQUESTS; offset += 10) {
    await Promise.all(Array.from({ length: 10 }, (_, index) => graphql(CREATE_MUTATION, { input: extraRequest(offset + index) })));
  }

  // The list: record the API's calls for the page, check the plain server's JSON equals the API's.
  const client = createDocumentClient({ region: api.application.config.region, endpoint, timeouts: api.application.config.dynamodbTimeouts });
  let apiPage: unknown;
  const listCalls = await recordCalls(api.application.client, async () => {
    apiPage = await graphql(LIST_QUERY);
  });
  const plainList = async (): Promise<{ data: { serviceRequests: ListPage } }> => ({ data: { serviceRequests: toListPage(await replay(client, listCalls), api.application.cursors) } });
  const withoutCursor = (body: unknown) => JSON.stringify(body, (key, value) => (key === 'endCursor' ? null : value));
  const plainPage = await plainList();
  if (withoutCursor(plainPage) !== withoutCursor(apiPage)) throw new Error(`The plain server's page differs from the API's:\n${withoutCursor(apiPage)}\n${withoutCursor(plainPage)}`);

  // The write: record one create (after a first one, so the year's sequence exists), then replay
  // it with a fresh id and the next number, retrying when a parallel create took the number.
  await graphql(CREATE_MUTATION, { input: requestInput() });
  let recorded: { id: string; number: string; status: string } | undefined;
  const createCalls = await recordCalls(api.application.client, async () => {
    recorded = (await graphql(CREATE_MUTATION, { input: requestInput() })).data?.createServiceRequest as typeof recorded;
  });
  const plainCreate = () => replayCreate(client, createCalls, recorded!);

  const plain = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    await readBody(request);
    const body = request.url === '/list' ? await plainList() : request.url === '/create' ? await plainCreate() : { error: 'unknown route' };
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
  const plainUrl = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
  const callsPerPage = async (first: number) => (await recordCalls(api.application.client, () => graphql(LIST_QUERY, { first }))).length;
  const ready = {
    api: api.url,
    plain: plainUrl,
    token,
    listCalls: listCalls.map((call) => call.name),
    createCalls: createCalls.map((call) => call.name),
    callsPerPage: { 25: await callsPerPage(25), 100: await callsPerPage(100) },
  };
  process.send!(ready);
  await new Promise((resolve) => process.once('disconnect', resolve));
  plain.close();
  client.destroy();
  await api.close();
}

await main();
