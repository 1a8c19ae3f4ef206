// Issue 9, findings 6–8, each reproduced through the real runner, wx-server-sdk and emulator: concurrency never answers
// INTERNAL, hostile events are refused with a stable code, and only a real timer invocation runs a timer job.
import { join } from 'path';
import * as cloud from 'wx-server-sdk';
import { startBackend, type Backend } from '../helpers/backend';
import { getDb } from '../../server/infra/cloud';
import { inTransaction, txGet, TX_ATTEMPTS } from '../../server/infra/store';
import { AppError } from '../../server/infra/errors';
import { MAX_EVENT_DEPTH } from '../../server/infra/eventGuard';
import type { Result } from '../../typings/result';

const FUNCTIONS = ['escalation', 'grid', 'household', 'org', 'programme', 'report', 'resident', 'schedule', 'visit'];
const HH = 'demo-hh-1-1-03';

let b: Backend;
beforeAll(async () => {
  b = await startBackend({ demo: true });
});
afterAll(async () => {
  await b?.stop();
});

function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`);
  return r.data;
}
function refused(r: Result<unknown>, code: string): void {
  if (r.ok) throw new Error(`expected ${code}, got ok`);
  expect(r.code).toBe(code);
  expect(r.message).toMatch(/[\u4e00-\u9fff]/);
}
const post = (path: string, body: string, openid = 'demo-office') =>
  fetch(`${b.emulator.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-wx-openid': openid }, body });

describe('finding 6: concurrent updates of one record', () => {
  it('8 concurrent updateHousehold calls all succeed: no INTERNAL, every change audited', async () => {
    const audits = () => b.docs('audit', { action: 'updateHousehold', docId: HH }).length;
    const before = audits();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        b.call('org', { action: 'updateHousehold', householdId: HH, note: `并发修改${i}` }, 'demo-office'),
      ),
    );
    expect(results.map((r) => (r.ok ? 'ok' : r.code))).toEqual(Array(8).fill('ok'));
    expect(audits()).toBe(before + 8);
    expect(b.docs('households', { _id: HH })[0].note).toMatch(/^并发修改[0-7]$/);
  });

  it('concurrent retries of one idempotency key get the first result, and it runs once', async () => {
    const audits = () => b.docs('audit', { action: 'updateHousehold', docId: HH }).length;
    const before = audits();
    const event = { action: 'updateHousehold', householdId: HH, note: '同一次提交重发', idempotencyKey: 'resend-key-0001' };
    const results = await Promise.all(Array.from({ length: 6 }, () => b.call('org', event, 'demo-office')));
    expect(results.map((r) => (r.ok ? 'ok' : r.code))).toEqual(Array(6).fill('ok'));
    for (const r of results) expect(r).toEqual(results[0]);
    expect(audits()).toBe(before + 1);
    // and a resend after the commit replays it byte for byte
    expect(await b.call('org', event, 'demo-office')).toEqual(results[0]);
    expect(audits()).toBe(before + 1);
  });

  it('a transaction that keeps losing its race ends as CONFLICT after bounded retries, never INTERNAL', async () => {
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
    let attempts = 0;
    const started = Date.now();
    const outcome = await b.emulator.runner.runAsServer(async () => {
      const db = getDb();
      try {
        await inTransaction(db, async (tx) => {
          attempts++;
          const h = await txGet<{ note?: string }>(tx, 'households', HH);
          // someone else changes the same household before this transaction commits, every time
          await db
            .collection('households')
            .doc(HH)
            .update({ data: { note: `抢先修改${attempts}` } });
          await tx
            .collection('households')
            .doc(HH)
            .update({ data: { note: `${h?.note ?? ''}+事务` } });
        });
        return 'committed';
      } catch (err) {
        return err instanceof AppError ? `${err.code}:${err.message}` : `other:${String(err)}`;
      }
    });
    expect(outcome).toMatch(/^CONFLICT:.*[\u4e00-\u9fff]/);
    expect(attempts).toBe(TX_ATTEMPTS);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(b.docs('households', { _id: HH })[0].note).toBe(`抢先修改${TX_ATTEMPTS}`);
  });
});

