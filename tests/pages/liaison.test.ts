// The village liaison's pages (packages/liaison) rendered by miniprogram-simulate against the real function runner and
// emulator with the demo township: the cap of 15 visible before it bites, the server's GRID_FULL shown when it does.
import { startBackend, type Backend } from '../helpers/backend';
import { loadPage } from '../helpers/miniprogram';

let backend: Backend;

beforeAll(async () => {
  backend = await startBackend({ demo: true });
  backend.setClock('2026-12-03T10:00:00+08:00');
});

afterAll(async () => {
  await backend?.stop();
});

const LIAISON = 'demo-liaison-1';
const VILLAGER = 'demo-villager-1';
const FORBIDDEN = '您没有权限进行此操作';

describe('liaison village page', () => {
  it('shows each grid as n/15, and a full grid with add disabled and the reason', async () => {
    const p = await loadPage('packages/liaison/village/index', { backend, openid: LIAISON });
    expect(p.harness.calls).toHaveLength(1);
    expect(p.text('#village-name')).toBe('三江村');
    expect(p.page.querySelectorAll('.grid-card')).toHaveLength(4);
    expect(p.text('#fill-demo-grid-1-1')).toBe('9/15');
    expect(p.text('#fill-demo-grid-1-4')).toBe('15/15');
    expect(p.text('#hint-demo-grid-1-4')).toContain('已满15户');
    // simulate renders no `disabled` attribute on wx-button: check the bound flag, and that a tap leads nowhere
    const full = (id: string) => (p.page.instance.data.grids as { id: string; full: boolean }[]).find((g) => g.id === id)!.full;
    expect(full('demo-grid-1-4')).toBe(true);
    expect(full('demo-grid-1-1')).toBe(false);
    await p.tap('#add-demo-grid-1-4');
    expect(p.harness.navigations).toEqual([]);
    await p.tap('#add-demo-grid-1-1');
    expect(p.harness.navigations).toEqual([
      '/packages/liaison/grid/index?gridId=demo-grid-1-1&villageId=demo-village-1&name=%E7%AC%AC1%E5%BE%AE%E7%BD%91%E6%A0%BC',
    ]);
    p.unload();
  });

  it('adds a grid, and shows the server refusal of a duplicate name next to the field', async () => {
    const p = await loadPage('packages/liaison/village/index', { backend, openid: LIAISON });
    await p.input('#new-grid-name', '第5微网格');
    await p.tap('#new-grid-submit');
    expect(p.page.querySelectorAll('.grid-card')).toHaveLength(5);
    expect(backend.docs('grids', { villageId: 'demo-village-1', name: '第5微网格' })).toHaveLength(1);
    await p.input('#new-grid-name', '第5微网格');
    await p.tap('#new-grid-submit');
    expect(p.text('#new-grid-error')).toBe('本村已有名为“第5微网格”的微网格');
    p.unload();
  });

  it('refuses a villager who opens another village', async () => {
    const p = await loadPage('packages/liaison/village/index', {
      backend,
      openid: 'demo-villager-2',
      query: { villageId: 'demo-village-1' },
    });
    expect(p.text('#village-state >>> #state-error .t-error')).toBe('您无权查看该村的微网格');
    p.unload();
  });

  it('refuses a villager who opens the liaison area without a village', async () => {
    const p = await loadPage('packages/liaison/village/index', { backend, openid: VILLAGER });
    expect(p.text('#village-state >>> #state-error .t-error')).toBe(FORBIDDEN);
    p.unload();
  });
});

