// The township office's pages (packages/office) rendered by miniprogram-simulate, their calls answered by the real
// function runner and emulator with the demo township: each renders for the office and shows the refusal to others.
import { startBackend, type Backend } from '../helpers/backend';
import { loadPage } from '../helpers/miniprogram';

let backend: Backend;

beforeAll(async () => {
  backend = await startBackend({ demo: true });
  // early in the demo campaign's second month: November's round has ended, December's is running
  backend.setClock('2026-12-03T10:00:00+08:00');
});

afterAll(async () => {
  await backend?.stop();
});

const VILLAGER = 'demo-villager-1';
const FORBIDDEN = '您没有权限进行此操作';

describe('office dashboard', () => {
  it('shows every village with households, grids, visitors, completion and hazards, from one call', async () => {
    const p = await loadPage('packages/office/dashboard/index', { backend, openid: 'demo-office' });
    expect(p.harness.calls).toEqual([{ name: 'escalation', data: { action: 'dashboard' }, via: 'cloud' }]);
    expect(p.page.querySelectorAll('.village-card')).toHaveLength(3);
    const first = p.text('#village-demo-village-1');
    expect(first).toContain('三江村');
    // 三江村: grids of 9, 12, 6 and 15 households
    expect(first).toContain('42');
    expect(first).toContain('本期完成率');
    expect(first).toContain('隐患');
    expect(p.text('#dash-period')).toContain('2026');
    await p.tap('#nav-notices');
    expect(p.harness.navigations).toEqual(['/packages/office/notices/index']);
    p.unload();
  });

  it("shows the share of each visitor's visits without proof of presence", async () => {
    const householdId = backend.docs('assignments', { visitorPersonId: 'person-demo-visitor-1', validTo: null })[0].householdId;
    const visit = await backend.call(
      'visit',
      {
        action: 'recordVisit',
        householdId,
        templateId: 'residential-default',
        answers: [{ key: 'gas', answer: 'ok' }],
        education: { noticeHandedOver: true, sanQingSanGuanExplained: true },
      },
      'demo-visitor-1',
    );
    expect(visit.ok).toBe(true);
    const p = await loadPage('packages/office/dashboard/index', { backend, openid: 'demo-office' });
    expect(p.text('#visitor-proof')).toMatch(/本期走访 1 次，无到场凭证 1 次（100%）/);
    p.unload();
  });

  it('refuses a villager with the server message', async () => {
    const p = await loadPage('packages/office/dashboard/index', { backend, openid: VILLAGER });
    expect(p.text('#dash-state >>> #state-error .t-error')).toBe(FORBIDDEN);
    expect(p.find('.village-card')).toBeUndefined();
    p.unload();
  });
});

describe('office unproven visits', () => {
  it('renders for the office', async () => {
    const p = await loadPage('packages/office/unproven/index', { backend, openid: 'demo-office' });
    expect(p.harness.calls.map((c) => c.data.action)).toEqual(['listUnprovenVisits']);
    // the dashboard test above recorded one visit without proof
    expect(p.text('#unproven-total')).toContain('共 1 次');
    expect(p.find('#unproven-empty')).toBeUndefined();
    p.unload();
  });

  it('refuses a villager', async () => {
    const p = await loadPage('packages/office/unproven/index', { backend, openid: VILLAGER });
    expect(p.text('#unproven-state >>> #state-error .t-error')).toBe(FORBIDDEN);
    p.unload();
  });
});

describe('office exemptions', () => {
  it('refuses an empty reason before any call, then exempts the visitor with a reason', async () => {
    const p = await loadPage('packages/office/exemptions/index', { backend, openid: 'demo-office' });
    expect(p.harness.calls.map((c) => c.data.action)).toEqual(['listPersons']);
    expect(p.page.querySelectorAll('.visitor-row').length).toBeGreaterThanOrEqual(6);
    await p.tap('#exempt-0');
    expect(p.find('#exempt-form')).toBeDefined();
    const visitorName = p.text('#exempt-form .t-heading').replace('豁免 ', '');
    const calls = p.harness.calls.length;
    await p.input('#exempt-reason', ' ');
    await p.tap('#exempt-submit');
    expect(p.text('#exempt-reason-error')).toBe('请填写原因（至少2个字）');
    expect(p.harness.calls).toHaveLength(calls);

    await p.input('#exempt-reason', '因病住院治疗');
    await p.tap('#exempt-submit');
    const call = p.harness.calls[p.harness.calls.length - 1];
    expect(call.data.action).toBe('exemptVisitor');
    expect(p.harness.toasts.map((t) => t.title)).toContain('已豁免');
    const person = backend.docs('persons', { name: visitorName })[0];
    const exemptions = backend.docs('exemptions', { visitorPersonId: person._id });
    expect(exemptions).toHaveLength(1);
    expect(exemptions[0]).toMatchObject({ reason: '因病住院治疗', periodKey: call.data.periodKey, campaignId: call.data.campaignId });

    // the same exemption again: the server's refusal appears in the form, which stays as it was
    await p.tap('#exempt-0');
    await p.input('#exempt-reason', '因病住院治疗');
    await p.tap('#exempt-submit');
    expect(p.text('#exempt-form-error')).toContain('已被豁免');
    expect(p.page.instance.data.reason).toBe('因病住院治疗');
    p.unload();
  });

  it('reassigns a household from one visitor to another with a reason', async () => {
    const p = await loadPage('packages/office/exemptions/index', { backend, openid: 'demo-office' });
    const names: string[] = p.page.instance.data.visitors.map((v: { name: string }) => v.name);
    const from = names.indexOf('向建军');
    const to = (p.page.instance.data.visitors as { id: string; name: string }[])
      .filter((v) => v.name !== '向建军')
      .findIndex((v) => v.name === '戴文涛');
    await p.tap(`#reassign-${from}`);
    expect(p.page.querySelectorAll('#reassign-form .tap-row').length).toBe(21);
    await p.tap('#held-0');
    p.find('#reassign-to')!.dispatchEvent('change', { detail: { value: String(to) } });
    await p.idle();
    await p.input('#reassign-reason', '工作调动');
    await p.tap('#reassign-submit');
    expect(p.find('#reassign-form-error')).toBeUndefined();
    const dai = backend.docs('persons', { name: '戴文涛' })[0];
    expect(backend.docs('assignments', { visitorPersonId: dai._id, validTo: null })).toHaveLength(1);
    p.unload();
  });

  it('refuses a villager', async () => {
    const p = await loadPage('packages/office/exemptions/index', { backend, openid: VILLAGER });
    expect(p.text('#exempt-state >>> #state-error .t-error')).toBe(FORBIDDEN);
    p.unload();
  });
});

