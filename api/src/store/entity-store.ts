import { BatchGetCommand, GetCommand, type BatchGetCommandOutput, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TableKey } from '@yizhan/shared';
import { auditEventItem } from '../audit/audit.store';
import { diffRecords, type AuditActor } from '../audit/audit.model';
import type { Position } from '../common/cursor';
import { newId } from '../common/ids';
import { ConflictError, NotFoundError, StaleVersionError } from '../errors';
import { counterKey, entityKey, idempotencyKey, SEARCH_TEXT_ATTRIBUTE, uniqueKey, withoutKeys } from './keys';
import { countMatching, positionOf, queryPage, type ListPlan } from './list';
import { WriteTransaction } from './transaction';

/** Fields every stored record has. */
export interface RecordMeta {
  readonly id: string;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface UniqueField<R> {
  /** The normalised value that must be unique, or null when the record has none. */
  readonly valueOf: (record: R) => string | null;
  /** The message a caller sees when the value is taken. */
  readonly takenMessage: (value: string) => string;
}

/** What the store needs to know about an entity type to keep its items, guards and counters. */
export interface EntityDefinition<R extends RecordMeta> {
  readonly entityType: string;
  /** Index key attributes the record projects into (which lists it appears in, in which order). */
  readonly indexAttributes: (record: R) => Record<string, string>;
  readonly uniqueFields: Record<string, UniqueField<R>>;
  /** Counter dimensions the record counts in (e.g. `all`, `station=…|status=ACTIVE`). */
  readonly counterDimensions: (record: R) => readonly string[];
  readonly searchText?: (record: R) => string;
}

/** A page of records with the position after each one (for edge cursors). */
export interface RecordPage<R> {
  readonly records: R[];
  readonly positions: Position[];
  readonly hasNextPage: boolean;
  readonly endPosition: Position | undefined;
}

/** Who writes, why, and under which request: becomes the audit event. */
export interface WriteContext {
  readonly actor: AuditActor;
  readonly requestId: string;
  readonly action: string;
  readonly at: string;
}

/** A create made idempotent by the caller's `clientRequestId`. */
export interface IdempotencyClaim {
  readonly actorId: string;
  readonly clientRequestId: string;
  readonly inputHash: string;
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
 * The only code that knows how an entity type is laid out in DynamoDB: one item per record,
 * uniqueness guards, aggregate counters and audit events, each write in one transaction.
 */
export class EntityStore<R extends RecordMeta> {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly definition: EntityDefinition<R>,
  ) {}

  get entityType(): string {
    return this.definition.entityType;
  }

