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

export class FunctionRunner {
  private readonly modules = new Map<string, { main: (event: unknown, context: unknown) => Promise<unknown> }>();

  constructor(
    private readonly functionsDir: string,
    private readonly adminUrl: () => string,
    private readonly clock: VirtualClock,
  ) {
    installEnvProxy();
  }

  names(): string[] {
    if (!existsSync(this.functionsDir)) return [];
    return readdirSync(this.functionsDir).filter((n) => existsSync(join(this.functionsDir, n, 'index.js'))).sort();
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
      TCB_SOURCE: source,
      NW_EMULATOR: '1',
      NW_CLOCK_OFFSET_MS: String(this.clock.offset),
    };
    // Like CloudBase, a call without a user carries no OPENID/APPID at all.
    if (openid) Object.assign(env, { WX_OPENID: openid, WX_APPID: 'wxlocaldevappid0' });
    if (source === 'timer') env.TRIGGER_SRC = 'timer';
    return env;
  }

  async invoke(name: string, event: unknown, caller: { openid?: string | null; source?: InvocationSource } = {}): Promise<unknown> {
    const fn = this.load(name);
    const payload = JSON.stringify(event ?? {});
    if (Buffer.byteLength(payload) > MAX_EVENT_BYTES) {
      throw new RunnerError('FUNCTIONS_EXECUTE_FAIL', `event exceeds ${MAX_EVENT_BYTES} bytes`);
    }
    const source = caller.source ?? 'wx_client';
    const openid = source === 'wx_client' ? caller.openid || null : null;
    const token = randomBytes(16).toString('hex');
    const env = this.invocationEnv(openid, source, token);
    const timeoutMs = (this.config(name).timeout ?? DEFAULT_TIMEOUT_S) * 1000;
    let timer: NodeJS.Timeout | undefined;
    try {
      // The event crosses a process boundary in CloudBase: hand the function a fresh copy, as JSON would.
      const run = envStore.run(env, () => fn.main(JSON.parse(payload), { function_name: name, request_id: token }));
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new RunnerError('FUNCTIONS_TIME_LIMIT_EXCEEDED', `function ${name} timed out after ${timeoutMs} ms`)), timeoutMs);
      });
      return JSON.parse(JSON.stringify((await Promise.race([run, timeout])) ?? null));
    } finally {
      clearTimeout(timer);
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
