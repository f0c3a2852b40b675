import {
  type AnyEntity,
  type Fields,
  fieldOf,
  type IndexDefinition,
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
  | { readonly kind: 'from' | 'to'; readonly field: string; readonly value: string };

/** What a list asks for, in the domain's terms; the layout decides how DynamoDB reads it. */
export interface RecordQuery {
  /** Only records of these stations; absent: of every station. */
  readonly stations?: readonly string[];
  /** Only records whose `field` equals `value` (e.g. an enterprise user's own records). */
  readonly equals?: { readonly field: string; readonly value: string };
  readonly conditions: readonly Condition[];
  /** Text `q` to find in the searchable fields (pinyin included). */
  readonly search?: string;
  /** An order of the entity's declaration, e.g. `NAME`. */
  readonly order: string;
  readonly ascending: boolean;
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

/** The counter dimension of records of one station. */
const STATION_DIMENSION = 'station';

interface Order {
  readonly collection: IndexDefinition;
  readonly scope: IndexDefinition;
  readonly key: (record: Record<string, unknown>) => string;
}

/**
 * How one entity type lies in the single table, derived from its declaration: which index slot
 * holds each order (declaration order: first order in slot A), how names sort (pinyin), what `q`
 * searches, which counters a record counts in, and how a list query becomes a DynamoDB Query.
 *
 * Items: the record at `<Entity>#<id>`; in `collection-<slot>` under partition `<Entity>`, and,
 * for entities with a station, in `scope-<slot>` under `<Entity>#Station#<stationId>`.
 */
export class EntityLayout {
  readonly entityType: string;
  readonly uniqueFields: readonly string[];
  private readonly orders = new Map<string, Order>();
  private readonly searchable: readonly string[];
  private readonly names: readonly string[];
  private readonly stationField: string | undefined;
  private readonly facets: readonly { readonly facet: string; readonly field: string }[];
  private readonly references: readonly { readonly field: string; readonly target: string }[];

  constructor(entity: AnyEntity) {
    this.entityType = entity.name;
    this.uniqueFields = uniqueFields(entity);
    this.searchable = searchableFields(entity);
    this.names = pinyinFields(entity);
    this.stationField = entity.scope.station;
    const orderNames = Object.keys(entity.orders);
    if (orderNames.length > COLLECTION_SLOTS.length) {
      throw new Error(`${entity.name} declares ${orderNames.length} orders; the table has index slots for ${COLLECTION_SLOTS.length}`);
    }
    orderNames.forEach((name, slot) => {
      const fieldName = entity.orders[name]!.field;
      const field = fieldOf(entity, fieldName);
      const byPinyin = field.kind === 'text' && field.pinyin === true;
      this.orders.set(name, {
        collection: COLLECTION_SLOTS[slot]!,
        scope: SCOPE_SLOTS[slot]!,
        key: (record) => {
          const value = String(record[fieldName] ?? '');
          return byPinyin ? `${pinyinSortKey(value)}${KEY_SEPARATOR}${value}` : value;
        },
      });
    });
    this.facets = Object.entries(entity.filters).flatMap(([facet, filter]) =>
      filter.kind === 'in' || filter.kind === 'anyOf' ? [{ facet, field: filter.field }] : [],
    );
    this.references = Object.entries(entity.fields as Fields).flatMap(([field, declaration]) =>
      declaration.kind === 'id' && declaration.references ? [{ field, target: declaration.references }] : [],
    );
  }

  /** Index keys and search text the record's item carries. */
  derivedAttributes(record: Record<string, unknown> & { id: string }): Record<string, string> {
    const attributes: Record<string, string> = {};
    const station = this.stationOf(record);
    for (const order of this.orders.values()) {
      const sortKey = `${order.key(record)}${KEY_SEPARATOR}${record.id}`;
      attributes[order.collection.partitionKey] = this.entityType;
      attributes[order.collection.sortKey] = sortKey;
      if (station) {
        attributes[order.scope.partitionKey] = this.scopePartition(station);
        attributes[order.scope.sortKey] = sortKey;
      }
    }
    if (this.searchable.length > 0) {
      const values = this.searchable.map((field) => String(record[field] ?? ''));
      const names = this.names.map((field) => String(record[field] ?? ''));
      attributes[SEARCH_TEXT_ATTRIBUTE] = searchTextOf(values, names);
    }
    return attributes;
  }

  /**
   * Counters a record counts in: all, each facet value (status, tags…), the same per station,
   * and one per record it refers to (for checks such as "no requests left before delete").
   */
  counterDimensions(record: Record<string, unknown>): string[] {
    const facets = this.facets.flatMap(({ facet, field }) => {
      const value = record[field];
      const values = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
      return values.map((member) => `${facet}=${String(member)}`);
    });
    const dimensions = ['all', ...facets];
    const station = this.stationOf(record);
    if (station) {
      const prefix = `${STATION_DIMENSION}=${station}`;
      dimensions.push(prefix, ...facets.map((facet) => `${prefix}|${facet}`));
    }
    for (const { field, target } of this.references) {
      const value = record[field];
      if (typeof value === 'string') dimensions.push(referenceDimension(target, value));
    }
    return [...new Set(dimensions)];
  }

  /** The Query that reads a list in its order, with the residual filter for what keys cannot select. */
  plan(query: RecordQuery): ListPlan {
    const order = this.orders.get(query.order);
    if (!order) throw new Error(`${this.entityType} has no order ${query.order}`);
    const filter = new ExpressionBuilder();
    let index: IndexDefinition | undefined;
    let partition: string;
    if (query.stations && !this.stationField) throw new Error(`${this.entityType} records belong to no station`);
    let stationsSelected = false;
    if (query.equals?.field === 'id') {
      // One record: its own item, read by the table key; the other conditions still apply.
      partition = entityKey(this.entityType, query.equals.value)[TableKey.partitionKey]!;
    } else if (query.stations?.length === 1 && this.stationField) {
      index = order.scope;
      partition = this.scopePartition(query.stations[0]!);
      stationsSelected = true;
    } else {
      index = order.collection;
      partition = this.entityType;
    }
    if (query.stations && this.stationField && !stationsSelected) filter.in(this.stationField, query.stations);
    if (query.equals && query.equals.field !== 'id') filter.equals(query.equals.field, query.equals.value);
    for (const condition of query.conditions) {
      if (condition.kind === 'in') filter.in(condition.field, condition.values);
      else if (condition.kind === 'anyOf') filter.containsAny(condition.field, condition.values);
      else if (condition.kind === 'from') filter.atLeast(condition.field, condition.value);
      else filter.atMost(condition.field, condition.value);
    }
    if (query.search) filter.contains(SEARCH_TEXT_ATTRIBUTE, searchForm(query.search));
    return { index, partition, ascending: query.ascending, filter: filter.build() };
  }

  /**
   * Counters when they cover the query exactly (no text, no range, at most one facet, whose
   * values no record holds twice), otherwise a counting Query of the list's plan.
   */
  total(query: RecordQuery): TotalPlan {
    const facetConditions = query.conditions.filter((condition) => condition.kind === 'in' || condition.kind === 'anyOf');
    const countable =
      !query.equals &&
      !query.search &&
      facetConditions.length === query.conditions.length &&
      facetConditions.length <= 1 &&
      !(facetConditions[0]?.kind === 'anyOf' && facetConditions[0].values.length > 1);
    if (!countable) return { query: this.plan(query) };
    const facet = facetConditions[0];
    const facetParts = facet && 'facet' in facet ? facet.values.map((value) => `${facet.facet}=${value}`) : [undefined];
    const stationParts = query.stations ? query.stations.map((station) => `${STATION_DIMENSION}=${station}`) : [undefined];
    const counters = stationParts.flatMap((station) =>
      facetParts.map((part) => [station, part].filter((piece) => piece !== undefined).join('|') || 'all'),
    );
    return { counters };
  }

  private stationOf(record: Record<string, unknown>): string | undefined {
    const station = this.stationField ? record[this.stationField] : undefined;
    return typeof station === 'string' ? station : undefined;
  }

  private scopePartition(stationId: string): string {
    return `${this.entityType}#Station#${stationId}`;
  }
}