describe('office campaign settings', () => {
  it('shows an ended period read-only, and puts the server refusals next to their section', async () => {
    const p = await loadPage('packages/office/campaign/index', { backend, openid: 'demo-office' });
    expect(p.harness.calls.map((c) => c.data.action)).toEqual(['listCampaigns']);
    const periods = p.page.instance.data.form.periods as { locked: boolean; state: string }[];
    const locked = periods.findIndex((x) => x.locked);
    const open = periods.findIndex((x) => !x.locked);
    expect(locked).toBeGreaterThanOrEqual(0);
    expect(p.text(`#period-${locked}`)).toContain('已结束，不能修改');
    expect(p.find(`#period-${locked}-startDay`)).toBeUndefined();
    expect(p.find(`#period-${open}-endDay`)).toBeDefined();

    await p.input('#rule-minGapDays', '40');
    await p.tap('#campaign-save');
    expect(p.text('#rules-error')).toBe('间隔天数最多31天');
    expect(p.page.instance.data.form.minGapDays).toBe('40');

    await p.input('#rule-minGapDays', '7');
    await p.input(`#period-${open}-endDay`, '2026-11-25');
    await p.tap('#campaign-save');
    expect(p.text('#periods-error')).toMatch(/不能|早于|重叠/);
    expect(p.page.instance.data.form.periods[open].endDay).toBe('2026-11-25');
    p.unload();
  });

  it('saves a rule change', async () => {
    const p = await loadPage('packages/office/campaign/index', { backend, openid: 'demo-office' });
    await p.input('#rule-remedyDays', '10');
    await p.tap('#campaign-save');
    expect(p.find('#rules-error')).toBeUndefined();
    expect(p.find('#periods-error')).toBeUndefined();
    const id = p.page.instance.data.form.id;
    expect(backend.docs('campaigns', { _id: id })[0].rules.remedyDays).toBe(10);
    p.unload();
  });

  it('refuses a villager', async () => {
    const p = await loadPage('packages/office/campaign/index', { backend, openid: VILLAGER });
    expect(p.text('#campaign-state >>> #state-error .t-error')).toBe(FORBIDDEN);
    p.unload();
  });
});

describe('office notices', () => {
  it('shows the draft after the close, exempts a visitor with a reason, and publishes', async () => {
    await backend.fireTimer('escalation', 'ladder');
    const p = await loadPage('packages/office/notices/index', { backend, openid: 'demo-office' });
    expect(p.harness.calls.map((c) => c.data.action)).toEqual(['listNotices']);
    expect(p.text('#period-stages')).toContain('2026年12月：进行中');
    expect(p.page.querySelectorAll('.notice-row').length).toBeGreaterThanOrEqual(1);
    expect(p.text('#notice-0')).toContain('草稿');
    await p.tap('#notice-0');
    const lines = p.page.querySelectorAll('.notice-line').length;
    expect(lines).toBeGreaterThanOrEqual(2);
    expect(p.text('#notice-lines')).toMatch(/户未达标，缺 \d+ 次走访/);
    expect(p.text('#notice-lines')).toMatch(/已计 \d\/1 次/);
    // exempting asks for a reason, then the line leaves the draft
    await p.tap('.exempt-btn');
    await p.tap('#exempt-confirm');
    expect(p.text('#notice-action-error')).toContain('请填写豁免理由');
    const input = p.find('#exempt-reason')!;
    input.dispatchEvent('input', { detail: { value: '借调县应急局' } });
    await p.idle();
    await p.tap('#exempt-confirm');
    expect(p.page.querySelectorAll('.notice-line')).toHaveLength(lines - 1);
    expect(p.text('#notice-lines')).toContain('豁免：借调县应急局');
    // publishing asks for confirmation, then the notice is published and cannot be published again
    await p.tap('#publish');
    expect(p.harness.modals.at(-1)?.title).toBe('发布通报');
    expect(p.find('#publish')).toBeUndefined();
    expect(p.text('#notice-lines')).toContain('补齐期限');
    const [stored] = backend.docs('notices', { periodKey: 'first-round', campaignId: 'demo-township-winter2026' });
    expect(stored.status).toBe('published');
    expect(stored.lines).toHaveLength(lines - 1);
    p.unload();
  });

  it('refuses a villager', async () => {
    const p = await loadPage('packages/office/notices/index', { backend, openid: VILLAGER });
    expect(p.text('#notices-state >>> #state-error .t-error')).toBe(FORBIDDEN);
    p.unload();
  });
});
