import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSchema } from '../../api/src/schema';
import { errorCode, TestApi } from '../support/api';
import { createEnterprise, createStation } from '../support/fixtures';

const PAGE = `query($filter: EnterpriseFilter, $sort: EnterpriseSort, $first: Int, $after: String) {
  enterprises(filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount
    nodes { name status tags }
    edges { cursor node { name } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

interface Connection {
  totalCount: number;
  nodes: { name: string; status: string; tags: string[] }[];
  edges: { cursor: string; node: { name: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

describe('the GraphQL shape front-end clients expect', () => {
  let api: TestApi;
  let stationA: string;
  let stationB: string;
  let stationC: string;

  beforeAll(async () => {
    api = await TestApi.start();
    stationA = (await createStation(api)).id;
    stationB = (await createStation(api)).id;
    stationC = (await createStation(api)).id;
    const names = ['湖南亚辉龙生物科技股份有限公司', '湖南华菱湘潭钢铁有限公司', '湖南九华碳素高科有限公司', '湘潭中天机电有限公司'];
    for (const [index, name] of names.entries()) {
      await createEnterprise(api, stationA, { name, tags: index % 2 === 0 ? ['HIGH_TECH'] : ['LITTLE_GIANT', 'ABOVE_SCALE'] });
    }
    for (let index = 0; index < 3; index += 1) await createEnterprise(api, stationB, { name: `B站企业${index}`, tags: ['ABOVE_SCALE'] });
    const moved = await createEnterprise(api, stationC, { name: 'C站企业', tags: [] });
    await api.data('admin', `mutation($input: TransitionEnterpriseInput!) { transitionEnterprise(input: $input) { id } }`, { input: { id: moved.id, expectedVersion: 1, action: 'MOVE_OUT' } });
  }, 60_000);

  afterAll(async () => {
    await api?.stop();
  });

  async function page(variables: Record<string, unknown>): Promise<Connection> {
    return (await api.data<{ enterprises: Connection }>('admin', PAGE, variables)).enterprises;
  }

  it('gives Relay page info: startCursor, hasPreviousPage, and endCursor as the last edge’s cursor on every page, the last included', async () => {
    const first = await page({ filter: { stationId: stationA }, first: 3 });
    const last = await page({ filter: { stationId: stationA }, first: 3, after: first.pageInfo.endCursor });
    const beyond = await page({ filter: { stationId: stationA }, first: 3, after: last.pageInfo.endCursor });

    expect(first.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: first.edges[0]!.cursor, endCursor: first.edges[2]!.cursor });
    expect(last.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: last.edges[0]!.cursor, endCursor: last.edges[0]!.cursor });
    expect(beyond).toMatchObject({ nodes: [], pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null } });
  });

  it('sorts names in pinyin order, not by code point', async () => {
    const names = (await page({ filter: { stationId: stationA }, sort: 'NAME_ASC' })).nodes.map((node) => node.name);
    expect(names).toEqual(['湖南华菱湘潭钢铁有限公司', '湖南九华碳素高科有限公司', '湖南亚辉龙生物科技股份有限公司', '湘潭中天机电有限公司']);
    const reversed = (await page({ filter: { stationId: stationA }, sort: 'NAME_DESC' })).nodes.map((node) => node.name);
    expect(reversed).toEqual([...names].reverse());
  });

  it.each([
    ['initials', 'xtztjd', ['湘潭中天机电有限公司']],
    ['full pinyin', 'jiuhua', ['湖南九华碳素高科有限公司']],
    ['spaced pinyin', 'Hua Ling', ['湖南华菱湘潭钢铁有限公司']],
    ['characters', '亚辉龙', ['湖南亚辉龙生物科技股份有限公司']],
  ])('finds a name by its %s, with an exact total', async (_how, q, expected) => {
    const result = await page({ filter: { q } });
    expect(result.nodes.map((node) => node.name)).toEqual(expected);
    expect(result.totalCount).toBe(expected.length);
  });

  it('filters by several stations, statuses and tags at once, with exact totals', async () => {
    const twoStations = await page({ filter: { stationId: [stationB, stationC] }, first: 100 });
    const statuses = await page({ filter: { stationId: [stationA, stationB, stationC], status: ['ACTIVE', 'MOVED_OUT'] }, first: 100 });
    const movedOut = await page({ filter: { stationId: [stationA, stationB, stationC], status: ['MOVED_OUT'] }, first: 100 });
    const anyTag = await page({ filter: { stationId: stationA, tag: ['HIGH_TECH', 'LITTLE_GIANT'] }, first: 100 });
    const oneTag = await page({ filter: { stationId: [stationA, stationB], tag: 'ABOVE_SCALE' }, first: 100 });

    expect([twoStations.totalCount, twoStations.nodes.length]).toEqual([4, 4]);
    expect([statuses.totalCount, statuses.nodes.length]).toEqual([8, 8]);
    expect(movedOut.nodes.map((node) => node.name)).toEqual(['C站企业']);
    expect(movedOut.totalCount).toBe(1);
    expect([anyTag.totalCount, anyTag.nodes.length]).toEqual([4, 4]);
    expect([oneTag.totalCount, oneTag.nodes.length]).toEqual([5, 5]);
  });

  it('keeps siblings when one field is refused: an anonymous caller still gets the stations', async () => {
    const result = await api.graphql<{ stations: { nodes: { code: string; enterpriseCount: number | null; enterprises: unknown }[] } }>(
      null,
      `{ stations(first: 100) { nodes { code enterpriseCount enterprises(first: 1) { totalCount } } } }`,
    );
    expect(result.data!.stations.nodes.length).toBeGreaterThan(0);
    expect(result.data!.stations.nodes.every((node) => node.code && node.enterpriseCount === null && node.enterprises === null)).toBe(true);
    expect(errorCode(result)).toBe('UNAUTHENTICATED');
    const signedIn = (await api.data('admin', `query($id: ID!) { station(id: $id) { enterpriseCount } }`, { id: stationA })).station;
    expect(signedIn.enterpriseCount).toBe(4);
  });

  it('says in the schema what an omitted update field does and who may read a type', () => {
    const schema = getSchema();
    const update = schema.getType('UpdateEnterpriseInput') as unknown as { getFields(): Record<string, { description?: string | null }> };
    const enterprise = schema.getType('Enterprise')!;
    const person = schema.getType('Person') as unknown as { getFields(): Record<string, { description?: string | null }> };

    expect(update.getFields().creditStatus!.description).toMatch(/Omit to keep the current value/);
    expect(update.getFields().creditStatus!.description).not.toMatch(/defaults to/i);
    expect(update.getFields().contact!.description).toMatch(/null clears it/);
    expect(enterprise.description).toMatch(/STAFF the records of their stations/);
    expect(person.getFields().phone!.description).toMatch(/Masked for VIEWER/);
  });
});
