/** @jest-environment ./tests/pages/backend-environment.ts */
// Photos kept safe until uploaded (issue 11 item 7), on a simulated phone with real files (tests/helpers/phone.ts):
// a chosen photo is moved out of WeChat's temporary files under USER_DATA_PATH/outbox, survives WeChat being killed,
// is uploaded by the outbox when the network returns and then deleted; a full space is said plainly and loses nothing.
import { startBackend, type Backend } from '../helpers/backend';
import { loadPage, type LoadedPage } from '../helpers/miniprogram';
import { restartApp, stubDevice, tap, change } from '../helpers/device';
import { Phone, USER_DATA_PATH } from '../helpers/phone';
import { StorageService } from '../../emulator/admin/storage';
import { STORAGE_FULL_MESSAGE } from '../../miniprogram/services/photoStore';

let backend: Backend;
const VISITOR = 'demo-visitor-1';
let households: string[];

beforeAll(async () => {
  backend = await startBackend({ demo: true });
  const mine = await backend.call<{ items: { householdId: string }[] }>('visit', { action: 'myHouseholds', pageSize: 20 }, VISITOR);
  if (!mine.ok) throw new Error(mine.message);
  households = mine.data.items.map((h) => h.householdId);
});

afterAll(async () => {
  await backend?.stop();
});

const OUTBOX_DIR = `${USER_DATA_PATH}/outbox/`;

const openVisit = (householdId: string, opts: { phone?: Phone; storage?: Record<string, unknown> } = {}) =>
  loadPage('packages/visitor/visit/index', {
    backend,
    openid: VISITOR,
    ...opts,
    query: { householdId, address: encodeURIComponent('测试地址') },
  });

/** A visit with nothing wrong and its photos (two taken now unless some were), submitted with no network: it waits. */
async function visitOffline(form: LoadedPage): Promise<void> {
  form.harness.offline = true;
  await tap(form, '#ans-gas-ok');
  if (!(form.page.instance as any).data.draft.photos.length) await tap(form, '#evidence >>> #add-photo');
  await tap(form, '#visit-submit');
  expect(form.text('#form-error')).toBe('');
  expect(form.page.querySelectorAll('#outbox >>> .pending-row')).toHaveLength(1);
}

const visitsOf = (householdId: string) => backend.docs('visits', { householdId });

describe('a visit with photos taken where there is no signal', () => {
  it('survives WeChat being killed: the outbox uploads the kept photos when the network returns, then deletes them', async () => {
    const householdId = households[0];
    const before = visitsOf(householdId).length;
    const form = await openVisit(householdId);
    stubDevice(form, backend);
    const phone = form.harness.phone;

    await visitOffline(form);
    // the compressed photos were moved out of WeChat's temporary files at once (the camera's originals stay there
    // until WeChat clears them)
    expect(phone.tempFiles()).toEqual(['wxfile://tmp/photo-1.jpg', 'wxfile://tmp/photo-2.jpg']);
    const kept = phone.userFiles();
    expect(kept).toHaveLength(2);
    for (const f of kept) expect(f.startsWith(OUTBOX_DIR)).toBe(true);
    const [item] = form.harness.storage.get('nw.outbox.v1') as any[];
    expect(item.photos.photos.map((p: any) => p.path).sort()).toEqual(kept);
    expect(item.photos.photos.every((p: any) => p.fileId === null)).toBe(true);
    expect(item.data).toMatchObject({ offline: true, householdId, photos: [] });
    // the panel says what waits and the space it takes
    expect(form.text('#outbox >>> .pending-row')).toContain('照片 2 张待上传');
    expect(form.text('#outbox >>> #photo-space')).toContain('2 张，占用 2 KB');
    const bytes = kept.map((f) => phone.read(f)!);

    // WeChat is killed; opened again later, still without network (the checklist comes from the phone's cache)
    const again = await openVisit(householdId, restartApp(form));
    expect(again.harness.calls.map((c) => c.data.action)).toEqual(['listChecklistTemplates']);
    expect(phone.userFiles()).toEqual(kept);
    expect(again.text('#outbox >>> .pending-row')).toContain('照片 2 张待上传');

    // the network returns
    const device = stubDevice(again, backend);
    await tap(again, '#outbox >>> #pending-retry');
    expect(again.find('#outbox >>> #pending-list')).toBeUndefined();
    const added = visitsOf(householdId).slice(before);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ offline: true, photos: device.uploads });
    expect(device.uploads).toHaveLength(2);
    // the stored files are the photos taken before the restart, byte for byte
    const stored = device.uploads.map((id) => backend.emulator.store.getFile(StorageService.pathOf(id)!)!.data);
    expect(stored.map((b) => Buffer.from(b).toString('hex')).sort()).toEqual(bytes.map((b) => b.toString('hex')).sort());
    // and they are gone from the phone
    expect(phone.userFiles()).toEqual([]);
    expect(again.harness.storage.get('nw.outbox.v1')).toEqual([]);
    again.unload();
  });

  it('a photo the full phone could not keep is lost with WeChat: the user was told, the item says so and goes without it', async () => {
    const householdId = households[1];
    const before = visitsOf(householdId).length;
    // room for one photo only
    const form = await openVisit(householdId, { phone: new Phone(1500) });
    stubDevice(form, backend);
    const phone = form.harness.phone;

    await tap(form, '#evidence >>> #add-photo');
    expect(form.harness.modals).toEqual([{ title: '手机存储空间已满', content: STORAGE_FULL_MESSAGE }]);
    // both photos are in the form; the first is kept, the second only lives until WeChat closes
    const photos = (form.page.instance as any).data.draft.photos as { path: string }[];
    expect(photos).toHaveLength(2);
    expect(photos[0].path.startsWith(OUTBOX_DIR)).toBe(true);
    expect(photos[1].path.startsWith('wxfile://tmp/')).toBe(true);
    expect(phone.userFiles()).toEqual([photos[0].path]);

    await visitOffline(form);
    const again = await openVisit(householdId, restartApp(form));
    const device = stubDevice(again, backend);
    await tap(again, '#outbox >>> #pending-retry');
    // the kept photo went up; the lost one is named, nothing is recorded yet
    expect(again.text('#outbox >>> .pending-row')).toContain('1 张照片在手机上已找不到');
    expect(again.harness.modals.at(-1)?.content).toContain('1 张照片在手机上已找不到');
    expect(visitsOf(householdId)).toHaveLength(before);
    expect(device.uploads).toHaveLength(1);
    expect(phone.userFiles()).toEqual([]);

    // 重新上传 again: the visit goes with the photo that is left
    await tap(again, '#outbox >>> #pending-retry');
    expect(again.find('#outbox >>> #pending-list')).toBeUndefined();
    const added = visitsOf(householdId).slice(before);
    expect(added).toHaveLength(1);
    expect(added[0].photos).toEqual(device.uploads);
    again.unload();
  });
});

