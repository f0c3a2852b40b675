import { describe, expect, it } from 'vitest';
import { approvalDueDates, elapsedWorkingDays } from './approval-clock';
import { shanghaiDay, WorkingDayCalendar } from './calendar';

const calendar = new WorkingDayCalendar();
/** 10:00 in Shanghai on a day. */
const at = (day: string) => `${day}T02:00:00.000Z`;

describe('the approval clock', () => {
  it('reads instants as days in Shanghai', () => {
    expect(shanghaiDay('2026-09-29T17:00:00.000Z')).toBe('2026-09-30');
  });

  it('counts promised and statutory due dates from acceptance, the start day not counted', () => {
    // Accepted Monday 2026-11-16: 5 working days → Monday 11-23; 20 → Monday 12-14.
    expect(approvalDueDates(at('2026-11-16'), { promised: 5, statutory: 20 }, [], at('2026-11-16'), calendar)).toEqual({
      dueOn: '2026-11-23',
      statutoryDueOn: '2026-12-14',
      provisional: false,
    });
  });

  it('moves the due dates by the working days paused, across the National Day holiday and its make-up day', () => {
    // Accepted Monday 09-28. Paused from Tuesday 09-29 to
    // Friday 10-09: (09-29, 10-09] holds 09-30, 10-08 and 10-09 — three working days.
    const pauses = [{ from: at('2026-09-29'), to: at('2026-10-09') }];
    const unpaused = approvalDueDates(at('2026-09-28'), { promised: 5, statutory: 5 }, [], at('2026-09-28'), calendar);
    const paused = approvalDueDates(at('2026-09-28'), { promised: 5, statutory: 5 }, pauses, at('2026-10-09'), calendar);
    // Without the pause: 09-29, 09-30, 10-08, 10-09, 10-10 (the make-up Saturday).
    expect(unpaused.dueOn).toBe('2026-10-10');
    // With it, three working days later: 10-12, 10-13, 10-14.
    expect(paused.dueOn).toBe('2026-10-14');
  });

  it('counts elapsed working days without the paused ones, an open pause running to now', () => {
    const pauses = [{ from: at('2026-11-18'), to: at('2026-11-20') }];
    // (11-16, 11-25] holds 7 working days; the pause (11-18, 11-20] holds 2.
    expect(elapsedWorkingDays(at('2026-11-16'), at('2026-11-25'), pauses, calendar)).toBe(5);
    expect(elapsedWorkingDays(at('2026-11-16'), at('2026-11-25'), [{ from: at('2026-11-18'), to: null }], calendar)).toBe(2);
  });
});
