import { createHash } from 'node:crypto';
import type { RecordMeta } from '@yizhan/shared';
import { StaleVersionError } from '../errors';

/** A new version of a record with the changes applied. */
export function nextVersion<R extends RecordMeta>(before: R, changes: Partial<R>, at: Date): R {
  return { ...before, ...changes, version: before.version + 1, updatedAt: at.toISOString() };
}

/** Digest of a create's normalised values, to recognise a repeated request. */
export function inputHash(values: object): string {
  return createHash('sha256').update(canonicalJson(values)).digest('base64url');
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
