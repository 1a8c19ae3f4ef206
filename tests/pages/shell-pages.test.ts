// The other shell pages: the invite-QR landing page and the develop-only demo identity switcher.
import { startBackend, type Backend } from '../helpers/backend';
import { loadPage } from '../helpers/miniprogram';
import { DEMO_IDENTITIES } from '../../miniprogram/config/demoIdentities';

let backend: Backend;

beforeAll(async () => {
  backend = await startBackend({ demo: true });
});

afterAll(async () => {
  await backend?.stop();
});

describe('join page (invite QR landing)', () => {
  it('prefills the code from the QR scene and joins with one tap', async () => {
    const household = backend.docs('households', { active: true })[1];
    const invite = await backend.call<{ code: string; scene: string; page: string }>(
      'org',
      { action: 'createInvite', role: 'villager', scopeId: household._id, name: '扫码的村民' },
      'demo-office',
    );
    if (!invite.ok) throw new Error(`createInvite failed: ${invite.code} ${invite.message}`);
    expect(invite.data.page).toBe('pages/join/index');

    const join = await loadPage(invite.data.page, {
      backend,
      openid: 'test-scanner-1',
      query: { scene: encodeURIComponent(invite.data.scene) },
    });
    expect(join.harness.calls).toEqual([]);
    expect(join.find('#join-form')!.data.code).toBe(invite.data.code);

    await join.tap('#join-form >>> #join-submit');
    expect(join.harness.calls.map((c) => c.data)).toEqual([{ action: 'acceptInvite', code: invite.data.code }]);
    expect(join.harness.navigations).toEqual(['/pages/home/index']);
    expect(backend.docs('persons', { openid: 'test-scanner-1' })[0].name).toBe('扫码的村民');
    join.unload();
  });

  it('shows the server refusal when the invite was already used', async () => {
    const household = backend.docs('households', { active: true })[2];
    const invite = await backend.call<{ code: string }>(
      'org',
      { action: 'createInvite', role: 'villager', scopeId: household._id, name: '先到的村民' },
      'demo-office',
    );
    if (!invite.ok) throw new Error(`createInvite failed: ${invite.code} ${invite.message}`);
    const first = await backend.call('org', { action: 'acceptInvite', code: invite.data.code }, 'test-first-1');
    expect(first.ok).toBe(true);

    const join = await loadPage('pages/join/index', { backend, openid: 'test-scanner-2', query: { scene: `i%3D${invite.data.code}` } });
    await join.tap('#join-form >>> #join-submit');
    const refusal = await backend.call('org', { action: 'acceptInvite', code: invite.data.code }, 'test-scanner-2');
    expect(refusal.ok).toBe(false);
    expect(join.text('#join-form >>> #join-error')).toBe(refusal.ok ? '' : refusal.message);
    expect(join.harness.navigations).toEqual([]);
    join.unload();
  });
});

describe('demo identity switcher', () => {
  it('lists every demo identity plus an anonymous one in a develop build', async () => {
    const page = await loadPage('pages/dev-identity/index', { backend, envVersion: 'develop' });
    const rows = page.page.querySelectorAll('.identity-row');
    expect(rows).toHaveLength(DEMO_IDENTITIES.length + 1);
    for (const d of DEMO_IDENTITIES) expect(page.allText()).toContain(d.name);
    expect(page.allText()).toContain('匿名访客');
    page.unload();
  });

  it('stores the chosen identity, switches local mode on and reopens the home page', async () => {
    const page = await loadPage('pages/dev-identity/index', { backend, envVersion: 'develop' });
    const target = DEMO_IDENTITIES.find((d) => d.openid === 'demo-visitor-1')!;
    const row = page.page.querySelectorAll('.identity-row').find((r) => r.dom?.textContent?.includes(target.name));
    row!.dispatchEvent('tap');
    await page.idle();
    expect(page.harness.storage.get('dev.demoOpenid')).toBe('demo-visitor-1');
    expect(page.harness.storage.get('dev.localMode')).toBe(true);
    expect(page.harness.navigations).toEqual(['/pages/home/index']);

    const home = await loadPage('pages/home/index', { backend, envVersion: 'develop', storage: Object.fromEntries(page.harness.storage) });
    expect(home.harness.calls.map((c) => c.via)).toEqual(['devApi']);
    expect(home.text('#person-name')).toBe(target.name);
    home.unload();
    page.unload();
  });

  it('refuses outside a develop build', async () => {
    const page = await loadPage('pages/dev-identity/index', { backend, envVersion: 'release' });
    expect(page.text('#dev-refused')).toBe('演示身份只能在开发版中切换');
    expect(page.page.querySelectorAll('.identity-row')).toHaveLength(0);
    page.unload();
  });
});
