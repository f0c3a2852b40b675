import { ItemKind, type Role, SecondaryIndex, TableKey } from '@yizhan/shared';

export interface AuditActor {
  readonly id: string;
  readonly username: string;
  readonly roles: readonly Role[];
}

export interface FieldChange {
  readonly field: string;
  readonly from: unknown;
  readonly to: unknown;
}

/** An append-only record of one mutation, written in the same transaction as the change. */
export interface AuditEventRecord {
  readonly id: string;
  readonly at: string;
  readonly actor: AuditActor;
  /** The mutation, e.g. `transitionStation`. */
  readonly action: string;
  /** The state-machine action it took, e.g. `SUSPEND`; null for plain edits. */
  readonly transition: string | null;
  /** Why, in the actor's words. */
  readonly note: string | null;
  readonly entityType: string;
  readonly entityId: string;
  readonly versionBefore: number | null;
  readonly versionAfter: number | null;
  readonly changes: readonly FieldChange[];
  readonly requestId: string;
}

/** Partition of the journal of every event, newest first by `at`. */
export const ALL_EVENTS_PARTITION = ItemKind.Audit;

/** The partition of one record's history. */
export function auditPartition(entityId: string): string {
  return `${ItemKind.Audit}#${entityId}`;
}

/**
 * Audit events live under their record (`Audit#<entityId>`, ordered by time) and in one
 * collection of all events for the administrators' journal.
 */
export function auditEventItem(event: AuditEventRecord): Record<string, unknown> {
  const order = `${event.at}#${event.id}`;
  return {
    [TableKey.partitionKey]: auditPartition(event.entityId),
    [TableKey.sortKey]: order,
    [SecondaryIndex.CollectionA.partitionKey]: ALL_EVENTS_PARTITION,
    [SecondaryIndex.CollectionA.sortKey]: order,
    ...event,
  };
}

/** Fields that change on every write and say nothing about what the user changed. */
const bookkeepingFields = new Set(['version', 'updatedAt', 'createdAt']);

/** Field-level differences between two versions of a record (top-level fields). */
export function diffRecords(before: object | null, after: object | null): FieldChange[] {
  const from = (before ?? {}) as Record<string, unknown>;
  const to = (after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])].filter((field) => !bookkeepingFields.has(field));
  return fields
    .filter((field) => JSON.stringify(from[field] ?? null) !== JSON.stringify(to[field] ?? null))
    .sort()
    .map((field) => ({ field, from: from[field] ?? null, to: to[field] ?? null }));
}
