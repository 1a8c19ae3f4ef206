// services/outbox: what is worth sending again. A network failure or a CONFLICT (the record was busy: eight phones sending
// at once) keeps the item waiting with its idempotency key; a validation refusal is final and shown with its reason.
import { flush, isRetryable, MAX_CONFLICT_ATTEMPTS, pending, submitOrQueue } from '../../miniprogram/services/outbox';
import type { Result } from '../../typings/result';

type Json = Record<string, any>;
const g = global as any;
let storage: Map<string, unknown>;
let replies: Result<unknown>[];
let sent: Json[];

beforeEach(() => {
  storage = new Map();
  replies = [];
  sent = [];
  g.wx = {
    getAccountInfoSync: () => ({ miniProgram: { envVersion: 'release' } }),
    getStorageSync: (k: string) => (storage.has(k) ? storage.get(k) : ''),
    setStorageSync: (k: string, v: unknown) => storage.set(k, v),
    cloud: {
      init: () => undefined,
      callFunction: (o: Json) => {
        sent.push(o.data);
        const next = replies.shift();
        return next ? Promise.resolve({ result: next }) : Promise.reject({ errMsg: 'cloud.callFunction:fail request:fail' });
      },
    },
  };
});

const CONFLICT: Result<unknown> = { ok: false, code: 'CONFLICT', message: '数据正被其他人同时修改，请稍后重试' };
const INVALID: Result<unknown> = { ok: false, code: 'INVALID_INPUT', message: '走访时间不能晚于现在', field: 'deviceTime' };

it('CONFLICT and NETWORK are retryable; validation, permission and domain refusals are final', () => {
  expect(isRetryable('NETWORK')).toBe(true);
  expect(isRetryable('CONFLICT')).toBe(true);
  for (const code of ['INVALID_INPUT', 'FORBIDDEN', 'NOT_FOUND', 'OFFLINE_TOO_LATE', 'PAYLOAD_TOO_LARGE', 'INTERNAL'] as const)
    expect(isRetryable(code)).toBe(false);
});

it('a submission answered CONFLICT is queued with its key and sent again with the same key', async () => {
  replies = [CONFLICT];
  const first = await submitOrQueue('grid', 'confirmContact', { householdId: 'h1', method: 'phone' }, '联络 一组1号');
  expect(first.queued).toBe(true);
  expect(pending()).toHaveLength(1);
  replies = [{ ok: true, data: { id: 'c1' } }];
  expect(await flush()).toEqual({ sent: 1, refused: [], stillPending: 0 });
  expect(sent[1].idempotencyKey).toBe(sent[0].idempotencyKey);
  expect(pending()).toEqual([]);
});

it('a validation refusal is not queued: the form shows it', async () => {
  replies = [INVALID];
  expect(
    await submitOrQueue(
      'visit',
      'recordVisit',
      { householdId: 'h1', templateId: 't1', answers: [], education: { noticeHandedOver: true, sanQingSanGuanExplained: true } },
      '走访 一组1号',
    ),
  ).toEqual({ queued: false, result: INVALID });
  expect(pending()).toEqual([]);
});

it('on flush a CONFLICT stays waiting while the next item goes through; a validation refusal is kept with its reason', async () => {
  replies = [CONFLICT, CONFLICT, INVALID];
  await submitOrQueue('grid', 'confirmContact', { householdId: 'a', method: 'phone' }, 'A');
  await submitOrQueue('grid', 'confirmContact', { householdId: 'b', method: 'phone' }, 'B');
  await submitOrQueue('grid', 'confirmContact', { householdId: 'c', method: 'phone' }, 'C');
  expect(pending()).toHaveLength(2);
  replies = [CONFLICT, INVALID];
  const report = await flush();
  expect(report.sent).toBe(0);
  expect(report.refused.map((r) => r.item.label)).toEqual(['B']);
  expect(report.stillPending).toBe(1);
  expect(pending().find((i) => i.label === 'A')).toMatchObject({ lastError: null, attempts: 2 });
  expect(pending().find((i) => i.label === 'B')).toMatchObject({ lastError: INVALID.message });
});

it('a CONFLICT that never clears is shown to the user after a bounded number of attempts', async () => {
  replies = [CONFLICT];
  await submitOrQueue('grid', 'confirmContact', { householdId: 'a', method: 'phone' }, 'A');
  for (let i = 1; i < MAX_CONFLICT_ATTEMPTS; i++) {
    replies = [CONFLICT];
    await flush();
  }
  expect(pending()[0]).toMatchObject({ lastError: CONFLICT.message });
});

it('a network failure stops the flush and keeps everything for later', async () => {
  replies = [];
  await submitOrQueue('grid', 'confirmContact', { householdId: 'a', method: 'phone' }, 'A');
  await submitOrQueue('grid', 'confirmContact', { householdId: 'b', method: 'phone' }, 'B');
  const report = await flush();
  expect(report).toEqual({ sent: 0, refused: [], stillPending: 2 });
  expect(sent).toHaveLength(3);
});
