import { Role } from '@yizhan/shared';
import type { Permissions } from '../authProvider/permissions';
import { serviceRequestViews } from '../service-requests/serviceRequestViews';

/**
 * Where a user's day starts: hotline operators on their queue, approval officers on the
 * approvals, station staff on their station (its requests), an enterprise's user on its
 * requests; administrators and leadership (and anyone else) on the dashboard (null).
 */
export function homePathOf(permissions: Permissions): string | null {
  const { roles } = permissions;
  if (roles.includes(Role.ADMIN) || roles.includes(Role.VIEWER)) return null;
  if (roles.includes(Role.OPERATOR)) {
    const queue = serviceRequestViews(permissions).find((view) => view.name === 'hotline')!;
    const query = new URLSearchParams({ filter: JSON.stringify(queue.filter), sort: queue.sort.field, order: queue.sort.order });
    return `/serviceRequests?${query}`;
  }
  if (roles.includes(Role.OFFICER)) return '/approvals';
  if (roles.includes(Role.STAFF) && permissions.stationIds[0]) return `/stations/${permissions.stationIds[0]}/show/requests`;
  if (roles.includes(Role.ENTERPRISE)) return '/serviceRequests';
  return null;
}

