import packageCalendar from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { CalendarDayKind } from './enums';

/**
 * Working-day calendar of mainland China on calendar dates (`YYYY-MM-DD`, Asia/Shanghai).
 *
 * Sources, strongest first: administrator overrides, the `chinese-days` package's published
 * arrangements (statutory holidays and make-up working days, 调休), and the Monday–Friday rule.
 * Dates are handled as whole days counted in UTC so the host's time zone never shifts them.
 */

/** An administrator's decision about one date, e.g. next year's holidays before the package has them. */
export interface CalendarOverride {
  date: string;
  kind: CalendarDayKind;
  name?: string | null;
}

/** What decided a day: an override, a holiday or make-up day in the package, or Monday–Friday. */
export type DaySource = 'OVERRIDE' | 'PACKAGE' | 'WEEKDAY_RULE';

/** One date as the calendar sees it. */
export interface CalendarDay {
  date: string;
  working: boolean;
  /** MAKEUP_WORKDAY is a working Saturday or Sunday; HOLIDAY a day off that is not a plain weekend. */
  kind: 'WORKDAY' | 'WEEKEND' | 'HOLIDAY' | 'MAKEUP_WORKDAY';
  /** Name of the holiday a HOLIDAY or make-up day belongs to, e.g. 春节; null for plain days. */
  name: string | null;
  source: DaySource;
  /** The day's year has neither package data nor any override, so the weekday rule is a guess. */
  provisional: boolean;
}

const MILLISECONDS_PER_DAY = 86_400_000;
const SHANGHAI_OFFSET_MILLISECONDS = 8 * 60 * 60 * 1000;
const CALENDAR_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

interface PackageDay {
  working: boolean;
  name: string;
}

/**
 * The package's entries are "English name,中文名,days" (e.g. "Spring Festival,春节,4"); the
 * console is Chinese first, so the Chinese name is kept.
 */
function chineseName(entry: string): string {
  const [englishName, chinese] = entry.split(',');
  return chinese ?? englishName ?? entry;
}

function loadPackageDays(): { days: ReadonlyMap<string, PackageDay>; firstYear: number; lastYear: number } {
  const days = new Map<string, PackageDay>();
  const holidays: Readonly<Record<string, string>> = packageCalendar.holidays;
  const workdays: Readonly<Record<string, string>> = packageCalendar.workdays;
  for (const [date, entry] of Object.entries(holidays)) days.set(date, { working: false, name: chineseName(entry) });
  // A date listed as both would be a package error; the package's own isWorkday lets the make-up day win.
  for (const [date, entry] of Object.entries(workdays)) days.set(date, { working: true, name: chineseName(entry) });
  const years = [...days.keys()].map(yearOf);
  return { days, firstYear: Math.min(...years), lastYear: Math.max(...years) };
}

const packageData = loadPackageDays();

/** Whether `value` is a real calendar date written strictly as `YYYY-MM-DD`. */
export function isCalendarDate(value: string): boolean {
  const match = CALENDAR_DATE_PATTERN.exec(value);
  if (match === null) return false;
  const [, year, month, day] = match;
  const time = Date.UTC(Number(year), Number(month) - 1, Number(day));
  // Date.UTC treats years 0–99 as 1900–1999; a four-digit year below 1000 is not a date we handle.
  return Number(year) >= 1000 && new Date(time).toISOString().slice(0, 10) === value;
}

function assertCalendarDate(value: string, what = 'date'): void {
  if (!isCalendarDate(value)) throw new RangeError(`${what} must be a calendar date YYYY-MM-DD, got "${value}"`);
}

function toDayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / MILLISECONDS_PER_DAY;
}

function fromDayNumber(dayNumber: number): string {
  return new Date(dayNumber * MILLISECONDS_PER_DAY).toISOString().slice(0, 10);
}

function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

