// Renders real mini-program pages in jest (jsdom) with miniprogram-simulate, their cloud calls answered by the real
// function runner and emulator (tests/helpers/backend.ts). Page tests use `loadPage`; nothing here fakes a function.
//
// How a page gets loaded:
// - `simulate.load(<abs path without extension>, { rootPath: miniprogram/ })` reads the page's .json/.wxml/.wxss,
//   compiles the templates with WeChat's own wcc (miniprogram-compiler, the "official" compiler; the whole
//   miniprogram/ tree is compiled once and cached) and registers every `usingComponents` entry that has a .json file.
// - It then `require`s the page's script by that path; jest resolves it to index.ts (moduleFileExtensions puts ts
//   first) and ts-jest transpiles it together with the services it imports. The script calls `Component({...})`,
//   which simulate defines globally to register the definition with j-component.
// - Pages are written with `Component()` (WeChat's page-as-component form: lifetimes such as onLoad live in
//   `methods`). A page written with `Page({...})` also works: `global.Page` converts it to a component definition.
// - jest cannot evict a module from its registry (simulate's `delete require.cache[...]` is a no-op there), so each
//   load runs inside `jest.isolateModules`: the page script executes afresh and registers itself again.
// - simulate calls neither onLoad nor onShow; `loadPage` does, with the query you pass.
// - `wx`, `getApp` and `getCurrentPages` come from here: app.ts is executed (its `App({...})` captured, onLaunch run),
//   storage is an in-memory map, toasts/modals/navigation are recorded, and `wx.cloud.callFunction` goes to
//   `backend.call(name, data, openid)`; in local mode `wx.request` goes to the emulator's dev API over loopback.
//   wx.getFileSystemManager() and wx.env.USER_DATA_PATH are those of a simulated phone (tests/helpers/phone.ts: real
//   files in a temp dir, a quota, a restart that drops temporary files); pass the same `phone` (and the storage) to a
//   later loadPage to open the app again on the same phone (tests/helpers/device.ts `restartApp`).
// A page test that starts a backend runs in tests/pages/backend-environment.ts (jsdom + the Node globals the
// in-process emulator needs): put `/** @jest-environment ./tests/pages/backend-environment.ts */` at its top.
// Reach into a child component with `>>>` (exparser's cross-shadow selector): '#join-form >>> #invite-code'.
// Page scaffolding: pages mix in miniprogram/behaviors/ (`Behavior()` is simulate's global, registered with j-component;
// a behavior's onLoad in `methods` is the page's unless the page defines its own) and use miniprogram/components/ by
// absolute `usingComponents` paths ('/components/page-state/index', resolved against rootPath). The loading/error box,
// pager, photos/location and 待上传 panel are inside those components: '#cases-state >>> #state-error',
// '#page-pager >>> #pager-next', '#evidence >>> #add-photo', '#outbox >>> #pending-retry'.
// Limits: extended-lib components (`weui-miniprogram/...` via useExtendedLib) have no files here, so a page that
// uses them would need a local stub component; keep shell pages on plain WXML + app.wxss classes.
import path from 'path';
import http from 'http';
import simulate from 'miniprogram-simulate';
import type { Backend } from './backend';
import { Phone, USER_DATA_PATH } from './phone';

export const MINIPROGRAM_ROOT = path.join(__dirname, '..', '..', 'miniprogram');

type AnyFn = (...args: any[]) => any;
type Json = Record<string, any>;

export interface LoadPageOptions {
  backend: Backend;
  /** the caller's OPENID; null or omitted = anonymous */
  openid?: string | null;
  /** onLoad query, e.g. { scene: 'i%3DAB23CD45' } */
  query?: Record<string, string>;
  envVersion?: 'develop' | 'trial' | 'release';
  /** wx storage before the app launches, e.g. { 'dev.localMode': true, 'dev.demoOpenid': 'demo-office' } */
  storage?: Record<string, unknown>;
  /** start without network (every call fails until `harness.offline = false`) */
  offline?: boolean;
  /** folder the page path is relative to (default miniprogram/; tests of this helper use fixtures) */
  root?: string;
  /** the phone's files (default: a fresh phone) */
  phone?: Phone;
}

