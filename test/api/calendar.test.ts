import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, TestApi } from '../support/api';

const YEAR = `query($year: Int!) { workCalendar(year: $year) { year provisional workingDayCount specialDays { date working kind name source } overrides { date kind version } } }`;
const SET = `mutation($input: SetCalendarDayInput!) { setCalendarDay(input: $input) { id date kind name version } }`;
const REMOVE = `mutation($input: RemoveCalendarDayInput!) { removeCalendarDay(input: $input) { date } }`;

describe('working-day calendar', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('serves 2026 from the published arrangement, with the National Day holiday and its make-up day', async () => {
    const year = (await api.data('viewer', YEAR, { year: 2026 })).workCalendar;
    expect(year.provisional).toBe(false);
    const days = new Map(year.specialDays.map((day: { date: string }) => [day.date, day]));
    expect(days.get('2026-10-01')).toMatchObject({ working: false, kind: 'HOLIDAY', source: 'PACKAGE' });
    expect(days.get('2026-10-10')).toMatchObject({ working: true, kind: 'MAKEUP_WORKDAY' });
  });

  it('marks 2027 provisional until an administrator records its arrangement, and back after removal', async () => {
    const before = (await api.data('admin', YEAR, { year: 2027 })).workCalendar;
    expect(before).toMatchObject({ provisional: true, overrides: [] });

    const set = (await api.data('admin', SET, { input: { date: '2027-02-08', kind: 'HOLIDAY', name: '春节' } })).setCalendarDay;
    expect(set).toMatchObject({ id: '2027-02-08', version: 1, kind: 'HOLIDAY', name: '春节' });
    const after = (await api.data('admin', YEAR, { year: 2027 })).workCalendar;
    expect(after.provisional).toBe(false);
    expect(after.workingDayCount).toBe(before.workingDayCount - 1);
    expect(after.specialDays).toContainEqual(expect.objectContaining({ date: '2027-02-08', working: false, source: 'OVERRIDE' }));

    await api.data('admin', REMOVE, { input: { date: '2027-02-08', expectedVersion: 1 } });
    expect((await api.data('admin', YEAR, { year: 2027 })).workCalendar.provisional).toBe(true);
  });

  it('requires the current version to replace an override', async () => {
    await api.data('admin', SET, { input: { date: '2027-10-09', kind: 'WORKDAY', name: '国庆节' } });
    const withoutVersion = await api.graphql('admin', SET, { input: { date: '2027-10-09', kind: 'HOLIDAY' } });
    const stale = await api.graphql('admin', SET, { input: { date: '2027-10-09', kind: 'HOLIDAY', expectedVersion: 5 } });
    const replaced = (await api.data('admin', SET, { input: { date: '2027-10-09', kind: 'HOLIDAY', expectedVersion: 1 } })).setCalendarDay;

    expect(errorCode(withoutVersion)).toBe('BAD_USER_INPUT');
    expect(stale.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 1 });
    expect(replaced).toMatchObject({ kind: 'HOLIDAY', version: 2, name: null });
    const history = (await api.data('admin', `{ auditEvents(entityId: "2027-10-09") { nodes { action versionAfter } } }`)).auditEvents.nodes;
    expect(history).toEqual([{ action: 'setCalendarDay', versionAfter: 2 }, { action: 'setCalendarDay', versionAfter: 1 }]);
  });

  it('refuses invalid years, dates and kinds', async () => {
    expect(errorCode(await api.graphql('admin', YEAR, { year: 1899 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.graphql('admin', SET, { input: { date: '2027-13-01', kind: 'HOLIDAY' } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.graphql('admin', SET, { input: { date: '2027-01-04', kind: 'WEEKEND' } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.graphql('admin', REMOVE, { input: { date: '2027-05-05', expectedVersion: 1 } }))).toBe('NOT_FOUND');
  });
});
