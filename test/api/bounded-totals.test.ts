import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnterprises } from '../../api/src/local/seed-history';
import { COUNT_READ_BUDGET } from '../../api/src/store/list';
import { TestApi } from '../support/api';
import { createStation, enterpriseInput } from '../support/fixtures';

const LIST = `query($filter: EnterpriseFilter) {
  enterprises(first: 25, filter: $filter) { totalCount totalCountIsExact nodes { id name } pageInfo { hasNextPage } }
}`;

interface ListPage {
  enterprises: { totalCount: number; totalCountIsExact: boolean; nodes: { id: string; name: string }[]; pageInfo: { hasNextPage: boolean } };
}

/** Totals no counter covers are counted with a budget, so their cost stays flat as a list grows, and say when they are a lower bound. */
describe('totals of large lists', () => {
  let api: TestApi;
  let station: string;
  const ENTERPRISES = COUNT_READ_BUDGET + 200;

  beforeAll(async () => {
    api = await TestApi.start();
    station = (await createStation(api)).id;
    // All names hold 机电, every fourth 电缆 too, in name order: 湘潭机电00000电缆分公司, 湘潭机电00001分公司 …
    const inputs = Array.from({ length: ENTERPRISES }, (_, index) =>
      enterpriseInput(station, { name: `湘潭机电${String(index).padStart(5, '0')}${index % 4 === 0 ? '电缆' : ''}分公司`, establishedOn: '2021-03-01' }),
    );
    await loadEnterprises(api.server.application, inputs, new Date());
  }, 120_000);

  afterAll(() => api.stop());

  it('counts a list counters cover exactly, however long it is', async () => {
    // Act
    const page = await api.data<ListPage>('admin', LIST, { filter: { stationId: station } });

    // Assess
    expect(page.enterprises.totalCount).toBe(ENTERPRISES);
    expect(page.enterprises.totalCountIsExact).toBe(true);
  });

  it('gives a text search over more records than the budget a lower bound that says so, and still a full page', async () => {
    // Act
    const every = await api.data<ListPage>('admin', LIST, { filter: { q: '机电' } });
    const some = await api.data<ListPage>('admin', LIST, { filter: { q: '电缆' } });

    // Assess: the first budget's worth of records in name order looked at; all match 机电, a quarter 电缆.
    expect(every.enterprises).toMatchObject({ totalCount: COUNT_READ_BUDGET, totalCountIsExact: false, pageInfo: { hasNextPage: true } });
    expect(every.enterprises.nodes).toHaveLength(25);
    expect(some.enterprises.totalCountIsExact).toBe(false);
    expect(some.enterprises.totalCount).toBe(COUNT_READ_BUDGET / 4);
    expect(some.enterprises.nodes.every((node) => node.name.includes('电缆'))).toBe(true);
  });

  it('counts a text search exactly when the records to look through are exactly the budget', async () => {
    // Prepare: a station of its own with exactly the budget's worth of enterprises, all matching.
    const full = (await createStation(api)).id;
    const inputs = Array.from({ length: COUNT_READ_BUDGET }, (_, index) => enterpriseInput(full, { name: `湘潭满额机电${String(index).padStart(5, '0')}分公司`, establishedOn: '2021-03-01' }));
    await loadEnterprises(api.server.application, inputs, new Date());

    // Act
    const page = await api.data<ListPage>('admin', LIST, { filter: { stationId: full, q: '满额' } });

    // Assess
    expect(page.enterprises).toMatchObject({ totalCount: COUNT_READ_BUDGET, totalCountIsExact: true, pageInfo: { hasNextPage: true } });
  });

  it('counts a text search exactly when the records to look through fit the budget', async () => {
    // Prepare: a station of its own with a few enterprises.
    const small = (await createStation(api)).id;
    await loadEnterprises(api.server.application, [0, 1, 2].map((index) => enterpriseInput(small, { name: `湘潭电缆机电小微企业${index}`, establishedOn: '2021-03-01' })), new Date());

    // Act
    const page = await api.data<ListPage>('admin', LIST, { filter: { stationId: small, q: '电缆' } });

    // Assess
    expect(page.enterprises).toMatchObject({ totalCount: 3, totalCountIsExact: true, pageInfo: { hasNextPage: false } });
  });
});
