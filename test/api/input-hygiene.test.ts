import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, type GraphqlResponse, TestApi } from '../support/api';
import { createEnterprise, createStation, ENTERPRISE_FIELDS, enterpriseInput, STATION_FIELDS, stationInput } from '../support/fixtures';

const CREATE_STATION = `mutation($input: CreateStationInput!) { createStation(input: $input) { ${STATION_FIELDS} description } }`;
const UPDATE_STATION = `mutation($input: UpdateStationInput!) { updateStation(input: $input) { ${STATION_FIELDS} } }`;
const CREATE_ENTERPRISE = `mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { ${ENTERPRISE_FIELDS} } }`;
const UPDATE_ENTERPRISE = `mutation($input: UpdateEnterpriseInput!) { updateEnterprise(input: $input) { ${ENTERPRISE_FIELDS} } }`;
const STATION_COUNT = `{ stations { totalCount } }`;
const SET_DAY = `mutation($input: SetCalendarDayInput!) { setCalendarDay(input: $input) { date version } }`;

function fieldsOf(result: GraphqlResponse<unknown>): string[] {
  return (result.errors?.[0]?.extensions?.fieldErrors ?? []).map((error) => error.field).sort();
}

describe('bad input gets a clear error and changes nothing', () => {
  let api: TestApi;
  let stationId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    stationId = (await createStation(api)).id;
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('refuses a registered capital DynamoDB could not store (1e-200) with BAD_USER_INPUT, writing nothing', async () => {
    const before = (await api.data('admin', `{ enterprises { totalCount } }`)).enterprises.totalCount;
    const result = await api.graphql('admin', CREATE_ENTERPRISE, { input: enterpriseInput(stationId, { registeredCapital: 1e-200 }) });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.extensions!.fieldErrors).toEqual([{ field: 'registeredCapital', message: 'registeredCapital may have at most 6 decimal places.' }]);
    expect((await api.data('admin', `{ enterprises { totalCount } }`)).enterprises.totalCount).toBe(before);
  });

  it('keeps money to six decimal places and large sums exact', async () => {
    const created = await api.data('admin', CREATE_ENTERPRISE, { input: enterpriseInput(stationId, { registeredCapital: 99_999_999.123456 }) });
    expect(created.createEnterprise.registeredCapital).toBe(99_999_999.123456);
    const tooLarge = await api.graphql('admin', CREATE_ENTERPRISE, { input: enterpriseInput(stationId, { registeredCapital: 1e126 }) });
    expect(fieldsOf(tooLarge)).toEqual(['registeredCapital']);
  });

  it('accepts a latitude of 1e-7 and rounds finer coordinates to 7 places', async () => {
    const small = (await api.data('admin', CREATE_STATION, { input: stationInput({ location: { lat: 1e-7, lng: 112.123456789 } }) })).createStation;
    expect(small.location).toEqual({ lat: 1e-7, lng: 112.1234568 });
    const outOfRange = await api.graphql('admin', CREATE_STATION, { input: stationInput({ location: { lat: 91, lng: 0 } }) });
    expect(fieldsOf(outOfRange)).toEqual(['location.lat']);
  });

  it('trims text, refuses a blank required name on create and on update, and keeps the record unchanged', async () => {
    const created = (await api.data('admin', CREATE_STATION, { input: stationInput({ name: '  金荣驿站 ', description: '   ' }) })).createStation;
    expect(created).toMatchObject({ name: '金荣驿站', description: '' });

    const before = (await api.data('admin', STATION_COUNT)).stations.totalCount;
    const blankCreate = await api.graphql('admin', CREATE_STATION, { input: stationInput({ name: '   ' }) });
    expect(blankCreate.errors![0]!.extensions!.fieldErrors).toEqual([{ field: 'name', message: 'name is required.' }]);
    expect((await api.data('admin', STATION_COUNT)).stations.totalCount).toBe(before);

    const blankUpdate = await api.graphql('admin', UPDATE_STATION, { input: { id: created.id, expectedVersion: 1, name: '   ', park: ' 新园区 ' } });
    expect(blankUpdate.errors![0]!.extensions!.fieldErrors).toEqual([{ field: 'name', message: 'name cannot be cleared.' }]);
    const read = (await api.data('admin', `query($id: ID!) { station(id: $id) { version name park } }`, { id: created.id })).station;
    expect(read).toEqual({ version: 1, name: '金荣驿站', park: '测试产业园' });

    const trimmed = (await api.data('admin', UPDATE_STATION, { input: { id: created.id, expectedVersion: 1, park: ' 新园区 ' } })).updateStation;
    expect(trimmed).toMatchObject({ version: 2 });
    expect((await api.data('admin', `query($id: ID!) { station(id: $id) { park } }`, { id: created.id })).station.park).toBe('新园区');
  });

  it.each([
    ['a control character', 'name', '湘潭\u0007机电'],
    ['a right-to-left override', 'legalRepresentative', '张\u202E三'],
    ['a lone surrogate', 'industry', '制造\uD800'],
    ['a line break in a one-line field', 'address', '湘潭\n高新区'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_kind, field, value) => {
    const result = await api.graphql('admin', CREATE_ENTERPRISE, { input: enterpriseInput(stationId, { [field]: value }) });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(result)).toEqual([field]);
    expect(result.errors![0]!.message).toMatch(new RegExp(`^${field} contains .*U\\+[0-9A-F]{4}`));
  });

  it('checks nested and updated values by the same declaration as created ones', async () => {
    const enterprise = await createEnterprise(api, stationId);
    const result = await api.graphql('admin', UPDATE_ENTERPRISE, {
      input: { id: enterprise.id, expectedVersion: 1, steward: { name: '李\u202E管家', phone: '13807321234' }, employees: -5 },
    });
    expect(fieldsOf(result)).toEqual(['employees', 'steward.name']);
    const filter = await api.graphql('admin', `query($q: String) { enterprises(filter: { q: $q }) { totalCount } }`, { q: 'a\u0000b' });
    expect(fieldsOf(filter)).toEqual(['q']);
  });

  it('lets setCalendarDay accept exactly the years workCalendar serves', async () => {
    const first = await api.graphql('admin', SET_DAY, { input: { date: '2000-01-03', kind: 'HOLIDAY' } });
    const last = await api.graphql('admin', SET_DAY, { input: { date: '2100-12-31', kind: 'HOLIDAY' } });
    const before = await api.graphql('admin', SET_DAY, { input: { date: '1999-12-31', kind: 'HOLIDAY' } });
    const after = await api.graphql('admin', SET_DAY, { input: { date: '2101-01-03', kind: 'HOLIDAY' } });
    const served = await api.graphql('admin', `{ a: workCalendar(year: 2000) { year } b: workCalendar(year: 2100) { year } }`);
    const notServed = await api.graphql('admin', `{ workCalendar(year: 2101) { year } }`);

    expect([first.errors, last.errors, served.errors]).toEqual([undefined, undefined, undefined]);
    expect(fieldsOf(before)).toEqual(['date']);
    expect(fieldsOf(after)).toEqual(['date']);
    expect(errorCode(notServed)).toBe('BAD_USER_INPUT');
  });
});
