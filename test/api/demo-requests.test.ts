import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRequests } from '../../api/src/local/demo-requests';
import { seedDemoData } from '../../api/src/local/seed';
import { TestApi } from '../support/api';

const COUNT = `query($filter: ServiceRequestFilter) { serviceRequests(filter: $filter) { totalCount } }`;

describe('the demo requests, as npm start seeds them', () => {
  let api: TestApi;
  let seeded: number;

  beforeAll(async () => {
    api = await TestApi.start();
    seeded = (await seedDemoData(api.server.application, { today: new Date('2026-11-27T02:00:00.000Z') })).serviceRequests;
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
  });

  async function total(filter: Record<string, unknown>, as = 'admin'): Promise<number> {
    return (await api.data(as, COUNT, { filter })).serviceRequests.totalCount;
  }

  it('are all there, most of 2023 closed, some open today and overdue at every station', async () => {
    expect(await total({})).toBe(seeded);
    expect(await total({ status: 'CLOSED', receivedTo: '2023-12-31' })).toBeGreaterThan(40);
    const overdue = (await api.data('admin', `{ serviceRequests(filter: { overdue: true }, first: 100) { nodes { station { code } } } }`)).serviceRequests.nodes;
    expect(new Set(overdue.map((node: { station: { code: string } }) => node.station.code))).toEqual(new Set(['JR', 'ZN', 'CX']));
    expect(await total({ status: ['RECEIVED', 'DISPATCHED', 'SIGNED', 'IN_PROGRESS'], receivedFrom: '2026-11-01' })).toBeGreaterThanOrEqual(8);
  });

  it('tell their story in their timestamps and history', async () => {
    const reopened = (await api.data('admin', `{ serviceRequests(filter: { q: "照明", status: CLOSED }, first: 10) { nodes { reopenCount receivedAt closedAt history { totalCount } } } }`))
      .serviceRequests.nodes as { reopenCount: number; receivedAt: string; closedAt: string; history: { totalCount: number } }[];
    const twice = reopened.find((node) => node.reopenCount === 1)!;
    // Created, then dispatched, signed, started, replied, called back, reopened, started, replied, called back, closed.
    expect(twice.history.totalCount).toBe(11);
    expect(twice.closedAt > twice.receivedAt).toBe(true);
    expect(twice.closedAt.startsWith('2023-')).toBe(true);
  });

  it('show the demo enterprise user the requests concerning its enterprise only', async () => {
    const own = demoRequests.filter((request) => request.enterpriseName === '湘潭中天机电有限公司').length;
    expect(own).toBeGreaterThanOrEqual(2);
    expect(await total({}, 'enterprise-demo')).toBe(own);
    expect(await total({ channel: 'ONLINE' }, 'enterprise-demo')).toBe(2);
  });
});
