import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bundleLambdaHandler } from '../../api/src/bundle';
import { root } from '../support/local-stack';
import { type Probe, probe } from '../support/probe';
import { productionEnvironment, startChild } from '../support/production';

/** A DynamoDB table that does not exist: every read fails with DynamoDB's own error text. */
const MISSING_TABLE = 'no-such-table';

const targets = ['local server', 'Lambda handler (bundled)'] as const;

describe.each(targets)('production mode with NODE_ENV unset: %s', (target) => {
  let child: ChildProcess | undefined;
  let url: string;
  let workspace: string | undefined;
  const post = (body: unknown, headers: Record<string, string> = {}): Promise<Probe> => probe(`${url}/graphql`, body, undefined, headers);
  const get = async (search: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${url}/graphql${search}`, { headers });
    return { status: response.status, text: await response.text(), headers: response.headers };
  };

  beforeAll(async () => {
    const endpoint = inject('dynamodbEndpoint');
    if (target === 'local server') {
      ({ child, url } = await startChild(['server', MISSING_TABLE, endpoint], productionEnvironment({})));
      return;
    }
    // The one build the stacks deploy, run as Lambda runs it: a fresh process with the function's variables.
    workspace = mkdtempSync(join(tmpdir(), 'yizhan-production-'));
    const bundle = bundleLambdaHandler(join(root, 'api/src/lambda.ts'), workspace);
    ({ child, url } = await startChild(
      ['lambda', bundle.file],
      productionEnvironment({
        TABLE_NAME: MISSING_TABLE,
        DYNAMODB_ENDPOINT: endpoint,
        AUTH_ISSUER: 'https://issuer.example.com',
        AUTH_AUDIENCE: 'console-client',
        CURSOR_SECRET: 'production-mode-test-secret-of-32-characters',
        LOG_LEVEL: 'CRITICAL',
        AWS_REGION: 'cn-north-1',
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
      }),
    ));
  }, 120_000);

  afterAll(() => {
    child?.kill('SIGKILL');
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  it('refuses introspection, of the schema and of a type', async () => {
    const schema = await post({ query: '{ __schema { types { name } } }' });
    const type = await post({ query: '{ __type(name: "Station") { fields { name } } }' });
    for (const result of [schema, type]) {
      expect(result.status).toBe(400);
      expect(result.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(result.text).not.toMatch(/"fields"|"types"|enterpriseCount/);
    }
  });

  it('serves no landing page to a browser', async () => {
    // As a browser asks; the header keeps CSRF prevention from answering first.
    const page = await get('', { accept: 'text/html', 'apollo-require-preflight': 'true' });
    expect(page.text).not.toMatch(/<html|<!doctype|sandbox|explorer/i);
    expect(page.status).not.toBe(200);
  });

  it('masks a DynamoDB failure: a code and a request id, no stack trace and no DynamoDB text', async () => {
    const result = await post({ query: '{ stations { totalCount } }' });
    const error = result.body.errors![0]!;
    expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) });
    expect(result.headers.get('x-request-id')).toBe(error.extensions!.requestId);
    expect(result.text).not.toMatch(/ResourceNotFound|non-existent|no-such-table|DynamoDB|stacktrace|\.(ts|js|mjs):\d/);
  });

  it('sends no stack trace with a request error either', async () => {
    const syntax = await post({ query: '{ stations { ' });
    const variables = await post({ query: 'query($first: Int) { stations(first: $first) { totalCount } }', variables: { first: 'many' } });
    for (const result of [syntax, variables]) {
      expect(result.status).toBe(400);
      expect(result.text).not.toMatch(/stacktrace|\.(ts|js|mjs):\d/);
    }
  });

  it('suggests no field or enum value, in literals or in variables', async () => {
    const results = await Promise.all([
      post({ query: '{ stations { totalCont } }' }),
      post({ query: '{ stations(sort: CODE_AS) { totalCount } }' }),
      post({ query: 'query($sort: StationSort) { stations(sort: $sort) { totalCount } }', variables: { sort: 'CODE_AS' } }),
      post({ query: 'query($filter: StationFilter) { stations(filter: $filter) { totalCount } }', variables: { filter: { statu: 'ACTIVE' } } }),
    ]);
    for (const result of results) {
      expect(result.status).toBe(400);
      expect(result.text).not.toMatch(/Did you mean|totalCount"|CODE_ASC|"status"/);
    }
  });

  it('refuses requests a browser could send cross-site without a preflight (CSRF prevention)', async () => {
    const form = await post(JSON.stringify({ query: '{ serviceCatalog { channels { value } } }' }), { 'content-type': 'text/plain' });
    const simpleGet = await get(`?query=${encodeURIComponent('{ serviceCatalog { channels { value } } }')}`);
    const preflightedGet = await get(`?query=${encodeURIComponent('{ serviceCatalog { channels { value } } }')}`, { 'apollo-require-preflight': 'true' });

    expect(form.status).toBe(400);
    expect(simpleGet.status).toBe(400);
    expect(simpleGet.text).toMatch(/CSRF/i);
    // The same query with a header only a preflighted request can carry is answered.
    expect(preflightedGet.status).toBe(200);
  });
});
