import { ItemKind, SecondaryIndex, TableKey, WRITE_SHARDS } from '@yizhan/shared';

/** Key of an item in the table. */
export type ItemKey = Record<string, string>;

export function entityKey(entityType: string, id: string): ItemKey {
  return { [TableKey.partitionKey]: `${entityType}#${id}`, [TableKey.sortKey]: entityType };
}

export function uniqueKey(entityType: string, field: string, value: string): ItemKey {
  return { [TableKey.partitionKey]: `${ItemKind.Unique}#${entityType}#${field}#${value}`, [TableKey.sortKey]: ItemKind.Unique };
}

/** A counter item: one of the dimension's write shards, or the single item of an unsharded dimension. */
export function counterKey(entityType: string, dimension: string, shard?: number): ItemKey {
  return { [TableKey.partitionKey]: `${ItemKind.Counter}#${entityType}`, [TableKey.sortKey]: shard === undefined ? dimension : `${dimension}#${shard}` };
}

/** Marks the counters of one referred record (see `referenceDimension`). */
const REFERENCE_PREFIX = '@';

/**
 * Whether a counter is spread over write shards. Counters of one referred record are not: they
 * are not hot, and a delete checks them for zero in its transaction, which needs one item.
 */
export function isShardedDimension(dimension: string): boolean {
  return !dimension.startsWith(REFERENCE_PREFIX);
}

/** A write shard picked at random. */
export function randomShard(): number {
  return Math.floor(Math.random() * WRITE_SHARDS);
}

export function idempotencyKey(actorId: string, clientRequestId: string): ItemKey {
  return {
    [TableKey.partitionKey]: `${ItemKind.Idempotency}#${actorId}#${clientRequestId}`,
    [TableKey.sortKey]: ItemKind.Idempotency,
  };
}

/**
 * The counter dimension under which an entity type counts its records that refer to one record
 * of `targetType` (e.g. `@enterprise=<id>` in `Counter#ServiceRequest`). Deleting the target
 * checks these counters in its transaction.
 */
export function referenceDimension(targetType: string, targetId: string): string {
  return `${REFERENCE_PREFIX}${targetType.charAt(0).toLowerCase()}${targetType.slice(1)}=${targetId}`;
}

/** Lower-cased text, pinyin included, that a list's `q` filter matches with `contains`; never shown. */
export const SEARCH_TEXT_ATTRIBUTE = 'searchText';

/** Every attribute that is a key of the table or of an index, never part of a record. */
const keyAttributes = new Set<string>([
  TableKey.partitionKey,
  TableKey.sortKey,
  TableKey.timeToLive,
  SEARCH_TEXT_ATTRIBUTE,
  ...Object.values(SecondaryIndex).flatMap((index) => [index.partitionKey, index.sortKey]),
]);

/** Removes key and index attributes, leaving the record as the domain knows it. */
export function withoutKeys<T>(item: Record<string, unknown>): T {
  const record: Record<string, unknown> = {};
  for (const name in item) {
    if (!keyAttributes.has(name)) record[name] = item[name];
  }
  return record as T;
}
