// "每月最后一个工作日12：00前" (seed 000 附件): the last working day of every month of 2024–2026 at 12:00 CST, from the
// official calendar with make-up working days 调休, and a 2027 deadline reported as CALENDAR_MISSING, never guessed.
import {
  calendarCovers,
  isWorkingDay,
  lastWorkingDayNoon,
  lastWorkingDayOfMonth,
  NO_OVERRIDES,
  type CalendarOverrides,
} from '../../server/domain/calendar/workingDays';
import { dueAt, dueState, reminderOffsetDue } from '../../server/domain/schedule/dueDates';

// Checked by hand against the State Council's notices (国务院办公厅关于2024/2025/2026年部分节假日安排的通知):
// 2025-01: 春节 1月28日—2月4日放假, so the 31st is a holiday and Monday the 27th is the last working day;
// 2026-02: 春节 2月15日—23日放假, 2月28日（星期六）上班; 2024-09: 国庆调休 9月29日（日）上班, Monday the 30th is a working day.
const LAST_WORKING_DAY: Record<string, string> = {
  '2024-01': '2024-01-31',
  '2024-02': '2024-02-29',
  '2024-03': '2024-03-29',
  '2024-04': '2024-04-30',
  '2024-05': '2024-05-31',
  '2024-06': '2024-06-28',
  '2024-07': '2024-07-31',
  '2024-08': '2024-08-30',
  '2024-09': '2024-09-30',
  '2024-10': '2024-10-31',
  '2024-11': '2024-11-29',
  '2024-12': '2024-12-31',
  '2025-01': '2025-01-27',
  '2025-02': '2025-02-28',
  '2025-03': '2025-03-31',
  '2025-04': '2025-04-30',
  '2025-05': '2025-05-30',
  '2025-06': '2025-06-30',
  '2025-07': '2025-07-31',
  '2025-08': '2025-08-29',
  '2025-09': '2025-09-30',
  '2025-10': '2025-10-31',
  '2025-11': '2025-11-28',
  '2025-12': '2025-12-31',
  '2026-01': '2026-01-30',
  '2026-02': '2026-02-28',
  '2026-03': '2026-03-31',
  '2026-04': '2026-04-30',
  '2026-05': '2026-05-29',
  '2026-06': '2026-06-30',
  '2026-07': '2026-07-31',
  '2026-08': '2026-08-31',
  '2026-09': '2026-09-30',
  '2026-10': '2026-10-30',
  '2026-11': '2026-11-30',
  '2026-12': '2026-12-31',
};

describe('the last working day of the month, 12:00 CST', () => {
  it.each(Object.entries(LAST_WORKING_DAY))('%s → %s 12:00', (month, day) => {
    expect(lastWorkingDayOfMonth(month)).toEqual({ ok: true, value: day });
    const noon = lastWorkingDayNoon(month);
    if (!noon.ok) throw new Error(noon.problem.message);
    expect(noon.value.toISOString()).toBe(new Date(`${day}T12:00:00+08:00`).toISOString());
  });

  it('covers every month of 2024–2026 exactly once', () => {
    expect(Object.keys(LAST_WORKING_DAY)).toHaveLength(36);
  });

  it('2026-02-28 is a Saturday and a make-up working day; 2025-01-31 is a Friday in the Spring Festival holiday', () => {
    expect(new Date('2026-02-28T00:00:00Z').getUTCDay()).toBe(6);
    expect(isWorkingDay('2026-02-28')).toEqual({ ok: true, value: true });
    expect(new Date('2025-01-31T00:00:00Z').getUTCDay()).toBe(5);
    expect(isWorkingDay('2025-01-31')).toEqual({ ok: true, value: false });
    expect(isWorkingDay('2025-01-26')).toEqual({ ok: true, value: true });
  });
});

