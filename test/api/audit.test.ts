import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSchema } from '../../api/src/schema';
import { errorCode, TestApi } from '../support/api';
import { act as approvalAct, createApproval, createProject, RECORD_JOINT, SUPPLY, shanghaiToday, tolerantFields } from '../support/approvals';
import { createEnterprise, createStation } from '../support/fixtures';
import { act, createRequest } from '../support/service-requests';

const JOURNAL = `query($after: String) { auditEvents(first: 100, after: $after) { totalCount nodes { action entityType entityId requestId } pageInfo { hasNextPage endCursor } } }`;

describe('audit journal', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('records an event for every mutation of the schema, and none for refused ones', async () => {
    const station = await createStation(api);
    await api.data('admin', `mutation($input: UpdateStationInput!) { updateStation(input: $input) { id } }`, { input: { id: station.id, expectedVersion: 1, name: '改名驿站' } });
    await api.data('admin', `mutation($input: TransitionStationInput!) { transitionStation(input: $input) { id } }`, { input: { id: station.id, expectedVersion: 2, action: 'SUSPEND' } });
    const enterprise = await createEnterprise(api, station.id);
    await api.data('admin', `mutation($input: UpdateEnterpriseInput!) { updateEnterprise(input: $input) { id } }`, { input: { id: enterprise.id, expectedVersion: 1, employees: 7 } });
    await api.data('admin', `mutation($input: TransitionEnterpriseInput!) { transitionEnterprise(input: $input) { id } }`, { input: { id: enterprise.id, expectedVersion: 2, action: 'MOVE_OUT' } });
    await api.data('admin', `mutation($input: DeleteEnterpriseInput!) { deleteEnterprise(input: $input) { id } }`, { input: { id: enterprise.id, expectedVersion: 3 } });
    const request = await createRequest(api, 'admin');
    await api.data('admin', `mutation($input: UpdateServiceRequestInput!) { updateServiceRequest(input: $input) { id } }`, { input: { id: request.id, expectedVersion: 1, title: '改标题' } });
    await act(api, 'admin', { id: request.id, version: 2 }, 'DISPATCH', { assignedUnit: '园区物业' });
    const owner = await createEnterprise(api, station.id);
    const project = await createProject(api, 'admin', owner.id);
    await api.data('admin', `mutation($input: UpdateProjectInput!) { updateProject(input: $input) { id } }`, { input: { id: project.id, expectedVersion: 1, agentService: true } });
    await api.data('admin', `mutation($input: TransitionProjectInput!) { transitionProject(input: $input) { id } }`, { input: { id: project.id, expectedVersion: 2, action: 'START_APPROVAL' } });
    const approval = await createApproval(api, 'admin', project.id, { stage: 'COMPLETION_ACCEPTANCE', itemName: '竣工联合验收' });
    await api.data('admin', `mutation($input: UpdateApprovalInput!) { updateApproval(input: $input) { id } }`, { input: { id: approval.id, expectedVersion: 1, department: '住房和城乡建设局' } });
    await approvalAct(api, 'admin', { id: approval.id, version: 2 }, 'ACCEPT_TOLERANT', tolerantFields(shanghaiToday()));
    await api.data('admin', SUPPLY, { input: { id: approval.id, expectedVersion: 3, materials: [{ name: '消防设计审查意见' }] } });
    await approvalAct(api, 'admin', { id: approval.id, version: 4 }, 'START_REVIEW');
    await api.data('admin', RECORD_JOINT, { input: { id: approval.id, expectedVersion: 5, checks: [{ type: 'FIRE', result: 'PASSED' }] } });
    await api.data('admin', `mutation { setCalendarDay(input: { date: "2027-01-01", kind: HOLIDAY, name: "元旦" }) { id } }`);
    await api.data('admin', `mutation { removeCalendarDay(input: { date: "2027-01-01", expectedVersion: 1 }) { id } }`);
    const refused = await api.graphql('admin', `mutation($input: UpdateStationInput!) { updateStation(input: $input) { id } }`, { input: { id: station.id, expectedVersion: 1, name: 'stale' } });
    expect(errorCode(refused)).toBe('CONFLICT');

    const journal = (await api.data('admin', JOURNAL)).auditEvents;
    const actions = journal.nodes.map((event: { action: string }) => event.action);
    const mutations = Object.keys(getSchema().getMutationType()!.getFields());

    expect(new Set(actions)).toEqual(new Set(mutations));
    expect(journal.totalCount).toBe(22);
    expect(actions).toEqual([
      'removeCalendarDay',
      'setCalendarDay',
      'recordJointAcceptance',
      'transitionApproval',
      'supplyApprovalMaterials',
      'transitionApproval',
      'updateApproval',
      'createApproval',
      'transitionProject',
      'updateProject',
      'createProject',
      'createEnterprise',
      'transitionServiceRequest',
      'updateServiceRequest',
      'createServiceRequest',
      'deleteEnterprise',
      'transitionEnterprise',
      'updateEnterprise',
      'createEnterprise',
      'transitionStation',
      'updateStation',
      'createStation',
    ]);
  });

  it('keeps deleted records’ history readable by administrators', async () => {
    const station = await createStation(api);
    const enterprise = await createEnterprise(api, station.id);
    await api.data('admin', `mutation($input: DeleteEnterpriseInput!) { deleteEnterprise(input: $input) { id } }`, { input: { id: enterprise.id, expectedVersion: 1 } });
    const history = (await api.data('admin', `query($id: ID) { auditEvents(entityId: $id) { nodes { action changes { field from to } } } }`, { id: enterprise.id })).auditEvents.nodes;
    expect(history.map((event: { action: string }) => event.action)).toEqual(['deleteEnterprise', 'createEnterprise']);
    expect(history[0].changes).toContainEqual({ field: 'name', from: enterprise.name, to: null });
  });
});
