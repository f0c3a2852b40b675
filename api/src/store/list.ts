import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { type IndexDefinition, TableKey } from '@yizhan/shared';
import type { Expression } from './expression';
import { withoutKeys } from './keys';

/** Where a page ended: the key attributes of the last item read (strings only in our table). */
export type Position = Record<string, string>;

/** How one list is read: a Query on one partition of one index, optionally filtered. */
export interface ListPlan {
  /** The secondary index to query; absent for the table's own key. */
  readonly index?: IndexDefinition | undefined;
  readonly partition: string;
  readonly ascending: boolean;
  /** Inclusive bounds on the sort key (of the index), applied by the key condition, so nothing outside is read. */
  readonly sortKeyRange?: { readonly atLeast?: string | undefined; readonly atMost?: string | undefined } | undefined;
  /** Residual conditions DynamoDB applies after reading; pages are still filled to `first`. */
  readonly filter?: Expression | undefined;
}

interface ItemPage {
  readonly items: Record<string, unknown>[];
  readonly hasNextPage: boolean;
  /** Where the next page starts; present when `hasNextPage`. */
  readonly endPosition: Position | undefined;
}

/**
 * Upper bound on Query calls for one page. With a residual filter a page keeps reading until it
 * is full; this caps the cost of a filter that matches almost nothing in a huge partition.
 * Reaching it returns the matches found so far with an honest `hasNextPage` and a cursor that
 * continues where reading stopped.
 */
const PAGE_READ_BUDGET = 25;

/**
 * Most items read per call while filtering (DynamoDB also stops each call at 1 MB). A filtered
 * page starts by reading one page's worth and reads four times more on each further call, so a
 * filter most records match costs what an unfiltered page costs, and a rare one reaches this
 * size in a few calls.
 */
const FILTERED_READ_SIZE = 1000;
const FILTERED_READ_GROWTH = 4;

/**
 * Most items a counting Query looks at. Up to this many the total is exact; beyond, it is the
 * number of matches among the items looked at, a lower bound that says so (`exact: false`), so
 * the cost of a total never grows with the table (docs/performance.md).
 */
export const COUNT_READ_BUDGET = 1000;

/** A number of matching records: exact, or a lower bound when counting stopped at its budget. */
export interface Total {
  readonly count: number;
  readonly exact: boolean;
}

function baseInput(tableName: string, plan: ListPlan): QueryCommandInput {
  const names: Record<string, string> = {
    '#partition': plan.index?.partitionKey ?? TableKey.partitionKey,
    ...(plan.filter?.names ?? {}),
  };
  const values: Record<string, unknown> = { ':partition': plan.partition, ...(plan.filter?.values ?? {}) };
  let keyCondition = '#partition = :partition';
  const { atLeast, atMost } = plan.sortKeyRange ?? {};
  if (atLeast !== undefined || atMost !== undefined) {
    names['#sort'] = plan.index?.sortKey ?? TableKey.sortKey;
    if (atLeast !== undefined) values[':atLeast'] = atLeast;
    if (atMost !== undefined) values[':atMost'] = atMost;
    keyCondition +=
      atLeast !== undefined && atMost !== undefined
        ? ' AND #sort BETWEEN :atLeast AND :atMost'
        : atLeast !== undefined
          ? ' AND #sort >= :atLeast'
          : ' AND #sort <= :atMost';
  }
  return {
    TableName: tableName,
    ...(plan.index ? { IndexName: plan.index.indexName } : {}),
    KeyConditionExpression: keyCondition,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ScanIndexForward: plan.ascending,
    ...(plan.filter ? { FilterExpression: plan.filter.expression } : {}),
  };
}

/** The index and table key of an item: a position a later Query can start after. */
function positionOf(item: Record<string, unknown>, index: IndexDefinition | undefined): Position {
  const position: Position = {};
  const indexKeys = index ? [index.partitionKey, index.sortKey] : [];
  for (const attribute of [TableKey.partitionKey, TableKey.sortKey, ...indexKeys]) {
    position[attribute] = String(item[attribute]);
  }
  return position;
}

/**
 * Reads one page of `first` items after `start`. Reads one item beyond the page so that
 * `hasNextPage` is true only when another matching item exists.
 */
