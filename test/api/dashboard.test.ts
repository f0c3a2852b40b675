import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAggregates, rebuildAggregates } from '../../api/src/aggregates/rebuild';
import type { Services } from '../../api/src/services';
import { errorCode, TestApi } from '../support/api';
import { approvalInput, projectInput } from '../support/approvals';
import { servicesOn, TestClock, viewers } from '../support/clock';
import { enterpriseInput, stationInput } from '../support/fixtures';
import { requestInput } from '../support/service-requests';

// biome-ignore lint/suspicious/noExplicitAny: the test walks the dashboard's JSON freely and asserts on it.
type Json = Record<string, any>;

const RATE = 'value numerator denominator';
const DASHBOARD = `query($from: Date!, $to: Date!, $stationId: ID) {
  dashboard(from: $from, to: $to, stationId: $stationId) {
    from to stationId
    stations { requestsReceived onsiteVisits problemsSolved jobsFilled financingAmount newRegistrations
      byChannel { channel count } monthly { month requestsReceived byCategory { category count } } }
    hotline { received onTimeRate { ${RATE} } callbackRate { ${RATE} } satisfactionRate { ${RATE} } strictSatisfactionRate { ${RATE} }
      repeatRate { ${RATE} } averageHandlingWorkingDays { value sum count } monthly { month received onTimeRate { ${RATE} } } }
    approvals { accepted decided tolerantAccepted landFirstProjects onTimeRate { ${RATE} } averageWorkingDays { value sum count }
      speedUpVsStatutory { value actualWorkingDays referenceWorkingDays }
      jointAcceptance { decided firstPassRate { ${RATE} } averageWorkingDays { value sum count } speedUpVsPromised { value actualWorkingDays referenceWorkingDays } } }
  }
}`;

const MARCH = { from: '2026-03-01', to: '2026-03-31' };

/**
 * The dashboard over hand-made data with known answers, on a station of its own (so the demo
 * directory's figures stay out), played on a clock the test controls.
 */
