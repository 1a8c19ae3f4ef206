/** @jest-environment ./tests/pages/backend-environment.ts */
// The resident pages (packages/resident) rendered in miniprogram-simulate, answered by the real `resident` function and
// emulator with the demo township: 随手拍 report with photos, my reports, the anonymous whistle-blower form with its
// receipt, following a receipt without being bound, the liaison's routed reports, the offline queue, and refusals.
import { startBackend, type Backend } from '../helpers/backend';
import { loadPage, type LoadedPage } from '../helpers/miniprogram';
import { change, stubDevice, tap } from '../helpers/device';

let backend: Backend;
const V1 = 'demo-villager-1';
const V1_HH = 'demo-hh-1-1-02';
const LIAISON = 'demo-liaison-1';
const FORBIDDEN = '您没有权限进行此操作';
const UNBOUND = '请先通过邀请码加入您的网格';

beforeAll(async () => {
  backend = await startBackend({ demo: true });
});

afterAll(async () => {
  await backend?.stop();
});

const pid = (openid: string) => backend.docs('persons', { openid })[0]._id as string;

function categoryIndex(p: LoadedPage, key: string): number {
  return (p.page.instance.data.categories as { key: string }[]).findIndex((c) => c.key === key);
}

describe('report a hazard (随手拍)', () => {
  it('renders the form for a villager from one call, with their household preselected and required fields marked', async () => {
    const p = await loadPage('packages/resident/report/index', { backend, openid: V1 });
    expect(p.harness.calls.map((c) => c.data.action)).toEqual(['reportFormOptions']);
    expect(p.page.instance.data.draft.householdId).toBe(V1_HH);
    expect(p.text('#place-picker')).toBe(backend.docs('households', { _id: V1_HH })[0].address);
    expect(p.page.querySelectorAll('.field-required').length).toBeGreaterThanOrEqual(3);
    expect(p.page.instance.data.categoryNames.length).toBeGreaterThan(3);
    p.unload();
  });

  it('marks missing required fields before any call', async () => {
    const p = await loadPage('packages/resident/report/index', { backend, openid: V1 });
    const calls = p.harness.calls.length;
    await tap(p, '#report-submit');
    expect(p.text('#category-error')).toBe('请选择隐患类别');
    expect(p.text('#description-error')).toBe('请填写隐患情况');
    expect(p.harness.calls).toHaveLength(calls);
    p.unload();
  });

  it('reports a hazard with 2 photos and a location; it shows in my reports, routed to the visitor', async () => {
    const p = await loadPage('packages/resident/report/index', { backend, openid: V1 });
    const device = stubDevice(p, backend);
    await change(p, '#category-picker', categoryIndex(p, 'electrical'));
    await p.input('#description', '厨房电线私拉乱接，插座发烫');
    await tap(p, '#evidence >>> #add-photo');
    expect(p.page.querySelectorAll('#evidence >>> .photo')).toHaveLength(2);
    await tap(p, '#evidence >>> #get-location');
    expect(p.find('#evidence >>> #location-text')).toBeDefined();

    await tap(p, '#report-submit');
    expect(p.text('#form-error')).toBe('');
    expect(p.find('#report-done')).toBeDefined();
    expect(p.text('#done-status')).toContain('已转该户走访人');
    const stored = backend.docs('hazards', { reporterPersonId: pid(V1), description: '厨房电线私拉乱接，插座发烫' });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      source: 'villager',
      householdId: V1_HH,
      categoryKey: 'electrical',
      photos: device.uploads,
      location: { latitude: 27.7231, longitude: 110.6334 },
    });
    expect(device.uploads).toHaveLength(2);
    expect(p.harness.storage.get('nw.resident.reportDraft.v1')).toBeUndefined();
    await tap(p, '#done-mine');
    expect(p.harness.navigations).toEqual(['/packages/resident/mine/index']);
    p.unload();

    const mine = await loadPage('packages/resident/mine/index', { backend, openid: V1 });
    expect(mine.harness.calls.map((c) => c.data.action)).toEqual(['listMyReports']);
    expect(mine.harness.calls[0].data.pageSize).toBeLessThanOrEqual(20);
    const row = mine.text(`#report-${stored[0]._id}`);
    expect(row).toContain('厨房电线私拉乱接，插座发烫');
    expect(row).toContain('待整改');
    expect(row).toContain('照片 2 张');
    mine.unload();
  });

  it('keeps the draft when a photo upload fails, and sends it once the upload works', async () => {
    const p = await loadPage('packages/resident/report/index', { backend, openid: V1 });
    const device = stubDevice(p, backend, { uploadFails: true });
    await change(p, '#category-picker', categoryIndex(p, 'clutter'));
    await p.input('#description', '楼道堆满柴草');
    await tap(p, '#evidence >>> #add-photo');
    await tap(p, '#report-submit');
    expect(p.text('#evidence >>> #photo-error')).toContain('2 张照片未能上传');
    expect(p.page.instance.data.draft.description).toBe('楼道堆满柴草');
    expect(p.page.querySelectorAll('#evidence >>> .photo')).toHaveLength(2);
    expect(backend.docs('hazards', { description: '楼道堆满柴草' })).toHaveLength(0);
    const draft = p.harness.storage.get('nw.resident.reportDraft.v1') as any;
    expect(draft).toMatchObject({ description: '楼道堆满柴草' });
    expect(draft.key).toBeTruthy();

    device.failing(false);
    await tap(p, '#report-submit');
    expect(p.find('#report-done')).toBeDefined();
    expect(backend.docs('hazards', { description: '楼道堆满柴草' })).toHaveLength(1);
    p.unload();
  });

  it('shows the server refusal next to the field it is about', async () => {
    const p = await loadPage('packages/resident/report/index', { backend, openid: V1 });
    await change(p, '#category-picker', categoryIndex(p, 'other'));
    await p.input('#description', '门口有隐患');
    // a household that is not the caller's: only the server knows, and says so next to the place picker
    p.page.instance.setData({ 'draft.householdId': 'demo-hh-2-1-01' });
    await tap(p, '#report-submit');
    expect(p.text('#household-error')).toBe('只能上报自己家或本人所管微网格内农户的隐患');
    expect(p.page.instance.data.draft.description).toBe('门口有隐患');
    p.unload();
  });

  it('tells the office it has no household to report for and offers the whistle-blower form', async () => {
    const p = await loadPage('packages/resident/report/index', { backend, openid: 'demo-office' });
    expect(p.find('#report-none')).toBeDefined();
    expect(p.find('#report-submit')).toBeUndefined();
    await tap(p, '#report-to-whistle');
    expect(p.harness.navigations).toEqual(['/packages/resident/whistle/index']);
    p.unload();
  });

  it('refuses an unbound caller with the server message', async () => {
    const p = await loadPage('packages/resident/report/index', { backend, openid: 'stranger-openid' });
    expect(p.text('#report-state >>> #state-error .t-error')).toBe(UNBOUND);
    p.unload();
  });
});

