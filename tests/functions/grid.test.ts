// The `grid` function end to end (real wx-server-sdk, real emulator, the demo township of seed 001):
// "每周落实'微信电话联络一次、风险信息上报一次'", the weekly close, the liaison's list and the grid leader's reminder.
import { startBackend, type Backend } from '../helpers/backend';
import { getDb } from '../../server/infra/cloud';
import type {
  ContactConfirmation,
  ListWeeksResult,
  VillageWeek,
  WeeklyBoard,
  WeeklyCloseSummary,
  WeeklyReportFiled,
} from '../../typings/grid';
import type { Result } from '../../typings/result';

function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`);
  return r.data;
}

function refused(r: Result<unknown>, code: string): string {
  if (r.ok) throw new Error(`expected ${code}, got ok`);
  expect(r.code).toBe(code);
  expect(r.message).toMatch(/[\u4e00-\u9fff]/);
  return r.message;
}

const hh = (v: number, g: number, n: number) => `demo-hh-${v}-${g}-${String(n).padStart(2, '0')}`;
const person = (openid: string) => `person-${openid}`;
const METHODS = ['wechat', 'phone', 'inPerson'] as const;

function counts(b: Backend) {
  return {
    contacts: b.docs('weeklyContacts').length,
    reports: b.docs('weeklyReports').length,
    hazards: b.docs('hazards').length,
    audit: b.docs('audit').length,
    idempotency: b.docs('idempotency').length,
  };
}

describe('a week of contact, the weekly close and its catch-up', () => {
  let b: Backend;
  const call = <T = any>(event: Record<string, unknown>, openid: string | null) => b.call<T>('grid', event, openid);
  const inbox = (personId: string) => b.docs('inbox', { personId, kind: 'weeklyContact' });
  const fireTen = async () =>
    (await Promise.all(Array.from({ length: 10 }, () => b.fireTimer('grid', 'weeklyClose')))).map((r) =>
      ok(r as Result<WeeklyCloseSummary>),
    );
  const total = (runs: WeeklyCloseSummary[], k: 'gridsClosed' | 'liaisonEntries' | 'leaderReminders') => runs.reduce((n, r) => n + r[k], 0);

  beforeAll(async () => {
    b = await startBackend({ demo: true });
    // demo-leader-2 has tapped "allow" once for the weekly-contact subscription message
    await b.emulator.runner.runAsServer(async () => {
      await getDb()
        .collection('subscriptions')
        .add({ data: { _id: person('demo-leader-2'), credits: { weeklyContact: 1 }, updatedAt: new Date() } });
    });
  });
  afterAll(async () => {
    await b?.stop();
  });

  it('a grid leader confirms every household and files the report: the week is complete', async () => {
    b.setClock('2026-12-14T09:00:00+08:00');
    for (let n = 1; n <= 9; n++) {
      const c = ok(
        await call<ContactConfirmation>(
          { action: 'confirmContact', householdId: hh(1, 1, n), method: METHODS[n % 3], note: n === 1 ? '电话提醒三清三关' : '' },
          'demo-leader-1',
        ),
      );
      expect(c).toMatchObject({ weekKey: '2026-W51', householdId: hh(1, 1, n), offline: false, replaced: false });
    }
    const before = ok(await call<WeeklyBoard>({ action: 'weeklyBoard' }, 'demo-leader-1'));
    expect(before).toMatchObject({ contacted: 9, total: 9, complete: false, report: null, closed: null });
    expect(before.week).toMatchObject({
      key: '2026-W51',
      monday: '2026-12-14',
      sunday: '2026-12-20',
      current: true,
      label: '2026年第51周（12月14日—12月20日）',
    });
    expect(before.grid).toMatchObject({ id: 'demo-grid-1-1', villageName: '三江村', name: '第1微网格' });

    ok(await call<WeeklyReportFiled>({ action: 'fileWeeklyReport', noRisk: true }, 'demo-leader-1'));
    const board = ok(await call<WeeklyBoard>({ action: 'weeklyBoard', gridId: 'demo-grid-1-1' }, 'demo-leader-1'));
    expect(board).toMatchObject({ contacted: 9, total: 9, complete: true, report: { noRisk: true, hazards: [] } });
    expect(board.households).toHaveLength(9);
    expect(board.households.every((h) => h.contacted && h.method && h.at)).toBe(true);
    expect(board.households.find((h) => h.householdId === hh(1, 1, 1))).toMatchObject({ method: 'phone', note: '电话提醒三清三关' });
    expect(b.docs('weeklyContacts', { gridId: 'demo-grid-1-1', weekKey: '2026-W51' })).toHaveLength(9);

    // the liaison and the office see the village's week
    const village = ok(await call<VillageWeek>({ action: 'villageWeek' }, 'demo-liaison-1'));
    expect(village.village).toEqual({ id: 'demo-village-1', name: '三江村' });
    expect(village.grids.map((g) => g.gridId)).toEqual(['demo-grid-1-1', 'demo-grid-1-2', 'demo-grid-1-3', 'demo-grid-1-4']);
    expect(village.grids[0]).toMatchObject({ contacted: 9, total: 9, contactRate: 100, reportFiled: true, complete: true, closed: false });
    expect(village.incomplete.map((g) => g.gridId)).toEqual(['demo-grid-1-2', 'demo-grid-1-3', 'demo-grid-1-4']);
    expect(ok(await call<WeeklyBoard>({ action: 'weeklyBoard', gridId: 'demo-grid-1-1' }, 'demo-office')).complete).toBe(true);
  });

  it('partial contact in another grid; a report with hazards routes them to the current visitor, and re-filing replaces it', async () => {
    for (let n = 1; n <= 3; n++) ok(await call({ action: 'confirmContact', householdId: hh(1, 2, n), method: 'wechat' }, 'demo-leader-2'));
    const rate = ok(await call<VillageWeek>({ action: 'villageWeek', villageId: 'demo-village-1' }, 'demo-office')).grids[1];
    expect(rate).toMatchObject({ gridId: 'demo-grid-1-2', contacted: 3, total: 12, contactRate: 25, reportFiled: false, complete: false });

    const first = ok(
      await call<WeeklyReportFiled>(
        {
          action: 'fileWeeklyReport',
          noRisk: false,
          hazards: [
            {
              category: 'ebikeCharging',
              description: '电动车在堂屋内充电',
              householdId: hh(2, 1, 3),
              photos: ['cloud://demo/p1.jpg', 'cloud://demo/p2.jpg'],
            },
            { category: 'clutter', description: '组道旁柴草堆放靠近电线' },
          ],
        },
        'demo-leader-5',
      ),
    );
    expect(first).toMatchObject({ weekKey: '2026-W51', gridId: 'demo-grid-2-1', noRisk: false, replaced: false, withdrawnHazardIds: [] });
    const [withHousehold, common] = first.hazardIds.map((id) => b.docs('hazards', { _id: id })[0]);
    expect(withHousehold).toMatchObject({
      source: 'gridReport',
      householdId: hh(2, 1, 3),
      gridId: 'demo-grid-2-1',
      villageId: 'demo-village-2',
      visitorPersonId: person('demo-visitor-3'),
      status: 'open',
      visitId: null,
    });
    expect(withHousehold.photos).toEqual(['cloud://demo/p1.jpg', 'cloud://demo/p2.jpg']);
    // default deadline: the end of the CST day a week after the report
    expect(new Date(withHousehold.deadline).toISOString()).toBe('2026-12-21T15:59:59.999Z');
    expect(common).toMatchObject({ householdId: null, visitorPersonId: null, category: 'clutter' });

    const again = ok(
      await call<WeeklyReportFiled>(
        {
          action: 'fileWeeklyReport',
          noRisk: false,
          hazards: [
            { category: 'ebikeCharging', description: '电动车在堂屋内充电', householdId: hh(2, 1, 3), photos: ['cloud://demo/p1.jpg'] },
          ],
        },
        'demo-leader-5',
      ),
    );
    expect(again).toMatchObject({ replaced: true, hazardIds: [first.hazardIds[0]], withdrawnHazardIds: [first.hazardIds[1]] });
    expect(b.docs('weeklyReports', { gridId: 'demo-grid-2-1' })).toHaveLength(1);
    expect(b.docs('hazards', { gridId: 'demo-grid-2-1' }).map((h) => h._id)).toEqual([first.hazardIds[0]]);
    expect(b.docs('hazards', { _id: first.hazardIds[0] })[0].photos).toEqual(['cloud://demo/p1.jpg']);
    expect(b.docs('audit', { collection: 'weeklyReports', docId: '2026-W51:demo-grid-2-1' })).toHaveLength(2);
    expect(b.docs('audit', { collection: 'hazards', docId: first.hazardIds[1], after: null })).toHaveLength(1);
    const board = ok(await call<WeeklyBoard>({ action: 'weeklyBoard', gridId: 'demo-grid-2-1' }, 'demo-liaison-2'));
    expect(board.report?.hazards).toEqual([
      expect.objectContaining({
        hazardId: first.hazardIds[0],
        categoryLabel: '电动车充电',
        address: expect.stringContaining('桐木溪村'),
        status: 'open',
      }),
    ]);
  });

  it('ten concurrent weekly closes: each incomplete grid listed once for its liaison, each leader reminded once, nothing for the discipline office', async () => {
    b.setClock('2026-12-21T00:31:00+08:00');
    const runs = await fireTen();
    expect(total(runs, 'gridsClosed')).toBe(10);
    expect(total(runs, 'liaisonEntries')).toBe(3);
    expect(total(runs, 'leaderReminders')).toBe(9);
    expect(b.docs('jobState', { _id: 'weeklyClose:demo-township' })[0]).toMatchObject({ lastClosedWeek: '2026-W51' });

    const closed = b.docs('weeklyReports', { weekKey: '2026-W51' });
    expect(closed).toHaveLength(10);
    const of = (gridId: string) => closed.find((r) => r.gridId === gridId)!.closed;
    expect(of('demo-grid-1-1')).toMatchObject({ complete: true, contacted: 9, total: 9, reportFiled: true });
    expect(of('demo-grid-1-2')).toMatchObject({ complete: false, contacted: 3, total: 12, reportFiled: false });
    expect(of('demo-grid-2-1')).toMatchObject({ complete: false, contacted: 0, total: 10, reportFiled: true });
    expect(b.docs('audit', { action: 'grid.weeklyClose', collection: 'weeklyReports' })).toHaveLength(10);

    const liaison1 = inbox(person('demo-liaison-1'));
    expect(liaison1).toHaveLength(1);
    expect(liaison1[0].body).toContain('第2微网格（网格长 邓国平）：已联络3/12户，未上报风险');
    expect(liaison1[0].body).toContain('第3微网格');
    expect(liaison1[0].body).toContain('第4微网格');
    expect(liaison1[0].body).not.toContain('第1微网格');
    expect(liaison1[0].title).toContain('2026年第51周');
    expect(inbox(person('demo-liaison-2'))).toHaveLength(1);
    expect(inbox(person('demo-liaison-2'))[0].body).toContain('第1微网格（网格长 舒满秀）：已联络0/10户；');
    expect(inbox(person('demo-liaison-3'))).toHaveLength(1);

    expect(inbox(person('demo-leader-1'))).toHaveLength(0);
    for (let i = 2; i <= 10; i++) expect(inbox(person(`demo-leader-${i}`))).toHaveLength(1);
    expect(inbox(person('demo-leader-2'))[0].body).toContain('未确认联络');
    // the subscription message went once, to the leader who opted in, and spent the credit
    const messages = b.emulator.store.messages();
    expect(messages).toHaveLength(1);
    expect(JSON.stringify(messages[0])).toContain('demo-leader-2');
    expect(b.docs('subscriptions', { _id: person('demo-leader-2') })[0].credits.weeklyContact).toBe(0);
    // grid leaders are villagers: never the discipline office
    expect(b.docs('inbox', { personId: person('demo-discipline') })).toHaveLength(0);
    expect(b.docs('cases')).toHaveLength(0);

    const again = ok((await b.fireTimer('grid', 'weeklyClose')) as Result<WeeklyCloseSummary>);
    expect(again).toEqual({ weeks: [], gridsClosed: 0, liaisonEntries: 0, leaderReminders: 0, more: false });
    expect(b.docs('inbox', { kind: 'weeklyContact' })).toHaveLength(12);
  });

  it('past weeks: the closed result next to the running week', async () => {
    const list = ok(await call<ListWeeksResult>({ action: 'listWeeks', count: 2 }, 'demo-leader-1'));
    expect(list.weeks.map((w) => [w.week.key, w.closed, w.complete])).toEqual([
      ['2026-W52', false, false],
      ['2026-W51', true, true],
    ]);
    const board = ok(await call<WeeklyBoard>({ action: 'weeklyBoard', gridId: 'demo-grid-1-2', weekKey: '2026-W51' }, 'demo-leader-2'));
    expect(board.closed).toMatchObject({ complete: false, contacted: 3, total: 12 });
    expect(board.week.current).toBe(false);
  });

  it('ISO week 53 of 2026 in CST: 2027-01-01 belongs to 2026-W53, Monday 2027-01-04 00:20 to 2027-W01, whatever the host zone', async () => {
    const confirm = (n: number, extra: Record<string, unknown> = {}) =>
      call<ContactConfirmation>({ action: 'confirmContact', householdId: hh(1, 3, n), method: 'inPerson', ...extra }, 'demo-leader-3');
    b.setClock('2026-12-28T00:10:00+08:00'); // Sunday 16:10 UTC: still week 52 in UTC, week 53 in China
    expect(ok(await confirm(1)).weekKey).toBe('2026-W53');
    b.setClock('2027-01-01T00:30:00+08:00');
    expect(ok(await confirm(2)).weekKey).toBe('2026-W53');
    b.setClock('2027-01-04T00:20:00+08:00'); // Sunday 16:20 UTC: already 2027-W01 in China
    expect(ok(await confirm(3)).weekKey).toBe('2027-W01');

    // offline: counts in the week of its device time, within 48 h
    b.setClock('2027-01-04T10:00:00+08:00');
    const late = ok(await confirm(4, { deviceTime: '2027-01-03T22:00:00+08:00', note: '山里没信号，回村后补报' }));
    expect(late).toMatchObject({ weekKey: '2026-W53', offline: true, at: '2027-01-03T14:00:00.000Z' });
    const before = counts(b);
    expect(refused(await confirm(5, { deviceTime: '2027-01-02T09:00:00+08:00' }), 'OFFLINE_TOO_LATE')).toContain('48小时');
    refused(await confirm(5, { deviceTime: '2027-01-04T12:00:00+08:00' }), 'FUTURE_TIME');
    expect(counts(b)).toEqual(before);

    const board = ok(await call<WeeklyBoard>({ action: 'weeklyBoard', weekKey: '2026-W53' }, 'demo-leader-3'));
    expect(board.week).toMatchObject({
      key: '2026-W53',
      monday: '2026-12-28',
      sunday: '2027-01-03',
      label: '2026年第53周（12月28日—1月3日）',
    });
    expect(board).toMatchObject({ contacted: 3, total: 6, complete: false });
    expect(board.households.filter((h) => h.contacted).map((h) => h.householdId)).toEqual([hh(1, 3, 1), hh(1, 3, 2), hh(1, 3, 4)]);
    expect(board.households.find((h) => h.householdId === hh(1, 3, 4))).toMatchObject({ offline: true, note: '山里没信号，回村后补报' });
  });

  it('after three missed weeks, ten concurrent runs close each missed week exactly once', async () => {
    b.setClock('2027-01-11T09:00:00+08:00');
    const runs = await fireTen();
    expect(total(runs, 'gridsClosed')).toBe(30);
    expect(total(runs, 'liaisonEntries')).toBe(9);
    expect(total(runs, 'leaderReminders')).toBe(30);
    expect(runs.some((r) => r.weeks.join() === '2026-W52,2026-W53,2027-W01')).toBe(true);
    expect(b.docs('jobState', { _id: 'weeklyClose:demo-township' })[0]).toMatchObject({ lastClosedWeek: '2027-W01' });
    for (const week of ['2026-W52', '2026-W53', '2027-W01'])
      expect(b.docs('weeklyReports', { weekKey: week, closed: { $ne: null } })).toHaveLength(10);
    expect(b.docs('weeklyReports', { _id: '2026-W53:demo-grid-1-3' })[0].closed).toMatchObject({
      contacted: 3,
      total: 6,
      reportFiled: false,
      complete: false,
    });
    expect(b.docs('weeklyReports', { _id: '2027-W01:demo-grid-1-3' })[0].closed).toMatchObject({ contacted: 1, total: 6 });

    expect(
      inbox(person('demo-leader-1'))
        .map((e) => e._id)
        .sort(),
    ).toEqual(['2026-W52', '2026-W53', '2027-W01'].map((w) => `weeklyContact:${w}:demo-grid-1-1:${person('demo-leader-1')}`));
    for (let i = 2; i <= 10; i++) expect(inbox(person(`demo-leader-${i}`))).toHaveLength(4);
    for (let v = 1; v <= 3; v++) expect(inbox(person(`demo-liaison-${v}`))).toHaveLength(4);
    expect(b.emulator.store.messages()).toHaveLength(1);
    expect(b.docs('inbox', { personId: person('demo-discipline') })).toHaveLength(0);
    expect(b.docs('cases')).toHaveLength(0);

    const again = ok(await call<WeeklyCloseSummary>({ action: 'runWeeklyClose' }, 'demo-office'));
    expect(again.weeks).toEqual([]);
    expect(b.docs('inbox', { kind: 'weeklyContact' })).toHaveLength(12 + 39);
  });

  it('an offline confirmation arriving after its week was closed is recorded and shown, but the closed result stands', async () => {
    const late = ok(
      await call<ContactConfirmation>(
        { action: 'confirmContact', householdId: hh(1, 3, 5), method: 'phone', deviceTime: '2027-01-10T20:00:00+08:00' },
        'demo-leader-3',
      ),
    );
    expect(late).toMatchObject({ weekKey: '2027-W01', offline: true });
    const board = ok(await call<WeeklyBoard>({ action: 'weeklyBoard', weekKey: '2027-W01' }, 'demo-leader-3'));
    expect(board.contacted).toBe(2);
    expect(board.closed).toMatchObject({ contacted: 1, total: 6, complete: false });
    expect(board.households.find((h) => h.householdId === hh(1, 3, 5))).toMatchObject({ contacted: true, afterClose: true });
    expect(board.households.find((h) => h.householdId === hh(1, 3, 3))).toMatchObject({ contacted: true, afterClose: false });
    const week = ok(await call<VillageWeek>({ action: 'villageWeek', weekKey: '2027-W01' }, 'demo-liaison-1')).grids.find(
      (g) => g.gridId === 'demo-grid-1-3',
    );
    expect(week).toMatchObject({ contacted: 1, closed: true });
  });
});

describe('authorization, bad input and retries', () => {
  let b: Backend;
  const call = <T = any>(event: Record<string, unknown>, openid: string | null) => b.call<T>('grid', event, openid);

  beforeAll(async () => {
    b = await startBackend({ demo: true });
    b.setClock('2026-12-16T10:00:00+08:00');
  });
  afterAll(async () => {
    await b?.stop();
  });

  it("a leader cannot confirm another grid's household, read another grid's board or report for it", async () => {
    const before = counts(b);
    expect(
      refused(await call({ action: 'confirmContact', householdId: hh(1, 2, 1), method: 'phone' }, 'demo-leader-1'), 'NOT_IN_RANGE'),
    ).toBe('该农户不在您负责的微网格内');
    refused(await call({ action: 'weeklyBoard', gridId: 'demo-grid-1-2' }, 'demo-leader-1'), 'FORBIDDEN');
    refused(await call({ action: 'listWeeks', gridId: 'demo-grid-1-2' }, 'demo-leader-1'), 'FORBIDDEN');
    refused(await call({ action: 'fileWeeklyReport', gridId: 'demo-grid-1-2', noRisk: true }, 'demo-leader-1'), 'NOT_IN_RANGE');
    refused(
      await call(
        {
          action: 'fileWeeklyReport',
          noRisk: false,
          hazards: [{ category: 'gas', description: '液化气瓶倒置', householdId: hh(1, 2, 1) }],
        },
        'demo-leader-1',
      ),
      'NOT_IN_RANGE',
    );
    refused(await call({ action: 'villageWeek' }, 'demo-leader-1'), 'FORBIDDEN');
    expect(counts(b)).toEqual(before);
  });

  it('a villager cannot see the board or confirm; liaisons stay in their village; only the office runs the close', async () => {
    refused(await call({ action: 'weeklyBoard', gridId: 'demo-grid-1-1' }, 'demo-villager-1'), 'FORBIDDEN');
    refused(await call({ action: 'confirmContact', householdId: hh(1, 1, 2), method: 'phone' }, 'demo-villager-1'), 'FORBIDDEN');
    refused(await call({ action: 'weeklyBoard', gridId: 'demo-grid-1-1' }, null), 'UNAUTHENTICATED');
    refused(await call({ action: 'weeklyBoard', gridId: 'demo-grid-2-1' }, 'demo-liaison-1'), 'FORBIDDEN');
    refused(await call({ action: 'villageWeek', villageId: 'demo-village-1' }, 'demo-liaison-2'), 'FORBIDDEN');
    expect(refused(await call({ action: 'weeklyBoard' }, 'demo-liaison-1'), 'INVALID_INPUT')).toBe('请选择微网格');
    expect(ok(await call<WeeklyBoard>({ action: 'weeklyBoard', gridId: 'demo-grid-1-2' }, 'demo-liaison-1')).total).toBe(12);
    expect(ok(await call<WeeklyBoard>({ action: 'weeklyBoard', gridId: 'demo-grid-3-3' }, 'demo-office')).total).toBe(13);
    refused(await call({ action: 'weeklyBoard', gridId: 'demo-grid-1-1' }, 'demo-discipline'), 'FORBIDDEN');
    refused(await call({ action: 'runWeeklyClose' }, 'demo-discipline'), 'FORBIDDEN');
    refused(await call({ action: 'runWeeklyClose' }, 'demo-leader-1'), 'FORBIDDEN');
    refused(await call({ action: 'confirmContact', householdId: 'no-such-household', method: 'phone' }, 'demo-leader-1'), 'NOT_FOUND');
  });

  it('bad input is refused with a Chinese message and nothing is written', async () => {
    const before = counts(b);
    const bad = async (event: Record<string, unknown>, code = 'INVALID_INPUT') =>
      refused(await call({ idempotencyKey: `bad-input-${Math.random().toString(36).slice(2, 10)}`, ...event }, 'demo-leader-1'), code);
    expect(await bad({ action: 'confirmContact', householdId: hh(1, 1, 1), method: 'sms' })).toBe('联络方式须为微信、电话或上门');
    expect(await bad({ action: 'confirmContact', method: 'phone' })).toBe('缺少农户');
    expect(await bad({ action: 'confirmContact', householdId: hh(1, 1, 1), method: 'phone', deviceTime: '昨天晚上' })).toContain(
      '离线记录时间格式不正确',
    );
    expect(await bad({ action: 'fileWeeklyReport', noRisk: false })).toBe('请至少填写一条风险隐患，或选择“本周无风险”');
    expect(await bad({ action: 'fileWeeklyReport', noRisk: true, hazards: [{ category: 'gas', description: '漏气' }] })).toBe(
      '已选择“本周无风险”，不能同时填写隐患',
    );
    expect(await bad({ action: 'fileWeeklyReport', noRisk: false, hazards: [{ category: 'fireworks', description: '鞭炮' }] })).toBe(
      '请选择隐患类别',
    );
    const photos = Array.from({ length: 10 }, (_, i) => `cloud://demo/${i}.jpg`);
    expect(
      await bad(
        { action: 'fileWeeklyReport', noRisk: false, hazards: [{ category: 'gas', description: '漏气', photos }] },
        'TOO_MANY_PHOTOS',
      ),
    ).toBe('每条隐患最多上传9张照片');
    expect(
      await bad(
        { action: 'fileWeeklyReport', noRisk: false, hazards: [{ category: 'gas', description: '漏气', deadline: '2026-12-15' }] },
        'DEADLINE_IN_PAST',
      ),
    ).toBe('整改期限不能早于上报当天');
    expect(await bad({ action: 'weeklyBoard', weekKey: '2025-W53' })).toBe('该年没有这一周');
    expect(await bad({ action: 'weeklyBoard', weekKey: '2026-W52' })).toBe('该周尚未开始');
    expect(await bad({ action: 'listWeeks', count: 0 })).toBe('至少查看1周');
    expect(counts(b)).toEqual(before);
  });

  it('a moved-out household is not due and cannot be confirmed', async () => {
    ok(
      await b.call('org', { action: 'setHouseholdActive', householdId: hh(1, 1, 9), active: false, reason: '举家外出务工' }, 'demo-office'),
    );
    const before = counts(b);
    refused(await call({ action: 'confirmContact', householdId: hh(1, 1, 9), method: 'phone' }, 'demo-leader-1'), 'HOUSEHOLD_INACTIVE');
    expect(counts(b)).toEqual(before);
    const board = ok(await call<WeeklyBoard>({ action: 'weeklyBoard' }, 'demo-leader-1'));
    expect(board.total).toBe(8);
    expect(board.households.map((h) => h.householdId)).not.toContain(hh(1, 1, 9));
  });

  it('a retried confirmation returns the first result; a second confirmation in the week replaces it, audited', async () => {
    const event = {
      action: 'confirmContact',
      idempotencyKey: 'retry-contact-0001',
      householdId: hh(1, 1, 1),
      method: 'phone',
      note: '第一次',
    };
    const first = ok(await call<ContactConfirmation>(event, 'demo-leader-1'));
    b.setClock('2026-12-16T10:05:00+08:00');
    const retry = ok(await call<ContactConfirmation>(event, 'demo-leader-1'));
    expect(retry).toEqual(first);
    expect(b.docs('weeklyContacts', { householdId: hh(1, 1, 1) })).toHaveLength(1);
    expect(b.docs('audit', { action: 'grid.confirmContact', docId: `2026-W51:${hh(1, 1, 1)}` })).toHaveLength(1);

    const second = ok(
      await call<ContactConfirmation>(
        {
          action: 'confirmContact',
          idempotencyKey: 'retry-contact-0002',
          householdId: hh(1, 1, 1),
          method: 'inPerson',
          note: '上门查看了厨房',
        },
        'demo-leader-1',
      ),
    );
    expect(second).toMatchObject({ weekKey: '2026-W51', method: 'inPerson', replaced: true });
    const docs = b.docs('weeklyContacts', { householdId: hh(1, 1, 1) });
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ _id: `2026-W51:${hh(1, 1, 1)}`, method: 'inPerson', note: '上门查看了厨房' });
    const audits = b.docs('audit', { action: 'grid.confirmContact', docId: `2026-W51:${hh(1, 1, 1)}` });
    expect(audits).toHaveLength(2);
    expect(audits.find((a) => a.before !== null)).toMatchObject({
      before: { method: 'phone', note: '第一次' },
      after: { method: 'inPerson' },
    });
  });

  it('a retried report returns the first result and creates no second hazard', async () => {
    const event = {
      action: 'fileWeeklyReport',
      idempotencyKey: 'retry-report-0001',
      noRisk: false,
      hazards: [{ category: 'heating', description: '火盆靠近床铺', householdId: hh(1, 1, 2) }],
    };
    const first = ok(await call<WeeklyReportFiled>(event, 'demo-leader-1'));
    const retry = ok(await call<WeeklyReportFiled>(event, 'demo-leader-1'));
    expect(retry).toEqual(first);
    expect(b.docs('hazards', { gridId: 'demo-grid-1-1' })).toHaveLength(1);
    expect(b.docs('hazards', { gridId: 'demo-grid-1-1' })[0]).toMatchObject({
      visitorPersonId: person('demo-visitor-1'),
      source: 'gridReport',
    });
    expect(b.docs('audit', { collection: 'weeklyReports', docId: '2026-W51:demo-grid-1-1' })).toHaveLength(1);
  });
});
