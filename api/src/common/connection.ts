import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

@ObjectType('PageInfo')
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to read the next page.' })
  endCursor!: string | null;
}

/** `first` and `after` of every list. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` })
  @Min(1, { message: 'first must be at least 1.' })
  @Max(MAX_PAGE_SIZE, { message: `first must be at most ${MAX_PAGE_SIZE}.` })
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: "The previous page's `pageInfo.endCursor`." })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'after is not a cursor of this API.' })
  after?: string | null;
}

/** One page as the services produce it, before it becomes a GraphQL connection. */
export interface Page<T> {
  readonly nodes: readonly T[];
  readonly cursors: readonly string[];
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
  /** Counts every match across pages; only called when a client asks for `totalCount`. */
  readonly countTotal: () => Promise<number>;
}

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
    @Field(() => String)
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionOfNode implements Connection<T> {
    @Field(() => [nodeType])
    nodes!: T[];

    @Field(() => [Edge])
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
      return Object.assign(new ConnectionOfNode(), {
        nodes: [...nodes],
        edges: nodes.map((node, index) => ({ cursor: page.cursors[index]!, node })),
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
        countTotal: page.countTotal,
      });
    }
  }
  return ConnectionOfNode;
}
