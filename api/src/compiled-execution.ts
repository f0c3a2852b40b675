import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import {
  type DocumentNode,
  type ExecutionResult,
  execute,
  GraphQLError,
  type GraphQLSchema,
  getVariableValues,
  type OperationDefinitionNode,
  type Source,
  type SourceLocation,
} from 'graphql';
import type { CompiledQuery } from 'graphql-jit';

/**
 * How many times a document is executed by graphql-js before it is compiled. A compiled query
 * answers a page with a fraction of graphql-js's work per field, but compiling costs a few
 * milliseconds: a document asked once (a cold start's first query, a one-off report) is never
 * compiled; the console's and the apps' queries, asked again and again, are compiled on their
 * second request.
 */
const EXECUTIONS_BEFORE_COMPILING = 1;

/** graphql-js's cap on variable errors reported at once (its `execute` default). */
const MAX_VARIABLE_ERRORS = 50;

/** One parsed document (Apollo keeps one object per query text in its document store). */
interface DocumentState {
  executions: number;
  /**
   * By operation name, compiled once however many requests ask at the same time; `null` when
   * graphql-jit cannot compile it, so it stays with graphql-js.
   */
  readonly compiled: Map<string, Promise<CompiledQuery | null>>;
  /** Offsets of the document's lines, to place compiled errors as graphql-js does. */
  lineStarts?: number[];
}

/** graphql-jit, loaded when the first document is compiled rather than at start-up. */
let jit: Promise<typeof import('graphql-jit')> | undefined;

function lineStartsOf(source: Source): number[] {
  const starts = [0];
  for (const match of source.body.matchAll(/\r\n|[\n\r]/g)) starts.push(match.index + match[0].length);
  return starts;
}

/**
 * An error of a compiled query as graphql-js's `execute` gives it: graphql-jit's errors carry
 * no `nodes` and leave `extensions` unset, and wrap even errors that are already located. The
 * contract's codes, `retryable` and HTTP statuses ride on these, so the two must not differ.
 */
function asGraphqlJsError(error: GraphQLError, source: Source | undefined, lineStarts: readonly number[]): GraphQLError {
  const original = error.originalError;
  // Resolvers' own GraphQL errors, once located, are reported as thrown (graphql-js's locatedError).
  if (original instanceof GraphQLError && original.path) return original;
  const positions = source && error.locations?.map((location: SourceLocation) => (lineStarts[location.line - 1] ?? 0) + location.column - 1);
  const placed = original instanceof GraphQLError && (original.nodes || original.positions) ? { nodes: original.nodes, source: original.source, positions: original.positions } : { source, positions };
  return new GraphQLError(original?.message ?? error.message, { ...placed, path: error.path, originalError: original });
}

/**
 * Executes operations for Apollo Server, through its gateway interface (the one way it accepts
 * an executor other than its own): graphql-js first, then, for a document asked again, a query
 * compiled by graphql-jit into JavaScript. Apollo parses, validates, checks the limits and formats errors
 * as before; variables are checked by graphql-js either way, and compiled errors are given
 * graphql-js's shape, so both answer the same (test/api/compiled-execution.test.ts). Compiled
 * queries live as long as Apollo keeps their document.
 */
export class CompilingExecutor<TContext extends object> {
  private readonly documents = new WeakMap<DocumentNode, DocumentState>();
  private compiledCount = 0;

  constructor(private readonly schema: GraphQLSchema) {}

  /** How many operations have been compiled so far. */
  get compiledOperations(): number {
    return this.compiledCount;
  }

  /** What Apollo Server takes as `gateway`: the schema, once, and the executor. */
  get gateway(): ApolloServerOptionsWithGateway<TContext>['gateway'] {
    return {
      onSchemaLoadOrUpdate: (callback) => {
        callback({ apiSchema: this.schema, coreSupergraphSdl: '' });
        return () => undefined;
      },
      load: async () => ({
        executor: ({ document, operationName, operation, context, request }) => this.execute(document, operation, operationName, context, request.variables ?? {}),
      }),
      stop: async () => undefined,
    };
  }

  private async execute(
    document: DocumentNode,
    operation: OperationDefinitionNode,
    operationName: string | null,
    context: object,
    variables: Record<string, unknown>,
  ): Promise<ExecutionResult> {
    let state = this.documents.get(document);
    if (!state) {
      state = { executions: 0, compiled: new Map() };
      this.documents.set(document, state);
    }
    state.executions += 1;
    const compiled = state.executions > EXECUTIONS_BEFORE_COMPILING ? await this.compiledFor(document, state, operationName) : null;
    if (!compiled) return execute({ schema: this.schema, document, contextValue: context, variableValues: variables, operationName });

    // Variables are refused with graphql-js's errors (Apollo answers those 400 BAD_USER_INPUT).
    const checked = getVariableValues(this.schema, operation.variableDefinitions ?? [], variables, { maxErrors: MAX_VARIABLE_ERRORS });
    if (checked.errors) return { errors: checked.errors };
    const result = await compiled.query(undefined, context, variables);
    if (!result.errors) return result;
    const source = document.loc?.source;
    state.lineStarts ??= source ? lineStartsOf(source) : [];
    const lineStarts = state.lineStarts;
    return { ...result, errors: result.errors.map((error) => asGraphqlJsError(error, source, lineStarts)) };
  }

  private compiledFor(document: DocumentNode, state: DocumentState, operationName: string | null): Promise<CompiledQuery | null> {
    const key = operationName ?? '';
    let compiled = state.compiled.get(key);
    if (!compiled) {
      compiled = this.compile(document, operationName);
      state.compiled.set(key, compiled);
    }
    return compiled;
  }

  private async compile(document: DocumentNode, operationName: string | null): Promise<CompiledQuery | null> {
    try {
      jit ??= import('graphql-jit');
      const { compileQuery, isCompiledQuery } = await jit;
      const compiled = compileQuery(this.schema, document, operationName ?? undefined);
      if (!isCompiledQuery(compiled)) return null;
      this.compiledCount += 1;
      return compiled;
    } catch {
      // Something graphql-jit does not handle: graphql-js, the reference, keeps running it.
      return null;
    }
  }
}
