// `npm run bench:export`: a 30,000-person elderly registry exported as seed 000's table through the built `report`
// function (streaming writer), sampling memory while it runs. Prints figures; asserts nothing.
// The emulator runs in this same process, so the heap figures include its query work: an upper bound for the function.
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { startEmulator } from '../emulator';
import type { WriteOp } from '../emulator/store';
import { COLLECTIONS } from '../server/infra/collections';
import type { ExportDone } from '../typings/report';

const ROWS = Number(process.env.BENCH_ROWS ?? 30000);
const TOWNSHIP = 'bench-township';
const FUNCTION_MEMORY_MB = 256;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nw-bench-export-'));
  const emulator = await startEmulator({ dataDir, collections: COLLECTIONS });
  try {
    const at = new Date('2026-11-01T00:00:00+08:00');
    const ops: WriteOp[] = [];
    const put = (coll: string, doc: Record<string, any>) => {
      ops.push({ coll, id: doc._id, doc });
      if (ops.length >= 20000) emulator.store.write(ops.splice(0));
    };
    put('townships', { _id: TOWNSHIP, name: '基准镇（合成）', createdAt: at });
    put('persons', {
      _id: 'bench-office',
      townshipId: TOWNSHIP,
      name: '办公室',
      phone: '13800009001',
      openid: 'bench-office',
      active: true,
      grants: [{ role: 'office', scopeType: 'township', scopeId: TOWNSHIP, townshipId: TOWNSHIP }],
      createdAt: at,
      updatedAt: at,
    });
    const villages = Math.max(1, Math.round(ROWS / 100));
    for (let v = 0; v < villages; v++)
      put('villages', { _id: `bv${v}`, townshipId: TOWNSHIP, name: `合成村${v}`, createdAt: at, updatedAt: at });
    for (let i = 0; i < ROWS; i++) {
      const villageId = `bv${i % villages}`;
      // one in three is linked to a household with a hazard and an educating visit, so the counts are read too
      const householdId = i % 3 === 0 ? `bh${i}` : null;
      if (householdId) {
        put('households', {
          _id: householdId,
          townshipId: TOWNSHIP,
          villageId,
          gridId: `bg${i % villages}`,
          address: `合成村${i % villages}${i}号`,
          headName: `老人${i}`,
          members: [],
          location: null,
          vulnerability: { elderlyAlone: true },
          active: true,
          movedOutAt: null,
          note: '',
          createdAt: at,
          updatedAt: at,
        });
        put('hazards', {
          _id: `bz${i}`,
          townshipId: TOWNSHIP,
          villageId,
          gridId: null,
          householdId,
          source: 'visit',
          category: '电气线路',
          description: '电线老化',
          photos: [],
          visitorPersonId: null,
          visitId: null,
          reportedAt: at,
          deadline: at,
          status: i % 2 ? 'verified' : 'open',
          claimedAt: null,
          claimPhotos: [],
          verifiedAt: i % 2 ? at : null,
          verifiedBy: null,
          verifyPhotos: [],
          createdAt: at,
          updatedAt: at,
        });
        put('visits', {
          _id: `bvis${i}`,
          townshipId: TOWNSHIP,
          villageId,
          householdId,
          at,
          day: '2026-11-01',
          education: { noticeHandedOver: true, sanQingSanGuanExplained: false },
        });
      }
      put('elderly', {
        _id: `be${String(i).padStart(6, '0')}`,
        townshipId: TOWNSHIP,
        villageId,
        householdId,
        name: `老人${i}`,
        gender: i % 2 ? 'male' : 'female',
        age: 60 + (i % 35),
        phone: `1380000${String(i % 10000).padStart(4, '0')}`,
        smoking: i % 4 === 0,
        drinking: i % 5 === 0,
        address: `合成村${i % villages}第${(i % 10) + 1}组${i}号`,
        buildingType: '砖木结构自建房',
        floors: 1 + (i % 3),
        yearBuilt: '1990年代',
        helper: { name: `帮扶人${i % 500}`, type: 'volunteer', phone: '13800007001', personId: null },
        devices: { smokeDetector: i % 2 === 0, alarmOrVideo: false, leakageProtection: true, gasShutoff: false, other: '' },
        manualCounts: { hazardsFound: 0, hazardsRectified: 0, timesEducated: 0 },
        lastHelperContactAt: at,
        helperContacts: 0,
        active: true,
        createdBy: 'bench-office',
        createdAt: at,
        updatedAt: at,
      });
    }
    emulator.store.write(ops.splice(0));
    emulator.clock.set('2026-12-20T10:00:00+08:00');

    gc();
    const base = process.memoryUsage();
    let peakHeap = base.heapUsed;
    let peakRss = base.rss;
    let peakExternal = base.external + base.arrayBuffers;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakHeap = Math.max(peakHeap, m.heapUsed);
      peakRss = Math.max(peakRss, m.rss);
      peakExternal = Math.max(peakExternal, m.external + m.arrayBuffers);
    }, 5);
    const t0 = Date.now();
    const res = (await emulator.runner.invoke(
      'report',
      { action: 'exportElderlyTable', month: '2026-12' },
      { openid: 'bench-office', source: 'wx_client' },
    )) as { ok: boolean; data?: ExportDone; code?: string; message?: string };
    const ms = Date.now() - t0;
    clearInterval(sampler);
    if (!res.ok || !res.data) throw new Error(`export failed: ${res.code} ${res.message}`);
    const file = emulator.store.getFile(res.data.fileId.replace(/^cloud:\/\/[^/]+\//, ''))!;

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.data as any);
    const sheetRows = wb.worksheets[0].rowCount;

    console.log(`elderly table (seed 000) export of ${ROWS} people through the built report function`);
    console.log(
      `  rows written            ${res.data.rows} (sheet has ${sheetRows} rows: title, filling line, 2 header rows, data, 2 notes)`,
    );
    console.log(`  file                    ${mb(file.data.length)}  in ${ms} ms`);
    console.log(`  heap used   base ${mb(base.heapUsed)}  peak ${mb(peakHeap)}  (+${mb(peakHeap - base.heapUsed)} during the export)`);
    console.log(`  external+arrayBuffers   peak ${mb(peakExternal)}`);
    console.log(`  process RSS base ${mb(base.rss)}  peak ${mb(peakRss)}  (+${mb(peakRss - base.rss)})`);
    const growth = peakHeap - base.heapUsed + Math.max(0, peakExternal - base.external - base.arrayBuffers);
    console.log(
      `  growth during export (heap + buffers): ${mb(growth)} of a ${FUNCTION_MEMORY_MB} MB function → ${growth < FUNCTION_MEMORY_MB * 1024 * 1024 * 0.75 ? 'fits' : 'TOO CLOSE'}`,
    );
  } finally {
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
