import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { type MetricContribution, type RecordMeta, TableKey, WRITE_SHARDS } from '@yizhan/shared';
import { newId } from '../common/ids';
import { ConflictError, FailedPreconditionError, NotFoundError, StaleVersionError } from '../errors';
import { addAggregateChanges, addContributions, type BucketSums, bucketKey } from './aggregates';
import { type AuditActor, auditEventItem, diffRecords } from './audit-log';
import { bulkWrite } from './bulk-write';
import type { EntityLayout, RecordQuery } from './entity-layout';
import type { ItemBatch } from './item-batch';
import { counterKey, entityKey, idempotencyKey, isShardedDimension, randomShard, referenceDimension, uniqueKey, withoutKeys } from './keys';
import { allItems, countMatching, type ListPlan, type Position, type RecordPage, recordPage, type Total } from './list';
import { WriteTransaction } from './transaction';

/** How a store lays out the items of one entity type besides the record itself. */
export interface ItemLayout {
  readonly entityType: string;
  /** Fields whose values no two records share (guarded by `Unique#…` items). */
  readonly uniqueFields: readonly string[];
  /** Index keys and other derived attributes the record's item carries. */
  derivedAttributes(record: Record<string, unknown> & { id: string }): Record<string, string>;
  /** Counter dimensions the record counts in. */
  counterDimensions(record: Record<string, unknown>): readonly string[];
  /** What the record adds to the dashboard's aggregates (nothing for most types). */
  metrics(record: Record<string, unknown>): readonly MetricContribution[];
}

/** Who writes, why, and under which request: becomes the audit event. */
export interface WriteContext {
  readonly actor: AuditActor;
  readonly requestId: string;
  /** The mutation, e.g. `updateStation`. */
  readonly action: string;
  /** The state-machine action, when the write takes one. */
  readonly transition?: string | null;
  readonly note?: string | null;
  readonly at: string;
}

/** A create made idempotent by the caller's `clientRequestId`. */
export interface IdempotencyClaim {
  readonly actorId: string;
  readonly clientRequestId: string;
  readonly inputHash: string;
}

/** What keeps a record from being deleted: records of other types that refer to it. */
export interface DeleteGuard {
  readonly blockedBy: readonly string[];
  /** How the record is named in the refusal, e.g. its name. */
  readonly displayName: string;
}

/** How long a `clientRequestId` is remembered. */
const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
const COUNT_ATTRIBUTE = 'count';
/** Raised inside a transaction when the same create was already done; carries its record id. */
class IdempotentReplay extends Error {
  constructor(readonly entityId: string) {
    super('idempotent replay');
  }
}

/**
 * The only code that knows how records lie in DynamoDB: one item per record, uniqueness
 * guards, aggregate counters and audit events, each write in one transaction.
 */
export class EntityStore<R extends RecordMeta> {
  constructor(
    protected readonly client: DynamoDBDocumentClient,
    protected readonly tableName: string,
    protected readonly items: ItemLayout,
  ) {}

  get entityType(): string {
    return this.items.entityType;
  }

