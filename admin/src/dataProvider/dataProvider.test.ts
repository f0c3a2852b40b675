import type { HttpError } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { createDataProvider } from './dataProvider';
import { createGraphqlClient } from './graphql';
import actions from './recorded/actions.json' with { type: 'json' };
import paging from './recorded/paging.json' with { type: 'json' };
import references from './recorded/references.json' with { type: 'json' };
import writes from './recorded/writes.json' with { type: 'json' };

interface Exchange {
  readonly request: { readonly query: string; readonly variables: unknown };
  readonly status: number;
  readonly response: unknown;
}

/**
 * A data provider whose fetch answers with responses recorded from the local API, for the
 * operations each test makes; it fails on any request the recording does not have.
 */
function replaying(exchanges: readonly Exchange[]) {
  const sent: Exchange['request'][] = [];
  const unused = [...exchanges];
  const fetch: typeof globalThis.fetch = async (_url, init) => {
    const request = JSON.parse(String(init?.body)) as Exchange['request'];
    sent.push(request);
    const index = unused.findIndex((exchange) => JSON.stringify(exchange.request) === JSON.stringify(request));
    expect(index, `no recorded response for ${JSON.stringify(request.variables)}`).toBeGreaterThanOrEqual(0);
    const [recorded] = unused.splice(index, 1);
    return new Response(JSON.stringify(recorded!.response), { status: recorded!.status, headers: { 'content-type': 'application/json' } });
  };
  const provider = createDataProvider(createGraphqlClient({ url: 'http://api.test/graphql', token: async () => 'token', fetch }));
  return { provider, sent };
}

const byName = { field: 'name', order: 'ASC' } as const;
const active = { status: 'ACTIVE', q: '' };

