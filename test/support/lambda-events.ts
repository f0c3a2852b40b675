import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** A POST /graphql as API Gateway's HTTP API (payload v2) hands it to the function. */
export function graphqlEvent(body: unknown, token?: string): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: 'POST /graphql',
    rawPath: '/graphql',
    rawQueryString: '',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example.com',
      domainPrefix: 'api',
      http: { method: 'POST', path: '/graphql', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
      requestId: 'gateway-request',
      routeKey: 'POST /graphql',
      stage: '$default',
      time: '26/Nov/2026:08:00:00 +0000',
      timeEpoch: 1_795_000_000_000,
    },
    body: JSON.stringify(body),
    isBase64Encoded: false,
  };
}
