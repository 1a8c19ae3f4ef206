// `npm run bench`: a synthetic county in the emulator — 300,000 households in 30,000 grids, 3,000 visitors, one
// month of ~600,000 visits — then visit submissions through the full stack at 20 concurrent callers, and the period
// close. Prints figures; asserts nothing (performance is measured here, never in tests).
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { startEmulator, type Emulator } from '../emulator';
import type { WriteOp } from '../emulator/store';
import { COLLECTIONS } from '../server/infra/collections';
import { WINTER_2026_CAMPAIGN } from '../server/domain/quota/campaign';
import { countedVisits, type VisitFact } from '../server/domain/quota/visitQuota';
import { cstDay } from '../server/domain/time/cst';
import { tallyId } from '../server/domain/visit/records';
import { benchVisitSubmissions } from './bench-visits';
import { BUILT_IN_TEMPLATES } from '../server/domain/visit/checklist';
import Database from 'better-sqlite3';
import { getDb } from '../server/infra/cloud';
import { countFrequentActions } from './request-counts';
import { benchBill, printBill } from './bill';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const VILLAGES = Math.round(3000 * SCALE);
const GRIDS_PER_VILLAGE = 10;
const HOUSEHOLDS_PER_GRID = 10;
const TOWNSHIP = 'bench-township';
const CAMPAIGN_ID = 'bench-campaign';
const MONTH = WINTER_2026_CAMPAIGN.periods.find((p) => p.key === '2026-12')!;

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(0)} MB`;
}

async function generate(emulator: Emulator): Promise<{ households: number; visits: number; shortHouseholds: number }> {
  const t0 = Date.now();
  const created = new Date('2026-11-01T00:00:00+08:00');
  const ops: WriteOp[] = [];
  const flush = () => {
    emulator.store.write(ops.splice(0));
  };
  const put = (coll: string, doc: Record<string, any>) => {
    ops.push({ coll, id: doc._id, doc });
    if (ops.length >= 20000) flush();
  };
  for (const t of BUILT_IN_TEMPLATES) put('checklistTemplates', { ...t });
  put('townships', { _id: TOWNSHIP, name: '基准县（合成）', createdAt: created });
  put('campaigns', {
    _id: CAMPAIGN_ID,
    townshipId: TOWNSHIP,
    name: WINTER_2026_CAMPAIGN.name,
    rules: WINTER_2026_CAMPAIGN.rules,
    periods: WINTER_2026_CAMPAIGN.periods,
    closedPeriodKeys: ['first-round'],
    active: true,
    phases: [],
    createdAt: created,
    updatedAt: created,
  });
  put('persons', {
    _id: 'bench-office',
    townshipId: TOWNSHIP,
    name: '办公室',
    phone: null,
    openid: 'bench-office',
    active: true,
    grants: [{ role: 'office', scopeType: 'township', scopeId: TOWNSHIP, townshipId: TOWNSHIP }],
    createdAt: created,
    updatedAt: created,
  });
  let households = 0;
  let visits = 0;
  let shortHouseholds = 0;
  for (let v = 0; v < VILLAGES; v++) {
    const villageId = `bv${v}`;
    const visitorId = `bp${v}`;
    put('villages', { _id: villageId, townshipId: TOWNSHIP, name: `村${v}`, createdAt: created, updatedAt: created });
    put('persons', {
      _id: visitorId,
      townshipId: TOWNSHIP,
      name: `走访人${v}`,
      phone: null,
      openid: `bench-visitor-${v}`,
      active: true,
      grants: [{ role: 'visitor', scopeType: 'township', scopeId: TOWNSHIP, townshipId: TOWNSHIP }],
      createdAt: created,
      updatedAt: created,
    });
    for (let g = 0; g < GRIDS_PER_VILLAGE; g++) {
      const gridId = `${villageId}g${g}`;
      put('grids', {
        _id: gridId,
        townshipId: TOWNSHIP,
        villageId,
        name: `第${g + 1}微网格`,
        householdCount: HOUSEHOLDS_PER_GRID,
        createdAt: created,
        updatedAt: created,
      });
      for (let h = 0; h < HOUSEHOLDS_PER_GRID; h++) {
        const householdId = `${gridId}h${h}`;
        households++;
        put('households', {
          _id: householdId,
          townshipId: TOWNSHIP,
          villageId,
          gridId,
          address: `村${v}第${g + 1}组${h + 1}号`,
          headName: '户主',
          members: [],
          location: null,
          vulnerability: {},
          active: true,
          movedOutAt: null,
          note: '',
          createdAt: created,
          updatedAt: created,
        });
        put('assignments', {
          _id: `a-${householdId}`,
          townshipId: TOWNSHIP,
          villageId,
          gridId,
          householdId,
          visitorPersonId: visitorId,
          validFrom: created,
          validTo: null,
          reason: '初始分工',
          endReason: null,
          createdBy: 'bench',
          createdAt: created,
        });
        // most households get their two rounds; about 1 in 50 gets one, 1 in 100 none
        const n = households % 100 === 0 ? 0 : households % 50 === 0 ? 1 : 2;
        const facts: VisitFact[] = [];
        for (let i = 0; i < n; i++) {
          const at = new Date(Date.parse(`2026-12-${String(3 + i * 12 + (h % 5)).padStart(2, '0')}T10:00:00+08:00`));
          const id = `vis-${householdId}-${i}`;
          facts.push({ id, householdId, visitorId, at });
          put('visits', {
            _id: id,
            townshipId: TOWNSHIP,
            villageId,
            gridId,
            householdId,
            visitorPersonId: visitorId,
            at,
            receivedAt: at,
            offline: false,
            campaignId: CAMPAIGN_ID,
            periodKey: MONTH.key,
            day: cstDay(at),
            assigned: true,
            templateId: 'residential-default',
            answers: [],
            hazardIds: [],
            education: { noticeHandedOver: true, sanQingSanGuanExplained: true },
            photos: [],
            location: null,
            proofs: ['cardQr'],
            flaggedNoProof: false,
            createdAt: at,
          });
          visits++;
        }
        const counted = countedVisits(
          facts,
          [{ visitorId, householdId, validFrom: created, validTo: null }],
          MONTH,
          WINTER_2026_CAMPAIGN.rules,
        );
        if (counted.length < MONTH.quota) shortHouseholds++;
        if (n > 0) {
          put('visitTallies', {
            _id: tallyId(CAMPAIGN_ID, MONTH.key, householdId),
            townshipId: TOWNSHIP,
            campaignId: CAMPAIGN_ID,
            periodKey: MONTH.key,
            householdId,
            eligible: facts.map((f) => ({ visitId: f.id, visitorPersonId: visitorId, at: f.at })),
            counted: counted.length,
            countedVisitIds: counted.map((c) => c.id),
            lastCountedDay: counted.length ? cstDay(counted[counted.length - 1].at) : null,
            updatedAt: created,
          });
        }
      }
    }
  }
  flush();
  console.log(
    `generated ${VILLAGES} villages, ${VILLAGES * GRIDS_PER_VILLAGE} grids, ${households} households, ${VILLAGES} visitors, ${visits} visits in ${((Date.now() - t0) / 1000).toFixed(1)} s (heap ${mb(process.memoryUsage().heapUsed)})`,
  );
  return { households, visits, shortHouseholds };
}

interface CloseBench {
  wall: number;
  invocations: number;
  requests: number;
  docs: number;
}

async function benchClose(emulator: Emulator, shortHouseholds: number, label: string): Promise<CloseBench> {
  // the period closes once its 48 h offline window has passed (SPEC §4.2)
  emulator.clock.set('2027-01-03T00:10:00+08:00');
  const before = { ...emulator.database.stats };
  const t0 = Date.now();
  let invocations = 0;
  let result: any;
  do {
    invocations++;
    const i0 = Date.now();
    result = (await emulator.runner.invoke(
      'escalation',
      { Type: 'Timer', TriggerName: 'ladder', Time: new Date().toISOString(), Message: '' },
      { source: 'timer' },
    )) as any;
    console.log(
      `  close invocation ${invocations} (${label}): ${((Date.now() - i0) / 1000).toFixed(1)} s, complete=${result?.data?.complete}`,
    );
  } while (result?.ok && result.data.complete === false && invocations < 40);
  const wall = (Date.now() - t0) / 1000;
  const requests = emulator.database.stats.requests - before.requests;
  const docs = emulator.database.stats.docsReturned - before.docsReturned;
  const cases = emulator.store.docs('cases').length;
  console.log(
    `period close (${label}): ${wall.toFixed(1)} s wall over ${invocations} invocation(s) of the 40 s budget; ${requests} database requests; ${docs} documents read`,
  );
  console.log(
    `  ${shortHouseholds} short households → ${cases} notice cases; documents read per short household: ${(docs / Math.max(1, shortHouseholds)).toFixed(1)} (the ${emulator.store.count('visits')} visits, the county's assignments and tallies stay in the database)`,
  );
  return { wall, invocations, requests, docs };
}

