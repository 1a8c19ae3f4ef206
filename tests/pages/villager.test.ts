/** @jest-environment ./tests/pages/backend-environment.ts */
// The villager's pages (packages/villager) rendered in miniprogram-simulate, answered by the real functions and emulator
// with the demo township: each renders for a villager with real data and shows the refusal to a role that does not own it.
import { CARD_KEY_RULES } from '../../server/domain/household/card';
import { startBackend, type Backend } from '../helpers/backend';
import { loadPage, type LoadedPage } from '../helpers/miniprogram';
import { seedNoticeItems } from '../helpers/seedNotice';
import { settle } from '../helpers/device';

let backend: Backend;
const V1 = 'demo-villager-1';
const V1_HH = 'demo-hh-1-1-02';
const REFUSAL = '您没有权限进行此操作';
const person = (openid: string) => backend.docs('persons', { openid })[0];
const wxg = () => (global as any).wx;

async function recordVisit(answers: Record<string, unknown>[]): Promise<{ visit: { id: string }; hazards: { id: string }[] }> {
  const r = await backend.call(
    'visit',
    {
      action: 'recordVisit',
      householdId: V1_HH,
      templateId: 'residential-default',
      answers,
      education: { noticeHandedOver: true, sanQingSanGuanExplained: true },
    },
    'demo-visitor-1',
  );
  if (!r.ok) throw new Error(`recordVisit: ${r.code} ${r.message}`);
  return r.data;
}

async function expectRefused(path: string, openid: string | null, message = REFUSAL): Promise<void> {
  const page = await loadPage(path, { backend, openid });
  expect(page.text('#page-state >>> #state-error')).toContain(message);
  expect(page.find('#page-state >>> #state-loading')).toBeUndefined();
  expect(page.harness.calls).toHaveLength(1);
  page.unload();
}

beforeAll(async () => {
  backend = await startBackend({ demo: true });
  backend.setClock('2026-12-05T09:00:00+08:00');
});
afterAll(async () => {
  await backend?.stop();
});

describe('household page', () => {
  let page: LoadedPage;
  afterEach(() => page?.unload());

  it('shows my household, my grid leader and visitor with masked phones and call buttons, in one call', async () => {
    page = await loadPage('packages/villager/household/index', { backend, openid: V1 });
    expect(page.harness.calls.map((c) => [c.name, c.data.action])).toEqual([['household', 'myHousehold']]);
    const hh = backend.docs('households', { _id: V1_HH })[0];
    expect(page.text('#address')).toBe(hh.address);
    const leader = person('demo-leader-1');
    const visitor = person('demo-visitor-1');
    expect(page.text('.leader')).toContain(leader.name);
    expect(page.text('.leader')).toContain(`${leader.phone.slice(0, 3)}****${leader.phone.slice(-4)}`);
    expect(page.text('.visitor')).toContain(visitor.name);
    expect(page.allText()).not.toContain(leader.phone);

    const dialled: string[] = [];
    wxg().makePhoneCall = (o: { phoneNumber: string }) => dialled.push(o.phoneNumber);
    page.find('.leader .call-btn')!.dispatchEvent('tap');
    page.find('.visitor .call-btn')!.dispatchEvent('tap');
    await page.tap('#call-119');
    expect(dialled).toEqual([leader.phone, visitor.phone, '119']);
    expect(page.text('#notice-status')).toContain('尚未签收');
  });

  it('honours large-text mode', async () => {
    page = await loadPage('packages/villager/household/index', { backend, openid: V1, storage: { 'ui.largeText': true } });
    expect(page.page.data.largeText).toBe(true);
    expect(page.find('.large-text')).toBeDefined();
  });

  it('refuses the township office', () => expectRefused('packages/villager/household/index', 'demo-office'));
});

describe('knock-action card page', () => {
  it('shows who visits me, my grid leader, 119, 三清三关 and the household QR', async () => {
    const page = await loadPage('packages/villager/card/index', { backend, openid: V1 });
    expect(page.harness.calls.map((c) => c.data)).toEqual([{ action: 'myHousehold', withCard: true }]);
    expect(page.text('.visitor')).toContain(person('demo-visitor-1').name);
    expect(page.text('.leader')).toContain(person('demo-leader-1').name);
    expect(page.allText()).toContain('火警电话 119');
    expect(page.text('#san-qing')).toBe('三清：通道清、阳台清、厨房清');
    expect(page.text('#san-guan')).toBe('三关：关电源、关气源、关门窗');
    // the key rules are the server's, the same text the print sheets print
    expect(page.page.querySelectorAll('.rule').map((r) => r.dom!.textContent)).toEqual(CARD_KEY_RULES.map((r, i) => `${i + 1}. ${r}`));
    const card = await backend.call<{ qrFileId: string }>('visit', { action: 'getHouseholdCard', householdId: V1_HH }, V1);
    if (!card.ok) throw new Error(card.message);
    expect(page.page.data.qrFileId).toBe(card.data.qrFileId);
    expect(page.find('#card-qr')).toBeDefined();
    page.unload();
  });

  it('refuses a visitor (they scan the card, they do not own it)', () => expectRefused('packages/villager/card/index', 'demo-visitor-1'));
});

