// Test harness: a real emulator on a random loopback port with its own temp data folder, and the real function runner.
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { find } from 'mingo';
import type { Result } from '../../typings/result';
import { startEmulator, type Emulator } from '../../emulator';
import { COLLECTIONS } from '../../server/infra/collections';

export interface Backend {
  emulator: Emulator;
  port: number;
  dataDir: string;
  /** invoke a cloud function in-process through the runner, as WeChat would, with this OPENID (null = anonymous) */
  call<T = any>(fn: string, event: Record<string, unknown>, openid?: string | null): Promise<Result<T>>;
  /** set the virtual clock (ISO string with offset), or null for real time */
  setClock(iso: string | null): void;
  now(): Date;
  /** fire a function's timer trigger now */
  fireTimer(fn: string, triggerName?: string): Promise<Result<unknown>>;
  /** read a collection straight from the emulator store (assertions only) */
  docs(collection: string, filter?: Record<string, unknown>): Record<string, any>[];
  stop(): Promise<void>;
}

export interface BackendOptions {
  dataDir?: string;
  /** seed the demo township */
  demo?: boolean;
  /** folder of cloud functions (default: the project's built cloudfunctions/) */
  functionsDir?: string;
  /** keep the data folder on stop (restart tests) */
  keepData?: boolean;
  /** set the virtual clock before the demo is seeded (the demo's places part is dated from it) */
  clock?: string;
}

export async function startBackend(opts: BackendOptions = {}): Promise<Backend> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'nw-test-'));
  const emulator = await startEmulator({
    dataDir,
    functionsDir: opts.functionsDir,
    collections: COLLECTIONS,
    log: process.env.NW_TEST_LOG ? (l) => console.log(l) : undefined,
  });
  if (opts.clock) emulator.clock.set(opts.clock);
  if (opts.demo) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { seedDemo } = require('../../scripts/demo-data') as { seedDemo: (db: any) => Promise<unknown> };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { getDb } = require('../../server/infra/cloud') as typeof import('../../server/infra/cloud');
    await emulator.runner.runAsServer(() => seedDemo(getDb()));
  }
  return {
    emulator,
    port: emulator.port,
    dataDir,
    call: (fn, event, openid = null) => emulator.runner.invoke(fn, event, { openid, source: 'wx_client' }) as Promise<any>,
    setClock: (iso) => void emulator.clock.set(iso),
    now: () => emulator.clock.now(),
    fireTimer: async (fn, triggerName) => (await emulator.scheduler.fire(fn, triggerName)).result as Result<unknown>,
    docs: (collection, filter = {}) => find(emulator.store.docs(collection), filter).all() as Record<string, any>[],
    async stop() {
      await emulator.close();
      if (!opts.keepData && !opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
