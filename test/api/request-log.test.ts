import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newCreditCode } from '../support/fixtures';
import { freePort, interrupt, type Started, startLocalStack } from '../support/local-stack';
import { signIn } from '../support/sign-in';

interface LogLine {
  level: string;
  message: string;
  requestId?: string;
  operationName?: string;
  durationMs?: number;
  userId?: string;
  outcome?: string;
  httpStatus?: number;
}

/** Personal data planted in requests; none of it may reach the logs. */
const MARKER_PHONE = '13912340987';
const MARKER_NAME = '标记测试人员甲';
const MARKER_CREDIT_CODE = newCreditCode();

describe('request logs', () => {
  let stack: Started;
  let url: string;

  beforeAll(async () => {
    const port = await freePort();
    stack = await startLocalStack({ PORT: String(port), DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'), TABLE_NAME: `log-${Date.now()}`, LOG_LEVEL: 'INFO' });
    url = `http://localhost:${port}`;
  }, 300_000);

  afterAll(async () => {
    if (stack) await interrupt(stack.child);
  });

  async function graphql(query: string, variables: Record<string, unknown>, token?: string) {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    await response.json();
    return response.headers.get('x-request-id')!;
  }

  function lines(): LogLine[] {
    return stack
      .stdout()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine);
  }

  it('writes one structured line per request, with no personal data in any line', async () => {
    const accessToken = await signIn(url, 'admin');
    const { stations } = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ query: '{ stations { nodes { id } } }' }),
    })
      .then((response) => response.json() as Promise<{ data: { stations: { nodes: { id: string }[] } } }>)
      .then((body) => body.data);
    const input = {
      creditCode: MARKER_CREDIT_CODE,
      name: `${MARKER_NAME}的公司`,
      legalRepresentative: MARKER_NAME,
      industry: '制造',
      stationId: stations.nodes[0]!.id,
      address: '湘潭',
      establishedOn: '2020-01-01',
      registeredCapital: 10,
      employees: 3,
      contact: { name: MARKER_NAME, phone: MARKER_PHONE },
    };

    const created = await graphql('mutation Register($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }', { input }, accessToken);
    const duplicate = await graphql('mutation Register($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }', { input }, accessToken);
    const invalid = await graphql('mutation Register($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }', { input: { ...input, contact: { name: MARKER_NAME, phone: `x${MARKER_PHONE}` } } }, accessToken);
    const search = await graphql('query Find($q: String) { enterprises(filter: { q: $q }) { totalCount } }', { q: MARKER_PHONE }, accessToken);
    const anonymous = await graphql('query Who { me { id } }', {});
    const badToken = await graphql('query Who { me { id } }', {}, 'not-a-token');
    await new Promise((resolve) => setTimeout(resolve, 200));

    const byRequest = new Map(lines().filter((line) => line.message === 'graphql request').map((line) => [line.requestId, line]));
    expect(byRequest.get(created)).toMatchObject({ level: 'INFO', operationName: 'Register', userId: 'local:admin', outcome: 'OK', httpStatus: 200, durationMs: expect.any(Number) });
    expect(byRequest.get(duplicate)).toMatchObject({ operationName: 'Register', outcome: 'CONFLICT' });
    expect(byRequest.get(invalid)).toMatchObject({ operationName: 'Register', outcome: 'BAD_USER_INPUT' });
    expect(byRequest.get(search)).toMatchObject({ operationName: 'Find', outcome: 'OK' });
    expect(byRequest.get(anonymous)).toMatchObject({ operationName: 'Who', outcome: 'UNAUTHENTICATED' });
    expect(byRequest.get(badToken)).toMatchObject({ outcome: 'UNAUTHENTICATED', httpStatus: 401 });
    for (const requestId of [created, duplicate, invalid, search, anonymous, badToken]) {
      expect(lines().filter((line) => line.requestId === requestId && line.message === 'graphql request')).toHaveLength(1);
    }
    for (const marker of [MARKER_PHONE, MARKER_NAME, MARKER_CREDIT_CODE]) expect(stack.output()).not.toContain(marker);
  });
});
