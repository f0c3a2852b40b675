import type { EnumName, Role } from '../enums';
import type { Label } from '../labels';
import type { StateMachine } from '../state-machine';
import {
  boolean,
  dateTime,
  enumList,
  enumOf,
  type Field,
  type Fields,
  id as idField,
  idList,
  integer,
  type PatchOfFields,
  type Shape,
  text,
  type ValueOf,
  type ValueOfFields,
} from './field';
import { type ParseResult, parseFields } from './parse';

/** Fields every stored record has (docs/domain.md). */
export interface RecordMeta {
  readonly id: string;
  /** Optimistic lock: every write adds one; updates name the version they read. */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A field whose value follows from the others (e.g. the entity type from the credit code). */
export interface Computed<F extends Fields> {
  readonly field: Field;
  readonly compute: (values: ValueOfFields<F>) => unknown;
}

/**
 * A list filter, by what it does: `scope` narrows to records of some stations (row scope still
 * applies); `in` keeps records whose single value is one of those given; `anyOf` records whose
 * list holds any of them; `from` / `to` bound a date inclusively; `search` is the text box `q`.
 */
export type FilterDeclaration =
  | { readonly kind: 'scope'; readonly label: Label }
  | { readonly kind: 'enterprise'; readonly label: Label }
  /** The record's id field equals the one given (e.g. an approval's project). */
  | { readonly kind: 'equals'; readonly field: string; readonly label: Label }
  | { readonly kind: 'in' | 'anyOf'; readonly field: string; readonly label?: Label }
  | { readonly kind: 'from' | 'to'; readonly field: string; readonly label: Label }
  | { readonly kind: 'search'; readonly label: Label }
  /** `true`: records of `order` whose value is already past (overdue); `false`: not yet. The list then goes in that order. */
  | { readonly kind: 'overdue'; readonly order: string; readonly label: Label };

/** An order a list can be read in; the sort enum offers it ascending and descending. */
export interface OrderDeclaration {
  readonly field: string;
  readonly label: Label;
  /**
   * Only records for which this holds are in the order (e.g. open requests by due time); the
   * others are left out of lists sorted this way.
   */
  readonly only?: { readonly holds: (record: Readonly<Record<string, unknown>>) => boolean; readonly description: string };
  /**
   * The partitions the order is also kept in besides the whole collection (one station's, one
   * enterprise's); by default every one the entity has. Index slots are few: an order lists
   * rarely read within a partition can leave it out.
   */
  readonly within?: readonly ('station' | 'enterprise')[];
  /** Kept for the system's own reading (e.g. the sweeper's work list), not offered as a sort. */
  readonly internal?: boolean;
}

/** Who may read records at all; row scope then narrows what each reader sees. */
export type Readers = 'PUBLIC' | 'SIGNED_IN';

/** Everything about an entity that the API, the console and the seed derive from. */
export interface EntityDeclaration<
  F extends Fields = Fields,
  C extends Readonly<Record<string, Computed<F>>> = Readonly<Record<string, Computed<F>>>,
  S extends string = string,
  A extends string = string,
  Y extends Fields = Fields,
> {
  /** Type name in GraphQL, in keys and in audit events, e.g. `Enterprise`. */
  readonly name: string;
  /** Name of the list query, e.g. `enterprises`. */
  readonly plural: string;
  readonly label: Label;
  /** The label of several records (lists, menus) where it differs from `label`, e.g. English plurals. */
  readonly pluralLabel?: Label;
  readonly description: string;
  /** The fields people give and edit. */
  readonly fields: F;
  readonly computed?: C;
  /**
   * Fields the record path itself keeps (a request's number, clock, assignment, callback…):
   * shown, never given in a create or update input. Those with a default start with it, others null.
   */
  readonly system?: Y;
  /** The status field and the machine that alone changes it. */
  readonly lifecycle: {
    readonly statusEnum: EnumName;
    readonly actionEnum: EnumName;
    readonly label: Label;
    readonly machine: StateMachine<S, A>;
    /** States in which fields may be edited; by default every state but the final ones. */
    readonly editableIn?: readonly S[];
    /** Fields an action takes besides the id, version and note (e.g. DISPATCH takes `assignedUnit`). */
    readonly actionFields?: Partial<Readonly<Record<A, Fields>>>;
  };
  /**
   * Row scope: the field naming a record's station and the one naming its enterprise (`id` for
   * an enterprise itself). Station staff see records of their stations, enterprise users their own.
   */
  readonly scope: { readonly station?: string; readonly enterprise?: string };
  /** What anonymous callers may see; absent: nothing. */
  readonly publicWhen?: { readonly status: readonly S[] };
  readonly access: {
    readonly read: Readers;
    /** Who may update and take actions (the machine narrows actions further), and create unless `create` says otherwise. */
    readonly write: readonly Role[];
    /** Who may create, when it differs from `write` (e.g. enterprise users submit requests but do not edit them). */
    readonly create?: readonly Role[];
    /** Who may delete; absent: records are never deleted. */
    readonly delete?: readonly Role[];
  };
  readonly orders: Readonly<Record<string, OrderDeclaration>>;
  /** e.g. `NAME_ASC`. */
  readonly defaultSort: string;
  readonly filters: Readonly<Record<string, FilterDeclaration>>;
  /** Entity types whose records refer to this one and so keep it from being deleted. */
  readonly deleteBlockedBy?: readonly string[];
}

/** Declares an entity; the identity function that lets TypeScript infer the field types. */
export function defineEntity<
  const F extends Fields,
  const C extends Readonly<Record<string, Computed<NoInfer<F>>>> = Record<never, never>,
  S extends string = string,
  A extends string = string,
  const Y extends Fields = Record<never, never>,
>(declaration: EntityDeclaration<F, C, S, A, Y>): EntityDeclaration<F, C, S, A, Y> {
  return declaration;
}

// biome-ignore lint/suspicious/noExplicitAny: matches any declaration whatever its type arguments.
export type AnyEntity = EntityDeclaration<any, any, any, any, any>;

type StatusOf<E extends AnyEntity> = E['lifecycle']['machine'] extends StateMachine<infer S, string> ? S : never;

type ComputedValues<E extends AnyEntity> = NonNullable<E['computed']> extends infer C extends Readonly<Record<string, { readonly field: Field }>>
  ? { readonly [K in keyof C]: ValueOf<C[K]['field']> }
  : unknown;

type SystemValues<E extends AnyEntity> = NonNullable<E['system']> extends infer Y extends Fields ? ValueOfFields<Y> : unknown;

/** A record of the entity as stored and read. */
export type RecordOf<E extends AnyEntity> = RecordMeta &
  ValueOfFields<E['fields']> &
  ComputedValues<E> &
  SystemValues<E> & { readonly status: StatusOf<E> };

/** The field values of a new record, after checks and defaults, computed fields included. */
export type ValuesOf<E extends AnyEntity> = ValueOfFields<E['fields']> & ComputedValues<E>;

/** The sort enum values of an entity: each order ascending and descending. */
export function sortValues(entity: AnyEntity): string[] {
  return Object.entries(entity.orders as Record<string, OrderDeclaration>)
    .filter(([, order]) => !order.internal)
    .flatMap(([order]) => [`${order}_ASC`, `${order}_DESC`]);
}

/** The order and direction a sort value names. */
export function parseSort(entity: AnyEntity, sort: string): { order: string; ascending: boolean } {
  const match = /^(.*)_(ASC|DESC)$/.exec(sort);
  if (!match || !(match[1]! in entity.orders) || entity.orders[match[1]!]?.internal) throw new RangeError(`${entity.name} has no sort ${sort}`);
  return { order: match[1]!, ascending: match[2] === 'ASC' };
}

const metaFields: Readonly<Record<string, Field>> = {
  createdAt: dateTime({ label: { 'zh-CN': '创建时间', en: 'Created at' }, required: true }),
  updatedAt: dateTime({ label: { 'zh-CN': '更新时间', en: 'Updated at' }, required: true }),
};

/** The declaration of any field of a record: given, computed, kept by the system, the status or a meta field. */
export function fieldOf(entity: AnyEntity, name: string): Field {
  const field =
    entity.fields[name] ??
    entity.computed?.[name]?.field ??
    entity.system?.[name] ??
    (name === 'status' ? enumOf(entity.lifecycle.statusEnum, { label: entity.lifecycle.label, required: true }) : undefined) ??
    metaFields[name];
  if (!field) throw new RangeError(`${entity.name} has no field ${name}`);
  return field;
}

/** The enum a filter on an enum field or list takes. */
function enumOfField(entity: AnyEntity, name: string): EnumName {
  const field = fieldOf(entity, name);
  if (field.kind !== 'enum' && field.kind !== 'enumList') throw new RangeError(`${entity.name}.${name} is not an enum`);
  return field.enumName;
}

/** Longest `q` a list accepts. */
export const MAX_SEARCH_LENGTH = 100;
/** Most stations a list filter may name. */
const MAX_SCOPE_IDS = 100;

/** The fields of an entity's list filter, derived from its filter declarations. */
export function filterShape(entity: AnyEntity): Shape {
  const fields: Record<string, Field> = {};
  for (const [name, filter] of Object.entries(entity.filters)) {
    switch (filter.kind) {
      case 'scope':
        fields[name] = idList({ label: filter.label, maxItems: MAX_SCOPE_IDS });
        break;
      case 'in':
      case 'anyOf':
        fields[name] = enumList(enumOfField(entity, filter.field), { label: filter.label ?? fieldOf(entity, filter.field).label });
        break;
      case 'from':
      case 'to':
        // Calendar dates in Asia/Shanghai, also for instants: people pick days, not instants.
        fields[name] = { kind: 'date', label: filter.label };
        break;
      case 'search':
        fields[name] = text({ label: filter.label, maxLength: MAX_SEARCH_LENGTH });
        break;
      case 'enterprise':
      case 'equals':
        fields[name] = idField({ label: filter.label });
        break;
      case 'overdue':
        fields[name] = boolean({ label: filter.label });
        break;
    }
  }
  return { name: `${entity.name}Filter`, fields };
}

/**
 * Paths of the text fields `q` matches (`requester.name` for a field of an object), given or
 * kept by the system, in declaration order.
 */
export function searchableFields(entity: AnyEntity): string[] {
  const paths = (fields: Fields, prefix: string): string[] =>
    Object.entries(fields).flatMap(([name, field]) => {
      if (field.kind === 'text' && field.searchable) return [`${prefix}${name}`];
      if (field.kind === 'object') return paths(field.shape.fields, `${prefix}${name}.`);
      return [];
    });
  return [...paths(entity.fields as Fields, ''), ...paths((entity.system ?? {}) as Fields, '')];
}

/** The field that is the entity's name (sorted and searched by pinyin), if any. */
export function pinyinFields(entity: AnyEntity): string[] {
  return Object.entries(entity.fields as Fields)
    .filter(([, field]) => field.kind === 'text' && field.pinyin)
    .map(([name]) => name);
}

/** Fields whose values are unique across the entity's records. */
export function uniqueFields(entity: AnyEntity): string[] {
  return Object.entries({ ...(entity.fields as Fields), ...((entity.system ?? {}) as Fields) })
    .filter(([, field]) => field.kind === 'text' && field.unique)
    .map(([name]) => name);
}

/** States in which a record's fields may be edited. */
export function editableStates(entity: AnyEntity): readonly string[] {
  const { machine, editableIn } = entity.lifecycle;
  return editableIn ?? machine.states.filter((state: string) => !machine.final.includes(state));
}

function withComputed<E extends AnyEntity>(entity: E, values: Record<string, unknown>): Record<string, unknown> {
  const computed: Record<string, unknown> = {};
  for (const [name, declaration] of Object.entries(entity.computed ?? {}) as [string, Computed<Fields>][]) {
    computed[name] = declaration.compute(values as ValueOfFields<Fields>);
  }
  return { ...values, ...computed };
}

/**
 * The field values of a new record from a create input: checked, normalised, defaults filled
 * and computed fields added. Problems name each refused field.
 */
export function parseCreate<E extends AnyEntity>(entity: E, input: unknown, now: Date): ParseResult<ValuesOf<E>> {
  const parsed = parseFields<Record<string, unknown>>(entity.fields, input, { mode: 'create', now });
  return parsed.ok ? { ok: true, value: withComputed(entity, parsed.value) as ValuesOf<E> } : parsed;
}

/** The initial values of the fields the system keeps: their defaults, or null. */
export function systemDefaults(entity: AnyEntity): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries((entity.system ?? {}) as Fields).map(([name, field]) => [name, 'default' in field && field.default !== undefined ? field.default : null]),
  );
}

