// The `place` function end to end (SPEC §7b) through the runner, the real wx-server-sdk and the emulator: the demo
// township's seed 004 lists, coverage turning overdue on the CST calendar, inspections with hazards verified on a
// re-inspection, referrals 吹哨报到, the .xlsx import (all or nothing), the two exports reopened with exceljs, and every
// refusal the issue names — stable code, Chinese message, nothing written.
import ExcelJS from 'exceljs';
import { createHash } from 'crypto';
import { startBackend, type Backend } from '../helpers/backend';
import { StorageService } from '../../emulator/admin/storage';
import { IMPORT_HEADERS, parseImport } from '../../server/domain/place/importLayout';
import { placeRecord } from '../../server/handlers/place/places';
import { POLICE_LIST_NAME, SEED004_VILLAGE_LISTS, villageListName } from '../../server/domain/place/demo';
import type { Result } from '../../typings/result';
import type { ExportDone } from '../../typings/report';

const T = 'demo-township';
let b: Backend;
const call = <R = any>(event: Record<string, unknown>, openid: string | null) => b.call<R>('place', event, openid);

function ok<R>(r: Result<R>): R {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`);
  return r.data;
}

const WRITTEN = ['places', 'inspectionPlans', 'inspections', 'placeHazards', 'referrals', 'placeImports', 'audit'];
const snapshot = () => WRITTEN.map((c) => JSON.stringify(b.docs(c)));

/** A refusal with the stable code and a Chinese message, and no document changed anywhere the function writes. */
async function refusedWithNothingWritten(event: Record<string, unknown>, openid: string, code: string): Promise<string> {
  const before = snapshot();
  const r = await call(event, openid);
  if (r.ok) throw new Error(`expected ${code}, got ok`);
  expect(r.code).toBe(code);
  expect(r.message).toMatch(/[\u4e00-\u9fff]/);
  expect(snapshot()).toEqual(before);
  return r.message;
}

const okAnswers = (keys: string[]) => keys.map((key) => ({ key, answer: 'ok' }));
const MIXED_KEYS = ['separation', 'independentExit', 'smokeAlarm', 'extinguishers'];

beforeAll(async () => {
  b = await startBackend({ demo: true, clock: '2026-12-10T10:00:00+08:00' });
}, 60_000);
afterAll(() => b?.stop());

describe('the demo township (seed 004 §10)', () => {
  it("lists every village's listed units and the police station's 16, for the office", async () => {
    const all = ok(await call({ action: 'listPlaces', listed: true, pageSize: 50 }, 'demo-office'));
    const policeUnits = b.docs('places', { listName: POLICE_LIST_NAME, active: true });
    expect(policeUnits).toHaveLength(16);
    const perVillage = (v: number) =>
      SEED004_VILLAGE_LISTS.filter((l) => l.demoVillage === v).reduce((n, l) => n + l.count, 0) +
      policeUnits.filter((p) => p.villageId === `demo-village-${v}`).length;
    expect(all.listedByVillage.map((r: any) => [r.villageId, r.listed])).toEqual(
      [1, 2, 3].map((v) => [`demo-village-${v}`, perVillage(v)]),
    );
    for (const l of SEED004_VILLAGE_LISTS) expect(b.docs('places', { listName: villageListName(l.seedVillage) })).toHaveLength(l.count);
    expect(all.total).toBe(220 + 16);
    // phones in full for the office; masked for the police station (the usual rule)
    expect(all.items[0].responsiblePhone).toMatch(/^1\d{10}$/);
    const police = ok(await call({ action: 'listPlaces', listed: true, pageSize: 1 }, 'demo-police'));
    expect(police.items[0].responsiblePhone).toMatch(/^\d{3}\*{4}\d{4}$/);
    // a liaison reads its own village only
    expect(await call({ action: 'listPlaces', villageId: 'demo-village-2' }, 'demo-liaison-1')).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    const own = ok(await call({ action: 'listPlaces', pageSize: 50 }, 'demo-liaison-1'));
    expect(own.listedByVillage.map((r: any) => r.villageId)).toEqual(['demo-village-1']);
  });

  it('shows the police monthly plan with its one overdue unit, the referral and the overdue hazard', async () => {
    const mine = ok(await call({ action: 'myInspections' }, 'demo-police'));
    expect(mine.plans.find((p: any) => p.id === 'demo-plan-police-monthly').coverage).toEqual({ places: 16, done: 5, due: 10, overdue: 1 });
    expect(mine.items[0]).toMatchObject({ placeId: 'demo-place-police-16', standing: 'overdue', overdueSince: '2026-12-01' });
    const overview = ok(await call({ action: 'overdueOverview' }, 'demo-office'));
    expect(overview.inspections.map((r: any) => r.placeId)).toEqual(['demo-place-police-16']);
    expect(overview.hazards.map((h: any) => h.id)).toEqual(['demo-phz-1']);
    const referrals = ok(await call({ action: 'listReferrals' }, 'demo-inspector-yingji'));
    expect(referrals.items.map((r: any) => [r.id, r.departmentLabel, r.deadline])).toEqual([
      ['referral-demo-phz-1', '应急办', '2026-12-17'],
    ]);
  });
});

describe('coverage turns overdue on the CST calendar', () => {
  it('a monthly plan flags an unchecked listed unit overdue on the 1st of the next month, a yearly plan at year end', async () => {
    const place = ok(
      await call(
        {
          action: 'addPlace',
          villageId: 'demo-village-2',
          type: 'workshop',
          name: '月检测试厂',
          address: '桐木溪村测试路1号',
          responsibleName: '测试人',
          authority: 'police',
          riskGrade: 'medium',
          listed: true,
          listName: '月检测试清单',
        },
        'demo-office',
      ),
    );
    const monthly = ok(
      await call(
        {
          action: 'createPlan',
          name: '月检测试',
          inspectorRole: 'police',
          selector: { listName: '月检测试清单' },
          frequency: 'monthly',
        },
        'demo-office',
      ),
    );
    const yearly = ok(
      await call(
        { action: 'createPlan', name: '年检测试', inspectorRole: 'police', selector: { placeIds: [place.id] }, frequency: 'yearly' },
        'demo-office',
      ),
    );
    const standing = async (planId: string) => ok(await call({ action: 'planCoverage', planId }, 'demo-police')).items[0];
    b.setClock('2026-12-31T23:59:59.000+08:00');
    expect(await standing(monthly.id)).toMatchObject({ standing: 'due', dueDay: '2026-12-31' });
    expect(await standing(yearly.id)).toMatchObject({ standing: 'due', dueDay: '2026-12-31' });
    b.setClock('2027-01-01T00:00:01.000+08:00');
    expect(await standing(monthly.id)).toMatchObject({ standing: 'overdue', overdueSince: '2027-01-01', dueDay: '2027-01-31' });
    expect(await standing(yearly.id)).toMatchObject({ standing: 'overdue', overdueSince: '2027-01-01', dueDay: '2027-12-31' });
    // an inspection on the 1st makes both done for the new period
    ok(
      await call(
        {
          action: 'recordInspection',
          placeId: place.id,
          templateId: 'place-business',
          answers: okAnswers(['electricalUse', 'exitsClear']),
        },
        'demo-police',
      ),
    );
    expect(await standing(monthly.id)).toMatchObject({ standing: 'done' });
    expect(await standing(yearly.id)).toMatchObject({ standing: 'done' });
    b.setClock('2026-12-10T10:00:00+08:00');
  });
});

describe('inspections', () => {
  it('records a hazard, the claim with a photo, and its verification on a re-inspection; a resend is the same inspection', async () => {
    const form = ok(await call({ action: 'inspectionForm', placeId: 'demo-place-police-16' }, 'demo-police'));
    expect(form.template).toMatchObject({ id: 'place-mixed', source: expect.stringContaining('GA 703-2007') });
    const event = {
      action: 'recordInspection',
      idempotencyKey: 'insp-key-0001',
      placeId: 'demo-place-police-16',
      templateId: 'place-mixed',
      answers: [
        ...okAnswers(['separation', 'independentExit']),
        { key: 'smokeAlarm', answer: 'hazard', note: '二楼宿舍未装烟感', deadline: '2026-12-20', photos: ['cloud://p/1.jpg'] },
      ],
      photos: ['cloud://p/site.jpg'],
    };
    const first = ok(await call(event, 'demo-police'));
    const again = ok(await call(event, 'demo-police'));
    expect(again).toEqual(first);
    expect(b.docs('inspections', { placeId: 'demo-place-police-16' })).toHaveLength(1);
    expect(first.hazards).toHaveLength(1);
    const hazardId = first.hazards[0].id;

    // the claim needs a photo; a villager-side role may not claim; the inspector does, for the place
    expect(await call({ action: 'claimPlaceHazard', hazardId, photos: [] }, 'demo-police')).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await call({ action: 'claimPlaceHazard', hazardId, photos: ['x'] }, 'demo-liaison-1')).toMatchObject({ code: 'FORBIDDEN' });
    const claimed = ok(await call({ action: 'claimPlaceHazard', hazardId, photos: ['cloud://p/fixed.jpg'] }, 'demo-police'));
    expect(claimed.status).toBe('rectificationClaimed');

    b.setClock('2026-12-18T10:00:00+08:00');
    const recheck = ok(
      await call(
        {
          action: 'recordInspection',
          placeId: 'demo-place-police-16',
          templateId: 'place-mixed',
          answers: okAnswers(MIXED_KEYS),
          checks: [{ hazardId, rectified: true }],
        },
        'demo-police',
      ),
    );
    expect(recheck.verified.map((h: any) => [h.id, h.status])).toEqual([[hazardId, 'verified']]);
    expect(b.docs('placeHazards', { _id: hazardId })[0]).toMatchObject({ status: 'verified', verifyInspectionId: recheck.inspection.id });
    // a verified hazard cannot be checked again
    await refusedWithNothingWritten(
      {
        action: 'recordInspection',
        placeId: 'demo-place-police-16',
        templateId: 'place-mixed',
        answers: okAnswers(MIXED_KEYS),
        checks: [{ hazardId, rectified: true }],
      },
      'demo-police',
      'NOT_FOUND',
    );
    b.setClock('2026-12-10T10:00:00+08:00');
  });

  it('takes an inspection captured offline within 48 h at its device time, and refuses one older', async () => {
    const base = {
      action: 'recordInspection',
      placeId: 'demo-place-police-15',
      templateId: 'place-crowded',
      answers: okAnswers(['exitsClear']),
      offline: true,
    };
    const r = ok(await call({ ...base, idempotencyKey: 'insp-off-0001', deviceTime: '2026-12-09T16:00:00+08:00' }, 'demo-police'));
    expect(r.inspection).toMatchObject({ offline: true, at: new Date('2026-12-09T16:00:00+08:00').toISOString() });
    const message = await refusedWithNothingWritten(
      { ...base, deviceTime: '2026-12-07T09:00:00+08:00' },
      'demo-police',
      'OFFLINE_TOO_LATE',
    );
    expect(message).toContain('离线检查须在48小时内提交');
  });
});

describe('bad input is refused with a stable code and nothing is written', () => {
  it('a place of an unknown type', async () => {
    const message = await refusedWithNothingWritten(
      {
        action: 'addPlace',
        villageId: 'demo-village-1',
        type: 'internetCafeTower',
        name: '某场所',
        address: '三江村某处',
        responsibleName: '某人',
        authority: 'village',
        riskGrade: 'low',
      },
      'demo-office',
      'PLACE_TYPE_UNKNOWN',
    );
    expect(message).toContain('不是可登记的类型');
  });

  it('a plan with no places, or less often than once a year', async () => {
    const plan = {
      action: 'createPlan',
      name: '空计划',
      inspectorRole: 'police',
      selector: { listName: '不存在的清单' },
      frequency: 'monthly',
    };
    await refusedWithNothingWritten(plan, 'demo-office', 'PLAN_EMPTY');
    await refusedWithNothingWritten({ ...plan, selector: { listedOnly: true }, frequency: 'biennial' }, 'demo-office', 'PLAN_FREQUENCY');
    await refusedWithNothingWritten(
      { ...plan, selector: { listedOnly: true }, frequency: 'once', dueBy: '2028-06-30' },
      'demo-office',
      'PLAN_FREQUENCY',
    );
    // a liaison plans only its own village
    await refusedWithNothingWritten(
      { ...plan, inspectorRole: 'liaison', inspectorScope: 'demo-village-2', selector: { listedOnly: true } },
      'demo-liaison-1',
      'FORBIDDEN',
    );
  });

  it("an inspection of a place outside the inspector's plans", async () => {
    // a village's own listed unit is in the village plan, not in the police station's
    const villagePlace = b.docs('places', { listName: villageListName('胡豆坪村') })[0];
    const message = await refusedWithNothingWritten(
      { action: 'recordInspection', placeId: villagePlace._id, templateId: 'place-business', answers: okAnswers(['exitsClear']) },
      'demo-police',
      'NOT_IN_PLAN',
    );
    expect(message).toContain('不在您的检查计划内');
    await refusedWithNothingWritten({ action: 'inspectionForm', placeId: villagePlace._id }, 'demo-liaison-1', 'NOT_IN_PLAN');
  });

  it('a checklist item not in the template of the place type, and more than 9 photos', async () => {
    const base = { action: 'recordInspection', placeId: 'demo-place-police-14', templateId: 'place-business' };
    await refusedWithNothingWritten({ ...base, answers: okAnswers(['exitsClear', 'smokeAlarm']) }, 'demo-police', 'CHECKLIST_ITEM_UNKNOWN');
    await refusedWithNothingWritten(
      { ...base, templateId: 'place-office', answers: okAnswers(['exitsClear']) },
      'demo-police',
      'CHECKLIST_ITEM_UNKNOWN',
    );
    const ten = Array.from({ length: 10 }, (_, i) => `cloud://p/${i}.jpg`);
    await refusedWithNothingWritten({ ...base, answers: okAnswers(['exitsClear']), photos: ten }, 'demo-police', 'TOO_MANY_PHOTOS');
    await refusedWithNothingWritten(
      { ...base, answers: [{ key: 'storage', answer: 'hazard', note: '堆放', deadline: '2026-12-30', photos: ten }] },
      'demo-police',
      'TOO_MANY_PHOTOS',
    );
  });

  it('a referral to a department that does not supervise the type', async () => {
    const message = await refusedWithNothingWritten(
      { action: 'referHazard', hazardId: 'demo-phz-2', department: 'minzheng', deadline: '2026-12-20' },
      'demo-office',
      'NOT_SUPERVISED',
    );
    expect(message).toContain('民政和社会事务办不监管');
  });
});

