import { ServiceCategory, ServiceChannel } from './enums';

/**
 * Working days a service request may take before it is overdue (docs/domain.md): counted from
 * signing for hotline tickets, from receipt for the other channels. Complex categories get
 * the longer limit. The console shows these next to each category; the API computes `dueAt`.
 */
export const DEFAULT_DUE_WORKING_DAYS = 5;
export const COMPLEX_DUE_WORKING_DAYS = 10;

/** Categories whose handling involves several departments and so gets the longer limit. */
export const complexCategories: ReadonlySet<ServiceCategory> = new Set([
  ServiceCategory.PROJECT_APPROVAL,
  ServiceCategory.FINANCING,
]);

export const dueWorkingDaysByChannel: Readonly<Record<ServiceChannel, number>> = {
  STATION: DEFAULT_DUE_WORKING_DAYS,
  ONSITE: DEFAULT_DUE_WORKING_DAYS,
  HOTLINE: DEFAULT_DUE_WORKING_DAYS,
  ONLINE: DEFAULT_DUE_WORKING_DAYS,
};

/** The working days a request of this channel and category may take. */
export function dueWorkingDays(channel: ServiceChannel, category: ServiceCategory): number {
  return complexCategories.has(category) ? COMPLEX_DUE_WORKING_DAYS : dueWorkingDaysByChannel[channel];
}

/** Working days a request of this category may take on channels without a limit of their own. */
export function dueWorkingDaysOfCategory(category: ServiceCategory): number {
  return complexCategories.has(category) ? COMPLEX_DUE_WORKING_DAYS : DEFAULT_DUE_WORKING_DAYS;
}

/** The event a request's deadline counts from: signing for hotline tickets, receipt otherwise. */
export function clockStartsAt(channel: ServiceChannel): 'SIGNED' | 'RECEIVED' {
  return channel === ServiceChannel.HOTLINE ? 'SIGNED' : 'RECEIVED';
}
