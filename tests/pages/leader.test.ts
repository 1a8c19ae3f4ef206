/** @jest-environment ./tests/pages/backend-environment.ts */
// The grid leader's pages (packages/leader) on the real functions and emulator with the demo township: the board, the
// weekly report and past weeks render for a grid leader and refuse a villager; the flow "a grid leader confirms the week";
// offline confirmations queued as 待上传, sent once when the network returns, and a resend with the same key creating nothing;
// calling and copying the WeChat id from the board (numbers for this grid's leader only), the grid chooser of a leader of
// two grids, and the weekly report with photos.
import { startBackend, type Backend } from '../helpers/backend';
import { loadPage } from '../helpers/miniprogram';
import { stubDevice, tap } from '../helpers/device';
import type { WeeklyBoard } from '../../typings/grid';

let backend: Backend;
const REFUSAL = '您没有权限进行此操作';
const METHODS = ['wechat', 'phone', 'inPerson'] as const;
const householdsOf = (gridId: string) =>
  backend
    .docs('households', { gridId, active: true })
    .map((h) => h._id as string)
    .sort();

async function expectRefused(path: string, openid: string): Promise<void> {
  const page = await loadPage(path, { backend, openid });
  expect(page.text('#page-state >>> #state-error')).toContain(REFUSAL);
  expect(page.harness.calls).toHaveLength(1);
  page.unload();
}

beforeAll(async () => {
  backend = await startBackend({ demo: true });
  // a Wednesday: the ISO week runs 2026-12-07 … 2026-12-13 (China time)
  backend.setClock('2026-12-09T10:00:00+08:00');
});
afterAll(async () => {
  await backend?.stop();
});

describe('weekly board', () => {
  it('lists every household of my grid, none contacted yet, in one call', async () => {
    const page = await loadPage('packages/leader/board/index', { backend, openid: 'demo-leader-2' });
    expect(page.harness.calls.map((c) => [c.name, c.data.action])).toEqual([['grid', 'weeklyBoard']]);
    const ids = householdsOf('demo-grid-1-2');
    expect(page.page.querySelectorAll('.contact-row')).toHaveLength(ids.length);
    expect(page.text('#week-progress')).toBe(`已联络 0/${ids.length} 户 · 风险上报：未上报`);
    expect(page.text('#week-status')).toBe('本周未完成');
    page.unload();
  });

  it('refuses a villager', () => expectRefused('packages/leader/board/index', 'demo-villager-1'));
});

describe('a grid leader confirms the week', () => {
  it('taps each household with a method, files the report, and the week shows complete', async () => {
    const ids = householdsOf('demo-grid-1-1');
    const board = await loadPage('packages/leader/board/index', { backend, openid: 'demo-leader-1' });
    for (const [i, id] of ids.entries()) await board.tap(`#confirm-${id}-${METHODS[i % 3]}`);
    expect(board.text('#week-progress')).toBe(`已联络 ${ids.length}/${ids.length} 户 · 风险上报：未上报`);
    expect(board.text(`#row-${ids[1]}`)).toContain('已联络 · 电话');
    expect(backend.docs('weeklyContacts', { gridId: 'demo-grid-1-1', weekKey: '2026-W50' })).toHaveLength(ids.length);
    board.unload();

    const report = await loadPage('packages/leader/report/index', { backend, openid: 'demo-leader-1' });
    await report.tap('#add-hazard');
    expect(report.text('#field-error')).toBe('请选择隐患类别');
    await report.tap('#no-risk');
    expect(report.text('#done')).toBe('已上报：本周无风险');
    report.unload();

    const after = await loadPage('packages/leader/board/index', { backend, openid: 'demo-leader-1' });
    expect(after.text('#week-status')).toBe('本周已完成');
    expect(after.text('#week-progress')).toBe(`已联络 ${ids.length}/${ids.length} 户 · 风险上报：已上报`);
    after.unload();

    const weeks = await loadPage('packages/leader/weeks/index', { backend, openid: 'demo-leader-1' });
    expect(weeks.text('#week-2026-W50')).toContain('已完成');
    expect(weeks.text('#week-2026-W50')).toContain(`联络 ${ids.length}/${ids.length} 户`);
    expect(weeks.page.querySelectorAll('.week-row').length).toBeLessThanOrEqual(20);
    weeks.unload();
  });
});

