import { Role, shanghaiTime } from '@yizhan/shared';
import type { Viewer } from '../../api/src/auth/viewer';
import { RequestScope } from '../../api/src/request-scope';
import { createServices, type Services } from '../../api/src/services';
import type { TestApi } from './api';

/** A controllable clock: `set` moves it, the services read it. */
export class TestClock {
  constructor(private instant: Date) {}

  now = (): Date => this.instant;

  /** Moves to an instant given in Shanghai local time, e.g. `2026-09-28 10:00`. */
  set(shanghaiLocal: string): Date {
    const [date, time] = shanghaiLocal.split(' ');
    this.instant = shanghaiTime(date!, time!);
    return this.instant;
  }
}

/** The park-wide viewers tests act as on a controlled clock. */
export const viewers = {
  admin: { id: 'test:admin', username: 'admin', roles: [Role.ADMIN], stationIds: [], enterpriseId: null },
  officer: { id: 'test:officer', username: 'officer', roles: [Role.OFFICER], stationIds: [], enterpriseId: null },
} as const satisfies Record<string, Viewer>;

/** An enterprise's own user. */
export function enterpriseUser(enterpriseId: string): Viewer {
  return { id: `test:enterprise:${enterpriseId}`, username: 'enterprise', roles: [Role.ENTERPRISE], stationIds: [], enterpriseId };
}

/**
 * The API's services as `viewer` sees them on `clock`: the same stores and rules the HTTP API
 * uses, for stories that need time to pass (deadlines, pauses, the sweeper).
 */
export function servicesOn(api: TestApi, viewer: Viewer, clock: TestClock): Services {
  const { stores, cursors, config } = api.server.application;
  return createServices(stores, cursors, new RequestScope(viewer, `test-${viewer.username}`, clock.now), config);
}
