import fc from 'fast-check';
import { GraphQLInputObjectType, type GraphQLInputType, GraphQLList, GraphQLNonNull, getNamedType, isEnumType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSchema } from '../../api/src/schema';
import { type GraphqlResponse, TestApi } from '../support/api';
import { approvalInput, projectInput } from '../support/approvals';
import { createEnterprise, createStation, enterpriseInput, stationInput } from '../support/fixtures';
import { checkInvariants, tableItems } from '../support/invariants';
import { requestInput } from '../support/service-requests';

/** Runs per mutation: enough to reach every field's refusals, few enough for seconds per mutation. */
const RUNS = 25;
/** Fixed, so a failure replays (fast-check prints the counterexample and its path). */
const SEED = 1313;

/** Text that breaks rules: blank, too long, control and direction characters, numbers DynamoDB cannot store as text, markup. */
const awkwardText = fc.oneof(
  fc.constantFrom('', '   ', '\u0000', 'a\u202Eb', '\u200B', 'x'.repeat(5_000), '1e-200', '<script>alert(1)</script>', "'; DROP TABLE --", '😀'.repeat(50), '\n\n'),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const awkwardNumber = fc.oneof(fc.constantFrom(0, -1, 1e-200, 1e126, 1e300, -1e300, 2 ** 31 - 1, -(2 ** 31), 0.1 + 0.2, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER + 2), fc.double({ noNaN: true, noDefaultInfinity: true }));
const awkwardDate = fc.oneof(fc.constantFrom('2026-02-30', '2026-13-01', '0000-01-01', '9999-12-31', '2026-1-1', '20260101', ''), fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)));
const awkwardInstant = fc.oneof(fc.constantFrom('2026-02-30T00:00:00Z', '1970-01-01T00:00:00Z', '3000-01-01T00:00:00Z', 'now'), fc.date({ noInvalidDate: true }).map((date) => date.toISOString()));

/** A value of the GraphQL input type that GraphQL itself accepts, chosen to break the API's own rules. */
function awkwardValueOf(type: GraphQLInputType, ids: readonly string[], depth = 0): fc.Arbitrary<unknown> {
  if (type instanceof GraphQLNonNull) return awkwardValueOf(type.ofType, ids, depth);
  if (type instanceof GraphQLList) return fc.array(awkwardValueOf(type.ofType, ids, depth + 1), { maxLength: depth > 1 ? 2 : 6 });
  if (type instanceof GraphQLInputObjectType) {
    const fields = Object.values(type.getFields());
    return fc.record(Object.fromEntries(fields.map((field) => [field.name, fc.option(awkwardValueOf(field.type, ids, depth + 1), { nil: null })])), { requiredKeys: [] });
  }
  const named = getNamedType(type);
  if (isEnumType(named)) return fc.constantFrom(...named.getValues().map((value) => value.value as string));
  switch (named.name) {
    case 'Int':
      return fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2 ** 31 - 1));
    case 'Float':
      return awkwardNumber;
    case 'Boolean':
      return fc.boolean();
    case 'ID':
      return fc.oneof(fc.constantFrom(...ids), awkwardText);
    case 'Date':
      return awkwardDate;
    case 'DateTime':
      return awkwardInstant;
    default:
      return awkwardText;
  }
}

/** A few fields of an input replaced with awkward values, cleared (null) or dropped. */
type Perturbation = readonly (readonly [string, { readonly value: unknown }])[];

function perturbations(inputType: GraphQLInputObjectType, ids: readonly string[]): fc.Arbitrary<Perturbation> {
  const fields = Object.values(inputType.getFields());
  return fc.array(
    fc.constantFrom(...fields).chain((field) =>
      fc.tuple(
        fc.constant(field.name),
        fc.oneof({ weight: 3, arbitrary: awkwardValueOf(field.type, ids).map((value) => ({ value })) }, { weight: 1, arbitrary: fc.constantFrom({ value: null }, { value: undefined }) }),
      ),
    ),
    { minLength: 1, maxLength: 3 },
  );
}

/** A valid input with the perturbation applied. */
function applied(valid: Readonly<Record<string, unknown>>, perturbation: Perturbation): Record<string, unknown> {
  const input: Record<string, unknown> = { ...valid };
  for (const [name, { value }] of perturbation) {
    if (value === undefined) delete input[name];
    else input[name] = value;
  }
  return input;
}

/** What a refused input may answer; never INTERNAL_SERVER_ERROR. */
const REFUSALS = new Set(['BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND', 'INVALID_TRANSITION', 'FAILED_PRECONDITION', 'FORBIDDEN']);

