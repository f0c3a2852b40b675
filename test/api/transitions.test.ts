import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, TestApi } from '../support/api';
import { createEnterprise, createStation } from '../support/fixtures';

const TRANSITION_STATION = `mutation($input: TransitionStationInput!) { transitionStation(input: $input) { id version status availableActions } }`;
const TRANSITION_ENTERPRISE = `mutation($input: TransitionEnterpriseInput!) { transitionEnterprise(input: $input) { id version status availableActions } }`;
const HISTORY = `query($id: ID) { auditEvents(entityId: $id) { nodes { action transition note versionBefore versionAfter changes { field from to } } } }`;

describe('status changes through the shared state machine', () => {
  let api: TestApi;
  let jr: string;
  let zn: string;

  beforeAll(async () => {
    api = await TestApi.startWithDemoDirectory();
    ({ JR: jr, ZN: zn } = (await api.stationIds()) as { JR: string; ZN: string });
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
  });

  it('takes the verbs availableActions lists, and records the action and the note in the history', async () => {
    const station = await createStation(api);
    const suspended = (await api.data('admin', TRANSITION_STATION, { input: { id: station.id, expectedVersion: 1, action: 'SUSPEND', note: '装修两周' } })).transitionStation;
    expect(suspended).toMatchObject({ version: 2, status: 'SUSPENDED', availableActions: ['RESUME', 'CLOSE'] });
    const resumed = (await api.data('admin', TRANSITION_STATION, { input: { id: station.id, expectedVersion: 2, action: 'RESUME' } })).transitionStation;
    expect(resumed).toMatchObject({ version: 3, status: 'ACTIVE', availableActions: ['SUSPEND', 'CLOSE'] });

    const history = (await api.data('admin', HISTORY, { id: station.id })).auditEvents.nodes;
    expect(history.slice(0, 2)).toEqual([
      { action: 'transitionStation', transition: 'RESUME', note: null, versionBefore: 2, versionAfter: 3, changes: [{ field: 'status', from: 'SUSPENDED', to: 'ACTIVE' }] },
      { action: 'transitionStation', transition: 'SUSPEND', note: '装修两周', versionBefore: 1, versionAfter: 2, changes: [{ field: 'status', from: 'ACTIVE', to: 'SUSPENDED' }] },
    ]);
  });

  it('refuses an action the state does not allow with INVALID_TRANSITION and the allowed actions, changing nothing', async () => {
    const station = await createStation(api);
    await api.data('admin', TRANSITION_STATION, { input: { id: station.id, expectedVersion: 1, action: 'CLOSE' } });
    const resume = await api.graphql('admin', TRANSITION_STATION, { input: { id: station.id, expectedVersion: 2, action: 'RESUME' } });
    expect(resume.errors![0]!.extensions).toMatchObject({ code: 'INVALID_TRANSITION', allowedActions: [] });

    const enterprise = await createEnterprise(api, jr);
    const back = await api.graphql('admin', TRANSITION_ENTERPRISE, { input: { id: enterprise.id, expectedVersion: 1, action: 'MOVE_BACK' } });
    expect(back.errors![0]!.extensions).toMatchObject({ code: 'INVALID_TRANSITION', allowedActions: ['MOVE_OUT', 'DEREGISTER'] });
    expect((await api.data('admin', `query($id: ID!) { enterprise(id: $id) { version status } }`, { id: enterprise.id })).enterprise).toEqual({ version: 1, status: 'ACTIVE' });
  });

  it('refuses a stale version with CONFLICT and the current version', async () => {
    const station = await createStation(api);
    await api.data('admin', TRANSITION_STATION, { input: { id: station.id, expectedVersion: 1, action: 'SUSPEND' } });
    const stale = await api.graphql('admin', TRANSITION_STATION, { input: { id: station.id, expectedVersion: 1, action: 'CLOSE' } });
    expect(stale.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2, expectedVersion: 1 });
  });

  it('lets station staff act on their own enterprises only, and offers others no actions', async () => {
    const own = await createEnterprise(api, jr);
    const other = await createEnterprise(api, zn);
    api.forgetTokens();

    const moved = (await api.data('staff-jr', TRANSITION_ENTERPRISE, { input: { id: own.id, expectedVersion: 1, action: 'MOVE_OUT', note: '迁往长沙' } })).transitionEnterprise;
    const foreign = await api.graphql('staff-jr', TRANSITION_ENTERPRISE, { input: { id: other.id, expectedVersion: 1, action: 'MOVE_OUT' } });
    const viewer = await api.graphql('viewer', TRANSITION_ENTERPRISE, { input: { id: own.id, expectedVersion: 2, action: 'MOVE_BACK' } });
    const station = await api.graphql('staff-jr', TRANSITION_STATION, { input: { id: jr, expectedVersion: 1, action: 'SUSPEND' } });
    const asViewer = (await api.data('viewer', `query($id: ID!) { enterprise(id: $id) { availableActions } }`, { id: own.id })).enterprise;

    expect(moved).toMatchObject({ status: 'MOVED_OUT', availableActions: ['MOVE_BACK', 'DEREGISTER'] });
    expect(errorCode(foreign)).toBe('NOT_FOUND');
    expect(errorCode(viewer)).toBe('FORBIDDEN');
    expect(errorCode(station)).toBe('FORBIDDEN');
    expect(asViewer.availableActions).toEqual([]);
  });

  it('keeps the old update path (status on updateX) working through the same machine, recording the action', async () => {
    const station = await createStation(api);
    const updated = (await api.data('admin', `mutation($input: UpdateStationInput!) { updateStation(input: $input) { status version } }`, {
      input: { id: station.id, expectedVersion: 1, status: 'SUSPENDED', openingHours: '周一至周三' },
    })).updateStation;
    expect(updated).toEqual({ status: 'SUSPENDED', version: 2 });
    const [event] = (await api.data('admin', HISTORY, { id: station.id })).auditEvents.nodes;
    expect(event).toMatchObject({ action: 'updateStation', transition: 'SUSPEND' });
    expect(event.changes.map((change: { field: string }) => change.field)).toEqual(['openingHours', 'status']);
  });
});
