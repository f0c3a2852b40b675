import { shanghaiDay, type WorkingDayCalendar } from './calendar';

/**
 * The working-day clock of an approval (docs/domain.md): it runs from acceptance, the start day
 * not counted; pauses (and suspensions) stop it, so they move the due dates and do not count as
 * elapsed. Instants are read as calendar days in Asia/Shanghai.
 */

/** A stop of the clock: from an instant to another, or still running (`to` null). */
export interface ClockPause {
  readonly from: string;
  readonly to: string | null;
}

/** Working days inside the pauses, each counted (from, to] in days; an open pause runs to `until`. */
export function pausedWorkingDays(pauses: readonly ClockPause[], until: string, calendar: WorkingDayCalendar): { days: number; provisional: boolean } {
  let days = 0;
  let provisional = false;
  for (const pause of pauses) {
    const counted = calendar.workingDaysBetween(shanghaiDay(pause.from), shanghaiDay(pause.to ?? until));
    days += counted.days;
    provisional ||= counted.provisional;
  }
  return { days, provisional };
}

/**
 * The promised and statutory due dates of an approval accepted at `acceptedAt`: that many
 * working days later, plus the working days it was paused so far.
 */
export function approvalDueDates(
  acceptedAt: string,
  limits: { readonly promised: number; readonly statutory: number },
  pauses: readonly ClockPause[],
  now: string,
  calendar: WorkingDayCalendar,
): { dueOn: string; statutoryDueOn: string; provisional: boolean } {
  const start = shanghaiDay(acceptedAt);
  const paused = pausedWorkingDays(pauses, now, calendar);
  const promised = calendar.addWorkingDays(start, limits.promised + paused.days);
  const statutory = calendar.addWorkingDays(start, limits.statutory + paused.days);
  return { dueOn: promised.date, statutoryDueOn: statutory.date, provisional: promised.provisional || statutory.provisional || paused.provisional };
}

/** Working days from acceptance to `until` (a decision, or now), the start day not counted, pauses excluded. */
export function elapsedWorkingDays(acceptedAt: string, until: string, pauses: readonly ClockPause[], calendar: WorkingDayCalendar): number {
  const total = calendar.workingDaysBetween(shanghaiDay(acceptedAt), shanghaiDay(until)).days;
  return Math.max(0, total - pausedWorkingDays(pauses, until, calendar).days);
}
