import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, TestApi } from '../support/api';
import { createEnterprise, createStation } from '../support/fixtures';

const LIST = `query($filter: EnterpriseFilter, $sort: EnterpriseSort!, $first: Int!, $after: String) {
  enterprises(filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount
    nodes { id name tags status }
    edges { cursor node { id } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface ListPage {
  enterprises: {
    totalCount: number;
    nodes: { id: string; name: string; tags: string[]; status: string }[];
    edges: { cursor: string; node: { id: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

describe('enterprise lists', () => {
  let api: TestApi;
  let stationA: string;
  let stationB: string;
  const highTechA = new Set<string>();
  const allA = new Set<string>();

  beforeAll(async () => {
    api = await TestApi.start();
    stationA = (await createStation(api)).id;
    stationB = (await createStation(api)).id;
    // 23 enterprises at A: every third is HIGH_TECH, interleaved in name order with non-matching ones.
    for (let index = 0; index < 23; index += 1) {
      const tags = index % 3 === 0 ? ['HIGH_TECH'] : ['ABOVE_SCALE'];
      const created = await createEnterprise(api, stationA, { name: `A企业${String(index).padStart(2, '0')}`, tags });
      allA.add(created.id);
      if (tags[0] === 'HIGH_TECH') highTechA.add(created.id);
    }
    for (let index = 0; index < 7; index += 1) {
      await createEnterprise(api, stationB, { name: `B企业${index}`, tags: ['HIGH_TECH'] });
    }
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
  });

  async function readAll(filter: Record<string, unknown>, sort: string, first: number) {
    const pages: ListPage['enterprises'][] = [];
    let after: string | null = null;
    do {
      const page: ListPage = await api.data<ListPage>('admin', LIST, { filter, sort, first, after });
      pages.push(page.enterprises);
      after = page.enterprises.pageInfo.hasNextPage ? page.enterprises.pageInfo.endCursor : null;
    } while (after && pages.length < 50);
    return pages;
  }

  it('pages through a filtered list in small pages: every match once, full pages, honest hasNextPage, exact totals', async () => {
    const pages = await readAll({ stationId: stationA, tag: 'HIGH_TECH' }, 'NAME_ASC', 2);

    const ids = pages.flatMap((page) => page.nodes.map((node) => node.id));
    expect(new Set(ids)).toEqual(highTechA);
    expect(ids).toHaveLength(highTechA.size);
    expect(pages.every((page) => page.nodes.length > 0)).toBe(true);
    expect(pages.slice(0, -1).every((page) => page.nodes.length === 2 && page.pageInfo.hasNextPage)).toBe(true);
    expect(pages.at(-1)!.pageInfo.hasNextPage).toBe(false);
    expect(pages.map((page) => page.totalCount)).toEqual(pages.map(() => highTechA.size));
  });

  it('keeps the sort order across pages', async () => {
    const pages = await readAll({ stationId: stationA }, 'NAME_DESC', 4);
    const names = pages.flatMap((page) => page.nodes.map((node) => node.name));
    expect(names).toHaveLength(allA.size);
    expect(names).toEqual([...names].sort().reverse());
  });

  it('counts a text search that no counter covers exactly', async () => {
    const pages = await readAll({ q: 'a企业1' }, 'CREATED_DESC', 3);
    const names = pages.flatMap((page) => page.nodes.map((node) => node.name));
    expect(names.sort()).toEqual(['A企业10', 'A企业11', 'A企业12', 'A企业13', 'A企业14', 'A企业15', 'A企业16', 'A企业17', 'A企业18', 'A企业19']);
    expect(pages[0]!.totalCount).toBe(10);
  });

  it('counts across stations from the aggregate counters', async () => {
    const page = await api.data<ListPage>('admin', LIST, { filter: { tag: 'HIGH_TECH' }, sort: 'NAME_ASC', first: 1 });
    expect(page.enterprises.totalCount).toBe(highTechA.size + 7);
    expect(page.enterprises.pageInfo.hasNextPage).toBe(true);
  });

  it('answers an empty match with an empty last page, not a promise of more', async () => {
    const page = await api.data<ListPage>('admin', LIST, { filter: { stationId: stationB, tag: 'LITTLE_GIANT' }, sort: 'NAME_ASC', first: 5 });
    expect(page.enterprises).toMatchObject({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('gives each edge a cursor that continues right after that edge', async () => {
    const first = await api.data<ListPage>('admin', LIST, { filter: { stationId: stationA }, sort: 'NAME_ASC', first: 5 });
    const third = first.enterprises.edges[2]!;
    const next = await api.data<ListPage>('admin', LIST, { filter: { stationId: stationA }, sort: 'NAME_ASC', first: 2, after: third.cursor });
    expect(next.enterprises.nodes.map((node) => node.id)).toEqual(first.enterprises.nodes.slice(3, 5).map((node) => node.id));
  });

  it('refuses a forged cursor, and a cursor of another query, as BAD_USER_INPUT', async () => {
    const page = await api.data<ListPage>('admin', LIST, { filter: { stationId: stationA }, sort: 'NAME_ASC', first: 2 });
    const cursor = page.enterprises.pageInfo.endCursor!;
    const [payload, signature] = cursor.split('.');
    const tampered = `${Buffer.from(Buffer.from(payload!, 'base64url').toString().replace(/A/, 'B')).toString('base64url')}.${signature}`;

    const forged = await api.graphql('admin', LIST, { filter: { stationId: stationA }, sort: 'NAME_ASC', first: 2, after: tampered });
    const otherSort = await api.graphql('admin', LIST, { filter: { stationId: stationA }, sort: 'NAME_DESC', first: 2, after: cursor });
    const otherFilter = await api.graphql('admin', LIST, { filter: { stationId: stationB }, sort: 'NAME_ASC', first: 2, after: cursor });
    const garbage = await api.graphql('admin', LIST, { sort: 'NAME_ASC', first: 2, after: 'not-a-cursor' });

    for (const result of [forged, otherSort, otherFilter, garbage]) {
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0]!.extensions!.fieldErrors).toEqual([expect.objectContaining({ field: 'after' })]);
    }
  });

  it('refuses page sizes outside 1..100', async () => {
    const tooMany = await api.graphql('admin', LIST, { sort: 'NAME_ASC', first: 101 });
    const none = await api.graphql('admin', LIST, { sort: 'NAME_ASC', first: 0 });
    expect(errorCode(tooMany)).toBe('BAD_USER_INPUT');
    expect(tooMany.errors![0]!.extensions!.fieldErrors).toEqual([{ field: 'first', message: 'first must be at most 100.' }]);
    expect(errorCode(none)).toBe('BAD_USER_INPUT');
  });

  it('resolves the stations of a whole page in one batch: a bounded number of DynamoDB calls', async () => {
    let calls = 0;
    api.server.application.client.middlewareStack.add((next) => (args) => {
      calls += 1;
      return next(args);
    }, { step: 'initialize', name: 'testCallCounter' });
    try {
      const page = await api.data('admin', `{ enterprises(first: 25) { totalCount nodes { station { code } } } }`);
      expect(page.enterprises.nodes).toHaveLength(25);
      // One Query for the page, then one BatchGetItem for the stations and the total's counters together.
      expect(calls).toBe(2);
    } finally {
      api.server.application.client.middlewareStack.remove('testCallCounter');
    }
  });

  it('counts each station’s enterprises for a whole page of stations in one batch', async () => {
    let calls = 0;
    api.server.application.client.middlewareStack.add((next) => (args) => {
      calls += 1;
      return next(args);
    }, { step: 'initialize', name: 'stationCountCounter' });
    try {
      const page = await api.data('admin', `{ stations(first: 25) { nodes { id enterpriseCount } } }`);
      const counts = new Map(page.stations.nodes.map((node: { id: string; enterpriseCount: number }) => [node.id, node.enterpriseCount]));
      expect(counts.get(stationA)).toBe(allA.size);
      expect(counts.get(stationB)).toBe(7);
      // One Query for the stations, one BatchGetItem for all their counters.
      expect(calls).toBe(2);
    } finally {
      api.server.application.client.middlewareStack.remove('stationCountCounter');
    }
  });
});
