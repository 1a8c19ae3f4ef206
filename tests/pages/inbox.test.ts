/** @jest-environment ./tests/pages/backend-environment.ts */
// Everyone's inbox (pages/inbox) on the real functions and emulator: paged 20 at a time, mark one or all read, the
// subscription opt-in (wx.requestSubscribeMessage, then visit.optInSubscribe), and the refusal for an unbound caller.
import { startBackend, type Backend } from '../helpers/backend';
import { loadPage } from '../helpers/miniprogram';
import { getDb } from '../../server/infra/cloud';

let backend: Backend;
const OPENID = 'demo-villager-3';
let personId = '';

beforeAll(async () => {
  backend = await startBackend({ demo: true });
  personId = backend.docs('persons', { openid: OPENID })[0]._id;
  const base = new Date('2026-12-01T00:00:00Z').getTime();
  await backend.emulator.runner.runAsServer(async () => {
    for (let i = 1; i <= 25; i++) {
      await getDb()
        .collection('inbox')
        .add({
          data: {
            _id: `test-inbox-${String(i).padStart(2, '0')}`,
            townshipId: 'demo-township',
            personId,
            kind: 'reminder',
            title: `提醒第${i}条`,
            body: `正文${i}`,
            link: null,
            createdAt: new Date(base + i * 60_000),
            readAt: null,
          },
        });
    }
  });
});
afterAll(async () => {
  await backend?.stop();
});

describe('inbox page', () => {
  it('shows 20 a page, newest first, and pages on', async () => {
    const page = await loadPage('pages/inbox/index', { backend, openid: OPENID });
    expect(page.harness.calls.map((c) => c.data)).toEqual([{ action: 'listInbox', page: 1, pageSize: 20 }]);
    const rows = page.page.querySelectorAll('.msg');
    expect(rows).toHaveLength(20);
    expect(rows[0].dom?.textContent).toContain('提醒第25条');
    expect(page.text('#unread')).toBe('未读 25 条 · 共 25 条');
    await page.tap('#page-pager >>> #pager-next');
    expect(page.page.querySelectorAll('.msg')).toHaveLength(5);
    expect(page.allText()).toContain('提醒第1条');
    page.unload();
  });

  it('marks one read on tap, then all', async () => {
    const page = await loadPage('pages/inbox/index', { backend, openid: OPENID });
    await page.tap('#msg-test-inbox-25');
    expect(backend.docs('inbox', { _id: 'test-inbox-25' })[0].readAt).not.toBeNull();
    expect(page.text('#unread')).toBe('未读 24 条 · 共 25 条');
    expect(page.find('#msg-test-inbox-25.msg-unread')).toBeUndefined();
    await page.tap('#read-all');
    expect(backend.docs('inbox', { personId, readAt: null })).toHaveLength(0);
    expect(page.text('#unread')).toBe('未读 0 条 · 共 25 条');
    page.unload();
  });

  it('the subscription button asks WeChat, then records a credit for each accepted template', async () => {
    const page = await loadPage('pages/inbox/index', { backend, openid: OPENID });
    const asked: string[][] = [];
    (global as any).wx.requestSubscribeMessage = (o: any) => {
      asked.push(o.tmplIds);
      o.success({
        errMsg: 'requestSubscribeMessage:ok',
        'local-weeklyContact': 'accept',
        'local-visitReminder': 'reject',
        'local-caseNotice': 'reject',
      });
    };
    await page.tap('#subscribe');
    await page.idle();
    expect(asked).toEqual([['local-visitReminder', 'local-caseNotice', 'local-weeklyContact']]);
    expect(page.text('#subscribe-text')).toBe('已开启下一次微信提醒');
    expect(backend.docs('subscriptions', { _id: personId })[0].credits).toEqual({ weeklyContact: 1 });
    page.unload();
  });

  it('refuses a caller who has not joined', async () => {
    const page = await loadPage('pages/inbox/index', { backend, openid: 'test-stranger' });
    expect(page.text('#page-state >>> #state-error')).toContain('请先通过邀请码加入您的网格');
    page.unload();
  });
});
