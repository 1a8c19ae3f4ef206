// Wire-contract tests: the real, unmodified wx-server-sdk against the emulator's /admin protocol.
import { join } from 'path';
import * as cloud from 'wx-server-sdk';
import { PNG } from 'pngjs';
import { startBackend, type Backend } from '../helpers/backend';

const FIXTURES = join(__dirname, '..', 'fixtures', 'cloudfunctions');
let backend: Backend;
let db: ReturnType<typeof cloud.database>;
const asServer = <T>(work: () => Promise<T>) => backend.emulator.runner.runAsServer(work);

beforeAll(async () => {
  backend = await startBackend({ functionsDir: FIXTURES });
  backend.emulator.store.createCollection('probe_log');
  backend.emulator.store.createCollection('things');
  backend.emulator.store.createCollection('owners');
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
  db = cloud.database();
});
afterAll(() => backend.stop());

describe('database', () => {
  test('insert, get by id and where, with order, skip, limit and projection', async () => {
    await asServer(async () => {
      const added = (await db
        .collection('things')
        .add({ data: { name: 'a', n: 1, at: new Date('2024-12-31T15:30:00Z'), nest: { k: 1 } } })) as { _id: string };
      expect(added._id).toMatch(/^[0-9a-f]{32}$/);
      await db.collection('things').add({ data: { _id: 'fixed-b', name: 'b', n: 2 } });
      await db.collection('things').add({ data: { _id: 'fixed-c', name: 'c', n: 3 } });
      const one = (await db.collection('things').doc(added._id).get()) as { data: any };
      expect(Object.prototype.toString.call(one.data.at)).toBe('[object Date]');
      expect(one.data.at.toISOString()).toBe('2024-12-31T15:30:00.000Z');
      const _ = db.command;
      const res = (await db
        .collection('things')
        .where({ n: _.gte(2) })
        .orderBy('n', 'desc')
        .skip(0)
        .limit(1)
        .field({ name: true })
        .get()) as { data: any[] };
      expect(res.data).toEqual([{ _id: 'fixed-c', name: 'c' }]);
      const rx = (await db
        .collection('things')
        .where({ name: db.RegExp({ regexp: '^[AB]$', options: 'i' }) })
        .get()) as { data: any[] };
      expect(rx.data.map((d) => d.name).sort()).toEqual(['a', 'b']);
    });
  });

  test('equality lookups stay right as documents change (the emulator indexes them on first use)', async () => {
    await asServer(async () => {
      const _ = db.command;
      await db.collection('things').add({ data: { _id: 'ix1', village: 'v1', tags: ['a', 'b'], n: 1 } });
      await db.collection('things').add({ data: { _id: 'ix2', village: 'v1', tags: ['b'], n: 2 } });
      const ids = async (q: Record<string, unknown>) =>
        ((await db.collection('things').where(q).get()) as { data: { _id: string }[] }).data.map((d) => d._id).sort();
      expect(await ids({ village: 'v1' })).toEqual(['ix1', 'ix2']);
      expect(await ids({ tags: 'b' })).toEqual(['ix1', 'ix2']);
      await db
        .collection('things')
        .doc('ix1')
        .update({ data: { village: 'v2', tags: _.pull('b') } });
      expect(await ids({ village: 'v1' })).toEqual(['ix2']);
      expect(await ids({ village: 'v2', n: 1 })).toEqual(['ix1']);
      expect(await ids({ tags: 'b' })).toEqual(['ix2']);
      await db.collection('things').doc('ix2').remove();
      expect(await ids({ village: 'v1' })).toEqual([]);
      expect(await ids({ _id: _.in(['ix1', 'ix2', 'nope']) })).toEqual(['ix1']);
      expect(await ids({ village: _.in(['v2', 'v9']), n: _.gte(1) })).toEqual(['ix1']);
      const agg = (await db.collection('things').aggregate().match({ village: 'v2' }).project({ n: 1 }).end()) as { list: unknown[] };
      expect(agg.list).toEqual([{ _id: 'ix1', n: 1 }]);
    });
  });

  test('duplicate _id is refused', async () => {
    await asServer(async () => {
      await expect(db.collection('things').add({ data: { _id: 'fixed-b', name: 'again' } })).rejects.toBeTruthy();
    });
  });

  test('update operators: inc, set nested, push, pull, addToSet, unset, mul, min/max, remove', async () => {
    await asServer(async () => {
      const _ = db.command;
      await db.collection('things').add({ data: { _id: 'ops', n: 1, tags: ['x'], nest: { a: 1, b: 1 }, gone: true, lo: 5, hi: 5, m: 2 } });
      const r = (await db
        .collection('things')
        .doc('ops')
        .update({
          data: {
            n: _.inc(2),
            nest: { b: 9 },
            tags: _.push(['y', 'z']),
            gone: _.remove(),
            lo: _.min(1),
            hi: _.max(9),
            m: _.mul(5),
            when: db.serverDate(),
          },
        })) as { stats: { updated: number } };
      expect(r.stats.updated).toBe(1);
      await db
        .collection('things')
        .doc('ops')
        .update({ data: { tags: _.pull('y') } });
      await db
        .collection('things')
        .doc('ops')
        .update({ data: { tags: _.addToSet('x') } });
      const d = backend.docs('things', { _id: 'ops' })[0];
      expect(d).toMatchObject({ n: 3, nest: { a: 1, b: 9 }, tags: ['x', 'z'], lo: 1, hi: 9, m: 10 });
      expect(d.gone).toBeUndefined();
      expect(Object.prototype.toString.call(d.when)).toBe('[object Date]');
      // set() replaces the whole document
      await db
        .collection('things')
        .doc('ops')
        .set({ data: { only: 1 } });
      expect(backend.docs('things', { _id: 'ops' })[0]).toEqual({ _id: 'ops', only: 1 });
      // where().update is multi, where().remove too
      const multi = (await db
        .collection('things')
        .where({ name: _.in(['b', 'c']) })
        .update({ data: { flagged: true } })) as { stats: { updated: number } };
      expect(multi.stats.updated).toBe(2);
      const count = (await db.collection('things').where({ flagged: true }).count()) as { total: number };
      expect(count.total).toBe(2);
      const removed = (await db.collection('things').where({ flagged: true }).remove()) as { stats: { removed: number } };
      expect(removed.stats.removed).toBe(2);
      await db.collection('things').doc('ops').remove();
      expect(backend.docs('things', { _id: 'ops' })).toHaveLength(0);
    });
  });

  test('get() returns 100 without a limit and never more than 1000', async () => {
    backend.emulator.store.createCollection('many');
    await asServer(async () => {
      const batch = Array.from({ length: 1200 }, (_, i) => ({ _id: `m${String(i).padStart(5, '0')}`, i }));
      for (let i = 0; i < batch.length; i += 200) await db.collection('many').add({ data: batch.slice(i, i + 200) as any });
      const def = (await db.collection('many').get()) as { data: unknown[] };
      expect(def.data).toHaveLength(100);
      const big = (await db.collection('many').limit(1000).get()) as { data: unknown[] };
      expect(big.data).toHaveLength(1000);
      const count = (await db.collection('many').count()) as { total: number };
      expect(count.total).toBe(1200);
    });
  });

  test('aggregate returns 20 unless limited, and $lookup joins another collection', async () => {
    await asServer(async () => {
      const $ = db.command.aggregate;
      const def = (await db
        .collection('many')
        .aggregate()
        .match({ i: db.command.gte(0) })
        .end()) as { list: unknown[] };
      expect(def.list).toHaveLength(20);
      await db.collection('owners').add({ data: { _id: 'o1', name: '张三' } });
      await db.collection('things').add({ data: { _id: 'owned', owner: 'o1', n: 7 } });
      const joined = (await db
        .collection('things')
        .aggregate()
        .match({ _id: 'owned' })
        .lookup({ from: 'owners', localField: 'owner', foreignField: '_id', as: 'ownerDocs' })
        .project({ n: 1, ownerName: $.arrayElemAt(['$ownerDocs.name', 0]) })
        .end()) as { list: any[] };
      expect(joined.list).toEqual([{ _id: 'owned', n: 7, ownerName: '张三' }]);
      const grouped = (await db
        .collection('many')
        .aggregate()
        .group({ _id: null, total: $.sum('$i') })
        .end()) as { list: any[] };
      expect(grouped.list[0].total).toBe((1199 * 1200) / 2);
    });
  });

  test('a missing collection fails with DATABASE_COLLECTION_NOT_EXIST until created', async () => {
    await asServer(async () => {
      await expect(db.collection('nope').get()).rejects.toMatchObject({ errCode: -502005 });
      await db.createCollection('nope');
      const res = (await db.collection('nope').get()) as { data: unknown[] };
      expect(res.data).toEqual([]);
    });
  });

  test('transactions commit single-document operations atomically and refuse where()', async () => {
    await asServer(async () => {
      await db.collection('things').add({ data: { _id: 'acct-a', balance: 10 } });
      await db.collection('things').add({ data: { _id: 'acct-b', balance: 0 } });
      await db.runTransaction(async (t: any) => {
        const a = (await t.collection('things').doc('acct-a').get()).data;
        await t
          .collection('things')
          .doc('acct-a')
          .update({ data: { balance: a.balance - 4 } });
        await t
          .collection('things')
          .doc('acct-b')
          .update({ data: { balance: db.command.inc(4) } });
        await t.collection('things').add({ data: { _id: 'tx-log', moved: 4 } });
      });
      expect(
        backend
          .docs('things', { _id: { $in: ['acct-a', 'acct-b'] } })
          .map((d) => d.balance)
          .sort(),
      ).toEqual([4, 6]);
      expect(backend.docs('things', { _id: 'tx-log' })).toHaveLength(1);
      // a failing callback writes nothing
      await expect(
        db.runTransaction(async (t: any) => {
          await t
            .collection('things')
            .doc('acct-a')
            .update({ data: { balance: 999 } });
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect(backend.docs('things', { _id: 'acct-a' })[0].balance).toBe(6);
      await expect(
        db.runTransaction(async (t: any) => {
          await t.collection('things').where({ balance: 6 }).get();
          await t
            .collection('things')
            .doc('acct-a')
            .update({ data: { balance: 1 } });
        }),
      ).rejects.toBeTruthy();
      expect(backend.docs('things', { _id: 'acct-a' })[0].balance).toBe(6);
    });
  });

  test('concurrent transactions on one document conflict and the SDK retries: no lost update', async () => {
    await asServer(async () => {
      await db.collection('things').add({ data: { _id: 'counter', n: 0 } });
      const bump = () =>
        db.runTransaction(async (t: any) => {
          const cur = (await t.collection('things').doc('counter').get()).data;
          await new Promise((r) => setTimeout(r, 5));
          await t
            .collection('things')
            .doc('counter')
            .set({ data: { n: cur.n + 1 } });
        }, 10);
      const results = await Promise.allSettled([bump(), bump(), bump()]);
      const ok = results.filter((r) => r.status === 'fulfilled').length;
      expect(backend.docs('things', { _id: 'counter' })[0].n).toBe(ok);
      expect(ok).toBeGreaterThan(0);
    });
  });
});

describe('storage', () => {
  test('upload, temp URL, download, delete', async () => {
    await asServer(async () => {
      const up = (await cloud.uploadFile({ cloudPath: 'photos/p1.txt', fileContent: Buffer.from('隐患照片') })) as { fileID: string };
      expect(up.fileID).toMatch(/^cloud:\/\/.+\/photos\/p1\.txt$/);
      const temp = (await cloud.getTempFileURL({ fileList: [up.fileID] })) as { fileList: { tempFileURL: string; status: number }[] };
      expect(temp.fileList[0].status).toBe(0);
      const fetched = await fetch(temp.fileList[0].tempFileURL);
      expect(await fetched.text()).toBe('隐患照片');
      const forged = await fetch(temp.fileList[0].tempFileURL.replace(/sign=[0-9a-f]+/, 'sign=00'));
      expect(forged.status).toBe(403);
      const dl = (await cloud.downloadFile({ fileID: up.fileID })) as { fileContent: Buffer };
      expect(dl.fileContent.toString()).toBe('隐患照片');
      const del = (await cloud.deleteFile({ fileList: [up.fileID] })) as { fileList: { status: number }[] };
      expect(del.fileList[0].status).toBe(0);
      const again = (await cloud.deleteFile({ fileList: [up.fileID] })) as { fileList: { status: number }[] };
      expect(again.fileList[0].status).not.toBe(0);
      await expect(cloud.downloadFile({ fileID: up.fileID })).rejects.toBeTruthy();
    });
  });
});

describe('functions and openapi', () => {
  test('function-to-function calls run the callee as a server call without the user identity', async () => {
    const res = (await backend.call('probe', { op: 'callOther' }, 'user-1')) as any;
    expect(res.before).toBeUndefined();
    expect(res.after).toBeUndefined();
    // WeChat's documented SOURCE for a function called by a function (Cloud.getWXContext: "scf 云函数调用云函数")
    expect(res.source).toBe('scf');
  });

  test('subscribeMessage.send is recorded, never sent', async () => {
    await asServer(async () => {
      const r = await cloud.openapi.subscribeMessage.send({
        touser: 'o-visitor',
        templateId: 'TPL1',
        page: 'pages/home/index',
        data: { thing1: { value: '走访提醒' } },
      });
      expect(r.errCode).toBe(0);
      await expect(cloud.openapi.subscribeMessage.send({ touser: '', templateId: 'TPL1', data: {} })).rejects.toBeTruthy();
    });
    const messages = backend.emulator.store.messages();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ touser: 'o-visitor', templateId: 'TPL1', data: { thing1: { value: '走访提醒' } } });
  });

  test('wxacode.getUnlimited returns a real PNG and refuses a bad scene', async () => {
    await asServer(async () => {
      const r = (await cloud.openapi.wxacode.getUnlimited({ scene: 'inv=AB12cd', page: 'pages/home/index' })) as {
        contentType: string;
        buffer: Buffer;
      };
      expect(r.contentType).toBe('image/png');
      const png = PNG.sync.read(Buffer.from(r.buffer));
      expect(png.width).toBeGreaterThan(100);
      await expect(cloud.openapi.wxacode.getUnlimited({ scene: 'x'.repeat(33) })).rejects.toMatchObject({ errCode: 40169 });
    });
  });
});
