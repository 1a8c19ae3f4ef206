// The `report` function end to end: each export is a real .xlsx in the emulator's storage, fetched back over loopback
// through its temporary link and opened with exceljs, and checked against the seeds' own layouts and the data.
import ExcelJS from 'exceljs';
import { startBackend, type Backend } from '../helpers/backend';
import { getDb } from '../../server/infra/cloud';
import type { ExportDone } from '../../typings/report';
import type { Result } from '../../typings/result';

function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`);
  return r.data;
}

function refused(r: Result<unknown>, code: string): string {
  if (r.ok) throw new Error(`expected ${code}, got ok`);
  expect(r.code).toBe(code);
  expect(r.message).toMatch(/[\u4e00-\u9fff]/);
  return r.message;
}

/** seed 000 附件, first header row: the group headers and the lone columns, in the seed's order */
const SEED_000_TOP = [
  '序号',
  '科室',
  '独居老人基本信息',
  '是否有吸烟抽烟情形',
  '是否有饮酒情形',
  '居住场所情况',
  '隐患问题情况',
  '村（社区）干部、网格员、志愿者“一对一”帮扶人员',
  '物联感知体系建设情况',
  '开展宣传提示情况（次）',
];
/** seed 000 附件, second header row: the sub-columns, in the seed's order */
const SEED_000_SUB = [
  '独居老人姓名',
  '性别',
  '年龄',
  '联系电话',
  '居住地址',
  '居住建筑性质',
  '居住建筑层数',
  '居住建筑建成年代',
  '发现隐患（处）',
  '整改隐患（处）',
  '姓名',
  '人员类型（村（社区）干部/网格员/志愿者/其他）',
  '联系电话',
  '是否安装联网型独立式感烟探测器',
  '是否安装一键报警器或视频监控',
  '是否安装三级漏电保护装置',
  '是否安装燃气泄漏自动断阀装置',
  '其他设施',
];
const SEED_000_MERGES = ['A1:W1', 'A2:W2', 'A3:A4', 'B3:B4', 'C3:F3', 'G3:G4', 'H3:H4', 'I3:L3', 'M3:N3', 'O3:Q3', 'R3:V3', 'W3:W4'];
const SEED_002_COLUMNS = [
  '镇街/社区',
  '小区名称',
  '地址',
  '消防安全管理人（楼栋长）及联系方式',
  '建筑高度（层数）',
  '隐患内容',
  '整改时限',
];

const text = (v: ExcelJS.CellValue) => (v === null || v === undefined ? '' : String(v));
const rowValues = (ws: ExcelJS.Worksheet, r: number, width: number) =>
  Array.from({ length: width }, (_, i) => ws.getRow(r).getCell(i + 1).value);
/** the texts a row really holds: a cell covered by a merge reads as its master's value in exceljs, so it counts as '' */
const ownTexts = (ws: ExcelJS.Worksheet, r: number, width: number) =>
  Array.from({ length: width }, (_, i) => {
    const cell = ws.getRow(r).getCell(i + 1);
    return cell.master.address === cell.address ? text(cell.value) : '';
  });

async function download(done: ExportDone): Promise<ExcelJS.Worksheet> {
  expect(done.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/_storage\/file\/exports\//);
  const res = await fetch(done.url);
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as any);
  return wb.worksheets[0];
}

describe('report', () => {
  let b: Backend;
  const call = <T = any>(event: Record<string, unknown>, openid: string | null) => b.call<T>('report', event, openid);

  beforeAll(async () => {
    b = await startBackend({ demo: true });
    b.setClock('2026-12-20T10:00:00+08:00');
    // what happened at 舒红梅's household (demo-hh-1-1-03): two hazards (one verified), one visit with education
    await b.emulator.runner.runAsServer(async () => {
      const db = getDb();
      const hazard = (id: string, status: string, reportedAt: string) => ({
        _id: id,
        townshipId: 'demo-township',
        villageId: 'demo-village-1',
        gridId: 'demo-grid-1-1',
        householdId: 'demo-hh-1-1-03',
        source: 'visit',
        category: '电气线路',
        description: '电线老化',
        photos: [],
        visitorPersonId: 'person-demo-visitor-1',
        visitId: null,
        reportedAt: new Date(reportedAt),
        deadline: new Date('2026-12-31T00:00:00+08:00'),
        status,
        claimedAt: null,
        claimPhotos: [],
        verifiedAt: status === 'verified' ? new Date('2026-12-10T10:00:00+08:00') : null,
        verifiedBy: null,
        verifyPhotos: [],
        createdAt: new Date(reportedAt),
        updatedAt: new Date(reportedAt),
      });
      await db.collection('hazards').add({ data: hazard('test-hz-1', 'verified', '2026-12-03T10:00:00+08:00') });
      await db.collection('hazards').add({ data: hazard('test-hz-2', 'open', '2026-12-12T10:00:00+08:00') });
      await db.collection('visits').add({
        data: {
          _id: 'test-visit-1',
          townshipId: 'demo-township',
          villageId: 'demo-village-1',
          gridId: 'demo-grid-1-1',
          householdId: 'demo-hh-1-1-03',
          visitorPersonId: 'person-demo-visitor-1',
          at: new Date('2026-12-03T10:00:00+08:00'),
          day: '2026-12-03',
          education: { noticeHandedOver: true, sanQingSanGuanExplained: true },
        },
      });
      // counted visits of December 2026 for a few households (the tallies the period close reads)
      const tally = (householdId: string, counted: number) => ({
        _id: `knock-demo:2026-12:${householdId}`,
        townshipId: 'demo-township',
        campaignId: '',
        periodKey: '2026-12',
        householdId,
        eligible: [],
        counted,
        countedVisitIds: [],
        lastCountedDay: null,
        updatedAt: new Date(),
      });
      const campaign = (await db.collection('campaigns').where({ townshipId: 'demo-township', active: true }).get()) as {
        data: { _id: string }[];
      };
      const campaignId = campaign.data[0]._id;
      for (const [h, n] of [
        ['demo-hh-1-1-01', 2],
        ['demo-hh-1-1-02', 3],
        ['demo-hh-1-2-01', 1],
        ['demo-hh-2-1-01', 2],
        ['demo-hh-3-3-05', 1],
      ] as const) {
        await db.collection('visitTallies').add({ data: { ...tally(h, n), _id: `${campaignId}:2026-12:${h}`, campaignId } });
      }
    });
  });
  afterAll(async () => {
    await b?.stop();
  });

  it('the 000 table has the seed header texts in order, its merged ranges, and one row per registered person', async () => {
    const done = ok(await call<ExportDone>({ action: 'exportElderlyTable', month: '2026-12' }, 'demo-office'));
    expect(done).toMatchObject({ kind: 'elderlyTable000', period: '2026-12', rows: 4 });
    const ws = await download(done);
    expect(text(ws.getCell('A1').value)).toBe('独居老人及居住场所消防安全相关情况统计表');
    expect(text(ws.getCell('A2').value)).toMatch(
      /^填报单位：溆浦县三江镇\s+填报人：刘晓东\s+联系电话：13800009001\s+填报时间：2026年12月20日$/,
    );
    expect(ownTexts(ws, 3, 23).filter(Boolean)).toEqual(SEED_000_TOP);
    expect(ownTexts(ws, 4, 23).filter(Boolean)).toEqual(SEED_000_SUB);
    const people = b.docs('elderly', { active: true });
    // the seed's two 备注 lines sit merged across the table below the data
    const notes = [`A${5 + people.length}:W${5 + people.length}`, `A${6 + people.length}:W${6 + people.length}`];
    expect([...((ws as any).model.merges as string[])].sort()).toEqual([...SEED_000_MERGES, ...notes].sort());

    const data = Array.from({ length: people.length }, (_, i) => rowValues(ws, 5 + i, 23));
    expect(data.map((r) => r[0])).toEqual([1, 2, 3, 4]);
    expect(data.map((r) => r[2]).sort()).toEqual(people.map((p) => p.name).sort());
    const shu = data.find((r) => r[2] === '舒红梅')!;
    // an empty cell (no other devices) reads back as null
    expect(shu.slice(1)).toEqual([
      '三江村',
      '舒红梅',
      '女',
      78,
      '13800000003',
      '是',
      '否',
      '三江村一组7号',
      '砖木结构自建房',
      1,
      '1990年代',
      2,
      1,
      '张秀兰',
      '网格员',
      '13800009011',
      '是',
      '否',
      '否',
      '否',
      null,
      1,
    ]);
    const jin = data.find((r) => r[2] === '舒金花')!;
    expect(jin.slice(12, 14)).toEqual([2, 1]);
    expect(jin[22]).toBe(3);
    expect(text(ws.getCell(`A${5 + people.length}`).value)).toMatch(/^备注/);

    const record = b.docs('exports', { _id: done.exportId })[0];
    expect(record).toMatchObject({ kind: 'elderlyTable000', period: '2026-12', byPersonId: 'person-demo-office', rows: 4 });
    expect(b.emulator.store.getFile(done.fileId.replace(/^cloud:\/\/[^/]+\//, ''))).toBeDefined();
  });

  it('the 002 ledger has the seed columns in order and one row per compound', async () => {
    const done = ok(await call<ExportDone>({ action: 'exportCompoundLedger' }, 'demo-office'));
    const ws = await download(done);
    expect(text(ws.getCell('A1').value)).toBe('溆浦县三江镇老旧小区台账');
    expect(rowValues(ws, 2, 7).map(text)).toEqual(SEED_002_COLUMNS);
    expect((ws as any).model.merges).toEqual(['A1:G1']);
    expect(rowValues(ws, 3, 7)).toEqual([
      '三江镇/三江村',
      '三江供销社宿舍',
      '三江村新街12号',
      '向长青 13800007101',
      '16米（5层）',
      '楼道堆放杂物，消火栓箱水带缺失',
      '2026年6月30日',
    ]);
    expect(rowValues(ws, 4, 7)).toEqual([
      '三江镇/三江村',
      '原粮站家属院',
      '三江村河街3号',
      '舒建华 0745-3525678',
      '4层',
      '可燃雨棚，电动车楼道飞线充电',
      '2026年12月25日',
    ]);
    expect(ws.getRow(5).getCell(1).value).toBeNull();
  });

  it('refuses a period that has not started, and writes nothing', async () => {
    const before = b.docs('exports').length;
    const campaignId = b.docs('campaigns', { active: true })[0]._id;
    expect(refused(await call({ action: 'exportElderlyTable', month: '2027-01' }, 'demo-office'), 'PERIOD_NOT_STARTED')).toContain(
      '2027年1月',
    );
    refused(await call({ action: 'exportStats001', campaignId, periodKey: '2027-01' }, 'demo-office'), 'PERIOD_NOT_STARTED');
    refused(await call({ action: 'exportCompliance', campaignId, periodKey: '2027-02' }, 'demo-discipline'), 'PERIOD_NOT_STARTED');
    refused(await call({ action: 'exportElderlyTable', month: '2026-13' }, 'demo-office'), 'INVALID_INPUT');
    expect(b.docs('exports')).toHaveLength(before);
  });

  it('附件3 numbers match the tallies, village by village', async () => {
    const campaignId = b.docs('campaigns', { active: true })[0]._id;
    const done = ok(await call<ExportDone>({ action: 'exportStats001', campaignId, periodKey: '2026-12' }, 'demo-office'));
    const ws = await download(done);
    expect(text(ws.getCell('A1').value)).toBe('全县“邻里守望、户户监督、网格防范”消防安全行动统计表');
    expect(text(ws.getCell('A2').value)).toContain('2026年12月');
    const villages = b.docs('villages').sort((x, y) => x._id.localeCompare(y._id));
    const tallies = new Map(b.docs('visitTallies', { campaignId, periodKey: '2026-12' }).map((t) => [t.householdId, t.counted as number]));
    let requiredAll = 0;
    let doneAll = 0;
    villages.forEach((v, i) => {
      const held = b.docs('assignments', { villageId: v._id, validTo: null });
      const required = held.length * 2;
      const doneVisits = held.reduce((n, a) => n + Math.min(tallies.get(a.householdId) ?? 0, 2), 0);
      requiredAll += required;
      doneAll += doneVisits;
      const r = rowValues(ws, 5 + i, 12);
      expect(r.slice(0, 8)).toEqual([
        i + 1,
        v.name,
        b.docs('households', { villageId: v._id, active: true }).length,
        b.docs('grids', { villageId: v._id }).length,
        new Set(held.map((a) => a.visitorPersonId)).size,
        required,
        doneVisits,
        Math.round((doneVisits / required) * 1000) / 10,
      ]);
      expect(r[8]).toBe(b.docs('hazards', { villageId: v._id }).length);
    });
    expect(doneAll).toBe(2 + 2 + 1 + 2 + 1);
    const total = rowValues(ws, 5 + villages.length, 12);
    expect(total[1]).toBe('合计');
    expect(total.slice(5, 7)).toEqual([requiredAll, doneAll]);
  });

  it('the discipline office exports the compliance sheet; others are refused', async () => {
    const campaignId = b.docs('campaigns', { active: true })[0]._id;
    const done = ok(await call<ExportDone>({ action: 'exportCompliance', campaignId, periodKey: '2026-12' }, 'demo-discipline'));
    const ws = await download(done);
    expect(done.rows).toBe(5);
    const header = rowValues(ws, 4, 9).map(text);
    expect(header.slice(2, 7)).toEqual(['责任户数（户）', '已计走访（次）', '应走访（次）', '户数（户）', '农户（已计/应走访）']);
    const lines = Array.from({ length: 5 }, (_, i) => rowValues(ws, 5 + i, 9));
    const xiang = lines.find((l) => l[1] === '向建军')!;
    // 向建军 holds grids 1-1 (9) and 1-2 (12): 21 households, counted 2+2(of 3)+1, all but two short
    expect(xiang.slice(2, 6)).toEqual([21, 5, 42, 19]);
    expect(text(xiang[6])).toContain('三江村二组3号（1/2）');
    refused(await call({ action: 'exportStats001', campaignId, periodKey: '2026-12' }, 'demo-discipline'), 'FORBIDDEN');
    refused(await call({ action: 'exportElderlyTable', month: '2026-12' }, 'demo-villager-1'), 'FORBIDDEN');
    refused(await call({ action: 'exportCompoundLedger' }, 'demo-liaison-1'), 'FORBIDDEN');
  });

  it('the 附件7 elderly table lists the registry and the flagged households not yet registered', async () => {
    const done = ok(await call<ExportDone>({ action: 'exportElderly001' }, 'demo-office'));
    const ws = await download(done);
    expect(text(ws.getCell('A1').value)).toBe('社区独居老人统计表');
    const flagged = b.docs('households', { 'vulnerability.elderlyAlone': true, active: true }).filter((h) => h._id !== 'demo-hh-1-1-03');
    expect(done.rows).toBe(4 + flagged.length);
  });
});
