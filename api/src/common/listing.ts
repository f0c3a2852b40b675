import type { RecordMeta } from '@yizhan/shared';
import type { RecordQuery } from '../store/entity-layout';
import type { RecordStore } from '../store/entity-store';
import type { Position, Total } from '../store/list';
import { type CursorCodec, fingerprint } from './cursor';
import type { Page } from './page';

export interface ListRequest {
  readonly query: RecordQuery;
  readonly first: number;
  readonly after: string | null | undefined;
  /** Everything that defines the result besides the query (the list's name). */
  readonly list: string;
  /** What the cursor is bound to, when it differs from the query (e.g. "overdue" rather than the instant it meant). */
  readonly identity?: unknown;
  readonly countTotal: () => Promise<Total>;
}

/**
 * The cursor of each edge, signed only when a client asks for it (most pages are read by
 * `pageInfo.endCursor` alone). A filtered read may stop past the last match; the records it
 * skipped do not match, so the last edge may as well continue from there, and a client paging
 * by it makes progress.
 */
export function edgeCursor(cursors: CursorCodec, queryId: string, positions: readonly Position[], continuation: string | null): (index: number) => string {
  return (index) => (continuation && index === positions.length - 1 ? continuation : cursors.encode(queryId, positions[index]!));
}

/**
 * Reads a page through a store and signs its cursors for exactly this query, the viewer's scope
 * included (the query carries it), so a cursor is refused by any other list or viewer scope.
 */
export async function readPage<R extends RecordMeta>(store: RecordStore<R>, cursors: CursorCodec, request: ListRequest): Promise<Page<R>> {
  const queryId = fingerprint([request.list, request.identity ?? request.query]);
  const start = request.after ? cursors.decode(request.after, queryId) : undefined;
  const page = await store.page(request.query, request.first, start);
  const continuation = page.hasNextPage && page.endPosition ? cursors.encode(queryId, page.endPosition) : null;
  return {
    nodes: page.records,
    cursor: edgeCursor(cursors, queryId, page.positions, continuation),
    hasNextPage: page.hasNextPage,
    hasPreviousPage: Boolean(request.after),
    continuation,
    countTotal: request.countTotal,
  };
}
