// Where the e2e specs run. By default: a fresh local backend with the demo township (the real emulator, in this
// process), the mini program in headless Chromium (tools/mp-runtime), and miniprogram-automator connected to its
// endpoint. With WECHAT_DEVTOOLS_CLI set (a machine with WeChat DevTools, which does not exist for Linux): the same
// specs drive DevTools through `automator.launch({ projectPath })`, against `npm start` on 127.0.0.1:8787 (README).
//
// Specs use only miniprogram-automator's API and the backend's dev API over HTTP (the clock), so they run unchanged
// in both places.
import path from 'path';
import automator from 'miniprogram-automator';
import type MiniProgram from 'miniprogram-automator/out/MiniProgram';
import type Page from 'miniprogram-automator/out/Page';
import type Element from 'miniprogram-automator/out/Element';
import { chromium } from 'playwright-core';
import { startBackend, type Backend } from '../helpers/backend';
import { startHeadlessMiniProgram, type HeadlessMiniProgram } from '../../tools/mp-runtime/node';

export type { MiniProgram, Page, Element };

export interface Session {
  mp: MiniProgram;
  /** the backend's dev API, e.g. http://127.0.0.1:8787 */
  backendUrl: string;
  /** the in-process backend (headless runs only; specs must not need it) */
  backend?: Backend;
  close(): Promise<void>;
}

export async function startSession(): Promise<Session> {
  const cli = process.env.WECHAT_DEVTOOLS_CLI;
  if (cli) {
    const mp = await automator.launch({ cliPath: cli, projectPath: path.join(__dirname, '..', '..') });
    return { mp, backendUrl: process.env.BACKEND_URL ?? 'http://127.0.0.1:8787', close: async () => mp.close() };
  }
  const backend = await startBackend({ demo: true });
  const backendUrl = `http://127.0.0.1:${backend.port}`;
  // one Chromium for the whole run (tests/e2e/browser-setup.js), or a private one when a spec runs on its own
  const shared = process.env.MP_BROWSER_WS ? await chromium.connect(process.env.MP_BROWSER_WS) : undefined;
  let app: HeadlessMiniProgram | undefined;
  try {
    app = await startHeadlessMiniProgram({ backendUrl, browser: shared, storage: { 'dev.localMode': true } });
    const mp = await automator.connect({ wsEndpoint: app.wsEndpoint });
    return {
      mp,
      backendUrl,
      backend,
      async close() {
        mp.disconnect();
        await app?.close();
        await shared?.close();
        await backend.stop();
      },
    };
  } catch (err) {
    await app?.close();
    await shared?.close();
    await backend.stop();
    throw err;
  }
}
