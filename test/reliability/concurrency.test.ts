import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, type GraphqlResponse, TestApi } from '../support/api';
import { approvalInput, projectInput } from '../support/approvals';
import { createEnterprise, createStation, enterpriseInput, newCreditCode } from '../support/fixtures';
import { checkInvariants, tableItems } from '../support/invariants';
import { seeded } from '../support/seeded';
import { requestInput } from '../support/service-requests';

const CREATE_ENTERPRISE = 'mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id version name creditCode } }';
const UPDATE_ENTERPRISE = 'mutation($input: UpdateEnterpriseInput!) { updateEnterprise(input: $input) { id version employees } }';
const TRANSITION_ENTERPRISE = 'mutation($input: TransitionEnterpriseInput!) { transitionEnterprise(input: $input) { id version status } }';
const DELETE_ENTERPRISE = 'mutation($input: DeleteEnterpriseInput!) { deleteEnterprise(input: $input) { id } }';
const CREATE_REQUEST = 'mutation($input: CreateServiceRequestInput!) { createServiceRequest(input: $input) { id version status } }';
const TRANSITION_REQUEST = 'mutation($input: TransitionServiceRequestInput!) { transitionServiceRequest(input: $input) { id version status } }';
const CREATE_PROJECT = 'mutation($input: CreateProjectInput!) { createProject(input: $input) { id version } }';
const CREATE_APPROVAL = 'mutation($input: CreateApprovalInput!) { createApproval(input: $input) { id version status } }';
const TRANSITION_APPROVAL = 'mutation($input: TransitionApprovalInput!) { transitionApproval(input: $input) { id version status } }';
const READ = {
  enterprise: 'query($id: ID!) { enterprise(id: $id) { id version availableActions } }',
  serviceRequest: 'query($id: ID!) { serviceRequest(id: $id) { id version availableActions } }',
  approval: 'query($id: ID!) { approval(id: $id) { id version availableActions } }',
} as const;

const codes = (results: readonly GraphqlResponse<unknown>[]) => results.map((result) => errorCode(result) ?? 'OK');
const count = (values: readonly string[], value: string) => values.filter((candidate) => candidate === value).length;

