// Monthly due dates (seed 000: "于每月最后一个工作日12：00前"; seed 002: "每月22日前上报阶段性工作进度"): the office's list,
// marking a table submitted (late after the deadline), calendar corrections, a missing 2027 calendar, and the reminders.
import { startBackend, type Backend } from '../helpers/backend';
import type { Result } from '../../typings/result';
import type { DueDates, DueDateView, DueRemindersSummary } from '../../typings/schedule';

function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`);
  return r.data;
}

let b: Backend;
const call = <T = any>(action: string, event: Record<string, unknown>, openid: string | null = 'demo-office') =>
  b.call<T>('schedule', { action, ...event }, openid);
const OFFICE = 'person-demo-office';

beforeAll(async () => {
  b = await startBackend({ demo: true });
});
afterAll(async () => {
  await b?.stop();
});

describe('due dates', () => {
  it('February 2026: the elderly table by Saturday 2026-02-28 12:00, compound progress by the end of the 22nd', async () => {
    b.setClock('2026-02-20T09:00:00+08:00');
    const d = ok(await call<DueDates>('listDueDates', { month: '2026-02' }));
    const [elderly, compound] = d.items;
    expect(elderly).toMatchObject({
      kind: 'elderlyTable',
      dueAt: '2026-02-28T04:00:00.000Z',
      dueLabel: '2026-02-28 12:00前',
      state: 'open',
    });
    expect(compound).toMatchObject({ kind: 'compoundProgress', dueAt: '2026-02-22T15:59:59.999Z', state: 'open' });
    expect(await call('listDueDates', { month: '2026-02' }, 'demo-visitor-1')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('marked in time is submitted; after the deadline it is late; marking twice keeps the first', async () => {
    b.setClock('2026-02-28T11:59:00+08:00');
    expect(ok(await call<DueDateView>('markSubmitted', { kind: 'elderlyTable', month: '2026-02' })).state).toBe('submitted');
    b.setClock('2026-02-28T12:01:00+08:00');
    expect(ok(await call<DueDateView>('markSubmitted', { kind: 'elderlyTable', month: '2026-02' })).state).toBe('submitted');
    b.setClock('2026-02-23T00:00:00+08:00');
    expect(ok(await call<DueDateView>('markSubmitted', { kind: 'compoundProgress', month: '2026-02' })).state).toBe('late');
    expect(b.docs('audit', { action: 'schedule.markSubmitted' })).toHaveLength(2);
    b.setClock('2026-03-01T09:00:00+08:00');
    const march = ok(await call<DueDates>('listDueDates', { month: '2026-01' }));
    expect(march.items.map((i) => i.state)).toEqual(['overdue', 'overdue']);
  });

  it('2027 without data is CALENDAR_MISSING until the office confirms the month; an override moves the deadline', async () => {
    b.setClock('2026-12-20T09:00:00+08:00');
    const jan = ok(await call<DueDates>('listDueDates', { month: '2027-01' }));
    expect(jan.items[0]).toMatchObject({ kind: 'elderlyTable', state: 'missingCalendar', dueAt: null });
    expect(jan.items[0].problem).toContain('2027年');
    expect(jan.items[1].state).toBe('open');
    ok(await call('setCalendarOverride', { day: '2027-01-29', working: false, reason: '按2027年放假通知，春节调休' }));
    expect(ok(await call<DueDates>('listDueDates', { month: '2027-01' })).items[0].state).toBe('missingCalendar');
    ok(await call('confirmCalendarMonth', { month: '2027-01', reason: '已按国务院办公厅2027年放假通知核对' }));
    expect(ok(await call<DueDates>('listDueDates', { month: '2027-01' })).items[0]).toMatchObject({
      state: 'open',
      dueLabel: '2027-01-28 12:00前',
    });
    expect(await call('confirmCalendarMonth', { month: '2026-05', reason: '核对' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await call('setCalendarOverride', { day: '2027-02-30', working: true, reason: '测试原因' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
  });
});

describe('the dueReminders timer', () => {
  it('reminds the office 3 and 1 days before, once, and loudly when next month has no calendar', async () => {
    b.setClock('2026-12-28T08:00:00+08:00');
    const first = ok((await b.fireTimer('schedule', 'dueReminders')) as Result<DueRemindersSummary>);
    // 2026-12-31 (Thursday) 12:00 is 3 days away; 2027-01 was confirmed above, so no calendar warning yet
    expect(b.docs('inbox', { _id: `due:demo-township:elderlyTable:2026-12:3:${OFFICE}` })).toHaveLength(1);
    expect(first).toMatchObject({ calendarWarnings: 0 });
    expect(first.reminders).toBeGreaterThan(0);
    const again = ok((await b.fireTimer('schedule', 'dueReminders')) as Result<DueRemindersSummary>);
    expect(again).toMatchObject({ reminders: 0, calendarWarnings: 0 });
    b.setClock('2026-12-30T08:00:00+08:00');
    ok(await b.fireTimer('schedule', 'dueReminders'));
    expect(b.docs('inbox', { _id: `due:demo-township:elderlyTable:2026-12:1:${OFFICE}` })).toHaveLength(1);
    // in January, February 2027 (not covered, not confirmed) is next month: the office is told loudly, once
    b.setClock('2027-01-02T08:00:00+08:00');
    expect(ok((await b.fireTimer('schedule', 'dueReminders')) as Result<DueRemindersSummary>).calendarWarnings).toBe(1);
    expect(ok((await b.fireTimer('schedule', 'dueReminders')) as Result<DueRemindersSummary>).calendarWarnings).toBe(0);
    expect(b.docs('inbox', { _id: `calendar-missing:demo-township:2027-02:${OFFICE}` })).toHaveLength(1);
  });
});
