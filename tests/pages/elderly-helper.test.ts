/** @jest-environment ./tests/pages/backend-environment.ts */
// The one-to-one helper's page (packages/programme/helper, seed 000 "一对一"帮扶) on the real functions and emulator with the
// demo township: the helper sees their elderly people and who is due a contact; recording a contact restarts the 7-day
// clock and marks the daily reminder done (the reminder job is run before and after); only the assigned helper may record;
// a contact recorded without network waits in the outbox and counts at its phone time; the home tile leads here.
import { startBackend, type Backend } from '../helpers/backend';
import { loadPage } from '../helpers/miniprogram';

let backend: Backend;
const HELPER = 'demo-helper-1';
const HELPER_ID = 'person-demo-helper-1';
const ELDERLY = 'demo-elderly-2';
const reminders = () => backend.docs('inbox', { personId: HELPER_ID });
const elderly = () => backend.docs('elderly', { _id: ELDERLY })[0];

beforeAll(async () => {
  backend = await startBackend({ demo: true });
  // the demo entry was registered on 2026-11-02: by 12-08 its helper has been silent for 36 days
  backend.setClock('2026-12-08T09:00:00+08:00');
});
afterAll(async () => {
  await backend?.stop();
});

describe('the helper’s elderly people', () => {
  it('lists mine in one call with the contacts due, and the home tile leads here', async () => {
    const home = await loadPage('pages/home/index', { backend, openid: HELPER });
    await home.tap('.role-tile');
    expect(home.harness.navigations).toEqual(['/packages/programme/helper/index']);
    home.unload();

    const page = await loadPage('packages/programme/helper/index', { backend, openid: HELPER });
    expect(page.harness.calls.map((c) => c.data)).toEqual([{ action: 'helperElderly', page: 1, pageSize: 20 }]);
    expect(page.page.querySelectorAll('.elderly-row')).toHaveLength(1);
    expect(page.text('#due-summary')).toBe('1 位老人已超过7天未联系');
    expect(page.text(`#elderly-${ELDERLY}`)).toContain('舒金花');
    expect(page.text(`#elderly-${ELDERLY}`)).toContain('已36天未联系');
    const dialled: string[] = [];
    (global as any).wx.makePhoneCall = (o: { phoneNumber: string }) => dialled.push(o.phoneNumber);
    await page.tap(`#call-${ELDERLY}`);
    expect(dialled).toEqual([elderly().phone]);
    page.unload();
  });

  it('someone who helps nobody sees an empty list that says whom to ask', async () => {
    const page = await loadPage('packages/programme/helper/index', { backend, openid: 'demo-villager-1' });
    expect(page.find('#helper-empty')).toBeDefined();
    page.unload();
  });
});

