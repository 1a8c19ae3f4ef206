// A grid leader confirms the week's contacts (one household while the phone has no network, sent when it returns)
// and files the week's risk report. Driven through miniprogram-automator: taps on the rendered pages.
import { startSession, type Session } from './harness';
import { actAs, openRole, element, network, onPage, seeText, setClock, tap, withText } from './steps';

let s: Session;

beforeAll(async () => {
  s = await startSession();
}, 120000);
afterAll(() => s?.close());

test('grid leader confirms every household (one offline, sent when the network returns) and files the risk report', async () => {
  const { mp } = s;
  await setClock(s.backendUrl, '2026-12-09T10:00:00+08:00');

  const home = await actAs(mp, 'demo-leader-1');
  await openRole(home, '网格长');
  const board = await onPage(mp, 'packages/leader/board/index');
  await seeText(board, '#week-progress', '已联络 0/');
  const rows = await board.$$('.contact-row');
  expect(rows.length).toBeGreaterThanOrEqual(5);

  // every household but the last by phone, with network
  for (const row of rows.slice(0, -1)) await (await withText(row, '.method-btn', '电话')).tap();
  await seeText(board, '#week-progress', `已联络 ${rows.length - 1}/${rows.length}`);

  // the last one in a dead spot: kept on the phone as 待上传
  await network(mp, false);
  await (await withText(rows[rows.length - 1], '.method-btn', '上门')).tap();
  await seeText(board, '#pending-banner', '有 1 条记录待上传');
  expect(await rows[rows.length - 1].text()).toContain('待上传');

  // back in coverage: 立即上传 sends it once
  await network(mp, true);
  await tap(board, '#flush');
  await seeText(board, '#week-progress', `已联络 ${rows.length}/${rows.length}`);
  expect(await board.$('#pending-banner')).toBeNull();

  // the week's risk report: nothing to report this week
  await tap(board, '#go-report');
  const report = await onPage(mp, 'packages/leader/report/index');
  await tap(report, '#no-risk');
  await element(report, '#done');

  const again = await actAs(mp, 'demo-leader-1');
  await openRole(again, '网格长');
  const after = await onPage(mp, 'packages/leader/board/index');
  await seeText(after, '#week-progress', '风险上报：已上报');
  await seeText(after, '#week-status', '本周已完成');
}, 180000);
