import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { BadUserInputError } from '../errors';
import type { Position } from '../store/list';


/**
 * Cursors are signed and bound to the query that made them (list, filter, sort, viewer scope),
 * so a cursor cannot be forged, edited or replayed against another query.
 */
export class CursorCodec {
  constructor(private readonly secret: string) {}

  encode(queryFingerprint: string, position: Position): string {
    const payload = Buffer.from(JSON.stringify({ q: queryFingerprint, p: position })).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  /** Returns the position, or fails with BAD_USER_INPUT on `field` for a cursor of another query. */
  decode(cursor: string, queryFingerprint: string, field = 'after'): Position {
    const invalid = BadUserInputError.field(field, 'The cursor is not valid for this list. Start again from the first page.');
    const [payload, signature, ...rest] = cursor.split('.');
    if (!payload || !signature || rest.length > 0) throw invalid;
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid;
    const decoded: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (!isCursorPayload(decoded) || decoded.q !== queryFingerprint) throw invalid;
    return decoded.p;
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}

function isCursorPayload(value: unknown): value is { q: string; p: Position } {
  if (typeof value !== 'object' || value === null) return false;
  const { q, p } = value as { q?: unknown; p?: unknown };
  return (
    typeof q === 'string' &&
    typeof p === 'object' &&
    p !== null &&
    Object.values(p).every((attribute) => typeof attribute === 'string')
  );
}

/** A short stable digest of everything that defines a query's result set and order. */
export function fingerprint(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 22);
}
