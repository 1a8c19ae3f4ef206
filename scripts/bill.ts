// A county's monthly CloudBase bill (issue 14, goal 5): what one month of the product costs on pay-as-you-go.
//
// Measured, not guessed, where this machine can measure: the database reads and writes and the billed run time of each
// frequent action are counted at the emulator (the same bundles the product deploys, at 20 ms per database request as
// a stand-in for the in-region round trip), and each timer's runs per month come from its cron. What cannot be measured
// here is a volume (how often people do things) or a photo's size on a real phone: those are the assumptions below,
// printed with the bill so a township can put in its own.
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { startEmulator } from '../emulator';
import { nextFireTime } from '../emulator/scheduler';
import { COLLECTIONS } from '../server/infra/collections';
import { getDb } from '../server/infra/cloud';
import { countFrequentActions, type RequestCount } from './request-counts';
import { PHOTO_COMPRESSION } from '../miniprogram/config/photos';

/**
 * CloudBase pay-as-you-go unit prices (元), from Tencent Cloud's 云开发 CloudBase 购买指南 "产品定价" page, 按量计费 table, as
 * stored in tencentyun/qcloud-documents (product/移动与通信/应用服务平台/购买指南/产品定价.md, commit 0432c640), read on
 * 2026-11-30. Prices change: check the page before budgeting.
 */
export const PRICES = {
  source: '腾讯云 云开发 CloudBase 购买指南·产品定价（按量计费），qcloud-documents commit 0432c640，2026-11-30 查阅',
  functionGbs: 0.00011108,
  dbReadPer10k: 0.015,
  dbWritePer10k: 0.05,
  dbCapacityGbDay: 0.07,
  storageGbDay: 0.0043,
  storageDownloadPer10k: 0.01,
  storageUploadPer10k: 0.01,
  cdnTrafficGb: 0.18,
} as const;

/** The base plan beside it: 特惠基础版1 (6.9 元/月) quotas from the same page's 包年包月 table. */
export const BASE_PLAN = {
  name: '特惠基础版1（6.9 元/月）',
  functionGbsMonth: 10_000,
  dbReadsDay: 50_000,
  dbWritesDay: 30_000,
  storageGb: 8,
  downloadsMonth: 100_000,
  uploadsMonth: 50_000,
  cdnGbMonth: 2,
  dbGb: 2,
};

/** Function memory as deployed (CloudBase's default and maximum, 256 MB): GB-s = 0.25 × billed seconds. */
const FUNCTION_GB = 0.25;

/** The bench's county and how often people act in a month. Assumptions, stated; change them to your county's. */
export const COUNTY = {
  households: 300_000,
  grids: 30_000,
  villages: 3_000,
  visitors: 3_000,
  townships: 30,
  /** two knock visits per household per month (the quota), one photo each on average (the door, or the hazard) */
  visitsPerHousehold: 2,
  photosPerVisit: 1,
  /** one visit in 20 finds a hazard: the villager claims it with a photo, the visitor verifies it with one */
  hazardShare: 0.05,
  /** every household contacted weekly (4.35 weeks a month) */
  contactsPerHousehold: 4.35,
  /** the leader opens the board twice a week; the visitor their list twice a working day; inbox weekly */
  boardLoadsPerGridWeek: 2,
  visitorListsPerDay: 2,
  workingDays: 22,
  /** the villager opens the home page twice a month */
  villagerHomePerHousehold: 2,
  /** each township office opens the dashboard three times a working day */
  dashboardsPerTownshipDay: 3,
  /** each photo is seen twice (office review, the re-visit) */
  downloadsPerPhoto: 2,
  /** database size per household (household, assignment, tallies, visits, contacts, audit), measured below */
};

export interface Bill {
  lines: { item: string; quantity: string; cost: number; quota: string }[];
  total: number;
  assumptions: string[];
}

interface UnitCost {
  reads: number;
  writes: number;
  billedMs: number;
}

const per = (rows: RequestCount[], action: string): UnitCost => {
  const r = rows.find((x) => x.action === action);
  if (!r) throw new Error(`no measurement for ${action}`);
  return { reads: r.reads, writes: r.writes, billedMs: r.billedMs };
};

