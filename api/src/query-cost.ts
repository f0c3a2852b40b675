import type { ApolloServerPlugin } from '@apollo/server';
import { MAX_PAGE_SIZE } from '@yizhan/shared';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type SelectionSetNode,
  type ValueNode,
  valueFromASTUntyped,
} from 'graphql';

/** graphql-armor's weights: an object costs 2, a scalar 1, each level nested 1.5 times its parent's share. */
const OBJECT_COST = 2;
const SCALAR_COST = 1;
const DEPTH_FACTOR = 1.5;
/** The fields of a connection that hold its records: they count once per record asked for. */
const PAGE_RECORDS = new Set(['nodes', 'edges']);

/**
 * The cost of an operation, counted with graphql-armor's weights and fragments flattened, except
 * that a page's records count as many times as the request really asks for: the `first`
 * argument as a literal, a variable's value, or the argument's default. (graphql-armor counts
 * only literals, so `first: $first` with 100 cost as much as `first: 1`, and an omitted `first`
 * as 1, not 25; and it multiplies a page's `totalCount` too, which is read once.)
 */
function operationCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown>): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const operation = document.definitions.find(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION && (!operationName || definition.name?.value === operationName),
  );
  if (operation?.kind !== Kind.OPERATION_DEFINITION) return 0;
  const rootType = schema.getRootType(operation.operation);
  const defaults = new Map(operation.variableDefinitions?.map((definition) => [definition.variable.name.value, definition.defaultValue]) ?? []);

  const requestedValue = (node: ValueNode): unknown => {
    if (node.kind !== Kind.VARIABLE) return valueFromASTUntyped(node);
    const name = node.name.value;
    if (variables[name] !== undefined && variables[name] !== null) return variables[name];
    const fallback = defaults.get(name);
    return fallback ? valueFromASTUntyped(fallback) : undefined;
  };

  /**
   * The summed costs of a selection set's fields, fragments flattened into it; within a page of
   * `pageSize`, the records (`nodes`, `edges`) count that many times, its total and page info once.
   */
  const selectionsCost = (selectionSet: SelectionSetNode, parent: GraphQLNamedType, seen: ReadonlySet<string>, pageSize = 1): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const times = PAGE_RECORDS.has(selection.name.value) ? pageSize : 1;
        total += times * fieldCost(selection.name.value, selection.arguments ?? [], selection.selectionSet, parent, seen);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) ?? parent) : parent;
        total += selectionsCost(selection.selectionSet, type, seen, pageSize);
      } else {
        const fragment = fragments.get(selection.name.value);
        // A fragment spread within itself is refused by validation; counting stops here.
        if (!fragment || seen.has(fragment.name.value)) continue;
        const type = schema.getType(fragment.typeCondition.name.value) ?? parent;
        total += selectionsCost(fragment.selectionSet, type, new Set([...seen, fragment.name.value]), pageSize);
      }
    }
    return total;
  };

  const fieldCost = (
    name: string,
    argumentNodes: readonly { name: { value: string }; value: ValueNode }[],
    selectionSet: SelectionSetNode | undefined,
    parent: GraphQLNamedType,
    seen: ReadonlySet<string>,
  ): number => {
    if (!selectionSet) return SCALAR_COST;
    const definition = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
    const firstNode = argumentNodes.find((argument) => argument.name.value === 'first');
    const first = firstNode ? requestedValue(firstNode.value) : definition?.args.find((argument) => argument.name === 'first')?.defaultValue;
    // Beyond the page size limits the input check refuses it, with a clearer message than a cost.
    const size = typeof first === 'number' && Number.isFinite(first) ? Math.min(MAX_PAGE_SIZE, Math.max(1, first)) : 1;
    const type = definition ? getNamedType(definition.type) : parent;
    return OBJECT_COST + DEPTH_FACTOR * selectionsCost(selectionSet, type, seen, size);
  };

  return rootType ? selectionsCost(operation.selectionSet, rootType, new Set()) : 0;
}

/**
 * Refuses an operation costing more than `maxCost` (see `operationCost`) with 400, once its
 * variables are known, before anything is resolved.
 */
export function queryCostLimit<TContext extends object>(maxCost: number): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operationName, request }) {
          const cost = operationCost(schema, document, operationName, request.variables ?? {});
          if (cost > maxCost) {
            throw new GraphQLError(`Query cost limit of ${maxCost} exceeded, found ${Math.ceil(cost)}: ask for fewer records (first) or fewer fields.`, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
