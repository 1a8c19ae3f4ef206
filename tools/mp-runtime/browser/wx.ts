// The `wx` API the pages call, as the phone answers it: storage (copied in and out like WeChat's), wx.request and
// wx.uploadFile over HTTP to the local backend (through the runtime server, which forwards 127.0.0.1:8787 to the
// emulator under test), wx.cloud.callFunction to /fn/<name> as the demo identity in storage, the camera answering with
// fixture photos, GPS, the QR scanner, phone calls, the clipboard, toasts and modals drawn on screen, and a network
// switch (off = every request and upload fails as WeChat's do without network). An API the pages do not use throws.
import { shell } from './shell';
import { DEMO_LOCATION } from '../../../tests/helpers/device-fixtures';

type Json = Record<string, any>;
type AnyFn = (...args: any[]) => any;

export interface Router {
  navigateTo(url: string): void;
  redirectTo(url: string): void;
  reLaunch(url: string): void;
  navigateBack(delta?: number): void;
  setTitle(title: string): void;
}

export interface WxOptions {
  storage?: Record<string, unknown>;
  envVersion?: 'develop' | 'trial' | 'release';
  location?: { latitude: number; longitude: number };
  router: Router;
  libVersion: string;
}

/** What the runtime recorded and can be told, for the automation layer and the gallery. */
export interface WxRuntime {
  wx: Json;
  /** the originals, for restoring after mockWxMethod */
  originals: Json;
  storage: Map<string, string>;
  online: boolean;
  setOnline(on: boolean): void;
  /** wx calls in flight (requests, uploads, navigation, device pickers): the app is idle when 0 */
  inflight(): number;
  calls: { fn: string; action?: string; ok?: boolean; code?: string }[];
  phoneCalls: string[];
  toasts: string[];
  clipboard: string | null;
}

/** Photos the camera "takes": fixture JPEGs served by the runtime server. */
const PHOTOS = ['/__mp/photos/photo-1.jpg', '/__mp/photos/photo-2.jpg'];

let pending = 0;
function track<T>(p: Promise<T>): Promise<T> {
  pending++;
  const done = () => {
    setTimeout(() => pending--, 0);
  };
  p.then(done, done);
  return p;
}

/**
 * wx's two styles at once: callbacks (success/fail/complete) and a returned promise. `waitsForUser`: a modal waiting
 * for a tap is not work in flight (the app is idle while a person reads it).
 */
function settle<T>(p: Promise<T>, o: Json | undefined, waitsForUser = false): Promise<T> {
  const opts = o ?? {};
  const out = p.then(
    (res) => {
      opts.success?.(res);
      opts.complete?.(res);
      return res;
    },
    (err) => {
      opts.fail?.(err);
      opts.complete?.(err);
      throw err;
    },
  );
  // WeChat does not report an unhandled rejection when the caller passed callbacks
  if (opts.success || opts.fail || opts.complete) out.catch(() => undefined);
  return waitsForUser ? out : track(out);
}

const ok = (api: string, extra: Json = {}) => ({ errMsg: `${api}:ok`, ...extra });
const fail = (api: string, why: string) => ({ errMsg: `${api}:fail ${why}` });

/** A request to the local backend (any 127.0.0.1 / localhost port) goes through the runtime server's /__backend. */
export function backendUrl(url: string): string {
  return String(url).replace(/^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?/, '/__backend');
}