describe('告知书 page', () => {
  it('shows the 13 items exactly as in seed 001 附件1, and signs once', async () => {
    const page = await loadPage('packages/villager/notice/index', { backend, openid: V1 });
    const shown = page.page.querySelectorAll('.notice-item').map((el) => (el.dom?.textContent ?? '').trim());
    const seed = seedNoticeItems();
    expect(seed).toHaveLength(13);
    expect(shown).toEqual(seed);

    await page.tap('#acknowledge');
    expect(page.text('#acknowledged')).toContain('您已于2026年12月5日');
    expect(page.find('#acknowledge')).toBeUndefined();
    expect(backend.docs('acknowledgements', { householdId: V1_HH })).toHaveLength(1);
    page.unload();

    const again = await loadPage('packages/villager/notice/index', { backend, openid: V1 });
    expect(again.text('#acknowledged')).toContain('签收');
    again.unload();
  });

  it('without network the failure is shown and the button stays', async () => {
    const page = await loadPage('packages/villager/notice/index', { backend, openid: 'demo-villager-2' });
    page.harness.offline = true;
    await page.tap('#acknowledge');
    expect(page.text('#ack-error')).toBe('网络不可用，请稍后重试');
    expect(page.find('#acknowledge')).toBeDefined();
    page.unload();
  });

  it('refuses the discipline office', () => expectRefused('packages/villager/notice/index', 'demo-discipline'));
});

describe('三清三关 self-check page', () => {
  it('marks unanswered items before calling, then submits one check for today', async () => {
    const page = await loadPage('packages/villager/selfcheck/index', { backend, openid: V1 });
    await page.tap('#submit');
    expect(page.text('#submit-error')).toBe('请逐项回答后再提交');
    expect(page.page.querySelectorAll('.missing')).toHaveLength(6);
    expect(page.harness.calls).toHaveLength(1);

    for (const key of ['passageClear', 'balconyClear', 'kitchenClear', 'powerOff', 'doorsWindowsClosed']) await page.tap(`#yes-${key}`);
    await page.tap('#no-gasOff');
    await page.tap('#submit');
    expect(page.text('#result')).toContain('已提交。请尽快做到：关气源');
    const docs = backend.docs('selfChecks', { householdId: V1_HH });
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ day: '2026-12-05', answers: { gasOff: false, powerOff: true } });
    page.unload();
  });

  it('没做到 shows what to do at once, and the grid leader is told in the inbox once per item and week', async () => {
    const leader = person('demo-leader-1');
    const told = () =>
      backend.docs('inbox', { personId: leader._id, kind: 'hazard' }).filter((i) => String(i._id).startsWith('selfCheckOpen:'));
    const before = told().length;
    const page = await loadPage('packages/villager/selfcheck/index', { backend, openid: V1 });
    await page.tap('#no-powerOff');
    expect(page.text('#advice-powerOff')).toContain('人走电断');
    expect(page.text('#advice-powerOff')).toContain('电动车不在屋里、走廊充电');
    await page.tap('#yes-powerOff');
    expect(page.find('#advice-powerOff')).toBeUndefined();
    await page.tap('#no-powerOff');
    await page.tap('#no-passageClear');
    for (const key of ['balconyClear', 'kitchenClear', 'gasOff', 'doorsWindowsClosed']) await page.tap(`#yes-${key}`);
    await page.tap('#submit');
    expect(page.text('#result')).toContain('请尽快做到：通道清、关电源');
    expect(page.text('#leader-told')).toBe(`已告诉网格长${leader.name}，本周联络时会提醒您或上门帮您落实。`);
    const week = '2026-W49';
    expect(told().length - before).toBe(2);
    const entry = backend.docs('inbox', { _id: `selfCheckOpen:${week}:${V1_HH}:powerOff:${leader._id}` })[0];
    expect(entry).toMatchObject({ kind: 'hazard', link: '/packages/leader/board/index', readAt: null });
    expect(entry.body).toContain(backend.docs('households', { _id: V1_HH })[0].address);
    expect(entry.body).toContain('“关电源”没做到');

    // the same answers again later in the week tell the leader nothing new
    backend.setClock('2026-12-06T09:00:00+08:00');
    await page.tap('#submit');
    expect(page.text('#leader-told')).toContain(leader.name);
    expect(told().length - before).toBe(2);
    // a new ISO week (Monday 2026-12-07): told again
    backend.setClock('2026-12-07T09:00:00+08:00');
    await page.tap('#submit');
    expect(told().length - before).toBe(4);
    page.unload();

    const inbox = await loadPage('pages/inbox/index', { backend, openid: 'demo-leader-1' });
    expect(inbox.allText()).toContain('“通道清”没做到');
    expect(inbox.allText()).toContain('“关电源”没做到');
    inbox.unload();
    backend.setClock('2026-12-05T09:00:00+08:00');
  });

  it('refuses a visitor', () => expectRefused('packages/villager/selfcheck/index', 'demo-visitor-2'));
});

