import { describe, expect, it } from 'vitest';
import { WorkingDayCalendar } from './calendar';
import { ServiceCategory, ServiceChannel } from './enums';
import { DEFAULT_SERVICE_LEVELS, deadline, dueWorkingDays } from './service-levels';

describe('service levels', () => {
  it('gives hotline tickets five working days by default', () => {
    expect(dueWorkingDays(ServiceChannel.HOTLINE, ServiceCategory.CONSULTATION)).toBe(5);
  });

  it('gives complex categories ten working days on every channel', () => {
    for (const channel of Object.values(ServiceChannel)) {
      expect(dueWorkingDays(channel, ServiceCategory.PROJECT_APPROVAL)).toBe(10);
    }
  });

  it('follows configured levels', () => {
    const levels = { ...DEFAULT_SERVICE_LEVELS, dueWorkingDays: { ...DEFAULT_SERVICE_LEVELS.dueWorkingDays, HOTLINE: 3 }, complexDueWorkingDays: 15 };
    expect(dueWorkingDays(ServiceChannel.HOTLINE, ServiceCategory.EMPLOYMENT, levels)).toBe(3);
    expect(dueWorkingDays(ServiceChannel.STATION, ServiceCategory.FINANCING, levels)).toBe(15);
  });
});

describe('deadline', () => {
  const calendar = new WorkingDayCalendar();

  it('ends at midnight in Shanghai of the last working day, the start day not counted', () => {
    // Monday 2026-11-23 09:00 in Shanghai; five working days later is Monday 2026-11-30.
    expect(deadline('2026-11-23T01:00:00.000Z', 5, calendar)).toEqual({ dueAt: '2026-11-30T15:59:59.999Z', provisional: false });
  });

  it('counts the start day in Shanghai, not in UTC', () => {
    // 2026-11-23 23:30 UTC is already Tuesday the 24th in Shanghai.
    expect(deadline('2026-11-23T23:30:00.000Z', 1, calendar).dueAt).toBe('2026-11-25T15:59:59.999Z');
  });

  it('skips the National Day holiday and counts its make-up Saturday', () => {
    // Received Tuesday 2026-09-29: 09-30 counts, 10-01…10-07 are holidays, then 10-08, 10-09, the
    // make-up Saturday 10-10 and Monday 10-12. Without the make-up day it would be Tuesday the 13th.
    const { dueAt } = deadline('2026-09-29T02:00:00.000Z', 5, calendar);
    expect(dueAt).toBe('2026-10-12T15:59:59.999Z');
  });

  it('marks a deadline in a year without published holidays provisional', () => {
    expect(deadline('2027-03-01T02:00:00.000Z', 5, calendar).provisional).toBe(true);
  });
});
