import {
  type AnyEntity,
  actionFieldsOf,
  allowsRoles,
  availableActions,
  type EnumName,
  type EnumValue,
  editableStates,
  enumLabel,
  fieldOf,
  filterShape,
  findTransition,
  type GuardPredicate,
  type ParseResult,
  parseCreate,
  parseFields,
  parsePatch,
  parseSort,
  type RecordMeta,
  type RecordOf,
  type Role,
  type Shape,
  shanghaiDate,
  shanghaiTime,
  systemDefaults,
  transitionBetween,
} from '@yizhan/shared';
import { BadUserInputError, ConflictError, FailedPreconditionError, ForbiddenError, InvalidTransitionError, NotFoundError } from '../errors';
import type { RequestScope } from '../request-scope';
import type { Condition, RecordQuery } from '../store/entity-layout';
import type { RecordReader, RecordStore, WriteContext } from '../store/entity-store';
import type { ItemBatch } from '../store/item-batch';
import type { Position } from '../store/list';
import type { CursorCodec } from './cursor';
import { newId } from './ids';
import { readPage } from './listing';
import { emptyPage, type Page, type Paging } from './page';
import { assertExpectedVersion, inputHash, nextVersion } from './records';

/** Entity-specific rules the generic record path calls at fixed points. */
export interface RecordRules<R> {
  /**
   * Checks new values against other records before a create or update writes them, e.g. that
   * the station they name exists and is open. `before` is absent on a create.
   */
  readonly checkValues?: (values: Partial<R>, before: R | undefined) => Promise<void>;
  /** Whether a named guard of the state machine holds for the record (it may read other records). */
  readonly guardHolds?: (record: R, guard: string) => boolean | Promise<boolean>;
  /**
   * Fields an action sets besides the status (e.g. `dispatchedAt`), from the action's own fields
   * as declared in the lifecycle's `actionFields`, already checked.
   */
  readonly effectOf?: (before: R, action: string, fields: Readonly<Record<string, unknown>>, at: Date) => Promise<Partial<R>> | Partial<R>;
  /**
   * Brings the fields the system keeps up to date after every change (e.g. a deadline after a
   * category change), and on create (`before` absent) fills them in.
   */
  readonly settle?: (record: R, before: R | undefined, at: Date) => Promise<R> | R;
  /** A further condition on who may change a record, beyond roles and row scope (e.g. operators: hotline tickets only). */
  readonly mayWrite?: (record: Readonly<Record<string, unknown>>) => boolean;
  /**
   * Why an action the machine offers is not possible for this record now (e.g. a permit before
   * the land contract is signed), or undefined when it is. A refused action is not offered.
   */
  readonly refusal?: (record: R, action: string) => string | undefined | Promise<string | undefined>;
  /** How a record is named in messages; default: its id. */
  readonly displayName?: (record: R) => string;
}

/** What every service of a request shares. */
export interface ServiceContext {
  readonly scope: RequestScope;
  readonly cursors: CursorCodec;
  /** The request's batched item reads, shared by every service of the request. */
  readonly items: ItemBatch;
}

export interface CreateCommand {
  readonly clientRequestId?: string | null;
  readonly [field: string]: unknown;
}

export interface UpdateCommand {
  readonly id: string;
  readonly expectedVersion: number;
  /** Deprecated: the target status of a transition; prefer `TransitionCommand`. */
  readonly status?: string | null;
  readonly [field: string]: unknown;
}

export interface TransitionCommand {
  readonly id: string;
  readonly expectedVersion: number;
  readonly action: string;
  readonly note?: string | null;
  readonly [field: string]: unknown;
}

export interface DeleteCommand {
  readonly id: string;
  readonly expectedVersion: number;
}

type StoredRecord = RecordMeta & { readonly status: string };

/** What the sweeper changes in a record, and the transition and note its audit event carries. */
export interface SweepChange<R> {
  readonly changes: Partial<R>;
  readonly audit: Pick<WriteContext, 'transition' | 'note'>;
}

/** Records the sweeper reads per page of an index. */
const SWEEP_PAGE_SIZE = 100;

const filterShapes = new WeakMap<AnyEntity, Shape>();

