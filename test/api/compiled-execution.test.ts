import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalServer, startLocalServer } from '../../api/src/local/server';
import { type GraphqlResponse, TestApi } from '../support/api';
import { CREATE_REQUEST, createRequest, requestInput } from '../support/service-requests';

/** A page with fragments, aliases, a directive, `__typename`, relations and the total. */
const PAGE = `query Page($first: Int!, $withStation: Boolean!) {
  page: serviceRequests(first: $first) {
    totalCount
    nodes { ...Request station @include(if: $withStation) { code name } }
    pageInfo { hasNextPage }
  }
}
fragment Request on ServiceRequest { __typename id number status channel dueAt requester { name } enterprise { name } }`;

/**
 * The API compiles a document asked a second time (graphql-jit) and runs it with graphql-js
 * the first time. Every case below is sent three times — once by graphql-js, then twice
 * compiled — and must get the same answer each time, errors, codes and HTTP status included.
 */
describe('compiled queries', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.startWithDemoDirectory();
    const stations = await api.stationIds();
    for (const stationId of Object.values(stations).slice(0, 3)) await createRequest(api, 'admin', { channel: 'STATION', stationId });
    await createRequest(api, 'operator');
  });

  afterAll(() => api.stop());

  /** Sends one operation three times; the answers and how many operations were compiled meanwhile. */
  async function threeTimes(username: string | null, query: string, variables: Record<string, unknown> = {}) {
    const compiledBefore = api.server.application.execution.compiledOperations;
    const answers: GraphqlResponse[] = [];
    for (let round = 0; round < 3; round += 1) answers.push(await api.graphql(username, query, variables));
    return { answers, compiled: api.server.application.execution.compiledOperations - compiledBefore };
  }

  it('answers a page the same, compiled or not', async () => {
    // Act
    const { answers, compiled } = await threeTimes('admin', PAGE, { first: 3, withStation: true });

    // Assess
    expect(compiled).toBe(1);
    const [first] = answers;
    expect(first!.errors).toBeUndefined();
    const page = (first!.data as { page: { totalCount: number; nodes: Record<string, unknown>[] } }).page;
    expect(page.totalCount).toBe(4);
    expect(page.nodes).toHaveLength(3);
    expect(page.nodes[0]).toMatchObject({ __typename: 'ServiceRequest', requester: { name: '刘女士' } });
    expect(answers.filter((node) => JSON.stringify(node) === JSON.stringify(first))).toHaveLength(3);
  });

  it('compiles a query once when many ask for it at the same time', async () => {
    // Prepare: asked once, so the next request compiles it.
    const query = '{ stations(first: 5) { totalCount nodes { code } } }';
    const first = await api.graphql('admin', query);
    const compiledBefore = api.server.application.execution.compiledOperations;

    // Act
    const answers = await Promise.all(Array.from({ length: 6 }, () => api.graphql('admin', query)));

    // Assess
    expect(api.server.application.execution.compiledOperations - compiledBefore).toBe(1);
    for (const answer of answers) expect(answer).toEqual(first);
  });

  it('answers a skipped field the same, compiled or not', async () => {
    // Act
    const { answers } = await threeTimes('admin', PAGE, { first: 2, withStation: false });

    // Assess
    const nodes = answers.map((answer) => (answer.data as { page: { nodes: Record<string, unknown>[] } }).page.nodes);
    for (const page of nodes) expect(page.every((node) => !('station' in node))).toBe(true);
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
  });

  it.each([
    ['a variable of the wrong type', 'admin', PAGE, { first: 'many', withStation: true }, 'BAD_USER_INPUT', 400],
    ['a page size out of range', 'admin', PAGE, { first: 101, withStation: true }, 'BAD_USER_INPUT', 200],
    ['no token', null, '{ me { username } }', {}, 'UNAUTHENTICATED', 200],
    ['the whole journal asked by an operator', 'operator', '{ me { username } auditEvents(first: 1) { totalCount } }', {}, 'FORBIDDEN', 200],
    ['an approval that does not exist', 'admin', '{ approval(id: "01J0000000000000000000NONE") { id } }', {}, 'NOT_FOUND', 200],
    ['an invalid create', 'operator', CREATE_REQUEST, { input: requestInput({ title: '', requester: { name: '刘女士', phone: '12' } }) }, 'BAD_USER_INPUT', 200],
  ])('refuses %s with the same error, compiled or not', async (_case, username, query, variables, code, status) => {
    // Act
    const { answers } = await threeTimes(username, query, variables);

    // Assess
    for (const answer of answers) {
      expect(answer.status).toBe(status);
      expect(answer.errors?.[0]?.extensions?.code).toBe(code);
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it('runs a compiled mutation once per request', async () => {
    // Prepare
    const titles = ['招工难，请求协助 A', '招工难，请求协助 B', '招工难，请求协助 C'];

    // Act
    const created = [];
    for (const title of titles) created.push((await api.data('operator', CREATE_REQUEST, { input: requestInput({ title }) })).createServiceRequest);
    const total = (await api.data('admin', PAGE, { first: 1, withStation: false })).page.totalCount;

    // Assess
    expect(created.map((request) => request.title)).toEqual(titles);
    expect(new Set(created.map((request) => request.number)).size).toBe(3);
    expect(total).toBe(7);
  });

  it('reports an error no resolver expected the same, compiled or not', async () => {
    // Prepare: an API whose DynamoDB refuses connections, so the resolver throws the SDK's error.
    let unreachable: LocalServer | undefined;
    try {
      unreachable = await startLocalServer({ port: 0, tableName: 'none', dynamodbEndpoint: 'http://127.0.0.1:1', environment: { LOG_LEVEL: 'CRITICAL' } });
      const url = `${unreachable.url}/graphql`;

      // Act
      const answers = [];
      for (let round = 0; round < 3; round += 1) {
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ stations { totalCount } }' }) });
        answers.push({ status: response.status, body: (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] } });
      }

      // Assess: the same masked, retryable error each time (but for the request id it quotes).
      expect(unreachable.application.execution.compiledOperations).toBe(1);
      const withoutRequestId = answers.map(({ status, body }) => ({ status, errors: body.errors.map(({ message, extensions: { requestId, ...extensions } }) => ({ message: message.replace(String(requestId), '…'), extensions })) }));
      expect(withoutRequestId[0]!.errors[0]!.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', retryable: true });
      expect(withoutRequestId[1]).toEqual(withoutRequestId[0]);
      expect(withoutRequestId[2]).toEqual(withoutRequestId[0]);
    } finally {
      await unreachable?.close();
    }
  }, 60_000);
});
