import { approvalEntity, enterpriseEntity, projectEntity, serviceRequestEntity, stationEntity } from '@yizhan/shared';
import { type GraphQLInputObjectType, GraphQLList, GraphQLNonNull, type GraphQLObjectType, getNamedType, isEnumType, isLeafType, isListType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataProvider, type YizhanDataProvider } from '../../admin/src/dataProvider/dataProvider';
import { createGraphqlClient } from '../../admin/src/dataProvider/graphql';
import { AUDIT_EVENTS, recordResources } from '../../admin/src/dataProvider/resources';
import { getSchema } from '../../api/src/schema';
import { TestApi } from '../support/api';
import { approvalInput, projectInput } from '../support/approvals';
import { enterpriseInput, stationInput } from '../support/fixtures';
import { requestInput } from '../support/service-requests';

interface Exchange {
  readonly operation: string;
  readonly status: number;
  readonly codes: readonly string[];
}

/** How the console writes a record of each resource: its create input, then a status action and its fields. */
interface Writes {
  readonly input: (ids: { station: string; enterprise: string; project: string }) => Record<string, unknown>;
  readonly action: string;
  readonly fields?: Record<string, unknown>;
  readonly deletes?: boolean;
}

const writesOf: Record<string, Writes> = {
  [stationEntity.plural]: { input: () => stationInput(), action: 'SUSPEND' },
  [enterpriseEntity.plural]: { input: ({ station }) => enterpriseInput(station), action: 'MOVE_OUT', deletes: true },
  [serviceRequestEntity.plural]: { input: () => requestInput(), action: 'DISPATCH', fields: { assignedUnit: '园区物业' } },
  [projectEntity.plural]: { input: ({ enterprise }) => projectInput(enterprise), action: 'START_APPROVAL' },
  [approvalEntity.plural]: { input: ({ project }) => approvalInput(project), action: 'ACCEPT' },
};

/** Rows on the longest list page react-admin offers (its default page sizes: 5, 10, 25, 50). */
const LONGEST_PAGE = 50;

/** A filter value of each field of a list's filter input, as the console's filter inputs would send it. */
function everyFilter(typeName: string, ids: { station: string; enterprise: string }): Record<string, unknown> {
  const filterType = getSchema().getType(typeName) as GraphQLInputObjectType;
  const values: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(filterType.getFields())) {
    const named = getNamedType(field.type);
    const list = isListType(field.type instanceof GraphQLNonNull ? field.type.ofType : field.type);
    let value: unknown;
    if (isEnumType(named)) value = named.getValues()[0]!.value;
    else if (named.name === 'ID') value = name.startsWith('station') ? ids.station : ids.enterprise;
    else if (named.name === 'Date') value = name.endsWith('To') ? '2030-12-31' : '2000-01-01';
    else if (named.name === 'Boolean') value = false;
    else value = 'xiangtan';
    values[name] = list ? [value] : value;
  }
  return values;
}

/** Scalar and enum fields of a connection's node type: the most columns a related list can show. */
function connectionsOf(typeName: string): { connection: string; columns: string[] }[] {
  const type = getSchema().getType(typeName) as GraphQLObjectType;
  return Object.values(type.getFields()).flatMap((field) => {
    const named = getNamedType(field.type) as GraphQLObjectType;
    if (!named.name.endsWith('Connection')) return [];
    const node = getNamedType(named.getFields().nodes!.type) as GraphQLObjectType;
    const columns = Object.values(node.getFields())
      .filter((column) => isLeafType(getNamedType(column.type)) && column.args.length === 0 && !(column.type instanceof GraphQLList))
      .map((column) => column.name);
    return [{ connection: field.name, columns }];
  });
}

/**
 * Every kind of request the console's data provider builds (`admin/src/dataProvider/`), for
 * every resource it declares, at the largest sizes it uses, sent to the API as an administrator:
 * none may be refused by the request limits.
 */