describe('offline contact confirmation', () => {
  it('is queued and shown 待上传, sent once when the network returns, and a resend with the same key creates nothing', async () => {
    // the phone stamps its own clock on a queued item, so the server runs on real time here (48 h window)
    backend.setClock(null);
    const [id] = householdsOf('demo-grid-1-3');
    const page = await loadPage('packages/leader/board/index', { backend, openid: 'demo-leader-3' });
    page.harness.offline = true;
    await page.tap(`#confirm-${id}-phone`);
    expect(page.text(`#row-${id}`)).toContain('待上传（电话）');
    expect(page.text('#pending-banner')).toContain('有 1 条记录待上传');
    const [queued] = page.harness.storage.get('nw.outbox.v1') as { key: string; data: Record<string, unknown> }[];
    expect(queued.data).toMatchObject({ householdId: id, method: 'phone', deviceTime: expect.stringMatching(/[+-]\d{2}:\d{2}$/) });
    expect(backend.docs('weeklyContacts', { householdId: id })).toHaveLength(0);

    page.harness.offline = false;
    await page.tap('#flush');
    const sent = page.harness.calls.filter((c) => c.data.action === 'confirmContact');
    expect(sent.map((c) => c.data.idempotencyKey)).toEqual([queued.key, queued.key]);
    const docs = backend.docs('weeklyContacts', { householdId: id });
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ method: 'phone', offline: true });
    expect(page.harness.storage.get('nw.outbox.v1')).toEqual([]);
    expect(page.text(`#row-${id}`)).toContain('已联络 · 电话');
    expect(page.text(`#row-${id}`)).not.toContain('待上传');
    expect(page.find('#pending-banner')).toBeUndefined();

    const counts = () => ['weeklyContacts', 'audit', 'idempotency'].map((c) => backend.docs(c).length);
    const before = counts();
    const resend = await backend.call('grid', { action: 'confirmContact', ...queued.data, idempotencyKey: queued.key }, 'demo-leader-3');
    expect(resend.ok).toBe(true);
    expect(counts()).toEqual(before);
    expect(backend.docs('weeklyContacts', { householdId: id })).toEqual(docs);
    page.unload();
    backend.setClock('2026-12-09T10:00:00+08:00');
  });
});

describe('weekly report and past weeks', () => {
  it('adds a hazard for a household and files it; the hazard record is created', async () => {
    const page = await loadPage('packages/leader/report/index', { backend, openid: 'demo-leader-2' });
    await page.tap('#cat-ebikeCharging');
    await page.input('#description', '电动车在堂屋充电');
    page.find('#household')!.dispatchEvent('change', { detail: { value: 1 } });
    await page.idle();
    await page.tap('#add-hazard');
    expect(page.allText()).toContain('电动车在堂屋充电');
    await page.tap('#submit-hazards');
    expect(page.text('#done')).toContain('已上报1条隐患');
    const [first] = householdsOf('demo-grid-1-2');
    expect(backend.docs('hazards', { source: 'gridReport', householdId: first, description: '电动车在堂屋充电' })).toHaveLength(1);
    page.unload();
  });

  it('the report page refuses a villager', () => expectRefused('packages/leader/report/index', 'demo-villager-2'));

  it('past weeks render for the grid leader and refuse a villager', async () => {
    const page = await loadPage('packages/leader/weeks/index', { backend, openid: 'demo-leader-2' });
    expect(page.harness.calls.map((c) => c.data)).toEqual([{ action: 'listWeeks', count: 8 }]);
    expect(page.page.querySelectorAll('.week-row')).toHaveLength(8);
    expect(page.text('#week-2026-W50')).toContain('（本周）');
    page.unload();
    await expectRefused('packages/leader/weeks/index', 'demo-villager-3');
  });
});

