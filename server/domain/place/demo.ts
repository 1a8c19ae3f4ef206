// The places part of the demo township (SPEC §7b): seed 004's listed units — the police station's 16 (§10, checked
// monthly) and each village's list (场镇社区 70, 凌阁堂村 18, 胡豆坪村 48, 佛岩寺村 47, 牌坊坝村 17, 莲花石村 20) — with
// offices, health and care places; the police monthly plan, a plan per village, a department's and the township's
// quarterly special inspection; inspections, one overdue place, an overdue hazard and its referral 吹哨报到.
//
// The demo township (seed 001's 三江镇) has three villages, seed 004 (青峰镇) counts six lists: each demo village
// carries two of them, whole and under their own names (列管清单), so every count of the seed is in the data:
// 三江村 (the township seat 场镇) ← 场镇社区 70 + 凌阁堂村 18; 桐木溪村 ← 胡豆坪村 48 + 牌坊坝村 17;
// 龙潭坪村 ← 佛岩寺村 47 + 莲花石村 20.
//
// Inspections are dated relative to the moment the demo is first seeded (`now`), so whenever `npm start` first runs,
// the police plan's previous month is checked except for one unit — exactly one overdue place.
import type { PlaceType, RiskGrade } from '../../../typings/place';
import type { RoleGrant } from '../../../typings/roles';
import { addDays, cstDay, cstDayStart } from '../time/cst';
import { hazardCategory } from '../visit/checklist';
import { deadlineOf } from '../visit/hazardState';
import { templateFor } from './checklists';
import { planKey, periodOf, quarterOf } from './coverage';
import type { InspectionRecord, PlaceHazardRecord, PlaceRecord, PlanRecord, ReferralRecord } from './records';
import { newPlaceHazard } from './records';

/** seed 004 §10 "各村居列管单位", mapped onto the demo villages (1-based) */
export const SEED004_VILLAGE_LISTS: readonly { seedVillage: string; count: number; demoVillage: number }[] = [
  { seedVillage: '场镇社区', count: 70, demoVillage: 1 },
  { seedVillage: '凌阁堂村', count: 18, demoVillage: 1 },
  { seedVillage: '胡豆坪村', count: 48, demoVillage: 2 },
  { seedVillage: '牌坊坝村', count: 17, demoVillage: 2 },
  { seedVillage: '佛岩寺村', count: 47, demoVillage: 3 },
  { seedVillage: '莲花石村', count: 20, demoVillage: 3 },
];

/** 004 §10 "派出所要按照年度监管计划对列管的16家单位进行消防检查" */
export const POLICE_LIST_NAME = '派出所列管单位';
export const villageListName = (seedVillage: string) => `${seedVillage}列管单位`;

export const DEMO_PLACE_PEOPLE: readonly {
  openid: string;
  name: string;
  role: 'police' | 'deptInspector';
  scopeId: 'township' | 'yingji' | 'minzheng';
  note: string;
}[] = [
  {
    openid: 'demo-police',
    name: '龙建平',
    role: 'police',
    scopeId: 'township',
    note: '派出所消防民警：列管的16家单位每月检查一次，监管对象每年一次；登记检查、隐患与复查',
  },
  {
    openid: 'demo-inspector-yingji',
    name: '彭晓燕',
    role: 'deptInspector',
    scopeId: 'yingji',
    note: '应急办：签收镇里转办的高风险场所隐患（吹哨报到），限期反馈办理情况',
  },
  {
    openid: 'demo-inspector-minzheng',
    name: '贺春林',
    role: 'deptInspector',
    scopeId: 'minzheng',
    note: '民政和社会事务办：敬老院、卫生室、幼儿园年度检查，签收转办',
  },
];

interface DemoVillageRef {
  id: string;
  name: string;
}

export interface PlaceDemoDocs {
  places: PlaceRecord[];
  inspectionPlans: PlanRecord[];
  inspections: InspectionRecord[];
  placeHazards: PlaceHazardRecord[];
  referrals: ReferralRecord[];
}

const NAMES = '向舒米谌张李杨刘王陈邓戴黄周夏贺唐龙彭肖'.split('');
const SHOP_KINDS: Partial<Record<PlaceType, string[]>> = {
  shop: ['副食店', '五金店', '服装店', '农资店', '电器行', '药店'],
  smallVenue: ['小餐馆', '旅社', '理发店', '烧烤店'],
  market: ['超市'],
  workshop: ['木材加工坊', '粮油加工坊', '竹制品作坊'],
  multiUse: ['三合一门店'],
  chessRoom: ['棋牌室'],
  selfBuilt: ['出租房'],
};
const LIST_CYCLE: PlaceType[] = [
  'shop',
  'smallVenue',
  'shop',
  'multiUse',
  'chessRoom',
  'selfBuilt',
  'market',
  'workshop',
  'smallVenue',
  'shop',
];

