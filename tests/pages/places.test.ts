/** @jest-environment ./tests/pages/backend-environment.ts */
// The places pages (SPEC §7b) rendered by miniprogram-simulate, their calls answered by the real function runner and
// emulator with the demo township: an inspection with a hazard → its rectification claimed with a photo → verified on
// a re-inspection; an inspection queued offline and sent once; a referral refused, made, acknowledged and answered by
// the department and listed overdue for the office; the registry's filters and .xlsx import; the quarterly exports.
import ExcelJS from 'exceljs';
import { startBackend, type Backend } from '../helpers/backend';
import { loadPage } from '../helpers/miniprogram';
import { change, stubDevice, tap } from '../helpers/device';
import { StorageService } from '../../emulator/admin/storage';
import { IMPORT_HEADERS } from '../../server/domain/place/importLayout';
import { addDays, cstDay } from '../../server/domain/time/cst';

let backend: Backend;
const POLICE = 'demo-police';
const DAY = 86400_000;
/** a CST day `n` days after the backend's now */
const dayAfter = (n: number) => addDays(cstDay(backend.now()), n);
const at = (ms: number) => new Date(backend.now().getTime() + ms).toISOString();

beforeAll(async () => {
  // the demo's inspections are dated from the moment it is seeded: here, real time
  backend = await startBackend({ demo: true });
});

afterAll(async () => {
  await backend?.stop();
});

afterEach(() => backend.setClock(null));

const openInspect = (placeId: string, opts: { openid?: string; storage?: Record<string, unknown> } = {}) =>
  loadPage('packages/places/inspect/index', { backend, openid: opts.openid ?? POLICE, storage: opts.storage, query: { placeId } });

describe('the office sees what is overdue', () => {
  it('oversight: the police plan with its one overdue unit, the overdue hazard, one call', async () => {
    const page = await loadPage('packages/places/oversight/index', { backend, openid: 'demo-office' });
    expect(page.harness.calls.map((c) => c.data.action)).toEqual(['overdueOverview']);
    expect(page.text('#plan-demo-plan-police-monthly')).toContain('逾期 1');
    expect(page.text('#overdue-inspections-title')).toContain('1 处');
    expect(page.text('#overdue-0')).toContain('米家出租房');
    expect(page.text('#overdue-hazard-0')).toContain('舒家三合一门店');
    expect(page.text('#overdue-hazard-0')).toContain('已转办部门');
    page.unload();
  });

  it('refuses the page to a villager with the server message', async () => {
    const page = await loadPage('packages/places/oversight/index', { backend, openid: 'demo-villager-1' });
    const refusal = await backend.call('place', { action: 'overdueOverview' }, 'demo-villager-1');
    expect(refusal.ok).toBe(false);
    expect(page.text('#oversight-state >>> #state-error')).toContain(refusal.ok ? '' : refusal.message);
    page.unload();
  });
});

describe('an inspection with a hazard → claim → verify on a re-inspection, through the pages', () => {
  let hazardId = '';

  it('the police officer sees the overdue unit first and inspects it, finding a hazard', async () => {
    const mine = await loadPage('packages/places/mine/index', { backend, openid: POLICE });
    expect(mine.harness.calls.map((c) => c.data)).toEqual([{ action: 'myInspections', page: 1, pageSize: 20 }]);
    expect(mine.text('#plan-demo-plan-police-monthly')).toContain('逾期 1');
    expect(mine.text('#due-0')).toContain('米家出租房');
    expect(mine.text('#due-0')).toContain('已逾期');
    await mine.tap('#due-0');
    expect(mine.harness.navigations).toEqual(['/packages/places/inspect/index?placeId=demo-place-police-16']);
    mine.unload();

    const form = await openInspect('demo-place-police-16');
    expect(form.harness.calls.map((c) => c.data.action)).toEqual(['inspectionForm']);
    expect(form.text('#template-name')).toBe('三合一/多合一场所及经营性自建房检查表');
    expect(form.text('#template-source')).toContain('GA 703-2007');
    await tap(form, '#ans-separation-ok');
    await tap(form, '#ans-smokeAlarm-hazard');
    await tap(form, '#inspect-submit');
    expect(form.text('#err-smokeAlarm')).toContain('有隐患须写明隐患情况和整改期限');
    await form.input('#note-smokeAlarm', '二楼宿舍未装烟感');
    await change(form, '#deadline-smokeAlarm', dayAfter(10));
    await tap(form, '#inspect-submit');
    expect(form.text('#done-text')).toContain('发现隐患 1 处');
    const sent = form.harness.calls.find((c) => c.data.action === 'recordInspection')!;
    expect(sent.data.idempotencyKey).toBeTruthy();
    form.unload();
    const [hazard] = backend.docs('placeHazards', { placeId: 'demo-place-police-16' });
    expect(hazard).toMatchObject({ status: 'open', description: '二楼宿舍未装烟感', foundBy: 'person-demo-police' });
    hazardId = hazard._id;
  });

  it('the rectification is claimed with photos on the hazards page', async () => {
    const page = await loadPage('packages/places/hazards/index', { backend, openid: POLICE });
    expect(page.harness.calls.map((c) => c.data.action)).toEqual(['listPlaceHazards']);
    // the officer follows hazards up but does not refer them: that is the office's
    expect(page.find(`#refer-${hazardId}`)).toBeUndefined();
    stubDevice(page, backend);
    await tap(page, `#claim-${hazardId}`);
    await tap(page, '#claim-submit');
    expect(page.text('#panel-error')).toBe('请拍摄或选择整改后的照片');
    await tap(page, '#claim-photo');
    await tap(page, '#claim-submit');
    expect(page.text(`#hazard-${hazardId}`)).toContain('已提交整改，待核实');
    page.unload();
    const claimed = backend.docs('placeHazards', { _id: hazardId })[0];
    expect(claimed.status).toBe('rectificationClaimed');
    expect(claimed.claimPhotos).toHaveLength(2);
    expect(claimed.claimPhotos.every((f: string) => f.startsWith('cloud://'))).toBe(true);
  });

  it('a re-inspection verifies it', async () => {
    backend.setClock(at(8 * DAY));
    const form = await openInspect('demo-place-police-16');
    expect(form.text(`#check-${hazardId}`)).toContain('已提交整改，待核实');
    await tap(form, `#check-${hazardId}-yes`);
    await tap(form, '#ans-smokeAlarm-ok');
    await tap(form, '#inspect-submit');
    expect(form.text('#done-text')).toContain('复查隐患 1 处');
    expect(form.text('#done-text')).toContain('已核实整改到位');
    form.unload();
    expect(backend.docs('placeHazards', { _id: hazardId })[0]).toMatchObject({ status: 'verified', verifiedBy: 'person-demo-police' });
  });
});