function isWeekend(dayNumber: number): boolean {
  // Day 0 (1970-01-01) was a Thursday.
  const weekday = (((dayNumber + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
}

/** The calendar date of an instant in Asia/Shanghai (UTC+8 all year, no daylight saving). */
export function shanghaiDate(instant: Date): string {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new RangeError('instant is an invalid Date');
  return new Date(time + SHANGHAI_OFFSET_MILLISECONDS).toISOString().slice(0, 10);
}

/** The calendar date in Asia/Shanghai of an ISO-8601 instant such as `2026-09-29T17:00:00.000Z` (→ 09-30). */
export function shanghaiDay(instant: string): string {
  return shanghaiDate(new Date(instant));
}

/** The instant of a local time of day (`10:00`, `23:59:59.999`) on a date in Asia/Shanghai. */
export function shanghaiTime(date: string, time: string): Date {
  return new Date(`${date}T${time}+08:00`);
}

/** The date `days` calendar days after `date` (before it when negative). */
export function addCalendarDays(date: string, days: number): string {
  assertCalendarDate(date);
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * Working days of mainland China: the `chinese-days` package for the years it covers, with
 * administrator overrides on top. Immutable: build a new calendar when the overrides change.
 */
export class WorkingDayCalendar {
  /** First year the package has arrangements for. */
  static readonly firstPackageYear: number = packageData.firstYear;
  /** Last year the package has arrangements for; later years need overrides or are provisional. */
  static readonly lastPackageYear: number = packageData.lastYear;

  private readonly overrides: ReadonlyMap<string, CalendarOverride>;
  private readonly overrideYears: ReadonlySet<number>;

  /**
   * @param overrides administrator overrides; for a date given twice the later entry wins.
   * @throws RangeError when an override's date is not a calendar date.
   */
  constructor(overrides: readonly CalendarOverride[] = []) {
    const byDate = new Map<string, CalendarOverride>();
    for (const override of overrides) {
      assertCalendarDate(override.date, 'override date');
      byDate.set(override.date, override);
    }
    this.overrides = byDate;
    this.overrideYears = new Set([...byDate.keys()].map(yearOf));
  }

  /** Whether the calendar knows `year`'s arrangement: the package covers it or it has an override. */
  hasData(year: number): boolean {
    return (
      (year >= WorkingDayCalendar.firstPackageYear && year <= WorkingDayCalendar.lastPackageYear) ||
      this.overrideYears.has(year)
    );
  }

  /** How the calendar sees `date`. */
  day(date: string): CalendarDay {
    assertCalendarDate(date);
    return this.dayAt(toDayNumber(date), date);
  }

  /** Whether `date` is a working day. */
  isWorkingDay(date: string): boolean {
    return this.day(date).working;
  }

  /**
   * The date `days` working days after `start`: the start day itself is not counted, weekends
   * and holidays are skipped, make-up working days count. `days = 0` answers `start`.
   * `provisional` when the walk (or the answer) touches a year without data.
   */
  addWorkingDays(start: string, days: number): { date: string; provisional: boolean } {
    assertCalendarDate(start, 'start');
    if (!Number.isInteger(days) || days < 0) {
      throw new RangeError(`days must be a whole number of working days ≥ 0, got ${days}`);
    }
    let dayNumber = toDayNumber(start);
    let date = start;
    let provisional = !this.hasData(yearOf(start)) && days === 0;
    for (let remaining = days; remaining > 0; ) {
      dayNumber += 1;
      date = fromDayNumber(dayNumber);
      const day = this.dayAt(dayNumber, date);
      provisional ||= day.provisional;
      if (day.working) remaining -= 1;
    }
    return { date, provisional };
  }

  /**
   * Working days in the half-open range (`from`, `to`] — the elapsed working days between two
   * events, the first day not counted. 0 when `to` is not after `from`.
   */
  workingDaysBetween(from: string, to: string): { days: number; provisional: boolean } {
    assertCalendarDate(from, 'from');
    assertCalendarDate(to, 'to');
    let days = 0;
    let provisional = false;
    const last = toDayNumber(to);
    for (let dayNumber = toDayNumber(from) + 1; dayNumber <= last; dayNumber += 1) {
      const day = this.dayAt(dayNumber, fromDayNumber(dayNumber));
      provisional ||= day.provisional;
      if (day.working) days += 1;
    }
    return { days, provisional };
  }

  /**
   * The year's days that differ from plain Monday–Friday — package holidays and make-up days
   * and every override (overrides winning) — sorted by date. This is what the calendar screen
   * lists and what administrators edit.
   */
  specialDays(year: number): CalendarDay[] {
    if (!Number.isInteger(year)) throw new RangeError(`year must be an integer, got ${year}`);
    const prefix = `${String(year).padStart(4, '0')}-`;
    const dates = new Set<string>();
    for (const date of packageData.days.keys()) if (date.startsWith(prefix)) dates.add(date);
    for (const date of this.overrides.keys()) if (date.startsWith(prefix)) dates.add(date);
    return [...dates].sort().map((date) => this.day(date));
  }

  private dayAt(dayNumber: number, date: string): CalendarDay {
    const weekend = isWeekend(dayNumber);
    const override = this.overrides.get(date);
    if (override !== undefined) {
      const working = override.kind === CalendarDayKind.WORKDAY;
      return {
        date,
        working,
        kind: classify(working, weekend),
        name: override.name ?? null,
        source: 'OVERRIDE',
        provisional: false,
      };
    }
    const packageDay = packageData.days.get(date);
    if (packageDay !== undefined) {
      return {
        date,
        working: packageDay.working,
        kind: classify(packageDay.working, weekend),
        name: packageDay.name,
        source: 'PACKAGE',
        provisional: false,
      };
    }
    return {
      date,
      working: !weekend,
      kind: weekend ? 'WEEKEND' : 'WORKDAY',
      name: null,
      source: 'WEEKDAY_RULE',
      provisional: !this.hasData(yearOf(date)),
    };
  }
}

/** A declared day off is a HOLIDAY even on a weekend, since it belongs to a holiday period. */
function classify(working: boolean, weekend: boolean): CalendarDay['kind'] {
  if (!working) return 'HOLIDAY';
  return weekend ? 'MAKEUP_WORKDAY' : 'WORKDAY';
}
