import { cstDay, cstMonth, cstDayStart, daysBetween, isoWeekOf, monthLastDay, formatCst, addDays } from '../../server/domain/time/cst';

describe('CST calendar (runs under Asia/Shanghai, UTC and America/Los_Angeles)', () => {
  test('a visit at 2024-12-31 23:30 CST is December, at 2025-01-01 00:30 CST January', () => {
    expect(cstMonth(new Date('2024-12-31T23:30:00+08:00'))).toBe('2024-12');
    expect(cstMonth(new Date('2025-01-01T00:30:00+08:00'))).toBe('2025-01');
    expect(cstDay(new Date('2024-12-31T16:30:00Z'))).toBe('2025-01-01');
  });

  test('day starts, differences and month ends', () => {
    expect(cstDayStart('2024-12-01').toISOString()).toBe('2024-11-30T16:00:00.000Z');
    expect(daysBetween('2024-12-01', '2024-12-08')).toBe(7);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(monthLastDay('2024-02')).toBe('2024-02-29');
    expect(monthLastDay('2026-12')).toBe('2026-12-31');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(formatCst(new Date('2024-12-31T15:30:00Z'))).toBe('2024-12-31 23:30');
  });

  test('ISO weeks in CST: 2027-01-01 is week 53 of 2026', () => {
    const w = isoWeekOf(new Date('2027-01-01T09:00:00+08:00'));
    expect(w).toEqual({ year: 2026, week: 53, key: '2026-W53', monday: '2026-12-28', sunday: '2027-01-03' });
    // Sunday 23:30 CST is still that week; Monday 00:30 CST is the next one, whatever the host zone says
    expect(isoWeekOf(new Date('2027-01-03T23:30:00+08:00')).key).toBe('2026-W53');
    expect(isoWeekOf(new Date('2027-01-04T00:30:00+08:00')).key).toBe('2027-W01');
    expect(isoWeekOf(new Date('2024-12-30T08:00:00+08:00')).key).toBe('2025-W01');
  });
});
