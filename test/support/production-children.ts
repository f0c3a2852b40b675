/*
 * Processes for test/reliability/production-mode.test.ts, started without NODE_ENV as Lambda
 * runs: `server <table> <endpoint>` runs the local server in production (logging at LOG_LEVEL); `lambda <bundle.mjs>`
 * serves a bundled Lambda handler over HTTP, turning each request into an API Gateway (HTTP API,
 * payload v2) event. Each prints `{ "url" }` once listening and runs until it is killed.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { startLocalServer } from '../../api/src/local/server';

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

async function serveLambda(bundle: string): Promise<string> {
  const { handler } = (await import(pathToFileURL(bundle).href)) as { handler: Handler };
  let invocation = 0;
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const url = new URL(request.url ?? '/', 'http://localhost');
    const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(',') : (value ?? '')]));
    invocation += 1;
    const event = {
      version: '2.0',
      routeKey: '$default',
      rawPath: url.pathname,
      rawQueryString: url.search.slice(1),
      headers,
      requestContext: { http: { method: request.method ?? 'GET', path: url.pathname, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' }, requestId: `gateway-${invocation}` },
      body: chunks.length > 0 ? Buffer.concat(chunks).toString('utf8') : undefined,
      isBase64Encoded: false,
    } as unknown as APIGatewayProxyEventV2;
    const result = await handler(event, { awsRequestId: `lambda-${invocation}` } as Context);
    response.writeHead(result.statusCode ?? 200, result.headers as Record<string, string>);
    response.end(result.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const [kind, ...rest] = process.argv.slice(2);
const url =
  kind === 'lambda'
    ? await serveLambda(rest[0]!)
    : (
        await startLocalServer({
          port: 0,
          tableName: rest[0]!,
          dynamodbEndpoint: rest[1]!,
          environment: { APP_ENV: 'production', LOG_LEVEL: process.env.LOG_LEVEL ?? 'CRITICAL', CURSOR_SECRET: 'production-mode-test-secret-of-32-characters' },
        })
      ).url;
console.log(JSON.stringify({ url }));
