import { shanghaiDay, shanghaiTime, type WorkingDayCalendar } from './calendar';
import { ServiceCategory, ServiceChannel } from './enums';

/**
 * How fast requests must be handled and how callbacks and repeats are judged (docs/domain.md).
 * The defaults below are the park's; a deployment may set others (the API reads them from its
 * configuration) and the public service catalogue publishes the ones in force.
 */
export interface ServiceLevels {
  /** Working days a request may take, by channel: from signing for hotline tickets, from receipt otherwise. */
  readonly dueWorkingDays: Readonly<Record<ServiceChannel, number>>;
  /** Working days for the complex categories, on every channel. */
  readonly complexDueWorkingDays: number;
  /** Unreached callback attempts after which a replied request may close. */
  readonly callbackAttempts: number;
  /** Calendar days within which a request of the same requester phone or enterprise and category is a repeat. */
  readonly repeatWindowDays: number;
}

/** Reopens (发回重办) after which a request is escalated to the top level (提级督办). */
export const REOPENS_TO_ESCALATE = 3;

export const DEFAULT_SERVICE_LEVELS: ServiceLevels = {
  dueWorkingDays: { STATION: 5, ONSITE: 5, HOTLINE: 5, ONLINE: 5 },
  complexDueWorkingDays: 10,
  callbackAttempts: 3,
  repeatWindowDays: 30,
};

/** Categories whose handling involves several departments and so gets the longer limit. */
export const complexCategories: ReadonlySet<ServiceCategory> = new Set([ServiceCategory.PROJECT_APPROVAL, ServiceCategory.FINANCING]);

/** The working days a request of this channel and category may take. */
export function dueWorkingDays(channel: ServiceChannel, category: ServiceCategory, levels: ServiceLevels = DEFAULT_SERVICE_LEVELS): number {
  return complexCategories.has(category) ? levels.complexDueWorkingDays : levels.dueWorkingDays[channel];
}

/** The event a request's deadline counts from: signing for hotline tickets, receipt otherwise. */
export function clockStartsAt(channel: ServiceChannel): 'SIGNED' | 'RECEIVED' {
  return channel === ServiceChannel.HOTLINE ? 'SIGNED' : 'RECEIVED';
}


/**
 * The deadline of a request whose clock started at `startedAt`: the end (23:59:59.999 in
 * Asia/Shanghai) of the working day `workingDays` working days later, the start day not counted.
 * `provisional` when the count crossed a year whose holidays are not known.
 */
export function deadline(startedAt: string, workingDays: number, calendar: WorkingDayCalendar): { dueAt: string; provisional: boolean } {
  const { date, provisional } = calendar.addWorkingDays(shanghaiDay(startedAt), workingDays);
  return { dueAt: shanghaiTime(date, '23:59:59.999').toISOString(), provisional };
}