function filterShapeOf(entity: AnyEntity): Shape {
  let shape = filterShapes.get(entity);
  if (!shape) {
    shape = filterShape(entity);
    filterShapes.set(entity, shape);
  }
  return shape;
}

/** The parsed value, or BAD_USER_INPUT with every problem found. */
export function valid<T>(parsed: ParseResult<T>): T {
  if (!parsed.ok) throw BadUserInputError.fromProblems(parsed.problems);
  return parsed.value;
}

/**
 * The one record path (docs/api.md) for every declared entity: read within row scope (NOT_FOUND
 * outside it), list with filters, sorts, cursors and exact totals, create (idempotent with
 * `clientRequestId`), update at an expected version, change status only through the shared
 * state machine, delete where allowed. Each write is one transaction with its audit event.
 */
export class RecordService<E extends AnyEntity, R extends StoredRecord = RecordOf<E> & StoredRecord> {
  private readonly reader: RecordReader<R>;

  constructor(
    readonly entity: E,
    private readonly store: RecordStore<R>,
    protected readonly context: ServiceContext,
    private readonly rules: RecordRules<R> = {},
  ) {
    this.reader = store.reader(context.items);
  }

  private get scope(): RequestScope {
    return this.context.scope;
  }

  /** Whether the viewer may change the record (or create one with these values): roles, row scope, entity rules. */
  canWrite(record: object, writers: readonly Role[] = this.entity.access.write): boolean {
    const values = record as Readonly<Record<string, unknown>>;
    return this.scope.rows.canWrite(this.entity, values, writers) && (this.rules.mayWrite?.(values) ?? true);
  }

  /** A record the viewer may see, batched with the request's other lookups; undefined otherwise. */
  async load(id: string): Promise<R | undefined> {
    const record = await this.reader.load(id);
    return record && this.canRead(record) ? record : undefined;
  }

  /** A record the viewer may see, read consistently; NOT_FOUND when missing or out of scope. */
  async get(id: string): Promise<R> {
    const record = await this.store.get(id);
    if (!record || !this.canRead(record)) throw new NotFoundError(this.entity.name, id);
    return record;
  }

  /** The record holding a unique value, if the viewer may see it. */
  async findByUnique(field: string, value: string): Promise<R | undefined> {
    const id = await this.store.idByUnique(field, value);
    const record = id ? await this.store.get(id) : undefined;
    return record && this.canRead(record) ? record : undefined;
  }

  canRead(record: R): boolean {
    return this.scope.rows.canRead(this.entity, record as unknown as Record<string, unknown>);
  }

  /** A page of the list as the viewer may see it. */
  async list(filter: unknown, sort: string, paging: Paging): Promise<Page<R>> {
    const list = this.queryFor(filter, sort);
    if (!list) return emptyPage();
    const { query, identity } = list;
    return readPage(this.store, this.context.cursors, {
      query,
      identity,
      first: paging.first,
      after: paging.after,
      list: this.entity.plural,
      countTotal: () => this.reader.count(query),
    });
  }

  /**
   * How many records of the list the viewer may see match `filter`, batched across a request:
   * exact for the filters counters cover (a station's), else a bounded count's lower bound.
   */
  async count(filter: unknown): Promise<number> {
    const list = this.queryFor(filter, this.entity.defaultSort);
    return list ? (await this.reader.count(list.query)).count : 0;
  }

  async create(command: CreateCommand): Promise<R> {
    const now = this.scope.now();
    const { clientRequestId, ...input } = command;
    const values = valid(parseCreate(this.entity, input, now)) as unknown as Partial<R>;
    await this.rules.checkValues?.(values, undefined);
    const at = now.toISOString();
    const fresh = {
      id: newId(now.getTime()),
      version: 1,
      createdAt: at,
      updatedAt: at,
      ...systemDefaults(this.entity),
      ...values,
      status: this.entity.lifecycle.machine.initial,
    } as R;
    const record = this.rules.settle ? await this.rules.settle(fresh, undefined, now) : fresh;
    // Checked on the record as it would be stored: system fields (an approval's enterprise) decide the scope too.
    if (!this.canWrite(record, this.entity.access.create ?? this.entity.access.write)) throw this.outOfScope();
    const claim = clientRequestId
      ? { actorId: this.scope.actor().id, clientRequestId, inputHash: inputHash(values) }
      : undefined;
    return this.store.create(record, this.scope.write(`create${this.entity.name}`, now), claim);
  }

