import type { CursorCodec, Position } from './cursor';
import { fingerprint } from './cursor';
import type { Page } from './connection';
import type { EntityStore, RecordMeta } from '../store/entity-store';
import type { ListPlan } from '../store/list';

export interface ListRequest {
  readonly plan: ListPlan;
  readonly first: number;
  readonly after: string | null | undefined;
  /** Everything that defines the result (list name, filter, sort, viewer scope). */
  readonly identity: unknown;
  readonly countTotal: () => Promise<number>;
}

/** Reads a page through a store and signs its cursors for exactly this query. */
export async function readPage<R extends RecordMeta>(
  store: EntityStore<R>,
  cursors: CursorCodec,
  request: ListRequest,
): Promise<Page<R>> {
  const queryId = fingerprint(request.identity);
  const start: Position | undefined = request.after ? cursors.decode(request.after, queryId) : undefined;
  const page = await store.page(request.plan, request.first, start);
  return {
    nodes: page.records,
    cursors: page.positions.map((position) => cursors.encode(queryId, position)),
    hasNextPage: page.hasNextPage,
    endCursor: page.endPosition ? cursors.encode(queryId, page.endPosition) : null,
    countTotal: request.countTotal,
  };
}