describe('a year the calendar does not cover', () => {
  it('2026 is covered and 2027 is not', () => {
    expect(calendarCovers(2026)).toBe(true);
    expect(calendarCovers(2027)).toBe(false);
  });

  it('reports CALENDAR_MISSING naming the year, for the month and for a single day', () => {
    const r = lastWorkingDayNoon('2027-01');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem).toMatchObject({ code: 'CALENDAR_MISSING', year: 2027, month: '2027-01' });
    expect(r.problem.message).toContain('2027年');
    expect(isWorkingDay('2027-03-15')).toMatchObject({ ok: false, problem: { code: 'CALENDAR_MISSING', year: 2027 } });
  });

  it('a single office override does not make the month known; the office confirmation does, with overrides applied', () => {
    const oneDay: CalendarOverrides = { days: new Map([['2027-04-30', false]]), confirmedMonths: new Set() };
    expect(lastWorkingDayOfMonth('2027-04', oneDay).ok).toBe(false);
    const confirmed: CalendarOverrides = { days: new Map([['2027-04-30', false]]), confirmedMonths: new Set(['2027-04']) };
    // 2027-04-30 is a Friday the office marked as a holiday: the 29th (Thursday) is the last working day
    expect(lastWorkingDayOfMonth('2027-04', confirmed)).toEqual({ ok: true, value: '2027-04-29' });
    // a confirmed month with a Saturday make-up day at its end
    const makeUp: CalendarOverrides = { days: new Map([['2027-07-31', true]]), confirmedMonths: new Set(['2027-07']) };
    expect(lastWorkingDayOfMonth('2027-07', makeUp)).toEqual({ ok: true, value: '2027-07-31' });
  });

  it('office overrides also correct a covered year', () => {
    const o: CalendarOverrides = { days: new Map([['2026-02-28', false]]), confirmedMonths: new Set() };
    expect(lastWorkingDayOfMonth('2026-02', o)).toEqual({ ok: true, value: '2026-02-27' });
  });
});

describe('monthly due dates', () => {
  it('the elderly table is due on the last working day at 12:00, old-compound progress by the end of the 22nd', () => {
    const e = dueAt('elderlyTable', '2026-02', NO_OVERRIDES);
    const c = dueAt('compoundProgress', '2026-02', NO_OVERRIDES);
    expect(e.ok && e.value.toISOString()).toBe('2026-02-28T04:00:00.000Z');
    expect(c.ok && c.value.toISOString()).toBe(new Date(new Date('2026-02-23T00:00:00+08:00').getTime() - 1).toISOString());
    expect(dueAt('elderlyTable', '2027-01', NO_OVERRIDES).ok).toBe(false);
    expect(dueAt('compoundProgress', '2027-01', NO_OVERRIDES).ok).toBe(true);
  });

  it('states: open, overdue, submitted, late, missingCalendar', () => {
    const due = new Date('2026-02-28T12:00:00+08:00');
    expect(dueState(due, null, new Date('2026-02-28T11:59:00+08:00'))).toBe('open');
    expect(dueState(due, null, new Date('2026-02-28T12:01:00+08:00'))).toBe('overdue');
    expect(dueState(due, { submittedAt: new Date('2026-02-28T11:00:00+08:00') }, new Date('2026-03-02T00:00:00+08:00'))).toBe('submitted');
    expect(dueState(due, { submittedAt: new Date('2026-02-28T12:00:01+08:00') }, new Date('2026-03-02T00:00:00+08:00'))).toBe('late');
    expect(dueState(null, null, new Date())).toBe('missingCalendar');
  });

  it('reminders 3 days and 1 day before; a missed run sends the nearer one; none on or after the due day', () => {
    const due = new Date('2026-02-28T12:00:00+08:00');
    expect(reminderOffsetDue(due, '2026-02-24')).toBeNull();
    expect(reminderOffsetDue(due, '2026-02-25')).toBe(3);
    expect(reminderOffsetDue(due, '2026-02-26')).toBe(3);
    expect(reminderOffsetDue(due, '2026-02-27')).toBe(1);
    expect(reminderOffsetDue(due, '2026-02-28')).toBeNull();
  });
});
