import { Role } from '@yizhan/shared';
import type { Viewer } from '../auth/viewer';

/** The seeder acts as an administrator named `seed`, so its writes are audited like any other. */
export const SEED_VIEWER: Viewer = { id: 'system:seed', username: 'seed', roles: [Role.ADMIN], stationIds: [], enterpriseId: null };
