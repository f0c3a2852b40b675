import {
  type AnyEntity,
  allowsRoles,
  availableActions,
  type EnumName,
  type EnumValue,
  editableStates,
  enumLabel,
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
  transitionBetween,
} from '@yizhan/shared';
import { BadUserInputError, FailedPreconditionError, ForbiddenError, InvalidTransitionError, NotFoundError } from '../errors';
import type { RequestScope } from '../request-scope';
import type { Condition, RecordQuery } from '../store/entity-layout';
import type { RecordReader, RecordStore } from '../store/entity-store';
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
  /** Whether a named guard of the state machine holds for the record. */
  readonly guardHolds?: (record: R, guard: string) => boolean;
  /** Fields an action sets besides the status (e.g. `dispatchedAt`); checked by the caller. */
  readonly effectOf?: (before: R, action: string, command: TransitionCommand, at: Date) => Promise<Partial<R>> | Partial<R>;
  /** How a record is named in messages; default: its id. */
  readonly displayName?: (record: R) => string;
}

/** What every service of a request shares. */
export interface ServiceContext {
  readonly scope: RequestScope;
  readonly cursors: CursorCodec;
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

const filterShapes = new WeakMap<AnyEntity, Shape>();

function filterShapeOf(entity: AnyEntity): Shape {
  let shape = filterShapes.get(entity);
  if (!shape) {
    shape = filterShape(entity);
    filterShapes.set(entity, shape);
  }
  return shape;
}

function valid<T>(parsed: ParseResult<T>): T {
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
    private readonly context: ServiceContext,
    private readonly rules: RecordRules<R> = {},
  ) {
    this.reader = store.reader();
  }

  private get scope(): RequestScope {
    return this.context.scope;
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
    const query = this.queryFor(filter, sort);
    if (!query) return emptyPage();
    return readPage(this.store, this.context.cursors, {
      query,
      first: paging.first,
      after: paging.after,
      list: this.entity.plural,
      countTotal: () => this.reader.count(query),
    });
  }

  /** How many records of the list the viewer may see match `filter`; batched across a request. */
  async count(filter: unknown): Promise<number> {
    const query = this.queryFor(filter, this.entity.defaultSort);
    return query ? this.reader.count(query) : 0;
  }

  async create(command: CreateCommand): Promise<R> {
    const now = this.scope.now();
    const { clientRequestId, ...input } = command;
    const values = valid(parseCreate(this.entity, input, now)) as unknown as Partial<R>;
    if (!this.scope.rows.canWrite(this.entity, values as Record<string, unknown>)) throw this.outOfScope();
    await this.rules.checkValues?.(values, undefined);
    const at = now.toISOString();
    const record = {
      id: newId(now.getTime()),
      version: 1,
      createdAt: at,
      updatedAt: at,
      ...values,
      status: this.entity.lifecycle.machine.initial,
    } as R;
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
    if (!this.scope.rows.canWrite(this.entity, { ...before, ...changes })) throw this.outOfScope();
    await this.rules.checkValues?.(changes, before);
    let transition: string | null = null;
    if (status && status !== before.status) {
      const edge = transitionBetween(this.entity.lifecycle.machine, before.status, status, this.guard(before));
      if (!edge || !allowsRoles(edge, this.scope.roles)) {
        throw new InvalidTransitionError(
          `${this.displayName(before)} cannot go from ${before.status} to ${status}.`,
          this.availableActions(before),
        );
      }
      transition = edge.action;
    }
    const after = nextVersion(before, { ...changes, ...(transition ? { status } : {}) } as Partial<R>, now);
    return this.store.replace(before, after, this.scope.write(`update${this.entity.name}`, now, { transition }));
  }

  /** Takes an action of the entity's state machine, as `availableActions` offers it. */
  async transition(command: TransitionCommand): Promise<R> {
    const before = await this.writable(command.id);
    assertExpectedVersion(this.entity.name, before, command.expectedVersion);
    const edge = findTransition(this.entity.lifecycle.machine, before.status, command.action, this.guard(before));
    if (!edge || !allowsRoles(edge, this.scope.roles)) {
      throw new InvalidTransitionError(
        `${this.displayName(before)} cannot take the action ${command.action} while ${before.status}.`,
        this.availableActions(before),
      );
    }
    const now = this.scope.now();
    const effect = (await this.rules.effectOf?.(before, edge.action, command, now)) ?? {};
    const after = nextVersion(before, { ...effect, status: edge.to } as Partial<R>, now);
    const context = this.scope.write(`transition${this.entity.name}`, now, { transition: edge.action, note: command.note ?? null });
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
  availableActions(record: R): string[] {
    if (!this.scope.rows.canWrite(this.entity, record as unknown as Record<string, unknown>)) return [];
    return availableActions(this.entity.lifecycle.machine, record.status, this.scope.roles, this.guard(record));
  }

  /** A record the viewer may change: NOT_FOUND outside their sight, FORBIDDEN outside their rights. */
  private async writable(id: string, writers: readonly Role[] = this.entity.access.write): Promise<R> {
    const record = await this.get(id);
    if (!this.scope.rows.canWrite(this.entity, record as unknown as Record<string, unknown>, writers)) throw this.outOfScope();
    return record;
  }

  private outOfScope(): ForbiddenError {
    return new ForbiddenError(
      `You may not change this ${this.entity.label.en.toLowerCase()}: it is outside the records you manage (your stations, or your own enterprise).`,
    );
  }

  private guard(record: R): GuardPredicate {
    const guardHolds = this.rules.guardHolds;
    return guardHolds ? (guard) => guardHolds(record, guard) : () => true;
  }

  private displayName(record: R): string {
    return this.rules.displayName?.(record) ?? `${this.entity.name} ${record.id}`;
  }

  private statusLabel(status: string): string {
    const statusEnum = this.entity.lifecycle.statusEnum as EnumName;
    return enumLabel(statusEnum, status as EnumValue<typeof statusEnum>, 'en').toLowerCase();
  }

  /** The domain query of a list: the filter's conditions within the viewer's reach; null when nothing can match. */
  private queryFor(filterInput: unknown, sort: string): RecordQuery | null {
    const filter = valid(parseFields<Record<string, unknown>>(filterShapeOf(this.entity).fields, filterInput ?? {}, { mode: 'create', now: this.scope.now() }));
    const { order, ascending } = parseSort(this.entity, sort);
    const conditions: Condition[] = [];
    let stations: string[] | undefined;
    let search: string | undefined;
    for (const [key, declaration] of Object.entries(this.entity.filters)) {
      const value = filter[key];
      if (value === null || value === undefined) continue;
      switch (declaration.kind) {
        case 'scope':
          stations = [...(value as string[])].sort();
          break;
        case 'in':
        case 'anyOf':
          conditions.push({ kind: declaration.kind, facet: key, field: declaration.field, values: value as string[] });
          break;
        case 'from':
        case 'to':
          conditions.push({ kind: declaration.kind, field: declaration.field, value: value as string });
          break;
        case 'search':
          search = value as string;
          break;
      }
    }
    const reach = this.scope.rows.reach(this.entity);
    let equals: RecordQuery['equals'];
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
        equals = { field: reach.field, value: reach.enterpriseId };
        break;
    }
    return { ...(stations ? { stations } : {}), ...(equals ? { equals } : {}), conditions, ...(search ? { search } : {}), order, ascending };
  }
}
