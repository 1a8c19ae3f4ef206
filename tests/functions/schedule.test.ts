// Monthly due dates (seed 000: "于每月最后一个工作日12：00前"; seed 002: "每月22日前上报阶段性工作进度"): the office's list,
// marking a table submitted (late after the deadline), calendar corrections, a missing 2027 calendar, and the reminders.
import { startBackend, type Backend } from '../helpers/backend';
import type { Result } from '../../typings/result';
import type { DueDates, DueDateView, DueRemindersSummary, RaisedAlertsSummary } from '../../typings/schedule';
import type { CampaignView } from '../../typings/visit';
import { StorageService } from '../../emulator/admin/storage';

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
    const scans = ['cloud://local-dev.bucket/due-scans/2026-02-sheet1.jpg'];
    expect(ok(await call<DueDateView>('markSubmitted', { kind: 'elderlyTable', month: '2026-02', scans })).state).toBe('submitted');
    b.setClock('2026-02-28T12:01:00+08:00');
    expect(ok(await call<DueDateView>('markSubmitted', { kind: 'elderlyTable', month: '2026-02', scans })).state).toBe('submitted');
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

describe('the signed and sealed scan (000: "经主要领导签字盖章后扫描件")', () => {
  const scan = (name: string) => {
    b.emulator.store.putFile(`due-scans/${name}`, Buffer.from(`scan ${name}`), 'image/jpeg', Date.now());
    return StorageService.fileIdOf(`due-scans/${name}`);
  };

  it('the elderly table is marked sent only with its scan; the scan is kept, linked and audited; a resend adds nothing', async () => {
    b.setClock('2026-03-30T15:00:00+08:00');
    const before = b.docs('dueSubmissions').length;
    const refused = await call('markSubmitted', { kind: 'elderlyTable', month: '2026-03' });
    expect(refused).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'scans' });
    expect(refused.ok ? '' : refused.message).toContain('签字盖章');
    // a file that was not uploaded through the due-date page is not attached (no link to other stored files this way)
    expect(
      await call('markSubmitted', { kind: 'elderlyTable', month: '2026-03', scans: ['cloud://local-dev.bucket/whistle/x/1.jpg'] }),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(b.docs('dueSubmissions')).toHaveLength(before);

    const first = scan('2026-03-p1.jpg');
    const marked = ok(
      await b.call<DueDateView>(
        'schedule',
        { action: 'markSubmitted', kind: 'elderlyTable', month: '2026-03', scans: [first], idempotencyKey: 'due-2026-03-a' },
        'demo-office',
      ),
    );
    expect(marked).toMatchObject({ state: 'submitted', stateLabel: '已报', scanRequired: true, submittedByName: '刘晓东' });
    expect(marked.scans).toEqual([{ fileId: first, url: expect.stringContaining('http://'), label: '扫描件1' }]);
    // the same submission resent: the first answer again, nothing written twice
    const resent = await b.call(
      'schedule',
      { action: 'markSubmitted', kind: 'elderlyTable', month: '2026-03', scans: [first], idempotencyKey: 'due-2026-03-a' },
      'demo-office',
    );
    expect(resent).toMatchObject({ ok: true, data: { state: 'submitted' } });
    expect(b.docs('dueSubmissions', { month: '2026-03' })).toHaveLength(1);

    // a second sheet added later: the submission time stays the first one
    b.setClock('2026-04-02T09:00:00+08:00');
    const second = scan('2026-03-p2.pdf');
    const added = ok(await call<DueDateView>('markSubmitted', { kind: 'elderlyTable', month: '2026-03', scans: [second] }));
    expect(added.scans.map((s) => s.label)).toEqual(['扫描件1', '扫描件2（PDF）']);
    expect(added.submittedAt).toBe(marked.submittedAt);
    expect(added.state).toBe('submitted');
    const stored = b.docs('dueSubmissions', { month: '2026-03', kind: 'elderlyTable' })[0];
    expect(stored.scans).toEqual([first, second]);
    expect(b.docs('audit', { action: 'schedule.attachDueScans', docId: stored._id })).toHaveLength(1);
    expect(b.docs('audit', { action: 'schedule.markSubmitted', docId: stored._id })[0].after.scans).toEqual([first]);

    const listed = ok(await call<DueDates>('listDueDates', { month: '2026-03' }));
    expect(listed.items[0].scans.map((s) => s.fileId)).toEqual([first, second]);
    expect(listed.items[1]).toMatchObject({ kind: 'compoundProgress', scanRequired: false, state: 'overdue', stateLabel: '逾期未报' });
  });
});

