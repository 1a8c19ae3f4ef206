// Serves the mini program to Chromium and opens it there: an HTTP server on loopback that hands out the runtime
// bundle, the fixture photos the camera "takes", and forwards the app's backend calls (wx.request to 127.0.0.1:8787,
// wx.uploadFile, wx.cloud.callFunction) to the emulator under test. `openApp` opens one phone (a browser context with
// a device size, touch and China's time zone) on it.
import { existsSync, readFileSync } from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import path from 'path';
import { execFileSync } from 'child_process';
import { chromium, type Browser, type BrowserContext, type BrowserServer, type Page } from 'playwright-core';
import { REPO_ROOT, runtimeBundle, type RuntimeBundle } from './bundle';

export const PHOTO_DIR = path.join(REPO_ROOT, 'tests', 'fixtures', 'photos');
const BASE_CSS = path.join(__dirname, '..', 'browser', 'base.css');

export interface RuntimeServer {
  url: string;
  bundle: RuntimeBundle;
  close(): Promise<void>;
}

function html(): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no">
<title>邻里守望</title>
<style>${readFileSync(BASE_CSS, 'utf8')}</style>
<script src="/__mp/wxml.js"></script>
<script src="/__mp/wxss.js"></script>
</head>
<body>
<script src="/__mp/bundle.js"></script>
</body>
</html>`;
}

function forward(req: http.IncomingMessage, res: http.ServerResponse, backendUrl: string, target: string): void {
  const url = new URL(target, backendUrl);
  const headers: http.OutgoingHttpHeaders = {};
  for (const name of ['content-type', 'content-length', 'x-wx-openid']) if (req.headers[name]) headers[name] = req.headers[name];
  const out = http.request(url, { method: req.method, headers }, (reply) => {
    res.writeHead(reply.statusCode ?? 502, { 'content-type': reply.headers['content-type'] ?? 'application/octet-stream' });
    reply.pipe(res);
  });
  out.on('error', (err) => {
    // the backend is not there: the phone sees a failed request, as with no network
    res.destroy(err);
  });
  req.pipe(out);
}

/** Start serving the runtime; `backendUrl` is the emulator (e.g. http://127.0.0.1:8787). */
export async function startRuntimeServer(opts: { backendUrl: string; bundle?: RuntimeBundle }): Promise<RuntimeServer> {
  const bundle = opts.bundle ?? (await runtimeBundle());
  const page = html();
  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (type: string, body: string | Buffer) => {
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (u.pathname.startsWith('/__backend/')) return forward(req, res, opts.backendUrl, u.pathname.slice('/__backend'.length) + u.search);
    if (u.pathname === '/') return send('text/html; charset=utf-8', page);
    if (u.pathname === '/__mp/bundle.js') return send('text/javascript; charset=utf-8', bundle.js);
    if (u.pathname === '/__mp/wxml.js') return send('text/javascript; charset=utf-8', bundle.wxmlJs);
    if (u.pathname === '/__mp/wxss.js') return send('text/javascript; charset=utf-8', bundle.wxssJs);
    const photo = /^\/__mp\/photos\/([a-z0-9-]+\.jpg)$/.exec(u.pathname);
    if (photo && existsSync(path.join(PHOTO_DIR, photo[1]))) return send('image/jpeg', readFileSync(path.join(PHOTO_DIR, photo[1])));
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bundle,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Debian's chromium (or $CHROMIUM_PATH); playwright-core downloads no browser of its own. */
export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      const found = execFileSync('which', [name], { encoding: 'utf8' }).trim();
      if (found) return found;
    } catch {
      /* not this one */
    }
  }
  throw new Error('Chromium not found: `apt-get install -y chromium fonts-noto-cjk` (or set CHROMIUM_PATH)');
}

const LAUNCH = () => ({ executablePath: chromiumPath(), args: ['--no-sandbox', '--font-render-hinting=none'] });

export function launchBrowser(): Promise<Browser> {
  return chromium.launch(LAUNCH());
}

/** A Chromium that several processes can connect to (`chromium.connect(server.wsEndpoint())`). */
export function launchBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer(LAUNCH());
}

export interface PhoneOptions {
  /** device size in CSS px (default 375×812) */
  width?: number;
  height?: number;
  /** wx storage at launch, e.g. { 'dev.localMode': true, 'dev.demoOpenid': 'demo-office', 'ui.largeText': true } */
  storage?: Record<string, unknown>;
  /** the first page (default: app.json's first page) */
  entry?: string;
  /** the backend's virtual clock offset (ms), so the phone's clock agrees with it */
  clockOffsetMs?: number;
  deviceScaleFactor?: number;
}

export interface Phone {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Open the mini program on a phone-sized, touch-enabled page in China's time zone. */
export async function openApp(browser: Browser, server: RuntimeServer, opts: PhoneOptions = {}): Promise<Phone> {
  const width = opts.width ?? 375;
  const height = opts.height ?? 812;
  const context = await browser.newContext({
    viewport: { width, height },
    screen: { width, height },
    deviceScaleFactor: opts.deviceScaleFactor ?? 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  const launch = { storage: opts.storage ?? {}, entry: opts.entry, clockOffsetMs: opts.clockOffsetMs ?? 0 };
  await page.goto(`${server.url}/#${encodeURIComponent(JSON.stringify(launch))}`);
  await page.waitForFunction(() => (globalThis as any).__mpReady === true || ((globalThis as any).__mpErrors ?? []).length > 0);
  const errors = (await page.evaluate(() => (globalThis as any).__mpErrors ?? [])) as string[];
  if (errors.length) throw new Error(`the mini program failed to start:\n${errors.join('\n')}`);
  return { context, page, close: () => context.close() };
}
