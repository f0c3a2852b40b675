/**
 * The single DynamoDB table: key schema, secondary indexes and item-kind prefixes.
 * Defined once here and used by the API's stores, the local stack and the CDK stack.
 *
 * Layout (single-table design):
 * - an entity is `pk = <EntityType>#<id>`, `sk = <EntityType>`;
 * - a uniqueness guard is `pk = Unique#<EntityType>#<field>#<value>`, `sk = Unique`;
 * - a list counter is `pk = Counter#<EntityType>`, `sk = <dimension>#<shard>` (spread over
 *   `WRITE_SHARDS` items, summed on read), or `sk = <dimension>` for the counters of one
 *   referred record (`@enterprise=<id>`), which a delete checks in its transaction;
 * - a dashboard aggregate is `pk = Aggregate#<stationId or ->`, `sk = D#<YYYY-MM-DD>#<shard>` for a
 *   day or `M#<YYYY-MM>#<shard>` for a month, holding the sums of the KPI metrics (`kpi.ts`);
 * - an audit event is `pk = Audit#<entityId>`, `sk = <at>#<eventId>`;
 * - a calendar override is an entity item whose id is its date (`pk = CalendarOverride#<YYYY-MM-DD>`);
 * - an idempotency record is `pk = Idempotency#<actorId>#<clientRequestId>`, `sk = Idempotency`;
 * - the layout version of a local table is `pk = Meta`, `sk = Layout`;
 * - a number sequence (service request numbers per year) is `pk = Sequence#<Entity>#<year>`, `sk = Sequence`;
 * - a lookup pointer (the latest request of a requester and category, for repeats) is
 *   `pk = Lookup#<Entity>#<key>`, `sk = Lookup`.
 *
 * Lists are Queries on the secondary indexes. Each entity type projects itself into up to three
 * orders over its whole collection (`collection-a|b|c`) and the same three orders within a scope
 * such as one station (`scope-a|b|c`); which sort uses which slot is decided by the entity's store.
 */
export const TableKey = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Epoch seconds after which DynamoDB may delete the item (idempotency records). */
  timeToLive: 'expiresAt',
} as const;

export interface IndexDefinition {
  readonly indexName: string;
  readonly partitionKey: string;
  readonly sortKey: string;
}

export const SecondaryIndex = {
  CollectionA: { indexName: 'collection-a', partitionKey: 'colApk', sortKey: 'colAsk' },
  CollectionB: { indexName: 'collection-b', partitionKey: 'colBpk', sortKey: 'colBsk' },
  CollectionC: { indexName: 'collection-c', partitionKey: 'colCpk', sortKey: 'colCsk' },
  ScopeA: { indexName: 'scope-a', partitionKey: 'scpApk', sortKey: 'scpAsk' },
  ScopeB: { indexName: 'scope-b', partitionKey: 'scpBpk', sortKey: 'scpBsk' },
  ScopeC: { indexName: 'scope-c', partitionKey: 'scpCpk', sortKey: 'scpCsk' },
} as const satisfies Record<string, IndexDefinition>;

export type SecondaryIndexName = keyof typeof SecondaryIndex;

export const secondaryIndexes: readonly IndexDefinition[] = Object.values(SecondaryIndex);

/** Prefixes of partition keys that are not entities. */
export const ItemKind = {
  Unique: 'Unique',
  Counter: 'Counter',
  Audit: 'Audit',
  Idempotency: 'Idempotency',
  Meta: 'Meta',
  Sequence: 'Sequence',
  Lookup: 'Lookup',
  Aggregate: 'Aggregate',
} as const;

/**
 * Items a hot sum (a list counter, a station's figures of a day) is spread over. Concurrent
 * transactions on one item conflict on AWS; a write adds to one shard picked at random, and a
 * read sums them all, so parallel writes to one station and day rarely meet.
 */
export const WRITE_SHARDS = 8;

/**
 * Version of the item layout (keys, index attributes, counter names). A local table written by
 * an older layout is refused at start-up rather than read wrongly. 2: names sort by pinyin,
 * `q` matches pinyin, counters are named after the list filters. 3: counters spread over write
 * shards, dashboard aggregates.
 */
export const TABLE_LAYOUT_VERSION = 3;

/** Default physical table name for the local stack; in AWS the name comes from the stack. */
export const LOCAL_TABLE_NAME = 'yizhan';
