import {
  type AnyEntity,
  type Fields,
  fieldOf,
  type IndexDefinition,
  type MetricContribution,
  metricsOf,
  pinyinFields,
  SecondaryIndex,
  searchableFields,
  TableKey,
  uniqueFields,
} from '@yizhan/shared';
import { ExpressionBuilder } from './expression';
import { entityKey, referenceDimension, SEARCH_TEXT_ATTRIBUTE } from './keys';
import type { ListPlan } from './list';
import { pinyinSortKey, searchForm, searchTextOf } from './search-text';

/** One condition of a list, in domain terms (see `RecordQuery`). */
export type Condition =
  /** The field's single value is one of `values`; `facet` is the filter's name. */
  | { readonly kind: 'in'; readonly facet: string; readonly field: string; readonly values: readonly string[] }
  /** The field's list holds any of `values`. */
  | { readonly kind: 'anyOf'; readonly facet: string; readonly field: string; readonly values: readonly string[] }
  /** The field is on or after (`from`) or on or before (`to`) `value`. */
  | { readonly kind: 'from' | 'to'; readonly field: string; readonly value: string }
  /** The field equals `value` (no counter covers it). */
  | { readonly kind: 'equals'; readonly field: string; readonly value: string };

/** What a list asks for, in the domain's terms; the layout decides how DynamoDB reads it. */
export interface RecordQuery {
  /** Only records of these stations; absent: of every station. */
  readonly stations?: readonly string[];
  /** Only records whose `field` equals `value` (one enterprise's records, or one record by `id`). */
  readonly equals?: { readonly field: string; readonly value: string };
  readonly conditions: readonly Condition[];
  /** Text `q` to find in the searchable fields (pinyin included). */
  readonly search?: string;
  /** An order of the entity's declaration, e.g. `NAME`. */
  readonly order: string;
  readonly ascending: boolean;
  /**
   * Only records whose value in the order is before (`before`) or not before (`notBefore`) an
   * instant, e.g. overdue requests: a key condition on the order's index, not a filter.
   */
  readonly orderBound?: { readonly before?: string; readonly notBefore?: string };
}

/** How a list's exact total is read: a sum of counter items, or a counting Query. */
export type TotalPlan = { readonly counters: readonly string[] } | { readonly query: ListPlan };

const COLLECTION_SLOTS: readonly IndexDefinition[] = [SecondaryIndex.CollectionA, SecondaryIndex.CollectionB, SecondaryIndex.CollectionC];
const SCOPE_SLOTS: readonly IndexDefinition[] = [SecondaryIndex.ScopeA, SecondaryIndex.ScopeB, SecondaryIndex.ScopeC];

/**
 * Separates the parts of an index sort key. It sorts below every character a value may contain
 * (values are checked text: no control characters), so a value that is a prefix of another
 * sorts first.
 */
const KEY_SEPARATOR = '\u0001';
/** Sorts just above the separator: a bound after every key that starts with a given value. */
const AFTER_KEY = '\u0002';

/** The counter dimension of records of one station. */
const STATION_DIMENSION = 'station';

/** The partitions a record is listed in: the whole collection, one station's, one enterprise's. */
type Partition = 'collection' | 'station' | 'enterprise';

interface Order {
  /** The index slot holding this order, per partition. */
  readonly slots: Readonly<Partial<Record<Partition, IndexDefinition>>>;
  readonly field: string;
  /** Fixed-length values (dates, instants) allow key conditions on the field. */
  readonly fixedLength: boolean;
  readonly key: (record: Record<string, unknown>) => string;
  readonly holds: (record: Readonly<Record<string, unknown>>) => boolean;
  /** Holds for some records only, so a list in this order is not the whole collection. */
  readonly sparse: boolean;
}