describe('the raisedAlerts timer (003 (八) "元旦、春节、元宵节和全国两会期间，要提高火灾防范等级")', () => {
  it('sends every cadre one raised-alert reminder from the day before a key date to its last day, never outside', async () => {
    const alerts = () => b.docs('inbox').filter((m) => String(m._id).startsWith('raisedAlert:'));
    // the demo's active winter campaign: 元宵节 2027-02-20; outside every window nothing is sent
    b.setClock('2027-02-15T07:30:00+08:00');
    expect(ok((await b.fireTimer('schedule', 'raisedAlerts')) as Result<RaisedAlertsSummary>)).toMatchObject({ keyDates: 0, reminders: 0 });
    expect(alerts()).toHaveLength(0);

    // the office edits the key dates on its page: a township fair on 2027-02-16 becomes a key date
    const campaign = ok(
      await b.call<CampaignView>('visit', { action: 'getCampaign', campaignId: 'demo-township-winter2026' }, 'demo-office'),
    );
    const keyDates = [...campaign.keyDates, { name: '三江镇赶年集', startDay: '2027-02-16', endDay: '2027-02-16' }];
    ok(await b.call('visit', { action: 'updateCampaign', campaignId: campaign.id, keyDates }, 'demo-office'));

    const run = ok((await b.fireTimer('schedule', 'raisedAlerts')) as Result<RaisedAlertsSummary>);
    const cadres = b
      .docs('persons')
      .filter((p) => p.active && p.grants.some((g: { role: string }) => ['office', 'liaison', 'visitor'].includes(g.role)));
    expect(run).toMatchObject({ day: '2027-02-15', keyDates: 1, reminders: cadres.length, complete: true });
    const sent = alerts();
    expect(sent.map((m) => m.personId).sort()).toEqual(cadres.map((p) => p._id).sort());
    expect(sent[0].title).toContain('提高火灾防范等级');
    expect(sent[0].body).toContain('组织实施阶段');
    // no villager, grid leader or discipline officer is sent one
    expect(sent.some((m) => m.personId === 'person-demo-villager-1' || m.personId === 'person-demo-discipline')).toBe(false);

    // again the same day, and on the key date itself: nothing new
    expect(ok((await b.fireTimer('schedule', 'raisedAlerts')) as Result<RaisedAlertsSummary>).reminders).toBe(0);
    b.setClock('2027-02-16T07:30:00+08:00');
    expect(ok((await b.fireTimer('schedule', 'raisedAlerts')) as Result<RaisedAlertsSummary>).reminders).toBe(0);
    b.setClock('2027-02-17T07:30:00+08:00');
    expect(ok((await b.fireTimer('schedule', 'raisedAlerts')) as Result<RaisedAlertsSummary>)).toMatchObject({ keyDates: 0, reminders: 0 });

    // 全国两会 (003, added to the demo key dates): its own reminder, once per cadre
    b.setClock('2027-03-04T07:30:00+08:00');
    const sessions = ok((await b.fireTimer('schedule', 'raisedAlerts')) as Result<RaisedAlertsSummary>);
    expect(sessions.reminders).toBe(cadres.length);
    expect(alerts().filter((m) => m.title.includes('全国两会'))).toHaveLength(cadres.length);
    expect(alerts()).toHaveLength(2 * cadres.length);
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
