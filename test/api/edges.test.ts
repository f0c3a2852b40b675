import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalServer, startLocalServer } from '../../api/src/local/server';
import { TestApi } from '../support/api';

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
}

describe('request edges', () => {
  let api: TestApi;
  let production: LocalServer;

  beforeAll(async () => {
    api = await TestApi.start();
    production = await startLocalServer({
      port: 0,
      tableName: api.tableName,
      dynamodbEndpoint: api.server.application.config.dynamodbEndpoint,
      environment: { APP_ENV: 'production', LOG_LEVEL: 'CRITICAL', CURSOR_SECRET: 'a-production-secret-of-at-least-32-chars', CORS_ORIGINS: 'https://console.example.com' },
    });
  });

  afterAll(async () => {
    await production?.close();
    await api?.stop();
  });

  it.each([
    ['a syntax error', { query: '{ stations { nodes { code } ' }],
    ['a query over the token limit', { query: `{ ${'serviceCatalog { categories { value } } '.repeat(800)}}` }],
  ])('answers %s with 400 and GRAPHQL_PARSE_FAILED, in either response type', async (_what, body) => {
    for (const accept of ['application/json', 'application/graphql-response+json']) {
      const result = await post(api.url, body, { accept });
      expect(result.status).toBe(400);
      expect(result.body.errors![0]!.extensions!.code).toBe('GRAPHQL_PARSE_FAILED');
    }
  });

  it('refuses batched requests', async () => {
    const result = await post(api.url, [{ query: '{ serviceCatalog { channels { value } } }' }, { query: '{ serviceCatalog { channels { value } } }' }]);
    expect(result.status).toBe(400);
  });

  it('hides enum and field suggestions in production, as in variables as in literals', async () => {
    const variable = await post(production.url, { query: 'query($sort: StationSort) { stations(sort: $sort) { totalCount } }', variables: { sort: 'CODE_AS' } });
    const literal = await post(production.url, { query: '{ stations(sort: CODE_AS) { totalCount } }' });
    const field = await post(production.url, { query: '{ stations { totalCont } }' });
    const development = await post(api.url, { query: '{ stations(sort: CODE_AS) { totalCount } }' });

    for (const result of [variable, literal, field]) {
      expect(result.status).toBe(400);
      expect(JSON.stringify(result.body)).not.toMatch(/Did you mean|CODE_ASC|totalCount/);
    }
    expect(development.body.errors![0]!.message).toMatch(/Did you mean the enum value "CODE_ASC"/);
  });

  it('allows only the configured console origins, with the headers Apollo Client sends', async () => {
    const preflight = (origin: string) =>
      fetch(`${production.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, apollographql-client-name, apollographql-client-version' },
      });
    const allowed = await preflight('https://console.example.com');
    const refused = await preflight('https://evil.example.com');
    const simple = await post(production.url, { query: '{ serviceCatalog { channels { value } } }' }, { origin: 'https://evil.example.com' });
    const local = await fetch(`${api.url}/graphql`, { method: 'OPTIONS', headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' } });

    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://console.example.com');
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/apollographql-client-name.*apollographql-client-version|apollographql-client-version.*apollographql-client-name/);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
    expect(simple.headers.get('vary')).toBe('Origin');
    expect(local.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });

  it('refuses a cross-site form post without a preflight (CSRF prevention)', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ serviceCatalog { channels { value } } }' }),
    });
    expect(response.status).toBe(400);
  });
});