function valueAt(record: Readonly<Record<string, unknown>>, path: string): unknown {
  let value: unknown = record;
  for (const part of path.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  return value;
}

/**
 * How one entity type lies in the single table, derived from its declaration: which index slot
 * holds each order in each partition, how names sort (pinyin), what `q` searches, which counters
 * a record counts in, and how a list query becomes a DynamoDB Query.
 *
 * Partitions: the collection `<Entity>` (collection slots, in declaration order of the orders);
 * for entities with a station, `<Entity>#Station#<id>` (scope slots); for entities that belong to
 * an enterprise by a field of their own, `<Entity>#Enterprise#<id>` in the slots left over. An
 * order declared `only` for some records is sparse: other records carry none of its keys.
 */
export class EntityLayout {
  readonly entityType: string;
  readonly uniqueFields: readonly string[];
  private readonly orders = new Map<string, Order>();
  private readonly searchable: readonly string[];
  private readonly names: readonly string[];
  private readonly stationField: string | undefined;
  private readonly enterpriseField: string | undefined;
  private readonly facets: readonly { readonly facet: string; readonly field: string }[];
  private readonly references: readonly { readonly field: string; readonly target: string }[];

  constructor(entity: AnyEntity) {
    this.entityType = entity.name;
    this.uniqueFields = uniqueFields(entity);
    this.searchable = searchableFields(entity);
    this.names = pinyinFields(entity);
    this.stationField = entity.scope.station;
    this.enterpriseField = entity.scope.enterprise && entity.scope.enterprise !== 'id' ? entity.scope.enterprise : undefined;
    const orderNames = Object.keys(entity.orders);
    if (orderNames.length > COLLECTION_SLOTS.length) throw new Error(`${entity.name} declares more orders than the table has collection slots`);
    // Slots: the collection of every order in the collection slots, in order; each order's station
    // partition in the scope slots, in order; enterprise partitions in whatever is left.
    const wants = (name: string, partition: 'station' | 'enterprise'): boolean =>
      (partition === 'station' ? Boolean(this.stationField) : Boolean(this.enterpriseField)) && (entity.orders[name]!.within?.includes(partition) ?? true);
    const stationSlots = new Map(orderNames.filter((name) => wants(name, 'station')).map((name, index) => [name, SCOPE_SLOTS[index]!]));
    const used = new Set<IndexDefinition>([...COLLECTION_SLOTS.slice(0, orderNames.length), ...stationSlots.values()]);
    const spare = [...COLLECTION_SLOTS, ...SCOPE_SLOTS].filter((slot) => !used.has(slot));
    const enterpriseSlots = new Map(orderNames.filter((name) => wants(name, 'enterprise')).map((name, index) => [name, spare[index]!]));
    if ([...stationSlots.values(), ...enterpriseSlots.values()].some((slot) => slot === undefined)) {
      throw new Error(`${entity.name} declares more orders than the table has index slots for`);
    }
    orderNames.forEach((name, slot) => {
      const declaration = entity.orders[name]!;
      const field = fieldOf(entity, declaration.field);
      const byPinyin = field.kind === 'text' && field.pinyin === true;
      const station = stationSlots.get(name);
      const enterprise = enterpriseSlots.get(name);
      this.orders.set(name, {
        slots: {
          collection: COLLECTION_SLOTS[slot]!,
          ...(station ? { station } : {}),
          ...(enterprise ? { enterprise } : {}),
        },
        field: declaration.field,
        fixedLength: field.kind === 'date' || field.kind === 'dateTime',
        key: (record) => {
          const value = String(record[declaration.field] ?? '');
          return byPinyin ? `${pinyinSortKey(value)}${KEY_SEPARATOR}${value}` : value;
        },
        holds: declaration.only?.holds ?? (() => true),
        sparse: declaration.only !== undefined,
      });
    });
    this.facets = Object.entries(entity.filters).flatMap(([facet, filter]) =>
      filter.kind === 'in' || filter.kind === 'anyOf' ? [{ facet, field: filter.field }] : [],
    );
    this.references = Object.entries({ ...(entity.fields as Fields), ...((entity.system ?? {}) as Fields) }).flatMap(([field, declaration]) =>
      declaration.kind === 'id' && declaration.references ? [{ field, target: declaration.references }] : [],
    );
  }

  /** Index keys and search text the record's item carries. */
  derivedAttributes(record: Record<string, unknown> & { id: string }): Record<string, string> {
    const attributes: Record<string, string> = {};
    const partitions = this.partitionsOf(record);
    for (const order of this.orders.values()) {
      if (!order.holds(record)) continue;
      const sortKey = `${order.key(record)}${KEY_SEPARATOR}${record.id}`;
      for (const [partition, value] of Object.entries(partitions) as [Partition, string][]) {
        const slot = order.slots[partition];
        if (!slot) continue;
        attributes[slot.partitionKey] = value;
        attributes[slot.sortKey] = sortKey;
      }
    }
    if (this.searchable.length > 0) {
      const values = this.searchable.map((path) => valueAt(record, path)).filter((value): value is string => typeof value === 'string');
      const names = this.names.map((field) => String(record[field] ?? ''));
      attributes[SEARCH_TEXT_ATTRIBUTE] = searchTextOf(values, names);
    }
    return attributes;
  }

  /**
   * Counters a record counts in: all, each facet value (status, tags…), the same per station
   * and per enterprise, and one per record it refers to (for checks such as "no requests left
   * before delete").
   */
  counterDimensions(record: Record<string, unknown>): string[] {
    const facets = this.facets.flatMap(({ facet, field }) => {
      const value = record[field];
      const values = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
      return values.map((member) => `${facet}=${String(member)}`);
    });
    const dimensions = ['all', ...facets];
    for (const prefix of this.ownerDimensions(record)) dimensions.push(prefix, ...facets.map((facet) => `${prefix}|${facet}`));
    for (const { field, target } of this.references) {
      const value = record[field];
      if (typeof value === 'string') dimensions.push(referenceDimension(target, value));
    }
    return [...new Set(dimensions)];
  }

  /** The Query that reads every record of the type: its collection in the first order that holds for all. */
  wholeCollection(): ListPlan {
    const [name] = [...this.orders].find(([, order]) => !order.sparse) ?? [];
    if (!name) throw new Error(`${this.entityType} has no order that holds for every record`);
    return this.plan({ conditions: [], order: name, ascending: true });
  }

  /** What a record adds to the dashboard's aggregates (shared `kpi.ts`). */
  metrics(record: Record<string, unknown>): readonly MetricContribution[] {
    return metricsOf[this.entityType]?.(record) ?? [];
  }

  /** The Query that reads a list in its order, with the residual filter for what keys cannot select. */
  plan(query: RecordQuery): ListPlan {
    const order = this.orders.get(query.order);
    if (!order) throw new Error(`${this.entityType} has no order ${query.order}`);
    if (query.stations && !this.stationField) throw new Error(`${this.entityType} records belong to no station`);
    const filter = new ExpressionBuilder();
    let index: IndexDefinition | undefined;
    let partition: string;
    let stationsSelected = false;
    let equalsSelected = false;
    if (query.equals?.field === 'id') {
      // One record: its own item, read by the table key; the other conditions still apply.
      partition = entityKey(this.entityType, query.equals.value)[TableKey.partitionKey]!;
      equalsSelected = true;
    } else if (query.equals && query.equals.field === this.enterpriseField && order.slots.enterprise) {
      index = order.slots.enterprise;
      partition = this.enterprisePartition(query.equals.value);
      equalsSelected = true;
    } else if (query.stations?.length === 1 && order.slots.station) {
      index = order.slots.station;
      partition = this.stationPartition(query.stations[0]!);
      stationsSelected = true;
    } else {
      index = order.slots.collection;
      partition = this.entityType;
    }
    if (query.stations && this.stationField && !stationsSelected) filter.in(this.stationField, query.stations);
    if (query.equals && !equalsSelected) filter.equals(query.equals.field, query.equals.value);
    let atLeast = query.orderBound?.notBefore;
    let atMost = query.orderBound?.before;
    for (const condition of query.conditions) {
      if (condition.kind === 'equals') filter.equals(condition.field, condition.value);
      else if (condition.kind === 'in') filter.in(condition.field, condition.values);
      else if (condition.kind === 'anyOf') filter.containsAny(condition.field, condition.values);
      else if (index && condition.field === order.field && order.fixedLength) {
        // A bound on the order's own field is a key condition: nothing outside it is read.
        if (condition.kind === 'from') atLeast = maxOf(atLeast, condition.value);
        else atMost = minOf(atMost, `${condition.value}${AFTER_KEY}`);
      } else if (condition.kind === 'from') filter.atLeast(condition.field, condition.value);
      else filter.atMost(condition.field, condition.value);
    }
    if (query.search) filter.contains(SEARCH_TEXT_ATTRIBUTE, searchForm(query.search));
    const sortKeyRange = atLeast !== undefined || atMost !== undefined ? { atLeast, atMost } : undefined;
    return { index, partition, ascending: query.ascending, sortKeyRange, filter: filter.build() };
  }

  /**
   * Counters when they cover the query exactly (no text, no range, at most one facet, whose
   * values no record holds twice), otherwise a counting Query of the list's plan.
   */
  total(query: RecordQuery): TotalPlan {
    const facetConditions = query.conditions.filter((condition) => condition.kind === 'in' || condition.kind === 'anyOf');
    const byEnterprise = query.equals && query.equals.field === this.enterpriseField ? query.equals.value : undefined;
    const countable =
      (!query.equals || (byEnterprise !== undefined && !query.stations)) &&
      !query.search &&
      !query.orderBound &&
      !this.orders.get(query.order)?.sparse &&
      facetConditions.length === query.conditions.length &&
      facetConditions.length <= 1 &&
      !(facetConditions[0]?.kind === 'anyOf' && facetConditions[0].values.length > 1);
    if (!countable) return { query: this.plan(query) };
    const facet = facetConditions[0];
    const facetParts = facet && 'facet' in facet ? facet.values.map((value) => `${facet.facet}=${value}`) : [undefined];
    const ownerParts = byEnterprise
      ? [referenceDimension('Enterprise', byEnterprise)]
      : query.stations
        ? query.stations.map((station) => `${STATION_DIMENSION}=${station}`)
        : [undefined];
    const counters = ownerParts.flatMap((owner) => facetParts.map((part) => [owner, part].filter((piece) => piece !== undefined).join('|') || 'all'));
    return { counters };
  }

  private partitionsOf(record: Readonly<Record<string, unknown>>): Partial<Record<Partition, string>> {
    const station = this.stationField ? record[this.stationField] : undefined;
    const enterprise = this.enterpriseField ? record[this.enterpriseField] : undefined;
    return {
      collection: this.entityType,
      ...(typeof station === 'string' ? { station: this.stationPartition(station) } : {}),
      ...(typeof enterprise === 'string' ? { enterprise: this.enterprisePartition(enterprise) } : {}),
    };
  }

  /** Counter prefixes of the record's station and enterprise. */
  private ownerDimensions(record: Readonly<Record<string, unknown>>): string[] {
    const station = this.stationField ? record[this.stationField] : undefined;
    const enterprise = this.enterpriseField ? record[this.enterpriseField] : undefined;
    return [
      ...(typeof station === 'string' ? [`${STATION_DIMENSION}=${station}`] : []),
      ...(typeof enterprise === 'string' ? [referenceDimension('Enterprise', enterprise)] : []),
    ];
  }

  private stationPartition(stationId: string): string {
    return `${this.entityType}#Station#${stationId}`;
  }

  private enterprisePartition(enterpriseId: string): string {
    return `${this.entityType}#Enterprise#${enterpriseId}`;
  }
}

function maxOf(current: string | undefined, value: string): string {
  return current === undefined || value > current ? value : current;
}

function minOf(current: string | undefined, value: string): string {
  return current === undefined || value < current ? value : current;
}
