import { createServer, type Server, type Socket } from 'node:net';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { exportJWK, exportSPKI, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { graphqlEvent } from '../support/lambda-events';

/**
 * The token refusal matrix, against the Lambda handler (the code that runs in AWS) and an issuer
 * whose keys this test holds: every forged, stale or misdirected token is refused with 401 and
 * UNAUTHENTICATED, even for a public query; a key set that cannot be fetched is a quick,
 * retryable 503, not a hang and not a sign-out.
 */
const ISSUER = 'https://cognito-idp.cn-north-1.amazonaws.com.cn/cn-north-1_TestPool';
const AUDIENCE = 'console-client-id';
const KID = 'issuer-key-1';
const PUBLIC_QUERY = { query: '{ serviceCatalog { channels { value } } }' };

type KeyMode = 'serve' | 'hang' | 'refuse';

/** A JWKS endpoint that serves the issuer's public key, never answers, or refuses connections. */
class KeySetEndpoint {
  mode: KeyMode = 'serve';
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(jwks: { keys: JWK[] }): Promise<KeySetEndpoint> {
    const body = JSON.stringify(jwks);
    const server = createServer();
    const endpoint: KeySetEndpoint = await new Promise((resolve) =>
      server.listen(0, '127.0.0.1', () => resolve(new KeySetEndpoint(server, `http://127.0.0.1:${(server.address() as { port: number }).port}/.well-known/jwks.json`))),
    );
    server.on('connection', (socket) => {
      endpoint.sockets.add(socket);
      socket.on('close', () => endpoint.sockets.delete(socket));
      if (endpoint.mode === 'refuse') socket.destroy();
      else if (endpoint.mode === 'serve') {
        socket.once('data', () => socket.end(`HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`));
      }
      // 'hang': accept and say nothing.
    });
    return endpoint;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

const base64url = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

describe('bearer tokens', () => {
  let handler: (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
  let keys: KeySetEndpoint;
  let issuerKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  let publicPem: string;
  let invocation = 0;

  /** Claims of a good access token of an administrator, as Cognito issues them. */
  const accessClaims = (): JWTPayload => ({ token_use: 'access', client_id: AUDIENCE, username: 'admin', 'cognito:groups': ['ADMIN'] });

  async function sign(claims: JWTPayload, options: { key?: typeof issuerKey; kid?: string; expiresIn?: string | number; issuer?: string } = {}): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: options.kid ?? KID })
      .setIssuer(options.issuer ?? ISSUER)
      .setSubject('user-1')
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '1h')
      .sign(options.key ?? issuerKey);
  }

  async function call(token: string | undefined, body: unknown = PUBLIC_QUERY) {
    invocation += 1;
    const started = performance.now();
    const result = await handler(graphqlEvent(body, token), { awsRequestId: `token-${invocation}` } as Context);
    return { status: result.statusCode, body: JSON.parse(result.body!) as { data?: unknown; errors?: { message: string; extensions: Record<string, unknown> }[] }, ms: performance.now() - started };
  }

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256', { extractable: true });
    issuerKey = pair.privateKey;
    publicPem = await exportSPKI(pair.publicKey);
    keys = await KeySetEndpoint.start({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: KID, alg: 'ES256', use: 'sig' }] });
    // The handler fetches the key set as it starts; refused then, it holds no keys, and the first
    // requests below must fetch them (without this, whether they must depends on timing).
    keys.mode = 'refuse';
    // The handler reads its configuration once, at import, as in AWS; these tokens need no table.
    Object.assign(process.env, {
      APP_ENV: 'production',
      TABLE_NAME: 'tokens-need-no-table',
      DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'),
      AUTH_ISSUER: ISSUER,
      AUTH_JWKS_URL: keys.url,
      AUTH_AUDIENCE: AUDIENCE,
      CURSOR_SECRET: 'token-test-secret-of-at-least-32-characters',
      LOG_LEVEL: 'CRITICAL',
    });
    ({ handler } = (await import('../../api/src/lambda')) as unknown as { handler: typeof handler });
  });

  afterAll(async () => {
    await keys?.stop();
  });

  it.each<[KeyMode, number]>([
    ['refuse', 1_000],
    ['hang', 4_500],
  ])('answers 503 with a retryable error, quickly, when the key set endpoint does not serve (%s)', async (mode, withinMs) => {
    // Prepare: no key set held (its fetch at start-up was refused, and these run first), so the token's key must be fetched.
    const token = await sign(accessClaims());
    keys.mode = mode;

    try {
      // Act
      const result = await call(token);

      // Assess
      expect(result.status).toBe(503);
      expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', retryable: true, requestId: `token-${invocation}` });
      expect(result.body.errors?.[0]?.message).toMatch(/Sign-in cannot be checked right now/);
      expect(JSON.stringify(result.body)).not.toMatch(/127\.0\.0\.1|jwks|ECONN|timeout/i);
      expect(result.ms).toBeLessThan(withinMs);
    } finally {
      keys.mode = 'serve';
    }
  });

  it('accepts a good access token: the matrix below differs from it in one thing each', async () => {
    // Act
    const result = await call(await sign(accessClaims()), { query: '{ me { username roles } }' });

    // Assess
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ data: { me: { username: 'admin', roles: ['ADMIN'] } } });
  });

  it.each<[string, () => Promise<string>]>([
    ['expired (beyond the 5 s tolerance)', () => sign(accessClaims(), { expiresIn: Math.floor(Date.now() / 1000) - 60 })],
    ['from another issuer', () => sign(accessClaims(), { issuer: 'https://cognito-idp.cn-north-1.amazonaws.com.cn/cn-north-1_Other' })],
    ['for another app client', () => sign({ ...accessClaims(), client_id: 'another-client' })],
    ['without a subject', () => new SignJWT(accessClaims()).setProtectedHeader({ alg: 'ES256', kid: KID }).setIssuer(ISSUER).setExpirationTime('1h').sign(issuerKey)],
    [
      'tampered (groups raised after signing)',
      async () => {
        const [header, , signature] = (await sign({ ...accessClaims(), 'cognito:groups': ['VIEWER'] })).split('.');
        const payload = { ...accessClaims(), sub: 'user-1', iss: ISSUER, exp: Math.floor(Date.now() / 1000) + 3600 };
        return `${header}.${base64url(payload)}.${signature}`;
      },
    ],
    ['unsigned (alg: none)', async () => `${base64url({ alg: 'none', typ: 'JWT', kid: KID })}.${base64url({ ...accessClaims(), sub: 'user-1', iss: ISSUER, exp: Math.floor(Date.now() / 1000) + 3600 })}.`],
    [
      'HS256 keyed with the issuer’s public key',
      () =>
        new SignJWT(accessClaims())
          .setProtectedHeader({ alg: 'HS256', kid: KID })
          .setIssuer(ISSUER)
          .setSubject('user-1')
          .setExpirationTime('1h')
          .sign(new TextEncoder().encode(publicPem)),
    ],
    ['signed by another key under the issuer’s kid', async () => sign(accessClaims(), { key: (await generateKeyPair('ES256')).privateKey })],
    ['signed under a kid the issuer does not have', async () => sign(accessClaims(), { key: (await generateKeyPair('ES256')).privateKey, kid: 'unknown-kid' })],
    ['an ID token instead of an access token', () => sign({ token_use: 'id', aud: AUDIENCE, 'cognito:username': 'admin', 'cognito:groups': ['ADMIN'] })],
    ['not a JWT at all', async () => 'not.a.token'],
  ])('refuses a token %s with 401 UNAUTHENTICATED, even for a public query', async (_what, forge) => {
    // Prepare
    const token = await forge();

    // Act
    const result = await call(token);

    // Assess
    expect(result.status).toBe(401);
    expect(result.body.data).toBeUndefined();
    expect(result.body.errors?.map((error) => error.extensions.code)).toEqual(['UNAUTHENTICATED']);
  });

});
