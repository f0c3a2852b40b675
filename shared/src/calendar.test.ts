import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  type CalendarOverride,
  isCalendarDate,
  shanghaiDate,
  WorkingDayCalendar,
} from './calendar';
import { CalendarDayKind } from './enums';

function datesBetween(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let date = first; date <= last; date = addCalendarDays(date, 1)) dates.push(date);
  return dates;
}

describe('isCalendarDate', () => {
  it('accepts real dates written YYYY-MM-DD', () => {
    expect(isCalendarDate('2025-01-28')).toBe(true);
    expect(isCalendarDate('2024-02-29')).toBe(true);
  });

  it('rejects impossible dates and other spellings', () => {
    for (const value of ['2025-02-29', '2025-13-01', '2025-00-10', '2025-1-5', '2025/01/05', '20250105', '2025-01-05T00:00:00Z', '', ' 2025-01-05']) {
      expect(isCalendarDate(value), value).toBe(false);
    }
  });
});

describe('shanghaiDate', () => {
  it('gives the Shanghai date of an instant, eight hours ahead of UTC', () => {
    expect(shanghaiDate(new Date('2025-09-30T15:59:59.999Z'))).toBe('2025-09-30');
    expect(shanghaiDate(new Date('2025-09-30T16:00:00Z'))).toBe('2025-10-01');
    expect(shanghaiDate(new Date('2025-12-31T16:30:00Z'))).toBe('2026-01-01');
  });

  it('refuses an invalid Date', () => {
    expect(() => shanghaiDate(new Date('not a date'))).toThrow(RangeError);
  });
});

describe('addCalendarDays', () => {
  it('crosses month, leap-day and year boundaries', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addCalendarDays('2025-01-28', 0)).toBe('2025-01-28');
  });

  it('refuses a malformed date', () => {
    expect(() => addCalendarDays('2025-02-30', 1)).toThrow(RangeError);
  });
});

