// The accountability chain (SPEC §4) through the pages: December closes with visitors short of their visits, the
// township office reviews the draft notice and publishes it; the remedy window passes, the discipline office
// schedules, records and closes an interview. The clock moves and the hourly ladder runs through the backend's dev API
// (as `npm start` serves it); everything a person does is a tap or typing on the rendered pages.
import { startSession, type Session } from './harness';
import { actAs, element, onPage, openRole, seeText, setClock, tap, type, withText } from './steps';

let s: Session;

beforeAll(async () => {
  s = await startSession();
}, 120000);
afterAll(() => s?.close());

test('the office publishes the period notice; the discipline office schedules, records and closes an interview', async () => {
  const { mp } = s;
  // December 2026 has ended and its 48-hour window for offline visits is over: the ladder drafts the notice
  await setClock(s.backendUrl, '2027-01-03T00:05:00+08:00');
  await setClock(s.backendUrl, '2027-01-04T10:00:00+08:00');

  const office = await actAs(mp, 'demo-office');
  await openRole(office, '镇领导小组办公室');
  const dashboard = await onPage(mp, 'packages/office/dashboard/index');
  await tap(dashboard, '#nav-notices');
  const notices = await onPage(mp, 'packages/office/notices/index');
  await (await withText(notices, '.notice-row', '草稿')).tap();
  await element(notices, '#notice-lines');
  await tap(notices, '#publish');
  await mp.native().confirmModal();
  await seeText(notices, '.notice-row', '刚刚发布');
  expect(await notices.$('#publish')).toBeNull();

  // the remedy window (7 days after publication) passes: whoever is still short is referred for an interview
  await setClock(s.backendUrl, '2027-01-12T00:05:00+08:00');
  await setClock(s.backendUrl, '2027-01-12T09:00:00+08:00');

  const discipline = await actAs(mp, 'demo-discipline');
  await openRole(discipline, '镇纪委');
  const cases = await onPage(mp, 'packages/discipline/cases/index');
  await tap(cases, '#tab-interview');
  const [first] = await cases.$$('.case-row');
  expect(first).toBeDefined();
  await first.tap();
  const kase = await onPage(mp, 'packages/discipline/case/index');
  await element(kase, '#schedule-form');
  await (await element(kase, '#schedule-day')).trigger('change', { value: '2027-01-15' });
  await (await element(kase, '#schedule-time')).trigger('change', { value: '09:30' });
  await type(kase, '#schedule-place', '镇纪委谈话室');
  await tap(kase, '#schedule-submit');
  await seeText(kase, '#interview', '镇纪委谈话室');

  await setClock(s.backendUrl, '2027-01-15T11:00:00+08:00');
  await type(kase, '#record-outcome', '走访人说明了12月未按时入户的原因，承认工作疏忽。');
  await type(kase, '#record-conclusion', '批评教育，限期补齐');
  await tap(kase, '#record-submit');
  await seeText(kase, '#interview-conclusion', '批评教育，限期补齐');

  await tap(kase, '#close-submit');
  await seeText(kase, '#case-status', '已结案');
}, 180000);
