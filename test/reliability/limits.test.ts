import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApi } from '../support/api';
import { createStation } from '../support/fixtures';
import { type Probe, probe } from '../support/probe';

/** The limits `api/src/app.ts` sets (docs/api.md: Limits). */
const MAX_DEPTH = 12;
const MAX_ALIASES = 20;
const MAX_DIRECTIVES = 50;
const MAX_TOKENS = 5_000;
const MAX_COST = 20_000;
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * `{ stations { nodes { enterprises { nodes { station { enterprises … } } } } } }` nested to
 * `depth` fields, written out, through named fragments, or through inline fragments.
 */
function deepQuery(depth: number, style: 'fields' | 'fragments' | 'inline'): string {
  const chain = ['stations', 'nodes', 'enterprises', 'nodes'];
  while (chain.length < depth - 1) chain.push('station', 'enterprises', 'nodes');
  chain.length = depth - 1;
  chain.push(chain.at(-1) === 'enterprises' ? 'totalCount' : 'id');
  const typeOf = (index: number) => (chain[index - 1] === 'enterprises' ? 'Enterprise' : 'Station');
  const fragments: string[] = [];
  const selection = (index: number): string => {
    const field = chain[index]!;
    if (index === chain.length - 1) return field;
    const inner = selection(index + 1);
    // One record per page: the depth is what is measured, not the cost.
    const page = field === 'stations' || field === 'enterprises' ? `${field}(first: 1)` : field;
    if (field !== 'nodes' || style === 'fields') return `${page} { ${inner} }`;
    // Each page's records are selected through a fragment (or an inline fragment) on their type.
    if (style === 'inline') return `nodes { ... on ${typeOf(index)} { ${inner} } }`;
    fragments.push(`fragment F${index} on ${typeOf(index)} { ${inner} }`);
    return `nodes { ...F${index} }`;
  };
  return `{ ${selection(0)} } ${fragments.join(' ')}`;
}

/** `count` aliased fields, written out or split over two spreads of one fragment. */
function aliasQuery(count: number, style: 'fields' | 'fragments'): string {
  const aliases = (from: number, to: number) =>
    Array.from({ length: to - from }, (_, index) => `a${from + index}: serviceCatalog { channels { value } }`).join(' ');
  if (style === 'fields') return `{ ${aliases(0, count)} }`;
  const half = Math.ceil(count / 2);
  return `query { ...A ...B } fragment A on Query { ${aliases(0, half)} } fragment B on Query { ${aliases(half, count)} }`;
}

/** `count` directives on repeated (merged) fields. */
function directiveQuery(count: number): string {
  return `{ serviceCatalog { channels { ${'value @include(if: true) '.repeat(count)} } } }`;
}

/** A document of exactly `count` tokens (graphql-js counts every punctuator, name and value; commas and the end are not tokens). */
function tokenQuery(count: number): string {
  // Everything but the listed statuses is 19 tokens; a list value keeps the document free of repeated fields.
  return `{ stations(first: 1, filter: { status: [${'ACTIVE '.repeat(count - 19)}] }) { totalCount } }`;
}

/** Station pages with their enterprises' stations: costly per `first`, written out, as fragments or inline fragments, or with `first` in variables. */
function costlyQuery(first: number, style: 'fields' | 'fragments' | 'inline' | 'variables'): { query: string; variables?: Record<string, unknown> } {
  const leaf = 'id code name park address phone openingHours openedOn status';
  const argument = style === 'variables' ? '$first' : String(first);
  const inner = `enterprises(first: ${argument}) { nodes { id name station { ${leaf} } } }`;
  switch (style) {
    case 'fields':
      return { query: `{ stations(first: ${first}) { nodes { ${inner} } } }` };
    case 'fragments':
      return { query: `{ stations(first: ${first}) { nodes { ...S } } } fragment S on Station { ${inner} }` };
    case 'inline':
      return { query: `{ stations(first: ${first}) { nodes { ... on Station { ${inner} } } } }` };
    case 'variables':
      return { query: `query Costly($first: Int) { stations(first: $first) { nodes { ${inner} } } }`, variables: { first } };
  }
}

const refusedCode = (result: Probe) => result.body.errors?.[0]?.extensions?.code;

