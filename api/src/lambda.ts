import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context as LambdaContext } from 'aws-lambda';
import { createApplication } from './app';
import { loadConfig } from './config';
import { runWithRequestId } from './request-context';
import { readSecretString } from './secrets';

/**
 * Created once per Lambda instance, reused across invocations; the cursor key is fetched here,
 * and the token issuer's keys start loading, before the first request.
 */
const application = createApplication(await loadConfig(readSecretString), { prefetchKeys: true });

const graphqlHandler = startServerAndCreateLambdaHandler(
  application.server,
  handlers.createAPIGatewayProxyEventV2RequestHandler(),
  {
    context: ({ event }) => application.contextFor(event.headers.authorization ?? event.headers.Authorization),
  },
);

/**
 * API Gateway HTTP API (payload v2) → GraphQL. The Lambda request id names the request in logs
 * and errors, and comes back as `x-request-id`, as from the local server.
 */
export async function handler(event: APIGatewayProxyEventV2, context: LambdaContext): Promise<APIGatewayProxyStructuredResultV2> {
  const requestId = context.awsRequestId || event.requestContext?.requestId || randomUUID();
  application.logger.appendKeys({ requestId });
  // The handler is promise-based: it always resolves with a result (its type admits the callback style too).
  const result = (await runWithRequestId(requestId, () => graphqlHandler(event, context, () => undefined))) as APIGatewayProxyStructuredResultV2;
  return { ...result, headers: { ...result.headers, 'x-request-id': requestId } };
}