describe('a draft with photos', () => {
  it('a 随手拍 report whose photos could not go up keeps them on the phone across a restart and sends them later', async () => {
    const p = await loadPage('packages/resident/report/index', { backend, openid: 'demo-villager-1' });
    stubDevice(p, backend, { uploadFails: true });
    const phone = p.harness.phone;
    const categories = (p.page.instance as any).data.categories as { key: string }[];
    await change(
      p,
      '#category-picker',
      categories.findIndex((c) => c.key === 'clutter'),
    );
    await p.input('#description', '柴草堆在堂屋门口');
    await tap(p, '#evidence >>> #add-photo');
    await tap(p, '#report-submit');
    expect(p.text('#evidence >>> #photo-error')).toContain('2 张照片未能上传');
    expect(phone.userFiles()).toHaveLength(2);

    const again = await loadPage('packages/resident/report/index', { backend, openid: 'demo-villager-1', ...restartApp(p) });
    expect(again.page.querySelectorAll('#evidence >>> .photo')).toHaveLength(2);
    const device = stubDevice(again, backend);
    await tap(again, '#report-submit');
    expect(again.find('#report-done')).toBeDefined();
    expect(backend.docs('hazards', { description: '柴草堆在堂屋门口' })[0].photos).toEqual(device.uploads);
    expect(device.uploads).toHaveLength(2);
    expect(phone.userFiles()).toEqual([]);
    again.unload();
  });
});

describe('the phone keeps no photo nobody needs', () => {
  it('a photo removed from the form is deleted; at launch a kept photo nothing refers to is deleted, the others stay', async () => {
    const householdId = households[2];
    const form = await openVisit(householdId);
    stubDevice(form, backend);
    const phone = form.harness.phone;
    await tap(form, '#evidence >>> #add-photo');
    expect(phone.userFiles()).toHaveLength(2);
    await tap(form, '#evidence >>> .photo-remove');
    const [left] = (form.page.instance as any).data.draft.photos as { path: string }[];
    expect(phone.userFiles()).toEqual([left.path]);

    // a photo a page held only in memory when WeChat was killed (e.g. a rectification photo not yet submitted)
    const orphan = `${OUTBOX_DIR}orphan.jpg`;
    phone.putUserFile(orphan, 2000);
    const again = await openVisit(householdId, restartApp(form));
    expect(phone.userFiles()).toEqual([left.path]);
    // the draft's photo is still there and goes up with the visit
    const device = stubDevice(again, backend);
    await tap(again, '#ans-gas-ok');
    await tap(again, '#visit-submit');
    expect(again.find('#visit-done')).toBeDefined();
    expect(device.uploads).toHaveLength(1);
    expect(phone.userFiles()).toEqual([]);
    again.unload();
  });
});

describe('a photo is compressed on the phone before it is kept and uploaded', () => {
  it.each([
    ['landscape', { width: 4000, height: 3000 }, { compressedWidth: 1280 }, { width: 1280, height: 960 }],
    ['portrait', { width: 3000, height: 4000 }, { compressedHeight: 1280 }, { width: 960, height: 1280 }],
    ['already small', { width: 1000, height: 750 }, {}, { width: 1000, height: 750 }],
  ])('%s: longest side at most 1280 px, JPEG quality 60', async (_label, photoSize, resize, kept) => {
    const form = await openVisit(households[1]);
    const device = stubDevice(form, backend, { photoBytes: 40_000, photoSize });
    await tap(form, '#evidence >>> #add-photo');
    expect(device.compressions).toEqual([
      { src: expect.any(String), quality: 60, ...resize },
      { src: expect.any(String), quality: 60, ...resize },
    ]);
    const phone = form.harness.phone;
    const files = phone.userFiles();
    expect(files).toHaveLength(2);
    for (const f of files) {
      expect(phone.read(f)!.length).toBe(Math.round(40_000 * (kept.width / photoSize.width) ** 2));
    }
    form.unload();
  });

  it('keeps the photo as taken when the phone cannot compress it', async () => {
    const form = await openVisit(households[1]);
    stubDevice(form, backend, { photoBytes: 40_000, photoSize: { width: 4000, height: 3000 }, compressFails: true });
    await tap(form, '#evidence >>> #add-photo');
    const phone = form.harness.phone;
    expect(phone.userFiles().map((f) => phone.read(f)!.length)).toEqual([40_000, 40_000]);
    form.unload();
  });
});
