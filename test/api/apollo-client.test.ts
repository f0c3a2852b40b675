import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { filter, firstValueFrom } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi } from '../support/api';
import { createEnterprise, createStation } from '../support/fixtures';

/** The cache set-up docs/api.md recommends. */
function cache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Query: { fields: { stations: relayStylePagination(['filter', 'sort']), enterprises: relayStylePagination(['filter', 'sort']) } },
      Station: { fields: { enterprises: relayStylePagination(['filter', 'sort']) } },
    },
  });
}

const ENTERPRISES = gql`
  query Enterprises($filter: EnterpriseFilter, $first: Int, $after: String) {
    enterprises(filter: $filter, sort: NAME_ASC, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          name
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

interface EnterprisesData {
  enterprises: { totalCount: number; edges: { cursor: string; node: { id: string; name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

describe('Apollo Client with relayStylePagination', () => {
  let api: TestApi;
  let stationId: string;
  const names: string[] = [];

  beforeAll(async () => {
    api = await TestApi.start();
    stationId = (await createStation(api)).id;
    for (const name of ['湖南亚辉龙生物', '湖南华菱钢铁', '湖南九华碳素', '湘潭中天机电', '长沙重工', '湘潭电机']) {
      names.push((await createEnterprise(api, stationId, { name })).name);
    }
  }, 60_000);

  afterAll(async () => {
    await api?.stop();
  });

  it('pages a list to its end with fetchMore, the cache merging every page in order', async () => {
    const token = await api.tokenFor('admin');
    const client = new ApolloClient({ link: new HttpLink({ uri: `${api.url}/graphql`, headers: { authorization: `Bearer ${token}` } }), cache: cache() });
    const variables = { filter: { stationId }, first: 4 };

    const query = client.watchQuery<EnterprisesData>({ query: ENTERPRISES, variables });
    const first = await firstValueFrom(query.pipe(filter((result) => !result.loading)));
    let data = first.data as EnterprisesData;
    let pages = 1;
    while (data.enterprises.pageInfo.hasNextPage) {
      const more = await query.fetchMore({ variables: { after: data.enterprises.pageInfo.endCursor } });
      expect(more.error).toBeUndefined();
      data = query.getCurrentResult().data as EnterprisesData;
      pages += 1;
    }
    query.stop();

    expect(pages).toBe(2);
    // Pinyin order, heteronyms read in context: 长沙 is chang sha, so it comes first.
    expect(data.enterprises.edges.map((edge) => edge.node.name)).toEqual(['长沙重工', '湖南华菱钢铁', '湖南九华碳素', '湖南亚辉龙生物', '湘潭电机', '湘潭中天机电']);
    expect(data.enterprises.totalCount).toBe(names.length);
    expect(data.enterprises.pageInfo).toMatchObject({ hasNextPage: false, endCursor: data.enterprises.edges.at(-1)!.cursor });
  });
});
