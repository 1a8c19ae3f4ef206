// Pure rules of the weekly grid contact: ISO weeks in CST, the offline window, completeness, deadlines, access.
import { cstDayStart } from '../../server/domain/time/cst';
import {
  compareWeekKeys,
  isWeekKey,
  nextWeek,
  previousWeek,
  recentWeeks,
  weekEnd,
  weekFromKey,
  weekLabel,
  weeksToClose,
  weekStart,
} from '../../server/domain/grid/weeks';
import { resolveEventTime } from '../../server/domain/grid/offlineTime';
import { contactRate, gridExisted, gridWeekStatus, householdsDue, shortfallLine } from '../../server/domain/grid/weeklyContact';
import { endOfCstDay, hazardDeadline, hazardFingerprint } from '../../server/domain/grid/hazards';
import { canReadGridWeek, canReadVillageWeek, leadsGrid, soleScope } from '../../server/domain/grid/access';
import { officialStatus } from '../../server/domain/grid/gridWeek';
import type { RoleGrant } from '../../typings/roles';

const at = (iso: string) => new Date(iso);

describe('ISO weeks in CST (runs under Asia/Shanghai, UTC and America/Los_Angeles)', () => {
  test('week keys parse to their Monday and Sunday; weeks a year does not have are refused', () => {
    expect(weekFromKey('2026-W53')).toEqual({ year: 2026, week: 53, key: '2026-W53', monday: '2026-12-28', sunday: '2027-01-03' });
    expect(weekFromKey('2027-W01')?.monday).toBe('2027-01-04');
    expect(weekFromKey('2025-W01')?.monday).toBe('2024-12-30');
    expect(weekFromKey('2025-W53')).toBeNull();
    expect(weekFromKey('2026-W00')).toBeNull();
    expect(weekFromKey('2026-53')).toBeNull();
    expect(isWeekKey('2020-W53')).toBe(true);
  });

  test('a week runs from Monday 00:00 to the next Monday 00:00 CST', () => {
    const w = weekFromKey('2026-W53')!;
    expect(weekStart(w).toISOString()).toBe('2026-12-27T16:00:00.000Z');
    expect(weekEnd(w).toISOString()).toBe('2027-01-03T16:00:00.000Z');
    expect(nextWeek(w).key).toBe('2027-W01');
    expect(previousWeek(w).key).toBe('2026-W52');
    expect(previousWeek(weekFromKey('2027-W01')!).key).toBe('2026-W53');
    expect(compareWeekKeys('2026-W53', '2027-W01')).toBeLessThan(0);
  });

  test('labels and the recent weeks, newest first', () => {
    expect(weekLabel(weekFromKey('2026-W53')!)).toBe('2026年第53周（12月28日—1月3日）');
    expect(recentWeeks(at('2027-01-05T09:00:00+08:00'), 3).map((w) => w.key)).toEqual(['2027-W01', '2026-W53', '2026-W52']);
  });

  test('weeks to close: last week on the first run, every missed week after the checkpoint, none twice', () => {
    // Monday 00:30 CST is Sunday 16:30 UTC: still the new week in China
    const monday = at('2027-01-04T00:30:00+08:00');
    expect(weeksToClose(null, monday).map((w) => w.key)).toEqual(['2026-W53']);
    expect(weeksToClose('2026-W50', monday).map((w) => w.key)).toEqual(['2026-W51', '2026-W52', '2026-W53']);
    expect(weeksToClose('2026-W53', monday)).toEqual([]);
    expect(weeksToClose('2026-W53', at('2027-01-03T23:59:00+08:00'))).toEqual([]);
    expect(weeksToClose('2026-W52', at('2027-01-03T23:59:00+08:00'))).toEqual([]);
  });
});

describe('offline confirmations: up to 48 h late at their device time', () => {
  const now = at('2027-01-04T10:00:00+08:00');
  test('no device time: server time, not offline', () => {
    expect(resolveEventTime(now)).toEqual({ ok: true, at: now, offline: false });
  });
  test('inside the window counts at the device time (and so in its own week)', () => {
    const r = resolveEventTime(now, at('2027-01-03T22:00:00+08:00'));
    expect(r).toEqual({ ok: true, at: at('2027-01-03T22:00:00+08:00'), offline: true });
    expect(resolveEventTime(now, at('2027-01-02T10:00:00+08:00')).ok).toBe(true);
  });
  test('older than 48 h or in the future is refused with its code', () => {
    expect(resolveEventTime(now, at('2027-01-02T09:59:00+08:00'))).toMatchObject({ ok: false, code: 'OFFLINE_TOO_LATE' });
    expect(resolveEventTime(now, at('2027-01-04T10:10:00+08:00'))).toMatchObject({ ok: false, code: 'FUTURE_TIME' });
  });
  test('a phone a minute fast is taken as now', () => {
    expect(resolveEventTime(now, at('2027-01-04T10:01:00+08:00'))).toEqual({ ok: true, at: now, offline: true });
  });
});

