import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ENTERPRISE_CREDIT_CODE } from '../../api/src/local/demo-data';
import type { Services } from '../../api/src/services';
import { TestApi } from '../support/api';
import { approvalInput, GET_APPROVAL, projectInput } from '../support/approvals';
import { servicesOn, TestClock, viewers } from '../support/clock';
import { requestInput } from '../support/service-requests';

/** An approval's clock through the services on a controlled clock, read back over HTTP. */
describe('the working-day clock of approvals (and requests)', () => {
  let api: TestApi;
  let clock: TestClock;
  /** The officer's services for one request (a request reads the calendar once). */
  const officer = (): Services => servicesOn(api, viewers.officer, clock);
  let projectId: string;
  let station: string;

  beforeAll(async () => {
    api = await TestApi.startWithDemoDirectory();
    clock = new TestClock(new Date('2026-09-01T02:00:00.000Z'));
    const enterprise = await officer().enterprises.getByCreditCode(DEMO_ENTERPRISE_CREDIT_CODE);
    station = enterprise.stationId;
    projectId = (await officer().projects.create(projectInput(enterprise.id, { landContractSignedOn: '2026-03-02' }))).id;
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
  });

  /** Takes the actions in turn, each at its own Shanghai local time. */
  async function play(id: string, steps: readonly [string, string, Record<string, unknown>?][]) {
    let approval = await officer().approvals.get(id);
    for (const [at, action, fields] of steps) {
      clock.set(at);
      approval = await officer().approvals.transition({ id, expectedVersion: approval.version, action, ...fields });
    }
    return approval;
  }

  it('moves the due dates by a pause across the National Day holiday and counts elapsed working days without it', async () => {
    clock.set('2026-09-28 09:00');
    const { id } = await officer().approvals.create(approvalInput(projectId, { promisedWorkingDays: 5, statutoryWorkingDays: 20 }));

    const accepted = await play(id, [['2026-09-28 10:00', 'ACCEPT']]);
    // (09-28, …]: 09-29, 09-30, then 10-01–10-07 off, 10-08, 10-09 and the make-up Saturday 10-10.
    expect(accepted).toMatchObject({ dueOn: '2026-10-10', statutoryDueOn: '2026-10-30', dueProvisional: false });

    const resumed = await play(id, [
      ['2026-09-28 11:00', 'START_REVIEW'],
      ['2026-09-29 15:00', 'PAUSE', { reason: 'EXPERT_REVIEW' }],
      ['2026-10-09 09:30', 'RESUME'],
    ]);
    // Paused (09-29, 10-09]: 09-30, 10-08 and 10-09, three working days, added to both limits.
    expect(resumed).toMatchObject({ status: 'UNDER_REVIEW', dueOn: '2026-10-14', statutoryDueOn: '2026-11-04' });

    await play(id, [['2026-10-14 16:00', 'APPROVE']]);
    const read = (await api.data('officer', GET_APPROVAL, { id })).approval;
    // (09-28, 10-14] holds eight working days; three of them paused.
    expect(read).toMatchObject({
      status: 'APPROVED',
      decidedAt: '2026-10-14T08:00:00.000Z',
      elapsedWorkingDays: 5,
      overdue: false,
      pauses: [{ from: '2026-09-29T07:00:00.000Z', to: '2026-10-09T01:30:00.000Z', reason: 'EXPERT_REVIEW' }],
    });
  });

  it('keeps due dates computed before a calendar override, and computes later ones on it', async () => {
    clock.set('2026-12-21 09:00');
    const before = await officer().approvals.create(approvalInput(projectId));
    const after = await officer().approvals.create(approvalInput(projectId));
    const first = await play(before.id, [['2026-12-21 10:00', 'ACCEPT']]);
    expect(first.dueOn).toBe('2026-12-28');
    const admin = () => servicesOn(api, viewers.admin, clock);
    const request = await admin().serviceRequests.create(requestInput({ channel: 'STATION', stationId: station, receivedAt: '2026-12-21T02:00:00.000Z' }));
    expect(request.dueAt).toBe('2026-12-28T15:59:59.999Z');

    await api.data('admin', `mutation { setCalendarDay(input: { date: "2026-12-24", kind: HOLIDAY, name: "园区停电检修" }) { id } }`);
    const second = await play(after.id, [['2026-12-21 10:00', 'ACCEPT']]);
    const renamed = await admin().serviceRequests.update({ id: request.id, expectedVersion: request.version, title: '招工难，请求协助（补充说明）' });
    const later = await admin().serviceRequests.create(requestInput({ channel: 'STATION', stationId: station, receivedAt: '2026-12-21T02:00:00.000Z' }));

    expect(second.dueOn).toBe('2026-12-29');
    expect(second.calendarRevision).not.toBe(first.calendarRevision);
    const kept = (await api.data('officer', GET_APPROVAL, { id: before.id })).approval;
    expect(kept).toMatchObject({ dueOn: '2026-12-28', calendarRevision: first.calendarRevision });
    expect(renamed.dueAt).toBe(request.dueAt);
    expect(later.dueAt).toBe('2026-12-29T15:59:59.999Z');
  });

  it('lists overdue approvals from the index of running clocks, in due order, and pages through filtered lists honestly', async () => {
    clock.set('2026-11-02 09:00');
    const late = await officer().approvals.create(approvalInput(projectId, { itemName: '逾期的审批事项' }));
    clock.set('2026-11-02 09:01');
    const later = await officer().approvals.create(approvalInput(projectId, { itemName: '逾期的审批事项', promisedWorkingDays: 6 }));
    clock.set('2026-11-02 09:02');
    const paused = await officer().approvals.create(approvalInput(projectId, { itemName: '暂停的审批事项' }));
    await play(late.id, [['2026-11-02 10:00', 'ACCEPT']]);
    await play(later.id, [['2026-11-02 10:00', 'ACCEPT']]);
    await play(paused.id, [
      ['2026-11-02 10:00', 'ACCEPT'],
      ['2026-11-02 10:30', 'START_REVIEW'],
      ['2026-11-03 10:00', 'PAUSE', { reason: 'HEARING' }],
    ]);
    clock.set('2026-11-20 09:00');
    const issued = await officer().approvals.create(approvalInput(projectId, { stage: 'ENGINEERING_PLANNING', itemName: '按期办结的事项' }));
    await play(issued.id, [
      ['2026-11-20 10:00', 'ACCEPT'],
      ['2026-11-20 11:00', 'START_REVIEW'],
      ['2026-11-23 10:00', 'APPROVE'],
      ['2026-11-23 11:00', 'ISSUE'],
    ]);

    const overdue = (await api.data('officer', `query($filter: ApprovalFilter) { approvals(filter: $filter, first: 10) { totalCount nodes { id dueOn overdue } } }`, {
      filter: { projectId, overdue: true },
    })).approvals;
    expect(overdue.nodes).toEqual([
      { id: late.id, dueOn: '2026-11-09', overdue: true },
      { id: later.id, dueOn: '2026-11-10', overdue: true },
    ]);
    expect(overdue.totalCount).toBe(2);

    const query = `query($filter: ApprovalFilter, $after: String) { approvals(filter: $filter, sort: SUBMITTED_ASC, first: 2, after: $after) {
      totalCount nodes { id itemName stage status } pageInfo { hasNextPage endCursor } } }`;
    const filter = { projectId, stage: ['LAND_USE_PLANNING'], submittedFrom: '2026-11-01', submittedTo: '2026-11-30', q: '审批事项' };
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: { totalCount: number; nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } = (
        await api.data('staff-jr', query, { filter, after })
      ).approvals;
      expect(page.totalCount).toBe(3);
      expect(page.nodes.length).toBeGreaterThan(0);
      seen.push(...page.nodes.map((node) => node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(seen).toEqual([late.id, later.id, paused.id]);
    expect(pages).toBe(2);

    const byNumber = (await api.data('officer', `query($q: String) { approvals(filter: { q: $q }) { nodes { id } } }`, { q: issued.number })).approvals.nodes;
    expect(byNumber).toEqual([{ id: issued.id }]);
    const elsewhere = (await api.data('staff-zn', query, { filter, after: null })).approvals;
    expect(elsewhere).toMatchObject({ totalCount: 0, nodes: [] });
  });
});
