import { Role } from '@yizhan/shared';
import { getNamedType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Access } from '../../api/src/auth/access';
import { DEMO_ENTERPRISE_CREDIT_CODE } from '../../api/src/local/demo-data';
import { getSchema } from '../../api/src/schema';
import { errorCode, TestApi } from '../support/api';
import { approvalInput, projectInput } from '../support/approvals';
import { enterpriseInput, stationInput } from '../support/fixtures';
import { requestInput } from '../support/service-requests';

/** Who calls: the demo users, anonymous, and users of another station and of another enterprise than the records'. */
const callers = {
  anonymous: { username: null, roles: [] },
  admin: { username: 'admin', roles: [Role.ADMIN] },
  officer: { username: 'officer', roles: [Role.OFFICER] },
  operator: { username: 'operator', roles: [Role.OPERATOR] },
  viewer: { username: 'viewer', roles: [Role.VIEWER] },
  'staff of the station': { username: 'staff-jr', roles: [Role.STAFF] },
  'staff of another station': { username: 'staff-zn', roles: [Role.STAFF] },
  'user of another enterprise': { username: 'enterprise-demo', roles: [Role.ENTERPRISE] },
} as const;
type Caller = keyof typeof callers;

const PARK_WIDE: readonly Role[] = [Role.ADMIN, Role.OFFICER, Role.OPERATOR, Role.VIEWER];
/** Refusals for access; anything else (data, or a refusal of the input, the version or the state) means the caller got through. */
const ACCESS_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND']);
const ALLOWED = 'allowed';

/** The roles each query and mutation declares with `@Authorized` (api/src/auth/access.ts). */
function declaredRules(): Map<string, readonly string[]> {
  const storage = getMetadataStorage();
  const rules = new Map(storage.authorizedFields.map((field) => [`${field.target.name}.${field.fieldName}`, field.roles as string[]]));
  return new Map([...storage.queries, ...storage.mutations].map((operation) => [operation.schemaName, rules.get(`${operation.target.name}.${operation.methodName}`) ?? []]));
}

/** The entity whose one record an operation reads or changes, from its result type; null for lists and the rest. */
function recordEntityOf(operation: string): string | null {
  const schema = getSchema();
  const field = schema.getQueryType()!.getFields()[operation] ?? schema.getMutationType()!.getFields()[operation]!;
  const touchesOne = field.args.some((argument) => ['id', 'input', 'creditCode', 'entityId'].includes(argument.name));
  if (!touchesOne || /^create/.test(operation)) return null;
  const type = getNamedType(field.type).name;
  return type === 'AuditEventConnection' ? 'Enterprise' : type;
}

/**
 * Rules narrower than roles and row scope, as docs/access.md states them, for the records this
 * test uses (a station request of an enterprise of station JR, its project and approval).
 */
const narrower: Record<string, Partial<Record<Caller, string>>> = {
  // OPERATOR creates and works 12345 tickets only; OFFICER works project-approval requests only.
  createServiceRequest: { operator: 'FORBIDDEN', 'user of another enterprise': 'BAD_USER_INPUT' },
  updateServiceRequest: { operator: 'FORBIDDEN', officer: 'FORBIDDEN' },
  transitionServiceRequest: { operator: 'FORBIDDEN', officer: 'FORBIDDEN' },
  // STAFF write only within their stations: creating an enterprise for another station is FORBIDDEN.
  createEnterprise: { 'staff of another station': 'FORBIDDEN' },
  // Another enterprise's records "are not there" for an enterprise user: naming one in an input is a bad input.
  createApproval: { 'user of another enterprise': 'BAD_USER_INPUT' },
  createProject: { 'user of another enterprise': 'BAD_USER_INPUT' },
  // The dashboard of another station is FORBIDDEN to station staff (docs/dashboard.md).
  dashboard: { 'staff of another station': 'FORBIDDEN' },
};