const HIGH: readonly PlaceType[] = ['multiUse', 'chessRoom', 'school', 'healthCentre', 'careHome', 'market'];

const phone = (n: number) => `1380001${String(n).padStart(4, '0')}`;

export function placeDemoDocs(townshipId: string, villages: readonly DemoVillageRef[], now: Date): PlaceDemoDocs {
  const at = new Date('2026-11-02T09:00:00+08:00');
  const places: PlaceRecord[] = [];
  let k = 0;
  const place = (
    id: string,
    v: number,
    type: PlaceType,
    name: string,
    address: string,
    extra: Partial<PlaceRecord> & { risk?: RiskGrade } = {},
  ): PlaceRecord => {
    k += 1;
    const { risk, ...rest } = extra;
    const over10 = rest.occupantsOver10 ?? false;
    const record: PlaceRecord = {
      _id: id,
      townshipId,
      villageId: villages[v - 1].id,
      type,
      name,
      address,
      responsibleName: `${NAMES[(k * 7) % NAMES.length]}${['建国', '秀英', '春华', '德胜', '玉梅', '志强'][k % 6]}`,
      responsiblePhone: phone(k),
      authority: 'village',
      riskGrade: over10 ? 'high' : (risk ?? (HIGH.includes(type) ? 'high' : k % 3 === 0 ? 'medium' : 'low')),
      occupantsOver10: over10,
      listed: false,
      listName: '',
      location: null,
      active: true,
      importId: null,
      createdAt: at,
      updatedAt: at,
      ...rest,
    };
    places.push(record);
    return record;
  };

  // the police station's 16 listed units (004 §10)
  const police: [number, PlaceType, string, Partial<PlaceRecord>?][] = [
    [1, 'school', '三江镇中心小学'],
    [1, 'healthCentre', '三江镇卫生院'],
    [1, 'careHome', '三江镇敬老院'],
    [1, 'market', '三江农贸市场'],
    [1, 'market', '好又多超市'],
    [1, 'smallVenue', '三江客栈', { riskGrade: 'high' }],
    [1, 'smallVenue', '星空网吧', { riskGrade: 'high' }],
    [1, 'workshop', '向记木材加工厂'],
    [1, 'other', '三江加油站', { riskGrade: 'high' }],
    [2, 'workshop', '桐木溪竹制品厂'],
    [2, 'school', '桐木溪中学'],
    [2, 'multiUse', '舒家三合一门店'],
    [2, 'chessRoom', '老街棋牌室'],
    [3, 'workshop', '龙潭坪粮油加工坊'],
    [3, 'school', '龙潭坪小学'],
    [3, 'selfBuilt', '米家出租房（务工人员宿舍）', { occupantsOver10: true }],
  ];
  const policeUnits = police.map(([v, type, name, extra], i) =>
    place(`demo-place-police-${String(i + 1).padStart(2, '0')}`, v, type, name, `${villages[v - 1].name}正街${(i + 1) * 2}号`, {
      authority: 'police',
      listed: true,
      listName: POLICE_LIST_NAME,
      ...extra,
    }),
  );

  // each village's listed units, under the seed village's own list name
  for (const list of SEED004_VILLAGE_LISTS) {
    const v = list.demoVillage;
    const seat = list.seedVillage === '场镇社区';
    for (let n = 1; n <= list.count; n++) {
      const type = LIST_CYCLE[(n - 1) % LIST_CYCLE.length];
      const kinds = SHOP_KINDS[type]!;
      const owner = `${NAMES[(n * 3 + v) % NAMES.length]}${['记', '家', '氏'][n % 3]}`;
      const group = ['一', '二', '三', '四', '五', '六', '七', '八'][n % 8];
      place(
        `demo-place-${v}-${list.seedVillage === SEED004_VILLAGE_LISTS.find((l) => l.demoVillage === v)!.seedVillage ? 'a' : 'b'}-${String(n).padStart(2, '0')}`,
        v,
        type,
        `${owner}${kinds[n % kinds.length]}`,
        seat
          ? `${villages[v - 1].name}正街${n * 2 + 1}号`
          : `${villages[v - 1].name}${list.seedVillage.replace(/村$/, '')}片${group}组${n}号`,
        { listed: true, listName: villageListName(list.seedVillage), occupantsOver10: type === 'selfBuilt' && n % 3 === 0 },
      );
    }
  }

  // places beside the lists: offices (001 附件4), elderly activity rooms, a department's sector
  villages.forEach((village, i) => {
    place(`demo-place-office-${i + 1}`, i + 1, 'office', `${village.name}村委会办公楼`, `${village.name}村委会`);
    place(`demo-place-elderly-${i + 1}`, i + 1, 'elderlyActivity', `${village.name}老年活动室`, `${village.name}村委会旁`, {
      riskGrade: 'medium',
    });
  });
  place('demo-place-gov', 1, 'office', '三江镇人民政府办公楼', '三江村正街1号', { authority: 'yingji' });
  place('demo-place-minzheng-1', 2, 'healthCentre', '桐木溪村卫生室', '桐木溪村村委会旁', { authority: 'minzheng' });
  place('demo-place-minzheng-2', 3, 'school', '龙潭坪村幼儿园', '龙潭坪村三组6号', { authority: 'minzheng' });
  place('demo-place-minzheng-3', 3, 'careHome', '龙潭坪村互助养老点', '龙潭坪村二组9号', { authority: 'minzheng' });

  const today = cstDay(now);
  const thisMonth = periodOf({ frequency: 'monthly', dueBy: null, startDay: today }, today);
  const lastMonth = periodOf({ frequency: 'monthly', dueBy: null, startDay: today }, addDays(thisMonth.startDay, -1));
  const quarterStart = quarterOf(today).startDay;
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const plan = (
    id: string,
    p: Omit<PlanRecord, '_id' | 'townshipId' | 'active' | 'createdBy' | 'createdAt' | 'updatedAt' | 'dueBy'>,
  ): PlanRecord => ({
    _id: id,
    townshipId,
    dueBy: null,
    active: true,
    createdBy: 'person-demo-office',
    createdAt: at,
    updatedAt: at,
    ...p,
  });
  const inspectionPlans: PlanRecord[] = [
    plan('demo-plan-police-monthly', {
      name: '派出所列管单位月度检查',
      inspectorRole: 'police',
      inspectorScope: townshipId,
      selector: { listName: POLICE_LIST_NAME },
      frequency: 'monthly',
      startDay: lastMonth.startDay,
    }),
    plan('demo-plan-police-yearly', {
      name: '派出所监管对象年度检查',
      inspectorRole: 'police',
      inspectorScope: townshipId,
      selector: { authorities: ['police'] },
      frequency: 'yearly',
      startDay: yearStart,
    }),
    ...villages.map((v, i) =>
      plan(`demo-plan-village-${i + 1}`, {
        name: `${v.name}列管单位季度检查`,
        inspectorRole: 'liaison',
        inspectorScope: v.id,
        selector: { authorities: ['village'], listedOnly: true },
        frequency: 'quarterly',
        startDay: quarterStart,
      }),
    ),
    plan('demo-plan-minzheng', {
      name: '民政和社会事务办行业检查',
      inspectorRole: 'deptInspector',
      inspectorScope: 'minzheng',
      selector: { authorities: ['minzheng'] },
      frequency: 'yearly',
      startDay: yearStart,
    }),
    plan('demo-plan-special', {
      name: '镇消委会季度专项督查（三合一、棋牌室、经营性自建房）',
      inspectorRole: 'office',
      inspectorScope: townshipId,
      selector: { types: ['multiUse', 'chessRoom', 'selfBuilt'], listedOnly: true },
      frequency: 'quarterly',
      startDay: quarterStart,
    }),
  ];

  const policeKey = planKey(inspectionPlans[0]);
  const inspections: InspectionRecord[] = [];
  const placeHazards: PlaceHazardRecord[] = [];
  const inspect = (
    id: string,
    target: PlaceRecord,
    when: Date,
    by: { personId: string; name: string; keys: string[] },
    planId: string,
    hazardKey?: { key: string; note: string; deadline: string; hazardId: string },
  ) => {
    const template = templateFor(target.type);
    inspections.push({
      _id: id,
      townshipId,
      villageId: target.villageId,
      placeId: target._id,
      planId,
      inspectorPersonId: by.personId,
      inspectorName: by.name,
      asInspector: by.keys,
      at: when,
      receivedAt: when,
      offline: false,
      day: cstDay(when),
      templateId: template._id,
      answers: template.items.map((item) =>
        item.key === hazardKey?.key
          ? { key: item.key, answer: 'hazard' as const, note: hazardKey.note }
          : { key: item.key, answer: 'ok' as const },
      ),
      hazardIds: hazardKey ? [hazardKey.hazardId] : [],
      checks: [],
      photos: [],
      location: null,
      note: '',
      createdAt: when,
    });
    if (hazardKey) {
      const item = template.items.find((x) => x.key === hazardKey.key)!;
      placeHazards.push(
        newPlaceHazard(
          {
            _id: hazardKey.hazardId,
            townshipId,
            villageId: target.villageId,
            placeId: target._id,
            inspectionId: id,
            itemKey: item.key,
            category: hazardCategory(template, item.key),
            description: hazardKey.note,
            photos: [],
            foundBy: by.personId,
            deadline: deadlineOf(hazardKey.deadline),
          },
          when,
        ),
      );
    }
  };
  const officer = { personId: 'person-demo-police', name: '龙建平', keys: [policeKey] };
  const lastMonthDay = (d: number) => new Date(cstDayStart(addDays(lastMonth.startDay, d - 1)).getTime() + 10 * 3600_000);
  // last month: every police unit but the last was checked; 舒家三合一门店 had a hazard, now past its deadline
  policeUnits.slice(0, 15).forEach((u, i) =>
    inspect(
      `demo-insp-police-${String(i + 1).padStart(2, '0')}`,
      u,
      lastMonthDay(5 + (i % 10)),
      officer,
      'demo-plan-police-monthly',
      u._id === 'demo-place-police-12'
        ? {
            key: 'separation',
            note: '一层门店与二层住人部分未做防火分隔，楼梯共用',
            deadline: addDays(lastMonth.startDay, 14),
            hazardId: 'demo-phz-1',
          }
        : undefined,
    ),
  );
  // this month so far: five units checked again
  policeUnits
    .slice(0, 5)
    .forEach((u, i) =>
      inspect(
        `demo-insp-police-now-${i + 1}`,
        u,
        new Date(Math.min(now.getTime(), cstDayStart(today).getTime() + 9 * 3600_000)),
        officer,
        'demo-plan-police-monthly',
      ),
    );
  // the village plan of 三江村: its liaison found a hazard at one listed shop today
  const firstListed = places.find((p) => p.listName === villageListName('场镇社区'))!;
  inspect(
    'demo-insp-village-1',
    firstListed,
    new Date(Math.min(now.getTime(), cstDayStart(today).getTime() + 9 * 3600_000)),
    { personId: 'person-demo-liaison-1', name: '张秀兰', keys: [planKey(inspectionPlans[2])] },
    'demo-plan-village-1',
    { key: 'ebike', note: '店内通道停放电动车充电', deadline: addDays(today, 10), hazardId: 'demo-phz-2' },
  );

  // 镇街吹哨、部门报到: the overdue hazard at the 三合一 place, referred to 应急办 with a week to report back
  const referred = placeHazards.find((h) => h._id === 'demo-phz-1')!;
  referred.referralId = 'referral-demo-phz-1';
  const referrals: ReferralRecord[] = [
    {
      _id: 'referral-demo-phz-1',
      townshipId,
      hazardId: referred._id,
      placeId: referred.placeId,
      villageId: referred.villageId,
      department: 'yingji',
      deadline: deadlineOf(addDays(today, 7)),
      note: '三合一场所未分隔，请应急办会同派出所督促整改',
      status: 'open',
      createdBy: 'person-demo-office',
      createdAt: new Date(Math.min(now.getTime(), cstDayStart(today).getTime() + 9 * 3600_000)),
      acknowledgedAt: null,
      acknowledgedBy: null,
      answeredAt: null,
      answeredBy: null,
      answer: null,
      answerPhotos: [],
      updatedAt: new Date(Math.min(now.getTime(), cstDayStart(today).getTime() + 9 * 3600_000)),
    },
  ];
  return { places, inspectionPlans, inspections, placeHazards, referrals };
}

/** The grants of the demo's inspectors (the police station officer and two departments' inspectors). */
export function demoInspectorGrant(p: (typeof DEMO_PLACE_PEOPLE)[number], townshipId: string): RoleGrant {
  return p.role === 'police'
    ? { role: 'police', scopeType: 'township', scopeId: townshipId, townshipId }
    : { role: 'deptInspector', scopeType: 'department', scopeId: p.scopeId, townshipId };
}