describe('the console’s queries within the request limits', () => {
  let api: TestApi;
  let provider: YizhanDataProvider;
  const exchanges: Exchange[] = [];

  beforeAll(async () => {
    api = await TestApi.startWithDemoDirectory();
    const token = await api.tokenFor('admin');
    const recording: typeof fetch = async (url, init) => {
      const response = await fetch(url, init);
      const body = (await response.clone().json()) as { errors?: { extensions?: { code?: string } }[] };
      const { query } = JSON.parse(String(init?.body)) as { query: string };
      exchanges.push({ operation: query, status: response.status, codes: (body.errors ?? []).map((error) => error.extensions?.code ?? '') });
      return response;
    };
    provider = createDataProvider(createGraphqlClient({ url: `${api.url}/graphql`, token: async () => token, fetch: recording }));
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
  });

  it('covers each resource the console declares', () => {
    expect(Object.keys(recordResources).sort()).toEqual(Object.keys(writesOf).sort());
  });

  it.each(Object.keys(recordResources))('reads and writes %s at the largest sizes the console asks for, none refused', async (resource) => {
    // Prepare
    const { entity } = recordResources[resource]!;
    const stations = await api.stationIds();
    const station = Object.values(stations)[0]!;
    const anyEnterprise = (await provider.getList(enterpriseEntity.plural, { pagination: { page: 1, perPage: 1 }, sort: { field: 'name', order: 'ASC' }, filter: {} })).data[0]!;
    const filter = everyFilter(`${entity.name}Filter`, { station, enterprise: String(anyEnterprise.id) });
    const writes = writesOf[resource]!;
    const project = await api.data<{ createProject: { id: string } }>('admin', 'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }', { input: projectInput(String(anyEnterprise.id)) });
    const ids = { station, enterprise: String(anyEnterprise.id), project: project.createProject.id };
    // A record to read, besides the demo directory's.
    await provider.create(resource, { data: writes.input(ids) });
    const known = (await provider.getList(resource, { pagination: { page: 1, perPage: LONGEST_PAGE }, sort: { field: 'id', order: 'ASC' }, filter: {} })).data.map((record) => String(record.id));
    // A page of references: as many distinct ids as a page has rows; ids of missing records answer NOT_FOUND, not a refusal.
    const referenced = [...known, ...Array.from({ length: LONGEST_PAGE }, (_, index) => `01MISSING${String(index).padStart(17, '0')}`)].slice(0, LONGEST_PAGE);
    exchanges.length = 0;

    // Act
    for (const perPage of [LONGEST_PAGE, 100, 1_000]) {
      await provider.getList(resource, { pagination: { page: 1, perPage }, sort: { field: 'name', order: 'DESC' }, filter });
    }
    await provider.getList(resource, { pagination: { page: 4, perPage: LONGEST_PAGE }, sort: { field: 'name', order: 'ASC' }, filter: {} });
    await provider.getOne(resource, { id: known[0]! });
    await provider.getMany(resource, { ids: referenced });
    await provider.getManyReference(resource, { target: 'stationId', id: station, pagination: { page: 1, perPage: LONGEST_PAGE }, sort: { field: 'name', order: 'ASC' }, filter: {} });
    for (const { connection, columns } of connectionsOf(entity.name)) await provider.related(resource, known[0]!, connection, columns, 10);
    const created = (await provider.create(resource, { data: { ...writes.input(ids), clientRequestId: `console-${resource}` } })).data;
    const renamed = 'name' in created ? { name: `${created.name}（更新）` } : 'title' in created ? { title: `${created.title}（更新）` } : { itemName: `${created.itemName}（更新）` };
    const updated = (await provider.update(resource, { id: created.id, data: { ...created, ...renamed }, previousData: created })).data;
    const moved = (await provider.transition(resource, { id: created.id, action: writes.action, expectedVersion: updated.version, fields: { ...writes.fields, note: '控制台操作' } })).data;
    if (writes.deletes) await provider.delete(resource, { id: created.id, previousData: moved });

    // Assess
    expect(exchanges.length).toBeGreaterThan(8);
    const refused = exchanges.filter((exchange) => exchange.status >= 400 || exchange.codes.some((code) => code !== 'NOT_FOUND'));
    expect(refused).toEqual([]);
  });

  it('reads the audit journal, the calendar and the dashboard, and sets and removes a calendar day, none refused', async () => {
    // Prepare
    const enterprise = (await provider.getList(enterpriseEntity.plural, { pagination: { page: 1, perPage: 1 }, sort: { field: 'name', order: 'ASC' }, filter: {} })).data[0]!;
    exchanges.length = 0;

    // Act
    for (const perPage of [25, 100]) {
      await provider.getList(AUDIT_EVENTS, { pagination: { page: 1, perPage }, sort: { field: 'at', order: 'DESC' }, filter: {} });
      await provider.getList(AUDIT_EVENTS, { pagination: { page: 2, perPage }, sort: { field: 'at', order: 'DESC' }, filter: { entityId: enterprise.id } });
    }
    await provider.workCalendar(2026);
    await provider.dashboard('2022-06-15', '2023-10-31', null);
    const day = await provider.setCalendarDay({ date: '2027-01-04', kind: 'HOLIDAY', name: '测试' });
    await provider.removeCalendarDay({ date: day.date, expectedVersion: day.version });

    // Assess
    expect(exchanges.length).toBeGreaterThanOrEqual(8);
    expect(exchanges.filter((exchange) => exchange.status >= 400 || exchange.codes.length > 0)).toEqual([]);
  });
});
