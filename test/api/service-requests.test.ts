import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ENTERPRISE_CREDIT_CODE } from '../../api/src/local/demo-data';
import { errorCode, TestApi } from '../support/api';
import { act, CREATE_REQUEST, createRequest, newMobile, REQUEST_FIELDS, type RequestData, requestInput, tryAct } from '../support/service-requests';

const GET = `query($id: ID!) { serviceRequest(id: $id) { ${REQUEST_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateServiceRequestInput!) { updateServiceRequest(input: $input) { ${REQUEST_FIELDS} } }`;
const HISTORY = `query($id: ID!) { serviceRequest(id: $id) { history(first: 50) { totalCount nodes { action transition note versionAfter actor { username } } } } }`;

describe('service requests: lifecycle and clock', () => {
  let api: TestApi;
  let jr: string;
  let zn: string;
  let demoEnterprise: string;

  beforeAll(async () => {
    api = await TestApi.startWithDemoDirectory();
    ({ JR: jr, ZN: zn } = (await api.stationIds()) as { JR: string; ZN: string });
    demoEnterprise = (await api.data('admin', `query($code: String!) { enterpriseByCreditCode(creditCode: $code) { id } }`, { code: DEMO_ENTERPRISE_CREDIT_CODE })).enterpriseByCreditCode.id;
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
  });

  it('takes a 12345 ticket from receipt to closed: dispatched to a station, signed (the clock starts), replied, called back', async () => {
    const created = await createRequest(api, 'operator', { externalNumber: `12345-${Date.now()}`, receivedAt: '2026-11-20T01:00:00.000Z' });
    expect(created).toMatchObject({ version: 1, status: 'RECEIVED', channel: 'HOTLINE', clockStartedAt: null, dueAt: null, escalation: 'NONE' });
    expect(created.number).toMatch(/^FW2026-\d{6}$/);
    expect(created.availableActions).toEqual(['DISPATCH', 'REPLY', 'INVALIDATE', 'ESCALATE']);

    const dispatched = await act(api, 'operator', created, 'DISPATCH', { assignedUnit: '金荣驿站', stationId: jr });
    expect(dispatched).toMatchObject({ status: 'DISPATCHED', assignedUnit: '金荣驿站', stationId: jr, dueAt: null });
    const signed = await act(api, 'staff-jr', dispatched, 'SIGN');
    expect(signed).toMatchObject({ status: 'SIGNED', clockStartedAt: signed.signedAt, dueProvisional: false });
    expect(signed.dueAt > signed.signedAt).toBe(true);
    const started = await act(api, 'staff-jr', signed, 'START');
    const replied = await act(api, 'staff-jr', started, 'REPLY', { reply: '已对接 3 家劳务公司，推荐 30 名操作工。', outcome: { issueResolved: true, jobsFilled: 30 } });
    expect(replied).toMatchObject({ status: 'REPLIED', outcome: { issueResolved: true, jobsFilled: 30, financingAmount: 0 } });
    expect(replied.availableActions).toEqual(['CALLBACK', 'ESCALATE']);
    const called = await act(api, 'operator', replied, 'CALLBACK', { reached: true, rating: 'SATISFIED', resolved: true, note: '企业表示满意' });
    expect(called).toMatchObject({ status: 'REPLIED', callback: { attempts: 1, reached: true, rating: 'SATISFIED', resolved: true } });
    expect(called.availableActions).toEqual(['CALLBACK', 'CLOSE', 'ESCALATE']);
    const closed = await act(api, 'operator', called, 'CLOSE');
    expect(closed).toMatchObject({ status: 'CLOSED', availableActions: [], overdue: false });

    const history = (await api.data('admin', HISTORY, { id: created.id })).serviceRequest.history;
    expect(history.nodes.map((event: { transition: string | null; action: string }) => event.transition ?? event.action)).toEqual([
      'CLOSE',
      'CALLBACK',
      'REPLY',
      'START',
      'SIGN',
      'DISPATCH',
      'createServiceRequest',
    ]);
    expect(history.nodes[1]).toMatchObject({ note: '企业表示满意', actor: { username: 'operator' } });
  });

  it('handles a station request on the spot, its clock running from receipt', async () => {
    const created = await createRequest(api, 'staff-jr', { channel: 'STATION', category: 'BUSINESS_REGISTRATION', stationId: jr, enterpriseId: demoEnterprise });
    expect(created.clockStartedAt).toBe(created.receivedAt);
    expect(created.availableActions).toEqual(['DISPATCH', 'START', 'REPLY', 'INVALIDATE', 'ESCALATE']);
    const started = await act(api, 'staff-jr', created, 'START');
    const replied = await act(api, 'staff-jr', started, 'REPLY', { reply: '已当场办结营业执照变更。' });
    const unreached = await act(api, 'staff-jr', replied, 'CALLBACK', { reached: false });
    expect(unreached.availableActions).toEqual(['CALLBACK', 'ESCALATE']);
    const second = await act(api, 'staff-jr', unreached, 'CALLBACK', { reached: false });
    const third = await act(api, 'staff-jr', second, 'CALLBACK', { reached: false });
    expect(third.callback).toMatchObject({ attempts: 3, reached: false });
    expect(third.availableActions).toContain('CLOSE');
    expect((await act(api, 'staff-jr', third, 'CLOSE')).status).toBe('CLOSED');
  });

  it('closes an on-site visit of an anonymous requester on its reply, without a callback', async () => {
    const created = await createRequest(api, 'staff-zn', {
      channel: 'ONSITE',
      category: 'FINANCING',
      stationId: zn,
      requester: { name: '匿名', anonymous: true },
      visit: { scheduledAt: '2026-11-20T02:00:00Z', visitors: '中南驿站 王、李' },
    });
    const started = await act(api, 'staff-zn', created, 'START');
    const replied = await act(api, 'staff-zn', started, 'REPLY', { reply: '协调银行授信 500 万元。', outcome: { issueResolved: true, financingAmount: 500 } });
    expect(replied.availableActions).toEqual(['CLOSE', 'ESCALATE']);
    const callback = await tryAct(api, 'staff-zn', replied, 'CALLBACK', { reached: true, rating: 'SATISFIED', resolved: true });
    expect(errorCode(callback)).toBe('INVALID_TRANSITION');
    expect((await act(api, 'staff-zn', replied, 'CLOSE')).status).toBe('CLOSED');
  });

  it('lets an enterprise user submit an online request for its own enterprise and read only its own', async () => {
    const created = await createRequest(api, 'enterprise-demo', { channel: 'ONLINE', category: 'POLICY', title: '申报专精特新需要哪些材料？' });
    expect(created).toMatchObject({ enterpriseId: demoEnterprise, status: 'RECEIVED', availableActions: [] });
    const hotline = await api.graphql('enterprise-demo', CREATE_REQUEST, { input: requestInput({ channel: 'HOTLINE' }) });
    const other = await createRequest(api, 'operator');
    expect(errorCode(hotline)).toBe('FORBIDDEN');
    expect(errorCode(await api.graphql('enterprise-demo', GET, { id: other.id }))).toBe('NOT_FOUND');
    const own = (await api.data('enterprise-demo', `{ serviceRequests(first: 100) { totalCount nodes { enterpriseId } } }`)).serviceRequests;
    expect(own.nodes.every((node: { enterpriseId: string }) => node.enterpriseId === demoEnterprise)).toBe(true);
    expect(own.totalCount).toBe(own.nodes.length);
  });

  it('takes an online request from an enterprise to a station and on to closed', async () => {
    const submitted = await createRequest(api, 'enterprise-demo', { channel: 'ONLINE', category: 'TALENT', title: '引进研发人员的住房补贴怎么申请？' });
    const dispatched = await act(api, 'admin', submitted, 'DISPATCH', { assignedUnit: '金荣驿站', stationId: jr });
    const signed = await act(api, 'staff-jr', dispatched, 'SIGN');
    const replied = await act(api, 'staff-jr', await act(api, 'staff-jr', signed, 'START'), 'REPLY', { reply: '已协助提交人才住房补贴申请。', outcome: { issueResolved: true } });
    const called = await act(api, 'staff-jr', replied, 'CALLBACK', { reached: true, rating: 'VERY_SATISFIED', resolved: true });
    const closed = await act(api, 'staff-jr', called, 'CLOSE');
    expect(closed).toMatchObject({ status: 'CLOSED', channel: 'ONLINE', enterpriseId: demoEnterprise, stationId: jr });
    expect((await api.data('enterprise-demo', GET, { id: submitted.id })).serviceRequest.status).toBe('CLOSED');
  });

  it('refuses, in every state, every action availableActions does not offer, changing nothing', async () => {
    const fieldsOf: Record<string, Record<string, unknown>> = {
      DISPATCH: { assignedUnit: '某单位' },
      RETURN: { note: '理由' },
      REPLY: { reply: '答复' },
      CALLBACK: { reached: true, rating: 'SATISFIED', resolved: true },
      INVALIDATE: { note: '理由' },
      EXTEND: { workingDays: 1, note: '理由' },
    };
    const actions = ['DISPATCH', 'SIGN', 'RETURN', 'START', 'REPLY', 'CALLBACK', 'REOPEN', 'CLOSE', 'INVALIDATE', 'EXTEND', 'ESCALATE'];
    const states = ['RECEIVED', 'DISPATCHED', 'RETURNED', 'SIGNED', 'IN_PROGRESS', 'REPLIED', 'REOPENED', 'CLOSED', 'INVALID'];

    for (const state of states) {
      const request = await requestIn(state);
      expect(request.status).toBe(state);
      for (const action of actions.filter((candidate) => !request.availableActions.includes(candidate))) {
        const result = await tryAct(api, 'admin', request, action, fieldsOf[action] ?? {});
        expect(result.errors?.[0]?.extensions, `${state} ${action}`).toMatchObject({ code: 'INVALID_TRANSITION', allowedActions: request.availableActions });
      }
      expect((await api.data('admin', GET, { id: request.id })).serviceRequest.version, state).toBe(request.version);
    }

    /** A fresh request walked to `state` by a path of allowed actions. */
    async function requestIn(state: string): Promise<RequestData> {
      let request = await createRequest(api, 'admin');
      type Step = [string, Record<string, unknown>];
      const paths: Record<string, Step[]> = {
        RECEIVED: [],
        DISPATCHED: [['DISPATCH', fieldsOf.DISPATCH!]],
        RETURNED: [['DISPATCH', fieldsOf.DISPATCH!], ['RETURN', fieldsOf.RETURN!]],
        SIGNED: [['DISPATCH', fieldsOf.DISPATCH!], ['SIGN', {}]],
        IN_PROGRESS: [['DISPATCH', fieldsOf.DISPATCH!], ['SIGN', {}], ['START', {}]],
        REPLIED: [['REPLY', fieldsOf.REPLY!]],
        REOPENED: [['REPLY', fieldsOf.REPLY!], ['CALLBACK', { reached: true, rating: 'DISSATISFIED', resolved: false }], ['REOPEN', {}]],
        CLOSED: [['REPLY', fieldsOf.REPLY!], ['CALLBACK', fieldsOf.CALLBACK!], ['CLOSE', {}]],
        INVALID: [['INVALIDATE', fieldsOf.INVALIDATE!]],
      };
      for (const [action, fields] of paths[state]!) request = await act(api, 'admin', request, action, fields);
      return request;
    }
  });

  it('refuses every action the state does not allow with INVALID_TRANSITION and the allowed actions, changing nothing', async () => {
    const received = await createRequest(api, 'operator');
    const refusals: [string, Record<string, unknown>][] = [
      ['SIGN', {}],
      ['START', {}],
      ['CLOSE', {}],
      ['CALLBACK', { reached: true, rating: 'SATISFIED', resolved: true }],
      ['REOPEN', {}],
      ['RETURN', { note: '不属本单位职责' }],
      ['EXTEND', { workingDays: 2, note: '需要协调多个部门' }],
    ];
    for (const [action, fields] of refusals) {
      const result = await tryAct(api, 'operator', received, action, fields);
      expect(result.errors![0]!.extensions, action).toMatchObject({ code: 'INVALID_TRANSITION', allowedActions: ['DISPATCH', 'REPLY', 'INVALIDATE', 'ESCALATE'] });
    }
    const replied = await act(api, 'operator', received, 'REPLY', { reply: '已电话答复政策口径。' });
    const early = await tryAct(api, 'operator', replied, 'CLOSE');
    expect(early.errors![0]!.extensions).toMatchObject({ code: 'INVALID_TRANSITION', allowedActions: ['CALLBACK', 'ESCALATE'] });
    expect((await api.data('admin', GET, { id: received.id })).serviceRequest).toMatchObject({ version: replied.version, status: 'REPLIED' });
  });

  it('checks the fields of each action: DISPATCH needs a unit, REPLY its text, EXTEND days and a reason, CALLBACK a rating when reached', async () => {
    const received = await createRequest(api, 'operator');
    const dispatch = await tryAct(api, 'operator', received, 'DISPATCH');
    const reply = await tryAct(api, 'operator', received, 'REPLY', { reply: '   ' });
    const invalidate = await tryAct(api, 'operator', received, 'INVALIDATE');
    expect(dispatch.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'assignedUnit', message: 'assignedUnit is required.' }] });
    expect(reply.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'reply' }] });
    expect(invalidate.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'note' }] });

    const signed = await act(api, 'staff-jr', await act(api, 'operator', received, 'DISPATCH', { assignedUnit: '金荣驿站', stationId: jr }), 'SIGN');
    const extend = await tryAct(api, 'operator', signed, 'EXTEND', { workingDays: 0 });
    expect(extend.errors![0]!.extensions!.fieldErrors!.map((error) => error.field).sort()).toEqual(['note', 'workingDays']);
    const replied = await act(api, 'staff-jr', await act(api, 'staff-jr', signed, 'START'), 'REPLY', { reply: '已处理' });
    const callback = await tryAct(api, 'operator', replied, 'CALLBACK', { reached: true });
    expect(callback.errors![0]!.extensions!.fieldErrors!.map((error) => error.field)).toEqual(['rating', 'resolved']);
    expect((await api.data('admin', GET, { id: received.id })).serviceRequest.version).toBe(replied.version);
  });

  it('counts the deadline in working days across the National Day holiday and its make-up Saturday', async () => {
    const created = await createRequest(api, 'staff-jr', { channel: 'STATION', stationId: jr, receivedAt: '2026-09-29T02:00:00.000Z' });
    // From Tuesday 09-29: 09-30, (10-01…10-07 off), 10-08, 10-09, Saturday 10-10 (make-up), Monday 10-12.
    expect(created).toMatchObject({ dueAt: '2026-10-12T15:59:59.999Z', dueProvisional: false, overdue: true });
  });

  it('moves the deadline by the working days of an extension', async () => {
    const created = await createRequest(api, 'staff-jr', { channel: 'STATION', stationId: jr, receivedAt: '2026-11-23T01:00:00.000Z' });
    expect(created.dueAt).toBe('2026-11-30T15:59:59.999Z');
    const started = await act(api, 'staff-jr', created, 'START');
    const extended = await act(api, 'staff-jr', started, 'EXTEND', { workingDays: 3, note: '需要市局会商' });
    expect(extended).toMatchObject({ status: 'IN_PROGRESS', dueAt: '2026-12-03T15:59:59.999Z', extensions: [{ workingDays: 3, reason: '需要市局会商', by: 'staff-jr' }] });
  });

  it('escalates a request reopened three times, and stops offering ESCALATE at the top level', async () => {
    let request = await createRequest(api, 'staff-jr', { channel: 'STATION', stationId: jr });
    request = await act(api, 'staff-jr', request, 'START');
    for (let reopen = 1; reopen <= 3; reopen += 1) {
      request = await act(api, 'staff-jr', request, 'REPLY', { reply: `第 ${reopen} 次答复` });
      request = await act(api, 'staff-jr', request, 'CALLBACK', { reached: true, rating: 'DISSATISFIED', resolved: false });
      expect(request.availableActions).toContain('REOPEN');
      request = await act(api, 'staff-jr', request, 'REOPEN', { note: '企业不满意，发回重办' });
      expect(request).toMatchObject({ status: 'REOPENED', reopenCount: reopen, callback: null });
      if (reopen < 3) request = await act(api, 'staff-jr', request, 'START');
    }
    expect(request.escalation).toBe('ESCALATED');
    expect(request.availableActions).toEqual(['START', 'EXTEND']);
  });

  it('raises supervision one level at a time', async () => {
    let request = await createRequest(api, 'operator');
    const levels: string[] = [];
    for (let step = 0; step < 3; step += 1) {
      request = await act(api, 'operator', request, 'ESCALATE', { note: '催办' });
      levels.push(request.escalation);
    }
    expect(levels).toEqual(['REMINDED', 'SUPERVISED', 'ESCALATED']);
    expect(errorCode(await tryAct(api, 'operator', request, 'ESCALATE'))).toBe('INVALID_TRANSITION');
  });

  it('marks a request of the same phone and category within the window as a repeat of the latest one', async () => {
    const phone = newMobile();
    const first = await createRequest(api, 'operator', { requester: { name: '张先生', phone }, category: 'SOCIAL_INSURANCE' });
    const second = await createRequest(api, 'operator', { requester: { name: '张先生', phone }, category: 'SOCIAL_INSURANCE' });
    const third = await createRequest(api, 'operator', { requester: { name: '张先生', phone }, category: 'SOCIAL_INSURANCE' });
    const otherCategory = await createRequest(api, 'operator', { requester: { name: '张先生', phone }, category: 'TALENT' });
    const longAfter = await createRequest(api, 'operator', { requester: { name: '张先生', phone: newMobile() }, category: 'SOCIAL_INSURANCE' });
    expect(first.repeatOf).toBeNull();
    expect(second.repeatOf).toEqual({ id: first.id, number: first.number });
    expect(third.repeatOf.id).toBe(second.id);
    expect(otherCategory.repeatOf).toBeNull();
    expect(longAfter.repeatOf).toBeNull();

    const enterpriseFirst = await createRequest(api, 'staff-jr', { channel: 'STATION', stationId: jr, enterpriseId: demoEnterprise, category: 'TALENT' });
    const enterpriseAgain = await createRequest(api, 'staff-jr', { channel: 'STATION', stationId: jr, enterpriseId: demoEnterprise, category: 'TALENT' });
    expect(enterpriseAgain.repeatOf.id).toBe(enterpriseFirst.id);
    const outsideWindow = await createRequest(api, 'operator', { requester: { name: '张先生', phone }, category: 'SOCIAL_INSURANCE', receivedAt: '2026-06-01T02:00:00.000Z' });
    expect(outsideWindow.repeatOf).toBeNull();
  });

  it('edits the editable fields while open, recomputing the deadline, and nothing once closed', async () => {
    const created = await createRequest(api, 'staff-jr', { channel: 'STATION', stationId: jr, category: 'EMPLOYMENT', receivedAt: '2026-11-23T01:00:00.000Z' });
    const updated = (await api.data('staff-jr', UPDATE, { input: { id: created.id, expectedVersion: 1, category: 'FINANCING', title: ' 融资需求 ' } })).updateServiceRequest;
    expect(updated).toMatchObject({ version: 2, category: 'FINANCING', title: '融资需求', dueAt: '2026-12-07T15:59:59.999Z' });
    const channel = await api.graphql('staff-jr', UPDATE, { input: { id: created.id, expectedVersion: 2, channel: 'HOTLINE' } });
    // channel is not part of the update input at all: GraphQL refuses the variable.
    expect(errorCode(channel)).toBe('BAD_USER_INPUT');
    expect(channel.errors![0]!.message).toMatch(/"channel" is not defined/);

    const invalid = await act(api, 'staff-jr', updated, 'INVALIDATE', { note: '重复登记' });
    const late = await api.graphql('staff-jr', UPDATE, { input: { id: created.id, expectedVersion: invalid.version, title: '改' } });
    expect(late.errors![0]!.extensions).toMatchObject({ code: 'FAILED_PRECONDITION' });
  });

  it('refuses bad creates: a station request without a station, a future receipt, a reused 12345 number, and repeats an idempotent one', async () => {
    const noStation = await api.graphql('staff-jr', CREATE_REQUEST, { input: requestInput({ channel: 'STATION' }) });
    const future = await api.graphql('operator', CREATE_REQUEST, { input: requestInput({ receivedAt: '2099-01-01T00:00:00Z' }) });
    const externalNumber = `12345-dup-${Date.now()}`;
    await createRequest(api, 'operator', { externalNumber });
    const duplicate = await api.graphql('operator', CREATE_REQUEST, { input: requestInput({ externalNumber }) });
    expect(noStation.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'stationId' }] });
    expect(future.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'receivedAt' }] });
    expect(duplicate.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'externalNumber' });

    const input = { ...requestInput(), clientRequestId: `import-${Date.now()}` };
    const once = (await api.data('operator', CREATE_REQUEST, { input })).createServiceRequest;
    const twice = (await api.data('operator', CREATE_REQUEST, { input })).createServiceRequest;
    expect(twice).toEqual(once);
  });

  it('gives 10 parallel creates 10 distinct, consecutive numbers', async () => {
    const created = await Promise.all(Array.from({ length: 10 }, () => createRequest(api, 'operator')));
    const sequence = created.map((request) => Number(request.number.slice(-6))).sort((a, b) => a - b);
    expect(new Set(sequence).size).toBe(10);
    expect(sequence.at(-1)! - sequence[0]!).toBe(9);
  });

  it('lets exactly one of 10 parallel transitions at one version win', async () => {
    const created = await createRequest(api, 'operator');
    const results = await Promise.all(Array.from({ length: 10 }, (_, index) => tryAct(api, 'operator', created, 'DISPATCH', { assignedUnit: `单位${index}` })));
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    expect(results.filter((result) => errorCode(result) === 'CONFLICT')).toHaveLength(9);
    const read = (await api.data('admin', GET, { id: created.id })).serviceRequest;
    expect(read).toMatchObject({ version: 2, status: 'DISPATCHED' });
    expect((await api.data('admin', HISTORY, { id: created.id })).serviceRequest.history.totalCount).toBe(2);
  });
});