describe('report offline', () => {
  it('queues the report as 待上传 without network and sends it once when back', async () => {
    const p = await loadPage('packages/resident/report/index', { backend, openid: V1 });
    stubDevice(p, backend);
    const count = () => backend.docs('hazards', { description: '电动车在堂屋充电过夜' }).length;
    p.harness.offline = true;
    await change(p, '#category-picker', categoryIndex(p, 'ebikeCharging'));
    await p.input('#description', '电动车在堂屋充电过夜');
    await tap(p, '#report-submit');
    expect(p.text('#form-error')).toBe('');
    expect(p.text('#outbox >>> #pending-list')).toContain('待上传');
    expect(p.page.querySelectorAll('#outbox >>> .pending-row')).toHaveLength(1);
    expect(count()).toBe(0);
    const [item] = p.harness.storage.get('nw.outbox.v1') as any[];
    expect(item).toMatchObject({ fn: 'resident', action: 'reportHazard' });
    expect(item.data).toMatchObject({ householdId: V1_HH, description: '电动车在堂屋充电过夜' });

    // still offline: kept
    await tap(p, '#outbox >>> #pending-retry');
    expect(p.page.querySelectorAll('#outbox >>> .pending-row')).toHaveLength(1);

    p.harness.offline = false;
    await tap(p, '#outbox >>> #pending-retry');
    expect(p.find('#outbox >>> #pending-list')).toBeUndefined();
    expect(count()).toBe(1);
    p.unload();

    // the acknowledgement was lost and my reports page sends the same item again: nothing new is created
    const mine = await loadPage('packages/resident/mine/index', { backend, openid: V1, storage: { 'nw.outbox.v1': [item] } });
    expect(mine.text('#outbox >>> #pending-list')).toContain('待上传');
    await tap(mine, '#outbox >>> #pending-retry');
    expect(mine.find('#outbox >>> #pending-list')).toBeUndefined();
    expect(count()).toBe(1);
    expect(mine.harness.calls.filter((c) => c.data.action === 'reportHazard').map((c) => c.data.idempotencyKey)).toEqual([item.key]);
    expect(mine.allText()).toContain('电动车在堂屋充电过夜');
    mine.unload();
  });
});

