import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalServer, startLocalServer } from '../../api/src/local/server';
import { TestApi } from '../support/api';

describe('local server', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('reports DynamoDB status on GET /health', async () => {
    const response = await fetch(`${api.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', dynamodb: { table: api.tableName, status: 'ACTIVE' } });
  });

  it('signs in demo users and refuses wrong passwords', async () => {
    const login = (password: string) =>
      fetch(`${api.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
    const good = await login('yizhan-dev');
    const bad = await login('wrong');
    expect(good.status).toBe(200);
    expect(await good.json()).toMatchObject({ accessToken: expect.stringMatching(/^ey/), expiresIn: 28_800 });
    expect(bad.status).toBe(401);
    const jwks = (await (await fetch(`${api.url}/.well-known/jwks.json`)).json()) as { keys: { kty: string; d?: string }[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });

  it('rejects a token signed by another issuer', async () => {
    const other = await TestApi.start();
    try {
      const foreignToken = await other.tokenFor('admin');
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${foreignToken}` },
        body: JSON.stringify({ query: '{ me { id } }' }),
      });
      expect(response.status).toBe(401);
    } finally {
      await other.stop();
    }
  });
});

describe('production mode', () => {
  let server: LocalServer;

  beforeAll(async () => {
    // An endpoint where nothing listens: every DynamoDB call fails, as in an outage.
    server = await startLocalServer({
      port: 0,
      tableName: 'missing',
      dynamodbEndpoint: 'http://127.0.0.1:9',
      environment: { APP_ENV: 'production', LOG_LEVEL: 'CRITICAL', CURSOR_SECRET: 'a-production-secret-of-at-least-32-chars' },
    });
  });

  afterAll(async () => {
    await server?.close();
  });

  async function post(query: string, token?: string) {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions: Record<string, unknown> }[] } };
  }

  it('masks internal errors: a code and a request id, no stack and no DynamoDB text', async () => {
    const { body } = await post('{ stations { totalCount } }');
    const error = body.errors![0]!;
    expect(error.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error.extensions.requestId).toEqual(expect.any(String));
    expect(error.extensions).not.toHaveProperty('stacktrace');
    expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|DynamoDB|at .*\.ts/);
  });

  it('turns off introspection and field suggestions', async () => {
    const introspection = await post('{ __schema { types { name } } }');
    expect(introspection.body.errors![0]!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const typo = await post('{ serviceCatalg { categories { value } } }');
    expect(typo.body.errors![0]!.message).not.toMatch(/Did you mean/);
  });

  it('still answers the public catalogue, which needs no storage', async () => {
    const { body } = await post('{ serviceCatalog { channels { value dueWorkingDays } } }');
    expect(body.errors).toBeUndefined();
  });
});
