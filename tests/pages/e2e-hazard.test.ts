// End to end through the pages: a villager reports a hazard with photos, the household's visitor re-visits and
// verifies the rectification, and the villager sees the status change in "my reports".
import { startBackend, type Backend } from '../helpers/backend';
import { loadPage } from '../helpers/miniprogram';
import { change, stubDevice, tap } from '../helpers/device';

let backend: Backend;
const VILLAGER = 'demo-villager-1';
const VISITOR = 'demo-visitor-1';
const HOUSEHOLD = 'demo-hh-1-1-02';

beforeAll(async () => {
  backend = await startBackend({ demo: true });
});
afterAll(() => backend.stop());

test('villager reports with photos → visitor verifies on a re-visit → the villager sees it verified', async () => {
  backend.setClock('2026-12-09T10:00:00+08:00');
  const report = await loadPage('packages/resident/report/index', { backend, openid: VILLAGER });
  const device = stubDevice(report, backend);
  const categories = report.page.instance.data.categories as { key: string }[];
  await change(
    report,
    '#category-picker',
    categories.findIndex((c) => c.key === 'ebikeCharging'),
  );
  await report.input('#description', '楼道里给电动车充电，插线板在柴堆旁');
  await tap(report, '#evidence >>> #add-photo');
  await tap(report, '#report-submit');
  expect(report.text('#form-error')).toBe('');
  report.unload();
  const [hazard] = backend.docs('hazards', { householdId: HOUSEHOLD, description: '楼道里给电动车充电，插线板在柴堆旁' });
  expect(hazard).toMatchObject({ source: 'villager', photos: device.uploads, status: 'open' });
  expect(device.uploads).toHaveLength(2);

  const before = await loadPage('packages/resident/mine/index', { backend, openid: VILLAGER });
  expect(before.text(`#report-${hazard._id}`)).toContain('待整改');
  before.unload();

  // the visitor re-visits the household (the visit form), then verifies from the hazards page with a photo
  backend.setClock('2026-12-12T10:00:00+08:00');
  const form = await loadPage('packages/visitor/visit/index', {
    backend,
    openid: VISITOR,
    query: { householdId: HOUSEHOLD, address: encodeURIComponent('三江村一组') },
  });
  stubDevice(form, backend);
  for (const key of ['electricalWiring', 'ebikeCharging']) await tap(form, `#ans-${key}-ok`);
  await tap(form, '#visit-submit');
  expect(form.find('#visit-done')).toBeDefined();
  const storage = Object.fromEntries(form.harness.storage);
  form.unload();
  const duties = await loadPage('packages/visitor/hazards/index', { backend, openid: VISITOR, storage });
  stubDevice(duties, backend);
  expect(duties.find(`#hazard-${hazard._id}`)).toBeDefined();
  await tap(duties, `#verify-${hazard._id}`);
  await tap(duties, '#rectified-yes');
  await tap(duties, '#verify-photo');
  await tap(duties, '#verify-submit');
  duties.unload();
  expect(backend.docs('hazards', { _id: hazard._id })[0].status).toBe('verified');

  const after = await loadPage('packages/resident/mine/index', { backend, openid: VILLAGER });
  expect(after.text(`#report-${hazard._id}`)).toContain('已核实整改到位');
  after.unload();
});