  async get(id: string): Promise<R | undefined> {
    const output = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: entityKey(this.entityType, id), ConsistentRead: true }),
    );
    return output.Item ? withoutKeys<R>(output.Item) : undefined;
  }

  async getOrThrow(id: string): Promise<R> {
    const record = await this.get(id);
    if (!record) throw new NotFoundError(this.entityType, id);
    return record;
  }

  /** Batch read for DataLoaders: results in the order of `ids`, undefined where missing. */
  async getMany(ids: readonly string[]): Promise<(R | undefined)[]> {
    const items = await this.batchGet([...new Set(ids)].map((id) => entityKey(this.entityType, id)));
    const found = new Map(items.map((item) => { const record = withoutKeys<R>(item); return [record.id, record] as const; }));
    return ids.map((id) => found.get(id));
  }

  /** BatchGetItem in chunks of 100, retrying unprocessed keys with back-off. */
  private async batchGet(keys: readonly Record<string, string>[]): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    for (let offset = 0; offset < keys.length; offset += 100) {
      let pending: Record<string, unknown>[] | undefined = keys.slice(offset, offset + 100);
      for (let attempt = 0; pending && pending.length > 0; attempt += 1) {
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(500, 20 * 2 ** attempt)));
        const output: BatchGetCommandOutput = await this.client.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: pending } } }));
        items.push(...(output.Responses?.[this.tableName] ?? []));
        pending = output.UnprocessedKeys?.[this.tableName]?.Keys;
      }
    }
    return items;
  }

  /** The id of the record holding a unique value, if any. */
  async idByUnique(field: string, value: string): Promise<string | undefined> {
    const output = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: uniqueKey(this.entityType, field, value), ConsistentRead: true }),
    );
    return typeof output.Item?.targetId === 'string' ? output.Item.targetId : undefined;
  }

  async page(plan: ListPlan, first: number, start: Position | undefined): Promise<RecordPage<R>> {
    const page = await queryPage(this.client, this.tableName, plan, first, start);
    return {
      records: page.items.map((item) => withoutKeys<R>(item)),
      positions: page.items.map((item) => positionOf(item, plan.index)),
      hasNextPage: page.hasNextPage,
      endPosition: page.endPosition,
    };
  }

  count(plan: ListPlan): Promise<number> {
    return countMatching(this.client, this.tableName, plan);
  }

  async counter(dimension: string): Promise<number> {
    const output = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: counterKey(this.entityType, dimension) }),
    );
    const value = output.Item?.[COUNT_ATTRIBUTE];
    return typeof value === 'number' ? value : 0;
  }

  /** Several counters in one BatchGetItem per 100, in the order of `dimensions`. */
  async counters(dimensions: readonly string[]): Promise<number[]> {
    const items = await this.batchGet(dimensions.map((dimension) => counterKey(this.entityType, dimension)));
    const counts = new Map(items.map((item) => [String(item[TableKey.sortKey]), item[COUNT_ATTRIBUTE]]));
    return dimensions.map((dimension) => {
      const value = counts.get(dimension);
      return typeof value === 'number' ? value : 0;
    });
  }

  /** Creates a record; with a claim, a repeated create returns the first one's record. */
  async create(record: R, context: WriteContext, claim?: IdempotencyClaim): Promise<R> {
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
    this.addCounterChanges(transaction, null, record);
    this.addAuditEvent(transaction, context, null, record);
    try {
      await transaction.commit(this.client);
      return record;
    } catch (error) {
      if (error instanceof IdempotentReplay) return this.getOrThrow(error.entityId);
      throw error;
    }
  }

  /** Replaces `before` with `after` if nobody changed it meanwhile (optimistic lock). */
  async replace(before: R, after: R, context: WriteContext): Promise<R> {
    const transaction = new WriteTransaction(this.tableName);
    transaction.put(this.itemOf(after), {
      condition: '#version = :expected',
      names: { '#version': 'version' },
      values: { ':expected': before.version },
      onConditionFailed: () => this.staleVersion(before.id, before.version),
    });
    this.addUniqueGuards(transaction, before, after);
    this.addCounterChanges(transaction, before, after);
    this.addAuditEvent(transaction, context, before, after);
    await transaction.commit(this.client);
    return after;
  }

  /** Deletes a record at the version the caller saw. Extra checks run in the same transaction. */
  async remove(
    before: R,
    context: WriteContext,
    extraChecks: (transaction: WriteTransaction) => void = () => undefined,
  ): Promise<void> {
    const transaction = new WriteTransaction(this.tableName);
    transaction.delete(entityKey(this.entityType, before.id), {
      condition: '#version = :expected',
      names: { '#version': 'version' },
      values: { ':expected': before.version },
      onConditionFailed: () => this.staleVersion(before.id, before.version),
    });
    extraChecks(transaction);
    this.addUniqueGuards(transaction, before, null);
    this.addCounterChanges(transaction, before, null);
    this.addAuditEvent(transaction, context, before, null);
    await transaction.commit(this.client);
  }

  private itemOf(record: R): Record<string, unknown> {
    return {
      ...(record as object),
      ...entityKey(this.entityType, record.id),
      ...this.definition.indexAttributes(record),
      ...(this.definition.searchText ? { [SEARCH_TEXT_ATTRIBUTE]: this.definition.searchText(record) } : {}),
    };
  }

  private addUniqueGuards(transaction: WriteTransaction, before: R | null, after: R | null): void {
    for (const [field, unique] of Object.entries(this.definition.uniqueFields)) {
      const previous = before ? unique.valueOf(before) : null;
      const next = after ? unique.valueOf(after) : null;
      if (previous === next) continue;
      if (previous !== null) {
        transaction.delete(uniqueKey(this.entityType, field, previous), {
          condition: '#target = :id',
          names: { '#target': 'targetId' },
          values: { ':id': before!.id },
        });
      }
      if (next !== null) {
        transaction.put(
          { ...uniqueKey(this.entityType, field, next), targetId: after!.id, entityType: this.entityType, field },
          {
            condition: 'attribute_not_exists(#pk)',
            names: { '#pk': TableKey.partitionKey },
            onConditionFailed: () => new ConflictError(unique.takenMessage(next), { field, fieldErrors: [{ field, message: unique.takenMessage(next) }] }),
          },
        );
      }
    }
  }

  private addCounterChanges(transaction: WriteTransaction, before: R | null, after: R | null): void {
    const deltas = new Map<string, number>();
    for (const dimension of before ? this.definition.counterDimensions(before) : []) {
      deltas.set(dimension, (deltas.get(dimension) ?? 0) - 1);
    }
    for (const dimension of after ? this.definition.counterDimensions(after) : []) {
      deltas.set(dimension, (deltas.get(dimension) ?? 0) + 1);
    }
    for (const [dimension, delta] of deltas) {
      if (delta === 0) continue;
      transaction.update(counterKey(this.entityType, dimension), 'ADD #count :delta', {
        names: { '#count': COUNT_ATTRIBUTE },
        values: { ':delta': delta },
      });
    }
  }

  private addAuditEvent(transaction: WriteTransaction, context: WriteContext, before: R | null, after: R | null): void {
    const entityId = (after ?? before)!.id;
    transaction.put(
      auditEventItem({
        id: newId(Date.parse(context.at)),
        at: context.at,
        actor: context.actor,
        action: context.action,
        entityType: this.entityType,
        entityId,
        versionBefore: before?.version ?? null,
        versionAfter: after?.version ?? null,
        changes: diffRecords(before, after),
        requestId: context.requestId,
      }),
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
