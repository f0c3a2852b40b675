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

/** A page with at most one record, for lookups that are not Queries (e.g. an enterprise's own user). */
export function singlePage<R>(records: readonly R[]): Page<R> {
  return { nodes: records, cursors: records.map(() => ''), hasNextPage: false, endCursor: null, countTotal: async () => records.length };
}