async function queryPage(
  client: DynamoDBDocumentClient,
  tableName: string,
  plan: ListPlan,
  first: number,
  start: Position | undefined,
): Promise<ItemPage> {
  const input = baseInput(tableName, plan);
  const items: Record<string, unknown>[] = [];
  let exclusiveStartKey: Record<string, unknown> | undefined = start;
  let readSize = first + 1;
  for (let reads = 0; reads < PAGE_READ_BUDGET; reads += 1) {
    const output = await client.send(
      new QueryCommand({
        ...input,
        Limit: plan.filter ? readSize : first + 1 - items.length,
        ...(exclusiveStartKey ? { ExclusiveStartKey: exclusiveStartKey } : {}),
      }),
    );
    for (const item of output.Items ?? []) {
      items.push(item);
      if (items.length > first) {
        const page = items.slice(0, first);
        return { items: page, hasNextPage: true, endPosition: positionOf(page[page.length - 1]!, plan.index) };
      }
    }
    if (!output.LastEvaluatedKey) return { items, hasNextPage: false, endPosition: undefined };
    exclusiveStartKey = output.LastEvaluatedKey;
    readSize = Math.min(Math.max(FILTERED_READ_SIZE, first + 1), readSize * FILTERED_READ_GROWTH);
  }
  // Budget spent: more items may match beyond what was read; continue from the read position.
  return { items, hasNextPage: true, endPosition: exclusiveStartKey as Position };
}

/**
 * How many items a plan matches, counted by DynamoDB without returning them, looking at no more
 * than `budget` items: exact when the plan's key range holds no more, else a lower bound. A Query
 * that stops at its Limit returns a LastEvaluatedKey even when nothing follows, so a range of
 * exactly `budget` items takes one more look, at one item, to tell.
 */
export async function countMatching(client: DynamoDBDocumentClient, tableName: string, plan: ListPlan, budget = COUNT_READ_BUDGET): Promise<Total> {
  const input = baseInput(tableName, plan);
  let count = 0;
  let looked = 0;
  let exclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const output = await client.send(
      new QueryCommand({ ...input, Select: 'COUNT', Limit: budget - looked, ...(exclusiveStartKey ? { ExclusiveStartKey: exclusiveStartKey } : {}) }),
    );
    count += output.Count ?? 0;
    looked += output.ScannedCount ?? 0;
    exclusiveStartKey = output.LastEvaluatedKey;
  } while (exclusiveStartKey && looked < budget);
  if (exclusiveStartKey && looked === budget) {
    const next = await client.send(new QueryCommand({ ...input, Select: 'COUNT', Limit: 1, ExclusiveStartKey: exclusiveStartKey }));
    if (!next.ScannedCount && !next.LastEvaluatedKey) exclusiveStartKey = undefined;
  }
  return { count, exact: exclusiveStartKey === undefined };
}

/**
 * Every item a plan matches, a DynamoDB page (1 MB) at a time: for maintenance work that must
 * see a whole partition (rebuilding aggregates), never for a request.
 */
export async function* allItems(client: DynamoDBDocumentClient, tableName: string, plan: ListPlan): AsyncGenerator<Record<string, unknown>[]> {
  const input = baseInput(tableName, plan);
  let exclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const output = await client.send(new QueryCommand({ ...input, ...(exclusiveStartKey ? { ExclusiveStartKey: exclusiveStartKey } : {}) }));
    yield output.Items ?? [];
    exclusiveStartKey = output.LastEvaluatedKey;
  } while (exclusiveStartKey);
}

/** A page of records (keys stripped) with the position after each one, for edge cursors. */
export interface RecordPage<R> {
  readonly records: R[];
  readonly positions: Position[];
  readonly hasNextPage: boolean;
  /** Where the next page starts: after the last record, or where a filtered read stopped. */
  readonly endPosition: Position | undefined;
}

/** One page of a plan as records: `queryPage` with the key attributes stripped. */
export async function recordPage<R>(
  client: DynamoDBDocumentClient,
  tableName: string,
  plan: ListPlan,
  first: number,
  start: Position | undefined,
): Promise<RecordPage<R>> {
  const page = await queryPage(client, tableName, plan, first, start);
  return {
    records: page.items.map((item) => withoutKeys<R>(item)),
    positions: page.items.map((item) => positionOf(item, plan.index)),
    hasNextPage: page.hasNextPage,
    endPosition: page.endPosition,
  };
}
