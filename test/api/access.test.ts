import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ENTERPRISE_CREDIT_CODE } from '../../api/src/local/demo-data';
import { errorCode, TestApi } from '../support/api';
import { enterpriseInput, stationInput } from '../support/fixtures';

const ENTERPRISES = `{ enterprises(first: 100) { totalCount nodes { id stationId contact { phone } } } }`;
const BY_ID = `query($id: ID!) { enterprise(id: $id) { id name } }`;
const STATIONS = `{ stations(first: 100) { nodes { id code } } }`;

describe('access by role (docs/access.md)', () => {
  let api: TestApi;
  let jr: string;
  let zn: string;
  let jrEnterprise: string;
  let znEnterprise: string;
  let znCreditCode: string;
  let demoEnterpriseId: string;

  beforeAll(async () => {
    api = await TestApi.startWithDemoDirectory();
    ({ JR: jr, ZN: zn } = (await api.stationIds()) as { JR: string; ZN: string });
    const all = (await api.data('admin', `{ enterprises(first: 100) { nodes { id stationId creditCode } } }`)).enterprises.nodes as { id: string; stationId: string; creditCode: string }[];
    jrEnterprise = all.find((enterprise) => enterprise.stationId === jr && enterprise.creditCode !== DEMO_ENTERPRISE_CREDIT_CODE)!.id;
    const znOne = all.find((enterprise) => enterprise.stationId === zn)!;
    znEnterprise = znOne.id;
    znCreditCode = znOne.creditCode;
    demoEnterpriseId = all.find((enterprise) => enterprise.creditCode === DEMO_ENTERPRISE_CREDIT_CODE)!.id;
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
  });

  it('lets anonymous callers read only the public catalogue and active stations', async () => {
    expect((await api.data(null, `{ serviceCatalog { categories { value labelZh dueWorkingDays } } }`)).serviceCatalog.categories.length).toBe(9);
    expect((await api.data(null, STATIONS)).stations.nodes.length).toBeGreaterThan(0);
    for (const query of [ENTERPRISES, `{ me { id } }`, `{ workCalendar(year: 2026) { year } }`, `{ auditEvents { totalCount } }`]) {
      expect(errorCode(await api.graphql(null, query))).toBe('UNAUTHENTICATED');
    }
    const create = await api.graphql(null, `mutation($input: CreateStationInput!) { createStation(input: $input) { id } }`, { input: stationInput() });
    expect(errorCode(create)).toBe('UNAUTHENTICATED');
  });

  it('refuses a bad token with UNAUTHENTICATED and HTTP 401, even for public queries', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not.a.token' },
      body: JSON.stringify({ query: '{ serviceCatalog { categories { value } } }' }),
    });
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(response.status).toBe(401);
    expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('lets VIEWER read every enterprise with phones masked, and change nothing', async () => {
    const admin = (await api.data('admin', ENTERPRISES)).enterprises;
    const viewer = (await api.data('viewer', ENTERPRISES)).enterprises;
    expect(viewer.totalCount).toBe(admin.totalCount);
    const phones = viewer.nodes.map((node: { contact: { phone: string } | null }) => node.contact?.phone).filter(Boolean);
    expect(phones.length).toBeGreaterThan(0);
    expect(phones.every((phone: string) => phone.includes('****'))).toBe(true);
    expect(admin.nodes.some((node: { contact: { phone: string } | null }) => node.contact && !node.contact.phone.includes('*'))).toBe(true);

    const attempts = [
      api.graphql('viewer', `mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }`, { input: enterpriseInput(jr) }),
      api.graphql('viewer', `mutation($input: UpdateStationInput!) { updateStation(input: $input) { id } }`, { input: { id: jr, expectedVersion: 1, name: 'x' } }),
      api.graphql('viewer', `mutation { setCalendarDay(input: { date: "2027-01-01", kind: HOLIDAY }) { date } }`),
      api.graphql('viewer', `mutation($input: DeleteEnterpriseInput!) { deleteEnterprise(input: $input) { id } }`, { input: { id: jrEnterprise, expectedVersion: 1 } }),
    ];
    for (const result of await Promise.all(attempts)) expect(errorCode(result)).toBe('FORBIDDEN');
  });

  it('scopes STAFF to their own station: other stations’ enterprises do not exist for them', async () => {
    const list = (await api.data('staff-jr', ENTERPRISES)).enterprises;
    expect(list.nodes.length).toBeGreaterThan(0);
    expect(list.nodes.every((node: { stationId: string }) => node.stationId === jr)).toBe(true);
    expect(list.totalCount).toBe(list.nodes.length);

    expect((await api.data('staff-jr', BY_ID, { id: jrEnterprise })).enterprise.id).toBe(jrEnterprise);
    expect(errorCode(await api.graphql('staff-jr', BY_ID, { id: znEnterprise }))).toBe('NOT_FOUND');
    expect(errorCode(await api.graphql('staff-jr', `query($code: String!) { enterpriseByCreditCode(creditCode: $code) { id } }`, { code: znCreditCode }))).toBe('NOT_FOUND');
    expect(errorCode(await api.graphql('staff-jr', `mutation($input: UpdateEnterpriseInput!) { updateEnterprise(input: $input) { id } }`, { input: { id: znEnterprise, expectedVersion: 1, employees: 1 } }))).toBe('NOT_FOUND');
    expect(errorCode(await api.graphql('staff-jr', `query($id: ID) { auditEvents(entityId: $id) { totalCount } }`, { id: znEnterprise }))).toBe('NOT_FOUND');
    expect(errorCode(await api.graphql('staff-jr', `{ auditEvents { totalCount } }`))).toBe('FORBIDDEN');
    expect((await api.data('staff-jr', `query($id: ID) { auditEvents(entityId: $id) { totalCount } }`, { id: jrEnterprise })).auditEvents.totalCount).toBe(1);
  });

  it('lets STAFF register enterprises with their own station only', async () => {
    const own = await api.graphql('staff-jr', `mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { stationId } }`, { input: enterpriseInput(jr) });
    const other = await api.graphql('staff-jr', `mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { stationId } }`, { input: enterpriseInput(zn) });
    expect(own.errors).toBeUndefined();
    expect(errorCode(other)).toBe('FORBIDDEN');
    expect(errorCode(await api.graphql('staff-jr', `mutation($input: CreateStationInput!) { createStation(input: $input) { id } }`, { input: stationInput() }))).toBe('FORBIDDEN');
  });

  it('shows an ENTERPRISE user its own enterprise and nothing else', async () => {
    const me = (await api.data('enterprise-demo', `{ me { username roles enterprise { id creditCode } } }`)).me;
    expect(me).toMatchObject({ username: 'enterprise-demo', roles: ['ENTERPRISE'], enterprise: { id: demoEnterpriseId } });
    const list = (await api.data('enterprise-demo', ENTERPRISES)).enterprises;
    expect(list).toMatchObject({ totalCount: 1, nodes: [{ id: demoEnterpriseId }] });
    expect(errorCode(await api.graphql('enterprise-demo', BY_ID, { id: znEnterprise }))).toBe('NOT_FOUND');
    expect(errorCode(await api.graphql('enterprise-demo', `mutation($input: UpdateEnterpriseInput!) { updateEnterprise(input: $input) { id } }`, { input: { id: demoEnterpriseId, expectedVersion: 1, employees: 1 } }))).toBe('FORBIDDEN');
  });

  it('keeps an ENTERPRISE user’s own enterprise under its own station only', async () => {
    const other = await api.data('enterprise-demo', `query($station: [ID!]) { enterprises(filter: { stationId: $station }) { totalCount nodes { id } } }`, { station: [zn] });
    const own = await api.data('enterprise-demo', `query($station: [ID!]) { enterprises(filter: { stationId: $station }) { totalCount nodes { id } } }`, { station: [jr] });
    const counts = (await api.data('enterprise-demo', `{ stations { nodes { id enterpriseCount } } }`)).stations.nodes as { id: string; enterpriseCount: number }[];

    expect(other.enterprises).toEqual({ totalCount: 0, nodes: [] });
    expect(own.enterprises).toEqual({ totalCount: 1, nodes: [{ id: demoEnterpriseId }] });
    expect(counts.map((station) => [station.id === jr, station.enterpriseCount])).toEqual(counts.map((station) => [station.id === jr, station.id === jr ? 1 : 0]));
  });

  it('masks every kind of contact phone for VIEWER without failing, and leaves the 12345 hotline readable', async () => {
    const created = (await api.data('admin', `mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }`, {
      input: enterpriseInput(jr, { contact: { name: '热线', phone: '12345' }, steward: { name: '王管家', phone: '0731-58581234-12' } }),
    })).createEnterprise;
    const read = await api.graphql<{ enterprise: { contact: { phone: string }; steward: { phone: string } } }>('viewer', `query($id: ID!) { enterprise(id: $id) { contact { phone } steward { phone } } }`, { id: created.id });
    expect(read.errors).toBeUndefined();
    expect(read.data!.enterprise).toEqual({ contact: { phone: '12345' }, steward: { phone: '0731-****1234-12' } });
  });

  it('lets OFFICER and OPERATOR read all enterprises but not register them', async () => {
    const total = (await api.data('admin', ENTERPRISES)).enterprises.totalCount;
    for (const username of ['officer', 'operator']) {
      expect((await api.data(username, ENTERPRISES)).enterprises.totalCount).toBe(total);
      const create = await api.graphql(username, `mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }`, { input: enterpriseInput(jr) });
      expect(errorCode(create)).toBe('FORBIDDEN');
    }
  });
});