describe('the dashboard', () => {
  let api: TestApi;
  let clock: TestClock;
  let stationId: string;
  const admin = (): Services => servicesOn(api, viewers.admin, clock);

  /** A hotline ticket received, dispatched to the station, signed and started at `received` (Shanghai time). */
  async function signedTicket(received: string, requester: Record<string, unknown> = {}) {
    clock.set(received);
    const created = await admin().serviceRequests.create({
      ...requestInput({ receivedAt: clock.now().toISOString() }),
      requester: { ...(requestInput().requester as object), ...requester },
    });
    const dispatched = await admin().serviceRequests.transition({ id: created.id, expectedVersion: created.version, action: 'DISPATCH', assignedUnit: '人社局', stationId });
    const signed = await admin().serviceRequests.transition({ id: dispatched.id, expectedVersion: dispatched.version, action: 'SIGN' });
    return admin().serviceRequests.transition({ id: signed.id, expectedVersion: signed.version, action: 'START' });
  }

  async function act(at: string, record: { id: string; version: number }, action: string, fields: Record<string, unknown> = {}) {
    clock.set(at);
    return admin().serviceRequests.transition({ id: record.id, expectedVersion: record.version, action, ...fields });
  }

  async function dashboard(as: string | null, variables: Record<string, unknown>) {
    return api.graphql<{ dashboard: Json }>(as, DASHBOARD, variables);
  }

  beforeAll(async () => {
    api = await TestApi.startWithDemoDirectory();
    clock = new TestClock(new Date('2026-04-01T02:00:00.000Z'));
    stationId = (await admin().stations.create(stationInput())).id;
    // Two enterprises newly registered through the station in March, one established in February, one not via the station.
    for (const [establishedOn, registeredViaStation] of [
      ['2026-03-05', true],
      ['2026-03-31', true],
      ['2026-02-28', true],
      ['2026-03-10', false],
    ] as const) {
      await admin().enterprises.create(enterpriseInput(stationId, { establishedOn, registeredViaStation }));
    }

    // A: replied on its due day (5 working days after signing on Monday 2 March: Monday 9 March), callback satisfied.
    let a = await signedTicket('2026-03-02 10:00');
    expect(a.dueAt).toBe('2026-03-09T15:59:59.999Z');
    a = await act('2026-03-09 17:00', a, 'REPLY', { reply: '已协调解决。' });
    a = await act('2026-03-10 10:00', a, 'CALLBACK', { reached: true, rating: 'SATISFIED', resolved: true });
    await act('2026-03-10 11:00', a, 'CLOSE');

    // B: replied late, called back dissatisfied and unresolved, reopened on 20 March: its reply no longer counts, its new due date does.
    let b = await signedTicket('2026-03-03 09:00');
    b = await act('2026-03-16 10:00', b, 'REPLY', { reply: '已答复。' });
    b = await act('2026-03-17 10:00', b, 'CALLBACK', { reached: true, rating: 'DISSATISFIED', resolved: false });
    await act('2026-03-20 10:00', b, 'REOPEN', { note: '诉求人不满意' });

    // C: anonymous, replied on time (not called back, so outside the callback rate).
    let c = await signedTicket('2026-03-04 09:00', { anonymous: true });
    c = await act('2026-03-05 09:00', c, 'REPLY', { reply: '已答复。' });
    await act('2026-03-05 10:00', c, 'CLOSE');

    // D: reached but rated BASIC: satisfied, not strictly.
    let d = await signedTicket('2026-03-11 09:00');
    d = await act('2026-03-12 09:00', d, 'REPLY', { reply: '已答复。' });
    await act('2026-03-13 09:00', d, 'CALLBACK', { reached: true, rating: 'BASIC', resolved: true });

    // A station service with its outcome, an on-site visit, and an invalidated request that counts nowhere.
    clock.set('2026-03-18 09:00');
    const service = await admin().serviceRequests.create(
      requestInput({ channel: 'STATION', category: 'FINANCING', stationId, receivedAt: clock.now().toISOString() }),
    );
    await act('2026-03-19 15:00', service, 'REPLY', { reply: '已对接银行。', outcome: { issueResolved: true, jobsFilled: 12, financingAmount: 100.5 } });
    clock.set('2026-03-23 09:00');
    const visit = await admin().serviceRequests.create(
      requestInput({ channel: 'ONSITE', category: 'EMPLOYMENT', stationId, receivedAt: clock.now().toISOString(), visit: { visitedAt: clock.now().toISOString(), visitors: '张' } }),
    );
    expect(visit.status).toBeDefined();
    clock.set('2026-03-24 09:00');
    const invalid = await admin().serviceRequests.create(requestInput({ channel: 'STATION', category: 'OTHER', stationId, receivedAt: clock.now().toISOString() }));
    await act('2026-03-24 10:00', invalid, 'INVALIDATE', { note: '重复录入' });

    // Approvals of a project of the station's enterprise: a land-use permit (promised 5, statutory 20 working days)
    // decided in 3 working days, and a joint acceptance (promised 10, statutory 20) passed first time in 4.
    clock.set('2026-03-02 09:00');
    const officer = () => servicesOn(api, viewers.officer, clock);
    const enterprise = await admin().enterprises.create(enterpriseInput(stationId));
    const project = await officer().projects.create(projectInput(enterprise.id, { startUponLandAcquisition: true }));
    const decide = async (stage: string, promisedWorkingDays: number, decidedOn: string) => {
      clock.set('2026-03-02 09:00');
      let approval = await officer().approvals.create(approvalInput(project.id, { stage, promisedWorkingDays, statutoryWorkingDays: 20 }));
      for (const action of ['ACCEPT', 'START_REVIEW']) {
        approval = await officer().approvals.transition({ id: approval.id, expectedVersion: approval.version, action });
      }
      if (stage === 'COMPLETION_ACCEPTANCE') {
        const checks = ['PLANNING', 'FIRE', 'QUALITY'].map((type) => ({ type, result: 'PASSED' }));
        approval = await officer().approvals.recordJointAcceptance({ id: approval.id, expectedVersion: approval.version, checks });
      }
      clock.set(`${decidedOn} 15:00`);
      await officer().approvals.transition({ id: approval.id, expectedVersion: approval.version, action: 'APPROVE' });
    };
    await decide('LAND_USE_PLANNING', 5, '2026-03-05');
    await decide('COMPLETION_ACCEPTANCE', 10, '2026-03-06');
    clock.set('2026-04-01 09:00');
  }, 180_000);

  afterAll(async () => {
    await api?.stop();
  });

  it('counts the station’s requests, visits, outcomes and new registrations of the period', async () => {
    // Act
    const result = await dashboard('admin', { ...MARCH, stationId });

    // Assess
    const stations = result.data!.dashboard.stations;
    expect(stations).toMatchObject({
      requestsReceived: 6,
      onsiteVisits: 1,
      problemsSolved: 1,
      jobsFilled: 12,
      financingAmount: 100.5,
      newRegistrations: 2,
    });
    expect(stations.byChannel).toEqual(
      expect.arrayContaining([
        { channel: 'HOTLINE', count: 4 },
        { channel: 'STATION', count: 1 },
        { channel: 'ONSITE', count: 1 },
        { channel: 'ONLINE', count: 0 },
      ]),
    );
    expect(stations.monthly).toHaveLength(1);
    expect(stations.monthly[0].byCategory).toContainEqual({ category: 'FINANCING', count: 1 });
  });

  it('gives the hotline rates with their numerators and denominators: due-day replies on time, a reopened ticket not replied', async () => {
    // Act
    const { hotline } = (await dashboard('admin', { ...MARCH, stationId })).data!.dashboard;

    // Assess: A, B (late), C, D due in March; A (on its due day), C and D on time.
    expect(hotline.received).toBe(4);
    expect(hotline.onTimeRate).toEqual({ value: 0.75, numerator: 3, denominator: 4 });
    // Replied and callable: A and D (B's reply was reopened, C is anonymous); both reached.
    expect(hotline.callbackRate).toEqual({ value: 1, numerator: 2, denominator: 2 });
    expect(hotline.satisfactionRate).toEqual({ value: 1, numerator: 2, denominator: 2 });
    expect(hotline.strictSatisfactionRate).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
    // A took 5 working days, C 1, D 1.
    expect(hotline.averageHandlingWorkingDays).toEqual({ value: 7 / 3, sum: 7, count: 3 });
  });

  it('gives the approval figures: decisions, working days against statutory and promised time, joint acceptance', async () => {
    // Act
    const { approvals } = (await dashboard('admin', { ...MARCH, stationId })).data!.dashboard;

    // Assess
    expect(approvals).toMatchObject({ accepted: 2, decided: 2, tolerantAccepted: 0, landFirstProjects: 1 });
    expect(approvals.averageWorkingDays).toEqual({ value: 3.5, sum: 7, count: 2 });
    expect(approvals.onTimeRate).toEqual({ value: 1, numerator: 2, denominator: 2 });
    expect(approvals.speedUpVsStatutory).toEqual({ value: 1 - 7 / 40, actualWorkingDays: 7, referenceWorkingDays: 40 });
    expect(approvals.jointAcceptance).toEqual({
      decided: 1,
      firstPassRate: { value: 1, numerator: 1, denominator: 1 },
      averageWorkingDays: { value: 4, sum: 4, count: 1 },
      speedUpVsPromised: { value: 0.6, actualWorkingDays: 4, referenceWorkingDays: 10 },
    });
  });

  it('answers an empty period with zeros and null rates over zero denominators', async () => {
    // Act
    const { stations, hotline, approvals } = (await dashboard('admin', { from: '2025-01-01', to: '2025-01-31', stationId })).data!.dashboard;

    // Assess
    expect(stations.requestsReceived).toBe(0);
    expect(hotline.onTimeRate).toEqual({ value: null, numerator: 0, denominator: 0 });
    expect(hotline.averageHandlingWorkingDays).toEqual({ value: null, sum: 0, count: 0 });
    expect(approvals.jointAcceptance.firstPassRate.value).toBeNull();
  });

  it('reads the days at the ends of a period from day buckets and whole months from month buckets', async () => {
    // Act: 9–31 March leaves out A's receipt on the 2nd; 1 Feb – 10 March has A, B, C received.
    const tail = (await dashboard('admin', { from: '2026-03-09', to: '2026-04-15', stationId })).data!.dashboard;
    const head = (await dashboard('admin', { from: '2026-02-01', to: '2026-03-10', stationId })).data!.dashboard;

    // Assess
    expect(tail.hotline.received).toBe(1);
    expect(tail.hotline.monthly.map((month: { month: string }) => month.month)).toEqual(['2026-03', '2026-04']);
    expect(head.hotline.received).toBe(3);
    expect(head.stations.newRegistrations).toBe(2);
  });

  it('keeps the maintained aggregates equal to a recomputation from the records', async () => {
    // Act
    const differences = await checkAggregates(api.server.application.stores);

    // Assess
    expect(differences).toEqual([]);
  });

  it('refuses a period that ends before it starts, and a station that does not exist', async () => {
    // Act
    const backwards = await dashboard('admin', { from: '2026-03-31', to: '2026-03-01' });
    const unknown = await dashboard('admin', { ...MARCH, stationId: '01JZZZZZZZZZZZZZZZZZZZZZZZ' });

    // Assess
    expect(errorCode(backwards)).toBe('BAD_USER_INPUT');
    expect(backwards.errors![0]!.extensions!.fieldErrors).toEqual([{ field: 'to', message: expect.stringContaining('2026-03-31') }]);
    expect(errorCode(unknown)).toBe('NOT_FOUND');
  });

  describe('access', () => {
    const parts = (data: Json | undefined | null) => ({
      stations: data?.dashboard?.stations !== null && data?.dashboard?.stations !== undefined,
      approvals: data?.dashboard?.approvals !== null && data?.dashboard?.approvals !== undefined,
      hotline: data?.dashboard?.hotline !== null && data?.dashboard?.hotline !== undefined,
    });

    it.each([
      ['admin', { stations: true, approvals: true, hotline: true }],
      ['viewer', { stations: true, approvals: true, hotline: true }],
      ['officer', { stations: false, approvals: true, hotline: false }],
      ['operator', { stations: false, approvals: false, hotline: true }],
      ['staff-jr', { stations: true, approvals: true, hotline: true }],
    ])('%s sees the parts of its role', async (username, expected) => {
      // Act
      const result = await dashboard(username, MARCH);

      // Assess
      expect(parts(result.data)).toEqual(expected);
      const refused = Object.values(expected).filter((seen) => !seen).length;
      expect(result.errors?.map((error) => error.extensions?.code) ?? []).toEqual(Array(refused).fill('FORBIDDEN'));
    });

    it('shows station staff the figures of their own stations only', async () => {
      // Prepare
      const ids = await api.stationIds();

      // Act
      const own = await dashboard('staff-jr', { from: '2020-01-01', to: '2026-12-31' });
      const jr = await dashboard('admin', { from: '2020-01-01', to: '2026-12-31', stationId: ids.JR });
      const other = await dashboard('staff-jr', { ...MARCH, stationId: ids.ZN });
      const test = await dashboard('staff-jr', { ...MARCH, stationId });

      // Assess
      expect(own.data!.dashboard.stations).toEqual(jr.data!.dashboard.stations);
      expect(own.data!.dashboard.stations.newRegistrations).toBeGreaterThan(0);
      expect(errorCode(other)).toBe('FORBIDDEN');
      expect(other.data).toBeNull();
      expect(errorCode(test)).toBe('FORBIDDEN');
    });

    it('refuses enterprise users and anonymous callers', async () => {
      // Act
      const enterprise = await dashboard('enterprise-demo', MARCH);
      const anonymous = await dashboard(null, MARCH);

      // Assess
      expect(errorCode(enterprise)).toBe('FORBIDDEN');
      expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
    });
  });

  it('spreads parallel creates on one station and day over write shards, and the sums stay exact', async () => {
    // Prepare
    clock.set('2026-04-02 09:00');
    const before = (await dashboard('admin', { from: '2026-04-01', to: '2026-04-30', stationId })).data!.dashboard;

    // Act
    await Promise.all(
      Array.from({ length: 16 }, () =>
        admin().serviceRequests.create(requestInput({ channel: 'STATION', category: 'POLICY', stationId, receivedAt: clock.now().toISOString() })),
      ),
    );

    // Assess
    const after = (await dashboard('admin', { from: '2026-04-01', to: '2026-04-30', stationId })).data!.dashboard;
    expect(after.stations.requestsReceived - before.stations.requestsReceived).toBe(16);
    const shards = await api.server.application.stores.aggregates.keys(stationId);
    expect(new Set(shards.filter((key) => key.sk!.startsWith('D#2026-04-02#')).map((key) => key.sk)).size).toBeGreaterThan(1);
    expect(await checkAggregates(api.server.application.stores)).toEqual([]);
  });

  it('rebuilds aggregates that were damaged, and the check shows the damage first', async () => {
    // Prepare
    const { stores, client } = api.server.application;
    const figures = (await dashboard('admin', { ...MARCH, stationId })).data!.dashboard;
    const [key] = await stores.aggregates.keys(stationId);
    await client.send(
      new UpdateCommand({
        TableName: api.tableName,
        Key: key,
        UpdateExpression: 'ADD #m :v',
        ExpressionAttributeNames: { '#m': 'req' },
        ExpressionAttributeValues: { ':v': 1000 },
      }),
    );

    // Act
    const damage = await checkAggregates(stores);
    await rebuildAggregates(stores, client, api.tableName);

    // Assess
    expect(damage.length).toBeGreaterThan(0);
    expect(await checkAggregates(stores)).toEqual([]);
    expect((await dashboard('admin', { ...MARCH, stationId })).data!.dashboard).toEqual(figures);
  });
});