  /** Changes fields at the caller's version. A `status` is mapped to its action (old clients). */
  async update(command: UpdateCommand): Promise<R> {
    const { id, expectedVersion, status, ...input } = command;
    const before = await this.writable(id);
    assertExpectedVersion(this.entity.name, before, expectedVersion);
    if (!editableStates(this.entity).includes(before.status)) {
      throw new FailedPreconditionError(
        `${this.displayName(before)} is ${this.statusLabel(before.status)} and can no longer be changed.`,
        { status: before.status },
      );
    }
    const now = this.scope.now();
    const changes = valid(parsePatch(this.entity, before, input, now)) as Partial<R>;
    await this.rules.checkValues?.(changes, before);
    if (!this.canWrite({ ...before, ...changes })) throw this.outOfScope();
    let transition: string | null = null;
    if (status && status !== before.status) {
      const edge = transitionBetween(this.entity.lifecycle.machine, before.status, status, await this.guard(before));
      if (!edge || !allowsRoles(edge, this.scope.roles)) {
        throw new InvalidTransitionError(
          `${this.displayName(before)} cannot go from ${before.status} to ${status}.`,
          await this.availableActions(before),
        );
      }
      transition = edge.action;
    }
    const after = await this.settled(nextVersion(before, { ...changes, ...(transition ? { status } : {}) } as Partial<R>, now), before, now);
    return this.store.replace(before, after, this.scope.write(`update${this.entity.name}`, now, { transition }));
  }

  /** Takes an action of the entity's state machine, as `availableActions` offers it. */
  async transition(command: TransitionCommand): Promise<R> {
    const before = await this.writable(command.id);
    assertExpectedVersion(this.entity.name, before, command.expectedVersion);
    const edge = findTransition(this.entity.lifecycle.machine, before.status, command.action, await this.guard(before));
    const refusal = edge ? await this.rules.refusal?.(before, edge.action) : undefined;
    if (!edge || !allowsRoles(edge, this.scope.roles) || refusal) {
      throw new InvalidTransitionError(
        refusal ?? `${this.displayName(before)} cannot take the action ${command.action} while ${before.status}.`,
        await this.availableActions(before),
      );
    }
    const now = this.scope.now();
    const fields = valid(parseFields<Record<string, unknown>>(actionFieldsOf(this.entity, edge.action), command, { mode: 'create', now }));
    const effect = (await this.rules.effectOf?.(before, edge.action, { note: command.note ?? null, ...fields }, now)) ?? {};
    const after = await this.settled(nextVersion(before, { ...effect, status: edge.to } as Partial<R>, now), before, now);
    const note = typeof fields.note === 'string' ? fields.note : (command.note ?? null);
    const context = this.scope.write(`transition${this.entity.name}`, now, { transition: edge.action, note });
    return this.store.replace(before, after, context);
  }

  /** Deletes a record nothing refers to; returns it as it was. */
  async remove(command: DeleteCommand): Promise<R> {
    const before = await this.writable(command.id, this.entity.access.delete ?? []);
    assertExpectedVersion(this.entity.name, before, command.expectedVersion);
    await this.store.remove(before, this.scope.write(`delete${this.entity.name}`, this.scope.now()), {
      blockedBy: this.entity.deleteBlockedBy ?? [],
      displayName: this.displayName(before),
    });
    return before;
  }

  /** The actions the viewer may take on the record now: the machine's, for records they may change. */
  async availableActions(record: R): Promise<string[]> {
    if (!this.canWrite(record as unknown as Record<string, unknown>)) return [];
    const offered = availableActions(this.entity.lifecycle.machine, record.status, this.scope.roles, await this.guard(record));
    const refusal = this.rules.refusal;
    if (!refusal) return offered;
    const refused = await Promise.all(offered.map((action) => refusal(record, action)));
    return offered.filter((_, index) => !refused[index]);
  }