/** The fields an update may change: the given ones that are not fixed at creation. */
export function editableFields(entity: AnyEntity): Fields {
  return Object.fromEntries(Object.entries(entity.fields as Fields).filter(([, field]) => !field.immutable));
}

/** The fields an action takes (besides id, version and note); none for most actions. */
export function actionFieldsOf(entity: AnyEntity, action: string): Fields {
  return (entity.lifecycle.actionFields?.[action] ?? {}) as Fields;
}

/**
 * The changes an update input makes to `before`: only the fields given, checked and
 * normalised, with computed fields recomputed when their inputs changed.
 */
export function parsePatch<E extends AnyEntity>(
  entity: E,
  before: object,
  input: unknown,
  now: Date,
): ParseResult<Partial<ValuesOf<E>>> {
  const parsed = parseFields<PatchOfFields<E['fields']>>(editableFields(entity), input, { mode: 'patch', now });
  if (!parsed.ok) return parsed;
  if (!entity.computed || Object.keys(parsed.value).length === 0) return parsed as ParseResult<Partial<ValuesOf<E>>>;
  const merged = withComputed(entity, { ...before, ...parsed.value });
  const changes: Record<string, unknown> = { ...parsed.value };
  for (const name of Object.keys(entity.computed)) changes[name] = merged[name];
  return { ok: true, value: changes as Partial<ValuesOf<E>> };
}

