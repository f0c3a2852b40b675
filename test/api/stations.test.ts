import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, TestApi } from '../support/api';
import { createStation, STATION_FIELDS, stationInput } from '../support/fixtures';

const CREATE = `mutation($input: CreateStationInput!) { createStation(input: $input) { ${STATION_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateStationInput!) { updateStation(input: $input) { ${STATION_FIELDS} } }`;
const LIST = `query($filter: StationFilter, $sort: StationSort!, $first: Int!) { stations(filter: $filter, sort: $sort, first: $first) { totalCount nodes { code status } pageInfo { hasNextPage } } }`;

describe('stations', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('creates and updates a station, bumping its version', async () => {
    const created = (await api.data('admin', CREATE, { input: stationInput({ name: '金荣驿站' }) })).createStation;
    expect(created).toMatchObject({ version: 1, status: 'ACTIVE', name: '金荣驿站', availableActions: ['SUSPEND', 'CLOSE'] });

    const updated = (await api.data('admin', UPDATE, { input: { id: created.id, expectedVersion: 1, phone: '13800001111', location: null } })).updateStation;
    expect(updated).toMatchObject({ version: 2, location: null, name: '金荣驿站' });
  });

  it('refuses a duplicate station code with CONFLICT', async () => {
    const first = await createStation(api);
    const duplicate = await api.graphql('admin', CREATE, { input: stationInput({ code: first.code }) });
    expect(duplicate.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'code' });
  });

  it('moves a station ACTIVE ⇄ SUSPENDED → CLOSED and refuses changes once closed', async () => {
    const station = await createStation(api);
    const suspended = (await api.data('admin', UPDATE, { input: { id: station.id, expectedVersion: 1, status: 'SUSPENDED' } })).updateStation;
    expect(suspended.availableActions).toEqual(['RESUME', 'CLOSE']);
    const closed = (await api.data('admin', UPDATE, { input: { id: station.id, expectedVersion: 2, status: 'CLOSED' } })).updateStation;
    expect(closed).toMatchObject({ status: 'CLOSED', availableActions: [] });

    const reopened = await api.graphql('admin', UPDATE, { input: { id: station.id, expectedVersion: 3, status: 'ACTIVE' } });
    expect(errorCode(reopened)).toBe('FAILED_PRECONDITION');
  });

  it('validates codes, phones, dates and categories with one field error each', async () => {
    const result = await api.graphql('admin', CREATE, {
      input: stationInput({ code: 'jr', phone: 'call us', serviceCategories: ['EMPLOYMENT', 'EMPLOYMENT'] }),
    });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.extensions!.fieldErrors!.map((error) => error.field).sort()).toEqual(['code', 'phone', 'serviceCategories']);

    const badDate = await api.graphql('admin', CREATE, { input: stationInput({ openedOn: '2023-02-30' }) });
    expect(errorCode(badDate)).toBe('BAD_USER_INPUT');
    expect(badDate.errors![0]!.message).toMatch(/YYYY-MM-DD/);
  });

  it('shows anonymous callers active stations only, and hides their enterprises', async () => {
    const suspended = await createStation(api);
    await api.data('admin', UPDATE, { input: { id: suspended.id, expectedVersion: 1, status: 'SUSPENDED' } });

    const anonymous = (await api.data(null, LIST, { sort: 'CODE_ASC', first: 100 })).stations;
    const admin = (await api.data('admin', LIST, { sort: 'CODE_ASC', first: 100 })).stations;
    expect(anonymous.nodes.every((node: { status: string }) => node.status === 'ACTIVE')).toBe(true);
    expect(anonymous.nodes.map((node: { code: string }) => node.code)).not.toContain(suspended.code);
    expect(admin.nodes.map((node: { code: string }) => node.code)).toContain(suspended.code);
    expect(anonymous.totalCount).toBe(anonymous.nodes.length);
    expect(admin.totalCount).toBe(admin.nodes.length);

    const hidden = await api.graphql(null, `query($id: ID!) { station(id: $id) { code } }`, { id: suspended.id });
    expect(errorCode(hidden)).toBe('NOT_FOUND');
    const enterprises = await api.graphql(null, `{ stations(first: 1) { nodes { code enterprises { totalCount } } } }`);
    expect(errorCode(enterprises)).toBe('UNAUTHENTICATED');
  });

  it('sorts by the declared orders only', async () => {
    const byOpened = (await api.data('admin', LIST, { sort: 'OPENED_DESC', first: 100 })).stations.nodes;
    expect(byOpened.length).toBeGreaterThan(1);
    const unsupported = await api.graphql('admin', LIST, { sort: 'PHONE_ASC', first: 10 });
    expect(errorCode(unsupported)).toBe('BAD_USER_INPUT');
  });
});
