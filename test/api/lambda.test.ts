import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi } from '../support/api';
import { createStation } from '../support/fixtures';
import { graphqlEvent } from '../support/lambda-events';

const lambdaContext = { awsRequestId: 'lambda-request-1' } as Context;

describe('Lambda handler (API Gateway HTTP API v2)', () => {
  let api: TestApi;
  let handler: (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

  beforeAll(async () => {
    api = await TestApi.start();
    await createStation(api, { code: 'LAMBDA1' });
    // The handler reads its configuration from the environment once, at import, as in AWS.
    Object.assign(process.env, {
      APP_ENV: 'production',
      TABLE_NAME: api.tableName,
      DYNAMODB_ENDPOINT: api.server.application.config.dynamodbEndpoint,
      AUTH_ISSUER: api.server.application.config.auth.issuer,
      AUTH_JWKS_URL: api.server.application.config.auth.jwksUrl,
      AUTH_AUDIENCE: api.server.application.config.auth.audience,
      CURSOR_SECRET: 'lambda-test-secret-of-at-least-32-characters',
      LOG_LEVEL: 'CRITICAL',
    });
    ({ handler } = (await import('../../api/src/lambda')) as unknown as { handler: typeof handler });
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('answers a public query from the same table as the local server', async () => {
    const result = await handler(graphqlEvent({ query: '{ stations { totalCount nodes { code } } }' }), lambdaContext);
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body!)).toEqual({ data: { stations: { totalCount: 1, nodes: [{ code: 'LAMBDA1' }] } } });
  });

  it('verifies bearer tokens through the issuer’s JWKS, as with Cognito', async () => {
    const token = await api.tokenFor('admin');
    const signedIn = await handler(graphqlEvent({ query: '{ me { username roles } }' }, token), lambdaContext);
    const anonymous = await handler(graphqlEvent({ query: '{ me { username } }' }), lambdaContext);
    expect(JSON.parse(signedIn.body!)).toEqual({ data: { me: { username: 'admin', roles: ['ADMIN'] } } });
    expect(JSON.parse(anonymous.body!).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('follows the production defaults: no introspection', async () => {
    const result = await handler(graphqlEvent({ query: '{ __schema { queryType { name } } }' }), lambdaContext);
    expect(result.statusCode).toBe(400);
    expect(JSON.parse(result.body!).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
