import { createHash } from 'node:crypto';
import { CALENDAR_YEARS, type CalendarOverride, WorkingDayCalendar } from '@yizhan/shared';
import { assertExpectedVersion, nextVersion } from '../common/records';
import { BadUserInputError, NotFoundError } from '../errors';
import type { RequestScope } from '../request-scope';
import { CALENDAR_OVERRIDE, type CalendarOverrideRecord } from './calendar.model';
import type { CalendarStore } from './calendar.store';
import type { RemoveCalendarDay, SetCalendarDay, WorkCalendar } from './calendar.type';

/** The working-day calendar: the package's data plus administrators' overrides. */
export class CalendarService {
  private overridesOfRequest: Promise<CalendarOverrideRecord[]> | undefined;
  private calendarOfRequest: Promise<WorkingDayCalendar> | undefined;

  constructor(
    private readonly overrides: CalendarStore,
    private readonly scope: RequestScope,
  ) {}

  /** The calendar deadlines are computed on, loaded once per request. */
  calendar(): Promise<WorkingDayCalendar> {
    this.calendarOfRequest ??= this.allOverrides().then(
      (records) => new WorkingDayCalendar(records.map(({ date, kind, name }): CalendarOverride => ({ date, kind, name }))),
    );
    return this.calendarOfRequest;
  }

  /**
   * Which calendar deadlines are computed on: the package's data and the overrides as they are
   * now. A record stores it with the deadlines it computed, so a later override that does not
   * move them (until the clock next changes) leaves a trace of why.
   */
  async revision(): Promise<string> {
    const overrides = await this.allOverrides();
    if (overrides.length === 0) return `package-${WorkingDayCalendar.lastPackageYear}`;
    const digest = createHash('sha256')
      .update(overrides.map((override) => `${override.date}:${override.kind}:${override.version}`).join(','))
      .digest('base64url')
      .slice(0, 12);
    return `package-${WorkingDayCalendar.lastPackageYear}+${overrides.length}-${digest}`;
  }

  async year(year: number): Promise<WorkCalendar> {
    if (!Number.isInteger(year) || year < CALENDAR_YEARS.first || year > CALENDAR_YEARS.last) {
      throw BadUserInputError.field('year', `year must be between ${CALENDAR_YEARS.first} and ${CALENDAR_YEARS.last}.`);
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
  async set(input: SetCalendarDay): Promise<CalendarOverrideRecord> {
    const now = this.scope.now();
    const at = now.toISOString();
    const existing = await this.overrides.get(input.date);
    const name = input.name ?? null;
    if (!existing) {
      const record: CalendarOverrideRecord = { id: input.date, version: 1, createdAt: at, updatedAt: at, date: input.date, kind: input.kind, name };
      return this.overrides.create(record, this.scope.write('setCalendarDay', now));
    }
    if (input.expectedVersion === null) {
      throw BadUserInputError.field('expectedVersion', `${input.date} already has an override; pass its version to replace it.`);
    }
    assertExpectedVersion(CALENDAR_OVERRIDE, existing, input.expectedVersion);
    return this.overrides.replace(existing, nextVersion(existing, { kind: input.kind, name }, now), this.scope.write('setCalendarDay', now));
  }

  async remove(input: RemoveCalendarDay): Promise<CalendarOverrideRecord> {
    const existing = await this.overrides.get(input.date);
    if (!existing) throw new NotFoundError(CALENDAR_OVERRIDE, input.date);
    assertExpectedVersion(CALENDAR_OVERRIDE, existing, input.expectedVersion);
    await this.overrides.remove(existing, this.scope.write('removeCalendarDay', this.scope.now()));
    return existing;
  }

  /** Every override, read once per request (one small, date-ordered partition). */
  private allOverrides(): Promise<CalendarOverrideRecord[]> {
    this.overridesOfRequest ??= this.overrides.all();
    return this.overridesOfRequest;
  }
}