  async get(id: string): Promise<R | undefined> {
    const output = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: entityKey(this.entityType, id), ConsistentRead: true }),
    );
    return output.Item ? withoutKeys<R>(output.Item) : undefined;
  }

  /** The id of the record holding a unique value, if any. */
  async idByUnique(field: string, value: string): Promise<string | undefined> {
    const output = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: uniqueKey(this.entityType, field, value), ConsistentRead: true }),
    );
    return typeof output.Item?.targetId === 'string' ? output.Item.targetId : undefined;
  }

  /** Creates a record; with a claim, a repeated create returns the first one's record. */
  create(record: R, context: WriteContext, claim?: IdempotencyClaim): Promise<R> {
    return this.commitCreate(record, context, claim, () => undefined);
  }

  /** Writes a new record, with items of the subclass's own (`addItems`) in the same transaction. */
  protected async commitCreate(
    record: R,
    context: WriteContext,
    claim: IdempotencyClaim | undefined,
    addItems: (transaction: WriteTransaction) => void,
  ): Promise<R> {
    const transaction = new WriteTransaction(this.tableName);
    if (claim) {
      transaction.put(
        {
          ...idempotencyKey(claim.actorId, claim.clientRequestId),
          inputHash: claim.inputHash,
          entityType: this.entityType,
          entityId: record.id,
          [TableKey.timeToLive]: Math.floor(Date.parse(context.at) / 1000) + IDEMPOTENCY_TTL_SECONDS,
        },
        {
          condition: 'attribute_not_exists(#pk)',
          names: { '#pk': TableKey.partitionKey },
          onConditionFailed: () => this.replayOrConflict(claim),
        },
      );
    }
    transaction.put(this.itemOf(record), {
      condition: 'attribute_not_exists(#pk)',
      names: { '#pk': TableKey.partitionKey },
      onConditionFailed: () => new ConflictError(`${this.entityType} ${record.id} already exists.`),
    });
    this.addUniqueGuards(transaction, null, record);
    this.addSums(transaction, null, record);
    this.addAuditEvent(transaction, context, null, record);
    addItems(transaction);
    try {
      await transaction.commit(this.client);
      return record;
    } catch (error) {
      if (error instanceof IdempotentReplay) {
        const first = await this.get(error.entityId);
        if (!first) throw new NotFoundError(this.entityType, error.entityId);
        return first;
      }
      throw error;
    }
  }

  /** Replaces `before` with `after` if nobody changed it meanwhile (optimistic lock). */
  async replace(before: R, after: R, context: WriteContext): Promise<R> {
    const transaction = new WriteTransaction(this.tableName);
    transaction.put(this.itemOf(after), this.atVersion(before));
    this.addUniqueGuards(transaction, before, after);
    this.addSums(transaction, before, after);
    this.addAuditEvent(transaction, context, before, after);
    await transaction.commit(this.client);
    return after;
  }

  /**
   * Deletes a record at the version the caller saw, unless records of `guard.blockedBy` types
   * refer to it: their reference counters are checked in the same transaction.
   */
  async remove(before: R, context: WriteContext, guard?: DeleteGuard): Promise<void> {
    const transaction = new WriteTransaction(this.tableName);
    transaction.delete(entityKey(this.entityType, before.id), this.atVersion(before));
    for (const dependentType of guard?.blockedBy ?? []) {
      transaction.check(counterKey(dependentType, referenceDimension(this.entityType, before.id)), {
        condition: 'attribute_not_exists(#count) OR #count = :zero',
        names: { '#count': COUNT_ATTRIBUTE },
        values: { ':zero': 0 },
        onConditionFailed: () =>
          new FailedPreconditionError(
            `${guard?.displayName ?? before.id} is still referred to by ${dependentType} records and cannot be deleted.`,
            { dependentType },
          ),
      });
    }
    this.addUniqueGuards(transaction, before, null);
    this.addSums(transaction, before, null);
    this.addAuditEvent(transaction, context, before, null);
    await transaction.commit(this.client);
  }

  /**
   * Loads records as if each had been created, without a transaction each: the records and
   * their uniqueness guards, then what they add to the counters and the dashboard's aggregates,
   * in bulk (`bulkWrite`). For loading history (the demo data set) into a table nobody else
   * writes meanwhile. Imported records get no audit event: no mutation made them.
   */
  async bulkLoad(records: readonly R[]): Promise<void> {
    const items: Record<string, unknown>[] = [];
    const counts = new Map<string, number>();
    const sums: BucketSums = new Map();
    for (const record of records) {
      const guards = new WriteTransaction(this.tableName);
      this.addUniqueGuards(guards, null, record);
      items.push(this.itemOf(record), ...guards.puts());
      const values = record as unknown as Record<string, unknown>;
      for (const dimension of this.items.counterDimensions(values)) counts.set(dimension, (counts.get(dimension) ?? 0) + 1);
      addContributions(sums, this.items.metrics(values));
    }
    const shard = (dimension: string) => (isShardedDimension(dimension) ? 0 : undefined);
    await bulkWrite(this.client, this.tableName, {
      put: items,
      add: [
        ...[...counts].map(([dimension, count]) => ({ key: counterKey(this.entityType, dimension, shard(dimension)), sums: { [COUNT_ATTRIBUTE]: count } })),
        ...[...sums].map(([bucket, bucketSums]) => ({ key: bucketKey(bucket), sums: bucketSums })),
      ],
    });
  }

  /** One page of a Query plan; for stores of this folder. */
  protected pageOf(plan: ListPlan, first: number, start: Position | undefined): Promise<RecordPage<R>> {
    return recordPage<R>(this.client, this.tableName, plan, first, start);
  }

  private itemOf(record: R): Record<string, unknown> {
    const values = record as unknown as Record<string, unknown> & { id: string };
    return { ...values, ...entityKey(this.entityType, record.id), ...this.items.derivedAttributes(values) };
  }

  private atVersion(before: R) {
    return {
      condition: '#version = :expected',
      names: { '#version': 'version' },
      values: { ':expected': before.version },
      onConditionFailed: () => this.staleVersion(before.id, before.version),
    };
  }

  private addUniqueGuards(transaction: WriteTransaction, before: R | null, after: R | null): void {
    for (const field of this.items.uniqueFields) {
      const previous = stringField(before, field);
      const next = stringField(after, field);
      if (previous === next) continue;
      if (previous !== null && before) {
        transaction.delete(uniqueKey(this.entityType, field, previous), {
          condition: '#target = :id',
          names: { '#target': 'targetId' },
          values: { ':id': before.id },
        });
      }
      if (next !== null && after) {
        const message = `Another ${this.entityType.toLowerCase()} already has ${field} ${next}.`;
        transaction.put(
          { ...uniqueKey(this.entityType, field, next), targetId: after.id, entityType: this.entityType, field },
          {
            condition: 'attribute_not_exists(#pk)',
            names: { '#pk': TableKey.partitionKey },
            onConditionFailed: () => new ConflictError(message, { field, fieldErrors: [{ field, message }] }),
          },
        );
      }
    }
  }

  /** Counters and dashboard aggregates: what the write changes, added to one write shard. */
  private addSums(transaction: WriteTransaction, before: R | null, after: R | null): void {
    const shard = randomShard();
    this.addCounterChanges(transaction, before, after, shard);
    const metrics = (record: R | null) => (record ? this.items.metrics(record as unknown as Record<string, unknown>) : []);
    addAggregateChanges(transaction, metrics(before), metrics(after), shard);
  }

  private addCounterChanges(transaction: WriteTransaction, before: R | null, after: R | null, shard: number): void {
    const deltas = new Map<string, number>();
    for (const dimension of before ? this.items.counterDimensions(before as unknown as Record<string, unknown>) : []) {
      deltas.set(dimension, (deltas.get(dimension) ?? 0) - 1);
    }
    for (const dimension of after ? this.items.counterDimensions(after as unknown as Record<string, unknown>) : []) {
      deltas.set(dimension, (deltas.get(dimension) ?? 0) + 1);
    }
    for (const [dimension, delta] of deltas) {
      if (delta === 0) continue;
      transaction.update(counterKey(this.entityType, dimension, isShardedDimension(dimension) ? shard : undefined), 'ADD #count :delta', {
        names: { '#count': COUNT_ATTRIBUTE },
        values: { ':delta': delta },
      });
    }
  }

  private addAuditEvent(transaction: WriteTransaction, context: WriteContext, before: R | null, after: R | null): void {
    const entityId = (after ?? before)?.id ?? '';
    transaction.put(
      auditEventItem({
        id: newId(Date.parse(context.at)),
        at: context.at,
        actor: context.actor,
        action: context.action,
        transition: context.transition ?? null,
        note: context.note ?? null,
        entityType: this.entityType,
        entityId,
        versionBefore: before?.version ?? null,
        versionAfter: after?.version ?? null,
        changes: diffRecords(before, after),
        requestId: context.requestId,
      }),
      // Events are append-only: a write that would overwrite one (a key reused by a bug) fails the whole transaction.
      { condition: 'attribute_not_exists(#pk)', names: { '#pk': TableKey.partitionKey } },
    );
  }

  private async staleVersion(id: string, expectedVersion: number): Promise<Error> {
    const current = await this.get(id);
    if (!current) return new NotFoundError(this.entityType, id);
    return new StaleVersionError(this.entityType, id, expectedVersion, current.version);
  }

  private async replayOrConflict(claim: IdempotencyClaim): Promise<Error> {
    const output = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: idempotencyKey(claim.actorId, claim.clientRequestId), ConsistentRead: true }),
    );
    const item = output.Item;
    if (item && item.inputHash === claim.inputHash && item.entityType === this.entityType && typeof item.entityId === 'string') {
      return new IdempotentReplay(item.entityId);
    }
    return new ConflictError('This clientRequestId was already used with a different input.', { field: 'clientRequestId' });
  }
}

