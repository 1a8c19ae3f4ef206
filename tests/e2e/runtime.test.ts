// The headless runtime itself, through the automator endpoint: WXSS at the device width, the page stack, refusing a
// tap a finger could not make, modals, and a wx API the runtime does not provide.
import automator from 'miniprogram-automator';
import { chromium } from 'playwright-core';
import { startBackend, type Backend } from '../helpers/backend';
import { launchBrowser, startHeadlessMiniProgram, type HeadlessMiniProgram } from '../../tools/mp-runtime/node';
import type { MiniProgram } from './harness';
import { actAs, element, onPage, seeText, tap } from './steps';

let backend: Backend;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
const opened: HeadlessMiniProgram[] = [];

async function phone(width: number): Promise<MiniProgram> {
  const app = await startHeadlessMiniProgram({ backendUrl: `http://127.0.0.1:${backend.port}`, browser, width, height: 640 });
  opened.push(app);
  return automator.connect({ wsEndpoint: app.wsEndpoint });
}

beforeAll(async () => {
  backend = await startBackend({ demo: true });
  browser = process.env.MP_BROWSER_WS ? await chromium.connect(process.env.MP_BROWSER_WS) : await launchBrowser();
}, 120000);
afterAll(async () => {
  for (const app of opened) await app.close();
  await browser?.close();
  await backend?.stop();
});

test('rpx are converted at the device width with WeChat rounding (32rpx: 15 px at 360, 16 px at 375)', async () => {
  for (const [width, px] of [
    [360, '15px'],
    [375, '16px'],
  ] as const) {
    const mp = await phone(width);
    const home = await actAs(mp, 'demo-office');
    expect(await (await element(home, '.card')).style('padding-top')).toBe(px);
    mp.disconnect();
  }
}, 60000);

test('page stack, a hidden element refused, a modal answered, an unknown wx API named', async () => {
  const mp = await phone(375);
  const home = await actAs(mp, 'demo-villager-1');
  await tap(home, '#shortcut-hazards');
  const report = await onPage(mp, 'packages/resident/hazards/index');
  expect((await mp.pageStack()).map((p) => p.path)).toEqual(['pages/home/index', 'packages/resident/hazards/index']);

  // the home page is still in the stack but not on screen: a finger cannot reach it
  await expect((await home.$('#shortcut-hazards'))!.tap()).rejects.toThrow(/not visible/);

  await mp.callWxMethod('navigateBack', {});
  await onPage(mp, 'pages/home/index');
  expect((await mp.pageStack()).length).toBe(1);
  expect(report.path).toBe('packages/resident/hazards/index');

  await mp.evaluate(() => {
    (globalThis as any).wx.showModal({ title: '确认', success: (r: unknown) => ((globalThis as any).answer = r) });
  });
  await mp.native().confirmModal();
  expect(await mp.evaluate(() => (globalThis as any).answer)).toMatchObject({ confirm: true, cancel: false });

  await expect(mp.callWxMethod('getBLEDeviceServices', {})).rejects.toThrow(/not available in the headless runtime/);
}, 60000);

test('page data, setData and callMethod; element text, attribute and wxml; a screenshot', async () => {
  const mp = await phone(375);
  const home = await actAs(mp, 'demo-office');
  await element(home, '#person-name');
  expect(await home.data('name')).toBe('刘晓东');
  await home.setData({ name: '测试姓名' });
  expect(await (await element(home, '#person-name')).text()).toBe('测试姓名');
  await home.callMethod('onRetry');
  await seeText(home, '#person-name', '刘晓东');
  const name = await element(home, '#person-name');
  expect(await name.attribute('class')).toContain('t-title');
  expect(await name.outerWxml()).toMatch(/^<view id="person-name" class="t-title">刘晓东<\/view>$/);
  const png = Buffer.from(String(await mp.screenshot()), 'base64');
  expect(png.subarray(1, 4).toString()).toBe('PNG');
}, 60000);
