import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, TestApi } from '../support/api';
import { createEnterprise, createStation } from '../support/fixtures';
import { act, CREATE_REQUEST, createRequest, newMobile, type RequestData, requestInput, tryAct } from '../support/service-requests';

const LIST = `query($filter: ServiceRequestFilter, $sort: ServiceRequestSort, $first: Int, $after: String) {
  serviceRequests(filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount
    nodes { id number status stationId receivedAt dueAt overdue }
    pageInfo { hasNextPage endCursor }
  }
}`;
const GET = `query($id: ID!) { serviceRequest(id: $id) { id requester { name phone } availableActions } }`;

interface ListPage {
  serviceRequests: {
    totalCount: number;
    nodes: { id: string; number: string; status: string; stationId: string | null; receivedAt: string; dueAt: string | null; overdue: boolean }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

describe('service requests: lists, overdue, access', () => {
  let api: TestApi;
  let stationA: string;
  let stationB: string;
  let jr: string;
  let zn: string;
  const atA = { received: new Set<string>(), replied: new Set<string>(), closed: new Set<string>() };

  beforeAll(async () => {
    api = await TestApi.startWithDemoDirectory();
    ({ JR: jr, ZN: zn } = (await api.stationIds()) as { JR: string; ZN: string });
    stationA = (await createStation(api)).id;
    stationB = (await createStation(api)).id;
    // 13 requests at A (received ones interleaved with replied and closed ones), 4 at B.
    for (let index = 0; index < 13; index += 1) {
      let request: RequestData = await createRequest(api, 'admin', { channel: 'STATION', stationId: stationA, title: `A站工单${index}` });
      if (index % 3 === 0) {
        atA.received.add(request.id);
        continue;
      }
      request = await act(api, 'admin', await act(api, 'admin', request, 'START'), 'REPLY', { reply: '已答复' });
      if (index % 3 === 1) {
        atA.replied.add(request.id);
        continue;
      }
      request = await act(api, 'admin', await act(api, 'admin', request, 'CALLBACK', { reached: true, rating: 'BASIC', resolved: true }), 'CLOSE');
      atA.closed.add(request.id);
    }
    for (let index = 0; index < 4; index += 1) await createRequest(api, 'admin', { channel: 'STATION', stationId: stationB });
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
  });

  async function readAll(username: string, filter: Record<string, unknown>, sort: string, first: number) {
    const pages: ListPage['serviceRequests'][] = [];
    let after: string | null = null;
    do {
      const page: ListPage = await api.data<ListPage>(username, LIST, { filter, sort, first, after });
      pages.push(page.serviceRequests);
      after = page.serviceRequests.pageInfo.hasNextPage ? page.serviceRequests.pageInfo.endCursor : null;
    } while (after && pages.length < 50);
    return pages;
  }

  it('pages a list filtered by several statuses and a station in small pages: every match once, no empty page, exact totals', async () => {
    const pages = await readAll('admin', { stationId: stationA, status: ['RECEIVED', 'REPLIED'] }, 'RECEIVED_DESC', 2);
    const ids = pages.flatMap((page) => page.nodes.map((node) => node.id));
    const expected = new Set([...atA.received, ...atA.replied]);

    expect(new Set(ids)).toEqual(expected);
    expect(ids).toHaveLength(expected.size);
    expect(pages.every((page) => page.nodes.length > 0)).toBe(true);
    expect(pages.map((page) => page.totalCount)).toEqual(pages.map(() => expected.size));
    const received = pages.flatMap((page) => page.nodes.map((node) => node.receivedAt));
    expect(received).toEqual([...received].sort().reverse());
  });

  it('counts by status and station across stations from the counters, and by closed ones too', async () => {
    const closed = (await api.data<ListPage>('admin', LIST, { filter: { stationId: [stationA, stationB], status: 'CLOSED' }, first: 1 })).serviceRequests;
    const all = (await api.data<ListPage>('admin', LIST, { filter: { stationId: [stationA, stationB] }, first: 1 })).serviceRequests;
    expect(closed.totalCount).toBe(atA.closed.size);
    expect(all.totalCount).toBe(17);
  });

  it('lists overdue requests from the due-time index, soonest due first, and the others as not overdue', async () => {
    const lateOne = await createRequest(api, 'staff-jr', { channel: 'STATION', stationId: jr, receivedAt: '2026-10-20T02:00:00.000Z' });
    const lateTwo = await createRequest(api, 'staff-jr', { channel: 'STATION', stationId: jr, receivedAt: '2026-10-08T02:00:00.000Z' });
    const lateButReplied = await createRequest(api, 'staff-jr', { channel: 'STATION', stationId: jr, receivedAt: '2026-10-09T02:00:00.000Z' });
    await act(api, 'staff-jr', await act(api, 'staff-jr', lateButReplied, 'START'), 'REPLY', { reply: '已答复' });
    const fresh = await createRequest(api, 'staff-jr', { channel: 'STATION', stationId: jr });
    const unsigned = await createRequest(api, 'operator');

    const overdue = (await api.data<ListPage>('staff-jr', LIST, { filter: { overdue: true }, first: 100 })).serviceRequests;
    const notOverdue = (await api.data<ListPage>('staff-jr', LIST, { filter: { overdue: false }, first: 100 })).serviceRequests;
    const overdueIds = overdue.nodes.map((node) => node.id);

    expect(overdueIds).toContain(lateOne.id);
    expect(overdueIds.indexOf(lateTwo.id)).toBeLessThan(overdueIds.indexOf(lateOne.id));
    expect(overdueIds).not.toContain(lateButReplied.id);
    expect(overdueIds).not.toContain(fresh.id);
    expect(overdue.nodes.every((node) => node.overdue && node.stationId === jr)).toBe(true);
    expect(overdue.totalCount).toBe(overdue.nodes.length);
    const dues = overdue.nodes.map((node) => node.dueAt!);
    expect(dues).toEqual([...dues].sort());
    expect(notOverdue.nodes.map((node) => node.id)).toContain(fresh.id);
    expect(notOverdue.nodes.map((node) => node.id)).not.toContain(unsigned.id);
    expect(notOverdue.nodes.every((node) => !node.overdue)).toBe(true);
  });

  it('pages the overdue list with cursors that stay valid as time passes', async () => {
    const first = await api.data<ListPage>('admin', LIST, { filter: { overdue: true }, first: 1 });
    const second = await api.data<ListPage>('admin', LIST, { filter: { overdue: true }, first: 1, after: first.serviceRequests.pageInfo.endCursor });
    expect(first.serviceRequests.pageInfo.hasNextPage).toBe(true);
    expect(second.serviceRequests.nodes[0]!.id).not.toBe(first.serviceRequests.nodes[0]!.id);
  });

  it('finds a request by number, title, requester name and 12345 number', async () => {
    const externalNumber = `GD${Date.now()}`;
    const created = await createRequest(api, 'operator', { title: '厂区道路积水严重', requester: { name: '欧阳建国', phone: newMobile() }, externalNumber });
    for (const q of [created.number, '道路积水', '欧阳建国', externalNumber.toLowerCase()]) {
      const found = (await api.data<ListPage>('admin', LIST, { filter: { q }, first: 10 })).serviceRequests;
      expect(found.nodes.map((node) => node.id), q).toEqual([created.id]);
      expect(found.totalCount, q).toBe(1);
    }
  });

  it('lists an enterprise’s and a station’s requests through their connections', async () => {
    const enterprise = await createEnterprise(api, stationA);
    await createRequest(api, 'admin', { channel: 'STATION', stationId: stationA, enterpriseId: enterprise.id });
    await createRequest(api, 'admin', { channel: 'HOTLINE', enterpriseId: enterprise.id });
    const byEnterprise = (await api.data('admin', `query($id: ID!) { enterprise(id: $id) { serviceRequests(first: 10) { totalCount nodes { enterpriseId } } } }`, { id: enterprise.id })).enterprise
      .serviceRequests;
    const byStation = (await api.data('admin', `query($id: ID!) { station(id: $id) { serviceRequests(filter: { status: RECEIVED }) { totalCount } } }`, { id: stationB })).station
      .serviceRequests;
    expect(byEnterprise.totalCount).toBe(2);
    expect(byEnterprise.nodes.every((node: { enterpriseId: string }) => node.enterpriseId === enterprise.id)).toBe(true);
    expect(byStation.totalCount).toBe(4);
  });

  it('keeps an enterprise with requests from being deleted', async () => {
    const enterprise = await createEnterprise(api, stationA);
    await createRequest(api, 'admin', { channel: 'STATION', stationId: stationA, enterpriseId: enterprise.id });
    const deleted = await api.graphql('admin', `mutation($input: DeleteEnterpriseInput!) { deleteEnterprise(input: $input) { id } }`, {
      input: { id: enterprise.id, expectedVersion: enterprise.version },
    });
    expect(deleted.errors![0]!.extensions).toMatchObject({ code: 'FAILED_PRECONDITION', dependentType: 'ServiceRequest' });
  });

  it('scopes station staff to their stations’ requests, and lets operators act on hotline tickets only', async () => {
    const atZn = await createRequest(api, 'staff-zn', { channel: 'STATION', stationId: zn });
    const hotline = await createRequest(api, 'operator');
    const listed = (await api.data<ListPage>('staff-jr', LIST, { first: 100 })).serviceRequests;

    expect(listed.nodes.every((node) => node.stationId === jr)).toBe(true);
    expect(errorCode(await api.graphql('staff-jr', GET, { id: atZn.id }))).toBe('NOT_FOUND');
    expect(errorCode(await tryAct(api, 'staff-jr', atZn, 'START'))).toBe('NOT_FOUND');
    expect(errorCode(await api.graphql('staff-jr', CREATE_REQUEST, { input: requestInput({ channel: 'STATION', stationId: zn }) }))).toBe('FORBIDDEN');
    expect(errorCode(await api.graphql('operator', CREATE_REQUEST, { input: requestInput({ channel: 'STATION', stationId: jr }) }))).toBe('FORBIDDEN');
    expect((await api.data('operator', GET, { id: atZn.id })).serviceRequest.availableActions).toEqual([]);
    expect(errorCode(await tryAct(api, 'operator', atZn, 'START'))).toBe('FORBIDDEN');
    expect((await api.data('operator', GET, { id: hotline.id })).serviceRequest.availableActions).toContain('DISPATCH');
  });

  it('lets approval officers work project-approval requests dispatched to them, and nothing else', async () => {
    const approval = await createRequest(api, 'operator', { category: 'PROJECT_APPROVAL' });
    const other = await createRequest(api, 'operator', { category: 'EMPLOYMENT' });
    const dispatched = await act(api, 'operator', approval, 'DISPATCH', { assignedUnit: '审批局' });
    const signed = await act(api, 'officer', dispatched, 'SIGN');
    const dispatchedOther = await act(api, 'operator', other, 'DISPATCH', { assignedUnit: '人社局' });

    expect(signed.status).toBe('SIGNED');
    expect(errorCode(await tryAct(api, 'officer', dispatchedOther, 'SIGN'))).toBe('FORBIDDEN');
    expect(errorCode(await api.graphql('officer', CREATE_REQUEST, { input: requestInput() }))).toBe('FORBIDDEN');
  });

  it('lets VIEWER read every request but change none, with requester phones masked; handlers see them', async () => {
    const phone = newMobile();
    const created = await createRequest(api, 'operator', { requester: { name: '陈先生', phone } });
    const asViewer = (await api.data('viewer', GET, { id: created.id })).serviceRequest;
    const asOperator = (await api.data('operator', GET, { id: created.id })).serviceRequest;
    const asOfficer = (await api.data('officer', GET, { id: created.id })).serviceRequest;

    expect(asViewer).toMatchObject({ requester: { name: '陈先生', phone: `${phone.slice(0, 3)}****${phone.slice(-4)}` }, availableActions: [] });
    expect(asOperator.requester.phone).toBe(phone);
    expect(asOfficer.requester.phone).toContain('****');
    expect(errorCode(await api.graphql('viewer', CREATE_REQUEST, { input: requestInput() }))).toBe('FORBIDDEN');
    expect(errorCode(await tryAct(api, 'viewer', created, 'DISPATCH', { assignedUnit: '某单位' }))).toBe('FORBIDDEN');
    expect(errorCode(await api.graphql('viewer', `query($id: ID!) { serviceRequest(id: $id) { history { totalCount } } }`, { id: created.id }))).toBe('FORBIDDEN');
  });

  it('refuses anonymous callers', async () => {
    expect(errorCode(await api.graphql(null, LIST, {}))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api.graphql(null, CREATE_REQUEST, { input: requestInput() }))).toBe('UNAUTHENTICATED');
  });
});