export function installWx(opts: WxOptions): WxRuntime {
  const storage = new Map<string, string>();
  for (const [k, v] of Object.entries(opts.storage ?? {})) storage.set(k, JSON.stringify(v));
  const tempFiles = new Map<string, string>();
  const networkListeners: AnyFn[] = [];
  let photoN = 0;
  const rt: WxRuntime = {
    wx: {},
    originals: {},
    storage,
    online: true,
    setOnline(on: boolean) {
      if (rt.online === on) return;
      rt.online = on;
      for (const l of networkListeners) l({ isConnected: on, networkType: on ? 'wifi' : 'none' });
    },
    inflight: () => pending,
    calls: [],
    phoneCalls: [],
    toasts: [],
    clipboard: null,
  };
  const offline = (api: string) => Promise.reject(fail(api, 'network unavailable'));

  const navigation =
    (api: string, action: (o: Json) => void) =>
    (o: Json = {}) =>
      settle(
        new Promise((resolve, reject) =>
          setTimeout(() => {
            try {
              action(o);
              resolve(ok(api));
            } catch (err) {
              reject(fail(api, (err as Error).message));
            }
          }, 0),
        ),
        o,
      );

  async function post(url: string, body: BodyInit, headers: Record<string, string>, timeoutMs: number) {
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), timeoutMs);
    try {
      const res = await fetch(backendUrl(url), { method: 'POST', body, headers, signal: ctrl.signal });
      const text = await res.text();
      let data: unknown = text;
      try {
        data = JSON.parse(text);
      } catch {
        /* wx.request hands over a non-JSON body as text */
      }
      return { statusCode: res.status, data, text, header: Object.fromEntries(res.headers.entries()) };
    } finally {
      clearTimeout(timer);
    }
  }

  function record(url: string, event: Json, reply: unknown): void {
    const fn = /\/fn\/([^/?]+)/.exec(url)?.[1];
    if (!fn) return;
    const r = (reply ?? {}) as Json;
    rt.calls.push({ fn: decodeURIComponent(fn), action: event?.action, ok: r.ok, code: r.code });
  }

  const wx: Json = {
    // ---- app and device ----
    getAccountInfoSync: () => ({
      miniProgram: { appId: 'touristappid', envVersion: opts.envVersion ?? 'develop', version: '' },
      plugin: {},
    }),
    getSystemInfoSync: () => ({
      brand: 'headless',
      model: 'Chromium',
      pixelRatio: window.devicePixelRatio,
      screenWidth: window.screen.width,
      screenHeight: window.screen.height,
      windowWidth: window.innerWidth,
      windowHeight: window.innerHeight,
      language: 'zh_CN',
      version: '8.0.50',
      system: 'Android 14',
      platform: 'devtools',
      SDKVersion: opts.libVersion,
    }),
    getWindowInfo: () => ({ pixelRatio: window.devicePixelRatio, windowWidth: window.innerWidth, windowHeight: window.innerHeight }),
    canIUse: () => true,

    // ---- storage: values are copied in and out, as WeChat serialises them ----
    getStorageSync: (key: string) => (storage.has(key) ? JSON.parse(storage.get(key) as string) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, JSON.stringify(value === undefined ? null : value)),
    removeStorageSync: (key: string) => void storage.delete(key),
    clearStorageSync: () => storage.clear(),
    getStorageInfoSync: () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 }),
    getStorage: (o: Json) =>
      settle(
        storage.has(o.key)
          ? Promise.resolve(ok('getStorage', { data: wx.getStorageSync(o.key) }))
          : Promise.reject(fail('getStorage', 'data not found')),
        o,
      ),
    setStorage: (o: Json) => settle(Promise.resolve((wx.setStorageSync(o.key, o.data), ok('setStorage'))), o),
    removeStorage: (o: Json) => settle(Promise.resolve((wx.removeStorageSync(o.key), ok('removeStorage'))), o),

    // ---- UI ----
    showToast: (o: Json) => {
      rt.toasts.push(String(o.title ?? ''));
      shell.showToast(String(o.title ?? ''), o.icon ?? 'success', o.duration ?? 1500, !!o.mask);
      return settle(Promise.resolve(ok('showToast')), o);
    },
    hideToast: (o: Json = {}) => settle(Promise.resolve((shell.hideToast(), ok('hideToast'))), o),
    showLoading: (o: Json = {}) => {
      shell.showToast(String(o.title ?? ''), 'loading', 0, !!o.mask);
      return settle(Promise.resolve(ok('showLoading')), o);
    },
    hideLoading: (o: Json = {}) => settle(Promise.resolve((shell.hideToast(), ok('hideLoading'))), o),
    showModal: (o: Json = {}) =>
      settle(
        shell.showModal(o).then((confirm) => ok('showModal', { confirm, cancel: !confirm })),
        o,
        true,
      ),
    setNavigationBarTitle: (o: Json) =>
      settle(Promise.resolve((opts.router.setTitle(String(o.title ?? '')), ok('setNavigationBarTitle'))), o),
    pageScrollTo: (o: Json) => settle(Promise.resolve((window.scrollTo(0, Number(o.scrollTop ?? 0)), ok('pageScrollTo'))), o),
    stopPullDownRefresh: (o: Json = {}) => settle(Promise.resolve(ok('stopPullDownRefresh')), o),
    vibrateShort: (o: Json = {}) => settle(Promise.resolve(ok('vibrateShort')), o),

    // ---- navigation ----
    navigateTo: navigation('navigateTo', (o) => opts.router.navigateTo(String(o.url))),
    redirectTo: navigation('redirectTo', (o) => opts.router.redirectTo(String(o.url))),
    reLaunch: navigation('reLaunch', (o) => opts.router.reLaunch(String(o.url))),
    navigateBack: navigation('navigateBack', (o) => opts.router.navigateBack(Number(o.delta ?? 1))),
    switchTab: (o: Json) => settle(Promise.reject(fail('switchTab', 'this app has no tabBar')), o),

    // ---- network ----
    request: (o: Json) => {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...(o.header ?? {}) };
      const p = !rt.online
        ? offline('request')
        : post(String(o.url), typeof o.data === 'string' ? o.data : JSON.stringify(o.data ?? {}), headers, o.timeout ?? 60000).then(
            (res) => {
              record(String(o.url), o.data, res.data);
              return ok('request', { data: res.data, statusCode: res.statusCode, header: res.header });
            },
            (err: Error) => Promise.reject(fail('request', err.name === 'AbortError' ? 'timeout' : err.message)),
          );
      settle(p, o);
      return { abort: () => undefined };
    },
    uploadFile: (o: Json) => {
      const p = !rt.online
        ? offline('uploadFile')
        : (async () => {
            const source = tempFiles.get(String(o.filePath));
            if (!source) throw fail('uploadFile', `file not found: ${o.filePath}`);
            const photo = await fetch(source);
            if (!photo.ok) throw fail('uploadFile', `file not readable: ${o.filePath}`);
            const blob = await photo.blob();
            const form = new FormData();
            for (const [k, v] of Object.entries((o.formData ?? {}) as Json)) form.append(k, String(v));
            form.append(String(o.name ?? 'file'), blob, String(o.filePath).split('/').pop());
            const res = await post(String(o.url), form, { ...(o.header ?? {}) }, o.timeout ?? 60000).catch((err: Error) => {
              throw fail('uploadFile', err.message);
            });
            return ok('uploadFile', { data: res.text, statusCode: res.statusCode });
          })();
      settle(p, o);
      return { abort: () => undefined, onProgressUpdate: () => undefined };
    },
    getNetworkType: (o: Json = {}) => settle(Promise.resolve(ok('getNetworkType', { networkType: rt.online ? 'wifi' : 'none' })), o),
    onNetworkStatusChange: (fn: AnyFn) => void networkListeners.push(fn),
    offNetworkStatusChange: (fn: AnyFn) => {
      const i = networkListeners.indexOf(fn);
      if (i >= 0) networkListeners.splice(i, 1);
    },
    requestSubscribeMessage: (o: Json) =>
      settle(
        Promise.resolve(ok('requestSubscribeMessage', Object.fromEntries(((o.tmplIds ?? []) as string[]).map((t) => [t, 'accept'])))),
        o,
      ),

    // ---- device ----
    chooseMedia: (o: Json = {}) => {
      const count = Math.max(1, Math.min(Number(o.count ?? 9), PHOTOS.length));
      const tempFiles_ = Array.from({ length: count }, () => {
        const path = `wxfile://tmp/photo-${++photoN}.jpg`;
        tempFiles.set(path, PHOTOS[(photoN - 1) % PHOTOS.length]);
        return { tempFilePath: path, size: 12000, fileType: 'image', width: 640, height: 480 };
      });
      return settle(new Promise((r) => setTimeout(() => r(ok('chooseMedia', { tempFiles: tempFiles_, type: 'image' })), 0)), o);
    },
    chooseImage: (o: Json = {}) =>
      wx.chooseMedia({ count: o.count }).then((res: Json) => {
        const paths = (res.tempFiles as Json[]).map((f) => f.tempFilePath);
        const out = ok('chooseImage', { tempFilePaths: paths, tempFiles: paths.map((p) => ({ path: p, size: 12000 })) });
        o.success?.(out);
        o.complete?.(out);
        return out;
      }),
    previewImage: (o: Json = {}) => settle(Promise.resolve(ok('previewImage')), o),
    getLocation: (o: Json = {}) => {
      const at = opts.location ?? DEMO_LOCATION;
      return settle(new Promise((r) => setTimeout(() => r(ok('getLocation', { ...at, accuracy: 15, speed: 0, altitude: 0 })), 0)), o);
    },
    // Nothing in front of the camera: the user cancels. A spec puts a code there with mockWxMethod('scanCode', {...}).
    scanCode: (o: Json = {}) => settle(Promise.reject(fail('scanCode', 'cancel')), o),
    makePhoneCall: (o: Json) => {
      rt.phoneCalls.push(String(o.phoneNumber));
      return settle(Promise.resolve(ok('makePhoneCall')), o);
    },
    setClipboardData: (o: Json) => {
      rt.clipboard = String(o.data ?? '');
      shell.showToast('内容已复制', 'success', 1500, false);
      return settle(Promise.resolve(ok('setClipboardData')), o);
    },
    getClipboardData: (o: Json = {}) => settle(Promise.resolve(ok('getClipboardData', { data: rt.clipboard ?? '' })), o),

    // ---- CloudBase: the same backend, as the demo identity kept in storage ----
    cloud: {
      init: () => undefined,
      callFunction: (o: Json) => {
        const openid = wx.getStorageSync('dev.demoOpenid');
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (openid) headers['x-wx-openid'] = String(openid);
        const url = `/__backend/fn/${encodeURIComponent(o.name)}`;
        const p = !rt.online
          ? offline('cloud.callFunction')
          : post(url, JSON.stringify(o.data ?? {}), headers, 60000).then((res) => {
              record(url, o.data, res.data);
              if (res.statusCode !== 200) throw fail('cloud.callFunction', `Error: errCode: -404011 cloud function execution error`);
              return ok('cloud.callFunction', { result: res.data, requestID: 'local' });
            });
        return settle(p, o);
      },
      uploadFile: (o: Json) => {
        const p = new Promise((resolve, reject) =>
          wx.uploadFile({
            url: `http://127.0.0.1/_upload?path=${encodeURIComponent(o.cloudPath)}`,
            filePath: o.filePath,
            name: 'file',
            success: (res: Json) => {
              const body = JSON.parse(res.data) as Json;
              if (res.statusCode === 200 && body.fileID) resolve(ok('cloud.uploadFile', { fileID: body.fileID, statusCode: 200 }));
              else reject(fail('cloud.uploadFile', String(body.message ?? res.statusCode)));
            },
            fail: (err: Json) => reject(fail('cloud.uploadFile', err.errMsg)),
          }),
        );
        return settle(p, o);
      },
    },
  };
  rt.originals = { ...wx };
  // An API the pages never used is not faked: calling it says so instead of silently doing nothing.
  rt.wx = new Proxy(wx, {
    get(target, name) {
      if (typeof name !== 'string' || name in target) return target[name as string];
      if (name === 'then' || name.startsWith('__')) return undefined;
      return () => {
        throw new Error(`wx.${name} is not available in the headless runtime (tools/mp-runtime/browser/wx.ts)`);
      };
    },
  });
  (window as any).wx = rt.wx;
  (window as any).__mpFileUrl = (src: string) => tempFiles.get(src);
  return rt;
}