describe('request limits (OWASP GraphQL cheat sheet, ASVS V4.3)', () => {
  let api: TestApi;
  let send: (body: unknown, token?: string) => Promise<Probe>;

  beforeAll(async () => {
    api = await TestApi.start();
    await createStation(api);
    const admin = await api.tokenFor('admin');
    send = (body, token = admin) => probe(`${api.url}/graphql`, body, token);
  });

  afterAll(async () => {
    await api?.stop();
  });

  it.each(['fields', 'fragments', 'inline'] as const)('answers a query nested to depth 12 (%s), and refuses one level more', async (style) => {
    // Act
    const atLimit = await send({ query: deepQuery(MAX_DEPTH, style) });
    const over = await send({ query: deepQuery(MAX_DEPTH + 1, style) });

    // Assess
    expect(atLimit.body.errors).toBeUndefined();
    expect(over.status).toBe(400);
    expect(refusedCode(over)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(over.body.errors![0]!.message).toMatch(/depth/i);
  });

  it.each(['fields', 'fragments'] as const)(`answers ${MAX_ALIASES} aliases (%s) and refuses one more`, async (style) => {
    const atLimit = await send({ query: aliasQuery(MAX_ALIASES, style) });
    const over = await send({ query: aliasQuery(MAX_ALIASES + 1, style) });

    expect(atLimit.body.errors).toBeUndefined();
    expect(over.status).toBe(400);
    expect(over.body.errors![0]!.message).toMatch(/alias/i);
  });

  it(`answers ${MAX_DIRECTIVES} directives and refuses one more`, async () => {
    const atLimit = await send({ query: directiveQuery(MAX_DIRECTIVES) });
    const over = await send({ query: directiveQuery(MAX_DIRECTIVES + 1) });

    expect(atLimit.body.errors).toBeUndefined();
    expect(over.status).toBe(400);
    expect(over.body.errors![0]!.message).toMatch(/directive/i);
  });

  it(`parses ${MAX_TOKENS} tokens and refuses one more with 400, never a 500`, async () => {
    const atLimit = await send({ query: tokenQuery(MAX_TOKENS) });
    const over = await send({ query: tokenQuery(MAX_TOKENS + 1) });

    // Parsed and validated: only our input check refuses the repeated status.
    expect(refusedCode(atLimit)).toBe('BAD_USER_INPUT');
    expect(over.status).toBe(400);
    expect(refusedCode(over)).toBe('GRAPHQL_PARSE_FAILED');
  });

  it.each(['fields', 'fragments', 'inline', 'variables'] as const)(`refuses a fan-out costing more than ${MAX_COST} (%s)`, async (style) => {
    // Prepare: 10 × 10 costs well under the limit; 100 × 100 stations with 100 enterprises each far over.
    const cheap = costlyQuery(10, style);
    const costly = costlyQuery(100, style);

    // Act
    const answered = await send(cheap);
    const refused = await send(costly);

    // Assess
    expect(answered.body.errors).toBeUndefined();
    expect(refused.status).toBe(400);
    expect(refused.body.errors![0]!.message).toMatch(/cost/i);
    expect(refused.body.data).toBeUndefined();
  });

  it('refuses a page size above 100 (or below 1), at the top and in a nested connection', async () => {
    const results = await Promise.all([
      send({ query: '{ stations(first: 101) { totalCount } }' }),
      send({ query: 'query($first: Int) { enterprises(first: $first) { totalCount } }', variables: { first: 1_000_000 } }),
      send({ query: '{ stations(first: 0) { totalCount } }' }),
      send({ query: '{ stations(first: -1) { totalCount } }' }),
      send({ query: '{ stations(first: 1) { nodes { enterprises(first: 101) { totalCount } } } }' }),
    ]);
    for (const result of results) {
      expect(result.body.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      expect(result.body.errors![0]!.extensions!.fieldErrors).toEqual([expect.objectContaining({ field: 'first' })]);
    }
  });

  it('refuses a batch of operations in one request', async () => {
    const batch = await send([{ query: '{ serviceCatalog { channels { value } } }' }, { query: '{ serviceCatalog { channels { value } } }' }]);
    expect(batch.status).toBe(400);
    expect(batch.body.data).toBeUndefined();
  });

  it(`refuses a body over ${MAX_BODY_BYTES / 1024} KiB with 413 before parsing it, and reads one just under`, async () => {
    // Prepare: JSON padded with spaces to the size wanted.
    const document = JSON.stringify({ query: '{ serviceCatalog { channels { value } } }' });
    const padded = (bytes: number) => `${document.slice(0, -1)}${' '.repeat(bytes - document.length)}}`;

    // Act
    const under = await send(padded(MAX_BODY_BYTES));
    const over = await send(padded(MAX_BODY_BYTES + 1));

    // Assess
    expect(under.status).toBe(200);
    expect(over.status).toBe(413);
  });
});
