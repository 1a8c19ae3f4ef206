// Places (SPEC §7b) as pure rules: the coverage calendar in CST (fast-check over dates: a monthly plan flags an unchecked
// place overdue on the 1st of the next month, a yearly plan at year end), the checklist templates as data with their
// sources, the referral and plan refusals, the .xlsx row check, and the demo township's seed 004 counts.
import fc from 'fast-check';
import { cstDay, cstDayStart, addDays } from '../../server/domain/time/cst';
import { placeStanding, periodOf, planStates, quarterByKey, type InspectionFact } from '../../server/domain/place/coverage';
import { PLACE_TEMPLATES, templateFor } from '../../server/domain/place/checklists';
import { PLACE_TYPES, DEPARTMENTS, supervises } from '../../server/domain/place/placeTypes';
import { frequencyProblem, emptyPlanProblem, referralProblem, placeTypeProblem } from '../../server/domain/place/rules';
import { IMPORT_HEADERS, parseImport } from '../../server/domain/place/importLayout';
import { POLICE_LIST_NAME, SEED004_VILLAGE_LISTS, placeDemoDocs, villageListName } from '../../server/domain/place/demo';
import type { PlanRecord } from '../../server/domain/place/records';

const SEED = 20261201;
const params = { seed: SEED, numRuns: 500 };

