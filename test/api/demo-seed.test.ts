import { shanghaiDay } from '@yizhan/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAggregates } from '../../api/src/aggregates/rebuild';
import { demoRequests } from '../../api/src/local/demo-requests';
import { type SeedResult, seedDemoData } from '../../api/src/local/seed';
import { TestApi } from '../support/api';

const COUNT = `query($filter: ServiceRequestFilter) { serviceRequests(filter: $filter) { totalCount } }`;

describe('the demo data, as npm start seeds it', () => {
  let api: TestApi;
  let seeded: SeedResult;

  beforeAll(async () => {
    api = await TestApi.start();
    seeded = await seedDemoData(api.server.application, { today: new Date('2026-11-27T02:00:00.000Z') });
  }, 180_000);

  afterAll(async () => {
    await api?.stop();
  });

  async function total(filter: Record<string, unknown>, as = 'admin'): Promise<number> {
    return (await api.data(as, COUNT, { filter })).serviceRequests.totalCount;
  }

  it('holds requests: all there, most of 2023 closed, some open today and overdue at every station', async () => {
    expect(await total({})).toBe(seeded.serviceRequests + seeded.history.serviceRequests);
    expect(await total({ status: 'CLOSED', receivedTo: '2023-12-31' })).toBeGreaterThan(40);
    const overdue = (await api.data('admin', `{ serviceRequests(filter: { overdue: true }, first: 100) { nodes { station { code } } } }`)).serviceRequests.nodes;
    expect(new Set(overdue.map((node: { station: { code: string } }) => node.station.code))).toEqual(new Set(['JR', 'ZN', 'CX']));
    expect(await total({ status: ['RECEIVED', 'DISPATCHED', 'SIGNED', 'IN_PROGRESS'], receivedFrom: '2026-11-01' })).toBeGreaterThanOrEqual(8);
  });

  it('tells each request’s story in its timestamps and history', async () => {
    const story = demoRequests.find((request) => request.steps.some((step) => step.action === 'REOPEN'))!;
    const day = shanghaiDay('at' in story.received ? story.received.at : '');
    const query = `query($filter: ServiceRequestFilter) { serviceRequests(filter: $filter, first: 100) { nodes { reopenCount receivedAt closedAt history { totalCount } } } }`;
    const reopened = (await api.data('admin', query, { filter: { q: story.title, status: 'CLOSED', receivedFrom: day, receivedTo: day } }))
      .serviceRequests.nodes as { reopenCount: number; receivedAt: string; closedAt: string; history: { totalCount: number } }[];
    const twice = reopened.find((node) => node.reopenCount === 1)!;
    // Created, then dispatched, signed, started, replied, called back, reopened, started, replied, called back, closed.
    expect(twice.history.totalCount).toBe(11);
    expect(twice.closedAt > twice.receivedAt).toBe(true);
    expect(twice.closedAt.startsWith('2023-')).toBe(true);
  });

  it('shows the demo enterprise user the requests concerning its enterprise only', async () => {
    const own = demoRequests.filter((request) => request.enterpriseName === '湘潭中天机电有限公司').length;
    expect(own).toBeGreaterThanOrEqual(2);
    expect(await total({}, 'enterprise-demo')).toBe(own);
    expect(await total({ channel: 'ONLINE' }, 'enterprise-demo')).toBe(2);
  });

  it('gives the article’s figures from the dashboard over its period, from the records', async () => {
    // Act
    const query = `{ dashboard(from: "2022-06-15", to: "2023-10-31") {
      stations { onsiteVisits problemsSolved jobsFilled newRegistrations byChannel { channel count } }
      approvals { tolerantAccepted landFirstProjects jointAcceptance { decided firstPassRate { value } averageWorkingDays { value } speedUpVsPromised { value } } }
      hotline { received onTimeRate { value denominator } callbackRate { value } satisfactionRate { value } } } }`;
    const { stations, approvals, hotline } = (await api.data('viewer', query)).dashboard;

    // Assess: 280+ station services, 70+ visits, 120+ problems solved, 1,500+ jobs, 630 new registrations.
    expect(stations.byChannel.find((count: { channel: string }) => count.channel === 'STATION').count).toBeGreaterThanOrEqual(280);
    expect(stations.onsiteVisits).toBeGreaterThanOrEqual(70);
    expect(stations.problemsSolved).toBeGreaterThanOrEqual(120);
    expect(stations.jobsFilled).toBeGreaterThanOrEqual(1500);
    expect(stations.newRegistrations).toBe(630);
    // 32 容缺 approvals, 16 拿地即开工 projects, 14 joint acceptances passed first time in 5 working days against 10 promised.
    expect(approvals).toMatchObject({ tolerantAccepted: 32, landFirstProjects: 16 });
    expect(approvals.jointAcceptance).toEqual({ decided: 14, firstPassRate: { value: 1 }, averageWorkingDays: { value: 5 }, speedUpVsPromised: { value: 0.5 } });
    // 12345: 10,000+ tickets, on time 99.99 %, callback 100 %, satisfaction about 85 %.
    expect(hotline.received).toBeGreaterThanOrEqual(10_000);
    expect(hotline.onTimeRate.value.toFixed(4)).toBe('0.9999');
    expect(hotline.callbackRate.value).toBe(1);
    expect(hotline.satisfactionRate.value).toBeCloseTo(0.85, 2);
  });

  it('loads its history in bulk with aggregates equal to a recomputation from the records', async () => {
    // Act
    const differences = await checkAggregates(api.server.application.stores);

    // Assess
    expect(seeded.history.serviceRequests).toBeGreaterThanOrEqual(10_000);
    expect(differences).toEqual([]);
  });

  /** Approvals submitted up to the article (2023-10-31) matching `filter`. */
  async function approvalsOfPeriod(filter: Record<string, unknown>, fields: string) {
    const query = `query($filter: ApprovalFilter) { approvals(filter: $filter, first: 100) { totalCount nodes { ${fields} } } }`;
    return (await api.data('admin', query, { filter: { ...filter, submittedTo: '2023-10-31' } })).approvals;
  }

  it('reproduces the article’s approval figures up to 2023-10-31', async () => {
    const tolerant = await approvalsOfPeriod({ acceptanceMode: ['TOLERANT'] }, 'projectId');
    expect(tolerant.totalCount).toBe(32);
    expect(new Set(tolerant.nodes.map((node: { projectId: string }) => node.projectId)).size).toBe(32);

    const projects = (await api.data('admin', `{ projects(first: 100) { nodes { createdAt startUponLandAcquisition } } }`)).projects.nodes as { createdAt: string; startUponLandAcquisition: boolean }[];
    expect(projects.filter((project) => project.startUponLandAcquisition && project.createdAt < '2023-11').length).toBe(16);

    const acceptances = (await approvalsOfPeriod({ stage: ['COMPLETION_ACCEPTANCE'] }, 'status firstPass elapsedWorkingDays promisedWorkingDays')).nodes as {
      status: string;
      firstPass: boolean;
      elapsedWorkingDays: number;
      promisedWorkingDays: number;
    }[];
    expect(acceptances).toHaveLength(14);
    expect(acceptances.every((approval) => approval.status === 'ISSUED' && approval.firstPass)).toBe(true);
    const elapsed = acceptances.reduce((sum, approval) => sum + approval.elapsedWorkingDays, 0);
    expect(elapsed / acceptances.length).toBe(5);
    expect(1 - elapsed / acceptances.reduce((sum, approval) => sum + approval.promisedWorkingDays, 0)).toBe(0.5);

    const permits = (await approvalsOfPeriod({ stage: ['LAND_USE_PLANNING', 'ENGINEERING_PLANNING', 'CONSTRUCTION_PERMIT'] }, 'decidedAt elapsedWorkingDays statutoryWorkingDays dueOn'))
      .nodes as { decidedAt: string | null; elapsedWorkingDays: number; statutoryWorkingDays: number; dueOn: string }[];
    const decided = permits.filter((approval) => approval.decidedAt !== null);
    const actual = decided.reduce((sum, approval) => sum + approval.elapsedWorkingDays, 0);
    expect(1 - actual / decided.reduce((sum, approval) => sum + approval.statutoryWorkingDays, 0)).toBeCloseTo(0.4, 3);
    expect(decided.every((approval) => approval.decidedAt!.slice(0, 10) <= approval.dueOn)).toBe(true);

    const zhongnan = (await api.data('admin', `{ projects(filter: { q: "中南高科湘潭智造产业园项目" }) { nodes { startUponLandAcquisition totalWorkingDays stages { stage workingDays } } } }`))
      .projects.nodes;
    expect(zhongnan).toEqual([
      {
        startUponLandAcquisition: true,
        totalWorkingDays: 13,
        stages: [
          { stage: 'LAND_USE_PLANNING', workingDays: 3 },
          { stage: 'ENGINEERING_PLANNING', workingDays: 4 },
          { stage: 'CONSTRUCTION_PERMIT', workingDays: 6 },
        ],
      },
    ]);
  });

  it('numbers approvals in the order they were submitted', async () => {
    const numbers = (await api.data('admin', `{ approvals(sort: SUBMITTED_ASC, first: 100) { nodes { number } } }`)).approvals.nodes.map((node: { number: string }) => node.number);
    expect(numbers.length).toBeGreaterThan(70);
    expect(numbers).toEqual([...numbers].sort());
  });

  it('leaves approvals open on the day it is loaded: overdue, paused, suspended by the sweeper, a pre-review awaiting its land contract', async () => {
    const fields = 'itemName status preReview availableActions materials { status } checks { result } firstPass';
    const withHistory = `${fields} history(first: 1) { nodes { actor { username } transition } }`;
    const list = async (filter: Record<string, unknown>, as = 'officer') =>
      (await api.data(as, `query($filter: ApprovalFilter) { approvals(filter: $filter, first: 20) { nodes { ${as === 'officer' ? withHistory : fields} } } }`, { filter })).approvals.nodes;

    expect((await list({ overdue: true })).length).toBeGreaterThanOrEqual(1);
    expect(await list({ status: ['PAUSED'] })).toHaveLength(1);
    const suspended = await list({ status: ['SUSPENDED'] });
    expect(suspended).toHaveLength(1);
    expect(suspended[0]).toMatchObject({ materials: expect.arrayContaining([{ status: 'OVERDUE' }]), history: { nodes: [{ actor: { username: 'sweeper' }, transition: 'SUSPEND' }] } });
    const awaitingLand = await list({ status: ['APPROVED'] });
    expect(awaitingLand).toEqual([expect.objectContaining({ preReview: true, availableActions: ['WITHDRAW'] })]);
    const rectifying = await list({ stage: ['COMPLETION_ACCEPTANCE'], status: ['UNDER_REVIEW'] });
    expect(rectifying).toEqual([expect.objectContaining({ firstPass: false, checks: expect.arrayContaining([{ result: 'RECTIFY' }]) })]);

    const own = await list({ status: ['UNDER_REVIEW', 'CORRECTION_REQUESTED'] }, 'enterprise-demo');
    expect(own.map((approval: { status: string }) => approval.status).sort()).toEqual(['CORRECTION_REQUESTED', 'UNDER_REVIEW']);
    expect(own.find((approval: { status: string }) => approval.status === 'CORRECTION_REQUESTED').availableActions).toEqual(['RESUBMIT', 'WITHDRAW']);
    expect(own.find((approval: { status: string }) => approval.status === 'UNDER_REVIEW').materials).toContainEqual({ status: 'OUTSTANDING' });
  });
});