describe('visits page', () => {
  it('lists the visits to my household and confirms that the visitor came', async () => {
    const { visit } = await recordVisit([{ key: 'electricalWiring', answer: 'ok' }]);
    const page = await loadPage('packages/villager/visits/index', { backend, openid: V1 });
    expect(page.text(`#visit-${visit.id}`)).toContain(person('demo-visitor-1').name);
    await page.tap(`#confirm-${visit.id}`);
    expect(page.text(`#visit-${visit.id}`)).toContain('您已确认走访人来过');
    expect(backend.docs('visits', { _id: visit.id })[0].proofs).toContain('villagerConfirm');
    page.unload();
  });

  it('refuses the township office', () => expectRefused('packages/villager/visits/index', 'demo-office'));
});

describe('hazards page', () => {
  it('claims rectification with a photo; a failed upload keeps the photos and shows why', async () => {
    const { hazards } = await recordVisit([{ key: 'gas', answer: 'hazard', note: '液化气钢瓶倒置使用', deadline: '2026-12-12' }]);
    const id = hazards[0].id;
    const page = await loadPage('packages/villager/hazards/index', { backend, openid: V1 });
    expect(page.text(`#hazard-${id}`)).toContain('液化气钢瓶倒置使用');
    expect(page.text(`#hazard-${id}`)).toContain('待整改');

    await page.tap(`#claim-${id}`);
    expect(page.text(`#claim-error-${id}`)).toBe('请先拍摄或选择整改后的照片');

    wxg().chooseMedia = (o: any) => o.success({ tempFiles: [{ tempFilePath: page.harness.phone.takePhoto(), size: 1000 }] });
    let fail = true;
    const uploads: string[] = [];
    // like the real API: callbacks when given, a promise otherwise
    wxg().cloud.uploadFile = (o: { cloudPath: string; success?: (r: unknown) => void; fail?: (e: unknown) => void }) => {
      uploads.push(o.cloudPath);
      const r = fail ? Promise.reject({ errMsg: 'uploadFile:fail network' }) : Promise.resolve({ fileID: `cloud://env/${o.cloudPath}` });
      if (o.success || o.fail) return void r.then(o.success, o.fail);
      return r;
    };
    await page.tap(`#choose-${id}`);
    await settle(page); // the photo is compressed and kept on the phone
    await page.tap(`#claim-${id}`);
    expect(page.text(`#claim-error-${id}`)).toContain('照片上传失败');
    expect(page.text(`#hazard-${id}`)).toContain('已选照片 1 张');
    expect(backend.docs('hazards', { _id: id })[0].status).toBe('open');

    fail = false;
    await page.tap(`#claim-${id}`);
    expect(page.text(`#hazard-${id}`)).toContain('已提交整改，待走访人复查');
    const stored = backend.docs('hazards', { _id: id })[0];
    expect(stored.status).toBe('rectificationClaimed');
    expect(stored.claimPhotos).toEqual([`cloud://env/${uploads[1]}`]);
    page.unload();
  });

  it('shows another villager only their own household, and refuses the office', async () => {
    // demo-leader-5 is a villager of its own household only: the page shows its own (empty) list, never V1's
    const page = await loadPage('packages/villager/hazards/index', { backend, openid: 'demo-leader-5' });
    expect(page.find('#page-state >>> #state-error')).toBeUndefined();
    expect(page.allText()).not.toContain('液化气钢瓶倒置使用');
    page.unload();
    await expectRefused('packages/villager/hazards/index', 'demo-office');
  });
});

describe('home page: a visit awaiting my confirmation', () => {
  it('shows on the home page with a button; confirming records the proof and the prompt goes', async () => {
    const { visit } = await recordVisit([{ key: 'electricalWiring', answer: 'ok' }]);
    const home = await loadPage('pages/home/index', { backend, openid: V1 });
    expect(home.harness.calls.map((c) => c.data.action)).toEqual(['me']);
    const card = home.text(`#pending-visit-${visit.id}`);
    expect(card).toContain(`走访人${person('demo-visitor-1').name}于12月5日`);
    expect(card).toContain(backend.docs('households', { _id: V1_HH })[0].address);
    await home.tap(`#confirm-visit-${visit.id}`);
    expect(home.harness.calls.map((c) => c.data)).toEqual([{ action: 'me' }, { action: 'confirmVisit', visitId: visit.id }]);
    expect(backend.docs('visits', { _id: visit.id })[0].proofs).toContain('villagerConfirm');
    expect(home.find(`#pending-visit-${visit.id}`)).toBeUndefined();
    expect(home.harness.toasts.map((t) => t.title)).toContain('已确认，谢谢');
    home.unload();

    const again = await loadPage('pages/home/index', { backend, openid: V1 });
    expect(again.find(`#pending-visit-${visit.id}`)).toBeUndefined();
    again.unload();
    // nobody else's home shows it
    const other = await loadPage('pages/home/index', { backend, openid: 'demo-villager-2' });
    expect(other.find('.pending-visit')).toBeUndefined();
    other.unload();
  });
});
