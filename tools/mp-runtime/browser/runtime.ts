// The mini program in a real browser: pages and components are registered with j-component (the engine
// miniprogram-simulate is built on) and rendered by exparser into the DOM, styled by the wcsc-compiled WXSS, inside an
// app shell with a navigation bar, a page stack, toasts and modals. The `wx` the pages call is in ./wx.ts; the
// automation the WebSocket endpoint drives is in ./automation.ts.
// required untyped: j-component's typings declare WeChat's globals (wx, require, Component) for the whole program
// eslint-disable-next-line @typescript-eslint/no-require-imports
const jComponent = require('j-component') as Record<string, any>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const exparser = require('miniprogram-exparser') as Record<string, any>;
import { registerBuiltins } from './builtins';
import { installWx, type WxRuntime } from './wx';
import { installAutomation } from './automation';
import { shell } from './shell';

type Json = Record<string, any>;
type AnyFn = (...args: any[]) => any;

interface ComponentDef {
  path: string;
  page: boolean;
  tag: string;
  using: Record<string, string>;
  json: Json;
}

export interface BootConfig {
  manifest: { pages: string[]; defs: Record<string, ComponentDef>; window: Json; libVersion: string };
  app: () => unknown;
  modules: Record<string, () => unknown>;
}

/** What the Node side passes in the page URL's hash (JSON): identity, storage, device. */
export interface LaunchOptions {
  storage?: Record<string, unknown>;
  /** first page, e.g. '/pages/home/index' */
  entry?: string;
  envVersion?: 'develop' | 'trial' | 'release';
  /** the backend clock's offset from real time (ms), so the phone's clock matches the emulator's virtual clock */
  clockOffsetMs?: number;
  location?: { latitude: number; longitude: number };
}

export interface PageFrame {
  id: number;
  route: string;
  query: Record<string, string>;
  comp: any;
  el: HTMLElement;
  instance: Json;
}

const w = window as any;

// ---- the phone's clock follows the backend's virtual clock ----
let clockOffsetMs = 0;
const RealDate = Date;
function installClock(): void {
  class PhoneDate extends RealDate {
    constructor(...args: any[]) {
      if (args.length === 0) super(RealDate.now() + clockOffsetMs);
      else super(...(args as [number]));
    }
    static override now(): number {
      return RealDate.now() + clockOffsetMs;
    }
  }
  w.Date = PhoneDate;
}
export function setClockOffset(ms: number): void {
  clockOffsetMs = ms;
}

// ---- registration ----
let manifest: BootConfig['manifest'];
let modules: BootConfig['modules'];
const loaded = new Set<string>();
let loading: ComponentDef | null = null;

function templateOf(p: string): unknown {
  return w.__mpGwx(`${p}.wxml`);
}

/** Page({...}) → the equivalent Component definition: handlers and lifetimes move into methods. */
function pageAsComponent(options: Json): Json {
  const { data, options: compOptions, behaviors, ...rest } = options;
  const methods: Record<string, AnyFn> = {};
  const extra: Json = {};
  for (const [key, value] of Object.entries(rest)) {
    if (typeof value === 'function') methods[key] = value as AnyFn;
    else extra[key] = value;
  }
  return { data, options: compOptions, behaviors: behaviors ?? [], methods, ...extra };
}

function defineGlobals(): void {
  w.Component = (options: Json) => {
    const def = loading;
    if (!def) throw new Error('Component() called outside of a page or component script');
    const usingComponents: Record<string, string> = {};
    for (const [key, target] of Object.entries(def.using)) usingComponents[key] = target;
    jComponent.register({
      id: def.path,
      path: `/${def.path}`,
      template: templateOf(def.path),
      usingComponents,
      tagName: def.page ? 'wx-page-root' : def.tag,
      ...options,
      options: { classPrefix: def.page ? '' : def.tag, ...(options.options ?? {}) },
    });
  };
  w.Page = (options: Json) => w.Component(pageAsComponent(options));
  w.Behavior = (definition: Json) => jComponent.behavior(definition);
}

/** Run a page's or component's script (its components first), as WeChat does when the package is loaded. */
function ensureLoaded(p: string): void {
  if (loaded.has(p)) return;
  const def = manifest.defs[p];
  if (!def) throw new Error(`页面不存在：${p}`);
  loaded.add(p);
  for (const target of Object.values(def.using)) ensureLoaded(target);
  const sheet = w.__mpWxss[`${p}.wxss`];
  if (sheet) sheet(def.page ? '' : `${def.tag}--`, {}, undefined);
  const prev = loading;
  loading = def;
  try {
    modules[p]();
  } finally {
    loading = prev;
  }
}

// ---- pages ----
let nextPageId = 1;
export const stack: PageFrame[] = [];

function parseUrl(url: string, from?: string): { route: string; query: Record<string, string> } {
  const [rawPath, rawQuery = ''] = url.split('?');
  let route = rawPath.startsWith('/') ? rawPath.slice(1) : from ? joinPath(from, rawPath) : rawPath;
  route = route.replace(/\.(html|wxml|ts|js)$/, '');
  const query: Record<string, string> = {};
  for (const part of rawQuery.split('&')) {
    if (!part) continue;
    const i = part.indexOf('=');
    // WeChat hands query values over as they were written (still URI-encoded)
    if (i < 0) query[part] = '';
    else query[part.slice(0, i)] = part.slice(i + 1);
  }
  return { route, query };
}