function stringField(record: object | null, field: string): string | null {
  const value = record ? (record as Record<string, unknown>)[field] : null;
  return typeof value === 'string' ? value : null;
}

/**
 * The store of a declared entity: lists and totals from domain queries, through the layout
 * derived from the declaration.
 */
export class RecordStore<R extends RecordMeta> extends EntityStore<R> {
  constructor(
    client: DynamoDBDocumentClient,
    tableName: string,
    readonly layout: EntityLayout,
  ) {
    super(client, tableName, layout);
  }

  /** One page of a list, after `start`. */
  page(query: RecordQuery, first: number, start: Position | undefined): Promise<RecordPage<R>> {
    return this.pageOf(this.layout.plan(query), first, start);
  }

  /**
   * Every record, a DynamoDB page at a time: for small collections (the stations) and for
   * maintenance (rebuilding aggregates), never a list a client pages through.
   */
  async *all(): AsyncGenerator<R[]> {
    for await (const items of allItems(this.client, this.tableName, this.layout.wholeCollection())) yield items.map((item) => withoutKeys<R>(item));
  }

  /** A request's reader of these records, on the request's item batch. */
  reader(items: ItemBatch): RecordReader<R> {
    return new RecordReader(this, items, (plan) => countMatching(this.client, this.tableName, plan));
  }
}

