// The visitor's pages rendered by miniprogram-simulate, their calls answered by the real function runner and
// emulator with the demo township: households by urgency, the knock visit form (hazard, card-QR proof, offline
// queue), hazard re-verification, cases and notices; and the refusal each page shows to another role.
import { startBackend, type Backend } from '../helpers/backend';
import { loadPage } from '../helpers/miniprogram';
import { change, stubDevice, tap } from '../helpers/device';

let backend: Backend;
const HOUSEHOLD = 'demo-hh-1-1-02';
const VISITOR = 'demo-visitor-1';
const visitorPid = () => backend.docs('persons', { openid: VISITOR })[0]._id as string;

beforeAll(async () => {
  backend = await startBackend({ demo: true });
});

afterAll(async () => {
  await backend?.stop();
});

afterEach(() => backend.setClock(null));

async function cardScene(householdId: string): Promise<string> {
  const card = await backend.call<{ scene: string; page: string }>('visit', { action: 'getHouseholdCard', householdId }, VISITOR);
  if (!card.ok) throw new Error(`getHouseholdCard: ${card.code} ${card.message}`);
  return card.data.scene;
}

const openVisit = (opts: { openid?: string; storage?: Record<string, unknown>; householdId?: string } = {}) =>
  loadPage('packages/visitor/visit/index', {
    backend,
    openid: opts.openid ?? VISITOR,
    storage: opts.storage,
    query: { householdId: opts.householdId ?? HOUSEHOLD, address: encodeURIComponent('测试地址') },
  });

describe('my households', () => {
  it('lists the visitor’s households by urgency with this period’s progress, one call, ≤ 20 a page', async () => {
    backend.setClock('2026-12-05T10:00:00+08:00');
    const page = await loadPage('packages/visitor/households/index', { backend, openid: VISITOR });
    expect(page.harness.calls.map((c) => c.data)).toEqual([{ action: 'myHouseholds', page: 1, pageSize: 20 }]);
    const expected = await backend.call<any>('visit', { action: 'myHouseholds' }, VISITOR);
    if (!expected.ok) throw new Error(expected.message);
    const rows = page.page.querySelectorAll('.household-row');
    expect(rows.length).toBe(Math.min(20, expected.data.total));
    expect(rows[0].dom!.textContent).toContain(expected.data.items[0].address);
    expect(page.allText()).toContain(`本期 0/${expected.data.period.quota} 次`);
    expect(page.text('#period')).toContain(expected.data.period.label);

    await page.tap('.household-row');
    expect(page.harness.navigations[0]).toBe(
      `/packages/visitor/visit/index?householdId=${encodeURIComponent(expected.data.items[0].householdId)}&address=${encodeURIComponent(expected.data.items[0].address)}`,
    );
    page.unload();
  });

  it('shows the server refusal to a villager', async () => {
    const page = await loadPage('packages/visitor/households/index', { backend, openid: 'demo-villager-1' });
    const refusal = await backend.call('visit', { action: 'myHouseholds' }, 'demo-villager-1');
    expect(refusal.ok).toBe(false);
    expect(page.text('#households-state >>> #state-error')).toContain(refusal.ok ? '' : refusal.message);
    expect(page.find('.household-row')).toBeUndefined();
    page.unload();
  });
});