/** the collections the bench's county is made of; everything else (what the close writes) is snapshotted and restored */
const COUNTY = new Set(['households', 'assignments', 'visits', 'visitTallies', 'grids']);

function snapshot(emulator: Emulator): () => void {
  const kept = new Map<string, Map<string, Record<string, any>>>();
  const counts = new Map<string, number>();
  for (const coll of emulator.store.collectionNames()) {
    if (COUNTY.has(coll)) counts.set(coll, emulator.store.count(coll));
    else kept.set(coll, new Map(emulator.store.docs(coll).map((d) => [String(d._id), structuredClone(d)])));
  }
  return () => {
    const ops: WriteOp[] = [];
    for (const [coll, docs] of kept) {
      for (const d of emulator.store.docs(coll)) if (!docs.has(String(d._id))) ops.push({ coll, id: String(d._id), doc: null });
      for (const [id, d] of docs) ops.push({ coll, id, doc: structuredClone(d) });
    }
    emulator.store.write(ops);
    for (const [coll, n] of counts)
      if (emulator.store.count(coll) !== n) throw new Error(`the close changed ${coll}: the bench cannot replay it`);
  };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nw-bench-'));
  const emulator = await startEmulator({ dataDir, collections: COLLECTIONS, dbLatencyMs: 0 });
  const figures: Record<string, unknown> = {};
  try {
    const { shortHouseholds } = await generate(emulator);
    const submissions = Number(process.env.BENCH_SUBMISSIONS ?? 2000);
    const floors = await benchFloors(emulator);
    const visit0 = await benchVisitSubmissions(emulator, { villages: VILLAGES, callers: 20, submissions, label: 'at 0 ms per request' });
    emulator.setDbLatency(LATENCY_MS);
    const visit20 = await benchVisitSubmissions(emulator, {
      villages: VILLAGES,
      callers: 20,
      submissions: Math.min(submissions, 1000),
      label: `at ${LATENCY_MS} ms per request`,
      keyOffset: 10_000_000,
    });
    // one caller at a time: the latency of one visit, without the queueing of 20 callers on this machine's 2 cores
    const single20 = await benchVisitSubmissions(emulator, {
      villages: VILLAGES,
      callers: 1,
      submissions: 200,
      label: `one caller at ${LATENCY_MS} ms per request`,
      keyOffset: 20_000_000,
    });
    emulator.setDbLatency(0);
    const single0 = await benchVisitSubmissions(emulator, {
      villages: VILLAGES,
      callers: 1,
      submissions: 200,
      label: 'one caller at 0 ms per request',
      keyOffset: 30_000_000,
    });
    const restore = snapshot(emulator);
    const close0 = await benchClose(emulator, shortHouseholds, 'at 0 ms per request');
    restore();
    emulator.setDbLatency(LATENCY_MS);
    const close20 = await benchClose(emulator, shortHouseholds, `at ${LATENCY_MS} ms per request`);
    emulator.setDbLatency(0);
    Object.assign(figures, { floors, visit0, visit20, single0, single20, close0, close20 });
    if (visit0 && visit20) {
      console.log(
        `floors: bare SQLite insert of the visit document ${floors.sqliteInsertMs.toFixed(3)} ms; one bare wx-server-sdk request to the emulator p50 ${floors.sdkRequestP50.toFixed(2)} ms at 0 ms, ${floors.sdkRequestP50At20.toFixed(1)} ms at ${LATENCY_MS} ms`,
      );
      console.log(
        `  visit p50 at 0 ms = ${(visit0.p50 / floors.sdkRequestP50).toFixed(1)} × one SDK request = ${(visit0.p50 / floors.sqliteInsertMs).toFixed(0)} × one SQLite insert; at ${LATENCY_MS} ms = ${(visit20.p50 / floors.sdkRequestP50At20).toFixed(1)} × one SDK request`,
      );
    }
    console.log(`peak RSS ${mb(process.memoryUsage().rss)}`);
  } finally {
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  await benchRequestCounts();
  printBill(await benchBill());
  if (process.env.BENCH_JSON) console.log(JSON.stringify(figures));
}

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 20);

