import type { CalendarDayKind, RecordMeta } from '@yizhan/shared';

/** An administrator's override of one date; its id is the date itself. */
export interface CalendarOverrideRecord extends RecordMeta {
  readonly date: string;
  readonly kind: CalendarDayKind;
  readonly name: string | null;
}

export const CALENDAR_OVERRIDE = 'CalendarOverride';
