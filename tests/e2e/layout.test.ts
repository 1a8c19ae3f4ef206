// The gallery's layout checks on every page, kept by `npm test` (the gallery itself takes minutes): each registered
// page, as the first demo role that can open it, in large-text mode on the narrow 360×640 phone, has no horizontal
// overflow and no tap target under 44 CSS px. `npm run gallery` checks every role, both modes and both sizes.
import { startBackend, type Backend } from '../helpers/backend';
import { chromium, type Browser } from 'playwright-core';
import { launchBrowser, openApp, runtimeBundle, startRuntimeServer } from '../../tools/mp-runtime/node';
import { auditTop, openAs, playDemo, ROLES } from '../../tools/mp-runtime/node/gallery';

let backend: Backend;
let browser: Browser;

beforeAll(async () => {
  backend = await startBackend({ demo: true });
  await playDemo(backend);
  browser = process.env.MP_BROWSER_WS ? await chromium.connect(process.env.MP_BROWSER_WS) : await launchBrowser();
}, 120000);
afterAll(async () => {
  await browser?.close();
  await backend?.stop();
});

test('every page in large-text mode at 360×640: no horizontal overflow, no tap target under 44 px', async () => {
  const server = await startRuntimeServer({ backendUrl: `http://127.0.0.1:${backend.port}`, bundle: await runtimeBundle() });
  const phone = await openApp(browser, server, {
    width: 360,
    height: 640,
    clockOffsetMs: backend.emulator.clock.offset,
    deviceScaleFactor: 1,
  });
  const findings: string[] = [];
  const unopened: string[] = [];
  try {
    for (const route of server.bundle.manifest.pages) {
      const who = await ROLES.reduce<Promise<string | null>>(
        async (found, r) => (await found) ?? ((await openAs(phone.page, r.openid, true, route)) ? r.role : null),
        Promise.resolve(null),
      );
      if (!who) {
        unopened.push(route);
        continue;
      }
      const { overflow, smallTargets } = await auditTop(phone.page);
      for (const f of [...overflow, ...smallTargets]) findings.push(`${route} (${who}): ${f}`);
    }
  } finally {
    await phone.close();
    await server.close();
  }
  expect(unopened).toEqual([]);
  expect(findings).toEqual([]);
}, 180000);
