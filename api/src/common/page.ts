import type { Total } from '../store/list';

/** Pages as services produce them, before the GraphQL layer makes connections of them. */

/** The values of `PageArgs` after checks. */
export interface Paging {
  readonly first: number;
  readonly after?: string | null;
}

/** One page as the services produce it, before it becomes a GraphQL connection. */
export interface Page<T> {
  readonly nodes: readonly T[];
  /** The cursor after the node at `index` (signed on demand); the last one continues where reading stopped. */
  readonly cursor: (index: number) => string;
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  /** Where the next page starts when there are no nodes but more may match. */
  readonly continuation: string | null;
  /** Counts every match across pages; only called when a client asks for `totalCount`. */
  readonly countTotal: () => Promise<Total>;
}

/** A page with nothing in it. */
export function emptyPage<T>(): Page<T> {
  return { nodes: [], cursor: () => '', hasNextPage: false, hasPreviousPage: false, continuation: null, countTotal: async () => ({ count: 0, exact: true }) };
}