describe('liaison grid page', () => {
  it('adds households until 15/15, then shows the server GRID_FULL refusal for the 16th and keeps the form', async () => {
    const p = await loadPage('packages/liaison/grid/index', {
      backend,
      openid: LIAISON,
      query: { gridId: 'demo-grid-1-3', villageId: 'demo-village-1', name: '第3微网格' },
    });
    // one call on load: the households come with their current visitor
    expect(p.harness.calls.map((c) => c.data)).toEqual([{ action: 'listHouseholds', gridId: 'demo-grid-1-3', page: 1, pageSize: 20 }]);
    expect(p.text('#grid-fill')).toBe('6/15');
    expect(p.page.querySelectorAll('.hh-row').length).toBeGreaterThanOrEqual(6);
    expect(p.allText()).toContain('走访人 舒丽华');
    for (let n = 7; n <= 15; n++) {
      await p.input('#add-address', `三江村三组${n}号`);
      await p.input('#add-head', `测试户${n}`);
      await p.tap('#add-submit');
      expect(p.find('#add-error')).toBeUndefined();
      expect(p.text('#grid-fill')).toBe(`${n}/15`);
    }
    expect(p.text('#grid-cap-hint')).toContain('已满15户');
    await p.input('#add-address', '三江村三组16号');
    await p.input('#add-head', '测试户16');
    await p.tap('#add-submit');
    const last = p.harness.calls[p.harness.calls.length - 1];
    expect(last.data.action).toBe('addHousehold');
    const refusal = await backend.call(
      'org',
      { action: 'addHousehold', gridId: 'demo-grid-1-3', address: 'x1号', headName: '某' },
      LIAISON,
    );
    expect(refusal).toMatchObject({ ok: false, code: 'GRID_FULL' });
    expect(p.text('#add-error')).toBe((refusal as { message: string }).message);
    expect(p.page.instance.data.address).toBe('三江村三组16号');
    expect(backend.docs('grids', { _id: 'demo-grid-1-3' })[0].householdCount).toBe(15);
    p.unload();
  });

  it("moves a household to another grid (refused into a full one) and changes a household's visitor with a reason", async () => {
    const p = await loadPage('packages/liaison/grid/index', {
      backend,
      openid: LIAISON,
      query: { gridId: 'demo-grid-1-1', villageId: 'demo-village-1', name: '第1微网格' },
    });
    expect(p.text('#grid-fill')).toBe('9/15');
    const moved = p.page.instance.data.rows[0].id as string;
    await p.tap('#hh-0');
    await p.tap('#start-move');
    const targets = p.page.instance.data.optionNames as string[];
    p.find('#action-option')!.dispatchEvent('change', { detail: { value: String(targets.findIndex((n) => n.startsWith('第2微网格'))) } });
    await p.idle();
    await p.tap('#action-confirm');
    expect(p.find('#action-error')).toBeUndefined();
    expect(p.text('#grid-fill')).toBe('8/15');
    expect(backend.docs('households', { _id: moved })[0].gridId).toBe('demo-grid-1-2');

    // a move into the full grid is refused with the server's message
    await p.tap('#hh-0');
    await p.tap('#start-move');
    const names = p.page.instance.data.optionNames as string[];
    p.find('#action-option')!.dispatchEvent('change', { detail: { value: String(names.findIndex((n) => n.startsWith('第4微网格'))) } });
    await p.idle();
    await p.tap('#action-confirm');
    expect(p.text('#action-error')).toContain('15');

    // reassign the first household's visitor with a reason
    await p.tap('#hh-0');
    await p.tap('#hh-0');
    await p.tap('#start-visitor');
    const visitors = p.page.instance.data.optionNames as string[];
    p.find('#action-option')!.dispatchEvent('change', { detail: { value: String(visitors.indexOf('舒丽华')) } });
    await p.idle();
    await p.tap('#action-confirm');
    expect(p.text('#action-error')).toContain('原因');
    await p.input('#action-reason', '原走访人调离');
    await p.tap('#action-confirm');
    expect(p.find('#action-error')).toBeUndefined();
    expect(p.text('#hh-0')).toContain('舒丽华');
    p.unload();
  });

  it('refuses the liaison of another village', async () => {
    const p = await loadPage('packages/liaison/grid/index', {
      backend,
      openid: 'demo-liaison-2',
      query: { gridId: 'demo-grid-1-1', villageId: 'demo-village-1' },
    });
    expect(p.text('#grid-state >>> #state-error .t-error')).toBe('您无权查看该微网格的农户');
    p.unload();
  });
});

describe('liaison progress page', () => {
  it('shows the village this period on open and this week on its tab', async () => {
    const p = await loadPage('packages/liaison/progress/index', { backend, openid: LIAISON });
    expect(p.harness.calls.map((c) => c.data.action)).toEqual(['dashboard']);
    expect(p.page.querySelectorAll('.progress-village')).toHaveLength(1);
    expect(p.text('#progress-village-demo-village-1')).toContain('三江村');
    expect(p.text('#progress-village-demo-village-1')).toContain('本期完成率');
    await p.tap('#tab-week');
    expect(p.harness.calls.map((c) => c.data.action)).toEqual(['dashboard', 'villageWeek']);
    expect(p.text('#progress-week')).toContain('2026年第49周');
    expect(p.page.querySelectorAll('.week-grid').length).toBeGreaterThanOrEqual(4);
    p.unload();
  });

  it('refuses a villager', async () => {
    const p = await loadPage('packages/liaison/progress/index', { backend, openid: VILLAGER });
    expect(p.text('#progress-state >>> #state-error .t-error')).toBe(FORBIDDEN);
    p.unload();
  });
});