describe('the data provider', () => {
  it('opens page 3 by walking forward to its cursor in one cheap request, then reads the next page from the remembered cursor and page 1 from the start', async () => {
    // Prepare
    const { provider, sent } = replaying(paging);

    // Act
    const third = await provider.getList('enterprises', { pagination: { page: 3, perPage: 5 }, sort: byName, filter: active });
    const fourth = await provider.getList('enterprises', { pagination: { page: 4, perPage: 5 }, sort: byName, filter: active });
    const first = await provider.getList('enterprises', { pagination: { page: 1, perPage: 5 }, sort: byName, filter: active });

    // Assess
    expect(sent.map((request) => (request.variables as { first: number }).first)).toEqual([10, 5, 5, 5]);
    expect(sent[0]!.query).not.toContain('nodes');
    expect((sent[2]!.variables as { after: string }).after).toBe(paging[1]!.response.data!.list.pageInfo.endCursor);
    expect((sent[3]!.variables as { after: null }).after).toBeNull();
    expect(third.total).toBe(60);
    expect(third.data).toHaveLength(5);
    expect(new Set([...first.data, ...third.data, ...fourth.data].map((record) => record.id)).size).toBe(15);
    expect(third.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true });
  });

  it('sends the declared filters as the API takes them (lists for status) and drops empty ones', async () => {
    // Prepare
    const { provider, sent } = replaying(paging.slice(3));

    // Act
    await provider.getList('enterprises', { pagination: { page: 1, perPage: 5 }, sort: byName, filter: { ...active, unknown: 'x' } });

    // Assess
    expect(sent[0]!.variables).toEqual({ filter: { status: ['ACTIVE'] }, sort: 'NAME_ASC', first: 5, after: null });
  });

  it('offers only the sorts the API keeps: an unsupported field falls back to the declared default sort', async () => {
    // Prepare
    const { provider, sent } = replaying(paging.slice(3));

    // Act
    await provider.getList('enterprises', { pagination: { page: 1, perPage: 5 }, sort: { field: 'employees', order: 'DESC' }, filter: active });

    // Assess
    expect((sent[0]!.variables as { sort: string }).sort).toBe('NAME_ASC');
  });

  it('loads the stations a page refers to in one request', async () => {
    // Prepare
    const { provider, sent } = replaying(references);
    const { data: page } = await provider.getList('enterprises', { pagination: { page: 1, perPage: 5 }, sort: byName, filter: {} });

    // Act
    const { data: stations } = await provider.getMany('stations', { ids: page.map((record) => record.stationId) });

    // Assess
    expect(sent).toHaveLength(2);
    expect(stations.map((station) => station.id).sort()).toEqual([...new Set(page.map((record) => record.stationId))].sort());
    expect(stations.every((station) => typeof station.code === 'string')).toBe(true);
  });

  it('updates with the version it read and only the changed fields; a stale version is the "changed by someone else" conflict', async () => {
    // Prepare
    const { provider, sent } = replaying(writes);
    const { data: [record] } = await provider.getList('enterprises', { pagination: { page: 1, perPage: 1 }, sort: byName, filter: {} });

    // Act
    const { data: updated } = await provider.update('enterprises', { id: record!.id, data: { ...record, employees: record!.employees + 1 }, previousData: record! });
    const conflict = (await provider.update('enterprises', { id: record!.id, data: { ...record, employees: record!.employees + 2 }, previousData: record! }).catch((error: unknown) => error)) as HttpError;

    // Assess
    expect(sent[1]!.variables).toEqual({ input: { id: record!.id, expectedVersion: 1, employees: record!.employees + 1 } });
    expect(updated.version).toBe(2);
    expect(conflict.status).toBe(409);
    expect(conflict.message).toBe('yizhan.errors.conflict');
  });

  it('turns field errors into react-admin form errors keyed by field', async () => {
    // Prepare
    const { provider } = replaying(writes);
    const { data: [record] } = await provider.getList('enterprises', { pagination: { page: 1, perPage: 1 }, sort: byName, filter: {} });
    const { data: updated } = await provider.update('enterprises', { id: record!.id, data: { ...record, employees: record!.employees + 1 }, previousData: record! });
    await provider.update('enterprises', { id: record!.id, data: { ...record, employees: record!.employees + 2 }, previousData: record! }).catch(() => undefined);

    // Act
    const refused = (await provider.update('enterprises', { id: updated.id, data: { ...updated, creditCode: '91350203M0001QAY9B' }, previousData: updated }).catch((error: unknown) => error)) as HttpError;

    // Assess
    expect(refused.status).toBe(400);
    expect(refused.body.errors.creditCode).toContain('check character');
  });

  it('sends a status action with its fields and note at the version it read', async () => {
    // Prepare
    const { provider, sent } = replaying(actions);
    const { data: [record] } = await provider.getList('enterprises', { pagination: { page: 1, perPage: 1 }, sort: byName, filter: { status: 'ACTIVE' } });

    // Act
    const { data: moved } = await provider.transition('enterprises', { id: record!.id, action: 'MOVE_OUT', expectedVersion: record!.version, fields: { note: '搬迁至长沙' } });

    // Assess
    expect(sent[1]!.variables).toEqual({ input: { note: '搬迁至长沙', id: record!.id, expectedVersion: 1, action: 'MOVE_OUT' } });
    expect(moved.status).toBe('MOVED_OUT');
    expect(moved.availableActions).toEqual(['MOVE_BACK', 'DEREGISTER']);
  });

  it('reads a record’s related list through its connection field', async () => {
    // Prepare
    const { provider } = replaying(actions);

    // Act
    const related = await provider.related('enterprises', '01M8DQB5NH796Z2D7XK1CVTV6K', 'serviceRequests', ['number', 'title', 'status'], 3);

    // Assess
    expect(related!.totalCount).toBe(6);
    expect(related!.nodes).toHaveLength(3);
    expect(Object.keys(related!.nodes[0]!).sort()).toEqual(['id', 'number', 'status', 'title']);
  });

  it('leaves out a reference that no longer exists instead of failing the page’s others', async () => {
    // Prepare
    const { provider } = replaying(actions);
    const stationId = actions[3]!.request.variables.id0 as string;

    // Act
    const { data } = await provider.getMany('stations', { ids: [stationId, 'no-such-station'] });

    // Assess
    expect(data.map((station) => station.id)).toEqual([stationId]);
  });

  it('sends a create’s request id, so a retry returns the record created the first time', async () => {
    // Prepare
    const { provider, sent } = replaying(actions);
    const input = actions[6]!.request.variables.input as Record<string, unknown>;

    // Act
    const first = await provider.create('enterprises', { data: { ...input, unknownField: 'dropped' } });
    const retry = await provider.create('enterprises', { data: input });

    // Assess
    expect((sent[0]!.variables as { input: Record<string, unknown> }).input.clientRequestId).toBe('recorded-1');
    expect(retry.data.id).toBe(first.data.id);
  });

  it('gives react-admin no total when the API counts a lower bound, so it pages by pageInfo and keeps the bound', async () => {
    // Prepare: the API's answer to a text search over more records than its count looks at (docs/api.md).
    const answer = { data: { list: { totalCount: 1000, totalCountIsExact: false, pageInfo: { hasNextPage: true, endCursor: 'c1' }, nodes: [{ id: 'e1', name: '湘潭机电' }] } } };
    const fetch: typeof globalThis.fetch = async () => new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } });
    const provider = createDataProvider(createGraphqlClient({ url: 'http://api.test/graphql', token: async () => 'token', fetch }));

    // Act
    const page = await provider.getList('enterprises', { pagination: { page: 1, perPage: 25 }, sort: byName, filter: { q: '机电' } });

    // Assess
    expect(page.total).toBeUndefined();
    expect(page.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false });
    expect(page.meta).toEqual({ totalAtLeast: 1000 });
  });
});
