import { OPEN_SERVICE_REQUEST_STATES, Role, ServiceChannel } from '@yizhan/shared';
import type { Permissions } from '../authProvider/permissions';

/** A ready-made list of requests: its filter and order, and who it is for. */
export interface ServiceRequestView {
  readonly name: 'all' | 'hotline' | 'station' | 'overdue' | 'due_soon';
  readonly filter: Readonly<Record<string, unknown>>;
  readonly sort: { readonly field: string; readonly order: 'ASC' | 'DESC' };
}

const byReceipt = { field: 'receivedAt', order: 'DESC' } as const;
/** Open requests by due time, soonest first (the API's DUE order). */
const byDue = { field: 'dueAt', order: 'ASC' } as const;

/**
 * The views a user's work starts from: the hotline queue (open 12345 tickets), their stations'
 * requests (station staff), the overdue ones and those not yet overdue in due order (due within
 * a working day come first and are marked).
 */
export function serviceRequestViews(permissions: Permissions | undefined): ServiceRequestView[] {
  const roles = permissions?.roles ?? [];
  const views: ServiceRequestView[] = [{ name: 'all', filter: {}, sort: byReceipt }];
  if (roles.includes(Role.OPERATOR) || roles.includes(Role.ADMIN)) {
    // New tickets have no deadline until signed, so the queue goes by receipt, not by due time.
    views.push({ name: 'hotline', filter: { channel: [ServiceChannel.HOTLINE], status: OPEN_SERVICE_REQUEST_STATES }, sort: byReceipt });
  }
  if (roles.includes(Role.STAFF) && permissions!.stationIds.length > 0) {
    views.push({ name: 'station', filter: { stationId: permissions!.stationIds }, sort: byReceipt });
  }
  views.push({ name: 'overdue', filter: { overdue: true }, sort: byDue }, { name: 'due_soon', filter: { overdue: false }, sort: byDue });
  return views;
}
