// The local CloudBase: one loopback port serves the SDK's /admin protocol, uploads/downloads, and the dev API.
import http from 'http';
import type { AddressInfo } from 'net';
import { join } from 'path';
import { VirtualClock } from './clock';
import { Store } from './store';
import { DatabaseService } from './admin/database';
import { StorageService } from './admin/storage';
import { OpenApiService } from './admin/openapi';
import { ProtocolError } from './admin/protocol-error';
import { parseMultipart } from './admin/multipart';
import { FunctionRunner, RunnerError } from './runner';
import { TimerScheduler } from './scheduler';

export interface EmulatorOptions {
  port?: number;
  dataDir: string;
  functionsDir?: string;
  /** collections to create if missing (the project's one list) */
  collections?: readonly string[];
  /** start the timer scheduler (npm start does; tests fire timers explicitly) */
  timers?: boolean;
  log?: (line: string) => void;
  /** a fixed delay added to every /admin request, as a network round trip to real CloudBase (default: EMULATOR_DB_LATENCY_MS, else 0) */
  dbLatencyMs?: number;
}

export interface Emulator {
  port: number;
  url: string;
  store: Store;
  clock: VirtualClock;
  runner: FunctionRunner;
  scheduler: TimerScheduler;
  database: DatabaseService;
  /** cloud storage operations and bytes, counted for the bill */
  storageStats: StorageStats;
  /** change the per-request delay of /admin (ms) while running */
  setDbLatency(ms: number): void;
  close(): Promise<void>;
}

export interface StorageStats {
  uploads: number;
  uploadBytes: number;
  downloads: number;
  downloadBytes: number;
}