const wxg = () => (global as any).wx;
const GRID_KEY = 'nw.leader.gridId.v1';
const firstWith = (gridId: string, field: 'phone' | 'wechatId') =>
  backend
    .docs('households', { gridId, active: true })
    .sort((a, b) => String(a._id).localeCompare(String(b._id)))
    .map((h) => ({ id: h._id as string, member: (h.members as Record<string, string>[]).find((m) => m[field]) }))
    .find((h) => h.member)!;

describe('calling and WeChat from the board', () => {
  it('the grid leader sees each number in full, calls one household and copies another one’s WeChat id, confirming both', async () => {
    const page = await loadPage('packages/leader/board/index', { backend, openid: 'demo-leader-5' });
    const byPhone = firstWith('demo-grid-2-1', 'phone');
    const byWechat = backend
      .docs('households', { gridId: 'demo-grid-2-1', active: true })
      .map((h) => ({ id: h._id as string, member: (h.members as Record<string, string>[]).find((m) => m.wechatId) }))
      .find((h) => h.member && h.id !== byPhone.id)!;
    expect(page.text(`#phone-${byPhone.id}`)).toBe(`电话 ${byPhone.member!.name} ${byPhone.member!.phone}`);
    expect(page.text(`#wechat-${byWechat.id}`)).toBe(`微信号 ${byWechat.member!.wechatId}`);

    const dialled: string[] = [];
    wxg().makePhoneCall = (o: { phoneNumber: string; success?: () => void }) => {
      dialled.push(o.phoneNumber);
      o.success?.();
    };
    await page.tap(`#call-${byPhone.id}`);
    expect(dialled).toEqual([byPhone.member!.phone]);
    expect(page.harness.modals.at(-1)!.content).toContain('确认本周已电话联络');
    expect(backend.docs('weeklyContacts', { householdId: byPhone.id, weekKey: '2026-W50' })).toMatchObject([{ method: 'phone' }]);
    expect(page.text(`#row-${byPhone.id}`)).toContain('已联络 · 电话');

    await page.tap(`#copy-${byWechat.id}`);
    expect(page.harness.clipboard).toBe(byWechat.member!.wechatId);
    expect(backend.docs('weeklyContacts', { householdId: byWechat.id, weekKey: '2026-W50' })).toMatchObject([{ method: 'wechat' }]);
    expect(page.text(`#row-${byWechat.id}`)).toContain('已联络 · 微信');
    expect(page.text('#week-progress')).toContain('已联络 2/');
    page.unload();
  });

  it('a household without a WeChat id shows no copy button; one without a phone no call button', async () => {
    const page = await loadPage('packages/leader/board/index', { backend, openid: 'demo-leader-1' });
    const rows = backend.docs('households', { gridId: 'demo-grid-1-1', active: true });
    for (const h of rows) {
      const members = h.members as Record<string, string>[];
      expect(!!page.find(`#call-${h._id}`)).toBe(members.some((m) => m.phone));
      expect(!!page.find(`#copy-${h._id}`)).toBe(members.some((m) => m.wechatId));
      if (!members.some((m) => m.wechatId)) expect(page.text(`#wechat-${h._id}`)).toBe('未登记微信号');
    }
    page.unload();
  });

  it('a liaison and the office read the same board with masked numbers and nothing to call; another grid’s leader is refused', async () => {
    const phones = backend
      .docs('households', { gridId: 'demo-grid-2-1' })
      .flatMap((h) => (h.members as Record<string, string>[]).flatMap((m) => [m.phone, m.wechatId]))
      .filter(Boolean);
    for (const openid of ['demo-liaison-2', 'demo-office']) {
      const page = await loadPage('packages/leader/board/index', { backend, openid, storage: { [GRID_KEY]: 'demo-grid-2-1' } });
      expect(page.harness.calls.map((c) => c.data)).toEqual([{ action: 'weeklyBoard', gridId: 'demo-grid-2-1' }]);
      expect(page.page.querySelectorAll('.contact-row').length).toBeGreaterThan(0);
      expect(page.find('.reach-btn')).toBeUndefined();
      for (const n of phones) expect(page.allText()).not.toContain(n);
      expect(page.allText()).toMatch(/电话 \S+ 138\*{4}\d{4}/);
      expect(page.allText()).toMatch(/微信号 wx\*{4}\d{2}/);
      page.unload();
      const board = await backend.call<WeeklyBoard>('grid', { action: 'weeklyBoard', gridId: 'demo-grid-2-1' }, openid);
      if (!board.ok) throw new Error(board.message);
      expect(board.data.households.every((h) => h.callNumber === null && h.wechatId === null)).toBe(true);
      expect(JSON.stringify(board.data)).not.toMatch(/1380000\d{4}|wx_sj\d{4}/);
    }
    const other = await backend.call('grid', { action: 'weeklyBoard', gridId: 'demo-grid-2-1' }, 'demo-leader-1');
    expect(other).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // the household lists keep the rule they had: WeChat ids masked like phones for the discipline office, in full for the liaison
    const list = async (openid: string) => {
      const r = await backend.call<{ items: { members: { wechatId?: string }[] }[] }>(
        'org',
        { action: 'listHouseholds', gridId: 'demo-grid-2-1' },
        openid,
      );
      if (!r.ok) throw new Error(r.message);
      return r.data.items.flatMap((h) => h.members.map((m) => m.wechatId)).filter(Boolean);
    };
    const masked = await list('demo-discipline');
    const full = await list('demo-liaison-2');
    expect(masked.length).toBeGreaterThan(0);
    expect(full).toHaveLength(masked.length);
    expect(masked.every((w) => /^wx\*{4}\d{2}$/.test(w!))).toBe(true);
    expect(full.every((w) => /^wx_sj\d{4}$/.test(w!))).toBe(true);
  });
});

