// Runs the built cloud functions in this process with the real wx-server-sdk. Each invocation gets its own
// environment (OPENID, API token, emulator URL, clock offset) through an AsyncLocalStorage-backed process.env,
// so concurrent callers never see each other's identity.
import { AsyncLocalStorage } from 'async_hooks';
import { randomBytes } from 'crypto';
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { VirtualClock } from './clock';

export type InvocationSource = 'wx_client' | 'wx_server' | 'timer';

export interface TimerTrigger {
  name: string;
  type: 'timer';
  config: string;
}

export interface FunctionConfig {
  timeout?: number;
  triggers?: TimerTrigger[];
  permissions?: { openapi?: string[] };
}

/** CloudBase refuses callFunction payloads over 100 KB. */
export const MAX_EVENT_BYTES = 100 * 1024;
const DEFAULT_TIMEOUT_S = 60;

const TCB_SOURCE_OF: Record<InvocationSource, string> = { wx_client: 'wx_client', wx_server: 'scf', timer: 'wx_trigger' };

/**
 * JSON text of an event as the platform would carry it. V8's JSON.stringify recurses and overflows on a few thousand
 * levels; a hostile event may be that deep (100 KB holds 20,000 levels), so such an event is written without recursion.
 */
export function toJsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    return stringifyIteratively(value);
  }
}

