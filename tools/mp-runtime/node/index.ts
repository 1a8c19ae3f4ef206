// The headless mini program in one call: serve the runtime, open the app in Chromium as a phone, and expose the
// automator endpoint. `wsEndpoint` is what `automator.connect({ wsEndpoint })` takes.
import type { Browser } from 'playwright-core';
import { startAutomatorEndpoint } from './automator';
import { launchBrowser, openApp, startRuntimeServer, type Phone, type PhoneOptions } from './server';

export { launchBrowser, openApp, startRuntimeServer, chromiumPath } from './server';
export { waitIdle } from './automator';
export { readManifest, runtimeBundle } from './bundle';

export interface HeadlessMiniProgram {
  wsEndpoint: string;
  phone: Phone;
  close(): Promise<void>;
}

/** The emulator's clock offset, read over its dev API (GET /_clock). */
export async function backendClockOffset(backendUrl: string): Promise<number> {
  const res = await fetch(`${backendUrl}/_clock`);
  return ((await res.json()) as { offsetMs: number }).offsetMs;
}

export async function startHeadlessMiniProgram(
  opts: PhoneOptions & { backendUrl: string; browser?: Browser },
): Promise<HeadlessMiniProgram> {
  const server = await startRuntimeServer({ backendUrl: opts.backendUrl });
  const browser = opts.browser ?? (await launchBrowser());
  const clock = () => backendClockOffset(opts.backendUrl);
  const phone = await openApp(browser, server, { ...opts, clockOffsetMs: await clock() });
  const endpoint = await startAutomatorEndpoint(phone.page, { clockOffsetMs: clock });
  return {
    wsEndpoint: endpoint.wsEndpoint,
    phone,
    async close() {
      await endpoint.close();
      await phone.close();
      if (!opts.browser) await browser.close();
      await server.close();
    },
  };
}
