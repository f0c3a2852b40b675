import { pageFields } from '@yizhan/shared';
import { type ClassType, Field, Int, ObjectType } from 'type-graphql';
import { argsTypeOf } from './declared-types';
import type { Page } from './page';

@ObjectType('PageInfo', { description: 'Relay page info. Pages go forward: pass `endCursor` as `after`.' })
class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'True when the page was read `after` a cursor.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "The first edge's cursor; null on an empty page." })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The last edge's cursor, on every page. Null on an empty page, unless `hasNextPage` (a filter that matched nothing within one page's reading budget): then it continues where reading stopped.",
  })
  endCursor!: string | null;
}

/** `first` and `after` of every list, declared in `shared/`. */
export const PageArgs = argsTypeOf('PageArgs', pageFields);

export interface Connection<T> {
  nodes: T[];
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount(): Promise<number>;
}

/**
 * Declares `<Name>Connection` and `<Name>Edge` for a node type. `totalCount` is resolved lazily:
 * exact, from counters where they cover the filter, otherwise by a counting Query.
 */
export function connectionType<T extends object>(
  name: string,
  nodeType: ClassType<T>,
): ClassType<Connection<T>> & { of(page: Page<object>): Connection<T> } {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String, { description: 'Pass as `after` to continue right after this node.' })
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionOfNode implements Connection<T> {
    @Field(() => [nodeType])
    nodes!: T[];

    @Field(() => [Edge], { description: 'Page with these (Apollo Client’s relayStylePagination merges edges).' })
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    countTotal!: () => Promise<number>;

    @Field(() => Int, { description: 'Exact number of records that match the filter, over all pages.' })
    totalCount(): Promise<number> {
      return this.countTotal();
    }

    /** Records are shaped like the node type; GraphQL reads the fields it declares. */
    static of(page: Page<object>): ConnectionOfNode {
      const nodes = page.nodes as T[];
      const edges = nodes.map((node, index) => ({ cursor: page.cursors[index]!, node }));
      return Object.assign(new ConnectionOfNode(), {
        nodes: [...nodes],
        edges,
        pageInfo: {
          hasNextPage: page.hasNextPage,
          hasPreviousPage: page.hasPreviousPage,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? page.continuation,
        },
        countTotal: page.countTotal,
      });
    }
  }
  return ConnectionOfNode;
}
