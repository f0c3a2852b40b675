import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from './context';

/** The outcome of a request: OK, or the contract code of its first error. */
function outcomeOf(errors: readonly { extensions?: Record<string, unknown> }[] | undefined): { outcome: string; errorCodes: string[] } {
  const codes = [...new Set((errors ?? []).map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR')))];
  return { outcome: codes[0] ?? 'OK', errorCodes: codes };
}

/**
 * Stand-ins for values a request may lack: the logger drops keys whose value is null, and a
 * line without `userId` cannot be told from one that forgot it.
 */
const NO_OPERATION_NAME = '(anonymous)';
const NO_USER = 'anonymous';
const UNVERIFIED_USER = '(unverified)';

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
            operationName: operationName ?? NO_OPERATION_NAME,
            durationMs: Math.round((performance.now() - started) * 10) / 10,
            userId: contextValue.viewer?.id ?? NO_USER,
            httpStatus: response.http.status ?? 200,
            ...outcomeOf(body?.errors),
          });
        },
      };
    },
  };
}

/** The line for a request refused before execution (a bad token, or no keys to check it), which plugins never see. */
export function logRefusedRequest(logger: Logger, requestId: string, outcome: string, durationMs: number, httpStatus = 401): void {
  logger.info('graphql request', { requestId, operationName: NO_OPERATION_NAME, durationMs, userId: UNVERIFIED_USER, httpStatus, outcome, errorCodes: [outcome] });
}
