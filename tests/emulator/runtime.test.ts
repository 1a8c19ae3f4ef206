// The runner, clock, scheduler, persistence and dev API of the local CloudBase.
import { spawn } from 'child_process';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as cloud from 'wx-server-sdk';
import { startBackend, type Backend } from '../helpers/backend';
import { nextFireTime } from '../../emulator/scheduler';

const FIXTURES = join(__dirname, '..', 'fixtures', 'cloudfunctions');

describe('runner and clock', () => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await startBackend({ functionsDir: FIXTURES });
    backend.emulator.store.createCollection('probe_log');
  });
  afterAll(() => backend.stop());

  test('concurrent invocations with different OPENIDs each see their own identity', async () => {
    const ids = ['o-alpha', 'o-beta', 'o-gamma', null];
    const results = (await Promise.all(
      ids.map((id, i) => backend.call('probe', { op: 'whoami', delayMs: 30 - i * 10 }, id)),
    )) as unknown as { before?: string; after?: string }[];
    results.forEach((r, i) => {
      expect(r.before).toBe(ids[i] ?? undefined);
      expect(r.after).toBe(ids[i] ?? undefined);
    });
  });

  test('the virtual clock moves both function time and db.serverDate()', async () => {
    backend.setClock('2024-12-31T23:30:00+08:00');
    // Functions read time through the project's clock helper, which obeys the emulator inside an invocation.
    const { now } = await import('../../server/infra/clock');
    const seen = await backend.emulator.runner.runAsServer(async () => now());
    expect(Math.abs(seen.getTime() - Date.parse('2024-12-31T15:30:00Z'))).toBeLessThan(5000);
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
    await backend.emulator.runner.runAsServer(async () => {
      const db = cloud.database();
      await db.collection('probe_log').add({ data: { _id: 'server-date', at: db.serverDate() } });
    });
    const stored = backend.docs('probe_log', { _id: 'server-date' })[0].at as Date;
    expect(Math.abs(stored.getTime() - Date.parse('2024-12-31T15:30:00Z'))).toBeLessThan(5000);
    backend.setClock(null);
    expect(Math.abs(backend.now().getTime() - Date.now())).toBeLessThan(1000);
  });

  test('outside the emulator the clock helper ignores any offset', async () => {
    const { now } = await import('../../server/infra/clock');
    const saved = { e: process.env.NW_EMULATOR, o: process.env.NW_CLOCK_OFFSET_MS };
    process.env.NW_CLOCK_OFFSET_MS = String(-365 * 86400_000);
    delete process.env.NW_EMULATOR;
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
    process.env.NW_CLOCK_OFFSET_MS = saved.o ?? '';
    if (saved.e !== undefined) process.env.NW_EMULATOR = saved.e;
  });

  test('a timer fires on its Beijing-time cron as the virtual clock passes it', async () => {
    // fixture cron "0 0 2 * * * *" = 02:00 Beijing = 18:00 UTC the day before
    expect(nextFireTime('0 0 2 * * * *', new Date('2024-12-01T17:00:00Z'))!.toISOString()).toBe('2024-12-01T18:00:00.000Z');
    expect(nextFireTime('0 0 2 * * * 2023', new Date('2024-12-01T17:00:00Z'))).toBeNull();
    backend.setClock('2024-12-02T01:59:58+08:00');
    await backend.emulator.scheduler.tick();
    const before = backend.docs('probe_log', { kind: 'timer' }).length;
    backend.setClock('2024-12-02T02:00:01+08:00');
    const fired = await backend.emulator.scheduler.tick();
    expect(fired.map((f) => f.trigger)).toEqual(['nightly']);
    expect(backend.docs('probe_log', { kind: 'timer' })).toHaveLength(before + 1);
    expect(await backend.emulator.scheduler.tick()).toEqual([]);
    backend.setClock(null);
  });
});