function stringifyIteratively(root: unknown): string {
  const out: string[] = [];
  type Frame = { kind: 'value'; v: unknown } | { kind: 'text'; s: string };
  const stack: Frame[] = [{ kind: 'value', v: root }];
  while (stack.length) {
    const f = stack.pop()!;
    if (f.kind === 'text') {
      out.push(f.s);
      continue;
    }
    let v = f.v;
    if (v && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function')
      v = (v as { toJSON: () => unknown }).toJSON();
    if (v === null || typeof v !== 'object') {
      const text = JSON.stringify(v);
      out.push(text === undefined ? 'null' : text);
      continue;
    }
    const frames: Frame[] = [];
    if (Array.isArray(v)) {
      frames.push({ kind: 'text', s: '[' });
      v.forEach((item, i) => {
        if (i) frames.push({ kind: 'text', s: ',' });
        frames.push({ kind: 'value', v: item });
      });
      frames.push({ kind: 'text', s: ']' });
    } else {
      frames.push({ kind: 'text', s: '{' });
      let first = true;
      for (const [k, item] of Object.entries(v as Record<string, unknown>)) {
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
        frames.push({ kind: 'text', s: `${first ? '' : ','}${JSON.stringify(k)}:` });
        frames.push({ kind: 'value', v: item });
        first = false;
      }
      frames.push({ kind: 'text', s: '}' });
    }
    for (let i = frames.length - 1; i >= 0; i--) stack.push(frames[i]);
  }
  return out.join('');
}

const envStore = new AsyncLocalStorage<Record<string, string>>();
const INSTALLED = Symbol.for('neighbour-watch.env-proxy');

/** Replace process.env once with a view that prefers the current invocation's values. */
function installEnvProxy(): void {
  const current = process.env as NodeJS.ProcessEnv & { [INSTALLED]?: boolean };
  if (current[INSTALLED]) return;
  const base = current;
  const overlay = () => envStore.getStore();
  process.env = new Proxy(base, {
    get(target, key) {
      if (key === INSTALLED) return true;
      const o = overlay();
      if (o && typeof key === 'string' && key in o) return o[key];
      return Reflect.get(target, key);
    },
    has(target, key) {
      const o = overlay();
      return (o !== undefined && typeof key === 'string' && key in o) || Reflect.has(target, key);
    },
    ownKeys(target) {
      const o = overlay();
      return o ? [...new Set([...Reflect.ownKeys(target), ...Object.keys(o)])] : Reflect.ownKeys(target);
    },
    getOwnPropertyDescriptor(target, key) {
      const o = overlay();
      if (o && typeof key === 'string' && key in o) return { value: o[key], writable: true, enumerable: true, configurable: true };
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
  });
  // What the SDK needs to believe it runs inside CloudBase; signing is local, so any secret will do.
  base.TENCENTCLOUD_SECRETID ??= 'local-emulator';
  base.TENCENTCLOUD_SECRETKEY ??= 'local-emulator';
  base.TENCENTCLOUD ??= 'true';
  base.SCF_NAMESPACE ??= 'local-dev';
  base.SILENCE ??= 'true';
  base.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID,WX_UNIONID,WX_API_TOKEN';
}

/** Counted for the bill (issue 14): invocations and their run time, billed by CloudBase in steps of 100 ms. */
export interface InvocationStats {
  invocations: number;
  billedMs: number;
}

export class FunctionRunner {
  private readonly modules = new Map<string, { main: (event: unknown, context: unknown) => Promise<unknown> }>();
  readonly stats: InvocationStats = { invocations: 0, billedMs: 0 };

  constructor(
    private readonly functionsDir: string,
    private readonly adminUrl: () => string,
    private readonly clock: VirtualClock,
  ) {
    installEnvProxy();
  }

  /** variables configured on a deployed function (CloudBase console 云函数 → 配置 → 环境变量), by function name */
  private readonly configured = new Map<string, Record<string, string>>();

  /** Set a function's configured environment variables, e.g. CARD_QR_SECRET; they apply to its later invocations. */
  configureEnvironment(name: string, vars: Record<string, string>): void {
    this.configured.set(name, { ...vars });
  }

  names(): string[] {
    if (!existsSync(this.functionsDir)) return [];
    return readdirSync(this.functionsDir)
      .filter((n) => existsSync(join(this.functionsDir, n, 'index.js')))
      .sort();
  }

  config(name: string): FunctionConfig {
    const file = join(this.functionsDir, name, 'config.json');
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as FunctionConfig) : {};
  }

  /** Run server-side code (seeding, scripts) with the SDK pointed at this emulator, as a function would be. */
  runAsServer<T>(work: () => Promise<T>): Promise<T> {
    return envStore.run(this.invocationEnv(null, 'wx_server', randomBytes(16).toString('hex')), work);
  }

  private invocationEnv(openid: string | null, source: InvocationSource, token: string): Record<string, string> {
    const env: Record<string, string> = {
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: this.adminUrl() }),
      WX_API_TOKEN: token,
      // getWXContext().SOURCE, with WeChat's documented values: wx_client (mini program), scf (function to function), wx_trigger (timer)
      TCB_SOURCE: TCB_SOURCE_OF[source],
      NW_EMULATOR: '1',
      NW_CLOCK_OFFSET_MS: String(this.clock.offset),
    };
    // Like CloudBase, a call without a user carries no OPENID/APPID at all.
    if (openid) Object.assign(env, { WX_OPENID: openid, WX_APPID: 'wxlocaldevappid0' });
    // As CloudBase marks a timer invocation (read by @cloudbase/node-sdk's tcbcontext/wxCloudToken): TRIGGER_SRC=timer
    if (source === 'timer') Object.assign(env, { TRIGGER_SRC: 'timer', WX_TRIGGER_API_TOKEN_V0: token });
    return env;
  }

  async invoke(name: string, event: unknown, caller: { openid?: string | null; source?: InvocationSource } = {}): Promise<unknown> {
    const fn = this.load(name);
    const payload = toJsonText(event ?? {});
    if (Buffer.byteLength(payload) > MAX_EVENT_BYTES) {
      throw new RunnerError('EVENT_TOO_LARGE', `event exceeds ${MAX_EVENT_BYTES} bytes`);
    }
    const source = caller.source ?? 'wx_client';
    const openid = source === 'wx_client' ? caller.openid || null : null;
    const token = randomBytes(16).toString('hex');
    const env = { ...this.invocationEnv(openid, source, token), ...this.configured.get(name) };
    const timeoutMs = (this.config(name).timeout ?? DEFAULT_TIMEOUT_S) * 1000;
    // SCF's context argument: the invocation's variables travel in `environment` (JSON), as @cloudbase/node-sdk parses them
    const context = { function_name: name, request_id: token, namespace: 'local-dev', environment: JSON.stringify(env) };
    let timer: NodeJS.Timeout | undefined;
    const started = performance.now();
    try {
      // The event crosses a process boundary in CloudBase: hand the function a fresh copy, as JSON would.
      const run = envStore.run(env, () => fn.main(JSON.parse(payload), context));
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new RunnerError('FUNCTIONS_TIME_LIMIT_EXCEEDED', `function ${name} timed out after ${timeoutMs} ms`)),
          timeoutMs,
        );
      });
      return JSON.parse(JSON.stringify((await Promise.race([run, timeout])) ?? null));
    } finally {
      clearTimeout(timer);
      this.stats.invocations++;
      this.stats.billedMs += Math.max(1, Math.ceil((performance.now() - started) / 100)) * 100;
    }
  }

  private load(name: string) {
    let mod = this.modules.get(name);
    if (!mod) {
      if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(name)) throw new RunnerError('FUNCTIONS_NOT_FOUND', `function ${name} not found`);
      const file = join(this.functionsDir, name, 'index.js');
      if (!existsSync(file)) throw new RunnerError('FUNCTIONS_NOT_FOUND', `function ${name} not found (run npm run build)`);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      mod = require(file) as { main: (event: unknown, context: unknown) => Promise<unknown> };
      if (typeof mod.main !== 'function') throw new RunnerError('FUNCTIONS_NOT_FOUND', `function ${name} exports no main`);
      this.modules.set(name, mod);
    }
    return mod;
  }
}

export class RunnerError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
