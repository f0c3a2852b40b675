import { TableKey } from '@yizhan/shared';
import type { CursorCodec } from '../../api/src/common/cursor';

/** The list the throughput and call-count figures measure: a page with each node's enterprise and station, and the total. */
export const LIST_QUERY = `query ServiceRequestPage($first: Int = 25) {
  serviceRequests(first: $first) {
    totalCount
    nodes { id number status channel dueAt enterprise { id name } station { id code name } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** The write the write-throughput figure measures (the plain server answers the same fields). */
export const CREATE_MUTATION = 'mutation($input: CreateServiceRequestInput!) { createServiceRequest(input: $input) { id number status } }';

type Item = Record<string, unknown>;

export interface ListPage {
  totalCount: number;
  nodes: Record<string, unknown>[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const PAGE_SIZE = 25;

/**
 * The page as the plain server builds it from its DynamoDB answers, with no GraphQL: the
 * Query's items, the records and counters its batch reads returned, and one signed cursor.
 */
export function toListPage(answers: readonly Record<string, unknown>[], cursors: CursorCodec): ListPage {
  const [query, ...batches] = answers as [{ Items: Item[] }, ...{ Responses?: Record<string, Item[]>; Item?: Item }[]];
  const read = batches.flatMap((batch) => Object.values(batch.Responses ?? {}).flat());
  const byKey = new Map(read.map((item) => [String(item[TableKey.partitionKey]), item]));
  const counted = read.filter((item) => String(item[TableKey.partitionKey]).startsWith('Counter#'));
  const page = query.Items.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  return {
    totalCount: counted.reduce((sum, item) => sum + Number(item.count), 0),
    nodes: page.map((item) => {
      const enterprise = item.enterpriseId ? byKey.get(`Enterprise#${item.enterpriseId}`) : undefined;
      const station = item.stationId ? byKey.get(`Station#${item.stationId}`) : undefined;
      return {
        id: item.id,
        number: item.number,
        status: item.status,
        channel: item.channel,
        dueAt: item.dueAt ?? null,
        enterprise: enterprise ? { id: enterprise.id, name: enterprise.name } : null,
        station: station ? { id: station.id, code: station.code, name: station.name } : null,
      };
    }),
    pageInfo: {
      hasNextPage: query.Items.length > PAGE_SIZE,
      endCursor: last ? cursors.encode('plain', { [TableKey.partitionKey]: String(last[TableKey.partitionKey]), [TableKey.sortKey]: String(last[TableKey.sortKey]) }) : null,
    },
  };
}