describe('persistence', () => {
  test('data survive a restart of the emulator', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'nw-restart-'));
    const first = await startBackend({ dataDir, functionsDir: FIXTURES });
    first.emulator.store.createCollection('kept');
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
    await first.emulator.runner.runAsServer(async () => {
      const db = cloud.database();
      await db.collection('kept').add({ data: { _id: 'k1', when: new Date('2025-01-01T00:30:00+08:00'), n: 1 } });
      await db
        .collection('kept')
        .doc('k1')
        .update({ data: { n: db.command.inc(1) } });
      await cloud.uploadFile({ cloudPath: 'kept/a.txt', fileContent: Buffer.from('保存') });
    });
    await first.stop();
    const second = await startBackend({ dataDir, functionsDir: FIXTURES });
    const doc = second.docs('kept', { _id: 'k1' })[0];
    expect(doc.n).toBe(2);
    expect((doc.when as Date).toISOString()).toBe('2024-12-31T16:30:00.000Z');
    expect(second.emulator.store.getFile('kept/a.txt')?.data.toString()).toBe('保存');
    await second.stop();
  });

  test('kill -9 during writes loses no acknowledged write', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'nw-kill-'));
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', 'fixtures', 'write-until-killed.ts'), dataDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let acknowledged = 0;
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const lines = chunk.toString().trim().split('\n');
        acknowledged = Number(lines[lines.length - 1]);
        if (acknowledged >= 300) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((r) => child.once('exit', r));
    const after = await startBackend({ dataDir, functionsDir: FIXTURES });
    const stored = after.docs('writes');
    expect(stored.length).toBeGreaterThanOrEqual(acknowledged);
    const seqs = new Set(stored.map((d) => d.seq));
    for (let i = 1; i <= acknowledged; i++) expect(seqs.has(i)).toBe(true);
    await after.stop();
  });
});

describe('dev API over HTTP', () => {
  let backend: Backend;
  let base: string;
  beforeAll(async () => {
    backend = await startBackend({ functionsDir: FIXTURES });
    backend.emulator.store.createCollection('probe_log');
    base = `http://127.0.0.1:${backend.port}`;
  });
  afterAll(() => backend.stop());

  test('health, clock, function calls with x-wx-openid, timers, messages', async () => {
    expect(await (await fetch(`${base}/_health`)).json()).toMatchObject({ ok: true, functions: ['probe'] });
    const set = await fetch(`${base}/_clock`, { method: 'POST', body: JSON.stringify({ now: '2024-12-31T23:30:00+08:00' }) });
    expect(Date.parse(((await set.json()) as { now: string }).now)).toBeGreaterThanOrEqual(Date.parse('2024-12-31T15:30:00Z'));
    const bad = await fetch(`${base}/_clock`, { method: 'POST', body: JSON.stringify({ now: 'yesterday-ish' }) });
    expect(bad.status).toBe(400);
    await fetch(`${base}/_clock`, { method: 'POST', body: JSON.stringify({ now: null }) });
    const who = await fetch(`${base}/fn/probe`, {
      method: 'POST',
      headers: { 'x-wx-openid': 'o-http' },
      body: JSON.stringify({ op: 'whoami' }),
    });
    expect(await who.json()).toMatchObject({ before: 'o-http', after: 'o-http' });
    const anon = await fetch(`${base}/fn/probe`, { method: 'POST', body: JSON.stringify({ op: 'whoami' }) });
    expect(((await anon.json()) as { before?: string }).before).toBeUndefined();
    const missing = await fetch(`${base}/fn/nothing`, { method: 'POST', body: '{}' });
    expect(missing.status).toBe(404);
    const timer = await fetch(`${base}/_timer/probe`, { method: 'POST' });
    expect(await timer.json()).toMatchObject({ fn: 'probe', trigger: 'nightly', result: { fired: 'nightly' } });
    expect(await (await fetch(`${base}/_messages`)).json()).toEqual({ messages: [] });
  });

  test('DevTools local mode uploads photos through /_upload; the file ID then works with the real SDK', async () => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('本地照片')]), 'a.jpg');
    const up = await fetch(`${base}/_upload?path=${encodeURIComponent('resident/reports/local-1.jpg')}`, { method: 'POST', body: form });
    const { fileID } = (await up.json()) as { fileID: string };
    expect(fileID).toMatch(/^cloud:\/\/.+\/resident\/reports\/local-1\.jpg$/);
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
    const dl = await backend.emulator.runner.runAsServer(async () => (await cloud.downloadFile({ fileID })) as { fileContent: Buffer });
    expect(dl.fileContent.toString()).toBe('本地照片');
    const bad = await fetch(`${base}/_upload?path=${encodeURIComponent('../etc/passwd')}`, { method: 'POST', body: form });
    expect(bad.status).toBe(400);
  });

  test('malformed protocol requests get CloudBase-style errors and the emulator stays up', async () => {
    const garbage = await fetch(`${base}/admin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(await garbage.json()).toMatchObject({ code: 'INVALID_PARAM' });
    const unknown = await fetch(`${base}/admin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'database.explode' }),
    });
    expect(await unknown.json()).toMatchObject({ code: 'INVALID_PARAM' });
    const badQuery = await fetch(`${base}/admin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'database.getDocument', collectionName: 'probe_log', query: '{"$bogus":' }),
    });
    expect(((await badQuery.json()) as { code: string }).code).toMatch(/^[A-Z_]+$/);
    expect((await fetch(`${base}/_health`)).status).toBe(200);
  });
});