/** Per-request reads of one record store: lookups and counters through the request's item batch. */
export class RecordReader<R extends RecordMeta> {
  constructor(
    private readonly store: RecordStore<R>,
    private readonly items: ItemBatch,
    private readonly countQuery: (plan: ListPlan) => Promise<Total>,
  ) {}

  async load(id: string): Promise<R | undefined> {
    const item = await this.items.load(entityKey(this.store.entityType, id));
    return item ? withoutKeys<R>(item) : undefined;
  }

  /** How many records a query matches: exact from counters (their shards summed) when they cover it, else a bounded count. */
  async count(query: RecordQuery): Promise<Total> {
    const total = this.store.layout.total(query);
    if ('query' in total) return this.countQuery(total.query);
    const keys = total.counters.flatMap((dimension) =>
      isShardedDimension(dimension)
        ? Array.from({ length: WRITE_SHARDS }, (_, shard) => counterKey(this.store.entityType, dimension, shard))
        : [counterKey(this.store.entityType, dimension)],
    );
    const items = await Promise.all(keys.map((key) => this.items.load(key)));
    return { count: items.reduce((sum: number, item) => sum + (typeof item?.[COUNT_ATTRIBUTE] === 'number' ? item[COUNT_ATTRIBUTE] : 0), 0), exact: true };
  }
}