describe('my reports', () => {
  it('refuses the township office with the server message', async () => {
    const p = await loadPage('packages/resident/mine/index', { backend, openid: 'demo-office' });
    expect(p.text('#mine-state >>> #state-error .t-error')).toBe(FORBIDDEN);
    expect(p.find('.report-row')).toBeUndefined();
    p.unload();
  });
});

describe('whistle-blower (吹哨人)', () => {
  it('says in plain Chinese that the identity is neither stored nor shown', async () => {
    const p = await loadPage('packages/resident/whistle/index', { backend, openid: V1 });
    expect(p.text('#anonymity-note')).toContain('不记录、不显示举报人的身份');
    expect(p.text('#anonymity-note')).toContain('任何人都看不到');
    p.unload();
  });

  it('files a report, shows the receipt with a copy button, and the receipt shows its status to an anonymous caller', async () => {
    const p = await loadPage('packages/resident/whistle/index', { backend, openid: V1 });
    const dev = stubDevice(p, backend);
    const villageIndex = (p.page.instance.data.villageIds as string[]).indexOf('demo-village-1');
    await change(p, '#village-picker', villageIndex);
    await p.input('#whistle-place', '三组后山柴草堆');
    await change(p, '#category-picker', categoryIndex(p, 'clutter'));
    await p.input('#description', '柴草堆紧挨电线杆，有人在旁边烧垃圾');
    await tap(p, '#evidence >>> #add-photo');
    await tap(p, '#whistle-submit');
    expect(p.text('#form-error')).toBe('');
    const receipt = p.text('#receipt-code');
    expect(receipt).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(p.text('#follow-how')).toContain('回执码');
    await tap(p, '#copy-receipt');
    expect(p.harness.clipboard).toBe(receipt);
    const stored = backend.docs('hazards', { source: 'whistleblower', description: '柴草堆紧挨电线杆，有人在旁边烧垃圾' });
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored[0])).not.toContain(pid(V1));
    expect(JSON.stringify(stored[0])).not.toContain(V1);
    // the phone's uploads (owned by the reporter's OPENID in CloudBase) are replaced by the function's own copies
    expect(stored[0].photos.length).toBeGreaterThan(0);
    for (const id of stored[0].photos as string[]) expect(id).toContain(`/whistle/${stored[0]._id}/`);
    for (const upload of dev.uploads) expect(backend.emulator.store.getFile(upload.replace(/^cloud:\/\/[^/]+\//, ''))).toBeUndefined();
    await tap(p, '#follow-receipt');
    expect(p.harness.navigations).toEqual([`/packages/resident/status/index?receipt=${encodeURIComponent(receipt)}`]);
    p.unload();

    const status = await loadPage('packages/resident/status/index', {
      backend,
      openid: null,
      query: { receipt: encodeURIComponent(receipt) },
    });
    expect(status.harness.calls).toEqual([{ name: 'resident', data: { action: 'whistleStatus', receipt }, via: 'cloud' }]);
    expect(status.text('#status-label')).toContain('待整改');
    expect(status.text('#status-result')).toContain('三江村');
    status.unload();
  });

  it('marks missing fields before any call', async () => {
    const p = await loadPage('packages/resident/whistle/index', { backend, openid: V1 });
    const calls = p.harness.calls.length;
    await tap(p, '#whistle-submit');
    expect(p.text('#place-error')).toBe('请写清隐患所在地点（至少2个字）');
    expect(p.text('#category-error')).toBe('请选择隐患类别');
    expect(p.harness.calls).toHaveLength(calls);
    p.unload();
  });

  it('refuses an unbound caller with the server message', async () => {
    const p = await loadPage('packages/resident/whistle/index', { backend, openid: null });
    expect(p.text('#whistle-state >>> #state-error .t-error')).toBe(UNBOUND);
    p.unload();
  });
});

describe('receipt status', () => {
  it('shows the refusal next to the code for a code that finds nothing, and keeps what was typed', async () => {
    const p = await loadPage('packages/resident/status/index', { backend, openid: null });
    expect(p.harness.calls).toHaveLength(0);
    await tap(p, '#status-query');
    expect(p.text('#receipt-error')).toBe('请填写举报回执码');
    await p.input('#receipt-input', 'abcd efgh jkmn');
    await tap(p, '#status-query');
    expect(p.text('#receipt-error')).toBe('没有找到该回执码对应的举报，请核对后重试');
    expect(p.page.instance.data.receipt).toBe('abcd efgh jkmn');
    expect(p.find('#status-result')).toBeUndefined();
    p.unload();
  });
});

describe('reports routed to the liaison', () => {
  it('shows a public-place report to the village liaison and verifies it', async () => {
    const reported = await backend.call(
      'resident',
      { action: 'reportHazard', category: 'gas', description: '祠堂厨房液化气瓶无减压阀', photos: [], publicPlace: '村祠堂' },
      V1,
    );
    if (!reported.ok) throw new Error(reported.message);
    const id = reported.data.id as string;

    const p = await loadPage('packages/resident/routed/index', { backend, openid: LIAISON });
    expect(p.harness.calls.map((c) => c.data.action)).toEqual(['listRoutedReports']);
    expect(p.text(`#routed-${id}`)).toContain('祠堂厨房液化气瓶无减压阀');
    expect(p.text(`#routed-${id}`)).toContain('村祠堂');
    const index = (p.page.instance.data.rows as { id: string }[]).findIndex((r) => r.id === id);
    await tap(p, `#verify-open-${index}`);
    await tap(p, '#verify-submit');
    expect(p.text('#rectified-error')).toBe('请选择是否已整改到位');
    await tap(p, '#verify-no');
    await tap(p, '#verify-submit');
    expect(p.text('#deadline-error')).toBe('未整改到位的，请填写新的整改期限');
    await tap(p, '#verify-yes');
    await tap(p, '#verify-submit');
    expect(p.harness.toasts.map((t) => t.title)).toContain('已核实整改');
    expect(backend.docs('hazards', { _id: id })[0].status).toBe('verified');
    expect(p.find(`#routed-${id}`)).toBeUndefined();
    p.unload();

    const mine = await loadPage('packages/resident/mine/index', { backend, openid: V1 });
    expect(mine.text(`#report-${id}`)).toContain('已核实整改到位');
    mine.unload();
  });

  it('refuses a villager with the server message', async () => {
    const p = await loadPage('packages/resident/routed/index', { backend, openid: V1 });
    expect(p.text('#routed-state >>> #state-error .t-error')).toBe(FORBIDDEN);
    p.unload();
  });
});