describe('a contact clears the 7-day reminder', () => {
  it('reminded by the daily job; after the recorded contact the reminder is done and the job reminds no more', async () => {
    const run = await backend.fireTimer('programme', 'helperContact');
    expect(run.ok).toBe(true);
    expect(reminders()).toHaveLength(1);
    expect(reminders()[0]).toMatchObject({
      _id: `helperContact:${HELPER_ID}:2026-12-08`,
      readAt: null,
      link: '/packages/programme/helper/index',
    });
    expect(reminders()[0].body).toContain('舒金花');

    const page = await loadPage('packages/programme/helper/index', { backend, openid: HELPER });
    await page.tap(`#open-${ELDERLY}`);
    await page.tap('#submit-contact');
    expect(page.text('#form-error')).toBe('请选择联系方式：上门、电话或微信');
    expect(page.harness.calls).toHaveLength(1);
    await page.tap('#method-visit');
    await page.input('#note', '检查了电热毯，提醒睡前关电源');
    await page.tap('#submit-contact');
    const sent = page.harness.calls.filter((c) => c.data.action === 'recordHelperContact');
    expect(sent.map((c) => c.data)).toEqual([
      {
        action: 'recordHelperContact',
        elderlyId: ELDERLY,
        method: 'visit',
        note: '检查了电热毯，提醒睡前关电源',
        idempotencyKey: expect.any(String),
      },
    ]);
    expect(elderly()).toMatchObject({
      helperContacts: 1,
      lastHelperContact: { method: 'visit', note: '检查了电热毯，提醒睡前关电源', offline: false },
    });
    // the server's time of the contact (the test clock started at 09:00 and runs on)
    expect(new Date(elderly().lastHelperContactAt).toISOString()).toMatch(/^2026-12-08T01:0/);
    expect(reminders()[0].readAt).not.toBeNull();
    expect(page.text('#due-summary')).toBe('都在7天内联系过');
    expect(page.text(`#elderly-${ELDERLY}`)).toContain('今天已联系');
    expect(page.text(`#elderly-${ELDERLY}`)).toContain('上次：上门');
    page.unload();

    // a resend of the same submission changes nothing
    const counts = () => ['audit', 'idempotency', 'inbox'].map((c) => backend.docs(c).length);
    const before = counts();
    const again = await backend.call('programme', sent[0].data, HELPER);
    expect(again.ok).toBe(true);
    expect(counts()).toEqual(before);
    expect(elderly().helperContacts).toBe(1);

    // the job again: the same day and the next, nobody of this helper's is due
    expect((await backend.fireTimer('programme', 'helperContact')).ok).toBe(true);
    backend.setClock('2026-12-09T09:00:00+08:00');
    expect((await backend.fireTimer('programme', 'helperContact')).ok).toBe(true);
    expect(reminders()).toHaveLength(1);
    // a week later without a contact, the reminder comes back
    backend.setClock('2026-12-15T10:00:00+08:00');
    expect((await backend.fireTimer('programme', 'helperContact')).ok).toBe(true);
    expect(reminders().map((r) => r._id)).toContain(`helperContact:${HELPER_ID}:2026-12-15`);
  });

  it('only the assigned helper records: the office and the village are told whose duty it is, anyone else finds nothing', async () => {
    const event = { action: 'recordHelperContact', elderlyId: ELDERLY, method: 'phone' };
    const count = elderly().helperContacts;
    for (const openid of ['demo-office', 'demo-liaison-1'])
      expect(await backend.call('programme', event, openid)).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
        message: expect.stringContaining('向秋菊'),
      });
    for (const openid of ['demo-villager-1', 'demo-liaison-2', 'demo-visitor-1'])
      expect(await backend.call('programme', event, openid)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await backend.call('programme', { ...event, elderlyId: 'demo-elderly-1' }, HELPER)).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await backend.call('programme', { ...event, method: 'letter' }, HELPER)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'method',
    });
    expect(elderly().helperContacts).toBe(count);
  });

  it('a contact recorded without network waits in the outbox and counts at the phone’s time', async () => {
    // the phone stamps its own clock on a queued item, so the server runs on real time here (48 h window)
    backend.setClock(null);
    const count = elderly().helperContacts;
    const page = await loadPage('packages/programme/helper/index', { backend, openid: HELPER });
    page.harness.offline = true;
    await page.tap(`#open-${ELDERLY}`);
    await page.tap('#method-phone');
    await page.tap('#submit-contact');
    expect(page.text('#outbox >>> #pending-list')).toContain('帮扶联系');
    const [queued] = page.harness.storage.get('nw.outbox.v1') as { data: Record<string, unknown> }[];
    expect(queued.data).toMatchObject({ elderlyId: ELDERLY, method: 'phone', deviceTime: expect.stringMatching(/[+-]\d{2}:\d{2}$/) });

    page.harness.offline = false;
    await page.tap('#outbox >>> #pending-retry');
    expect(page.harness.storage.get('nw.outbox.v1')).toEqual([]);
    expect(elderly().helperContacts).toBe(count + 1);
    const audits = backend.docs('audit', { action: 'recordHelperContact', docId: ELDERLY });
    expect(audits.at(-1)!.after).toMatchObject({
      contact: { method: 'phone', offline: true, at: new Date(String(queued.data.deviceTime)) },
    });
    page.unload();
  });
});
