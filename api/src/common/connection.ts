import { pageFields } from '@yizhan/shared';
import { type ClassType, Field, Int, ObjectType } from 'type-graphql';
import { COUNT_READ_BUDGET, type Total } from '../store/list';
import { argsTypeOf } from './declared-types';
import type { Page } from './page';

@ObjectType('PageInfo', { simpleResolvers: true, description: 'Relay page info. Pages go forward: pass `endCursor` as `after`.' })
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
  edges: { readonly cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount(): Promise<number>;
  totalCountIsExact(): Promise<boolean>;
}

/**
 * Declares `<Name>Connection` and `<Name>Edge` for a node type. `totalCount` is resolved lazily,
 * once for both of its fields: exact from counters where they cover the filter, otherwise by a
 * counting Query with a budget. Edge cursors are signed only when asked for.
 */
export function connectionType<T extends object>(
  name: string,
  nodeType: ClassType<T>,
): ClassType<Connection<T>> & { of(page: Page<object>): Connection<T> } {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class Edge {
    @Field(() => String, { description: 'Pass as `after` to continue right after this node.' })
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true })
  class ConnectionOfNode implements Connection<T> {
    @Field(() => [nodeType])
    nodes!: T[];

    @Field(() => [Edge], { description: 'Page with these (Apollo Client’s relayStylePagination merges edges).' })
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    total!: () => Promise<Total>;

    @Field(() => Int, {
      description: `Number of records that match the filter, over all pages. Exact when \`totalCountIsExact\`: always for the filters counters cover (none, one station, one enterprise, one facet value); otherwise counted over at most ${COUNT_READ_BUDGET} records, and beyond that the matches among them, a lower bound.`,
    })
    async totalCount(): Promise<number> {
      return (await this.total()).count;
    }

    @Field(() => Boolean, { description: 'False when `totalCount` is a lower bound (a text search or range over a large list): show it as "N+".' })
    async totalCountIsExact(): Promise<boolean> {
      return (await this.total()).exact;
    }

    /** Records are shaped like the node type; GraphQL reads the fields it declares. */
    static of(page: Page<object>): ConnectionOfNode {
      const nodes = page.nodes as T[];
      const edges = nodes.map((node, index) => ({
        node,
        get cursor() {
          return page.cursor(index);
        },
      }));
      const last = nodes.length - 1;
      let total: Promise<Total> | undefined;
      return Object.assign(new ConnectionOfNode(), {
        nodes: [...nodes],
        edges,
        pageInfo: {
          hasNextPage: page.hasNextPage,
          hasPreviousPage: page.hasPreviousPage,
          get startCursor() {
            return last >= 0 ? page.cursor(0) : null;
          },
          get endCursor() {
            return last >= 0 ? page.cursor(last) : page.continuation;
          },
        },
        total: () => {
          total ??= page.countTotal();
          return total;
        },
      });
    }
  }
  return ConnectionOfNode;
}
