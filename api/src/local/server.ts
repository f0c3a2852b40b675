import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap } from '@apollo/server';
import { normalizeCreditCode } from '@yizhan/shared';
import { type Application, createApplication } from '../app';
import { type Environment, readConfig } from '../config';
import { currentRequestId, runWithRequestId } from '../request-context';
import { checkStorage } from '../store/health';
import { scheduleSweeps } from '../sweeper/sweeper';
import { DEFAULT_DEV_PASSWORD, type DemoUser, demoUsers } from './demo-users';
import { DevIssuer } from './dev-issuer';
import { hashPassword, verifyPassword } from './password';

const LOCAL_AUDIENCE = 'yizhan-local';
const TOKEN_LIFETIME_SECONDS = 8 * 60 * 60;
const MAX_BODY_BYTES = 1024 * 1024;

export interface LocalServerOptions {
  /** 0 picks a free port. */
  readonly port: number;
  readonly host?: string;
  readonly tableName: string;
  readonly dynamodbEndpoint: string | undefined;
  /** Further settings (GRAPHQL_INTROSPECTION, LOG_LEVEL, YIZHAN_DEV_PASSWORD …). */
  readonly environment?: Environment;
  /** Keeps the dev signing key across restarts. */
  readonly signingKeyFile?: string;
}

export interface LocalServer {
  readonly url: string;
  readonly port: number;
  readonly application: Application;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.error));
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, { error: 'payload_too_large' });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

/**
 * The local server: the same Apollo server as the Lambda behind Node's HTTP server, plus the
 * dev issuer's login and JWKS, and a health check.
 */