describe('finding 7: hostile events', () => {
  it.each(['toString', 'constructor', '__proto__', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__'])(
    '{"action":"%s"} is UNKNOWN_ACTION in every function',
    async (action) => {
      for (const fn of FUNCTIONS) refused(await b.call(fn, { action }, 'demo-office'), 'UNKNOWN_ACTION');
      const res = await post('/fn/org', `{"action":"${action}"}`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
    },
  );

  it('an event over 100 KB is refused as PAYLOAD_TOO_LARGE by the dev API and by the function itself, never a 500', async () => {
    const res = await post('/fn/org', JSON.stringify({ action: 'me', pad: 'x'.repeat(101 * 1024) }));
    expect(res.status).toBe(413);
    const body = (await res.json()) as Result<unknown>;
    refused(body, 'PAYLOAD_TOO_LARGE');
    // a caller that is not the dev API (e.g. another function over HTTP access) reaches main: it refuses as well
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { main } = require(join(__dirname, '../../cloudfunctions/org/index.js')) as {
      main: (e: unknown, c: unknown) => Promise<Result<unknown>>;
    };
    const direct = await b.emulator.runner.runAsServer(() => main({ action: 'me', pad: '汉'.repeat(40_000) }, {}));
    refused(direct, 'PAYLOAD_TOO_LARGE');
    expect((await fetch(`${b.emulator.url}/_health`)).status).toBe(200);
  });

  it('a 5,000-deep event does not crash the runner: INVALID_INPUT; the limit is 32 levels', async () => {
    const res = await post('/fn/org', `{"action":"me","x":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`);
    expect(res.status).toBe(200);
    refused((await res.json()) as Result<unknown>, 'INVALID_INPUT');
    const nest = (n: number) => {
      let v: unknown = 1;
      for (let i = 0; i < n; i++) v = { a: v };
      return v;
    };
    // the event itself is one level: a field nested MAX_EVENT_DEPTH - 1 deep is the deepest accepted
    expect((await b.call('org', { action: 'me', x: nest(MAX_EVENT_DEPTH - 1) }, 'demo-office')).ok).toBe(true);
    refused(await b.call('org', { action: 'me', x: nest(MAX_EVENT_DEPTH) }, 'demo-office'), 'INVALID_INPUT');
    refused(await b.call('org', { action: 'me', x: nest(15_000) }, 'demo-office'), 'INVALID_INPUT');
    expect((await fetch(`${b.emulator.url}/_health`)).status).toBe(200);
  });

  it('a body that is not a JSON object gets a Result from the dev API, not a 500', async () => {
    for (const text of ['[1,2]', '"text"', '{"action":', 'null']) {
      const res = await post('/fn/org', text);
      expect(res.status).toBe(400);
      refused((await res.json()) as Result<unknown>, 'INVALID_INPUT');
    }
  });

  it('the emulator refuses a document over 16 MB on insert and on update, as CloudBase does', async () => {
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
    b.emulator.store.createCollection('big_docs');
    const big = 'x'.repeat(17 * 1024 * 1024);
    const outcome = await b.emulator.runner.runAsServer(async () => {
      const db = cloud.database();
      const insert = await (db.collection('big_docs').add({ data: { _id: 'too-big', body: big } }) as Promise<unknown>).then(
        () => 'stored',
        (e: { message?: string }) => String(e.message),
      );
      await (db.collection('big_docs').add({ data: { _id: 'grows', body: 'x'.repeat(9 * 1024 * 1024) } }) as Promise<unknown>);
      const update = await (
        db
          .collection('big_docs')
          .doc('grows')
          .update({ data: { more: 'y'.repeat(8 * 1024 * 1024) } }) as Promise<unknown>
      ).then(
        () => 'stored',
        (e: { message?: string }) => String(e.message),
      );
      return { insert, update };
    });
    expect(outcome.insert).toMatch(/16 MB/);
    expect(outcome.update).toMatch(/16 MB/);
    expect(b.docs('big_docs', { _id: 'too-big' })).toHaveLength(0);
    expect(b.docs('big_docs', { _id: 'grows' })[0].more).toBeUndefined();
  });
});

describe('finding 8: timers, secrets', () => {
  const INVITE = 'invite-expired-timer-test';
  beforeAll(async () => {
    const invite = {
      _id: INVITE,
      code: 'TIMER234',
      townshipId: 'demo-township',
      status: 'open',
      role: 'villager',
      scopeType: 'household',
      scopeId: 'demo-hh-1-1-01',
      expiresAt: new Date('2020-01-01T00:00:00Z'),
      createdAt: new Date('2019-12-25T00:00:00Z'),
    };
    await b.emulator.runner.runAsServer(async () => {
      await getDb().collection('invites').add({ data: invite });
    });
  });
  const status = () => b.docs('invites', { _id: INVITE })[0].status;
  const timerEvent = { Type: 'Timer', TriggerName: 'expireInvites', Time: '2024-12-10T03:00:00+08:00', Message: '' };

  it('a timer-shaped event from a phone, an anonymous caller or another function is FORBIDDEN and runs nothing', async () => {
    refused(await b.call('org', timerEvent, null), 'FORBIDDEN');
    refused(await b.call('org', timerEvent, 'demo-office'), 'FORBIDDEN');
    refused((await b.emulator.runner.invoke('org', timerEvent, { source: 'wx_server' })) as Result<unknown>, 'FORBIDDEN');
    const res = await post('/fn/org', JSON.stringify({ Type: 'Timer', TriggerName: 'expireInvites' }), '');
    refused((await res.json()) as Result<unknown>, 'FORBIDDEN');
    expect(status()).toBe('open');
  });

  it('the real timer invocation runs the job; the emulator marks it as CloudBase does', async () => {
    const fired = await b.fireTimer('org', 'expireInvites');
    expect(ok(fired as Result<{ expired: number }>).expired).toBeGreaterThanOrEqual(1);
    expect(status()).toBe('expired');
  });

  it('without CARD_QR_SECRET or WHISTLE_SALT a deployed function answers CONFIG_MISSING, with them it works', async () => {
    // as deployed: not the emulator (no built-in local secrets), variables as configured on the function
    const deployed = (fn: string, vars: Record<string, string> = {}) =>
      b.emulator.runner.configureEnvironment(fn, { NW_EMULATOR: '', ...vars });
    try {
      deployed('household');
      deployed('visit');
      deployed('resident');
      const own = b.docs('persons', { openid: 'demo-villager-1' })[0].grants[0].scopeId as string;
      const card = { action: 'myHousehold', withCard: true };
      refused(await b.call('household', card, 'demo-villager-1'), 'CONFIG_MISSING');
      refused(await b.call('visit', { action: 'getHouseholdCard', householdId: own }, 'demo-villager-1'), 'CONFIG_MISSING');
      const whistle = {
        action: 'whistleBlow',
        villageId: 'demo-village-1',
        householdId: own,
        category: 'ebikeCharging',
        description: '楼道里给电动车充电',
        photos: [],
      };
      refused(await b.call('resident', whistle, 'demo-villager-1'), 'CONFIG_MISSING');
      deployed('household', { CARD_QR_SECRET: 'a-long-random-card-secret-0001' });
      deployed('resident', { WHISTLE_SALT: 'a-long-random-whistle-salt-001' });
      expect(ok(await b.call<{ card: { scene: string } }>('household', card, 'demo-villager-1')).card.scene).toBeTruthy();
      expect((await b.call('resident', whistle, 'demo-villager-1')).ok).toBe(true);
      // a secret too short to be one is as good as none
      deployed('household', { CARD_QR_SECRET: 'short' });
      refused(await b.call('household', card, 'demo-villager-1'), 'CONFIG_MISSING');
    } finally {
      for (const fn of ['household', 'visit', 'resident']) b.emulator.runner.configureEnvironment(fn, {});
    }
  });
});

describe('finding 8: private storage', () => {
  it('the villager card QR reaches the phone as a function-issued temporary link, not a readable file ID', async () => {
    const view = ok(
      await b.call<{ card: { qrFileId: string; qrUrl: string } }>(
        'household',
        { action: 'myHousehold', withCard: true },
        'demo-villager-1',
      ),
    );
    expect(view.card.qrFileId).toMatch(/^cloud:\/\//);
    expect(view.card.qrUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/_storage\/file\/cards\/.+\?expires=\d+&sign=[0-9a-f]+$/);
    const png = await fetch(view.card.qrUrl);
    expect(png.status).toBe(200);
    expect(
      Buffer.from(await png.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    // the same path without the function's signature is refused
    expect((await fetch(view.card.qrUrl.replace(/sign=[0-9a-f]+/, 'sign=00'))).status).toBe(403);
  });
});

describe('the emulator marks invocations as CloudBase does', () => {
  let probe: Backend;
  beforeAll(async () => {
    probe = await startBackend({ functionsDir: join(__dirname, '..', 'fixtures', 'cloudfunctions') });
    probe.emulator.store.createCollection('probe_log');
  });
  afterAll(() => probe.stop());

  it('timer: SOURCE wx_trigger and TRIGGER_SRC=timer (env and context.environment); phone: wx_client; function: scf', async () => {
    const fired = await probe.emulator.scheduler.fire('probe', 'nightly');
    expect((fired.result as { marks: unknown }).marks).toEqual({ source: 'wx_trigger', triggerSrc: 'timer', contextTriggerSrc: 'timer' });
    expect(await probe.call('probe', { op: 'marks' }, 'o-phone')).toEqual({ source: 'wx_client', openid: 'o-phone' });
    expect(await probe.emulator.runner.invoke('probe', { op: 'marks' }, { source: 'wx_server' })).toEqual({ source: 'scf' });
  });
});
