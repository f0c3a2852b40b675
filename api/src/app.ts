import { randomUUID } from 'node:crypto';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError } from 'graphql';
import { SigningKeysUnavailableError, TokenVerifier } from './auth/token-verifier';
import { type Backend, createBackend } from './backend';
import { CompilingExecutor } from './compiled-execution';
import type { Config } from './config';
import type { Context } from './context';
import { DomainError, ErrorCode, formatError } from './errors';
import { queryCostLimit } from './query-cost';
import { currentRequestId } from './request-context';
import { logRefusedRequest, requestLogPlugin } from './request-log';
import { RequestScope } from './request-scope';
import { getSchema } from './schema';
import { createServices } from './services';

/** Everything the GraphQL process creates once: the backend, the token verifier and the Apollo server. */
export interface Application extends Backend {
  readonly verifier: TokenVerifier;
  readonly server: ApolloServer<Context>;
  /** Runs Apollo's operations, compiling those asked again (`compiled-execution.ts`). */
  readonly execution: CompilingExecutor<Context>;
  /** Builds the GraphQL context from the request's Authorization header. */
  readonly contextFor: (authorization: string | undefined, requestId?: string) => Promise<Context>;
}

/** Most an operation may cost (`api/src/query-cost.ts`): a page of 100 records with their relations, not pages of pages. */
const MAX_QUERY_COST = 20_000;

/** Most tokens a query may have; graphql-js stops parsing there, answering 400 like any syntax error. */
const MAX_QUERY_TOKENS = 5_000;

export function createApplication(config: Config, options: { readonly prefetchKeys?: boolean } = {}): Application {
  const backend = createBackend(config);
  const { logger, stores, cursors } = backend;
  const verifier = new TokenVerifier(config.auth);
  // Fetched while the schema is built below, not on the first request.
  if (options.prefetchKeys) verifier.prefetchKeys();
  const armor = new ApolloArmor({
    // Fragments count by the fields they hold, not as levels of their own.
    maxDepth: { n: 12, flattenFragments: true },
    // Counted once the variables are known (queryCostLimit), so `first: $first` costs what it asks for.
    costLimit: { enabled: false },
    maxAliases: { n: 20 },
    // Counted by graphql-js's own parser (parseOptions below): armor's rule turns parse errors into 500s.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: !config.introspection },
  }).protect();

  const landingPage: ApolloServerPlugin<Context> = config.landingPage
    ? ApolloServerPluginLandingPageLocalDefault({ embed: true })
    : ApolloServerPluginLandingPageDisabled();

  const execution = new CompilingExecutor<Context>(getSchema());
  const server = new ApolloServer<Context>({
    gateway: execution.gateway,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: config.includeStacktraceInErrors,
    hideSchemaDetailsFromClientErrors: !config.introspection,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    parseOptions: { maxTokens: MAX_QUERY_TOKENS },
    plugins: [
      ...(armor.plugins as ApolloServerPlugin<Context>[]),
      queryCostLimit<Context>(MAX_QUERY_COST),
      landingPage,
      requestLogPlugin(logger),
      // Nothing of Apollo's own that we do not use: no cache hints to compute for every field, no
      // usage or schema reports, no federated traces (and none of them in the Lambda bundle).
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
    ],
    validationRules: armor.validationRules,
    formatError: (formatted, error) =>
      formatError(formatted, error, {
        includeStacktrace: config.includeStacktraceInErrors,
        hideSuggestions: !config.introspection,
        requestId: currentRequestId,
        logInternal: (internal, requestId) => logger.error('Unhandled error', { requestId, error: internal as Error }),
      }),
  });

  const contextFor = async (authorization: string | undefined, requestId: string = currentRequestId() ?? randomUUID()): Promise<Context> => {
    const started = performance.now();
    try {
      const viewer = await verifier.viewerFromHeader(authorization);
      const scope = new RequestScope(viewer, requestId);
      return { viewer, requestId, services: createServices(stores, cursors, scope, config), settings: config };
    } catch (error) {
      // Thrown before execution, so Apollo reports it as is: give it the contract's code and 401.
      if (error instanceof DomainError) {
        logRefusedRequest(logger, requestId, error.code, Math.round(performance.now() - started));
        throw new GraphQLError(error.message, { extensions: { code: error.code, http: { status: 401 } } });
      }
      if (error instanceof SigningKeysUnavailableError) {
        // The caller's token may be fine: a retryable outage, not a reason to sign them out.
        logger.error('Token keys unavailable', { requestId, error });
        logRefusedRequest(logger, requestId, ErrorCode.INTERNAL_SERVER_ERROR, Math.round(performance.now() - started), 503);
        throw new GraphQLError(`Sign-in cannot be checked right now. Try again shortly; quote request id ${requestId} if it persists.`, {
          extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId, retryable: true, http: { status: 503 } },
        });
      }
      throw error;
    }
  };

  return { ...backend, verifier, server, execution, contextFor };
}
