import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deleteTableIfExists, ensureTable } from '../../api/src/local/create-table';
import { localDynamoDbClientConfig } from '../../api/src/local/dynamodb-local';
import { approvalInput, projectInput } from '../support/approvals';
import { enterpriseInput, newCreditCode, stationInput } from '../support/fixtures';
import { probe } from '../support/probe';
import { productionEnvironment, startChild } from '../support/production';
import { requestInput } from '../support/service-requests';
import { signIn } from '../support/sign-in';

/** Personal data planted in every request; none of it may reach a log line. */
const MARKERS = {
  phone: '13912340987',
  landline: '0731-55512398',
  name: '标记测试人员乙',
  creditCode: newCreditCode(),
  text: '标记正文内容丙',
};

interface RequestLine {
  level: string;
  message: string;
  requestId?: string;
  operationName?: string;
  userId?: string;
  durationMs?: number;
  httpStatus?: number;
  outcome?: string;
}

/**
 * The local server in production, logging at INFO as in AWS, in a fresh process whose output is
 * captured: requests carrying personal data go through every operation kind and outcome, then
 * the whole output is searched for that data.
 */
describe('request logs', () => {
  const servers: { child: ChildProcess; url: string; output: () => string }[] = [];
  let table: string;
  const dynamodb = new DynamoDBClient(localDynamoDbClientConfig(inject('dynamodbEndpoint')));
  const requestIds: Record<string, string> = {};

  async function send(url: string, label: string, query: string, variables: Record<string, unknown>, token?: string) {
    const result = await probe(`${url}/graphql`, { query, variables, operationName: label.replace(/\W/g, '') }, token);
    requestIds[label] = result.headers.get('x-request-id')!;
    return result;
  }

  beforeAll(async () => {
    table = `logs-${randomBytes(4).toString('hex')}`;
    await ensureTable(dynamodb, table);
    const environment = productionEnvironment({ LOG_LEVEL: 'INFO' });
    servers.push(await startChild(['server', table, inject('dynamodbEndpoint')], environment));
    // A second server on a table that does not exist: every read is an internal error, logged in full.
    servers.push(await startChild(['server', 'no-such-table', inject('dynamodbEndpoint')], environment));
    const [api, broken] = servers.map((server) => server.url) as [string, string];
    const token = await signIn(api, 'admin');
    const officer = await signIn(api, 'officer');
    // A refused sign-in with the markers as user name and password.
    await expect(signIn(api, MARKERS.name, MARKERS.phone)).rejects.toThrow('failed with 401');

    // Every kind of write, with the markers in names, phones, codes and free text.
    const person = { name: MARKERS.name, phone: MARKERS.phone };
    const station = (await send(api, 'CreateStation', 'mutation CreateStation($input: CreateStationInput!) { createStation(input: $input) { id version } }', { input: stationInput({ name: `${MARKERS.name}驿站`, phone: MARKERS.landline, description: MARKERS.text }) }, token)).body.data as { createStation: { id: string; version: number } };
    const stationId = station.createStation.id;
    await send(api, 'UpdateStation', 'mutation UpdateStation($input: UpdateStationInput!) { updateStation(input: $input) { id } }', { input: { id: stationId, expectedVersion: 1, address: MARKERS.text } }, token);
    const enterprise = (await send(api, 'CreateEnterprise', 'mutation CreateEnterprise($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id version } }', { input: enterpriseInput(stationId, { creditCode: MARKERS.creditCode, name: `${MARKERS.name}有限公司`, legalRepresentative: MARKERS.name, contact: person, steward: person }) }, token)).body.data as { createEnterprise: { id: string; version: number } };
    const enterpriseId = enterprise.createEnterprise.id;
    await send(api, 'Duplicate', 'mutation Duplicate($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }', { input: enterpriseInput(stationId, { creditCode: MARKERS.creditCode, legalRepresentative: MARKERS.name }) }, token);
    await send(api, 'Invalid', 'mutation Invalid($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }', { input: enterpriseInput(stationId, { creditCode: `${MARKERS.creditCode}X`, contact: { name: MARKERS.name, phone: `x${MARKERS.phone}` } }) }, token);
    await send(api, 'Stale', 'mutation Stale($input: UpdateEnterpriseInput!) { updateEnterprise(input: $input) { id } }', { input: { id: enterpriseId, expectedVersion: 9, legalRepresentative: MARKERS.name } }, token);
    await send(api, 'Move', 'mutation Move($input: TransitionEnterpriseInput!) { transitionEnterprise(input: $input) { id } }', { input: { id: enterpriseId, expectedVersion: 1, action: 'MOVE_OUT', note: MARKERS.text } }, token);
    const request = (await send(api, 'CreateRequest', 'mutation CreateRequest($input: CreateServiceRequestInput!) { createServiceRequest(input: $input) { id version } }', { input: requestInput({ channel: 'STATION', stationId, requester: person, title: MARKERS.text, description: MARKERS.text }) }, token)).body.data as { createServiceRequest: { id: string; version: number } };
    await send(api, 'Reply', 'mutation Reply($input: TransitionServiceRequestInput!) { transitionServiceRequest(input: $input) { id } }', { input: { id: request.createServiceRequest.id, expectedVersion: 1, action: 'REPLY', reply: MARKERS.text } }, token);
    await send(api, 'Wrong', 'mutation Wrong($input: TransitionServiceRequestInput!) { transitionServiceRequest(input: $input) { id } }', { input: { id: request.createServiceRequest.id, expectedVersion: 2, action: 'DISPATCH', assignedUnit: MARKERS.name } }, token);
    const project = (await send(api, 'CreateProject', 'mutation CreateProject($input: CreateProjectInput!) { createProject(input: $input) { id } }', { input: projectInput(enterpriseId, { name: MARKERS.text }) }, officer)).body.data as { createProject: { id: string } } | null;
    if (project) {
      await send(api, 'CreateApproval', 'mutation CreateApproval($input: CreateApprovalInput!) { createApproval(input: $input) { id } }', { input: approvalInput(project.createProject.id, { itemName: MARKERS.text, submittedMaterials: [{ name: MARKERS.name }] }) }, officer);
    }
    // Reads with the markers in variables, answered, refused and failing inside.
    await send(api, 'Search', 'query Search($q: String) { enterprises(filter: { q: $q }) { totalCount } }', { q: MARKERS.phone }, token);
    await send(api, 'ByCode', 'query ByCode($code: String!) { enterpriseByCreditCode(creditCode: $code) { contact { phone } } }', { code: MARKERS.creditCode }, token);
    await send(api, 'Anonymous', 'query Anonymous($q: String) { enterprises(filter: { q: $q }) { totalCount } }', { q: MARKERS.name });
    await send(api, 'BadToken', 'query BadToken { me { id } }', {}, `${MARKERS.phone}.${MARKERS.creditCode}.x`);
    await send(api, 'Unnamed', `{ enterprises(filter: { q: "${MARKERS.name}" }) { totalCount } }`, {}, token);
    await send(broken, 'Internal', 'query Internal($q: String) { enterprises(filter: { q: $q }) { totalCount } }', { q: MARKERS.phone }, await signIn(broken, 'admin'));
    await new Promise((resolve) => setTimeout(resolve, 300));
  }, 120_000);

  afterAll(async () => {
    for (const server of servers) server.child.kill('SIGKILL');
    await deleteTableIfExists(dynamodb, table);
    dynamodb.destroy();
  });

  const lines = (): RequestLine[] =>
    servers
      .flatMap((server) => server.output().split('\n'))
      .filter((line) => line.startsWith('{') && !line.startsWith('{"url"'))
      .map((line) => JSON.parse(line) as RequestLine);

  it('writes every line as JSON, one per GraphQL request, with its request id, operation, user and duration', () => {
    const requestLines = lines().filter((line) => line.message === 'graphql request');
    for (const [label, requestId] of Object.entries(requestIds)) {
      const mine = requestLines.filter((line) => line.requestId === requestId);
      expect(mine, label).toHaveLength(1);
      expect(mine[0], label).toMatchObject({ requestId, userId: expect.any(String), durationMs: expect.any(Number), httpStatus: expect.any(Number), outcome: expect.any(String) });
      expect(mine[0]!.operationName, label).toEqual(label === 'Unnamed' || label === 'BadToken' ? expect.any(String) : label.replace(/\W/g, ''));
    }
    expect(requestLines.find((line) => line.requestId === requestIds.CreateStation)).toMatchObject({ userId: 'local:admin', outcome: 'OK' });
    expect(requestLines.find((line) => line.requestId === requestIds.Anonymous)).toMatchObject({ userId: 'anonymous', outcome: 'UNAUTHENTICATED' });
    expect(requestLines.find((line) => line.requestId === requestIds.BadToken)).toMatchObject({ userId: '(unverified)', operationName: '(anonymous)', httpStatus: 401 });
    expect(requestLines.find((line) => line.requestId === requestIds.Internal)).toMatchObject({ outcome: 'INTERNAL_SERVER_ERROR' });
    expect(lines().some((line) => line.level === 'ERROR' && line.requestId === requestIds.Internal)).toBe(true);
  });

  it('logs none of the personal data planted in them, on any path', () => {
    const everything = servers.map((server) => server.output()).join('\n');
    expect(Object.keys(requestIds).length).toBeGreaterThan(15);
    for (const [kind, marker] of Object.entries(MARKERS)) expect(everything.includes(marker), `${kind} ${marker}`).toBe(false);
  });
});