describe('a leader of two grids', () => {
  it('picks the grid on the board; the choice is remembered by the board, the report and past weeks', async () => {
    const leader = backend.docs('persons', { openid: 'demo-leader-6' })[0];
    const granted = await backend.call(
      'org',
      { action: 'grantRole', personId: leader._id, role: 'gridLeader', scopeId: 'demo-grid-2-3' },
      'demo-office',
    );
    expect(granted.ok).toBe(true);
    const names = (gridId: string) => backend.docs('grids', { _id: gridId })[0].name as string;

    const board = await loadPage('packages/leader/board/index', { backend, openid: 'demo-leader-6' });
    expect(board.harness.calls.map((c) => c.data)).toEqual([{ action: 'weeklyBoard' }]);
    expect(board.text('#grid-chosen')).toBe(`桐木溪村 ${names('demo-grid-2-2')}`);
    expect(board.text('#grid-name')).toBe(`桐木溪村 ${names('demo-grid-2-2')}`);
    const options = board.page.instance.data.gridIds as string[];
    expect(options).toEqual(['demo-grid-2-2', 'demo-grid-2-3']);
    board.find('#grid-picker')!.dispatchEvent('change', { detail: { value: 1 } });
    await board.idle();
    expect(board.harness.calls.at(-1)!.data).toEqual({ action: 'weeklyBoard', gridId: 'demo-grid-2-3' });
    expect(board.text('#grid-name')).toBe(`桐木溪村 ${names('demo-grid-2-3')}`);
    expect(board.page.querySelectorAll('.contact-row')).toHaveLength(householdsOf('demo-grid-2-3').length);
    const storage = { [GRID_KEY]: board.harness.storage.get(GRID_KEY) };
    expect(storage[GRID_KEY]).toBe('demo-grid-2-3');
    board.unload();

    const again = await loadPage('packages/leader/board/index', { backend, openid: 'demo-leader-6', storage });
    expect(again.harness.calls.map((c) => c.data)).toEqual([{ action: 'weeklyBoard', gridId: 'demo-grid-2-3' }]);
    expect(again.text('#grid-chosen')).toBe(`桐木溪村 ${names('demo-grid-2-3')}`);
    again.unload();

    const report = await loadPage('packages/leader/report/index', { backend, openid: 'demo-leader-6', storage });
    await report.tap('#no-risk');
    expect(report.text('#done')).toBe('已上报：本周无风险');
    expect(backend.docs('weeklyReports', { gridId: 'demo-grid-2-3', weekKey: '2026-W50' })).toHaveLength(1);
    expect(backend.docs('weeklyReports', { gridId: 'demo-grid-2-2', weekKey: '2026-W50' })).toHaveLength(0);
    report.unload();

    const weeks = await loadPage('packages/leader/weeks/index', { backend, openid: 'demo-leader-6', storage });
    expect(weeks.harness.calls.map((c) => c.data)).toEqual([{ action: 'listWeeks', count: 8, gridId: 'demo-grid-2-3' }]);
    expect(weeks.text('#week-2026-W50')).toContain('风险已上报');
    weeks.unload();
  });

  it('a remembered grid the leader no longer leads is forgotten and the own grid shown', async () => {
    const page = await loadPage('packages/leader/board/index', {
      backend,
      openid: 'demo-leader-2',
      storage: { [GRID_KEY]: 'demo-grid-2-3' },
    });
    expect(page.harness.calls.map((c) => c.data)).toEqual([{ action: 'weeklyBoard', gridId: 'demo-grid-2-3' }, { action: 'weeklyBoard' }]);
    expect(page.text('#grid-name')).toContain(backend.docs('grids', { _id: 'demo-grid-1-2' })[0].name as string);
    expect(page.harness.storage.has(GRID_KEY)).toBe(false);
    page.unload();
  });
});

