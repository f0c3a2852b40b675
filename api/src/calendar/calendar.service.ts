import { WorkingDayCalendar, type CalendarOverride } from '@yizhan/shared';
import { assertExpectedVersion, nextVersion } from '../common/records';
import type { RequestScope } from '../context';
import { BadUserInputError, NotFoundError } from '../errors';
import type { EntityStore } from '../store/entity-store';
import { CALENDAR_OVERRIDE, type CalendarOverrideRecord } from './calendar.model';
import { calendarOrder } from './calendar.store';
import type { RemoveCalendarDayInput, SetCalendarDayInput, WorkCalendar } from './calendar.type';

/** Overrides are few (tens a year): the whole set is read at most once per request. */
const MAX_OVERRIDES = 10_000;

/** The working-day calendar: the package's data plus administrators' overrides. */
export class CalendarService {
  private overridesOfRequest: Promise<CalendarOverrideRecord[]> | undefined;
  private calendarOfRequest: Promise<WorkingDayCalendar> | undefined;

  constructor(
    private readonly overrides: EntityStore<CalendarOverrideRecord>,
    private readonly scope: RequestScope,
  ) {}

  /** The calendar deadlines are computed on, loaded once per request. */
  calendar(): Promise<WorkingDayCalendar> {
    this.calendarOfRequest ??= this.allOverrides().then(
      (records) => new WorkingDayCalendar(records.map(({ date, kind, name }): CalendarOverride => ({ date, kind, name }))),
    );
    return this.calendarOfRequest;
  }

  async year(year: number): Promise<WorkCalendar> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) {
      throw BadUserInputError.field('year', 'year must be between 2000 and 2100.');
    }
    const [calendar, all] = await Promise.all([this.calendar(), this.allOverrides()]);
    const overrides = all.filter((override) => override.date.startsWith(`${year}-`));
    const { days } = calendar.workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`);
    return {
      year,
      provisional: !calendar.hasData(year),
      workingDayCount: days,
      specialDays: calendar.specialDays(year),
      overrides: overrides.map((override) => ({ ...override })),
    };
  }

  /** Creates or replaces the override of one date. */
  async set(input: SetCalendarDayInput): Promise<CalendarOverrideRecord> {
    const at = this.scope.now();
    const existing = await this.overrides.get(input.date);
    const name = input.name?.trim() || null;
    if (!existing) {
      const record: CalendarOverrideRecord = { id: input.date, version: 1, createdAt: at, updatedAt: at, date: input.date, kind: input.kind, name };
      return this.overrides.create(record, this.scope.write('setCalendarDay', at));
    }
    if (input.expectedVersion === undefined || input.expectedVersion === null) {
      throw BadUserInputError.field('expectedVersion', `${input.date} already has an override; pass its version to replace it.`);
    }
    assertExpectedVersion(CALENDAR_OVERRIDE, existing, input.expectedVersion);
    return this.overrides.replace(existing, nextVersion(existing, { kind: input.kind, name }, at), this.scope.write('setCalendarDay', at));
  }

  async remove(input: RemoveCalendarDayInput): Promise<CalendarOverrideRecord> {
    const existing = await this.overrides.get(input.date);
    if (!existing) throw new NotFoundError(CALENDAR_OVERRIDE, input.date);
    assertExpectedVersion(CALENDAR_OVERRIDE, existing, input.expectedVersion);
    await this.overrides.remove(existing, this.scope.write('removeCalendarDay'));
    return existing;
  }

  /** Every override, read once per request (one small, date-ordered partition). */
  private allOverrides(): Promise<CalendarOverrideRecord[]> {
    this.overridesOfRequest ??= this.overrides
      .page({ index: calendarOrder, partition: CALENDAR_OVERRIDE, ascending: true }, MAX_OVERRIDES, undefined)
      .then((page) => page.records);
    return this.overridesOfRequest;
  }
}