function joinPath(from: string, rel: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const seg of rel.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

function callLifetime(frame: PageFrame, name: string, ...args: unknown[]): void {
  const fn = frame.instance[name];
  if (typeof fn === 'function') {
    try {
      fn.apply(frame.instance, args);
    } catch (err) {
      reportError(err);
    }
  }
}

export function reportError(err: unknown): void {
  w.__mpErrors = w.__mpErrors ?? [];
  w.__mpErrors.push(String((err as Error)?.stack ?? err));
  console.error(err);
}

function titleOf(route: string): string {
  const def = manifest.defs[route];
  return String(def?.json.navigationBarTitleText ?? manifest.window.navigationBarTitleText ?? '');
}

function createFrame(url: string): PageFrame {
  const top = stack[stack.length - 1];
  const { route, query } = parseUrl(url, top?.route);
  if (!manifest.pages.includes(route)) throw new Error(`page "${route}" is not found`);
  ensureLoaded(route);
  const el = document.createElement('wx-page');
  el.setAttribute('route', route);
  shell.pages.appendChild(el);
  const comp = jComponent.create(route);
  comp.attach(el);
  const instance = comp.instance as Json;
  instance.route = route;
  instance.__route__ = route;
  instance.options = { ...query };
  const frame: PageFrame = { id: nextPageId++, route, query, comp, el, instance };
  return frame;
}

function show(frame: PageFrame, first: boolean): void {
  for (const f of stack) f.el.style.display = f === frame ? '' : 'none';
  shell.setTitle(w.__mpTitles?.[frame.id] ?? titleOf(frame.route));
  shell.setBack(stack.length > 1);
  window.scrollTo(0, Number(frame.el.dataset.scroll ?? 0));
  if (first) callLifetime(frame, 'onLoad', { ...frame.query });
  callLifetime(frame, 'onShow');
  frame.comp.triggerPageLifeTime('show');
  if (first) callLifetime(frame, 'onReady');
}

function hide(frame: PageFrame): void {
  frame.el.dataset.scroll = String(window.scrollY);
  callLifetime(frame, 'onHide');
  frame.comp.triggerPageLifeTime('hide');
}

function unload(frame: PageFrame): void {
  callLifetime(frame, 'onUnload');
  frame.comp.detach();
  frame.el.remove();
}

export const router = {
  navigateTo(url: string): void {
    if (stack.length >= 10) throw new Error('webview count limit exceed');
    const frame = createFrame(url);
    const top = stack[stack.length - 1];
    if (top) hide(top);
    stack.push(frame);
    show(frame, true);
  },
  redirectTo(url: string): void {
    const frame = createFrame(url);
    const top = stack.pop();
    if (top) unload(top);
    stack.push(frame);
    show(frame, true);
  },
  reLaunch(url: string): void {
    const frame = createFrame(url);
    while (stack.length) unload(stack.pop() as PageFrame);
    stack.push(frame);
    show(frame, true);
  },
  navigateBack(delta = 1): void {
    if (stack.length <= 1) return;
    const n = Math.min(Math.max(1, delta), stack.length - 1);
    for (let i = 0; i < n; i++) unload(stack.pop() as PageFrame);
    show(stack[stack.length - 1], false);
  },
  top(): PageFrame | undefined {
    return stack[stack.length - 1];
  },
  setTitle(title: string): void {
    const top = stack[stack.length - 1];
    if (!top) return;
    w.__mpTitles = { ...(w.__mpTitles ?? {}), [top.id]: title };
    shell.setTitle(title);
  },
};

let app: Json | undefined;

export function getApp(): Json | undefined {
  return app;
}

export let wxRuntime: WxRuntime;

function launchOptions(): LaunchOptions {
  try {
    return JSON.parse(decodeURIComponent(location.hash.slice(1) || '{}')) as LaunchOptions;
  } catch {
    return {};
  }
}

export function boot(cfg: BootConfig): void {
  manifest = cfg.manifest;
  modules = cfg.modules;
  const opts = launchOptions();
  setClockOffset(opts.clockOffsetMs ?? 0);
  installClock();
  shell.mount(manifest.window, () => wxRuntime.wx.navigateBack({}));
  registerBuiltins(jComponent);
  defineGlobals();
  wxRuntime = installWx({ ...opts, router, libVersion: manifest.libVersion });
  w.getApp = () => app;
  w.getCurrentPages = () => stack.map((f) => f.instance);
  w.App = (def: Json) => {
    app = def;
  };
  window.addEventListener('error', (e) => reportError(e.error ?? e.message));
  window.addEventListener('unhandledrejection', (e) => reportError(e.reason));
  cfg.app();
  const entry = opts.entry ?? `/${manifest.pages[0]}`;
  const launch = parseUrl(entry);
  app?.onLaunch?.call(app, { path: launch.route, query: launch.query, scene: 1001 });
  app?.onShow?.call(app, { path: launch.route, query: launch.query, scene: 1001 });
  installAutomation({ router, stack, wxRuntime, exparser, setClockOffset, manifest });
  router.reLaunch(entry);
  w.__mpReady = true;
}
