// services/callCloud: every outcome settles as a Result — answers pass through, failures become NETWORK/INTERNAL.
import { callCloud, NETWORK_MESSAGE, TIMEOUT_MESSAGE, BAD_REPLY_MESSAGE, TOO_LARGE_MESSAGE } from '../../miniprogram/services/callCloud';

type Json = Record<string, any>;
const g = global as any;
let storage: Map<string, unknown>;
let envVersion: string;
let requests: Json[];

beforeEach(() => {
  storage = new Map();
  envVersion = 'develop';
  requests = [];
  g.wx = {
    getAccountInfoSync: () => ({ miniProgram: { envVersion } }),
    getStorageSync: (k: string) => (storage.has(k) ? storage.get(k) : ''),
    setStorageSync: (k: string, v: unknown) => storage.set(k, v),
    cloud: { init: () => undefined, callFunction: () => Promise.resolve({ result: { ok: true, data: 1 } }) },
    request: (o: Json) => {
      requests.push(o);
      o.success({ statusCode: 200, data: { ok: true, data: 'local' } });
    },
  };
});

it('sends {action, ...data} to the named function and passes its Result through', async () => {
  let sent: Json = {};
  g.wx.cloud.callFunction = (o: Json) => {
    sent = o;
    return Promise.resolve({ result: { ok: false, code: 'INVITE_INVALID', message: '邀请码无效' } });
  };
  const res = await callCloud('org', 'acceptInvite', { code: 'X' }, { idempotencyKey: 'key-12345678' });
  expect(sent).toEqual({ name: 'org', data: { code: 'X', action: 'acceptInvite', idempotencyKey: 'key-12345678' } });
  expect(res).toEqual({ ok: false, code: 'INVITE_INVALID', message: '邀请码无效' });
});

it('maps a failed call to NETWORK with the Chinese message', async () => {
  g.wx.cloud.callFunction = () => Promise.reject({ errMsg: 'cloud.callFunction:fail request:fail' });
  expect(await callCloud('org', 'me')).toEqual({ ok: false, code: 'NETWORK', message: NETWORK_MESSAGE });
  expect(NETWORK_MESSAGE).toBe('网络不可用，请稍后重试');
});

it('gives up after the timeout instead of spinning forever', async () => {
  g.wx.cloud.callFunction = () => new Promise(() => undefined);
  const started = Date.now();
  expect(await callCloud('org', 'me', {}, { timeoutMs: 50 })).toEqual({ ok: false, code: 'NETWORK', message: TIMEOUT_MESSAGE });
  expect(Date.now() - started).toBeLessThan(2000);
});

it('treats a crashed function or a malformed reply as INTERNAL, not as the user network', async () => {
  g.wx.cloud.callFunction = () =>
    Promise.reject({ errMsg: 'cloud.callFunction:fail Error: errCode: -404011 cloud function execution error' });
  expect(await callCloud('org', 'me')).toEqual({ ok: false, code: 'INTERNAL', message: BAD_REPLY_MESSAGE });
  g.wx.cloud.callFunction = () => Promise.resolve({ result: '<html>502</html>' });
  expect(await callCloud('org', 'me')).toEqual({ ok: false, code: 'INTERNAL', message: BAD_REPLY_MESSAGE });
});

it('in local mode posts the event to the dev API with the chosen demo OPENID', async () => {
  storage.set('dev.localMode', true);
  storage.set('dev.demoOpenid', 'demo-visitor-1');
  expect(await callCloud('org', 'me')).toEqual({ ok: true, data: 'local' });
  expect(requests).toHaveLength(1);
  expect(requests[0]).toMatchObject({
    url: 'http://127.0.0.1:8787/fn/org',
    method: 'POST',
    data: { action: 'me' },
    header: { 'x-wx-openid': 'demo-visitor-1' },
  });
});

it('in local mode an anonymous identity sends no OPENID header, and a stopped backend is a NETWORK failure', async () => {
  storage.set('dev.localMode', true);
  await callCloud('org', 'me');
  expect(requests[0].header['x-wx-openid']).toBeUndefined();
  g.wx.request = (o: Json) => o.fail({ errMsg: 'request:fail connect ECONNREFUSED' });
  expect(await callCloud('org', 'me')).toEqual({ ok: false, code: 'NETWORK', message: NETWORK_MESSAGE });
});

it('never uses local mode outside a develop build', async () => {
  envVersion = 'release';
  storage.set('dev.localMode', true);
  expect(await callCloud('org', 'me')).toEqual({ ok: true, data: 1 });
  expect(requests).toHaveLength(0);
});

it('initialises wx.cloud once with the env of this build, and reports a WeChat without cloud support', async () => {
  const fresh = () => {
    let mod: typeof import('../../miniprogram/services/callCloud') | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module inside the isolated registry
      mod = require('../../miniprogram/services/callCloud');
    });
    return mod!;
  };
  const inits: Json[] = [];
  g.wx.cloud.init = (o: Json) => inits.push(o);
  envVersion = 'trial';
  const first = fresh();
  await first.callCloud('org', 'me');
  await first.callCloud('org', 'me');
  expect(inits).toEqual([{ env: 'linli-trial-0000000000', traceUser: true }]);

  delete g.wx.cloud;
  expect(await fresh().callCloud('org', 'me')).toEqual({ ok: false, code: 'INTERNAL', message: '当前微信版本过低，请升级微信后再使用' });
});

it('refuses an event over 100 KB before sending it (finding 7), with the Chinese reason', async () => {
  let sent = 0;
  g.wx.cloud.callFunction = () => {
    sent++;
    return Promise.resolve({ result: { ok: true, data: 1 } });
  };
  // 35,000 Chinese characters are 105,000 bytes in UTF-8 (over 102,400): the limit counts bytes, not characters
  expect(await callCloud('resident', 'reportHazard', { category: 'other', description: '隐'.repeat(35_000) })).toEqual({
    ok: false,
    code: 'PAYLOAD_TOO_LARGE',
    message: TOO_LARGE_MESSAGE,
  });
  expect(sent).toBe(0);
  expect(await callCloud('resident', 'reportHazard', { category: 'other', description: '隐'.repeat(30_000) })).toEqual({
    ok: true,
    data: 1,
  });
  expect(sent).toBe(1);
});