describe('concurrent writes', () => {
  let api: TestApi;
  let station: string;
  /** Successful mutations by entity id, for the audit invariant. */
  const mutations = new Map<string, number>();
  const succeeded = (id: string) => mutations.set(id, (mutations.get(id) ?? 0) + 1);

  beforeAll(async () => {
    api = await TestApi.start();
    station = (await createStation(api)).id;
    succeeded(station);
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('lets exactly one of 50 parallel updates at one version succeed; 49 get CONFLICT with the current version', async () => {
    // Prepare
    const enterprise = await createEnterprise(api, station);
    succeeded(enterprise.id);

    // Act
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, index) => api.graphql('admin', UPDATE_ENTERPRISE, { input: { id: enterprise.id, expectedVersion: enterprise.version, employees: 100 + index } })),
    );

    // Assess
    const outcome = codes(results);
    expect(count(outcome, 'OK')).toBe(1);
    expect(count(outcome, 'CONFLICT')).toBe(49);
    const winner = results.find((result) => !result.errors)!.data as { updateEnterprise: { employees: number } };
    const stored = (await api.data('admin', 'query($id: ID!) { enterprise(id: $id) { version employees } }', { id: enterprise.id })).enterprise;
    expect(stored).toEqual({ version: enterprise.version + 1, employees: winner.updateEnterprise.employees });
    expect(results.filter((result) => result.errors).every((result) => result.errors![0]!.extensions!.currentVersion === enterprise.version + 1)).toBe(true);
    succeeded(enterprise.id);
  });

  it('keeps one record and one guard of 20 parallel creates with one credit code', async () => {
    // Prepare
    const creditCode = newCreditCode();

    // Act
    const results = await Promise.all(Array.from({ length: 20 }, () => api.graphql('admin', CREATE_ENTERPRISE, { input: enterpriseInput(station, { creditCode }) })));

    // Assess
    const outcome = codes(results);
    expect(count(outcome, 'OK')).toBe(1);
    expect(count(outcome, 'CONFLICT')).toBe(19);
    const items = await tableItems(api.server.application.config.dynamodbEndpoint!, api.tableName);
    expect(items.filter((item) => item.sk === 'Enterprise' && item.creditCode === creditCode)).toHaveLength(1);
    expect(items.filter((item) => item.pk === `Unique#Enterprise#creditCode#${creditCode}`)).toHaveLength(1);
    succeeded((results.find((result) => !result.errors)!.data as { createEnterprise: { id: string } }).createEnterprise.id);
  });

  it('lets one of concurrent transitions of a service request win, whatever the actions', async () => {
    // Prepare: a received station request, which may be started, replied to or invalidated.
    const request = (await api.data('admin', CREATE_REQUEST, { input: requestInput({ channel: 'STATION', stationId: station }) })).createServiceRequest;
    succeeded(request.id);
    const actions = [
      { action: 'START' },
      { action: 'REPLY', reply: '已当场答复。' },
      { action: 'INVALIDATE', note: '重复提交' },
    ];

    // Act
    const results = await Promise.all(Array.from({ length: 15 }, (_, index) => api.graphql('admin', TRANSITION_REQUEST, { input: { id: request.id, expectedVersion: request.version, ...actions[index % 3] } })));

    // Assess
    const outcome = codes(results);
    expect(count(outcome, 'OK')).toBe(1);
    expect(count(outcome, 'CONFLICT')).toBe(14);
    const stored = (await api.data('admin', READ.serviceRequest, { id: request.id })).serviceRequest;
    expect(stored.version).toBe(request.version + 1);
    succeeded(request.id);
  });

  it('lets one of concurrent decisions on an approval win', async () => {
    // Prepare
    const enterprise = await createEnterprise(api, station);
    succeeded(enterprise.id);
    const project = (await api.data('officer', CREATE_PROJECT, { input: projectInput(enterprise.id) })).createProject;
    succeeded(project.id);
    const approval = (await api.data('officer', CREATE_APPROVAL, { input: approvalInput(project.id) })).createApproval;
    succeeded(approval.id);
    const decisions = [{ action: 'ACCEPT' }, { action: 'REQUEST_CORRECTION', note: '材料不全' }, { action: 'REFUSE', note: '不属于受理范围' }];

    // Act
    const results = await Promise.all(Array.from({ length: 12 }, (_, index) => api.graphql('officer', TRANSITION_APPROVAL, { input: { id: approval.id, expectedVersion: approval.version, ...decisions[index % 3] } })));

    // Assess
    const outcome = codes(results);
    expect(count(outcome, 'OK')).toBe(1);
    expect(count(outcome, 'CONFLICT')).toBe(11);
    succeeded(approval.id);
  });

  it('lets one of concurrent deletes and updates of one enterprise win, leaving it deleted with its guard, or updated', async () => {
    for (let round = 0; round < 3; round += 1) {
      // Prepare
      const enterprise = await createEnterprise(api, station);
      succeeded(enterprise.id);

      // Act
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          index % 2 === 0
            ? api.graphql('admin', DELETE_ENTERPRISE, { input: { id: enterprise.id, expectedVersion: enterprise.version } })
            : api.graphql('admin', UPDATE_ENTERPRISE, { input: { id: enterprise.id, expectedVersion: enterprise.version, employees: index } }),
        ),
      );

      // Assess
      const outcome = codes(results);
      expect(count(outcome, 'OK')).toBe(1);
      expect(count(outcome, 'CONFLICT') + count(outcome, 'NOT_FOUND')).toBe(9);
      const deleted = results.findIndex((result) => !result.errors) % 2 === 0;
      const read = await api.graphql('admin', READ.enterprise, { id: enterprise.id });
      const items = await tableItems(api.server.application.config.dynamodbEndpoint!, api.tableName);
      const guard = items.filter((item) => item.pk === `Unique#Enterprise#creditCode#${enterprise.creditCode}`);
      if (deleted) {
        expect(errorCode(read)).toBe('NOT_FOUND');
        expect(guard).toEqual([]);
      } else {
        expect((read.data as { enterprise: { version: number } }).enterprise.version).toBe(enterprise.version + 1);
        expect(guard).toHaveLength(1);
      }
      succeeded(enterprise.id);
    }
  });

  it('keeps every invariant after a random concurrent workload (seed 13, 240 operations, 12 at a time)', async () => {
    // Prepare
    const random = seeded(13);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const enterprises: string[] = [];
    const requests: string[] = [];
    const approvals: string[] = [];
    const projectOf = new Map<string, string>();
    const sharedCreditCodes = [newCreditCode(), newCreditCode()];
    const outcomes: string[] = [];
    const fieldsOf = (action: string): Record<string, unknown> =>
      ({
        DISPATCH: { assignedUnit: '区人社局', stationId: station },
        REPLY: { reply: '已答复。', outcome: { issueResolved: true, jobsFilled: 3, financingAmount: 12.5 } },
        CALLBACK: { reached: true, rating: 'SATISFIED', resolved: true },
        EXTEND: { workingDays: 2, note: '需要更多时间' },
        PAUSE: { reason: 'HEARING' },
        ACCEPT_TOLERANT: { commitment: { signatory: '王建国', signedOn: new Date().toISOString().slice(0, 10) }, outstandingMaterials: [] },
      })[action] ?? { note: '并发操作' };

    /** One random operation; returns its outcome code and records a success against its entity. */
    const operation = async (): Promise<string> => {
      const roll = random();
      const record = (result: GraphqlResponse<Record<string, { id: string }>>, into?: string[]) => {
        const code = errorCode(result) ?? 'OK';
        if (code === 'OK') {
          const { id } = Object.values(result.data!)[0]!;
          succeeded(id);
          into?.push(id);
        }
        return code;
      };
      if (roll < 0.15 || enterprises.length === 0) {
        const creditCode = random() < 0.3 ? pick(sharedCreditCodes) : newCreditCode();
        return record(await api.graphql('admin', CREATE_ENTERPRISE, { input: enterpriseInput(station, { creditCode }) }), enterprises);
      }
      if (roll < 0.45) {
        const id = pick(enterprises);
        const read = (await api.graphql<{ enterprise: { version: number; availableActions: string[] } | null }>('admin', READ.enterprise, { id })).data?.enterprise;
        if (!read) return 'NOT_FOUND';
        const kind = random();
        if (kind < 0.5) return record(await api.graphql('admin', UPDATE_ENTERPRISE, { input: { id, expectedVersion: read.version, employees: Math.floor(random() * 500) } }));
        if (kind < 0.8) return record(await api.graphql('admin', TRANSITION_ENTERPRISE, { input: { id, expectedVersion: read.version, action: pick([...read.availableActions, 'DEREGISTER']) } }));
        return record(await api.graphql('admin', DELETE_ENTERPRISE, { input: { id, expectedVersion: read.version } }));
      }
      if (roll < 0.6 || requests.length === 0) {
        const channel = pick(['STATION', 'HOTLINE']);
        const enterpriseId = random() < 0.5 && enterprises.length > 0 ? pick(enterprises) : null;
        return record(await api.graphql('admin', CREATE_REQUEST, { input: requestInput({ channel, stationId: channel === 'STATION' ? station : null, enterpriseId }) }), requests);
      }
      if (roll < 0.8) {
        const read = (await api.graphql<{ serviceRequest: { id: string; version: number; availableActions: string[] } }>('admin', READ.serviceRequest, { id: pick(requests) })).data!.serviceRequest;
        const action = pick([...read.availableActions, 'CLOSE']);
        return record(await api.graphql('admin', TRANSITION_REQUEST, { input: { id: read.id, expectedVersion: read.version, action, ...fieldsOf(action) } }));
      }
      if (roll < 0.88 || approvals.length === 0) {
        const enterpriseId = pick(enterprises);
        let projectId = projectOf.get(enterpriseId);
        if (!projectId) {
          const project = await api.graphql<Record<string, { id: string }>>('officer', CREATE_PROJECT, { input: projectInput(enterpriseId) });
          if (record(project) !== 'OK') return errorCode(project)!;
          projectId = project.data!.createProject!.id;
          projectOf.set(enterpriseId, projectId);
        }
        return record(await api.graphql('officer', CREATE_APPROVAL, { input: approvalInput(projectId) }), approvals);
      }
      const read = (await api.graphql<{ approval: { id: string; version: number; availableActions: string[] } }>('officer', READ.approval, { id: pick(approvals) })).data!.approval;
      const action = pick([...read.availableActions, 'ISSUE']);
      return record(await api.graphql('officer', TRANSITION_APPROVAL, { input: { id: read.id, expectedVersion: read.version, action, ...fieldsOf(action) } }));
    };

    // Act: 20 waves of 12 operations in flight at once.
    for (let wave = 0; wave < 20; wave += 1) outcomes.push(...(await Promise.all(Array.from({ length: 12 }, operation))));
    const report = await checkInvariants(api, mutations);

    // Assess
    expect(count(outcomes, 'OK')).toBeGreaterThan(100);
    expect(count(outcomes, 'CONFLICT')).toBeGreaterThan(0);
    expect(outcomes.filter((code) => !['OK', 'CONFLICT', 'NOT_FOUND', 'INVALID_TRANSITION', 'FAILED_PRECONDITION', 'BAD_USER_INPUT'].includes(code))).toEqual([]);
    const { checked, ...differences } = report;
    expect(differences).toEqual({ orphanGuards: [], missingGuards: [], counterDifferences: [], auditDifferences: [], aggregateDifferences: [] });
    expect(checked.records).toBeGreaterThan(40);
    expect(checked.guards).toBeGreaterThan(20);
    expect(checked.counters).toBeGreaterThan(50);
    expect(checked.auditEvents).toBe([...mutations.values()].reduce((sum, value) => sum + value, 0));
  }, 180_000);
});
