import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ItemKind, type MetricContribution, TableKey } from '@yizhan/shared';
import type { ItemKey } from './keys';
import type { WriteTransaction } from './transaction';

/*
 * Dashboard aggregates: the sums of the KPI metrics (shared `kpi.ts`) per station and day and
 * per station and month, each spread over `WRITE_SHARDS` items. A write adds the difference
 * between what the record contributed before and after to one shard, in its own transaction; a
 * read sums the shards. A period reads the whole months it covers from month items and the days
 * at its ends from day items, so a year costs about 12 × shards items per station, however many
 * records there are.
 */

type Granularity = 'D' | 'M';

/** The items of one station (or `NO_STATION`). */
function aggregatePartition(scope: string): string {
  return `${ItemKind.Aggregate}#${scope}`;
}

function aggregateKey(scope: string, granularity: Granularity, period: string, shard: number): ItemKey {
  return { [TableKey.partitionKey]: aggregatePartition(scope), [TableKey.sortKey]: `${granularity}#${period}#${shard}` };
}

/** Metric sums of one bucket (a scope and a day or month), by metric. */
export type Sums = Record<string, number>;

/** Sums by bucket: `<scope>|<D|M>|<day or month>`. */
export type BucketSums = Map<string, Sums>;

const bucketName = (scope: string, granularity: Granularity, period: string): string => `${scope}|${granularity}|${period}`;

function parseBucket(bucket: string): { scope: string; granularity: Granularity; period: string } {
  const [scope = '', granularity = 'D', period = ''] = bucket.split('|');
  return { scope, granularity: granularity as Granularity, period };
}

/** Adds contributions (times `sign`) to their day and month buckets. */
export function addContributions(into: BucketSums, contributions: readonly MetricContribution[], sign: 1 | -1 = 1): void {
  for (const { scope, day, metric, value } of contributions) {
    for (const bucket of [bucketName(scope, 'D', day), bucketName(scope, 'M', day.slice(0, 7))]) {
      const sums = into.get(bucket) ?? {};
      sums[metric] = (sums[metric] ?? 0) + sign * value;
      into.set(bucket, sums);
    }
  }
}

/** Adds to the aggregates what a write changes: `after`'s contributions less `before`'s, on one random shard. */
export function addAggregateChanges(
  transaction: WriteTransaction,
  before: readonly MetricContribution[],
  after: readonly MetricContribution[],
  shard: number,
): void {
  const deltas: BucketSums = new Map();
  addContributions(deltas, before, -1);
  addContributions(deltas, after, 1);
  for (const [bucket, sums] of deltas) {
    const changed = Object.entries(sums).filter(([, delta]) => delta !== 0);
    if (changed.length === 0) continue;
    const { scope, granularity, period } = parseBucket(bucket);
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const additions = changed.map(([metric, delta], index) => {
      names[`#m${index}`] = metric;
      values[`:m${index}`] = delta;
      return `#m${index} :m${index}`;
    });
    transaction.update(aggregateKey(scope, granularity, period, shard), `ADD ${additions.join(', ')}`, { names, values });
  }
}

/** The metric attributes of an aggregate item. */
function sumsOf(item: Record<string, unknown>): Sums {
  const sums: Sums = {};
  for (const [name, value] of Object.entries(item)) {
    if (name !== TableKey.partitionKey && name !== TableKey.sortKey && typeof value === 'number') sums[name] = value;
  }
  return sums;
}

function add(into: Sums, sums: Sums): void {
  for (const [metric, value] of Object.entries(sums)) into[metric] = (into[metric] ?? 0) + value;
}

const monthOf = (date: string): string => date.slice(0, 7);

function lastDayOf(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
}

function shiftMonth(month: string, by: number): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, monthNumber - 1 + by, 1)).toISOString().slice(0, 7);
}