describe('weekly completeness: every household contacted and the report filed', () => {
  const h = (id: string, createdAt: string, active = true, movedOutAt: string | null = null) => ({
    _id: id,
    active,
    createdAt: at(createdAt),
    movedOutAt: movedOutAt ? at(movedOutAt) : null,
  });
  const end = weekEnd(weekFromKey('2026-W53')!);

  test('households due are those present when the week ends', () => {
    const list = [
      h('old', '2026-01-01T00:00:00+08:00'),
      h('new-sunday', '2027-01-03T23:00:00+08:00'),
      h('after-week', '2027-01-04T00:10:00+08:00'),
      h('left-in-week', '2026-01-01T00:00:00+08:00', false, '2026-12-30T10:00:00+08:00'),
      h('left-after', '2026-01-01T00:00:00+08:00', false, '2027-01-05T10:00:00+08:00'),
    ];
    expect(householdsDue(list, end).map((x) => x._id)).toEqual(['old', 'new-sunday', 'left-after']);
    expect(gridExisted({ createdAt: at('2027-01-04T00:00:00+08:00') }, end)).toBe(false);
  });

  test('complete needs both halves of the rule', () => {
    expect(gridWeekStatus(['a', 'b'], new Set(['a', 'b']), true)).toMatchObject({
      contacted: 2,
      total: 2,
      complete: true,
      missingHouseholdIds: [],
    });
    expect(gridWeekStatus(['a', 'b'], new Set(['a', 'b']), false).complete).toBe(false);
    expect(gridWeekStatus(['a', 'b'], new Set(['a', 'x']), true)).toMatchObject({
      contacted: 1,
      complete: false,
      missingHouseholdIds: ['b'],
    });
    expect(gridWeekStatus([], new Set(), true).complete).toBe(true);
  });

  test('the contact rate rounds down and an empty grid is 100', () => {
    expect(contactRate(14, 15)).toBe(93);
    expect(contactRate(15, 15)).toBe(100);
    expect(contactRate(0, 0)).toBe(100);
  });

  test('the liaison line says what is missing', () => {
    expect(shortfallLine('第2微网格', '邓国平', { contacted: 3, total: 12, reportFiled: false })).toBe(
      '第2微网格（网格长 邓国平）：已联络3/12户，未上报风险',
    );
    expect(shortfallLine('第3微网格', null, { contacted: 6, total: 6, reportFiled: false })).toBe('第3微网格（未设网格长）：未上报风险');
  });

  test('a closed week reports its frozen result', () => {
    const live = gridWeekStatus(['a'], new Set(['a']), true);
    const closed = {
      complete: false,
      contacted: 0,
      total: 1,
      reportFiled: false,
      missingHouseholdIds: ['a'],
      closedAt: at('2027-01-04T00:30:00+08:00'),
    };
    expect(officialStatus(live, { closed } as never)).toMatchObject({ complete: false, contacted: 0, closed: true });
    expect(officialStatus(live, null)).toMatchObject({ complete: true, closed: false });
  });
});

describe('hazard deadlines', () => {
  test('default: the end of the CST day a week after the report', () => {
    const r = hazardDeadline(at('2027-01-01T23:30:00+08:00'));
    expect(r).toEqual({ ok: true, deadline: endOfCstDay('2027-01-08') });
    expect(endOfCstDay('2027-01-08').toISOString()).toBe('2027-01-08T15:59:59.999Z');
    expect(cstDayStart('2027-01-09').getTime() - endOfCstDay('2027-01-08').getTime()).toBe(1);
  });
  test('a chosen day before the report day is refused; the same day is allowed', () => {
    expect(hazardDeadline(at('2027-01-01T10:00:00+08:00'), '2026-12-31')).toMatchObject({ ok: false });
    expect(hazardDeadline(at('2027-01-01T10:00:00+08:00'), '2027-01-01')).toEqual({ ok: true, deadline: endOfCstDay('2027-01-01') });
  });
  test('the fingerprint ignores surrounding spaces and tells households apart', () => {
    const a = hazardFingerprint({ category: 'gas', description: '液化气管老化 ', householdId: 'h1' });
    expect(a).toBe(hazardFingerprint({ category: 'gas', description: '液化气管老化', householdId: 'h1' }));
    expect(a).not.toBe(hazardFingerprint({ category: 'gas', description: '液化气管老化', householdId: 'h2' }));
  });
});

describe('who may read a grid week', () => {
  const T = 'tw';
  const g = (role: RoleGrant['role'], scopeId: string): RoleGrant => ({
    role,
    scopeId,
    townshipId: T,
    scopeType: role === 'gridLeader' ? 'grid' : role === 'liaison' ? 'village' : role === 'villager' ? 'household' : 'township',
  });
  const grid = { _id: 'g1', townshipId: T, villageId: 'v1' };
  test('leader of the grid, liaison of the village, the office', () => {
    expect(canReadGridWeek([g('gridLeader', 'g1')], T, grid)).toBe(true);
    expect(canReadGridWeek([g('gridLeader', 'g2')], T, grid)).toBe(false);
    expect(canReadGridWeek([g('liaison', 'v1')], T, grid)).toBe(true);
    expect(canReadGridWeek([g('liaison', 'v2')], T, grid)).toBe(false);
    expect(canReadGridWeek([g('office', T)], T, grid)).toBe(true);
    expect(canReadGridWeek([g('office', T)], T, { ...grid, townshipId: 'other' })).toBe(false);
    expect(canReadGridWeek([g('villager', 'h1'), g('discipline', T)], T, grid)).toBe(false);
    expect(canReadVillageWeek([g('liaison', 'v1')], T, { _id: 'v1', townshipId: T })).toBe(true);
    expect(canReadVillageWeek([g('gridLeader', 'g1')], T, { _id: 'v1', townshipId: T })).toBe(false);
    expect(leadsGrid([g('gridLeader', 'g1')], 'g1')).toBe(true);
  });
  test('the sole scope is the default only when there is exactly one', () => {
    expect(soleScope(['g1', 'g1'])).toBe('g1');
    expect(soleScope(['g1', 'g2'])).toBeNull();
    expect(soleScope([])).toBeNull();
  });
});