  /**
   * A change that is neither an edit of given fields nor a status change (e.g. materials
   * supplied), at the caller's version: `change` computes the new values from the record and
   * checked input; it is audited as `action`.
   */
  protected async amend(
    command: { readonly id: string; readonly expectedVersion: number },
    action: string,
    writers: readonly Role[],
    change: (before: R, at: Date) => Promise<Partial<R>> | Partial<R>,
  ): Promise<R> {
    const before = await this.writable(command.id, writers);
    assertExpectedVersion(this.entity.name, before, command.expectedVersion);
    return this.save(before, await change(before, this.scope.now()), action);
  }

  /**
   * Writes changes the service itself decided (no caller input to check), settled and audited
   * as `action`, on condition that the record is still at `before`'s version.
   */
  protected async save(before: R, changes: Partial<R>, action: string, extras: Pick<WriteContext, 'transition' | 'note'> = {}): Promise<R> {
    const now = this.scope.now();
    const after = await this.settled(nextVersion(before, changes, now), before, now);
    return this.store.replace(before, after, this.scope.write(action, now, extras));
  }

  /**
   * The sweeper's walk: offers each record of `order` whose value is before `bound` (and that
   * meets `conditions`) to `change`, reading that order's index a page at a time, so the work read
   * is the work due, never a Scan. What `change` returns is saved as `action`; a record someone
   * changed meanwhile is left for the next run. Returns the records changed.
   */
  protected async sweepDue(
    query: { readonly order: string; readonly before: string; readonly conditions?: readonly Condition[] },
    action: string,
    change: (record: R) => Promise<SweepChange<R> | null> | SweepChange<R> | null,
  ): Promise<R[]> {
    const changed: R[] = [];
    let start: Position | undefined;
    do {
      const page = await this.store.page(
        { conditions: [...(query.conditions ?? [])], order: query.order, ascending: true, orderBound: { before: query.before } },
        SWEEP_PAGE_SIZE,
        start,
      );
      for (const record of page.records) {
        const decided = await change(record);
        if (!decided) continue;
        try {
          changed.push(await this.save(record, decided.changes, action, decided.audit));
        } catch (error) {
          if (!(error instanceof ConflictError)) throw error;
        }
      }
      start = page.hasNextPage ? page.endPosition : undefined;
    } while (start);
    return changed;
  }

  /** A record the viewer may change: NOT_FOUND outside their sight, FORBIDDEN outside their rights. */
  private async writable(id: string, writers: readonly Role[] = this.entity.access.write): Promise<R> {
    const record = await this.get(id);
    if (!this.canWrite(record as unknown as Record<string, unknown>, writers)) throw this.outOfScope();
    return record;
  }

  private async settled(after: R, before: R, at: Date): Promise<R> {
    return this.rules.settle ? this.rules.settle(after, before, at) : after;
  }

  private outOfScope(): ForbiddenError {
    return new ForbiddenError(
      `You may not create or change this ${this.entity.label.en.toLowerCase()}: it is outside the records you manage (your role's, your stations', or your own enterprise's).`,
    );
  }

  /** Which guards hold for the record: those of the transitions leaving its state, evaluated once. */
  private async guard(record: R): Promise<GuardPredicate> {
    const guardHolds = this.rules.guardHolds;
    if (!guardHolds) return () => true;
    const names = [
      ...new Set(
        this.entity.lifecycle.machine.transitions
          .filter((transition: { from: readonly string[] }) => transition.from.includes(record.status))
          .flatMap((transition: { guard?: string }) => (transition.guard ? [transition.guard] : [])),
      ),
    ] as string[];
    const holding = await Promise.all(names.map((name) => guardHolds(record, name)));
    const held = new Set(names.filter((_, index) => holding[index]));
    return (guard) => held.has(guard);
  }

  private displayName(record: R): string {
    return this.rules.displayName?.(record) ?? `${this.entity.name} ${record.id}`;
  }

  private statusLabel(status: string): string {
    const statusEnum = this.entity.lifecycle.statusEnum as EnumName;
    return enumLabel(statusEnum, status as EnumValue<typeof statusEnum>, 'en').toLowerCase();
  }