export interface Harness {
  backend: Backend;
  openid: string | null;
  storage: Map<string, unknown>;
  /** the phone's file system (wx.getFileSystemManager, wx.env.USER_DATA_PATH) */
  phone: Phone;
  toasts: { title: string; icon?: string }[];
  modals: { title?: string; content?: string }[];
  /** urls passed to navigateTo / redirectTo / reLaunch / switchTab */
  navigations: string[];
  /** cloud calls made, in order */
  calls: { name: string; data: Json; via: 'cloud' | 'devApi' }[];
  /** when true every call fails as if the phone had no network */
  offline: boolean;
  /** text last put on the clipboard */
  clipboard?: string;
  /** files wx.downloadFile fetched (from the emulator's temporary links), by the temp path it answered */
  downloads: Map<string, { url: string; statusCode: number; data: Buffer }>;
  /** documents the page opened with wx.openDocument */
  documents: { filePath: string; fileType?: string }[];
  /** what wx.scanCode answers next (undefined = the user cancels) */
  scanResult?: { path?: string; result?: string };
  /**
   * setData calls made by the page and the components it renders (recorded by `loadPage`): how many, and the largest
   * single payload as JSON.stringify(data).length with the keys it set. The product's budget is 64 KB per setData.
   */
  setData: SetDataRecord;
}

export interface SetDataRecord {
  count: number;
  /** JSON.stringify(data).length of the largest single setData */
  largest: number;
  /** the keys of that largest setData */
  largestKeys: string[];
}

export interface LoadedPage {
  page: ReturnType<typeof simulate.render>;
  harness: Harness;
  /** wait until no cloud call is in flight and the resulting setData calls have run */
  idle(): Promise<void>;
  /** text of an element or '' when absent; reach into a child component with `>>>`: '#join-form >>> #join-error' */
  text(selector: string): string;
  /** the element (a j-component node), or undefined; `>>>` crosses into child components */
  find(selector: string): ReturnType<ReturnType<typeof simulate.render>['querySelector']>;
  tap(selector: string): Promise<void>;
  input(selector: string, value: string): Promise<void>;
  /** the page's visible text, for "shows X" assertions */
  allText(): string;
  /** elements in the rendered tree (the page, its WXML elements and those of the components it renders; no text nodes, no <block>) */
  nodeCount(): number;
  unload(): void;
}

const inflight = new Set<Promise<unknown>>();

function track<T>(p: Promise<T>): Promise<T> {
  inflight.add(p);
  const done = () => inflight.delete(p);
  p.then(done, done);
  return p;
}

async function settle(): Promise<void> {
  for (let round = 0; round < 50; round++) {
    await simulate.sleep(0);
    if (inflight.size === 0) {
      await simulate.sleep(0);
      if (inflight.size === 0) return;
    }
    await Promise.allSettled([...inflight]);
  }
  throw new Error('page did not settle: cloud calls kept coming');
}

/** Page({...}) → the equivalent Component({...}) definition: handlers and lifetimes move into methods. */
function pageAsComponent(options: Json): Json {
  const { data, options: compOptions, behaviors, ...rest } = options;
  const methods: Record<string, AnyFn> = {};
  const extra: Json = {};
  for (const [key, value] of Object.entries(rest)) {
    if (typeof value === 'function') methods[key] = value;
    else extra[key] = value;
  }
  return { data, options: compOptions, behaviors: behaviors ?? [], methods, ...extra };
}

function callbackStyle<T>(promise: Promise<T>, opts: Json): Promise<T> {
  promise.then(
    (res) => {
      opts.success?.(res);
      opts.complete?.(res);
    },
    (err) => {
      opts.fail?.(err);
      opts.complete?.(err);
    },
  );
  return promise;
}

