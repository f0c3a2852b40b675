import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ENTERPRISE_CREDIT_CODE } from '../../api/src/local/demo-data';
import type { Services } from '../../api/src/services';
import { sweep } from '../../api/src/sweeper/sweeper';
import { TestApi } from '../support/api';
import { approvalInput, GET_APPROVAL, projectInput } from '../support/approvals';
import { enterpriseUser, servicesOn, TestClock, viewers } from '../support/clock';
import { requestInput } from '../support/service-requests';

const HISTORY = `query($id: ID!) { node: approval(id: $id) { history(first: 5) { nodes { action transition note actor { username } } } } }`;
const REQUEST = `query($id: ID!) { node: serviceRequest(id: $id) { version escalation history(first: 5) { nodes { action transition note actor { username } } } } }`;

/** The sweeper on a clock the test controls, against DynamoDB Local. */
describe('the sweeper', () => {
  let api: TestApi;
  let clock: TestClock;
  let enterpriseId: string;
  let projectId: string;
  let station: string;
  const officer = (): Services => servicesOn(api, viewers.officer, clock);
  const admin = (): Services => servicesOn(api, viewers.admin, clock);
  const applicant = (): Services => servicesOn(api, enterpriseUser(enterpriseId), clock);

  beforeAll(async () => {
    api = await TestApi.startWithDemoDirectory();
    clock = new TestClock(new Date('2026-11-02T02:00:00.000Z'));
    const enterprise = await officer().enterprises.getByCreditCode(DEMO_ENTERPRISE_CREDIT_CODE);
    enterpriseId = enterprise.id;
    station = enterprise.stationId;
    projectId = (await officer().projects.create(projectInput(enterpriseId))).id;
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
  });

  /** A 容缺 approval accepted at the clock's time, owing one material by `promisedBy`. */
  async function tolerant(promisedBy: string, material = '消防设计审查意见') {
    const { id } = await officer().approvals.create(approvalInput(projectId, { promisedWorkingDays: 10 }));
    return officer().approvals.transition({
      id,
      expectedVersion: 1,
      action: 'ACCEPT_TOLERANT',
      commitment: { signatory: '王建国', signedOn: '2026-11-01' },
      outstandingMaterials: [{ name: material, promisedBy }],
    });
  }

  it('marks materials past their promise OVERDUE, suspends their approvals and reminds overdue requests: once, audited, reading only the work due', async () => {
    clock.set('2026-12-01 10:00');
    const late = await tolerant('2026-12-03');
    const notYet = await tolerant('2026-12-10');
    const kept = await tolerant('2026-12-03');
    clock.set('2026-12-02 10:00');
    const supplied = await applicant().approvals.supplyMaterials({ id: kept.id, expectedVersion: kept.version, materials: [{ name: '消防设计审查意见' }] });
    // A station request's clock starts at receipt: 5 working days.
    const overdueRequest = await admin().serviceRequests.create(requestInput({ channel: 'STATION', stationId: station, receivedAt: '2026-11-20T01:00:00.000Z' }));
    const chased = await admin().serviceRequests.create(requestInput({ channel: 'STATION', stationId: station, receivedAt: '2026-11-20T02:00:00.000Z' }));
    const chasedAlready = await admin().serviceRequests.transition({ id: chased.id, expectedVersion: chased.version, action: 'ESCALATE', note: '催办' });
    const onTime = await admin().serviceRequests.create(requestInput({ channel: 'STATION', stationId: station, receivedAt: '2026-12-02T01:00:00.000Z' }));

    const calls: { command: string; of: string; scanned?: number }[] = [];
    const { client } = api.server.application;
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        // Which entity's items a read is of, from the key values it names.
        const of = /Approval|ServiceRequest|Calendar/.exec(JSON.stringify(args.input))?.[0] ?? '';
        calls.push({ command: context.commandName ?? '', of, scanned: (result.output as { ScannedCount?: number }).ScannedCount });
        return result;
      },
      { step: 'initialize', name: 'sweeperCallRecorder' },
    );
    let report: Awaited<ReturnType<typeof sweep>>;
    let reads: typeof calls;
    try {
      report = await sweep(api.server.application, clock.set('2026-12-07 02:00'));
      reads = calls.filter((call) => call.command === 'ScanCommand' || (call.command === 'QueryCommand' && call.of !== 'Calendar'));
    } finally {
      client.middlewareStack.remove('sweeperCallRecorder');
    }

    expect(report).toEqual({ materialsOverdue: 1, approvalsSuspended: 1, requestsReminded: 1 });
    // One Query of an index per part, each reading the due items only: the late approval, the two overdue requests.
    expect(reads).toEqual([
      { command: 'QueryCommand', of: 'Approval', scanned: 1 },
      { command: 'QueryCommand', of: 'ServiceRequest', scanned: 2 },
    ]);
    const swept = (await api.data('officer', GET_APPROVAL, { id: late.id })).approval;
    expect(swept).toMatchObject({
      version: late.version + 1,
      status: 'SUSPENDED',
      suspendedAt: '2026-12-06T18:00:00.000Z',
      materials: [{}, {}, { name: '消防设计审查意见', status: 'OVERDUE', promisedBy: '2026-12-03' }],
      pauses: [{ from: '2026-12-06T18:00:00.000Z', to: null, reason: 'CORRECTION' }],
    });
    expect((await api.data('officer', HISTORY, { id: late.id })).node.history.nodes[0]).toEqual({
      action: 'sweep',
      transition: 'SUSPEND',
      note: 'Past their promised date: 消防设计审查意见.',
      actor: { username: 'sweeper' },
    });
    for (const untouched of [notYet, supplied]) {
      expect((await api.data('officer', GET_APPROVAL, { id: untouched.id })).approval.version).toBe(untouched.version);
    }
    const reminded = (await api.data('admin', REQUEST, { id: overdueRequest.id })).node;
    expect(reminded).toMatchObject({ version: overdueRequest.version + 1, escalation: 'REMINDED' });
    expect(reminded.history.nodes[0]).toEqual({ action: 'sweep', transition: 'ESCALATE', note: 'Past its deadline: reminded by the sweeper.', actor: { username: 'sweeper' } });
    expect((await api.data('admin', REQUEST, { id: chasedAlready.id })).node.version).toBe(chasedAlready.version);
    expect((await api.data('admin', REQUEST, { id: onTime.id })).node.version).toBe(onTime.version);

    const again = await sweep(api.server.application, clock.set('2026-12-07 02:00'));
    expect(again).toEqual({ materialsOverdue: 0, approvalsSuspended: 0, requestsReminded: 0 });
    expect((await api.data('officer', GET_APPROVAL, { id: late.id })).approval.version).toBe(swept.version);
    const journal = (await api.data('admin', `{ auditEvents(first: 100) { nodes { action actor { username } } } }`)).auditEvents.nodes;
    expect(journal.filter((event: { actor: { username: string } }) => event.actor.username === 'sweeper')).toHaveLength(2);
  });

  it('resumes a suspended approval whose materials arrive within the grace period, and only terminates one whose do not', async () => {
    clock.set('2026-11-02 10:00');
    const prompt = await tolerant('2026-11-04', '人防工程设计文件');
    const tardy = await tolerant('2026-11-04', '人防工程设计文件');
    await sweep(api.server.application, clock.set('2026-11-05 09:00'));
    const suspended = await officer().approvals.get(prompt.id);
    expect(suspended.status).toBe('SUSPENDED');
    expect(await officer().approvals.availableActions(suspended)).toEqual(['TERMINATE', 'WITHDRAW']);

    // Supplied on the 10th working day after the suspension: within the 15 of the grace period.
    clock.set('2026-11-19 10:00');
    const supplied = await applicant().approvals.supplyMaterials({ id: prompt.id, expectedVersion: suspended.version, materials: [{ name: '人防工程设计文件' }] });
    expect(await officer().approvals.availableActions(supplied)).toEqual(['RESUME', 'TERMINATE', 'WITHDRAW']);
    const resumed = await officer().approvals.transition({ id: prompt.id, expectedVersion: supplied.version, action: 'RESUME' });
    // Suspended (11-05, 11-19]: ten working days added to the promised ten after acceptance on 11-02.
    expect(resumed).toMatchObject({ status: 'UNDER_REVIEW', suspendedAt: null, dueOn: '2026-11-30' });
    expect(resumed.pauses.every((pause) => pause.to !== null)).toBe(true);

    // Supplied on the 16th working day: too late to resume.
    clock.set('2026-11-27 10:00');
    const late = await officer().approvals.get(tardy.id);
    const tooLate = await applicant().approvals.supplyMaterials({ id: tardy.id, expectedVersion: late.version, materials: [{ name: '人防工程设计文件' }] });
    expect(await officer().approvals.availableActions(tooLate)).toEqual(['TERMINATE', 'WITHDRAW']);
    const terminated = await officer().approvals.transition({ id: tardy.id, expectedVersion: tooLate.version, action: 'TERMINATE', note: '承诺材料逾期未补正' });
    expect(terminated.status).toBe('TERMINATED');
  });
});