/** What a caller should get: derived from the declared roles, the row scope of the record, and the narrower rules. */
function expectedOutcome(operation: string, caller: Caller, rules: readonly string[]): string {
  const { roles } = callers[caller];
  if (rules.includes(Access.PUBLIC)) return ALLOWED;
  if (caller === 'anonymous') return 'UNAUTHENTICATED';
  if (!rules.includes(Access.SIGNED_IN) && !roles.some((role) => rules.includes(role))) return 'FORBIDDEN';
  const entity = recordEntityOf(operation);
  const scoped = entity !== null && !['Station', 'CalendarOverride'].includes(entity);
  const reaches = roles.some((role) => PARK_WIDE.includes(role)) || caller === 'staff of the station';
  if (scoped && !reaches) return 'NOT_FOUND';
  return narrower[operation]?.[caller] ?? ALLOWED;
}

describe('the access matrix: every query and mutation × every kind of caller', () => {
  let api: TestApi;
  const variablesOf = new Map<string, () => Record<string, unknown>>();
  const documentOf = new Map<string, string>();
  const rules = declaredRules();
  const operations = [...rules.keys()].sort();
  const actual = new Map<string, string>();

  beforeAll(async () => {
    // Prepare: records of an enterprise of station JR (not the demo enterprise), and one of each kind.
    api = await TestApi.startWithDemoDirectory();
    const { JR: station } = await api.stationIds();
    const all = (await api.data('admin', '{ enterprises(first: 100) { nodes { id stationId creditCode } } }')).enterprises.nodes as { id: string; stationId: string; creditCode: string }[];
    const enterprise = all.find((candidate) => candidate.stationId === station && candidate.creditCode !== DEMO_ENTERPRISE_CREDIT_CODE)!;
    const request = (await api.data('admin', 'mutation($input: CreateServiceRequestInput!) { createServiceRequest(input: $input) { id } }', { input: requestInput({ channel: 'STATION', stationId: station, enterpriseId: enterprise.id }) })).createServiceRequest;
    const project = (await api.data('officer', 'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }', { input: projectInput(enterprise.id) })).createProject;
    const approval = (await api.data('officer', 'mutation($input: CreateApprovalInput!) { createApproval(input: $input) { id } }', { input: approvalInput(project.id) })).createApproval;
    const override = (await api.data('admin', 'mutation { setCalendarDay(input: { date: "2027-04-01", kind: HOLIDAY, name: "测试" }) { date } }')).setCalendarDay;
    const stale = 999;
    const ids: Record<string, string> = { Station: station!, Enterprise: enterprise.id, ServiceRequest: request.id, Project: project.id, Approval: approval.id };
    let day = 0;
    const inputs: Record<string, () => Record<string, unknown>> = {
      createStation: () => stationInput(),
      createEnterprise: () => enterpriseInput(station!),
      createServiceRequest: () => requestInput({ channel: 'STATION', stationId: station, enterpriseId: enterprise.id }),
      createProject: () => projectInput(enterprise.id),
      createApproval: () => approvalInput(project.id),
      updateStation: () => ({ id: station, expectedVersion: stale, name: '更名的驿站' }),
      updateEnterprise: () => ({ id: enterprise.id, expectedVersion: stale, employees: 1 }),
      updateServiceRequest: () => ({ id: request.id, expectedVersion: stale, title: '更新的标题' }),
      updateProject: () => ({ id: project.id, expectedVersion: stale, name: '更新的项目' }),
      updateApproval: () => ({ id: approval.id, expectedVersion: stale, itemName: '更新的事项' }),
      transitionStation: () => ({ id: station, expectedVersion: stale, action: 'SUSPEND' }),
      transitionEnterprise: () => ({ id: enterprise.id, expectedVersion: stale, action: 'MOVE_OUT' }),
      transitionServiceRequest: () => ({ id: request.id, expectedVersion: stale, action: 'START' }),
      transitionProject: () => ({ id: project.id, expectedVersion: stale, action: 'START_APPROVAL' }),
      transitionApproval: () => ({ id: approval.id, expectedVersion: stale, action: 'WITHDRAW' }),
      deleteEnterprise: () => ({ id: enterprise.id, expectedVersion: stale }),
      supplyApprovalMaterials: () => ({ id: approval.id, expectedVersion: stale, materials: [{ name: '消防设计审查意见' }] }),
      recordJointAcceptance: () => ({ id: approval.id, expectedVersion: stale, checks: [{ type: 'FIRE', result: 'PASSED' }] }),
      setCalendarDay: () => ({ date: `2027-03-${String(1 + (day++ % 28)).padStart(2, '0')}`, kind: 'HOLIDAY', name: '测试' }),
      removeCalendarDay: () => ({ date: override.date, expectedVersion: stale }),
    };
    const queries: Record<string, [string, () => Record<string, unknown>]> = {
      me: ['{ me { id } }', () => ({})],
      serviceCatalog: ['{ serviceCatalog { channels { value } } }', () => ({})],
      workCalendar: ['{ workCalendar(year: 2026) { year } }', () => ({})],
      dashboard: ['query($station: ID) { dashboard(from: "2026-01-01", to: "2026-01-31", stationId: $station) { __typename } }', () => ({ station })],
      enterpriseByCreditCode: ['query($code: String!) { enterpriseByCreditCode(creditCode: $code) { id } }', () => ({ code: enterprise.creditCode })],
      auditEvents: ['query($id: ID) { auditEvents(entityId: $id, first: 1) { totalCount } }', () => ({ id: enterprise.id })],
    };
    const mutationType = getSchema().getMutationType()!.getFields();
    for (const operation of operations) {
      if (queries[operation]) {
        documentOf.set(operation, queries[operation][0]);
        variablesOf.set(operation, queries[operation][1]);
      } else if (mutationType[operation]) {
        const inputType = getNamedType(mutationType[operation].args[0]!.type).name;
        documentOf.set(operation, `mutation($input: ${inputType}!) { ${operation}(input: $input) { __typename } }`);
        variablesOf.set(operation, () => ({ input: inputs[operation]!() }));
      } else if (recordEntityOf(operation)) {
        documentOf.set(operation, `query($id: ID!) { ${operation}(id: $id) { id } }`);
        variablesOf.set(operation, () => ({ id: ids[recordEntityOf(operation)!] }));
      } else {
        documentOf.set(operation, `{ ${operation}(first: 1) { totalCount } }`);
        variablesOf.set(operation, () => ({}));
      }
    }

    // Act: every cell, callers one after another (a mutation's refusal must change nothing for the next).
    for (const operation of operations) {
      for (const caller of Object.keys(callers) as Caller[]) {
        const result = await api.graphql(callers[caller].username, documentOf.get(operation)!, variablesOf.get(operation)!());
        const code = errorCode(result);
        actual.set(`${operation} ${caller}`, code === undefined ? 'OK' : code);
      }
    }
  }, 240_000);

  afterAll(async () => {
    await api?.stop();
  });

  it('covers every query and mutation of the schema', () => {
    const schema = getSchema();
    expect(operations).toEqual([...Object.keys(schema.getQueryType()!.getFields()), ...Object.keys(schema.getMutationType()!.getFields())].sort());
    expect(documentOf.size).toBe(operations.length);
  });

  it.each(operations)('%s: allowed or refused for each caller as declared', (operation) => {
    const cells = Object.keys(callers).map((caller) => {
      const outcome = actual.get(`${operation} ${caller}`)!;
      const expected = expectedOutcome(operation, caller as Caller, rules.get(operation)!);
      return `${caller}: ${expected === ALLOWED ? (ACCESS_CODES.has(outcome) ? outcome : ALLOWED) : outcome}`;
    });
    expect(cells).toEqual(Object.keys(callers).map((caller) => `${caller}: ${expectedOutcome(operation, caller as Caller, rules.get(operation)!)}`));
  });
});
