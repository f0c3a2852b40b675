import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localDynamoDbClientConfig } from '../../api/src/local/dynamodb-local';
import { counterKey, referenceDimension } from '../../api/src/store/keys';
import { errorCode, TestApi } from '../support/api';
import { createEnterprise, createStation, ENTERPRISE_FIELDS, enterpriseInput, newCreditCode } from '../support/fixtures';

const CREATE = `mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { ${ENTERPRISE_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateEnterpriseInput!) { updateEnterprise(input: $input) { ${ENTERPRISE_FIELDS} } }`;
const DELETE = `mutation($input: DeleteEnterpriseInput!) { deleteEnterprise(input: $input) { id name } }`;
const GET = `query($id: ID!) { enterprise(id: $id) { ${ENTERPRISE_FIELDS} station { id code } } }`;
const COUNT = `query($filter: EnterpriseFilter) { enterprises(filter: $filter) { totalCount } }`;
const HISTORY = `query($id: ID) { auditEvents(entityId: $id, first: 50) { totalCount nodes { action entityType entityId versionBefore versionAfter actor { username roles } changes { field from to } requestId } } }`;

describe('enterprise writes', () => {
  let api: TestApi;
  let stationId: string;
  let otherStationId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    stationId = (await createStation(api)).id;
    otherStationId = (await createStation(api)).id;
  });

  afterAll(async () => {
    await api?.stop();
  });

  async function total(filter: Record<string, unknown> = {}): Promise<number> {
    return (await api.data('admin', COUNT, { filter })).enterprises.totalCount;
  }

  it('creates, reads, updates and deletes an enterprise, deriving its entity type', async () => {
    const input = enterpriseInput(stationId, { creditCode: ' 9144030071526726xg ' });
    const created = (await api.data('admin', CREATE, { input })).createEnterprise;
    expect(created).toMatchObject({ version: 1, creditCode: '9144030071526726XG', entityType: 'ENTERPRISE', status: 'ACTIVE', availableActions: ['MOVE_OUT', 'DEREGISTER'] });

    const read = (await api.data('admin', GET, { id: created.id })).enterprise;
    expect(read).toMatchObject({ name: input.name, station: { id: stationId } });

    const updated = (await api.data('admin', UPDATE, { input: { id: created.id, expectedVersion: 1, employees: 120, status: 'MOVED_OUT', contact: null } })).updateEnterprise;
    expect(updated).toMatchObject({ version: 2, employees: 120, status: 'MOVED_OUT', contact: null, name: input.name });

    const deleted = (await api.data('admin', DELETE, { input: { id: created.id, expectedVersion: 2 } })).deleteEnterprise;
    expect(deleted).toEqual({ id: created.id, name: input.name });
    expect(errorCode(await api.graphql('admin', GET, { id: created.id }))).toBe('NOT_FOUND');
  });

  it('refuses invalid input with field errors in plain language and writes nothing', async () => {
    const before = await total();
    const result = await api.graphql('admin', CREATE, {
      input: enterpriseInput(stationId, {
        creditCode: '91350203M0001QAY9B',
        name: '',
        employees: -1,
        contact: { name: '王经理', phone: '12' },
      }),
    });

    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    const fieldErrors = result.errors![0]!.extensions!.fieldErrors!;
    expect(fieldErrors.map((error) => error.field).sort()).toEqual(['contact.phone', 'creditCode', 'employees', 'name']);
    expect(fieldErrors.find((error) => error.field === 'creditCode')!.message).toMatch(/check character/i);
    expect(await total()).toBe(before);
  });

  it('refuses an unknown station, a future registration date and a cleared required field', async () => {
    const unknownStation = await api.graphql('admin', CREATE, { input: enterpriseInput('01J00000000000000000000000') });
    const future = await api.graphql('admin', CREATE, { input: enterpriseInput(stationId, { establishedOn: '2999-01-01' }) });
    const created = await createEnterprise(api, stationId);
    const cleared = await api.graphql('admin', UPDATE, { input: { id: created.id, expectedVersion: 1, name: null } });

    expect(unknownStation.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'stationId' }] });
    expect(future.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'establishedOn' }] });
    expect(cleared.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'name' }] });
  });

  it('lets exactly one of 20 parallel creates with one credit code succeed', async () => {
    const creditCode = newCreditCode();
    const before = await total();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) => api.graphql('admin', CREATE, { input: enterpriseInput(stationId, { creditCode, name: `并发企业${index}` }) })),
    );

    const succeeded = results.filter((result) => !result.errors);
    expect(succeeded).toHaveLength(1);
    expect(results.filter((result) => errorCode(result) === 'CONFLICT')).toHaveLength(19);
    expect(results.find((result) => result.errors)!.errors![0]!.message).toContain(creditCode);
    expect(await total()).toBe(before + 1);
    const found = await api.data('admin', `query($code: String!) { enterpriseByCreditCode(creditCode: $code) { id } }`, { code: creditCode.toLowerCase() });
    expect(found.enterpriseByCreditCode.id).toBe((succeeded[0]!.data as { createEnterprise: { id: string } }).createEnterprise.id);
  });

  it('lets exactly one of 20 parallel updates with one expectedVersion succeed; the rest get CONFLICT and change nothing', async () => {
    const created = await createEnterprise(api, stationId);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) => api.graphql('admin', UPDATE, { input: { id: created.id, expectedVersion: 1, employees: 1000 + index } })),
    );

    const succeeded = results.filter((result) => !result.errors);
    expect(succeeded).toHaveLength(1);
    const conflicts = results.filter((result) => errorCode(result) === 'CONFLICT');
    expect(conflicts).toHaveLength(19);
    expect(conflicts[0]!.errors![0]!.extensions).toMatchObject({ currentVersion: 2, expectedVersion: 1 });
    const winner = (succeeded[0]!.data as { updateEnterprise: { employees: number } }).updateEnterprise.employees;
    const read = (await api.data('admin', GET, { id: created.id })).enterprise;
    expect(read).toMatchObject({ version: 2, employees: winner });
    const history = (await api.data('admin', HISTORY, { id: created.id })).auditEvents;
    expect(history.totalCount).toBe(2);
  });

  it('makes a create idempotent by clientRequestId, and refuses the id with another input', async () => {
    const input = { ...enterpriseInput(stationId), clientRequestId: `req-${Date.now()}` };
    const before = await total();
    const first = (await api.data('admin', CREATE, { input })).createEnterprise;
    const again = (await api.data('admin', CREATE, { input })).createEnterprise;
    const different = await api.graphql('admin', CREATE, { input: { ...input, creditCode: newCreditCode() } });

    expect(again).toEqual(first);
    expect(errorCode(different)).toBe('CONFLICT');
    expect(await total()).toBe(before + 1);
  });

  it('refuses a stale delete and keeps the enterprise', async () => {
    const created = await createEnterprise(api, stationId);
    await api.data('admin', UPDATE, { input: { id: created.id, expectedVersion: 1, employees: 3 } });
    const stale = await api.graphql('admin', DELETE, { input: { id: created.id, expectedVersion: 1 } });
    expect(stale.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    expect((await api.data('admin', GET, { id: created.id })).enterprise.version).toBe(2);
  });

  it('keeps totals per station and facet in step with moves between stations and status changes', async () => {
    const created = await createEnterprise(api, stationId, { tags: ['LITTLE_GIANT'] });
    const atA = await total({ stationId, tag: 'LITTLE_GIANT' });
    const atB = await total({ stationId: otherStationId, tag: 'LITTLE_GIANT' });
    await api.data('admin', UPDATE, { input: { id: created.id, expectedVersion: 1, stationId: otherStationId, status: 'MOVED_OUT' } });

    expect(await total({ stationId, tag: 'LITTLE_GIANT' })).toBe(atA - 1);
    expect(await total({ stationId: otherStationId, tag: 'LITTLE_GIANT' })).toBe(atB + 1);
    expect(await total({ stationId: otherStationId, status: 'MOVED_OUT' })).toBeGreaterThanOrEqual(1);
  });

  it('refuses a status change the state machine does not allow, naming the allowed actions', async () => {
    const created = await createEnterprise(api, stationId);
    await api.data('admin', UPDATE, { input: { id: created.id, expectedVersion: 1, status: 'DEREGISTERED' } });
    const result = await api.graphql('admin', UPDATE, { input: { id: created.id, expectedVersion: 2, status: 'ACTIVE' } });
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'INVALID_TRANSITION', allowedActions: [] });
  });

  it('writes an audit event for every mutation, with the actor, versions and field changes', async () => {
    const created = await createEnterprise(api, stationId, { employees: 10 });
    await api.data('admin', UPDATE, { input: { id: created.id, expectedVersion: 1, employees: 11 } });
    await api.data('admin', DELETE, { input: { id: created.id, expectedVersion: 2 } });

    const history = (await api.data('admin', HISTORY, { id: created.id })).auditEvents;
    expect(history.totalCount).toBe(3);
    expect(history.nodes.map((event: { action: string }) => event.action)).toEqual(['deleteEnterprise', 'updateEnterprise', 'createEnterprise']);
    const [deleted, updated, createdEvent] = history.nodes;
    expect(updated).toMatchObject({ entityType: 'Enterprise', versionBefore: 1, versionAfter: 2, actor: { username: 'admin', roles: ['ADMIN'] }, changes: [{ field: 'employees', from: 10, to: 11 }] });
    expect(createdEvent).toMatchObject({ versionBefore: null, versionAfter: 1 });
    expect(deleted).toMatchObject({ versionBefore: 2, versionAfter: null });
    expect(createdEvent.requestId).not.toBe(updated.requestId);
  });

  it('refuses to delete an enterprise that service requests still refer to', async () => {
    const created = await createEnterprise(api, stationId);
    // Service requests arrive with a later issue; their store counts them per enterprise under
    // this counter, which the delete checks in its transaction.
    const documents = DynamoDBDocumentClient.from(new DynamoDBClient(localDynamoDbClientConfig(inject('dynamodbEndpoint'))));
    await documents.send(new PutCommand({ TableName: api.tableName, Item: { ...counterKey('ServiceRequest', referenceDimension('Enterprise', created.id)), count: 1 } }));
    documents.destroy();

    const result = await api.graphql('admin', DELETE, { input: { id: created.id, expectedVersion: 1 } });
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'FAILED_PRECONDITION', dependentType: 'ServiceRequest' });
    expect((await api.data('admin', GET, { id: created.id })).enterprise.version).toBe(1);
  });
});
