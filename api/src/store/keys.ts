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

/**
 * How the items of one set of attributes become records: whether an item has exactly that set
 * (given it has as many attributes), and a copy of its record attributes as an object literal.
 */
interface RecordShape {
  readonly matches: (item: Record<string, unknown>) => boolean;
  readonly copy: (item: Record<string, unknown>) => Record<string, unknown>;
}

/**
 * Shapes met so far, by number of attributes: a few per entity type (sparse index keys differ
 * between open and closed records). Past the cap, records are copied one attribute at a time.
 */
const shapesBySize = new Map<number, RecordShape[]>();
const MAX_SHAPES = 256;
let shapeCount = 0;

/**
 * Compiles the copy of one set of attributes. The SDK builds each item one attribute at a time,
 * which leaves an object of 50 attributes in V8's slow dictionary mode; copied the same way,
 * every record would be too, and each read of a field, each page's JSON, costs a hash lookup and
 * garbage. An object literal of the attributes gives one fast, shared hidden class per shape.
 * The names are our own attribute names, written into the code as JSON string literals.
 */
function compileShape(attributes: readonly string[]): RecordShape {
  const literal = (name: string) => JSON.stringify(name);
  const kept = attributes.filter((name) => !keyAttributes.has(name));
  return {
    matches: new Function('item', `return ${attributes.map((name) => `Object.hasOwn(item, ${literal(name)})`).join(' && ')};`) as RecordShape['matches'],
    copy: new Function('item', `return { ${kept.map((name) => `${literal(name)}: item[${literal(name)}]`).join(', ')} };`) as RecordShape['copy'],
  };
}

function copyEachAttribute(item: Record<string, unknown>): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const name in item) {
    if (keyAttributes.has(name)) continue;
    // Assigned, `__proto__` would set the record's prototype instead of an attribute.
    if (name === '__proto__') Object.defineProperty(record, name, { value: item[name], enumerable: true, writable: true, configurable: true });
    else record[name] = item[name];
  }
  return record;
}

/** Removes key and index attributes, leaving the record as the domain knows it. */
export function withoutKeys<T>(item: Record<string, unknown>): T {
  const attributes = Object.keys(item);
  const shapes = shapesBySize.get(attributes.length);
  if (shapes) {
    for (const shape of shapes) if (shape.matches(item)) return shape.copy(item) as T;
  }
  // An attribute named `__proto__` would set the literal's prototype: never compiled.
  if (shapeCount >= MAX_SHAPES || attributes.length === 0 || attributes.includes('__proto__')) return copyEachAttribute(item) as T;
  const shape = compileShape(attributes);
  shapesBySize.set(attributes.length, [...(shapes ?? []), shape]);
  shapeCount += 1;
  return shape.copy(item) as T;
}
