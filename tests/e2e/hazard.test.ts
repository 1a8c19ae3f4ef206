// A villager reports a hazard with a photo → the household's visitor verifies it on a re-visit → the villager sees it
// verified. Driven through miniprogram-automator: taps, typing and picker choices on the rendered pages.
import { startSession, type Session } from './harness';
import { actAs, openRole, element, onPage, pick, seeText, setClock, tap, tapText, type, withText } from './steps';

const DESCRIPTION = '楼道里给电动车充电，插线板在柴堆旁';
let s: Session;

beforeAll(async () => {
  s = await startSession();
}, 120000);
afterAll(() => s?.close());

test('villager reports with a photo → visitor verifies on a re-visit → villager sees it verified', async () => {
  const { mp } = s;
  await setClock(s.backendUrl, '2026-12-09T10:00:00+08:00');

  // 村民 夏光辉: the home page's one 隐患 entry, then 随手拍
  const home = await actAs(mp, 'demo-villager-1');
  await tap(home, '#shortcut-hazards');
  const hub = await onPage(mp, 'packages/resident/hazards/index');
  await tap(hub, '#entry-report');
  const report = await onPage(mp, 'packages/resident/report/index');
  await pick(report, '#category-picker', '电动车充电');
  await type(report, '#description', DESCRIPTION);
  await tap(report, ['#evidence', '#add-photo']);
  await seeText(report, ['#evidence', '.field-label'], '已选 2 张');
  await tap(report, '#report-submit');
  await seeText(report, '#report-done', '已上报');

  // 走访人 向建军 re-visits the household three days later, then verifies the rectification with a photo
  await setClock(s.backendUrl, '2026-12-12T10:00:00+08:00');
  const visitorHome = await actAs(mp, 'demo-visitor-1');
  await openRole(visitorHome, '走访人');
  const households = await onPage(mp, 'packages/visitor/households/index');
  await tapText(households, '.household-row', '三江村一组5号');
  const form = await onPage(mp, 'packages/visitor/visit/index');
  await tap(form, '#ans-electricalWiring-ok');
  await tap(form, '#ans-ebikeCharging-ok');
  await tap(form, '#visit-submit');
  await element(form, '#visit-done');
  await tap(form, '#done-hazards');
  const duties = await onPage(mp, 'packages/visitor/hazards/index');
  const row = await withText(duties, '.hazard-row', DESCRIPTION);
  await (await withText(row, '.btn', '核实整改情况')).tap();
  await tap(duties, '#rectified-yes');
  await tap(duties, '#verify-photo');
  await tap(duties, '#verify-submit');
  await seeText(duties, '#hazards-summary', '待复查隐患');

  // the villager sees it verified in 我上报的隐患
  const back = await actAs(mp, 'demo-villager-1');
  await tap(back, '#shortcut-hazards');
  await tap(await onPage(mp, 'packages/resident/hazards/index'), '#entry-mine');
  const mine = await onPage(mp, 'packages/resident/mine/index');
  const seen = await (await withText(mine, '.report-row', DESCRIPTION)).text();
  expect(seen).toContain('已核实整改到位');
  expect(seen).toContain('照片 2 张');
}, 180000);