  /**
   * The domain query of a list: the filter's conditions within the viewer's reach, and the
   * identity its cursors are bound to; null when nothing can match.
   */
  private queryFor(filterInput: unknown, sort: string): { query: RecordQuery; identity: unknown } | null {
    const now = this.scope.now();
    const filter = valid(parseFields<Record<string, unknown>>(filterShapeOf(this.entity).fields, filterInput ?? {}, { mode: 'create', now }));
    let { order, ascending } = parseSort(this.entity, sort);
    const conditions: Condition[] = [];
    let stations: string[] | undefined;
    let equals: RecordQuery['equals'];
    let search: string | undefined;
    let overdue: boolean | undefined;
    let dueIsDate = false;
    for (const [key, declaration] of Object.entries(this.entity.filters)) {
      const value = filter[key];
      if (value === null || value === undefined) continue;
      switch (declaration.kind) {
        case 'scope':
          stations = [...(value as string[])].sort();
          break;
        case 'enterprise':
          equals = { field: this.entity.scope.enterprise ?? 'enterpriseId', value: value as string };
          break;
        case 'equals':
          conditions.push({ kind: 'equals', field: declaration.field, value: value as string });
          break;
        case 'in':
        case 'anyOf':
          conditions.push({ kind: declaration.kind, facet: key, field: declaration.field, values: value as string[] });
          break;
        case 'from':
        case 'to':
          conditions.push({ kind: declaration.kind, field: declaration.field, value: this.bound(declaration.field, declaration.kind, value as string) });
          break;
        case 'search':
          search = value as string;
          break;
        case 'overdue':
          overdue = value as boolean;
          dueIsDate = fieldOf(this.entity, this.entity.orders[declaration.order]!.field).kind === 'date';
          // Overdue is a range of the due order's index, so such a list goes in due order.
          if (order !== declaration.order) ascending = true;
          order = declaration.order;
          break;
      }
    }
    if (!this.boundsMeet(conditions)) return null;
    const reach = this.scope.rows.reach(this.entity);
    switch (reach.kind) {
      case 'none':
        return null;
      case 'all':
        break;
      case 'public': {
        const facet = Object.entries(this.entity.filters).find(([, declaration]) => declaration.kind === 'in' && declaration.field === 'status')?.[0];
        if (!facet) throw new Error(`${this.entity.name} is public by status but declares no status filter`);
        const index = conditions.findIndex((condition) => condition.kind === 'in' && condition.field === 'status');
        const asked = index >= 0 ? (conditions[index] as { values: readonly string[] }).values : reach.status;
        const allowed = asked.filter((status) => reach.status.includes(status));
        if (allowed.length === 0) return null;
        if (index >= 0) conditions.splice(index, 1);
        conditions.push({ kind: 'in', facet, field: 'status', values: allowed });
        break;
      }
      case 'stations':
        stations = stations ? stations.filter((station) => reach.stationIds.includes(station)) : [...reach.stationIds].sort();
        if (stations.length === 0) return null;
        break;
      case 'enterprise':
        if (equals && (equals.field !== reach.field || equals.value !== reach.enterpriseId)) return null;
        equals = { field: reach.field, value: reach.enterpriseId };
        break;
    }
    // Overdue means past the due instant, or for a due date, past that whole day (in Shanghai).
    const dueBound = dueIsDate ? shanghaiDate(now) : now.toISOString();
    const query: RecordQuery = {
      ...(stations ? { stations } : {}),
      ...(equals ? { equals } : {}),
      conditions,
      ...(search ? { search } : {}),
      order,
      ascending,
      ...(overdue === undefined ? {} : { orderBound: overdue ? { before: dueBound } : { notBefore: dueBound } }),
    };
    // The cursor is bound to "overdue", not to the instant it meant on the first page.
    return { query, identity: { ...query, orderBound: overdue } };
  }

  /** A date bound on a field: the date itself, or for an instant field the start or end of that day in Asia/Shanghai. */
  private bound(field: string, kind: 'from' | 'to', date: string): string {
    if (fieldOf(this.entity, field).kind !== 'dateTime') return date;
    return shanghaiTime(date, kind === 'from' ? '00:00:00.000' : '23:59:59.999').toISOString();
  }

  /** Whether every field's `from` is on or before its `to` (otherwise nothing can match). */
  private boundsMeet(conditions: readonly Condition[]): boolean {
    const from = new Map<string, string>();
    for (const condition of conditions) if (condition.kind === 'from') from.set(condition.field, condition.value);
    return conditions.every((condition) => condition.kind !== 'to' || (from.get(condition.field) ?? '') <= condition.value);
  }
}