describe('referrals 吹哨报到', () => {
  it('the department acknowledges and reports back; an unanswered referral past its deadline is listed for the office', async () => {
    // a hazard at a high-risk place (棋牌室), found by the police station
    const found = ok(
      await call(
        {
          action: 'recordInspection',
          placeId: 'demo-place-police-13',
          templateId: 'place-small',
          answers: [{ key: 'exitsClear', answer: 'hazard', note: '后门上锁', deadline: '2026-12-15' }],
        },
        'demo-police',
      ),
    );
    const hazardId = found.hazards[0].id;
    const referral = ok(
      await call({ action: 'referHazard', hazardId, department: 'jingfa', deadline: '2026-12-14', note: '请经发办督促' }, 'demo-office'),
    );
    expect(referral).toMatchObject({ status: 'open', departmentLabel: '经发办', deadline: '2026-12-14' });
    expect(await call({ action: 'referHazard', hazardId, department: 'yingji', deadline: '2026-12-14' }, 'demo-office')).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });

    // 应急办 has the demo referral; only 经发办 may move this one (no 经发办 inspector in the demo: grant one)
    expect(await call({ action: 'acknowledgeReferral', referralId: referral.id }, 'demo-inspector-yingji')).toMatchObject({
      code: 'FORBIDDEN',
    });
    const person = ok(
      await b.call(
        'org',
        { action: 'addPerson', name: '经发办检查员', grants: [{ role: 'deptInspector', scopeId: 'jingfa' }] },
        'demo-office',
      ),
    );
    await b.emulator.runner.runAsServer(async () => {
      const { getDb } = await import('../../server/infra/cloud');
      await getDb()
        .collection('persons')
        .doc(person.id)
        .update({ data: { openid: 'jingfa-phone' } });
    });
    const listed = ok(await call({ action: 'listReferrals' }, 'jingfa-phone'));
    expect(listed.items.map((r: any) => r.id)).toEqual([referral.id]);
    expect(ok(await call({ action: 'acknowledgeReferral', referralId: referral.id }, 'jingfa-phone')).status).toBe('acknowledged');
    expect(await call({ action: 'acknowledgeReferral', referralId: referral.id }, 'jingfa-phone')).toMatchObject({
      code: 'REFERRAL_STATE',
    });
    const answered = ok(
      await call(
        { action: 'answerReferral', referralId: referral.id, text: '已约谈经营者，后门改为推闩', photos: ['cloud://p/door.jpg'] },
        'jingfa-phone',
      ),
    );
    expect(answered).toMatchObject({ status: 'answered', answer: '已约谈经营者，后门改为推闩', overdue: false });
    expect(await call({ action: 'answerReferral', referralId: referral.id, text: '再次反馈' }, 'jingfa-phone')).toMatchObject({
      code: 'REFERRAL_STATE',
    });

    // the demo referral to 应急办 is left unanswered: after its deadline it is overdue for the office
    b.setClock('2026-12-18T09:00:00+08:00');
    const overview = ok(await call({ action: 'overdueOverview' }, 'demo-office'));
    expect(overview.referrals.map((r: any) => [r.id, r.overdue])).toEqual([['referral-demo-phz-1', true]]);
    const overdue = ok(await call({ action: 'listReferrals', filter: 'overdue' }, 'demo-office'));
    expect(overdue.items.map((r: any) => r.id)).toEqual(['referral-demo-phz-1']);
    // the department acknowledged late: still overdue until it reports back
    ok(await call({ action: 'acknowledgeReferral', referralId: 'referral-demo-phz-1' }, 'demo-inspector-yingji'));
    expect(ok(await call({ action: 'listReferrals', filter: 'overdue' }, 'demo-office')).total).toBe(1);
    b.setClock('2026-12-10T10:00:00+08:00');
  });
});

