// The monthly bill's arithmetic (issue 14, goal 5): timer runs from cron, and prices applied to counted quantities.
import { priceMonth, timerRunsPerMonth, PRICES } from '../../scripts/bill';
import type { RequestCount } from '../../scripts/request-counts';

const ACTIONS = [
  'visit.recordVisit',
  'visit.recordVisit (one hazard)',
  'visit.claimRectification',
  'visit.verifyHazard',
  'grid.confirmContact',
  'grid.weeklyBoard (leader board)',
  'visit.myHouseholds',
  'visit.listInbox',
  'household.myHousehold (villager home)',
  'escalation.dashboard (office)',
];
const rows = (reads: number, writes: number, billedMs: number): RequestCount[] =>
  ACTIONS.map((action) => ({ action, requests: reads + writes, reads, writes, billedMs, ok: true }));

describe('timer runs per month (December 2026, CST)', () => {
  it('counts an hourly, a daily and a Monday trigger from their CloudBase crons', () => {
    expect(
      timerRunsPerMonth([
        { fn: 'escalation', cron: '0 5 * * * * *' },
        { fn: 'schedule', cron: '0 0 9 * * * *' },
        { fn: 'grid', cron: '0 30 0 * * 1 *' },
      ]),
    ).toEqual([
      { fn: 'escalation', runs: 31 * 24 },
      { fn: 'schedule', runs: 31 },
      // 1 December 2026 is a Tuesday: Mondays 7, 14, 21, 28
      { fn: 'grid', runs: 4 },
    ]);
  });
});

describe('the priced month', () => {
  it('totals its lines, and the database lines scale with the counted reads and writes', () => {
    const a = priceMonth(rows(2, 1, 100), [], 200 * 1024, 2000);
    const b = priceMonth(rows(4, 2, 100), [], 200 * 1024, 2000);
    expect(a.total).toBeCloseTo(
      a.lines.reduce((s, l) => s + l.cost, 0),
      9,
    );
    const line = (bill: typeof a, item: string) => bill.lines.find((l) => l.item === item)!.cost;
    expect(line(b, '数据库读操作')).toBeCloseTo(2 * line(a, '数据库读操作'), 9);
    expect(line(b, '数据库写操作')).toBeCloseTo(2 * line(a, '数据库写操作'), 9);
    expect(line(b, '云函数资源使用量')).toBeCloseTo(line(a, '云函数资源使用量'), 9);
  });

  it('prices a read and a write at the published unit prices', () => {
    const zero = priceMonth(rows(0, 0, 100), [], 0, 0);
    const one = priceMonth(rows(1, 0, 100), [], 0, 0);
    const invocations =
      300_000 * 2 +
      300_000 * 2 * 0.05 * 2 +
      300_000 * 4.35 +
      30_000 * 2 * 4.35 +
      3_000 * 2 * 22 +
      33_000 * 4.35 +
      300_000 * 2 +
      30 * 3 * 22;
    const cost = (b: typeof zero) => b.lines.find((l) => l.item === '数据库读操作')!.cost;
    expect(cost(zero)).toBe(0);
    expect(cost(one)).toBeCloseTo((invocations / 1e4) * PRICES.dbReadPer10k, 6);
  });

  it('makes photo storage and traffic proportional to the bytes per photo', () => {
    const small = priceMonth(rows(1, 1, 100), [], 100 * 1024, 2000);
    const large = priceMonth(rows(1, 1, 100), [], 300 * 1024, 2000);
    for (const item of ['云存储容量（本月新增照片）', 'CDN 流量（照片查看）']) {
      const s = small.lines.find((l) => l.item === item)!.cost;
      expect(large.lines.find((l) => l.item === item)!.cost).toBeCloseTo(3 * s, 9);
    }
  });
});