export async function startLocalServer(options: LocalServerOptions): Promise<LocalServer> {
  const host = options.host ?? '127.0.0.1';
  const httpServer: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const issuer = `http://localhost:${port}`;
  const environment = options.environment ?? {};
  const config = readConfig({
    APP_ENV: 'development',
    LOG_LEVEL: 'WARN',
    ...environment,
    TABLE_NAME: options.tableName,
    DYNAMODB_ENDPOINT: options.dynamodbEndpoint,
    AUTH_ISSUER: issuer,
    AUTH_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    AUTH_AUDIENCE: LOCAL_AUDIENCE,
    CURSOR_SECRET: environment.CURSOR_SECRET ?? randomBytes(32).toString('base64url'),
  });
  const application = createApplication(config);
  const devIssuer = await DevIssuer.create(issuer, LOCAL_AUDIENCE, options.signingKeyFile);
  const password = environment.YIZHAN_DEV_PASSWORD || DEFAULT_DEV_PASSWORD;
  const passwordHashes = new Map<string, string>(
    await Promise.all(demoUsers.map(async (user) => [user.username, await hashPassword(password)] as const)),
  );
  await application.server.start();
  const stopSweeps = scheduleSweeps(application, config.sweepIntervalSeconds);

  const login = async (body: string): Promise<{ accessToken: string; expiresIn: number }> => {
    let credentials: { username?: unknown; password?: unknown };
    try {
      credentials = JSON.parse(body) as typeof credentials;
    } catch {
      throw new HttpError(400, { error: 'invalid_request', message: 'Send JSON { "username", "password" }.' });
    }
    const user = demoUsers.find((candidate) => candidate.username === credentials.username);
    const hash = user && passwordHashes.get(user.username);
    const valid = typeof credentials.password === 'string' && hash !== undefined && (await verifyPassword(credentials.password, hash));
    if (!user || !valid) {
      application.logger.info('login', { requestId: currentRequestId() ?? null, outcome: 'INVALID_CREDENTIALS' });
      throw new HttpError(401, { error: 'invalid_credentials', message: 'Wrong username or password.' });
    }
    application.logger.info('login', { requestId: currentRequestId() ?? null, outcome: 'OK', userId: `local:${user.username}` });
    const accessToken = await devIssuer.sign(await resolveSubject(application, user), TOKEN_LIFETIME_SECONDS);
    return { accessToken, expiresIn: TOKEN_LIFETIME_SECONDS };
  };

  const handleGraphql = async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> => {
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const bodyText = request.method === 'POST' ? await readBody(request) : '';
    let body: unknown = bodyText;
    if (bodyText && (headers.get('content-type') ?? '').includes('application/json')) {
      try {
        body = JSON.parse(bodyText);
      } catch {
        throw new HttpError(400, { errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
      }
    }
    const result = await application.server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body },
      context: () => application.contextFor(headers.get('authorization')),
    });
    for (const [name, value] of result.headers) response.setHeader(name, value);
    response.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      response.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  };

  httpServer.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const requestId = randomUUID();
    response.setHeader('x-request-id', requestId);
    const crossOrigin = allowCrossOrigin(request, response, config.corsOrigins);
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`);
    void runWithRequestId(requestId, async () => {
      try {
        if (request.method === 'OPTIONS') {
          response.writeHead(crossOrigin === 'refused' ? 403 : 204).end();
        } else if (url.pathname === '/graphql') {
          await handleGraphql(request, response, url);
        } else if (url.pathname === '/auth/login' && request.method === 'POST') {
          sendJson(response, 200, await login(await readBody(request)));
        } else if (url.pathname === '/.well-known/jwks.json' && request.method === 'GET') {
          sendJson(response, 200, devIssuer.jwks());
        } else if (url.pathname === '/health' && request.method === 'GET') {
          // Its own short timeout: a load balancer learns of a stalled database at once.
          const storage = await checkStorage(application.client, config.tableName);
          sendJson(response, storage.ok ? 200 : 503, {
            status: storage.ok ? 'ok' : 'unavailable',
            dynamodb: { table: config.tableName, status: storage.tableStatus },
          });
        } else {
          sendJson(response, 404, { error: 'not_found', message: 'Try POST /graphql, POST /auth/login or GET /health.' });
        }
      } catch (error) {
        if (error instanceof HttpError) {
          sendJson(response, error.status, error.body);
          return;
        }
        application.logger.error('Unhandled error in local server', { requestId, error: error as Error });
        if (!response.headersSent) sendJson(response, 500, { error: 'internal_error', requestId });
        else response.end();
      }
    });
  });

  return {
    url: `http://localhost:${port}`,
    port,
    application,
    close: async () => {
      await stopSweeps();
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
      await application.server.stop();
      application.client.destroy();
    },
  };
}

/** Headers a browser client may send: ours, and those Apollo Client adds. */
const ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'apollographql-client-name',
  'apollographql-client-version',
].join(', ');

/**
 * CORS for the configured console origins only. Answers whether the request came from another
 * origin and was allowed, refused, or came from no browser origin at all.
 */
function allowCrossOrigin(request: IncomingMessage, response: ServerResponse, origins: readonly string[]): 'allowed' | 'refused' | 'none' {
  response.setHeader('vary', 'Origin');
  const origin = request.headers.origin;
  if (!origin) return 'none';
  if (!origins.includes(origin)) return 'refused';
  response.setHeader('access-control-allow-origin', origin);
  response.setHeader('access-control-allow-headers', ALLOWED_HEADERS);
  response.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  response.setHeader('access-control-expose-headers', 'x-request-id');
  response.setHeader('access-control-max-age', '600');
  return 'allowed';
}

/** Station codes and the credit code of a demo user become the ids the token carries. */
async function resolveSubject(application: Application, user: DemoUser) {
  const stationIds = await Promise.all(user.stationCodes.map((code) => application.stores.stations.idByUnique('code', code)));
  const enterpriseId = user.enterpriseCreditCode
    ? ((await application.stores.enterprises.idByUnique('creditCode', normalizeCreditCode(user.enterpriseCreditCode))) ?? null)
    : null;
  return {
    id: `local:${user.username}`,
    username: user.username,
    roles: user.roles,
    stationIds: stationIds.filter((id): id is string => id !== undefined),
    enterpriseId,
  };
}
