// The client shell end to end: the home page rendered by miniprogram-simulate, its org.me / org.acceptInvite calls
// answered by the real function runner and emulator with the demo township.
import { startBackend, type Backend } from '../helpers/backend';
import { loadPage } from '../helpers/miniprogram';

let backend: Backend;

beforeAll(async () => {
  backend = await startBackend({ demo: true });
});

afterAll(async () => {
  await backend?.stop();
});

function personName(openid: string): string {
  const person = backend.docs('persons', { openid })[0];
  if (!person) throw new Error(`demo data has no person with openid ${openid}`);
  return person.name as string;
}

describe('home page', () => {
  it('shows a township office member their name and role', async () => {
    const home = await loadPage('pages/home/index', { backend, openid: 'demo-office' });
    expect(home.harness.calls).toEqual([{ name: 'org', data: { action: 'me' }, via: 'cloud' }]);
    expect(home.find('#home-state >>> #state-loading')).toBeUndefined();
    expect(home.text('#person-name')).toBe(personName('demo-office'));
    const labels = home.page.querySelectorAll('.role-label').map((el) => el.dom?.textContent?.trim());
    expect(labels).toContain('镇领导小组办公室');
    home.unload();
  });

  it('shows each demo identity its own roles', async () => {
    const villager = await loadPage('pages/home/index', { backend, openid: 'demo-villager-1' });
    expect(villager.text('#person-name')).toBe(personName('demo-villager-1'));
    expect(villager.allText()).toContain('村民');
    expect(villager.allText()).not.toContain('镇领导小组办公室');
    // shortcuts follow the roles: a villager has one hazard entry; the office's registry entries are not theirs
    expect(villager.find('#shortcut-hazards')).toBeDefined();
    expect(villager.find('#shortcut-elderly')).toBeUndefined();
    villager.unload();
  });

  it('gives a villager one hazard entry, leading to report, my reports, my household’s hazards, whistle and receipt lookup', async () => {
    const villager = await loadPage('pages/home/index', { backend, openid: 'demo-villager-1' });
    const labels = villager.page.querySelectorAll('.tap-row').map((el) => el.dom?.textContent ?? '');
    expect(labels.filter((t) => /隐患|举报/.test(t))).toHaveLength(1);
    await villager.tap('#shortcut-hazards');
    expect(villager.harness.navigations).toEqual(['/packages/resident/hazards/index?roles=villager']);
    villager.unload();

    const hub = await loadPage('packages/resident/hazards/index', { backend, openid: 'demo-villager-1', query: { roles: 'villager' } });
    expect(hub.harness.calls).toEqual([]);
    const shown = (p: typeof hub) => ['report', 'mine', 'household', 'whistle', 'status'].filter((k) => p.find(`#entry-${k}`));
    expect(shown(hub)).toEqual(['report', 'mine', 'household', 'whistle', 'status']);
    expect(hub.page.querySelectorAll('.entry')).toHaveLength(5);
    await hub.tap('#entry-report');
    await hub.tap('#entry-status');
    expect(hub.harness.navigations).toEqual(['/packages/resident/report/index', '/packages/resident/status/index']);
    expect(hub.find('#join-hint')).toBeUndefined();
    hub.unload();
  });

  it('offers the whistle-blower form and its follow-up to everyone, even before joining', async () => {
    const anon = await loadPage('pages/home/index', { backend, openid: null });
    await anon.tap('#shortcut-hazards');
    expect(anon.harness.navigations).toEqual(['/packages/resident/hazards/index?roles=']);
    anon.unload();
    const hub = await loadPage('packages/resident/hazards/index', { backend, openid: null, query: { roles: '' } });
    expect(hub.page.querySelectorAll('.entry')).toHaveLength(2);
    expect(['whistle', 'status'].every((k) => hub.find(`#entry-${k}`))).toBe(true);
    expect(hub.find('#join-hint')).toBeDefined();
    hub.unload();
    const office = await loadPage('pages/home/index', { backend, openid: 'demo-office' });
    expect(office.find('#shortcut-elderly')).toBeDefined();
    expect(office.find('#shortcut-exports')).toBeDefined();
    office.unload();
  });

  it('offers an anonymous caller the join form, and shows the server refusal of a bad code next to the field', async () => {
    const home = await loadPage('pages/home/index', { backend, openid: null });
    expect(home.find('#person-name')).toBeUndefined();
    expect(home.find('#join-form >>> #invite-code')).toBeDefined();
    expect(home.find('#my-openid')).toBeUndefined();

    await home.input('#join-form >>> #invite-code', 'ZZZZ-0000');
    await home.tap('#join-form >>> #join-submit');

    const refusal = await backend.call('org', { action: 'acceptInvite', code: 'ZZZZ-0000' }, null);
    expect(refusal.ok).toBe(false);
    const message = refusal.ok ? '' : refusal.message;
    expect(message).toMatch(/[\u4e00-\u9fff]/);
    expect(home.text('#join-form >>> #join-error')).toBe(message);
    expect(home.harness.calls.map((c) => c.data.action)).toEqual(['me', 'acceptInvite']);
    expect(home.find('#person-name')).toBeUndefined();
    home.unload();
  });

  it('tells an unbound villager how to join, and keeps the OPENID (我的标识) behind 我是镇村工作人员 for the bootstrap', async () => {
    const home = await loadPage('pages/home/index', { backend, openid: 'test-future-office', envVersion: 'release' });
    expect(home.text('#how-to-join')).toContain('邀请码');
    expect(home.find('#my-openid')).toBeUndefined();
    expect(home.allText()).not.toContain('test-future-office');
    await home.tap('#staff-link');
    expect(home.text('#my-openid')).toBe('test-future-office');
    home.unload();
  });

  it('asks for a code before calling the server', async () => {
    const home = await loadPage('pages/home/index', { backend, openid: null });
    await home.tap('#join-form >>> #join-submit');
    expect(home.text('#join-form >>> #join-error')).toBe('请输入邀请码');
    expect(home.harness.calls.map((c) => c.data.action)).toEqual(['me']);
    home.unload();
  });

  it('joins with a valid invite and then shows the new member home', async () => {
    const household = backend.docs('households', { active: true })[0];
    const invite = await backend.call<{ code: string }>(
      'org',
      { action: 'createInvite', role: 'villager', scopeId: household._id, name: '新来的村民' },
      'demo-office',
    );
    if (!invite.ok) throw new Error(`createInvite failed: ${invite.code} ${invite.message}`);

    const home = await loadPage('pages/home/index', { backend, openid: 'test-newcomer-1' });
    await home.input('#join-form >>> #invite-code', invite.data.code);
    await home.tap('#join-form >>> #join-submit');

    expect(home.harness.calls.map((c) => c.data.action)).toEqual(['me', 'acceptInvite', 'me']);
    expect(home.text('#person-name')).toBe('新来的村民');
    expect(home.allText()).toContain('村民');
    expect(home.harness.toasts.map((t) => t.title)).toContain('已加入');
    home.unload();
  });

  it('never spins forever: without network it shows the error and a retry that recovers', async () => {
    const home = await loadPage('pages/home/index', { backend, openid: 'demo-office', offline: true });
    expect(home.find('#home-state >>> #state-loading')).toBeUndefined();
    expect(home.text('#home-state >>> #state-error')).toContain('网络不可用，请稍后重试');

    home.harness.offline = false;
    await home.tap('#home-state >>> #state-retry');
    expect(home.find('#home-state >>> #state-error')).toBeUndefined();
    expect(home.text('#person-name')).toBe(personName('demo-office'));
    home.unload();
  });

  it('in a develop build with local mode on, calls the dev API as the chosen demo identity', async () => {
    const home = await loadPage('pages/home/index', {
      backend,
      envVersion: 'develop',
      storage: { 'dev.localMode': true, 'dev.demoOpenid': 'demo-office' },
    });
    expect(home.harness.calls).toEqual([{ name: 'org', data: { action: 'me' }, via: 'devApi' }]);
    expect(home.text('#person-name')).toBe(personName('demo-office'));
    expect(home.text('#dev-banner')).toContain('demo-office');
    home.unload();
  });

  it('a release build ignores a stored local-mode flag and shows no developer banner', async () => {
    const home = await loadPage('pages/home/index', {
      backend,
      openid: 'demo-office',
      envVersion: 'release',
      storage: { 'dev.localMode': true, 'dev.demoOpenid': 'demo-villager-1' },
    });
    expect(home.harness.calls.map((c) => c.via)).toEqual(['cloud']);
    expect(home.text('#person-name')).toBe(personName('demo-office'));
    expect(home.find('#dev-banner')).toBeUndefined();
    home.unload();
  });

  it('switches to large text and remembers it', async () => {
    const home = await loadPage('pages/home/index', { backend, openid: 'demo-office' });
    expect(home.page.data.largeText).toBe(false);
    home.find('#large-text-switch')!.dispatchEvent('change', { detail: { value: true } });
    await home.idle();
    expect(home.harness.storage.get('ui.largeText')).toBe(true);
    expect(home.page.data.largeText).toBe(true);
    home.unload();
  });
});
