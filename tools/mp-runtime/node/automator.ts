// The automator endpoint: a WebSocket server speaking the JSON protocol miniprogram-automator's MiniProgram, Page and
// Element classes send to WeChat DevTools ({id, method, params} → {id, result} | {id, error: {message}}), answered by
// the mini program running in Chromium. So `automator.connect({ wsEndpoint })` drives the headless runtime.
//
// Taps are real touches: the element is scrolled into view, refused when hidden or covered, and touched at its centre
// through Chromium's touch input (j-component turns touchstart/touchend into `tap`, as WeChat does). `input()` focuses
// the field and types through the keyboard. Every command answers once the app is idle again (no request, upload or
// navigation in flight), so specs read what a person would see after the action.
import type { AddressInfo } from 'net';
import type { Page } from 'playwright-core';
import { WebSocketServer, type WebSocket } from 'ws';

type Json = Record<string, any>;

export interface AutomatorEndpoint {
  wsEndpoint: string;
  close(): Promise<void>;
}

export interface EndpointOptions {
  /** the backend clock's offset from real time, read before each command so the phone's clock follows the emulator */
  clockOffsetMs?: () => Promise<number>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Commands that only look: they neither need the clock synced first nor wait for the app to settle after. */
const READS = new Set([
  'App.getCurrentPage',
  'App.getPageStack',
  'App.captureScreenshot',
  'Page.getElement',
  'Page.getElements',
  'Page.getData',
  'Page.getWindowProperties',
  'Element.getElement',
  'Element.getElements',
  'Element.getDOMProperties',
  'Element.getAttributes',
  'Element.getProperties',
  'Element.getStyles',
  'Element.getOffset',
  'Element.getWXML',
  'Element.getData',
]);

/** Wait until nothing is in flight for two looks in a row (a tap's request may start a moment after the tap). */
export async function waitIdle(page: Page, timeoutMs = 20000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let quiet = 0;
  while (quiet < 2) {
    if (Date.now() > until) throw new Error('the mini program did not become idle (a request or navigation is still running)');
    await sleep(25);
    const idle = await page.evaluate(() => (globalThis as any).__mpAutomation.idle() as boolean);
    quiet = idle ? quiet + 1 : 0;
  }
}

async function handle(page: Page, method: string, params: Json): Promise<unknown> {
  const call = <T>(fn: string, ...args: unknown[]) =>
    page.evaluate(([f, a]) => (globalThis as any).__mpAutomation[f as string](...(a as unknown[])), [fn, args] as const) as Promise<T>;
  switch (method) {
    case 'App.captureScreenshot':
      return { data: (await page.screenshot({ type: 'png' })).toString('base64') };
    case 'Tool.close':
      return {};
    case 'Element.tap': {
      const at = await call<{ x: number; y: number }>('tapPoint', params.elementId);
      await page.touchscreen.tap(at.x, at.y);
      return {};
    }
    case 'Element.callFunction': {
      const [value] = (params.args ?? []) as unknown[];
      if (params.functionName === 'input.input' || params.functionName === 'textarea.input') {
        await call('focusField', params.elementId);
        if (String(value ?? '') === '') await page.keyboard.press('Backspace');
        else await page.keyboard.insertText(String(value));
        return {};
      }
      if (params.functionName === 'switch.tap') return handle(page, 'Element.tap', params);
      throw new Error(`Element.callFunction ${params.functionName} is not supported by the headless runtime`);
    }
    default:
      return call('handle', method, params);
  }
}

/** Serve the automator protocol for one opened app (see server.ts `openApp`). */
export async function startAutomatorEndpoint(page: Page, opts: EndpointOptions = {}): Promise<AutomatorEndpoint> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const sockets = new Set<WebSocket>();
  // one command at a time, in order, as DevTools runs them
  let queue: Promise<unknown> = Promise.resolve();
  page.on('console', (msg) => {
    const event = JSON.stringify({ method: 'App.logAdded', params: { type: msg.type(), args: [msg.text()] } });
    for (const s of sockets) s.send(event);
  });
  page.on('pageerror', (err) => {
    const event = JSON.stringify({ method: 'App.exceptionThrown', params: { message: err.message, stack: err.stack } });
    for (const s of sockets) s.send(event);
  });
  wss.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('message', (raw) => {
      let msg: Json;
      try {
        msg = JSON.parse(String(raw)) as Json;
      } catch {
        return;
      }
      queue = queue.then(async () => {
        let reply: Json;
        try {
          const acts = !READS.has(String(msg.method)) && !String(msg.method).startsWith('Tool.');
          if (acts && opts.clockOffsetMs) {
            const offset = await opts.clockOffsetMs();
            await page.evaluate((ms) => (globalThis as any).__mpAutomation.setClockOffset(ms), offset);
          }
          const result = await handle(page, String(msg.method), (msg.params ?? {}) as Json);
          if (acts) await waitIdle(page);
          reply = { id: msg.id, result: result ?? {} };
        } catch (err) {
          // the browser's message without playwright's prefix and the in-page stack
          const message = (err as Error).message.replace(/^page\.evaluate: (\w*Error: )?/, '').split('\n')[0];
          reply = { id: msg.id, error: { message } };
        }
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(reply));
      });
    });
  });
  const { port } = wss.address() as AddressInfo;
  return {
    wsEndpoint: `ws://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.terminate();
        wss.close(() => resolve());
      }),
  };
}