function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<{ statusCode: number; data: unknown }> {
  return new Promise((resolve, reject) => {
    const payload = Buffer.from(JSON.stringify(body ?? {}));
    const req = http.request(
      url,
      { method: 'POST', headers: { ...headers, 'content-length': String(payload.length) }, timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let data: unknown = text;
          try {
            data = JSON.parse(text);
          } catch {
            /* wx.request hands over non-JSON bodies as text, so do we */
          }
          resolve({ statusCode: res.statusCode ?? 0, data });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(payload);
  });
}

function getBytes(url: string): Promise<{ statusCode: number; data: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ statusCode: res.statusCode ?? 0, data: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

/** Install the wx APIs the client uses, backed by the real backend. Exposed for tests of services without a page. */
export function installWx(opts: LoadPageOptions): Harness {
  const harness: Harness = {
    backend: opts.backend,
    openid: opts.openid ?? null,
    storage: new Map(Object.entries(opts.storage ?? {})),
    phone: opts.phone ?? new Phone(),
    toasts: [],
    modals: [],
    navigations: [],
    calls: [],
    offline: opts.offline ?? false,
    setData: { count: 0, largest: 0, largestKeys: [] },
    downloads: new Map(),
    documents: [],
  };
  const g = global as any;
  const wx = g.wx as Json;
  const envVersion = opts.envVersion ?? 'develop';

  wx.getAccountInfoSync = () => ({ miniProgram: { appId: 'touristappid', envVersion, version: '' }, plugin: {} });
  wx.getStorageSync = (key: string) => (harness.storage.has(key) ? harness.storage.get(key) : '');
  wx.setStorageSync = (key: string, value: unknown) => void harness.storage.set(key, value);
  wx.removeStorageSync = (key: string) => void harness.storage.delete(key);
  wx.clearStorageSync = () => harness.storage.clear();
  wx.getStorageInfoSync = () => ({
    keys: [...harness.storage.keys()],
    currentSize: Math.ceil(JSON.stringify([...harness.storage]).length / 1024),
    limitSize: 10240,
  });
  wx.env = { USER_DATA_PATH };
  const fileSystem = harness.phone.fileSystemManager();
  wx.getFileSystemManager = () => fileSystem;
  wx.getImageInfo = (o: unknown) => harness.phone.getImageInfo(o);
  wx.compressImage = (o: unknown) => harness.phone.compressImage(o);
  wx.showToast = (o: Json) =>
    callbackStyle(Promise.resolve({ errMsg: 'showToast:ok' }), (harness.toasts.push({ title: o.title, icon: o.icon }), o));
  wx.showModal = (o: Json) =>
    callbackStyle(
      Promise.resolve({ errMsg: 'showModal:ok', confirm: true, cancel: false }),
      (harness.modals.push({ title: o.title, content: o.content }), o),
    );
  wx.showLoading = (o: Json) => callbackStyle(Promise.resolve({ errMsg: 'showLoading:ok' }), o ?? {});
  wx.hideLoading = (o: Json) => callbackStyle(Promise.resolve({ errMsg: 'hideLoading:ok' }), o ?? {});
  for (const api of ['navigateTo', 'redirectTo', 'reLaunch', 'switchTab']) {
    wx[api] = (o: Json) => callbackStyle(Promise.resolve({ errMsg: `${api}:ok` }), (harness.navigations.push(o.url), o));
  }
  wx.navigateBack = (o: Json = {}) => callbackStyle(Promise.resolve({ errMsg: 'navigateBack:ok' }), (harness.navigations.push('back'), o));
  wx.setClipboardData = (o: Json) => callbackStyle(Promise.resolve({ errMsg: 'setClipboardData:ok' }), ((harness.clipboard = o.data), o));
  wx.scanCode = (o: Json) =>
    callbackStyle(
      harness.scanResult
        ? Promise.resolve({ errMsg: 'scanCode:ok', ...harness.scanResult })
        : Promise.reject({ errMsg: 'scanCode:fail cancel' }),
      o,
    );

  // a temporary link of the emulator's storage is fetched over loopback, as the phone would download it
  wx.downloadFile = (o: Json) => {
    const url = String(o.url).replace(/^http:\/\/127\.0\.0\.1:\d+/, `http://127.0.0.1:${harness.backend.port}`);
    const p = harness.offline
      ? Promise.reject({ errMsg: 'downloadFile:fail network unavailable' })
      : getBytes(url).then(
          (res) => {
            const tempFilePath = `wxfile://tmp/download-${harness.downloads.size + 1}`;
            harness.downloads.set(tempFilePath, { url: o.url, ...res });
            return { errMsg: 'downloadFile:ok', statusCode: res.statusCode, tempFilePath };
          },
          (err: Error) => Promise.reject({ errMsg: `downloadFile:fail ${err.message}` }),
        );
    return track(callbackStyle(p, o));
  };
  wx.openDocument = (o: Json) =>
    track(
      callbackStyle(
        Promise.resolve({ errMsg: 'openDocument:ok' }),
        (harness.documents.push({ filePath: o.filePath, fileType: o.fileType }), o),
      ),
    );

  wx.cloud = {
    init: () => undefined,
    callFunction: (o: Json) => {
      const data = (o.data ?? {}) as Json;
      harness.calls.push({ name: o.name, data, via: 'cloud' });
      const p = harness.offline
        ? Promise.reject({ errMsg: 'cloud.callFunction:fail request:fail network unavailable' })
        : harness.backend.call(o.name, data, harness.openid).then(
            (result) => ({ errMsg: 'cloud.callFunction:ok', result, requestID: 'local' }),
            (err: Error) =>
              Promise.reject({
                errMsg: `cloud.callFunction:fail Error: errCode: -404011 cloud function execution error | errMsg: ${err.message}`,
              }),
          );
      return track(callbackStyle(p, o));
    },
  };

  // Local mode: the dev API at its configured address is served by this test's emulator (same routes, random port).
  wx.request = (o: Json) => {
    const url = String(o.url).replace(/^http:\/\/127\.0\.0\.1:\d+/, `http://127.0.0.1:${harness.backend.port}`);
    const fn = /\/fn\/([^/?]+)/.exec(url)?.[1];
    if (fn) harness.calls.push({ name: decodeURIComponent(fn), data: o.data ?? {}, via: 'devApi' });
    const p = harness.offline
      ? Promise.reject({ errMsg: 'request:fail network unavailable' })
      : postJson(url, o.data, o.header ?? {}, o.timeout ?? 60000).then(
          (res) => ({ errMsg: 'request:ok', header: {}, ...res }),
          (err: Error) => Promise.reject({ errMsg: `request:fail ${err.message}` }),
        );
    track(callbackStyle(p, o));
    return { abort: () => undefined };
  };
  return harness;
}

// ---- setData recording ----
// Every component instance's `this.setData` (j-component's caller) delegates to exparser's Component.prototype.setData,
// captured when the instance is created; wrapping that prototype once records the page's and its child components'
// payloads. A payload is credited to the harness of the page whose tree the component belongs to (the last loaded page
// when the component is not attached to any yet).
const pageHarnesses = new WeakMap<object, Harness>();
let lastHarness: Harness | undefined;

/** Count one setData payload against a harness (exported so a test can show the recorder catches an oversized one). */
export function recordSetData(harness: Harness, data: unknown): void {
  const size = JSON.stringify(data ?? {})?.length ?? 0;
  harness.setData.count += 1;
  if (size > harness.setData.largest) {
    harness.setData.largest = size;
    harness.setData.largestKeys = Object.keys((data ?? {}) as Json);
  }
}

function harnessOf(node: Json): Harness | undefined {
  let n: Json | null | undefined = node;
  for (let depth = 0; n && depth < 100; depth++) {
    const h = pageHarnesses.get(n);
    if (h) return h;
    n = n.ownerShadowRoot?.__wxHost;
  }
  return lastHarness;
}

function instrumentSetData(): void {
  // the exparser instance j-component renders with (required at the top level, so the same module here)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exparser = require('miniprogram-exparser') as { Component: { prototype: Json } };
  const proto = exparser.Component.prototype;
  if (proto.__budgetRecorder) return;
  const original = proto.setData as AnyFn;
  proto.setData = function (this: Json, data: Json, ...rest: unknown[]) {
    const h = harnessOf(this);
    if (h) recordSetData(h, data);
    return original.call(this, data, ...rest);
  };
  Object.defineProperty(proto, '__budgetRecorder', { value: true });
}

/** Elements of a j-component JSON tree (text nodes are strings; virtual nodes such as <block> are not in it). */
function countElements(node: unknown): number {
  if (!node || typeof node !== 'object') return 0;
  const children = ((node as Json).children ?? []) as unknown[];
  return 1 + children.reduce<number>((sum, c) => sum + countElements(c), 0);
}

let app: Json | undefined;

/** Run miniprogram/app.ts as WeChat would at launch: App({...}) is captured and its onLaunch called. */
function launchApp(): void {
  const g = global as any;
  g.App = (def: Json) => {
    app = def;
  };
  g.getApp = () => app;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the app must load afresh inside the isolated registry
    require(path.join(MINIPROGRAM_ROOT, 'app'));
  });
  if (!app) throw new Error('miniprogram/app.ts did not call App()');
  app.onLaunch?.call(app, { path: 'pages/home/index', query: {}, scene: 1001 });
}

/**
 * Load, render and open a page: `await loadPage('pages/home/index', { backend, openid: 'demo-office' })`.
 * Returns once onLoad/onShow ran and the page's first cloud call has been answered and rendered.
 */
export async function loadPage(pagePath: string, opts: LoadPageOptions): Promise<LoadedPage> {
  const g = global as any;
  const harness = installWx(opts);
  instrumentSetData();
  lastHarness = harness;
  launchApp();
  g.Page = (options: Json) => g.Component(pageAsComponent(options));

  let id = '';
  jest.isolateModules(() => {
    const root = opts.root ?? MINIPROGRAM_ROOT;
    id = simulate.load(path.join(root, pagePath), { rootPath: root });
  });
  const page = simulate.render(id);
  pageHarnesses.set((page as unknown as { _exparserNode: object })._exparserNode, harness);
  // jsdom's document; typed loosely because tsconfig.json (no DOM lib) also checks this helper
  const doc = (globalThis as any).document;
  const parent = doc.createElement('parent-wrapper');
  doc.body.appendChild(parent);
  page.attach(parent);
  const instance = page.instance as Json;
  instance.route = pagePath;
  g.getCurrentPages = () => [instance];

  instance.onLoad?.call(instance, { ...(opts.query ?? {}) });
  instance.onShow?.call(instance);
  await settle();

  const find = (selector: string) => page.querySelector(selector);
  return {
    page,
    harness,
    idle: settle,
    find,
    text: (selector) => (find(selector)?.dom?.textContent ?? '').trim(),
    allText: () => (page.dom?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    nodeCount: () => countElements(page.toJSON()),
    async tap(selector) {
      const el = find(selector);
      if (!el) throw new Error(`nothing to tap at ${selector}`);
      el.dispatchEvent('tap');
      await settle();
    },
    async input(selector, value) {
      const el = find(selector);
      if (!el) throw new Error(`no input at ${selector}`);
      el.dispatchEvent('input', { detail: { value } });
      await settle();
    },
    unload() {
      instance.onUnload?.call(instance);
      page.detach();
      parent.remove();
    },
  };
}
