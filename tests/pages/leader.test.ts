/** @jest-environment ./tests/pages/backend-environment.ts */
// The grid leader's pages (packages/leader) on the real functions and emulator with the demo township: the board, the
// weekly report and past weeks render for a grid leader and refuse a villager; the flow "a grid leader confirms the week";
// offline confirmations queued as 待上传, sent once when the network returns, and a resend with the same key creating nothing.
import { startBackend, type Backend } from '../helpers/backend';
import { loadPage } from '../helpers/miniprogram';

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