describe('knock visit form', () => {
  it('a visitor submits a knock visit with a hazard and a card-QR proof', async () => {
    backend.setClock('2026-12-07T10:00:00+08:00');
    const scene = await cardScene(HOUSEHOLD);
    const before = backend.docs('visits', { householdId: HOUSEHOLD }).length;
    const form = await openVisit();
    expect(form.harness.calls.map((c) => c.data.action)).toEqual(['listChecklistTemplates']);
    const device = stubDevice(form, backend);

    // required fields are marked before anything is sent
    await tap(form, '#visit-submit');
    expect(form.text('#form-error')).toBe('请至少填写一项检查结果');
    await tap(form, '#ans-electricalWiring-hazard');
    await tap(form, '#visit-submit');
    expect(form.text('#err-electricalWiring')).toBe('有隐患的检查项须写明隐患情况');
    expect(form.harness.calls.map((c) => c.data.action)).toEqual(['listChecklistTemplates']);

    await form.input('#note-electricalWiring', '厨房插座私拉乱接，电线未穿管');
    // a deadline before today is refused by the server and shown next to the item
    await change(form, '#deadline-electricalWiring', '2026-12-01');
    await tap(form, '#ans-gas-ok');
    await tap(form, '#ans-curedMeat-na');
    await tap(form, '#edu-notice');
    await tap(form, '#edu-sqsg');
    await tap(form, '#evidence >>> #add-photo');
    await tap(form, '#evidence >>> #get-location');
    form.harness.scanResult = { path: `pages/card/index?scene=${encodeURIComponent(scene)}` };
    await tap(form, '#scan-card');
    expect(form.text('#proof-text')).toBe('已扫描明白卡');
    await tap(form, '#visit-submit');
    expect(form.text('#err-electricalWiring')).toContain('整改期限不能早于今天（2026-12-07）');
    expect(backend.docs('visits', { householdId: HOUSEHOLD })).toHaveLength(before);

    // the draft survives the app being killed: a fresh page on the same phone storage has everything
    const storage = Object.fromEntries(form.harness.storage);
    form.unload();
    const again = await openVisit({ storage });
    const againDevice = stubDevice(again, backend);
    expect((again.page.instance as any).data.draft.answers.electricalWiring.note).toBe('厨房插座私拉乱接，电线未穿管');
    expect((again.page.instance as any).data.draft.photos).toHaveLength(2);
    expect(again.text('#proof-text')).toBe('已扫描明白卡');

    await change(again, '#deadline-electricalWiring', '2026-12-20');
    await tap(again, '#visit-submit');
    expect(again.find('#visit-done')).toBeDefined();
    expect(again.text('#count-note')).not.toBe('');
    expect(again.text('#hazard-count')).toContain('1 处');

    const visits = backend.docs('visits', { householdId: HOUSEHOLD });
    expect(visits).toHaveLength(before + 1);
    const visit = visits.find(
      (v) =>
        !backend
          .docs('visits', { householdId: HOUSEHOLD })
          .slice(0, before)
          .some((o) => o._id === v._id),
    )!;
    expect(visit.proofs).toContain('cardQr');
    expect(visit.photos).toHaveLength(2);
    expect(visit.education).toEqual({ noticeHandedOver: true, sanQingSanGuanExplained: true });
    expect(visit.answers.map((a: any) => `${a.key}:${a.answer}`)).toEqual(['electricalWiring:hazard', 'gas:ok', 'curedMeat:na']);
    const hazards = backend.docs('hazards', { visitId: visit._id });
    expect(hazards).toHaveLength(1);
    expect(hazards[0]).toMatchObject({
      householdId: HOUSEHOLD,
      description: '厨房插座私拉乱接，电线未穿管',
      status: 'open',
      visitorPersonId: visitorPid(),
    });
    // uploaded once on the refused attempt; the retry reused the stored file IDs
    expect(visit.photos).toEqual(device.uploads);
    expect(againDevice.uploads).toHaveLength(0);
    // the draft is gone once the visit is recorded
    expect(again.harness.storage.has(`nw.visitDraft.v1.${HOUSEHOLD}`)).toBe(false);
    again.unload();
  });

  it('shows the proof refusal next to the proof when the scanned card is another household’s', async () => {
    backend.setClock('2026-12-08T10:00:00+08:00');
    const other = await cardScene('demo-hh-1-1-03').catch(() => 'h=AAAAAAAAAAAAAAAA');
    const form = await openVisit();
    stubDevice(form, backend);
    await tap(form, '#ans-gas-ok');
    form.harness.scanResult = { result: other };
    await tap(form, '#scan-card');
    await tap(form, '#visit-submit');
    expect(form.text('#proof-error')).toBe('扫描的明白卡二维码不是本户的，请扫描本户门上的明白卡');
    expect(form.find('#visit-done')).toBeUndefined();
    form.unload();
  });

  it('shows the refusal to a villager who opens the form', async () => {
    const form = await openVisit({ openid: 'demo-villager-1' });
    await tap(form, '#ans-gas-ok');
    await tap(form, '#visit-submit');
    const refusal = await backend.call(
      'visit',
      {
        action: 'recordVisit',
        householdId: HOUSEHOLD,
        templateId: 'residential-default',
        answers: [{ key: 'gas', answer: 'ok' }],
        education: { noticeHandedOver: false, sanQingSanGuanExplained: false },
      },
      'demo-villager-1',
    );
    expect(refusal.ok).toBe(false);
    expect(form.text('#form-error')).toBe(refusal.ok ? '' : refusal.message);
    form.unload();
  });

  it('offline: with callFunction failing the visit is queued and shown pending; sent once when the network returns; a resend with the same key creates nothing', async () => {
    // real time: the queued visit carries the phone's time, which the server accepts within 48 h
    const form = await openVisit({ householdId: 'demo-hh-1-1-04' });
    stubDevice(form, backend);
    const count = () => backend.docs('visits', { householdId: 'demo-hh-1-1-04' }).length;
    const before = count();
    form.harness.offline = true;
    await tap(form, '#ans-gas-ok');
    await tap(form, '#ans-stove-hazard');
    await form.input('#note-stove', '柴火堆在灶台边');
    await change(form, '#deadline-stove', '2099-01-01');
    await tap(form, '#visit-submit');
    expect(form.text('#form-error')).toBe('');
    expect(form.text('#outbox >>> #pending-list')).toContain('待上传');
    expect(form.page.querySelectorAll('#outbox >>> .pending-row')).toHaveLength(1);
    expect(count()).toBe(before);
    const [item] = form.harness.storage.get('nw.outbox.v1') as any[];
    expect(item.data).toMatchObject({ offline: true, householdId: 'demo-hh-1-1-04' });

    // still offline: retry keeps it
    await tap(form, '#outbox >>> #pending-retry');
    expect(form.page.querySelectorAll('#outbox >>> .pending-row')).toHaveLength(1);

    form.harness.offline = false;
    await tap(form, '#outbox >>> #pending-retry');
    expect(form.find('#outbox >>> #pending-list')).toBeUndefined();
    expect(count()).toBe(before + 1);
    const sent = backend.docs('visits', { householdId: 'demo-hh-1-1-04' }).find((v) => v.offline);
    expect(sent).toBeDefined();
    expect(backend.docs('hazards', { visitId: sent!._id })).toHaveLength(1);

    // the acknowledgement was lost and the phone sends the same item again: nothing new is created
    form.unload();
    const reopened = await openVisit({ householdId: 'demo-hh-1-1-04', storage: { 'nw.outbox.v1': [item] } });
    expect(reopened.page.querySelectorAll('#outbox >>> .pending-row')).toHaveLength(1);
    await tap(reopened, '#outbox >>> #pending-retry');
    expect(reopened.find('#outbox >>> #pending-list')).toBeUndefined();
    expect(count()).toBe(before + 1);
    expect(backend.docs('hazards', { visitId: sent!._id })).toHaveLength(1);
    expect(reopened.harness.calls.filter((c) => c.data.action === 'recordVisit').map((c) => c.data.idempotencyKey)).toEqual([item.key]);
    reopened.unload();
  });
});

