import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { metricsOf, NO_STATION } from '@yizhan/shared';
import type { Stores } from '../services';
import { addContributions, type BucketSums, bucketKey } from '../store/aggregates';
import { bulkWrite } from '../store/bulk-write';

/** A bucket metric whose maintained sum differs from the one recomputed from the records. */
export interface AggregateDifference {
  /** `<station or ->|<D or M>|<day or month>`. */
  readonly bucket: string;
  readonly metric: string;
  readonly maintained: number;
  readonly recomputed: number;
}

/** Sums differ by binary residue only below this (money keeps 6 decimal places). */
const TOLERANCE = 1e-6;

/** The stores whose records add to the dashboard. */
function contributingStores(stores: Stores) {
  const all = [stores.serviceRequests, stores.approvals, stores.enterprises, stores.projects];
  const missing = Object.keys(metricsOf).filter((entityType) => !all.some((store) => store.entityType === entityType));
  if (missing.length > 0) throw new Error(`No store reads the records of ${missing.join(', ')} for the aggregates`);
  return all.filter((store) => store.entityType in metricsOf);
}

/**
 * The aggregates recomputed from the records: one Query (a page at a time) over each
 * contributing entity type's collection, never a Scan of the table.
 */
async function recomputeAggregates(stores: Stores): Promise<BucketSums> {
  const buckets: BucketSums = new Map();
  for (const store of contributingStores(stores)) {
    for await (const records of store.all()) {
      for (const record of records) addContributions(buckets, store.layout.metrics(record as unknown as Record<string, unknown>));
    }
  }
  return buckets;
}

/** Every scope that has or should have aggregates: each station, records of no station, and any found. */
async function scopesOf(stores: Stores, recomputed: BucketSums): Promise<string[]> {
  const scopes = new Set<string>([NO_STATION]);
  for await (const stations of stores.stations.all()) for (const station of stations) scopes.add(station.id);
  for (const bucket of recomputed.keys()) scopes.add(bucket.split('|')[0]!);
  return [...scopes].sort();
}

/** Compares the maintained aggregates with a recomputation; empty when they are exact. */
export async function checkAggregates(stores: Stores): Promise<AggregateDifference[]> {
  const recomputed = await recomputeAggregates(stores);
  const differences: AggregateDifference[] = [];
  for (const scope of await scopesOf(stores, recomputed)) {
    const maintained = await stores.aggregates.buckets(scope);
    const buckets = new Set([...maintained.keys(), ...[...recomputed.keys()].filter((bucket) => bucket.startsWith(`${scope}|`))]);
    for (const bucket of [...buckets].sort()) {
      const kept = maintained.get(bucket) ?? {};
      const fresh = recomputed.get(bucket) ?? {};
      for (const metric of new Set([...Object.keys(kept), ...Object.keys(fresh)])) {
        const difference = { bucket, metric, maintained: kept[metric] ?? 0, recomputed: fresh[metric] ?? 0 };
        if (Math.abs(difference.maintained - difference.recomputed) > TOLERANCE) differences.push(difference);
      }
    }
  }
  return differences;
}

/**
 * Replaces every aggregate item with sums recomputed from the records, one item per bucket.
 * For a bulk load and for repairs: run it when nobody writes, since a write between the
 * recomputation and the replacement would be lost from the sums (the check then shows it).
 */
export async function rebuildAggregates(stores: Stores, client: DynamoDBDocumentClient, tableName: string): Promise<{ buckets: number; removed: number }> {
  const recomputed = await recomputeAggregates(stores);
  let removed = 0;
  for (const scope of await scopesOf(stores, recomputed)) {
    const keys = await stores.aggregates.keys(scope);
    removed += keys.length;
    await bulkWrite(client, tableName, { delete: keys });
  }
  const items = [...recomputed].map(([bucket, sums]) => ({ ...bucketKey(bucket), ...Object.fromEntries(Object.entries(sums).filter(([, value]) => value !== 0)) }));
  await bulkWrite(client, tableName, { put: items });
  return { buckets: items.length, removed };
}
