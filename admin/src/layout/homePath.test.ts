import { Role } from '@yizhan/shared';
import { describe, expect, it } from 'vitest';
import type { Permissions } from '../authProvider/permissions';
import { homePathOf } from './homePath';

const user = (roles: Role[], stationIds: string[] = []): Permissions => ({ username: 'someone', roles, stationIds });

describe('where each role starts', () => {
  it('starts operators on the open 12345 tickets, officers on the approvals and station staff on their station’s requests', () => {
    // Act
    const operator = new URL(`http://console${homePathOf(user([Role.OPERATOR]))!}`);
    const officer = homePathOf(user([Role.OFFICER]));
    const staff = homePathOf(user([Role.STAFF], ['station-jr']));

    // Assess
    expect(operator.pathname).toBe('/serviceRequests');
    expect(JSON.parse(operator.searchParams.get('filter')!)).toEqual({ channel: ['HOTLINE'], status: ['RECEIVED', 'DISPATCHED', 'SIGNED', 'IN_PROGRESS', 'RETURNED', 'REOPENED'] });
    expect(officer).toBe('/approvals');
    expect(staff).toBe('/stations/station-jr/show/requests');
  });

  it('starts administrators and leadership on the dashboard, also when they hold another role', () => {
    // Assess
    expect(homePathOf(user([Role.ADMIN]))).toBeNull();
    expect(homePathOf(user([Role.VIEWER]))).toBeNull();
    expect(homePathOf(user([Role.OFFICER, Role.VIEWER]))).toBeNull();
  });
});