describe('offline', () => {
  it('an inspection made without network waits as 待上传 and is sent once when the network returns', async () => {
    const count = () => backend.docs('inspections', { placeId: 'demo-place-police-15' }).length;
    const before = count();
    const form = await openInspect('demo-place-police-15');
    stubDevice(form, backend);
    form.harness.offline = true;
    await tap(form, '#ans-exitsClear-ok');
    await tap(form, '#inspect-submit');
    expect(form.text('#outbox >>> #pending-list')).toContain('检查 龙潭坪小学');
    const [item] = form.harness.storage.get('nw.outbox.v1') as any[];
    expect(item.data).toMatchObject({ offline: true, placeId: 'demo-place-police-15' });
    expect(count()).toBe(before);
    form.harness.offline = false;
    await tap(form, '#outbox >>> #pending-retry');
    expect(form.find('#outbox >>> #pending-list')).toBeUndefined();
    form.unload();
    expect(count()).toBe(before + 1);
    // the same item sent again (a phone that never heard the answer) creates nothing
    const again = await openInspect('demo-place-police-15', { storage: { 'nw.outbox.v1': [item] } });
    await tap(again, '#outbox >>> #pending-retry');
    again.unload();
    expect(count()).toBe(before + 1);
  });
});

describe('referrals 吹哨报到 through the pages', () => {
  it('the office refers a hazard at a high-risk place; the department acknowledges and answers; the unanswered demo referral is overdue', async () => {
    const found = await backend.call<any>(
      'place',
      {
        action: 'recordInspection',
        placeId: 'demo-place-police-13',
        templateId: 'place-small',
        answers: [{ key: 'exitsClear', answer: 'hazard', note: '后门上锁', deadline: dayAfter(5) }],
      },
      POLICE,
    );
    if (!found.ok) throw new Error(found.message);
    const hazardId = found.data.hazards[0].id;

    const office = await loadPage('packages/places/hazards/index', { backend, openid: 'demo-office' });
    await tap(office, `#refer-${hazardId}`);
    await tap(office, '#refer-submit');
    expect(office.text('#panel-error')).toBe('请选择部门报到（反馈）期限');
    // the picker offers only the departments that supervise a 棋牌室: 经发办 and 应急办
    expect(office.text('#refer-department')).toBe('经发办');
    await change(office, '#refer-department', 1);
    await change(office, '#refer-deadline', dayAfter(3));
    await tap(office, '#refer-submit');
    expect(office.text(`#hazard-${hazardId}`)).toContain('已转办部门');
    office.unload();
    const referral = backend.docs('referrals', { hazardId })[0];
    expect(referral).toMatchObject({ department: 'yingji', status: 'open' });

    const dept = await loadPage('packages/places/referrals/index', { backend, openid: 'demo-inspector-yingji' });
    expect(dept.harness.calls.map((c) => c.data)).toEqual([{ action: 'listReferrals', page: 1, pageSize: 20, filter: 'open' }]);
    const rows = dept.page.querySelectorAll('.referral-row');
    const index = rows.findIndex((r) => r.dom?.textContent?.includes('老街棋牌室'));
    expect(index).toBeGreaterThanOrEqual(0);
    await tap(dept, `#referral-${index} .ack-btn`);
    expect(dept.text(`#referral-${index}`)).toContain('部门已签收，办理中');
    await tap(dept, `#referral-${index} .answer-btn`);
    expect(dept.text(`#referral-${index}`)).toContain('请填写办理情况');
    await dept.input(`#referral-${index} .answer-input`, '已约谈经营者，后门改为推闩');
    await tap(dept, `#referral-${index} .answer-btn`);
    expect(dept.text(`#referral-${index}`)).toContain('部门已反馈');
    expect(dept.text(`#referral-${index}`)).toContain('办理情况：已约谈经营者，后门改为推闩');
    dept.unload();
    expect(backend.docs('referrals', { hazardId })[0]).toMatchObject({ status: 'answered', answer: '已约谈经营者，后门改为推闩' });

    // the demo referral nobody answered is listed overdue for the office once its deadline has passed
    backend.setClock(at(8 * DAY));
    const overdue = await loadPage('packages/places/referrals/index', { backend, openid: 'demo-office' });
    await tap(overdue, '#filter-overdue');
    expect(overdue.page.querySelectorAll('.referral-row')).toHaveLength(1);
    expect(overdue.text('#referral-0')).toContain('舒家三合一门店');
    expect(overdue.text('#referral-0')).toContain('逾期未反馈');
    // the office reads, the department answers
    expect(overdue.find('#referral-0 .answer-btn')).toBeUndefined();
    overdue.unload();
    const oversight = await loadPage('packages/places/oversight/index', { backend, openid: 'demo-office' });
    expect(oversight.text('#overdue-referral-0')).toContain('舒家三合一门店');
    oversight.unload();
  });
});