describe('property: every mutation answers any input with a result or a refusal, never an internal error or a partial write', () => {
  let api: TestApi;
  let snapshot: () => Promise<string>;
  /** Each mutation: who calls it, and a valid input at the record's current version. */
  const mutations = new Map<string, { as: string; valid: () => Promise<Record<string, unknown>> }>();
  const ids: string[] = [];

  beforeAll(async () => {
    api = await TestApi.start();
    const endpoint = api.server.application.config.dynamodbEndpoint!;
    snapshot = async () => JSON.stringify((await tableItems(endpoint, api.tableName)).map((item) => JSON.stringify(item)).sort());
    const station = (await createStation(api)).id;
    const enterprise = await createEnterprise(api, station);
    const request = (await api.data('admin', 'mutation($input: CreateServiceRequestInput!) { createServiceRequest(input: $input) { id } }', { input: requestInput({ channel: 'STATION', stationId: station, enterpriseId: enterprise.id }) })).createServiceRequest;
    const project = (await api.data('officer', 'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }', { input: projectInput(enterprise.id) })).createProject;
    const approval = (await api.data('officer', 'mutation($input: CreateApprovalInput!) { createApproval(input: $input) { id } }', { input: approvalInput(project.id) })).createApproval;
    const override = (await api.data('admin', 'mutation { setCalendarDay(input: { date: "2027-05-03", kind: HOLIDAY, name: "测试" }) { date } }')).setCalendarDay;
    ids.push(station, enterprise.id, request.id, project.id, approval.id);
    const versionOf = async (field: string, id: string) => (await api.data('admin', `query($id: ID!) { ${field}(id: $id) { version } }`, { id }))[field].version as number;
    const at = (field: string, id: string, extra: Record<string, unknown>) => async () => ({ id, expectedVersion: await versionOf(field, id), ...extra });
    const entries: [string, string, () => Promise<Record<string, unknown>>][] = [
      ['createStation', 'admin', async () => stationInput()],
      ['updateStation', 'admin', at('station', station, { name: '更新的驿站' })],
      ['transitionStation', 'admin', at('station', station, { action: 'SUSPEND', note: '检修' })],
      ['createEnterprise', 'admin', async () => enterpriseInput(station)],
      ['updateEnterprise', 'admin', at('enterprise', enterprise.id, { employees: 10 })],
      ['transitionEnterprise', 'admin', at('enterprise', enterprise.id, { action: 'MOVE_OUT', note: '迁出' })],
      ['deleteEnterprise', 'admin', at('enterprise', enterprise.id, {})],
      ['createServiceRequest', 'admin', async () => requestInput({ channel: 'STATION', stationId: station, enterpriseId: enterprise.id })],
      ['updateServiceRequest', 'admin', at('serviceRequest', request.id, { title: '更新的标题' })],
      ['transitionServiceRequest', 'admin', at('serviceRequest', request.id, { action: 'REPLY', reply: '已答复。' })],
      ['createProject', 'officer', async () => projectInput(enterprise.id)],
      ['updateProject', 'officer', at('project', project.id, { name: '更新的项目' })],
      ['transitionProject', 'officer', at('project', project.id, { action: 'START_CONSTRUCTION', note: '开工' })],
      ['createApproval', 'officer', async () => approvalInput(project.id)],
      ['updateApproval', 'officer', at('approval', approval.id, { itemName: '更新的事项' })],
      ['transitionApproval', 'officer', at('approval', approval.id, { action: 'ACCEPT' })],
      ['supplyApprovalMaterials', 'officer', at('approval', approval.id, { materials: [{ name: '消防设计审查意见' }] })],
      ['recordJointAcceptance', 'officer', at('approval', approval.id, { checks: [{ type: 'FIRE', result: 'PASSED' }] })],
      ['setCalendarDay', 'admin', async () => ({ date: '2027-05-04', kind: 'HOLIDAY', name: '测试' })],
      ['removeCalendarDay', 'admin', async () => ({ date: override.date, expectedVersion: 1 })],
    ];
    for (const [name, as, valid] of entries) mutations.set(name, { as, valid });
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
  });

  it('fuzzes every mutation of the schema', () => {
    expect([...mutations.keys()].sort()).toEqual(Object.keys(getSchema().getMutationType()!.getFields()).sort());
  });

  it.each(Object.keys(getSchema().getMutationType()!.getFields()).sort())(`%s (${RUNS} inputs)`, async (name) => {
    // Prepare
    const { as, valid } = mutations.get(name)!;
    const inputType = getNamedType(getSchema().getMutationType()!.getFields()[name]!.args[0]!.type) as GraphQLInputObjectType;
    const document = `mutation($input: ${inputType.name}!) { result: ${name}(input: $input) { __typename } }`;
    const outcomes: string[] = [];

    // Act and Assess, per input: a valid input (at the record's current version) with a few fields perturbed.
    await fc.assert(
      fc.asyncProperty(perturbations(inputType, ids), async (perturbation) => {
        const input = applied(await valid(), perturbation);
        const before = await snapshot();
        const result: GraphqlResponse = await api.graphql(as, document, { input });
        const code = result.errors?.[0]?.extensions?.code ?? 'OK';
        outcomes.push(code);
        expect(code === 'OK' || REFUSALS.has(code), `${JSON.stringify(input)} → ${JSON.stringify(result.errors)}`).toBe(true);
        if (code !== 'OK') expect(await snapshot(), `partial write by ${JSON.stringify(input)}`).toBe(before);
      }),
      { numRuns: RUNS, seed: SEED },
    );

    // Assess: refusals seen, and the input checks, not GraphQL's coercion alone, did the refusing.
    expect(outcomes.filter((code) => code !== 'OK').length).toBeGreaterThan(0);
  }, 120_000);

  it('leaves the table consistent after all of it', async () => {
    // Audit events are proven per mutation elsewhere (test/reliability/concurrency.test.ts); here the structure.
    const report = await checkInvariants(api, new Map());
    expect(report.orphanGuards).toEqual([]);
    expect(report.missingGuards).toEqual([]);
    expect(report.counterDifferences).toEqual([]);
    expect(report.aggregateDifferences).toEqual([]);
  });
});