describe('hazards to verify', () => {
  it('lists my hazards overdue first and verifies one on a re-visit with a photo', async () => {
    backend.setClock('2026-12-09T10:00:00+08:00');
    const first = await backend.call<any>(
      'visit',
      {
        action: 'recordVisit',
        householdId: 'demo-hh-1-1-05',
        templateId: 'residential-default',
        answers: [{ key: 'clutter', answer: 'hazard', note: '柴草堆在屋檐下', deadline: '2026-12-12' }],
        education: { noticeHandedOver: true, sanQingSanGuanExplained: true },
      },
      VISITOR,
    );
    if (!first.ok) throw new Error(first.message);
    const hazardId = first.data.hazards[0].id;

    backend.setClock('2026-12-16T10:00:00+08:00');
    const list = await loadPage('packages/visitor/hazards/index', { backend, openid: VISITOR });
    expect(list.harness.calls.map((c) => c.data.action)).toEqual(['listMyHazardDuties']);
    const expected = await backend.call<any>('visit', { action: 'listMyHazardDuties' }, VISITOR);
    if (!expected.ok) throw new Error(expected.message);
    const rows = list.page.querySelectorAll('.hazard-row');
    expect(rows.length).toBe(Math.min(20, expected.data.total));
    expect(rows[0].dom!.textContent).toContain(expected.data.items[0].category);
    expect(list.find(`#hazard-${hazardId}`)!.dom!.textContent).toContain('逾期');
    // no re-visit yet on this phone: it leads to the visit form
    await list.tap(`#revisit-${hazardId}`);
    expect(list.harness.navigations[0]).toContain('householdId=demo-hh-1-1-05');
    const storage = Object.fromEntries(list.harness.storage);
    list.unload();

    const form = await openVisit({ householdId: 'demo-hh-1-1-05', storage });
    stubDevice(form, backend);
    await tap(form, '#ans-clutter-ok');
    await tap(form, '#visit-submit');
    expect(form.find('#visit-done')).toBeDefined();
    const afterVisit = Object.fromEntries(form.harness.storage);
    form.unload();

    const again = await loadPage('packages/visitor/hazards/index', { backend, openid: VISITOR, storage: afterVisit });
    stubDevice(again, backend);
    await tap(again, `#verify-${hazardId}`);
    await tap(again, '#rectified-yes');
    await tap(again, '#verify-submit');
    expect(again.text('#verify-error')).toBe('请上传复查照片');
    await tap(again, '#verify-photo');
    await tap(again, '#verify-submit');
    expect(backend.docs('hazards', { _id: hazardId })[0].status).toBe('verified');
    expect(again.find(`#hazard-${hazardId}`)).toBeUndefined();
    again.unload();
  });

  it('shows the refusal to the discipline office', async () => {
    const page = await loadPage('packages/visitor/hazards/index', { backend, openid: 'demo-discipline' });
    const refusal = await backend.call('visit', { action: 'listMyHazardDuties' }, 'demo-discipline');
    expect(refusal.ok).toBe(false);
    expect(page.text('#hazards-state >>> #state-error')).toContain(refusal.ok ? '' : refusal.message);
    page.unload();
  });
});

describe('my cases and the township notices', () => {
  it('renders my cases (none yet) and the notices tab, and refuses a villager', async () => {
    const page = await loadPage('packages/visitor/cases/index', { backend, openid: VISITOR });
    expect(page.harness.calls.map((c) => c.data.action)).toEqual(['myCases']);
    expect(page.find('#no-cases')).toBeDefined();
    await page.tap('#tab-notices');
    expect(page.harness.calls.map((c) => c.data.action)).toEqual(['myCases', 'listNotices']);
    expect(page.find('#cases-state >>> #state-error')).toBeUndefined();
    page.unload();

    const villager = await loadPage('packages/visitor/cases/index', { backend, openid: 'demo-villager-1' });
    const refusal = await backend.call('escalation', { action: 'myCases' }, 'demo-villager-1');
    expect(refusal.ok).toBe(false);
    expect(villager.text('#cases-state >>> #state-error')).toContain(refusal.ok ? '' : refusal.message);
    villager.unload();
  });
});
