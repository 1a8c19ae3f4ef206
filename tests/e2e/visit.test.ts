// A visitor knocks on a door: the checklist, the household's card QR as proof, photos; the phone has no network at
// the door, so the visit waits on the phone and goes when the network returns; then the visitor sees the count.
// Driven through miniprogram-automator: taps and typing on the rendered pages; the card QR is read off the villager's
// own 明白卡 page, as the visitor's camera would read it off the door.
import { decodeQrCode } from 'miniprogram-automator/out/util';
import { startSession, type Session } from './harness';
import { actAs, openRole, element, network, onPage, seeText, setClock, rowInPages, tap, tapText } from './steps';

let s: Session;

beforeAll(async () => {
  s = await startSession();
}, 120000);
afterAll(() => s?.close());

test('visitor records a knock visit with checklist, card QR and photos offline, sends it online and sees the count', async () => {
  const { mp } = s;
  await setClock(s.backendUrl, '2026-12-09T10:00:00+08:00');

  // the card on the door: the villager's 明白卡 page shows the household's QR
  const villager = await actAs(mp, 'demo-villager-1');
  await openRole(villager, '村民');
  const household = await onPage(mp, 'packages/villager/household/index');
  await tapText(household, '.tap-row', '明白卡');
  const card = await onPage(mp, 'packages/villager/card/index');
  const qrUrl = String(await (await element(card, '#card-qr')).attribute('src'));
  const qr = Buffer.from(await (await fetch(qrUrl)).arrayBuffer()).toString('base64');
  const scanned = String(await decodeQrCode(qr));
  expect(scanned).toMatch(/scene=/);

  const home = await actAs(mp, 'demo-visitor-1');
  await openRole(home, '走访人');
  const households = await onPage(mp, 'packages/visitor/households/index');
  await tapText(households, '.household-row', '三江村一组5号');
  const form = await onPage(mp, 'packages/visitor/visit/index');

  // the checklist: every item looked at and found in order
  const items = await form.$$('.item');
  expect(items.length).toBeGreaterThan(5);
  for (const item of items) await (await item.$('.answer')).tap();
  await tap(form, '#edu-notice');
  await tap(form, '#edu-sqsg');
  await tap(form, ['#evidence', '#add-photo']);
  await seeText(form, ['#evidence', '.field-label'], '已选 2 张');
  await mp.mockWxMethod('scanCode', { errMsg: 'scanCode:ok', scanType: 'WX_CODE', charSet: 'utf-8', path: scanned, result: '' });
  await tap(form, '#scan-card');
  await element(form, '#proof-text');

  // no network at the door: the photos cannot go, the visit stays on the phone with its time
  await network(mp, false);
  await tap(form, '#visit-submit');
  await seeText(form, ['#evidence', '#photo-error'], '张');

  // back in coverage: submit again, the photos and the visit go once
  await network(mp, true);
  await tap(form, '#visit-submit');
  const note = await seeText(form, '#count-note', '已计入');
  expect(note).toContain('2026年12月');

  // the household list shows the count (opened afresh: going back does not reload it, see the README's findings)
  const again = await actAs(mp, 'demo-visitor-1');
  await openRole(again, '走访人');
  const list = await onPage(mp, 'packages/visitor/households/index');
  expect(await (await rowInPages(list, '#households-pager', '.household-row', '三江村一组5号')).text()).toContain('本期 1/2 次');
}, 180000);