const MAX_BODY_BYTES = 20 * 1024 * 1024;
/** what the dev API answers for an event over CloudBase's 100 KB callFunction limit: the project's Result shape, never a 500 */
const EVENT_TOO_LARGE_REPLY = { ok: false, code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大（超过100KB），请减少文字或分次提交' };
const PROJECT_ROOT = join(__dirname, '..');

export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const log = options.log ?? (() => {});
  const clock = new VirtualClock();
  const now = () => clock.now();
  const store = new Store(options.dataDir);
  for (const name of options.collections ?? []) store.createCollection(name);
  let url = '';
  let dbLatencyMs = latencyOf(options.dbLatencyMs ?? process.env.EMULATOR_DB_LATENCY_MS);
  const database = new DatabaseService(store, now);
  const storage = new StorageService(store, () => url, now);
  const storageStats: StorageStats = { uploads: 0, uploadBytes: 0, downloads: 0, downloadBytes: 0 };
  const openapi = new OpenApiService(store, now);
  const runner = new FunctionRunner(options.functionsDir ?? join(PROJECT_ROOT, 'cloudfunctions'), () => `${url}/admin`, clock);
  const scheduler = new TimerScheduler(runner, clock, log);

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      log(`[emulator] ${req.method} ${req.url}: ${(err as Error).stack ?? String(err)}`);
      if (!res.headersSent) sendJson(res, 500, { code: 'SYS_ERR', message: 'emulator internal error' });
    });
  });
  server.keepAliveTimeout = 5000;

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = u.pathname;
    const body = await readBody(req);
    if (body === null) {
      if (path.startsWith('/fn/')) return sendJson(res, 413, EVENT_TOO_LARGE_REPLY);
      return sendJson(res, 413, { code: 'INVALID_PARAM', message: 'request body too large' });
    }

    if (path === '/admin' && req.method === 'POST') return admin(req, res, body);

    if (path === '/_storage/upload' && req.method === 'PUT') {
      try {
        storage.acceptUpload(
          u.searchParams.get('path') ?? '',
          u.searchParams.get('sign') ?? '',
          body,
          String(req.headers['content-type'] ?? ''),
        );
        storageStats.uploads++;
        storageStats.uploadBytes += body.length;
      } catch (err) {
        res.writeHead(403, { 'content-type': 'application/xml' });
        return void res.end(
          `<?xml version='1.0' encoding='utf-8' ?><Error><Code>SignatureDoesNotMatch</Code><Message>${(err as Error).message}</Message><RequestId>local</RequestId><TraceId>local</TraceId></Error>`,
        );
      }
      res.writeHead(200);
      return void res.end();
    }

    if (path.startsWith('/_storage/file/') && req.method === 'GET') {
      const file = storage.download(
        decodeURIComponent(path.slice('/_storage/file/'.length)),
        Number(u.searchParams.get('expires')),
        u.searchParams.get('sign') ?? '',
      );
      if (!file) return sendJson(res, 403, { code: 'STORAGE_EXCEED_AUTHORITY', message: 'link expired or invalid' });
      storageStats.downloads++;
      storageStats.downloadBytes += file.data.length;
      res.writeHead(200, { 'content-type': file.contentType, 'content-length': file.data.length });
      return void res.end(file.data);
    }

    // DevTools local mode has no cloud storage: wx.uploadFile posts the photo here (multipart, field "file")
    if (path === '/_upload' && req.method === 'POST') {
      const cloudPath = u.searchParams.get('path') ?? '';
      if (!/^[A-Za-z0-9_\-./]{1,200}$/.test(cloudPath) || cloudPath.includes('..') || cloudPath.startsWith('/')) {
        return sendJson(res, 400, { code: 'INVALID_PARAM', message: 'invalid path' });
      }
      const form = await parseMultipart(String(req.headers['content-type'] ?? ''), body).catch(() => null);
      const file = form?.get('file');
      if (!file || file.length === 0) return sendJson(res, 400, { code: 'INVALID_PARAM', message: 'multipart field "file" is required' });
      store.putFile(cloudPath, file, 'application/octet-stream', clock.now().getTime());
      storageStats.uploads++;
      storageStats.uploadBytes += file.length;
      return sendJson(res, 200, { fileID: StorageService.fileIdOf(cloudPath) });
    }

    if (path === '/_health' && req.method === 'GET') {
      return sendJson(res, 200, {
        ok: true,
        now: clock.now().toISOString(),
        functions: runner.names(),
        collections: store.collectionNames().length,
      });
    }

    if (path === '/_clock') {
      if (req.method === 'GET') return sendJson(res, 200, { now: clock.now().toISOString(), offsetMs: clock.offset });
      if (req.method === 'POST') {
        const parsed = parseJson(body);
        const nowValue = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>).now : undefined;
        if (nowValue !== null && typeof nowValue !== 'string')
          return sendJson(res, 400, { code: 'INVALID_PARAM', message: 'body must be {"now": ISO string | null}' });
        try {
          clock.set(nowValue);
        } catch (err) {
          return sendJson(res, 400, { code: 'INVALID_PARAM', message: (err as Error).message });
        }
        const fired = await scheduler.tick();
        return sendJson(res, 200, {
          now: clock.now().toISOString(),
          offsetMs: clock.offset,
          timersFired: fired.map((f) => `${f.fn}/${f.trigger}`),
        });
      }
    }

    if (path === '/_messages' && req.method === 'GET') return sendJson(res, 200, { messages: store.messages() });

    const timerMatch = /^\/_timer\/([A-Za-z0-9_-]+)(?:\/([A-Za-z0-9_-]+))?$/.exec(path);
    if (timerMatch && req.method === 'POST') {
      try {
        return sendJson(res, 200, await scheduler.fire(timerMatch[1], timerMatch[2]));
      } catch (err) {
        return sendJson(res, 404, { code: 'FUNCTIONS_NOT_FOUND', message: (err as Error).message });
      }
    }

    const fnMatch = /^\/fn\/([A-Za-z0-9_-]+)$/.exec(path);
    if (fnMatch && req.method === 'POST') {
      const event = body.length ? parseJson(body) : {};
      if (event === undefined || event === null || typeof event !== 'object' || Array.isArray(event)) {
        return sendJson(res, 400, { ok: false, code: 'INVALID_INPUT', message: '请求内容必须是 JSON 对象' });
      }
      const openid = String(req.headers['x-wx-openid'] ?? '').trim() || null;
      try {
        return sendJson(res, 200, await runner.invoke(fnMatch[1], event, { openid, source: 'wx_client' }));
      } catch (err) {
        const code = err instanceof RunnerError ? err.code : 'FUNCTIONS_EXECUTE_FAIL';
        // the platform refuses an oversize event before any function runs; DevTools local mode still gets a Result to show
        if (code === 'EVENT_TOO_LARGE') return sendJson(res, 413, EVENT_TOO_LARGE_REPLY);
        return sendJson(res, code === 'FUNCTIONS_NOT_FOUND' ? 404 : 500, { code, message: (err as Error).message });
      }
    }

    sendJson(res, 404, { code: 'NOT_FOUND', message: `no route ${req.method} ${path}` });
  }

  async function admin(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): Promise<void> {
    if (dbLatencyMs > 0) await new Promise<void>((resolve) => setTimeout(resolve, dbLatencyMs));
    const contentType = String(req.headers['content-type'] ?? '');
    try {
      if (contentType.startsWith('multipart/form-data')) {
        const form = await parseMultipart(contentType, body);
        if (form.get('action')?.toString() !== 'wx.openApi') throw new ProtocolError('INVALID_PARAM', 'unsupported multipart action');
        const bytes = form.get('requestData') ?? Buffer.alloc(0);
        const reply = await openapi.handle(form.get('apiName')?.toString() ?? '', bytes);
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        return void res.end(reply);
      }
      const params = parseJson(body) as Record<string, any> | undefined;
      if (!params || typeof params !== 'object' || typeof params.action !== 'string')
        throw new ProtocolError('INVALID_PARAM', 'malformed request');
      const action: string = params.action;
      let reply: unknown;
      if (action.startsWith('database.')) reply = database.handle(action, params);
      else if (action.startsWith('storage.')) reply = storage.handle(action, params);
      else if (action === 'functions.invokeFunction') reply = await invokeFromFunction(params);
      else throw new ProtocolError('INVALID_PARAM', `unsupported action ${action}`);
      sendJson(res, 200, { requestId: `local-${Date.now()}`, ...(reply as object) });
    } catch (err) {
      if (err instanceof ProtocolError)
        return sendJson(res, 200, { code: err.code, message: err.message, requestId: `local-${Date.now()}` });
      throw err;
    }
  }

  /** Function-to-function calls: the callee runs as a server-side call, with no user OPENID. */
  async function invokeFromFunction(p: Record<string, any>) {
    let event: unknown;
    try {
      event = p.request_data ? JSON.parse(String(p.request_data)) : {};
    } catch {
      throw new ProtocolError('INVALID_PARAM', 'request_data must be JSON');
    }
    try {
      const result = await runner.invoke(String(p.function_name), event, { source: 'wx_server' });
      return { data: { response_data: JSON.stringify(result) } };
    } catch (err) {
      throw new ProtocolError(err instanceof RunnerError ? err.code : 'FUNCTIONS_EXECUTE_FAIL', (err as Error).message);
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  url = `http://127.0.0.1:${port}`;
  if (options.timers) scheduler.start();

  return {
    port,
    url,
    store,
    clock,
    runner,
    scheduler,
    database,
    storageStats,
    setDbLatency: (ms: number) => void (dbLatencyMs = latencyOf(ms)),
    async close() {
      scheduler.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      store.close();
    },
  };
}

function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function latencyOf(v: unknown): number {
  const n = Number(v ?? 0);
  if (!Number.isFinite(n) || n < 0)
    throw new Error(`EMULATOR_DB_LATENCY_MS must be a non-negative number of milliseconds, got ${String(v)}`);
  return n;
}
