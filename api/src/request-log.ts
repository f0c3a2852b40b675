import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from './context';

/** The outcome of a request: OK, or the contract code of its first error. */
function outcomeOf(errors: readonly { extensions?: Record<string, unknown> }[] | undefined): { outcome: string; errorCodes: string[] } {
  const codes = [...new Set((errors ?? []).map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR')))];
  return { outcome: codes[0] ?? 'OK', errorCodes: codes };
}

/**
 * One structured log line per GraphQL request: request id, operation, duration, outcome, user
 * id. Nothing the caller sent (variables, query text) and no personal data are logged.
 */
export function requestLogPlugin(logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ contextValue, operationName, response }) {
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          logger.info('graphql request', {
            requestId: contextValue.requestId,
            operationName: operationName ?? null,
            durationMs: Math.round((performance.now() - started) * 10) / 10,
            userId: contextValue.viewer?.id ?? null,
            httpStatus: response.http.status ?? 200,
            ...outcomeOf(body?.errors),
          });
        },
      };
    },
  };
}

/** The line for a request refused before execution (a bad token), which plugins never see. */
export function logRefusedRequest(logger: Logger, requestId: string, outcome: string, durationMs: number): void {
  logger.info('graphql request', { requestId, operationName: null, durationMs, userId: null, httpStatus: 401, outcome, errorCodes: [outcome] });
}