/** An .xlsx in the documented layout, uploaded to the emulator's storage as a phone would. */
async function uploadSheet(name: string, rows: string[][], header = IMPORT_HEADERS): Promise<{ fileId: string; bytes: Buffer }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('场所清单');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const path = `imports/${name}.xlsx`;
  b.emulator.store.putFile(path, bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', Date.now());
  return { fileId: StorageService.fileIdOf(path), bytes };
}

const sheetRow = (n: number, over: Partial<Record<string, string>> = {}) => {
  const cells: Record<string, string> = {
    序号: String(n),
    '村（社区）': '龙潭坪村',
    场所名称: `导入测试店${n}`,
    场所类型: ['门市', '棋牌室', '敬老院', '三合一场所'][n % 4],
    地址: `龙潭坪村导入路${n}号`,
    负责人: '导入人',
    联系电话: '13800020000',
    监管主体: '村',
    风险等级: ['一般', '高风险', '较高风险'][n % 3],
    住宿工作培训超过10人: n % 5 === 0 ? '是' : '否',
    列管单位: '是',
    列管清单: '导入测试清单',
    ...over,
  };
  return IMPORT_HEADERS.map((h) => cells[h] ?? '');
};

describe('the .xlsx import', () => {
  it('refuses a file with one bad row, listing it, and writes nothing', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => sheetRow(i + 1));
    rows[6] = sheetRow(7, { 场所类型: '网吧大厦' });
    const { fileId } = await uploadSheet('bad', rows);
    const preview = ok(await call({ action: 'previewPlaceImport', fileId }, 'demo-office'));
    expect(preview).toMatchObject({ rows: 12, columns: IMPORT_HEADERS });
    expect(preview.errors).toEqual([{ row: 8, column: '场所类型', message: expect.stringContaining('“网吧大厦”不是可登记的类型') }]);
    const message = await refusedWithNothingWritten({ action: 'importPlaces', fileId }, 'demo-office', 'IMPORT_ROWS_INVALID');
    expect(message).toContain('第8行“场所类型”');
    expect(b.docs('places', { listName: '导入测试清单' })).toHaveLength(0);
  });

  it('imports every row of a good file, once: a retry and the same file again write nothing more', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => sheetRow(i + 1));
    const { fileId, bytes } = await uploadSheet('good', rows);
    // an earlier attempt that died after writing two of its places: they are invisible, and the import finishes them
    const importId = `imp-${createHash('sha256').update(T).update('\u0000').update(bytes).digest('hex').slice(0, 24)}`;
    const parsed = parseImport(
      IMPORT_HEADERS,
      rows.map((cells, i) => ({ row: i + 2, cells })),
      new Map([['龙潭坪村', 'demo-village-3']]),
    );
    await b.emulator.runner.runAsServer(async () => {
      const { getDb } = await import('../../server/infra/cloud');
      for (const n of [1, 2])
        await getDb()
          .collection('places')
          .add({ data: { ...placeRecord(T, parsed.places[n - 1], b.now(), `${importId}-${n}`, importId) } });
    });
    expect(ok(await call({ action: 'listPlaces', villageId: 'demo-village-3', listed: true, pageSize: 1 }, 'demo-office')).total).toBe(
      b.docs('places', { villageId: 'demo-village-3', listed: true, active: true }).length,
    );
    const done = ok(await call({ action: 'importPlaces', fileId, idempotencyKey: 'import-key-01' }, 'demo-office'));
    expect(done).toEqual({ importId, imported: 12, alreadyImported: false });
    const imported = b.docs('places', { importId });
    expect(imported).toHaveLength(12);
    expect(imported.every((p) => p.active && p.listName === '导入测试清单' && p.villageId === 'demo-village-3')).toBe(true);
    // the rows as written: a place of more than 10 people is high risk whatever the sheet said
    expect(imported.find((p) => p.name === '导入测试店5')).toMatchObject({ occupantsOver10: true, riskGrade: 'high', type: 'chessRoom' });
    expect(ok(await call({ action: 'importPlaces', fileId, idempotencyKey: 'import-key-01' }, 'demo-office'))).toEqual(done);
    expect(ok(await call({ action: 'importPlaces', fileId }, 'demo-office'))).toEqual({ importId, imported: 12, alreadyImported: true });
    expect(b.docs('places', { importId })).toHaveLength(12);
    expect(b.docs('placeImports', { _id: importId })[0]).toMatchObject({ status: 'done', rows: 12 });
    // only the office imports
    expect(await call({ action: 'importPlaces', fileId }, 'demo-liaison-3')).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses a file that is not the template, or not a spreadsheet', async () => {
    const { fileId } = await uploadSheet('other', [['a', 'b']], ['名称', '地址']);
    expect(
      (await refusedWithNothingWritten({ action: 'importPlaces', fileId }, 'demo-office', 'IMPORT_ROWS_INVALID')).includes('表头'),
    ).toBe(true);
    b.emulator.store.putFile('imports/not.xlsx', Buffer.from('not a zip'), 'application/octet-stream', Date.now());
    await refusedWithNothingWritten(
      { action: 'importPlaces', fileId: StorageService.fileIdOf('imports/not.xlsx') },
      'demo-office',
      'INVALID_INPUT',
    );
  });
});

