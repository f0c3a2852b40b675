import type { Role } from '@yizhan/shared';

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
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly versionBefore: number | null;
  readonly versionAfter: number | null;
  readonly changes: readonly FieldChange[];
  readonly requestId: string;
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
