/** @jest-environment ./tests/pages/backend-environment.ts */
// The programme pages rendered by miniprogram-simulate, their calls answered by the real functions and emulator.
import { startBackend, type Backend } from '../helpers/backend';
import { loadPage } from '../helpers/miniprogram';

let backend: Backend;

beforeAll(async () => {
  backend = await startBackend({ demo: true });
  backend.setClock('2026-12-01T10:00:00+08:00');
});

afterAll(async () => {
  await backend?.stop();
});

describe('programme pages', () => {
  it('the office sees the elderly registry', async () => {
    const page = await loadPage('packages/programme/elderly/index', { backend, openid: 'demo-office' });
    expect(page.find('#elderly-state >>> #state-loading')).toBeUndefined();
    expect(page.allText()).toContain('在册 4 人');
    expect(page.allText()).toContain('舒金花');
    page.unload();
  });

  it('an age under 60 is refused next to the form with the server message', async () => {
    const page = await loadPage('packages/programme/elderly/index', { backend, openid: 'demo-office' });
    await page.tap('#f-village >>> #picker-toggle');
    await page.tap('#f-village >>> #choice-0');
    for (const [id, v] of [
      ['#f-name', '年轻人'],
      ['#f-age', '45'],
      ['#f-address', '三江村一组1号'],
      ['#f-building', '砖房'],
      ['#f-year', '2000年'],
      ['#f-helper', '帮扶人'],
      ['#f-helper-phone', '13800000000'],
    ]) {
      await page.input(id, v);
    }
    await page.tap('#elderly-submit');
    expect(page.text('#elderly-form-error')).toContain('60周岁');
    expect(backend.docs('elderly')).toHaveLength(4);
    page.unload();
  });

  it('the office sees the ledger with its overdue rows', async () => {
    const page = await loadPage('packages/programme/compounds/index', { backend, openid: 'demo-office' });
    expect(page.text('#overdue-compounds')).toBe('1');
    expect(page.allText()).toContain('三江供销社宿舍');
    expect(page.harness.calls.map((c) => c.data.action)).toEqual(['listCompounds']);
    await page.tap('#show-tasks');
    expect(page.text('#overdue-tasks')).toBe('1');
    page.unload();
  });

  it('a villager sees the refusal, not a spinner', async () => {
    const page = await loadPage('packages/programme/elderly/index', { backend, openid: 'demo-villager-1' });
    expect(page.find('#elderly-state >>> #state-loading')).toBeUndefined();
    expect(page.text('#elderly-state >>> #state-error')).toContain('您没有权限');
    const ledger = await loadPage('packages/programme/compounds/index', { backend, openid: 'demo-villager-1' });
    expect(ledger.text('#compounds-state >>> #state-error')).toContain('您没有权限');
    ledger.unload();
    page.unload();
    // the exports page loads nothing; a villager's tap is refused with the server's message
    const exports = await loadPage('packages/programme/exports/index', { backend, openid: 'demo-villager-1' });
    await exports.tap('#export-compounds');
    expect(exports.text('#export-error')).toContain('您没有权限');
    expect(exports.find('#export-link')).toBeUndefined();
    exports.unload();
  });

  it('an export shows its link and copies it', async () => {
    const page = await loadPage('packages/programme/exports/index', { backend, openid: 'demo-office' });
    await page.tap('#export-compounds');
    expect(page.text('#export-link')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/_storage\/file\/exports\//);
    expect(page.harness.clipboard).toBe(page.text('#export-link'));
    await page.input('#f-month', '2099-01');
    await page.tap('#export-elderly-table');
    expect(page.text('#export-error')).toContain('尚未开始');
    page.unload();
  });
});