describe('WorkingDayCalendar with package data', () => {
  const calendar = new WorkingDayCalendar();

  it('knows the package covers 2026 and nothing later', () => {
    expect(WorkingDayCalendar.lastPackageYear).toBe(2026);
    expect(calendar.hasData(2025)).toBe(true);
    expect(calendar.hasData(2026)).toBe(true);
    expect(calendar.hasData(2027)).toBe(false);
  });

  it('treats the 2025 Spring Festival, 2025-01-28 to 2025-02-04, as holidays', () => {
    for (const date of datesBetween('2025-01-28', '2025-02-04')) {
      const day = calendar.day(date);
      expect(day, date).toMatchObject({ working: false, kind: 'HOLIDAY', name: '春节', source: 'PACKAGE', provisional: false });
    }
    expect(calendar.isWorkingDay('2025-01-27')).toBe(true);
    expect(calendar.isWorkingDay('2025-02-05')).toBe(true);
  });

  it('treats Sunday 2025-01-26 and Saturday 2025-02-08 as make-up working days', () => {
    expect(calendar.day('2025-01-26')).toEqual({
      date: '2025-01-26',
      working: true,
      kind: 'MAKEUP_WORKDAY',
      name: '春节',
      source: 'PACKAGE',
      provisional: false,
    });
    expect(calendar.day('2025-02-08')).toMatchObject({ working: true, kind: 'MAKEUP_WORKDAY' });
  });

  it('treats the 2025 National Day week, 2025-10-01 to 2025-10-08, as holidays with make-up days 2025-09-28 and 2025-10-11', () => {
    for (const date of datesBetween('2025-10-01', '2025-10-08')) {
      expect(calendar.isWorkingDay(date), date).toBe(false);
    }
    expect(calendar.day('2025-09-28')).toMatchObject({ working: true, kind: 'MAKEUP_WORKDAY' });
    expect(calendar.day('2025-10-11')).toMatchObject({ working: true, kind: 'MAKEUP_WORKDAY' });
    expect(calendar.day('2025-10-12')).toMatchObject({ working: false, kind: 'WEEKEND', source: 'WEEKDAY_RULE' });
  });

  it('treats the 2026 Spring Festival, 2026-02-15 to 2026-02-23, as holidays with make-up Saturdays 2026-02-14 and 2026-02-28', () => {
    for (const date of datesBetween('2026-02-15', '2026-02-23')) {
      expect(calendar.day(date), date).toMatchObject({ working: false, kind: 'HOLIDAY', name: '春节' });
    }
    expect(calendar.isWorkingDay('2026-02-13')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-24')).toBe(true);
    expect(calendar.day('2026-02-14')).toMatchObject({ working: true, kind: 'MAKEUP_WORKDAY' });
    expect(calendar.day('2026-02-28')).toMatchObject({ working: true, kind: 'MAKEUP_WORKDAY' });
  });

  it('treats the 2026 National Day, 2026-10-01 to 2026-10-07, as holidays with make-up days 2026-09-20 and 2026-10-10', () => {
    for (const date of datesBetween('2026-10-01', '2026-10-07')) {
      expect(calendar.day(date), date).toMatchObject({ working: false, kind: 'HOLIDAY', name: '国庆节' });
    }
    expect(calendar.isWorkingDay('2026-10-08')).toBe(true);
    expect(calendar.day('2026-09-20')).toMatchObject({ working: true, kind: 'MAKEUP_WORKDAY', name: '国庆节' });
    expect(calendar.day('2026-10-10')).toMatchObject({ working: true, kind: 'MAKEUP_WORKDAY', name: '国庆节' });
    // Mid-autumn 2026 is a separate holiday the week before.
    expect(calendar.day('2026-09-25')).toMatchObject({ working: false, kind: 'HOLIDAY', name: '中秋' });
  });

  it('jumps a deadline over the National Day week: one working day after 2025-09-30 is 2025-10-09', () => {
    expect(calendar.addWorkingDays('2025-09-30', 1)).toEqual({ date: '2025-10-09', provisional: false });
  });

  it('counts a make-up Sunday: one working day after Friday 2025-09-26 is Sunday 2025-09-28', () => {
    expect(calendar.addWorkingDays('2025-09-26', 1)).toEqual({ date: '2025-09-28', provisional: false });
  });

  it('counts across the Spring Festival including both make-up days', () => {
    // 01-24 Fri → 01-26 Sun (make-up, 1), 01-27 Mon (2), holiday to 02-04, 02-05 Wed (3), 02-06 (4), 02-07 (5), 02-08 Sat (make-up, 6), 02-10 Mon (7).
    expect(calendar.addWorkingDays('2025-01-24', 5).date).toBe('2025-02-07');
    expect(calendar.addWorkingDays('2025-01-24', 6).date).toBe('2025-02-08');
    expect(calendar.addWorkingDays('2025-01-24', 7).date).toBe('2025-02-10');
  });

  it('does not count the start day, even when it is a working day', () => {
    expect(calendar.addWorkingDays('2025-03-03', 5).date).toBe('2025-03-10');
  });

  it('answers the start itself for zero days, holiday or not', () => {
    expect(calendar.addWorkingDays('2025-10-03', 0)).toEqual({ date: '2025-10-03', provisional: false });
  });

  it('refuses a negative or fractional number of days', () => {
    expect(() => calendar.addWorkingDays('2025-03-03', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2025-03-03', 1.5)).toThrow(RangeError);
  });

  it('counts working days in (from, to], excluding the first day', () => {
    // 09-28 (make-up Sunday), 09-29, 09-30, then the holiday week, then 10-09.
    expect(calendar.workingDaysBetween('2025-09-26', '2025-10-09')).toEqual({ days: 4, provisional: false });
    expect(calendar.workingDaysBetween('2025-03-03', '2025-03-10')).toEqual({ days: 5, provisional: false });
    expect(calendar.workingDaysBetween('2025-03-03', '2025-03-03')).toEqual({ days: 0, provisional: false });
    expect(calendar.workingDaysBetween('2025-03-10', '2025-03-03')).toEqual({ days: 0, provisional: false });
  });

  it('agrees with addWorkingDays: the days between start and the deadline are the days added', () => {
    for (const start of ['2025-01-20', '2025-09-25', '2026-02-10', '2026-09-18']) {
      for (const days of [1, 5, 10, 20]) {
        const deadline = calendar.addWorkingDays(start, days).date;
        expect(calendar.workingDaysBetween(start, deadline).days, `${start} + ${days}`).toBe(days);
      }
    }
  });

  it('lists a year’s holidays and make-up days in date order', () => {
    const days = calendar.specialDays(2026);
    const dates = days.map((day) => day.date);
    expect(dates).toEqual([...dates].sort());
    expect(days.filter((day) => day.kind === 'MAKEUP_WORKDAY').map((day) => day.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(days.filter((day) => day.kind === 'HOLIDAY')).toHaveLength(33);
    expect(days.every((day) => day.source === 'PACKAGE')).toBe(true);
  });
});

describe('WorkingDayCalendar beyond the package', () => {
  it('falls back to Monday–Friday in 2027 and marks it provisional', () => {
    const calendar = new WorkingDayCalendar();

    // 2027-02-05 is a Friday, 2027-02-06 a Saturday; Spring Festival 2027 is not in the package.
    expect(calendar.day('2027-02-05')).toEqual({
      date: '2027-02-05',
      working: true,
      kind: 'WORKDAY',
      name: null,
      source: 'WEEKDAY_RULE',
      provisional: true,
    });
    expect(calendar.day('2027-02-06')).toMatchObject({ working: false, kind: 'WEEKEND', provisional: true });
    expect(calendar.addWorkingDays('2027-02-05', 1)).toEqual({ date: '2027-02-08', provisional: true });
    expect(calendar.specialDays(2027)).toEqual([]);
  });

  it('marks a deadline provisional when the walk crosses into a year without data', () => {
    const calendar = new WorkingDayCalendar();

    expect(calendar.addWorkingDays('2026-12-30', 1)).toEqual({ date: '2026-12-31', provisional: false });
    expect(calendar.addWorkingDays('2026-12-30', 2)).toEqual({ date: '2027-01-01', provisional: true });
    expect(calendar.workingDaysBetween('2026-12-30', '2027-01-04')).toEqual({ days: 3, provisional: true });
    expect(calendar.addWorkingDays('2027-03-01', 0)).toEqual({ date: '2027-03-01', provisional: true });
  });

  it('stops being provisional for 2027 once an administrator enters an override for 2027', () => {
    const calendar = new WorkingDayCalendar([{ date: '2027-01-01', kind: CalendarDayKind.HOLIDAY, name: '元旦' }]);

    expect(calendar.hasData(2027)).toBe(true);
    expect(calendar.day('2027-06-01')).toMatchObject({ source: 'WEEKDAY_RULE', provisional: false });
    expect(calendar.addWorkingDays('2026-12-30', 2)).toEqual({ date: '2027-01-04', provisional: false });
  });
});

describe('WorkingDayCalendar overrides', () => {
  it('turns a weekday into a holiday and so shifts a deadline', () => {
    const without = new WorkingDayCalendar();
    const withOverride = new WorkingDayCalendar([{ date: '2025-03-05', kind: CalendarDayKind.HOLIDAY, name: '临时停工' }]);

    expect(without.addWorkingDays('2025-03-03', 3).date).toBe('2025-03-06');
    expect(withOverride.day('2025-03-05')).toEqual({
      date: '2025-03-05',
      working: false,
      kind: 'HOLIDAY',
      name: '临时停工',
      source: 'OVERRIDE',
      provisional: false,
    });
    expect(withOverride.addWorkingDays('2025-03-03', 3).date).toBe('2025-03-07');
  });

  it('turns a weekend day into a make-up working day', () => {
    const calendar = new WorkingDayCalendar([{ date: '2027-02-20', kind: CalendarDayKind.WORKDAY }]);

    expect(calendar.day('2027-02-20')).toMatchObject({ working: true, kind: 'MAKEUP_WORKDAY', name: null, source: 'OVERRIDE' });
    expect(calendar.addWorkingDays('2027-02-19', 1).date).toBe('2027-02-20');
  });

  it('wins over the package, e.g. reopening a package holiday for work', () => {
    const calendar = new WorkingDayCalendar([{ date: '2025-10-08', kind: CalendarDayKind.WORKDAY, name: '调整' }]);

    expect(calendar.day('2025-10-08')).toMatchObject({ working: true, kind: 'WORKDAY', source: 'OVERRIDE' });
    expect(calendar.addWorkingDays('2025-09-30', 1).date).toBe('2025-10-08');
  });

  it('shows overrides among the special days, replacing the package’s entry for the same date', () => {
    const overrides: CalendarOverride[] = [
      { date: '2025-10-08', kind: CalendarDayKind.WORKDAY },
      { date: '2025-03-05', kind: CalendarDayKind.HOLIDAY, name: '临时停工' },
    ];
    const calendar = new WorkingDayCalendar(overrides);

    const days = calendar.specialDays(2025);

    expect(days.filter((day) => day.date === '2025-10-08')).toEqual([
      { date: '2025-10-08', working: true, kind: 'WORKDAY', name: null, source: 'OVERRIDE', provisional: false },
    ]);
    expect(days.find((day) => day.date === '2025-03-05')).toMatchObject({ kind: 'HOLIDAY', source: 'OVERRIDE' });
    expect(days.map((day) => day.date)).toEqual(days.map((day) => day.date).sort());
  });

  it('refuses an override whose date is not a calendar date', () => {
    expect(() => new WorkingDayCalendar([{ date: '2027-02-30', kind: CalendarDayKind.HOLIDAY }])).toThrow(RangeError);
  });
});

describe('WorkingDayCalendar and the host time zone', () => {
  it('gives the same answers whatever TZ the process runs in', () => {
    // Date arithmetic is on UTC day numbers; this guards against a regression to local-time Date methods.
    const calendar = new WorkingDayCalendar();
    const original = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      const inLosAngeles = calendar.addWorkingDays('2025-09-30', 1).date;
      process.env.TZ = 'Asia/Shanghai';
      const inShanghai = calendar.addWorkingDays('2025-09-30', 1).date;
      expect([inLosAngeles, inShanghai]).toEqual(['2025-10-09', '2025-10-09']);
    } finally {
      process.env.TZ = original;
    }
  });
});
