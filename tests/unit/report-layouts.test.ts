// Table layouts as data: the header cells and merged ranges a layout turns into, checked without any I/O.
import { columnCount, columnLetter, headerCells, rangeName } from '../../server/domain/report/layout';
import { ELDERLY_TABLE_000, elderlyTableRow, fillingLine } from '../../server/domain/report/elderlyTable000';
import { compoundLedgerLayout, compoundLedgerRow } from '../../server/domain/report/compoundLedger002';
import { completionPercent, statsRows, villageStats } from '../../server/domain/report/stats001';
import { complianceLines } from '../../server/domain/report/compliance';
import { heldAt, monthNotStartedRefusal, periodNotStartedRefusal } from '../../server/domain/report/period';
import { programmeDemoDocs } from '../../server/domain/programme/demo';

it('names columns as Excel does', () => {
  expect([1, 23, 26, 27, 52, 53].map(columnLetter)).toEqual(['A', 'W', 'Z', 'AA', 'AZ', 'BA']);
});

it('000: 23 columns, group headers merged across their sub-columns, lone columns merged down two rows', () => {
  expect(columnCount(ELDERLY_TABLE_000)).toBe(23);
  const h = headerCells(ELDERLY_TABLE_000, 3);
  expect(h.rows).toHaveLength(2);
  expect(h.merges.map(rangeName)).toEqual(['A3:A4', 'B3:B4', 'C3:F3', 'G3:G4', 'H3:H4', 'I3:L3', 'M3:N3', 'O3:Q3', 'R3:V3', 'W3:W4']);
  expect(h.rows[0][2]).toBe('独居老人基本信息');
  expect(h.rows[1].slice(2, 6)).toEqual(['独居老人姓名', '性别', '年龄', '联系电话']);
  expect(h.rows[1][0]).toBe('');
});

it('000: a row carries the entry, its helper type label and its counts', () => {
  const e = programmeDemoDocs('t').elderly[1];
  const row = elderlyTableRow(7, e, '三江村', { hazardsFound: 2, hazardsRectified: 1, timesEducated: 3 });
  expect(row).toHaveLength(23);
  expect(row.slice(0, 6)).toEqual([7, '三江村', '舒金花', '女', 83, '0745-3521234']);
  expect(row[15]).toBe('志愿者');
  expect(row.slice(17, 21)).toEqual(['是', '是', '是', '否']);
  expect(fillingLine('某镇', '某人', '13800000000', '2024-06-28')).toMatch(
    /^填报单位：某镇 +填报人：某人 +联系电话：13800000000 +填报时间：2024年6月28日$/,
  );
});

it('002: one header row of the seven ledger columns, no merges', () => {
  const layout = compoundLedgerLayout('虎峰镇');
  const h = headerCells(layout, 2);
  expect(h.rows).toEqual([
    ['镇街/社区', '小区名称', '地址', '消防安全管理人（楼栋长）及联系方式', '建筑高度（层数）', '隐患内容', '整改时限'],
  ]);
  expect(h.merges).toEqual([]);
  expect(compoundLedgerRow(programmeDemoDocs('t').compounds[0]).slice(3)).toEqual([
    '向长青 13800007101',
    '16米（5层）',
    '楼道堆放杂物，消火栓箱水带缺失',
    '2026年6月30日',
  ]);
});

it('附件3: visits done count at most the quota per household; a total line counts each visitor once', () => {
  const stats = villageStats({
    villages: [
      { _id: 'v1', name: '甲村' },
      { _id: 'v2', name: '乙村' },
    ],
    households: [
      { _id: 'h1', villageId: 'v1', active: true },
      { _id: 'h2', villageId: 'v1', active: true },
      { _id: 'h3', villageId: 'v2', active: true },
      { _id: 'h4', villageId: 'v2', active: false },
    ],
    grids: [
      { _id: 'g1', villageId: 'v1' },
      { _id: 'g2', villageId: 'v2' },
    ],
    held: [
      { householdId: 'h1', visitorPersonId: 'p1' },
      { householdId: 'h2', visitorPersonId: 'p1' },
      { householdId: 'h3', visitorPersonId: 'p1' },
    ],
    counted: new Map([
      ['h1', 5],
      ['h2', 1],
    ]),
    quota: 2,
    hazards: [
      { villageId: 'v1', status: 'verified' },
      { villageId: 'v1', status: 'open' },
    ],
    cases: [{ level: 'notice', villageIds: ['v1', 'v2'] }],
  });
  expect(stats[0]).toMatchObject({
    households: 2,
    grids: 1,
    visitors: 1,
    required: 4,
    done: 3,
    hazardsFound: 2,
    hazardsRectified: 1,
    notices: 1,
    interviews: 0,
  });
  expect(stats[1]).toMatchObject({ households: 1, required: 2, done: 0 });
  expect(completionPercent(3, 4)).toBe(75);
  expect(completionPercent(0, 0)).toBe(100);
  const rows = statsRows(stats, 1);
  expect(rows[2].slice(1, 7)).toEqual(['合计', 3, 2, 1, 6, 3]);
});

it('compliance: short households per visitor, the furthest case beside them', () => {
  const lines = complianceLines({
    held: [
      { householdId: 'h1', visitorPersonId: 'p1' },
      { householdId: 'h2', visitorPersonId: 'p1' },
      { householdId: 'h3', visitorPersonId: 'p2' },
    ],
    counted: new Map([
      ['h1', 2],
      ['h3', 2],
    ]),
    quota: 2,
    visitorNames: new Map([
      ['p1', '甲'],
      ['p2', '乙'],
    ]),
    addresses: new Map([['h2', '一组2号']]),
    cases: new Map([['p1', { level: 'interview', status: 'scheduled' }]]),
  });
  expect(lines.map((l) => [l.visitorName, l.held, l.counted, l.required, l.short.length, l.caseLevel])).toEqual([
    ['甲', 2, 2, 4, 1, 'interview'],
    ['乙', 1, 2, 2, 0, null],
  ]);
});

it('periods: an export before the period starts is refused; holders are taken at the as-of instant', () => {
  const now = new Date('2026-12-31T16:30:00Z'); // 2027-01-01 00:30 CST
  expect(monthNotStartedRefusal('2027-01', now)).toBeNull();
  expect(monthNotStartedRefusal('2027-02', now)).toContain('2027年2月尚未开始');
  const period = { key: '2027-02', label: '2027年2月', startDay: '2027-02-01', endDay: '2027-02-28', quota: 2 };
  expect(periodNotStartedRefusal(period, now)).toContain('尚未开始');
  expect(periodNotStartedRefusal(period, new Date('2027-01-31T16:00:00Z'))).toBeNull();
  const a = (validFrom: string, validTo: string | null) => ({
    householdId: 'h',
    visitorPersonId: 'p',
    validFrom: new Date(validFrom),
    validTo: validTo ? new Date(validTo) : null,
  });
  expect(
    heldAt([a('2026-01-01T00:00:00Z', null), a('2026-01-01T00:00:00Z', '2026-06-01T00:00:00Z')], new Date('2026-07-01T00:00:00Z')),
  ).toHaveLength(1);
});