/** How many times each timer fires in December 2026 (CST), from the functions' own cron triggers. */
export function timerRunsPerMonth(triggers: { fn: string; cron: string }[]): { fn: string; runs: number }[] {
  const from = new Date('2026-12-01T00:00:00+08:00');
  const to = new Date('2027-01-01T00:00:00+08:00');
  return triggers.map(({ fn, cron }) => {
    let runs = 0;
    for (let t = nextFireTime(cron, from); t && t < to; t = nextFireTime(cron, t)) runs++;
    return { fn, runs };
  });
}

export function priceMonth(
  rows: RequestCount[],
  timers: { fn: string; runs: number; unit: UnitCost }[],
  photoBytes: number,
  dbBytesPerHousehold: number,
): Bill {
  const c = COUNTY;
  const visits = c.households * c.visitsPerHousehold;
  const hazards = visits * c.hazardShare;
  const volumes: { what: string; n: number; unit: UnitCost }[] = [
    { what: 'knock visits', n: visits * (1 - c.hazardShare), unit: per(rows, 'visit.recordVisit') },
    { what: 'knock visits with a hazard', n: visits * c.hazardShare, unit: per(rows, 'visit.recordVisit (one hazard)') },
    { what: 'rectification claims', n: hazards, unit: per(rows, 'visit.claimRectification') },
    { what: 'verifications', n: hazards, unit: per(rows, 'visit.verifyHazard') },
    { what: 'weekly contacts', n: c.households * c.contactsPerHousehold, unit: per(rows, 'grid.confirmContact') },
    { what: 'leader boards', n: c.grids * c.boardLoadsPerGridWeek * 4.35, unit: per(rows, 'grid.weeklyBoard (leader board)') },
    { what: "visitors' lists", n: c.visitors * c.visitorListsPerDay * c.workingDays, unit: per(rows, 'visit.myHouseholds') },
    { what: 'inboxes', n: (c.visitors + c.grids) * 4.35, unit: per(rows, 'visit.listInbox') },
    { what: 'villager home', n: c.households * c.villagerHomePerHousehold, unit: per(rows, 'household.myHousehold (villager home)') },
    {
      what: 'office dashboards',
      n: c.townships * c.dashboardsPerTownshipDay * c.workingDays,
      unit: per(rows, 'escalation.dashboard (office)'),
    },
    ...timers.map((t) => ({ what: `timer ${t.fn} (per township)`, n: t.runs * c.townships, unit: t.unit })),
  ];
  const sum = (f: (u: UnitCost) => number) => volumes.reduce((a, v) => a + v.n * f(v.unit), 0);
  const invocations = volumes.reduce((a, v) => a + v.n, 0);
  const gbs = sum((u) => (u.billedMs / 1000) * FUNCTION_GB);
  const reads = sum((u) => u.reads);
  const writes = sum((u) => u.writes);
  const photos = visits * c.photosPerVisit + 2 * hazards;
  const photoGb = (photos * photoBytes) / 1024 ** 3;
  // the month's photos arrive through the month: on average half of them are stored for the month's 30 days
  const storageGbDays = (photoGb / 2) * 30;
  const downloads = photos * c.downloadsPerPhoto;
  const trafficGb = downloads * (photoBytes / 1024 ** 3);
  const dbGb = (c.households * dbBytesPerHousehold) / 1024 ** 3;
  const P = PRICES;
  const B = BASE_PLAN;
  const lines = [
    {
      item: '云函数资源使用量',
      quantity: `${fmt(gbs)} GBs（${fmt(invocations)} 次调用）`,
      cost: gbs * P.functionGbs,
      quota: `${fmt(B.functionGbsMonth)} GBs/月`,
    },
    { item: '数据库读操作', quantity: fmt(reads), cost: (reads / 1e4) * P.dbReadPer10k, quota: `${fmt(B.dbReadsDay * 30)}/月` },
    { item: '数据库写操作', quantity: fmt(writes), cost: (writes / 1e4) * P.dbWritePer10k, quota: `${fmt(B.dbWritesDay * 30)}/月` },
    { item: '数据库容量', quantity: `${dbGb.toFixed(2)} GB`, cost: dbGb * 30 * P.dbCapacityGbDay, quota: `${B.dbGb} GB` },
    {
      item: '云存储容量（本月新增照片）',
      quantity: `${photoGb.toFixed(1)} GB（${fmt(photos)} 张）`,
      cost: storageGbDays * P.storageGbDay,
      quota: `${B.storageGb} GB`,
    },
    { item: '云存储上传次数', quantity: fmt(photos), cost: (photos / 1e4) * P.storageUploadPer10k, quota: `${fmt(B.uploadsMonth)}/月` },
    {
      item: '云存储下载次数',
      quantity: fmt(downloads),
      cost: (downloads / 1e4) * P.storageDownloadPer10k,
      quota: `${fmt(B.downloadsMonth)}/月`,
    },
    {
      item: 'CDN 流量（照片查看）',
      quantity: `${trafficGb.toFixed(1)} GB`,
      cost: trafficGb * P.cdnTrafficGb,
      quota: `${B.cdnGbMonth} GB/月`,
    },
  ];
  return {
    lines,
    total: lines.reduce((a, l) => a + l.cost, 0),
    assumptions: [
      `county: ${fmt(c.households)} households, ${fmt(c.grids)} grids, ${fmt(c.villages)} villages, ${fmt(c.visitors)} visitors, ${c.townships} townships (one CloudBase environment)`,
      `${c.visitsPerHousehold} visits per household, ${c.photosPerVisit} photo per visit, ${c.hazardShare * 100}% of visits find a hazard (claimed and verified with a photo each)`,
      `weekly contact of every household; boards ${c.boardLoadsPerGridWeek}×/grid/week; visitor lists ${c.visitorListsPerDay}×/working day; villager home ${c.villagerHomePerHousehold}×/month; each photo seen ${c.downloadsPerPhoto}×`,
      `photo: ${fmt(Math.round(photoBytes / 1024))} KB each, assumed (client compression: ${PHOTO_COMPRESSION.describe})`,
      `functions at ${FUNCTION_GB * 1024} MB; run time measured at 20 ms per database request, billed in 100 ms steps`,
      `prices: ${P.source}`,
    ],
  };
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function printBill(bill: Bill): void {
  console.log('a county month on CloudBase pay-as-you-go (元):');
  for (const l of bill.lines)
    console.log(`  ${l.item.padEnd(16, '　')} ${l.quantity.padEnd(34)} ${l.cost.toFixed(2).padStart(9)}   (特惠基础版1: ${l.quota})`);
  console.log(`  ${'合计'.padEnd(16, '　')} ${''.padEnd(34)} ${bill.total.toFixed(2).padStart(9)}`);
  for (const a of bill.assumptions) console.log(`  - ${a}`);
}

/** Measures the unit costs in the demo township at 20 ms per request, then prices the county's month. */
export async function benchBill(): Promise<Bill> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nw-bench-bill-'));
  const emulator = await startEmulator({ dataDir, collections: COLLECTIONS, dbLatencyMs: 0 });
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { seedDemo } = require('./demo-data') as { seedDemo: (db: any) => Promise<unknown> };
    await emulator.runner.runAsServer(() => seedDemo(getDb()));
    emulator.setDbLatency(20);
    const rows = await countFrequentActions(
      { emulator, call: (fn, event, openid) => emulator.runner.invoke(fn, event, { openid, source: 'wx_client' }) as Promise<any> },
      (iso) => void emulator.clock.set(iso),
    );
    // each timer once, on an ordinary day (the period close itself is the county close the bench measures separately)
    emulator.clock.set('2026-12-16T09:00:00+08:00');
    const timers: { fn: string; runs: number; unit: UnitCost }[] = [];
    const triggers = emulator.scheduler.triggers().map((t) => ({ fn: t.fn, cron: t.trigger.config }));
    for (const { fn, runs } of timerRunsPerMonth(triggers)) {
      const s = { ...emulator.database.stats };
      const ms = emulator.runner.stats.billedMs;
      await emulator.scheduler.fire(fn);
      timers.push({
        fn,
        runs,
        unit: {
          reads: emulator.database.stats.reads - s.reads,
          writes: emulator.database.stats.writes - s.writes,
          billedMs: emulator.runner.stats.billedMs - ms,
        },
      });
    }
    emulator.setDbLatency(0);
    const households = emulator.store.count('households');
    const dbBytes = COLLECTIONS.reduce(
      (a, coll) => a + emulator.store.docs(coll).reduce((b, d) => b + Buffer.byteLength(JSON.stringify(d)), 0),
      0,
    );
    return priceMonth(rows, timers, PHOTO_COMPRESSION.assumedBytes, dbBytes / Math.max(1, households));
  } finally {
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('bill.ts')) {
  benchBill()
    .then(printBill)
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
