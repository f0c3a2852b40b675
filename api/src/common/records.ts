import { createHash } from 'node:crypto';
import { BadUserInputError, StaleVersionError } from '../errors';
import type { RecordMeta } from '../store/entity-store';

/** Fields of an update input that are not changes to the record. */
const CONTROL_FIELDS = new Set(['id', 'expectedVersion', 'clientRequestId']);

/**
 * The changes an update input asks for: fields that are present (undefined means "leave as
 * is"). A null for a field the record must have is refused; for optional fields null clears.
 */
export function changesOf<T extends object>(input: T, requiredFields: readonly string[]): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  const nulls: string[] = [];
  for (const [field, value] of Object.entries(input)) {
    if (CONTROL_FIELDS.has(field) || value === undefined) continue;
    if (value === null && requiredFields.includes(field)) nulls.push(field);
    changes[field] = value;
  }
  if (nulls.length > 0) {
    throw new BadUserInputError(nulls.map((field) => ({ field, message: `${field} cannot be cleared.` })));
  }
  return changes;
}

/** A new version of a record with the changes applied. */
export function nextVersion<R extends RecordMeta>(before: R, changes: Partial<R>, at: string): R {
  return { ...before, ...changes, version: before.version + 1, updatedAt: at };
}

/** Converts type-graphql input instances (nested class instances) to plain data. */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Digest of a create input, minus its `clientRequestId`, to recognise a repeated request. */
export function inputHash(input: object): string {
  const { clientRequestId: _ignored, ...rest } = input as Record<string, unknown>;
  return createHash('sha256').update(canonicalJson(rest)).digest('base64url');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Fails with CONFLICT, before any write, when the caller's version is not the current one. */
export function assertExpectedVersion(entityType: string, record: RecordMeta, expectedVersion: number): void {
  if (record.version !== expectedVersion) {
    throw new StaleVersionError(entityType, record.id, expectedVersion, record.version);
  }
}