/** Version and idempotency fields of the write operations, declared once for API and console. */
export const writeControls = {
  id: idField({ label: { 'zh-CN': '记录', en: 'Record' }, required: true }),
  expectedVersion: integer({
    label: { 'zh-CN': '版本号', en: 'Expected version' },
    description: 'The version you read; if the record has changed since, the write fails with CONFLICT and changes nothing.',
    required: true,
    min: 1,
    max: 2_147_483_647,
  }),
  clientRequestId: text({
    label: { 'zh-CN': '请求编号', en: 'Client request id' },
    description: 'Makes a create idempotent: the same id with the same input returns the same record; with another input it fails with CONFLICT.',
    maxLength: 100,
  }),
  note: text({
    label: { 'zh-CN': '备注', en: 'Note' },
    description: 'Why the action is taken; kept in the audit history.',
    maxLength: 500,
    multiline: true,
  }),
} as const satisfies Fields;

/** Default and largest page of a list. */
export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

/** `first` and `after` of every list. */
export const pageFields = {
  first: integer({
    label: { 'zh-CN': '每页条数', en: 'Page size' },
    description: `Page size, 1 to ${MAX_PAGE_SIZE}.`,
    min: 1,
    max: MAX_PAGE_SIZE,
    default: DEFAULT_PAGE_SIZE,
  }),
  after: text({
    label: { 'zh-CN': '游标', en: 'Cursor' },
    description: "Continue after this cursor: the previous page's `pageInfo.endCursor` or an edge's `cursor`.",
    maxLength: 4000,
  }),
} as const satisfies Fields;
