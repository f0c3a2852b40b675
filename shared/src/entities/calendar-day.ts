import { writeControls } from '../fields/entity';
import { date, enumOf, integer, text } from '../fields/field';

/**
 * The years the working-day calendar serves and administrators may override: deadlines are
 * computed for them, and a year outside is refused everywhere alike.
 */
export const CALENDAR_YEARS = { first: 2000, last: 2100 } as const;

const calendarDate = date({
  label: { 'zh-CN': '日期', en: 'Date' },
  required: true,
  min: `${CALENDAR_YEARS.first}-01-01`,
  max: `${CALENDAR_YEARS.last}-12-31`,
});

/** An administrator's decision about one date (e.g. next year's holidays before they are published in the package). */
export const calendarDayFields = {
  date: calendarDate,
  kind: enumOf('CalendarDayKind', {
    label: { 'zh-CN': '上班或放假', en: 'Working day or holiday' },
    description: 'HOLIDAY makes a weekday a day off; WORKDAY makes a weekend day a make-up working day.',
    required: true,
  }),
  name: text({ label: { 'zh-CN': '节日名称', en: 'Holiday' }, description: 'The holiday, e.g. 春节.', maxLength: 50 }),
} as const;

/** `setCalendarDay`: creates an override, or replaces one at its version. */
export const setCalendarDayFields = {
  ...calendarDayFields,
  expectedVersion: integer({
    label: writeControls.expectedVersion.label,
    description: 'Required when replacing an existing override.',
    min: 1,
    max: 2_147_483_647,
  }),
} as const;

/** `removeCalendarDay`: removes an override at its version. */
export const removeCalendarDayFields = { date: calendarDate, expectedVersion: writeControls.expectedVersion } as const;