describe('the registry', () => {
  it('filters by village and listed units, and imports a checked .xlsx all at once', async () => {
    const page = await loadPage('packages/places/registry/index', { backend, openid: 'demo-office' });
    expect(page.harness.calls.map((c) => c.data)).toEqual([{ action: 'listPlaces', page: 1, pageSize: 20 }]);
    expect(page.text('#village-counts')).toContain('三江村：场所');
    await change(page, '#filter-village', 2);
    await tap(page, '#filter-listed');
    const last = page.harness.calls.at(-1)!.data;
    expect(last).toMatchObject({ action: 'listPlaces', villageId: 'demo-village-2', listed: true });
    const expected = backend.docs('places', { villageId: 'demo-village-2', listed: true, active: true }).length;
    expect(page.text('#village-counts')).toContain(`共 ${expected} 处`);

    // an .xlsx in the documented layout, as a file chosen from a chat
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('场所清单');
    ws.addRow(IMPORT_HEADERS);
    ws.addRow([
      '1',
      '桐木溪村',
      '页面导入商店',
      '门市',
      '桐木溪村新街1号',
      '付某',
      '13800030001',
      '村',
      '一般',
      '否',
      '是',
      '胡豆坪村列管单位',
    ]);
    ws.addRow(['2', '桐木溪村', '页面导入棋牌室', '棋牌室', '桐木溪村新街2号', '付某', '', '村', '高风险', '否', '是', '胡豆坪村列管单位']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const wx = (global as any).wx;
    wx.chooseMessageFile = (o: any) =>
      setTimeout(() => o.success({ tempFiles: [{ path: 'wxfile://tmp/list.xlsx', name: 'list.xlsx' }] }), 0);
    wx.cloud.uploadFile = (o: any) =>
      setTimeout(() => {
        backend.emulator.store.putFile(o.cloudPath, bytes, 'application/octet-stream', Date.now());
        o.success({ fileID: StorageService.fileIdOf(o.cloudPath), statusCode: 200 });
      }, 0);
    await tap(page, '#import-choose');
    expect(page.text('#import-summary')).toBe('共 2 行，检查无误，可以导入');
    await tap(page, '#import-confirm');
    expect(backend.docs('places', { name: '页面导入棋牌室', active: true })).toHaveLength(1);
    expect(page.text('#village-counts')).toContain(`共 ${expected + 2} 处`);
    page.unload();

    // a liaison reads its own village and cannot import
    const liaison = await loadPage('packages/places/registry/index', { backend, openid: 'demo-liaison-1' });
    expect(liaison.find('#import-card')).toBeUndefined();
    expect(liaison.text('#village-counts')).not.toContain('桐木溪村');
    liaison.unload();
  });
});

describe('the quarterly report', () => {
  it('shows each plan owed and made, and exports the ledger and the summary', async () => {
    const page = await loadPage('packages/places/quarter/index', { backend, openid: 'demo-office' });
    expect(page.harness.calls.map((c) => c.data)).toEqual([{ action: 'quarterlyReport' }]);
    expect(page.text('#quarter-label')).toMatch(/^\d{4}年第[1-4]季度$/);
    expect(page.allText()).toContain('派出所列管单位月度检查');
    await tap(page, '#export-summary');
    expect(page.text('#export-file')).toContain('场所消防安全检查季度督查汇总表');
    await tap(page, '#export-ledger');
    expect(page.text('#export-file')).toContain('场所消防安全检查台账');
    expect(page.harness.clipboard).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/_storage\/file\/exports\//);
    await tap(page, '#quarter-prev');
    expect(page.harness.calls.at(-1)!.data).toMatchObject({ action: 'quarterlyReport', quarter: expect.stringMatching(/^\d{4}-Q[1-4]$/) });
    page.unload();
  });
});