async function download(done: ExportDone): Promise<ExcelJS.Worksheet> {
  const res = await fetch(done.url);
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as any);
  return wb.worksheets[0];
}
/** the texts a row really holds: a cell covered by a merge reads as its master's value in exceljs, so it counts as '' */
const texts = (ws: ExcelJS.Worksheet, r: number) =>
  Array.from({ length: ws.columnCount }, (_, i) => {
    const cell = ws.getRow(r).getCell(i + 1);
    return cell.master.address === cell.address && cell.value !== null && cell.value !== undefined ? String(cell.value) : '';
  });

describe('exports reopen with exceljs with the documented headers', () => {
  it('the place inspection ledger', async () => {
    const done = ok(await call({ action: 'exportPlaceLedger', fromDay: '2026-11-01', toDay: '2026-12-31' }, 'demo-office'));
    expect(done).toMatchObject({ kind: 'placeLedger', fileName: '场所消防安全检查台账-2026-11-01~2026-12-31.xlsx' });
    const ws = await download(done);
    expect(texts(ws, 1)[0]).toBe('场所消防安全检查台账');
    expect(texts(ws, 3)).toEqual([
      '序号',
      '检查日期',
      '村（社区）',
      '场所名称',
      '场所类型',
      '地址',
      '监管主体',
      '风险等级',
      '列管单位',
      '检查人',
      '检查计划',
      '检查结果',
      '隐患内容及整改期限',
      '整改状态',
      '复查情况',
    ]);
    const rows = Array.from({ length: done.rows }, (_, i) => texts(ws, 4 + i));
    expect(done.rows).toBe(b.docs('inspections', { day: { $gte: '2026-11-01', $lte: '2026-12-31' } }).length);
    const shu = rows.find((r) => r[3] === '舒家三合一门店')!;
    expect(shu.slice(6, 12)).toEqual(['派出所', '高风险', '是', '龙建平', '派出所列管单位月度检查', '发现隐患1处']);
    expect(shu[12]).toContain('一层门店与二层住人部分未做防火分隔');
  });

  it('the quarterly supervision summary', async () => {
    const done = ok(await call({ action: 'exportQuarterlySummary', quarter: '2026-Q4' }, 'demo-office'));
    const ws = await download(done);
    expect(texts(ws, 1)[0]).toBe('场所消防安全检查季度督查汇总表');
    expect(texts(ws, 3)).toEqual(['序号', '检查计划', '检查人员', '检查频次', '场所数', '本季度检查完成情况', '', '', '']);
    expect(texts(ws, 4).slice(5)).toEqual(['应检次数', '已检次数', '漏检次数', '覆盖率（%）']);
    const report = ok(await call({ action: 'quarterlyReport', quarter: '2026-Q4' }, 'demo-office'));
    expect(done.rows).toBe(report.plans.length);
    const police = Array.from({ length: done.rows }, (_, i) => texts(ws, 5 + i)).find((r) => r[1] === '派出所列管单位月度检查')!;
    // November ended: 16 owed, 15 made (the unit left unchecked is the overdue one)
    expect(police.slice(4)).toEqual(['16', '16', '15', '1', '93.8']);
    const below = Array.from({ length: 4 }, (_, i) => texts(ws, 5 + done.rows + i)[0]).join('\n');
    expect(below).toContain(`本季度检查${report.inspections}次`);
    expect(below).toContain(`逾期未反馈${report.referralsOverdue}件`);
    expect(await call({ action: 'exportQuarterlySummary', quarter: '2026-Q4' }, 'demo-police')).toMatchObject({ code: 'FORBIDDEN' });
  });
});