/** a CST month `YYYY-MM` between 2020 and 2035 */
const month = fc.record({ y: fc.integer({ min: 2020, max: 2035 }), m: fc.integer({ min: 1, max: 12 }) });
const monthKey = ({ y, m }: { y: number; m: number }) => `${y}-${String(m).padStart(2, '0')}`;
const nextMonthFirst = ({ y, m }: { y: number; m: number }) => (m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`);

const plan = (p: Partial<PlanRecord>): Pick<PlanRecord, 'frequency' | 'dueBy' | 'startDay'> => ({
  frequency: 'monthly',
  dueBy: null,
  startDay: '2020-01-01',
  ...p,
});

describe('coverage on the CST calendar', () => {
  it('a monthly plan flags an unchecked place overdue exactly from the 1st of the next month, 00:00 CST', () => {
    fc.assert(
      fc.property(month, fc.integer({ min: 0, max: 27 }), (mo, startOffset) => {
        const first = `${monthKey(mo)}-01`;
        const p = plan({ startDay: addDays(first, startOffset) });
        const next = nextMonthFirst(mo);
        // the last millisecond of the month and the first of the next, as instants, then read on the CST calendar
        const lastMs = new Date(cstDayStart(next).getTime() - 1);
        const firstMs = cstDayStart(next);
        expect(placeStanding(p, [], cstDay(lastMs))).toMatchObject({ standing: 'due', dueDay: addDays(next, -1) });
        expect(placeStanding(p, [], cstDay(firstMs))).toMatchObject({ standing: 'overdue', overdueSince: next });
      }),
      params,
    );
  });

  it('a monthly plan whose place was checked in the month is not overdue on the 1st, and is done once checked again', () => {
    fc.assert(
      fc.property(month, fc.integer({ min: 0, max: 27 }), (mo, day) => {
        const first = `${monthKey(mo)}-01`;
        const p = plan({ startDay: first });
        const next = nextMonthFirst(mo);
        const checked = addDays(first, day);
        expect(placeStanding(p, [checked], next).standing).toBe('due');
        expect(placeStanding(p, [next], next).standing).toBe('done');
        // a miss is not made good by an inspection the month before it
        expect(placeStanding(p, [addDays(first, -1)], next).standing).toBe('overdue');
      }),
      params,
    );
  });

  it('a yearly plan flags an unchecked place overdue from 1 January, 00:00 CST, not on 31 December', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2020, max: 2035 }), fc.integer({ min: 0, max: 360 }), (y, startOffset) => {
        const p = plan({ frequency: 'yearly', startDay: addDays(`${y}-01-01`, startOffset) });
        const lastMs = new Date(cstDayStart(`${y + 1}-01-01`).getTime() - 1);
        expect(placeStanding(p, [], cstDay(lastMs))).toMatchObject({ standing: 'due', dueDay: `${y}-12-31` });
        expect(placeStanding(p, [], cstDay(cstDayStart(`${y + 1}-01-01`)))).toMatchObject({
          standing: 'overdue',
          overdueSince: `${y + 1}-01-01`,
        });
      }),
      params,
    );
  });

  it('a period is never owed before the plan started, and a once plan is due by its day', () => {
    expect(placeStanding(plan({ startDay: '2026-12-05' }), [], '2026-12-20').standing).toBe('due');
    expect(placeStanding(plan({ frequency: 'quarterly', startDay: '2026-10-01' }), [], '2027-01-01').standing).toBe('overdue');
    const once = plan({ frequency: 'once', startDay: '2026-12-01', dueBy: '2026-12-15' });
    expect(placeStanding(once, [], '2026-12-15')).toMatchObject({ standing: 'due', dueDay: '2026-12-15' });
    expect(placeStanding(once, [], '2026-12-16')).toMatchObject({ standing: 'overdue', overdueSince: '2026-12-16' });
    expect(placeStanding(once, ['2026-12-02'], '2027-03-01').standing).toBe('done');
  });

  it('periods and quarters have CST labels and bounds', () => {
    expect(periodOf(plan({}), '2024-02-10')).toMatchObject({ label: '2024年2月', startDay: '2024-02-01', endDay: '2024-02-29' });
    expect(periodOf(plan({ frequency: 'quarterly' }), '2026-11-30')).toMatchObject({
      key: '2026-Q4',
      startDay: '2026-10-01',
      endDay: '2026-12-31',
    });
    expect(quarterByKey('2027-Q1')).toMatchObject({ label: '2027年第1季度', endDay: '2027-03-31' });
    expect(quarterByKey('2027-Q5')).toBeNull();
  });
});

describe('checklist templates as data', () => {
  it('every place type has exactly one template, and every template names its national source', () => {
    for (const type of PLACE_TYPES) expect(PLACE_TEMPLATES.filter((t) => t.placeTypes.includes(type))).toHaveLength(1);
    for (const t of PLACE_TEMPLATES) {
      expect(t.source).toMatch(/GB\/T 40248-2021|GA 1131-2014|GA 703-2007|公安部令第61号/);
      expect(new Set(t.items.map((i) => i.key)).size).toBe(t.items.length);
      expect(t.items.at(-1)?.key).toBe('other');
    }
    expect(templateFor('office').name).toContain('附件4');
    expect(templateFor('shop').name).toContain('附件5');
  });
});

describe('refusals', () => {
  it('refers only to a department that supervises the type, and only high-risk places', () => {
    const careHome = { type: 'careHome' as const, riskGrade: 'high' as const, occupantsOver10: false };
    expect(referralProblem(careHome, 'guijian')).toMatchObject({ code: 'NOT_SUPERVISED' });
    expect(referralProblem(careHome, 'minzheng')).toBeNull();
    expect(referralProblem({ ...careHome, riskGrade: 'low' }, 'minzheng')).toMatchObject({ code: 'NOT_HIGH_RISK' });
    // more than 10 people makes a self-built house high risk whatever was entered (004 §17)
    expect(referralProblem({ type: 'selfBuilt', riskGrade: 'low', occupantsOver10: true }, 'guijian')).toBeNull();
    for (const type of PLACE_TYPES) expect(DEPARTMENTS.some((d) => supervises(d, type))).toBe(true);
  });

  it('plans: at least once a year, and at least one place', () => {
    expect(frequencyProblem('biennial', undefined, '2026-12-01')).toMatchObject({ code: 'PLAN_FREQUENCY' });
    expect(frequencyProblem('once', '2028-01-01', '2026-12-01')).toMatchObject({ code: 'PLAN_FREQUENCY', field: 'dueBy' });
    expect(frequencyProblem('once', '2027-06-30', '2026-12-01')).toBeNull();
    expect(frequencyProblem('yearly', undefined, '2026-12-01')).toBeNull();
    expect(emptyPlanProblem(0)).toMatchObject({ code: 'PLAN_EMPTY' });
    expect(placeTypeProblem('网吧大厦')).toMatchObject({ code: 'PLACE_TYPE_UNKNOWN' });
  });
});

describe('the .xlsx row check', () => {
  const villages = new Map([['三江村', 'v1']]);
  const row = (n: number, cells: Partial<Record<string, string>>) => ({
    row: n,
    cells: IMPORT_HEADERS.map((h) => cells[h] ?? ''),
  });
  const good = {
    '村（社区）': '三江村',
    场所名称: '向记副食店',
    场所类型: '门市',
    地址: '三江村正街3号',
    负责人: '向建国',
    监管主体: '村',
    风险等级: '一般',
  };

  it('turns names into the registry keys and reports each bad row with its Excel row number', () => {
    const parsed = parseImport(
      IMPORT_HEADERS,
      [
        row(2, good),
        row(3, { ...good, 场所名称: '星空网吧', 场所类型: '网吧大厦', 列管单位: '也许' }),
        row(4, { ...good, '村（社区）': '外镇村', 场所名称: '乙' }),
        row(5, good),
      ],
      villages,
    );
    expect(parsed.places).toHaveLength(1);
    expect(parsed.places[0]).toMatchObject({ villageId: 'v1', type: 'shop', authority: 'village', riskGrade: 'low', listed: false });
    expect(parsed.errors.map((e) => [e.row, e.column])).toEqual([
      [3, '场所类型'],
      [3, '列管单位'],
      [4, '村（社区）'],
      [5, '场所名称'],
    ]);
    expect(parsed.errors[0].message).toContain('不是可登记的类型');
    expect(parsed.errors[3].message).toContain('与第2行是同一场所');
  });

  it('refuses a file whose header is not the template', () => {
    expect(parseImport(['名称'], [row(2, good)], villages).errors).toEqual([expect.objectContaining({ row: 1, column: '表头' })]);
  });
});

describe('the demo township (seed 004 §10)', () => {
  const villages = [
    { id: 'demo-village-1', name: '三江村' },
    { id: 'demo-village-2', name: '桐木溪村' },
    { id: 'demo-village-3', name: '龙潭坪村' },
  ];
  const now = new Date('2026-12-10T10:00:00+08:00');
  const docs = placeDemoDocs('demo-township', villages, now);

  it("holds every village's listed-unit count of the seed, in its mapped village, and the police station's 16 units", () => {
    expect(SEED004_VILLAGE_LISTS.map((l) => [l.seedVillage, l.count])).toEqual([
      ['场镇社区', 70],
      ['凌阁堂村', 18],
      ['胡豆坪村', 48],
      ['牌坊坝村', 17],
      ['佛岩寺村', 47],
      ['莲花石村', 20],
    ]);
    for (const l of SEED004_VILLAGE_LISTS) {
      const listed = docs.places.filter((p) => p.listName === villageListName(l.seedVillage));
      expect(listed).toHaveLength(l.count);
      expect(new Set(listed.map((p) => p.villageId))).toEqual(new Set([`demo-village-${l.demoVillage}`]));
      expect(listed.every((p) => p.listed && p.authority === 'village')).toBe(true);
    }
    const police = docs.places.filter((p) => p.listName === POLICE_LIST_NAME);
    expect(police).toHaveLength(16);
    expect(police.every((p) => p.listed && p.authority === 'police')).toBe(true);
    // several types in every village
    for (const v of villages)
      expect(new Set(docs.places.filter((p) => p.villageId === v.id).map((p) => p.type)).size).toBeGreaterThanOrEqual(6);
  });

  it('has a police monthly plan, a plan per village, and exactly one overdue place whenever it is seeded', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2030-12-31T23:59:59Z'), noInvalidDate: true }), (at) => {
        const d = placeDemoDocs('demo-township', villages, at);
        const facts: InspectionFact[] = d.inspections;
        const states = planStates(d.inspectionPlans, d.places, facts, cstDay(at));
        expect(states.find((s) => s.plan._id === 'demo-plan-police-monthly')!.counts.places).toBe(16);
        expect(states.filter((s) => s.plan.inspectorRole === 'liaison')).toHaveLength(3);
        const overdue = states.flatMap((s) => s.rows.filter((r) => r.standing.standing === 'overdue').map((r) => r.place._id));
        expect(overdue).toEqual(['demo-place-police-16']);
      }),
      { seed: SEED, numRuns: 40 },
    );
    expect(docs.referrals).toHaveLength(1);
    expect(docs.inspectionPlans.find((p) => p._id === 'demo-plan-village-1')).toMatchObject({
      inspectorRole: 'liaison',
      frequency: 'quarterly',
    });
  });
});