/** Each month from the month of `from` to that of `to`, as `YYYY-MM`. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = monthOf(from); month <= monthOf(to); month = shiftMonth(month, 1)) months.push(month);
  return months;
}

type Segment = { readonly granularity: Granularity; readonly first: string; readonly last: string };

/** The ranges of items that cover the days `from`–`to`: whole months from month items, the days at either end from day items. */
export function periodSegments(from: string, to: string): Segment[] {
  const fromMonth = monthOf(from);
  const toMonth = monthOf(to);
  const startsWhole = from.endsWith('-01');
  const endsWhole = to === lastDayOf(toMonth);
  if (fromMonth === toMonth) return [startsWhole && endsWhole ? { granularity: 'M', first: fromMonth, last: toMonth } : { granularity: 'D', first: from, last: to }];
  const segments: Segment[] = [];
  if (!startsWhole) segments.push({ granularity: 'D', first: from, last: lastDayOf(fromMonth) });
  const firstWhole = startsWhole ? fromMonth : shiftMonth(fromMonth, 1);
  const lastWhole = endsWhole ? toMonth : shiftMonth(toMonth, -1);
  if (firstWhole <= lastWhole) segments.push({ granularity: 'M', first: firstWhole, last: lastWhole });
  if (!endsWhole) segments.push({ granularity: 'D', first: `${toMonth}-01`, last: to });
  return segments;
}

/** Reads the aggregates of stations over a period. */
export class AggregateReader {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** The sums of `scopes` over the days `from`–`to`, by month (`YYYY-MM`), shards and scopes added up. */
  async monthly(scopes: readonly string[], from: string, to: string): Promise<Map<string, Sums>> {
    const segments = periodSegments(from, to);
    const reads = scopes.flatMap((scope) => segments.map((segment) => this.items(scope, segment.granularity, segment.first, segment.last)));
    const months = new Map<string, Sums>();
    for (const items of await Promise.all(reads)) {
      for (const item of items) {
        const month = String(item[TableKey.sortKey]).slice(2, 9);
        const sums = months.get(month) ?? {};
        add(sums, sumsOf(item));
        months.set(month, sums);
      }
    }
    return months;
  }

  /** Every shard of every bucket of one scope whose period lies in `first`–`last`. */
  private async items(scope: string, granularity: Granularity, first: string, last: string): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let exclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const output = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :first AND :last',
          ExpressionAttributeNames: { '#pk': TableKey.partitionKey, '#sk': TableKey.sortKey },
          // `~` sorts after the shard numbers, so the last period's shards are included.
          ExpressionAttributeValues: { ':pk': aggregatePartition(scope), ':first': `${granularity}#${first}#`, ':last': `${granularity}#${last}#~` },
          ...(exclusiveStartKey ? { ExclusiveStartKey: exclusiveStartKey } : {}),
        }),
      );
      items.push(...(output.Items ?? []));
      exclusiveStartKey = output.LastEvaluatedKey;
    } while (exclusiveStartKey);
    return items;
  }

  /** Every bucket of one scope, shards added up (for the rebuild's check). */
  async buckets(scope: string): Promise<BucketSums> {
    const buckets: BucketSums = new Map();
    for (const granularity of ['D', 'M'] as const) {
      for (const item of await this.items(scope, granularity, '0000', '9999')) {
        const [, period = ''] = String(item[TableKey.sortKey]).split('#');
        const bucket = bucketName(scope, granularity, period);
        const sums = buckets.get(bucket) ?? {};
        add(sums, sumsOf(item));
        buckets.set(bucket, sums);
      }
    }
    return buckets;
  }

  /** Keys of every aggregate item of one scope (for the rebuild, which replaces them). */
  async keys(scope: string): Promise<ItemKey[]> {
    const keys: ItemKey[] = [];
    for (const granularity of ['D', 'M'] as const) {
      for (const item of await this.items(scope, granularity, '0000', '9999')) {
        keys.push({ [TableKey.partitionKey]: String(item[TableKey.partitionKey]), [TableKey.sortKey]: String(item[TableKey.sortKey]) });
      }
    }
    return keys;
  }
}

/** The key of a bucket's item on one shard (a rebuild and a bulk load write shard 0). */
export function bucketKey(bucket: string, shard = 0): ItemKey {
  const { scope, granularity, period } = parseBucket(bucket);
  return aggregateKey(scope, granularity, period, shard);
}