/** The floors beside our figures: a bare SQLite insert of the same visit document, and one bare SDK request. */
async function benchFloors(emulator: Emulator): Promise<{ sqliteInsertMs: number; sdkRequestP50: number; sdkRequestP50At20: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'nw-floor-'));
  const visit = emulator.store.docs('visits')[0];
  let sqliteInsertMs: number;
  try {
    const sqlite = new Database(join(dir, 'floor.db'));
    sqlite.pragma('journal_mode = WAL');
    sqlite.exec('CREATE TABLE docs (id TEXT PRIMARY KEY, doc TEXT NOT NULL)');
    const insert = sqlite.prepare('INSERT INTO docs (id, doc) VALUES (?, ?)');
    const n = 2000;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) insert.run(`floor-${i}`, JSON.stringify({ ...visit, _id: `floor-${i}` }));
    sqliteInsertMs = (performance.now() - t0) / n;
    sqlite.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const sdkRequest = async (n: number) => {
    const times: number[] = [];
    await emulator.runner.runAsServer(async () => {
      const db = getDb();
      for (let i = 0; i < n; i++) {
        const s = performance.now();
        await db.collection('visits').where({ _id: visit._id }).limit(1).get();
        times.push(performance.now() - s);
      }
    });
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
  };
  const sdkRequestP50 = await sdkRequest(400);
  emulator.setDbLatency(LATENCY_MS);
  const sdkRequestP50At20 = await sdkRequest(50);
  emulator.setDbLatency(0);
  return { sqliteInsertMs, sdkRequestP50, sdkRequestP50At20 };
}

/** Requests per action, counted at /admin in the demo township (the same harness the tests assert recordVisit with). */
async function benchRequestCounts(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nw-bench-demo-'));
  const emulator = await startEmulator({ dataDir, collections: COLLECTIONS, dbLatencyMs: 0 });
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { seedDemo } = require('./demo-data') as { seedDemo: (db: any) => Promise<unknown> };
    await emulator.runner.runAsServer(() => seedDemo(getDb()));
    const rows = await countFrequentActions(
      { emulator, call: (fn, event, openid) => emulator.runner.invoke(fn, event, { openid, source: 'wx_client' }) as Promise<any> },
      (iso) => void emulator.clock.set(iso),
    );
    console.log('database requests per action (counted at /admin, warm instance, demo township):');
    for (const r of rows) console.log(`  ${r.action.padEnd(40)} ${String(r.requests).padStart(3)}${r.ok ? '' : `  (refused: ${r.code})`}`);
  } finally {
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
main().catch((err) => {
  console.error(err);
  process.exit(1);
});
