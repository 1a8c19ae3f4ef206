// The in-browser half of the automator endpoint: miniprogram-automator's App.*, Page.* and Element.* methods (see
// node_modules/miniprogram-automator/out/{MiniProgram,Page,Element}.js) answered from the page stack and the exparser
// trees. Taps and typing are not done here: the Node side asks for the element's position (`tapPoint`) or focuses its
// text field (`focusField`) and then touches or types through Chromium's own input, as a finger and a keyboard would.
import type { PageFrame } from './runtime';
import type { WxRuntime } from './wx';
import { shell } from './shell';

type Json = Record<string, any>;

interface Deps {
  router: { top(): PageFrame | undefined };
  stack: PageFrame[];
  wxRuntime: WxRuntime;
  exparser: Json;
  setClockOffset(ms: number): void;
  manifest: { defs: Record<string, unknown> };
}

class AutomationError extends Error {}

const SYNC_APIS = new Set(['canIUse', 'getAccountInfoSync', 'getSystemInfoSync', 'getWindowInfo', 'getStorageInfoSync']);

export function installAutomation(deps: Deps): void {
  const { exparser, stack, wxRuntime } = deps;
  const elements = new Map<string, Json>();
  const ids = new WeakMap<object, string>();
  let nextId = 1;

  const frameOf = (pageId: number | undefined): PageFrame => {
    const frame = pageId === undefined ? deps.router.top() : stack.find((f) => f.id === pageId);
    if (!frame) throw new AutomationError(`page ${pageId} is not in the page stack`);
    return frame;
  };
  const isCustom = (node: Json) => typeof node.is === 'string' && node.is in deps.manifest.defs;
  const tagOf = (node: Json): string => {
    if (isCustom(node)) return String(node.$$?.tagName ?? node.is).toLowerCase();
    return String(node.is ?? node.$$?.tagName ?? '')
      .toLowerCase()
      .replace(/^wx-/, '');
  };
  const describe = (node: Json) => {
    let id = ids.get(node);
    if (!id) {
      id = String(nextId++);
      ids.set(node, id);
      elements.set(id, node);
    }
    const out: Json = { elementId: id, tagName: tagOf(node) };
    if (isCustom(node)) out.nodeId = id;
    return out;
  };
  const nodeOf = (elementId: string): Json => {
    const node = elements.get(String(elementId));
    if (!node) throw new AutomationError(`element ${elementId} is gone`);
    return node;
  };
  /** Where a selector is looked up: inside a custom component's own template, or among an element's descendants. */
  const scopeOf = (node: Json): Json => (isCustom(node) && node.shadowRoot ? node.shadowRoot : node);
  const queryAll = (scope: Json, selector: string): Json[] => (scope.querySelectorAll(selector) ?? []) as Json[];
  const caller = (node: Json): Json => exparser.Element.getMethodCaller(node);

  function getPath(data: unknown, path?: string): unknown {
    if (!path) return data;
    let cur: any = data;
    for (const key of path
      .replace(/\[(\d+)\]/g, '.$1')
      .split('.')
      .filter(Boolean))
      cur = cur?.[key];
    return cur;
  }

  function copy<T>(v: T): T {
    return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
  }

  /** A WXML-like rendering of an element, for element.wxml() / outerWxml(). */
  function wxml(node: Json, outer: boolean): string {
    const inner = () => {
      const kids: Json[] = isCustom(node) && node.shadowRoot ? node.shadowRoot.childNodes : (node.childNodes ?? []);
      return kids.map((k) => (k instanceof exparser.TextNode ? String(k.textContent) : wxml(k, true))).join('');
    };
    if (!outer) return inner();
    if (node instanceof exparser.VirtualNode) return inner();
    const attrs: string[] = [];
    if (node.id) attrs.push(`id="${node.id}"`);
    if (node.class) attrs.push(`class="${node.class}"`);
    const tag = tagOf(node);
    return `<${tag}${attrs.length ? ' ' + attrs.join(' ') : ''}>${inner()}</${tag}>`;
  }

  function visibleRect(node: Json): DOMRect {
    const el = node.$$ as HTMLElement | undefined;
    if (!el) throw new AutomationError('element has no box');
    el.scrollIntoView({ block: 'center', inline: 'nearest' });
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0 || !el.getClientRects().length)
      throw new AutomationError(`<${tagOf(node)}${node.id ? ' id="' + node.id + '"' : ''}> is not visible, so it cannot be tapped`);
    return rect;
  }

  const handlers: Record<string, (p: Json) => unknown> = {
    // ---- App ----
    'App.getCurrentPage': () => {
      const f = frameOf(undefined);
      return { pageId: f.id, path: f.route, query: f.query };
    },
    'App.getPageStack': () => ({ pageStack: stack.map((f) => ({ pageId: f.id, path: f.route, query: f.query })) }),
    'App.callWxMethod': async (p) => {
      const wx = wxRuntime.wx;
      const fn = wx[p.method];
      if (typeof fn !== 'function') throw new AutomationError(`wx.${p.method} does not exist`);
      const args = (p.args ?? []) as unknown[];
      if (p.method.endsWith('Sync') || SYNC_APIS.has(p.method)) return { result: copy(fn(...args)) };
      const result = await new Promise((resolve, reject) => {
        const o = { ...((args[0] as Json) ?? {}), success: resolve, fail: reject };
        fn(o, ...args.slice(1));
      }).catch((err: Json) => {
        throw new AutomationError(String(err?.errMsg ?? err));
      });
      return { result: copy(result) };
    },
    'App.mockWxMethod': (p) => {
      const target = wxRuntime.wx;
      const original = wxRuntime.originals[p.method];
      if (p.functionDeclaration !== undefined) {
        const fn = (0, eval)(`(${p.functionDeclaration})`) as (...a: unknown[]) => unknown;
        const extra = (p.args ?? []) as unknown[];
        target[p.method] = function (...callArgs: unknown[]) {
          return fn.apply({ origin: original }, [...callArgs, ...extra]);
        };
      } else if ('result' in p) {
        const result = p.result as Json;
        target[p.method] =
          p.method.endsWith('Sync') || SYNC_APIS.has(p.method)
            ? () => copy(result)
            : (o: Json = {}) => {
                setTimeout(() => {
                  o.success?.(copy(result));
                  o.complete?.(copy(result));
                }, 0);
                return Promise.resolve(copy(result));
              };
      } else {
        target[p.method] = original;
      }
      return {};
    },
    'App.callFunction': async (p) => {
      const fn = (0, eval)(`(${p.functionDeclaration})`) as (...a: unknown[]) => unknown;
      return { result: copy(await fn(...((p.args ?? []) as unknown[]))) };
    },
    'App.enableLog': () => ({}),
    'App.exit': () => ({}),
    'Tool.getInfo': () => ({ SDKVersion: 'dev' }),
    'Tool.native': (p) => {
      if (p.method === 'confirmModal' || p.method === 'cancelModal') {
        if (!shell.answerModal(p.method === 'confirmModal')) throw new AutomationError('no modal is open');
        return {};
      }
      if (p.method === 'navigateLeft') {
        wxRuntime.wx.navigateBack({});
        return {};
      }
      throw new AutomationError(`Tool.native ${p.method} is not supported by the headless runtime`);
    },

    // ---- Page ----
    'Page.getElement': (p) => {
      const [node] = queryAll(frameOf(p.pageId).comp._exparserNode.shadowRoot, p.selector);
      if (!node) throw new AutomationError(`element not found: ${p.selector}`);
      return describe(node);
    },
    'Page.getElements': (p) => ({ elements: queryAll(frameOf(p.pageId).comp._exparserNode.shadowRoot, p.selector).map(describe) }),
    'Page.getData': (p) => ({ data: copy(getPath(frameOf(p.pageId).instance.data, p.path)) }),
    'Page.setData': (p) => {
      frameOf(p.pageId).instance.setData(p.data);
      return {};
    },
    'Page.callMethod': async (p) => {
      const inst = frameOf(p.pageId).instance;
      if (typeof inst[p.method] !== 'function') throw new AutomationError(`page has no method ${p.method}`);
      return { result: copy(await inst[p.method](...((p.args ?? []) as unknown[]))) };
    },
    'Page.getWindowProperties': (p) => ({
      properties: (p.names as string[]).map((n) => getPath(window, n)),
    }),

    // ---- Element ----
    'Element.getElement': (p) => {
      const [node] = queryAll(scopeOf(nodeOf(p.elementId)), p.selector);
      if (!node) throw new AutomationError(`element not found: ${p.selector}`);
      return describe(node);
    },
    'Element.getElements': (p) => ({ elements: queryAll(scopeOf(nodeOf(p.elementId)), p.selector).map(describe) }),
    'Element.getDOMProperties': (p) => {
      const el = nodeOf(p.elementId).$$ as Json;
      return { properties: (p.names as string[]).map((n) => (n === 'innerText' ? String(el?.innerText ?? '').trim() : copy(el?.[n]))) };
    },
    'Element.getAttributes': (p) => {
      const node = nodeOf(p.elementId);
      return {
        attributes: (p.names as string[]).map((name) => {
          if (name === 'class') return String(node.class ?? '');
          if (name === 'id') return String(node.id ?? '');
          if (name.startsWith('data-'))
            return node.dataset?.[name.slice(5).replace(/-([a-z])/g, (_m: string, c: string) => c.toUpperCase())];
          const prop = name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
          if (exparser.Component.hasPublicProperty(node, prop)) return copy(caller(node).data[prop]);
          return (node.$$ as HTMLElement | undefined)?.getAttribute(name) ?? undefined;
        }),
      };
    },
    'Element.getProperties': (p) => {
      const node = nodeOf(p.elementId);
      return {
        properties: (p.names as string[]).map((name) => {
          if (name === '__propPublic') {
            const data = caller(node)?.data ?? {};
            return Object.fromEntries(
              Object.keys(data)
                .filter((k) => exparser.Component.hasPublicProperty(node, k))
                .map((k) => [k, true]),
            );
          }
          return copy(caller(node)?.data?.[name]);
        }),
      };
    },
    'Element.getStyles': (p) => {
      const style = getComputedStyle(nodeOf(p.elementId).$$ as Element);
      return { styles: (p.names as string[]).map((n) => style.getPropertyValue(n.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`))) };
    },
    'Element.getOffset': (p) => {
      const rect = (nodeOf(p.elementId).$$ as HTMLElement).getBoundingClientRect();
      return { left: rect.left + window.scrollX, top: rect.top + window.scrollY };
    },
    'Element.getWXML': (p) => ({ wxml: wxml(nodeOf(p.elementId), p.type === 'outer') }),
    'Element.triggerEvent': (p) => {
      nodeOf(p.elementId).triggerEvent(p.type, p.detail ?? {});
      return {};
    },
    'Element.getData': (p) => ({ data: copy(getPath(caller(nodeOf(p.elementId)).data, p.path)) }),
    'Element.setData': (p) => {
      caller(nodeOf(p.elementId)).setData(p.data);
      return {};
    },
    'Element.callMethod': async (p) => {
      const c = caller(nodeOf(p.elementId));
      if (typeof c[p.method] !== 'function') throw new AutomationError(`component has no method ${p.method}`);
      return { result: copy(await c[p.method](...((p.args ?? []) as unknown[]))) };
    },
  };

  (window as any).__mpAutomation = {
    async handle(method: string, params: Json): Promise<unknown> {
      const h = handlers[method];
      if (!h) throw new AutomationError(`${method} is not supported by the headless runtime`);
      return h(params ?? {});
    },
    /** the centre of an element on screen, after scrolling it into view; refuses a hidden or covered element */
    tapPoint(elementId: string): { x: number; y: number } {
      const node = nodeOf(elementId);
      const rect = visibleRect(node);
      const x = Math.round(rect.left + rect.width / 2);
      const y = Math.round(Math.max(rect.top + 1, Math.min(rect.top + rect.height / 2, window.innerHeight - 2)));
      const hit = document.elementFromPoint(x, y);
      const el = node.$$ as HTMLElement;
      if (!hit || !(el === hit || el.contains(hit))) {
        const what = hit ? `<${hit.tagName.toLowerCase()} class="${hit.className}">` : 'nothing';
        throw new AutomationError(`<${tagOf(node)} id="${node.id ?? ''}"> is covered by ${what} at (${x}, ${y}), so it cannot be tapped`);
      }
      return { x, y };
    },
    /** focus a text field's native input and select its text, so typing replaces it */
    focusField(elementId: string): void {
      const node = nodeOf(elementId);
      visibleRect(node);
      const native = (node.$$ as HTMLElement).querySelector('input, textarea') as HTMLInputElement | null;
      if (!native) throw new AutomationError(`<${tagOf(node)}> is not a text field`);
      if (native.disabled) throw new AutomationError(`<${tagOf(node)} id="${node.id ?? ''}"> is disabled`);
      native.focus();
      native.select();
    },
    /**
     * What a reviewer checks on the page on top: content wider than the screen (horizontal scrolling), and things to
     * tap (bindtap/catchtap, buttons, switches, pickers, text fields) smaller than `minTarget` CSS px either way.
     */
    audit(minTarget: number): { overflow: string[]; smallTargets: string[] } {
      const frame = deps.router.top();
      if (!frame) return { overflow: [], smallTargets: [] };
      const width = document.documentElement.clientWidth;
      const overflow: string[] = [];
      const smallTargets: string[] = [];
      const label = (node: Json, el: HTMLElement) =>
        `<${tagOf(node)}${node.id ? ` id="${node.id}"` : ''}${node.class ? ` class="${node.class}"` : ''}> “${(el.innerText || '').trim().slice(0, 16)}”`;
      const visit = (node: Json) => {
        const el = node.$$ as HTMLElement | undefined;
        if (el instanceof HTMLElement && el.getClientRects().length) {
          const rect = el.getBoundingClientRect();
          if (rect.right > width + 0.5 || rect.left < -0.5)
            overflow.push(`${label(node, el)} spans ${Math.round(rect.left)}–${Math.round(rect.right)} px`);
          const tag = tagOf(node);
          const tappable = !!node._vt?.event?.tap || ['button', 'switch', 'picker', 'input', 'textarea'].includes(tag);
          if (tappable && (rect.height < minTarget - 0.5 || rect.width < minTarget - 0.5))
            smallTargets.push(`${label(node, el)} ${Math.round(rect.width)}×${Math.round(rect.height)}`);
        }
        if (isCustom(node) && node.shadowRoot) for (const c of node.shadowRoot.childNodes) visit(c);
        for (const c of node.childNodes ?? []) if (!(c instanceof exparser.TextNode)) visit(c);
      };
      visit(frame.comp._exparserNode);
      if (document.documentElement.scrollWidth > width && !overflow.length)
        overflow.push(`page is ${document.documentElement.scrollWidth} px wide`);
      return { overflow, smallTargets };
    },
    idle(): boolean {
      return wxRuntime.inflight() === 0;
    },
    setClockOffset: deps.setClockOffset,
    setOnline: (on: boolean) => wxRuntime.setOnline(on),
    errors: () => ((window as any).__mpErrors ?? []) as string[],
    calls: () => wxRuntime.calls,
  };
}