describe('the weekly report with photos', () => {
  it('keeps the photos with the draft when the upload fails, then files them with the report and the hazard record', async () => {
    const page = await loadPage('packages/leader/report/index', { backend, openid: 'demo-leader-8' });
    const device = stubDevice(page, backend, { uploadFails: true });
    await page.tap('#cat-heating');
    await page.input('#description', '火盆靠近床铺');
    await tap(page, '#evidence >>> #add-photo');
    expect(page.page.querySelectorAll('#evidence >>> .photo')).toHaveLength(2);
    expect(page.find('#evidence >>> #get-location')).toBeUndefined();
    await page.tap('#add-hazard');
    expect(page.text('#draft-0')).toContain('照片 2 张');
    expect(page.page.querySelectorAll('#evidence >>> .photo')).toHaveLength(0);

    await tap(page, '#submit-hazards');
    expect(page.text('#submit-error')).toContain('2 张照片未能上传');
    expect(backend.docs('hazards', { description: '火盆靠近床铺' })).toHaveLength(0);
    page.unload();

    // the app was closed: the draft, with its photos and its key, is still on the phone
    const storage = Object.fromEntries([...page.harness.storage].filter(([k]) => k.startsWith('nw.leader.reportDraft')));
    expect(Object.values(storage)).toMatchObject([{ hazards: [{ description: '火盆靠近床铺' }], key: expect.any(String) }]);
    page.harness.phone.restart();
    const again = await loadPage('packages/leader/report/index', { backend, openid: 'demo-leader-8', storage, phone: page.harness.phone });
    const device2 = stubDevice(again, backend);
    expect(again.text('#draft-0')).toContain('火盆靠近床铺');
    await tap(again, '#submit-hazards');
    expect(again.text('#done')).toContain('已上报1条隐患');
    expect(device.uploads).toHaveLength(0);
    expect(device2.uploads).toHaveLength(2);
    const [hazard] = backend.docs('hazards', { source: 'gridReport', description: '火盆靠近床铺' });
    expect(hazard.photos).toEqual(device2.uploads);
    const [filed] = backend.docs('weeklyReports', { gridId: 'demo-grid-3-1', weekKey: '2026-W50' });
    expect((filed.report as { hazards: { photos: string[] }[] }).hazards[0].photos).toEqual(device2.uploads);
    expect([...again.harness.storage.keys()].filter((k) => k.startsWith('nw.leader.reportDraft'))).toEqual([]);
    again.unload();

    const shown = await loadPage('packages/leader/report/index', { backend, openid: 'demo-leader-8' });
    expect(shown.text('#filed')).toContain('1条隐患');
    expect(shown.allText()).toContain('火盆靠近床铺 · 照片2张');
    shown.unload();
  });
});
