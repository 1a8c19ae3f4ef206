// The demo township, modelled on seed 001 (溆浦县三江镇): 3 villages, 10 micro-grids of 5–15 households, visitors with
// ranges, grid leaders, villagers, a liaison per village, the township office and the discipline office.
// Written straight to the database with stable ids, so seeding twice changes nothing; used by `npm start` and the tests.
import type { Role, RoleGrant } from '../typings/roles';
import type { HouseholdMember, VulnerabilityFlags } from '../typings/org';
import type { VisitorType } from '../typings/supervision';
import type {
  AssignmentRecord,
  GridRecord,
  HouseholdRecord,
  PersonRecord,
  TownshipRecord,
  VillageRecord,
} from '../server/domain/org/records';
import type { CampaignRecord } from '../server/domain/quota/records';
import type { ChecklistTemplateRecord } from '../server/domain/visit/records';
import { presetCampaignRecord } from '../server/domain/visit/campaignPresets';
import { BUILT_IN_TEMPLATES } from '../server/domain/visit/checklist';
import { ROLE_LABELS } from '../server/domain/roles';
import type { Database } from '../server/infra/cloud';
import { findByIds } from '../server/infra/store';
import { seedActivityDemo, seedProgrammeDemo } from '../server/infra/programmeDemo';
import { seedPlaceDemo } from '../server/infra/placeDemo';
import { DEMO_PLACE_PEOPLE, demoInspectorGrant } from '../server/domain/place/demo';

export const DEMO_TOWNSHIP_ID = 'demo-township';
export const DEMO_TOWNSHIP_NAME = '溆浦县三江镇';

/** the plan is dated 2024-11-18; ranges start at the mobilisation deadline "11月19日前召开一次部署会" */
const CREATED_AT = new Date('2024-11-18T09:00:00+08:00');
const RANGES_FROM = new Date('2024-11-19T00:00:00+08:00');

interface DemoVillage {
  name: string;
  liaison: string;
  /** households per micro-grid: every grid within the seed's 5–15 */
  grids: number[];
}

const VILLAGES: DemoVillage[] = [
  { name: '三江村', liaison: '张秀兰', grids: [9, 12, 6, 15] },
  { name: '桐木溪村', liaison: '李国强', grids: [10, 8, 5] },
  { name: '龙潭坪村', liaison: '杨春梅', grids: [11, 7, 13] },
];

interface DemoVisitor {
  name: string;
  kind: string;
  type: VisitorType;
  unit: string;
  /** [village number, grid number] pairs, 1-based */
  range: [number, number][];
}

const VISITORS: DemoVisitor[] = [
  {
    name: '向建军',
    kind: '镇干部',
    type: 'townCadre',
    unit: '三江镇人民政府应急办',
    range: [
      [1, 1],
      [1, 2],
    ],
  },
  {
    name: '舒丽华',
    kind: '镇干部',
    type: 'townCadre',
    unit: '三江镇人民政府党政办',
    range: [
      [1, 3],
      [1, 4],
    ],
  },
  {
    name: '米志勇',
    kind: '村干部',
    type: 'villageCadre',
    unit: '桐木溪村村民委员会',
    range: [
      [2, 1],
      [2, 2],
    ],
  },
  {
    name: '谌海波',
    kind: '驻村工作队',
    type: 'workTeam',
    unit: '溆浦县应急管理局驻龙潭坪村工作队',
    range: [
      [2, 3],
      [3, 1],
    ],
  },
  {
    name: '邓小芳',
    kind: '党员',
    type: 'partyMember',
    unit: '龙潭坪村党支部',
    range: [
      [3, 2],
      [3, 3],
    ],
  },
  { name: '戴文涛', kind: '镇干部', type: 'townCadre', unit: '三江镇人民政府规建办', range: [] },
];

const OFFICE = { name: '刘晓东', openid: 'demo-office' };
/** seed 000's "一对一" helper with an account of their own: a volunteer, helper of 舒金花 (server/domain/programme/demo.ts) */
const HELPER = { name: '向秋菊', openid: 'demo-helper-1', phone: '13800007001' };
const DISCIPLINE = { name: '王纪明', openid: 'demo-discipline' };

const SURNAMES = '向舒米谌张李杨刘王陈邓戴黄周夏贺唐龙彭肖'.split('');
const GIVEN = [
  '长青',
  '金花',
  '德明',
  '玉兰',
  '家富',
  '秋菊',
  '建华',
  '桂英',
  '春生',
  '红梅',
  '永福',
  '冬梅',
  '志刚',
  '翠兰',
  '国平',
  '小燕',
  '正军',
  '满秀',
  '树林',
  '月娥',
  '海清',
  '凤英',
  '光辉',
  '爱莲',
];
const GROUPS = '一二三四五六七八九十'.split('');

const demoId = {
  village: (v: number) => `demo-village-${v}`,
  grid: (v: number, g: number) => `demo-grid-${v}-${g}`,
  household: (v: number, g: number, n: number) => `demo-hh-${v}-${g}-${String(n).padStart(2, '0')}`,
  person: (openid: string) => `person-${openid}`,
};

export interface DemoIdentity {
  openid: string;
  name: string;
  role: Role;
  roleLabel: string;
  /** what this identity can do, for the README and the switcher */
  note: string;
}

export interface DemoDocs {
  townships: TownshipRecord[];
  villages: VillageRecord[];
  grids: GridRecord[];
  households: HouseholdRecord[];
  persons: PersonRecord[];
  assignments: AssignmentRecord[];
  /** seed 001's own campaign (kept for replaying its timeline) and this winter's, which is the active one */
  campaigns: CampaignRecord[];
  checklistTemplates: ChecklistTemplateRecord[];
}

function headName(k: number): string {
  return SURNAMES[(k * 7) % SURNAMES.length] + GIVEN[(k * 11) % GIVEN.length];
}

function flagsFor(k: number): VulnerabilityFlags {
  return {
    elderlyAlone: k % 9 === 3,
    leftBehindChildren: k % 11 === 5,
    leftBehindWomen: k % 13 === 7,
    mentalDisorder: k % 29 === 10,
    disability: k % 17 === 4,
  };
}

function membersFor(k: number, head: string, flags: VulnerabilityFlags): HouseholdMember[] {
  // obviously fictional numbers: 1380000xxxx
  const phone = (n: number) => `1380000${String(n).padStart(4, '0')}`;
  // an elderly person living alone has a phone but seldom WeChat; other heads have a (fictional) WeChat id too
  if (flags.elderlyAlone) return [{ name: head, relation: '户主', phone: phone(k) }];
  const members: HouseholdMember[] = [{ name: head, relation: '户主', phone: phone(k), wechatId: `wx_sj${String(k).padStart(4, '0')}` }];
  const surname = head[0];
  if (k % 3 !== 0)
    members.push({ name: `${SURNAMES[(k * 5 + 3) % SURNAMES.length]}${GIVEN[(k * 13 + 5) % GIVEN.length]}`, relation: '配偶' });
  if (flags.leftBehindChildren || k % 4 === 1)
    members.push({ name: `${surname}${GIVEN[(k * 17 + 2) % GIVEN.length]}`, relation: '孙子女' });
  if (k % 5 === 2) members.push({ name: `${surname}${GIVEN[(k * 19 + 7) % GIVEN.length]}`, relation: '子女', phone: phone(5000 + k) });
  return members;
}

/** Every document of the demo township, with stable ids and fixed times. */
export function demoDocs(): DemoDocs {
  const docs: DemoDocs = {
    townships: [{ _id: DEMO_TOWNSHIP_ID, name: DEMO_TOWNSHIP_NAME, createdAt: CREATED_AT }],
    villages: [],
    grids: [],
    households: [],
    persons: [],
    assignments: [],
    campaigns: [
      presetCampaignRecord(DEMO_TOWNSHIP_ID, 'seed001', { active: false, now: CREATED_AT }),
      presetCampaignRecord(DEMO_TOWNSHIP_ID, 'winter2026', { active: true, now: CREATED_AT }),
    ],
    checklistTemplates: BUILT_IN_TEMPLATES.map((t) => ({ ...t, items: t.items.map((i) => ({ ...i })) })),
  };
  const grant = (role: Role, scopeId: string): RoleGrant => ({
    role,
    scopeType: role === 'villager' ? 'household' : role === 'gridLeader' ? 'grid' : role === 'liaison' ? 'village' : 'township',
    scopeId,
    townshipId: DEMO_TOWNSHIP_ID,
  });
  const person = (openid: string, name: string, grants: RoleGrant[], phone: string | null): PersonRecord => ({
    _id: demoId.person(openid),
    townshipId: DEMO_TOWNSHIP_ID,
    name,
    phone,
    openid,
    active: true,
    grants,
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
  });

  docs.persons.push(person(OFFICE.openid, OFFICE.name, [grant('office', DEMO_TOWNSHIP_ID)], '13800009001'));
  docs.persons.push(person(DISCIPLINE.openid, DISCIPLINE.name, [grant('discipline', DEMO_TOWNSHIP_ID)], '13800009002'));

  let k = 0;
  let gridNumber = 0;
  VILLAGES.forEach((village, vi) => {
    const v = vi + 1;
    docs.villages.push({
      _id: demoId.village(v),
      townshipId: DEMO_TOWNSHIP_ID,
      name: village.name,
      createdAt: CREATED_AT,
      updatedAt: CREATED_AT,
    });
    docs.persons.push(person(`demo-liaison-${v}`, village.liaison, [grant('liaison', demoId.village(v))], `1380000${9010 + v}`));
    village.grids.forEach((size, gi) => {
      const g = gi + 1;
      gridNumber += 1;
      const gridId = demoId.grid(v, g);
      docs.grids.push({
        _id: gridId,
        townshipId: DEMO_TOWNSHIP_ID,
        villageId: demoId.village(v),
        name: `第${g}微网格`,
        householdCount: size,
        createdAt: CREATED_AT,
        updatedAt: CREATED_AT,
      });
      for (let n = 1; n <= size; n++) {
        k += 1;
        const head = headName(k);
        const flags = flagsFor(k);
        const householdId = demoId.household(v, g, n);
        docs.households.push({
          _id: householdId,
          townshipId: DEMO_TOWNSHIP_ID,
          villageId: demoId.village(v),
          gridId,
          address: `${village.name}${GROUPS[gi]}组${n * 2 + 1}号`,
          headName: head,
          members: membersFor(k, head, flags),
          location: {
            latitude: Number((27.71 + v * 0.011 + g * 0.002 + n * 0.0001).toFixed(6)),
            longitude: Number((110.62 + v * 0.013 + n * 0.0002).toFixed(6)),
          },
          vulnerability: flags,
          active: true,
          movedOutAt: null,
          note: '',
          createdAt: CREATED_AT,
          updatedAt: CREATED_AT,
        });
        // "明确网格内有责任有担当的一名群众担任网格长": each grid's first household head leads the grid
        if (n === 1)
          docs.persons.push(
            person(
              `demo-leader-${gridNumber}`,
              head,
              [grant('villager', householdId), grant('gridLeader', gridId)],
              `1380000${String(k).padStart(4, '0')}`,
            ),
          );
        if (n === 2 && g === 1)
          docs.persons.push(person(`demo-villager-${v}`, head, [grant('villager', householdId)], `1380000${String(k).padStart(4, '0')}`));
      }
    });
  });

  // SPEC §7b's inspectors: the police station's officer and two departments' inspectors
  DEMO_PLACE_PEOPLE.forEach((p, i) =>
    docs.persons.push(person(p.openid, p.name, [demoInspectorGrant(p, DEMO_TOWNSHIP_ID)], `1380000${9030 + i + 1}`)),
  );

  VISITORS.forEach((visitor, i) => {
    const openid = `demo-visitor-${i + 1}`;
    const personId = demoId.person(openid);
    docs.persons.push({
      ...person(openid, visitor.name, [grant('visitor', DEMO_TOWNSHIP_ID)], `1380000${9020 + i + 1}`),
      visitorProfile: { unit: visitor.unit, type: visitor.type },
    });
    for (const [v, g] of visitor.range) {
      for (const h of docs.households.filter((x) => x.gridId === demoId.grid(v, g))) {
        docs.assignments.push({
          _id: `demo-asg-${h._id.slice('demo-hh-'.length)}-v${i + 1}`,
          townshipId: DEMO_TOWNSHIP_ID,
          villageId: h.villageId,
          gridId: h.gridId,
          householdId: h._id,
          visitorPersonId: personId,
          validFrom: RANGES_FROM,
          validTo: null,
          reason: '部署会明确走访人责任范围',
          endReason: null,
          createdBy: demoId.person(OFFICE.openid),
          createdAt: CREATED_AT,
        });
      }
    }
  });
  docs.persons.push(person(HELPER.openid, HELPER.name, [grant('helper', DEMO_TOWNSHIP_ID)], HELPER.phone));
  return docs;
}

function rangeText(range: [number, number][]): string {
  if (!range.length) return '暂无责任范围（可用于演示分配与调整）';
  return range.map(([v, g]) => `${VILLAGES[v - 1].name}第${g}微网格`).join('、');
}

/** The demo identities in switcher order; miniprogram/config/demo-identities.json is this list, checked by a test. */
export function demoIdentities(): DemoIdentity[] {
  const docs = demoDocs();
  const byOpenid = new Map(docs.persons.map((p) => [p.openid!, p]));
  const gridName = new Map(docs.grids.map((g) => [g._id, `${VILLAGES[Number(g.villageId.split('-')[2]) - 1].name}${g.name}`]));
  const out: DemoIdentity[] = [];
  const add = (openid: string, role: Role, note: string) =>
    out.push({ openid, name: byOpenid.get(openid)!.name, role, roleLabel: ROLE_LABELS[role], note });
  add(OFFICE.openid, 'office', '全镇：建村、建网格、管人员与角色、发邀请、分配和调整走访范围、看全镇统计（电话全显）');
  add(DISCIPLINE.openid, 'discipline', '全镇只读：查看各村网格、农户与走访分工，约谈逾期走访人（电话打码）');
  VILLAGES.forEach((v, i) =>
    add(`demo-liaison-${i + 1}`, 'liaison', `${v.name}网格员：维护本村微网格、农户和走访分工，邀请本村村民与网格长（本村电话全显）`),
  );
  VISITORS.forEach((v, i) => add(`demo-visitor-${i + 1}`, 'visitor', `${v.kind}；责任范围：${rangeText(v.range)}；只看有分工的村的农户`));
  for (const p of docs.persons.filter((x) => x.openid!.startsWith('demo-leader-'))) {
    const gridId = p.grants.find((g) => g.role === 'gridLeader')!.scopeId;
    add(p.openid!, 'gridLeader', `${gridName.get(gridId)}网格长（本人也是该网格村民）：每周联络每户、上报风险，可邀请本网格村民`);
  }
  for (const p of docs.persons.filter((x) => x.openid!.startsWith('demo-villager-'))) {
    const h = docs.households.find((x) => x._id === p.grants[0].scopeId)!;
    add(p.openid!, 'villager', `${h.address}村民：看明白卡和告知书、自查、上报隐患，只看自己一户`);
  }
  add(HELPER.openid, 'helper', '志愿者：三江村独居老人舒金花的“一对一”帮扶人，记录上门或电话联系（7天未联系每天提醒）');
  for (const p of DEMO_PLACE_PEOPLE) add(p.openid, p.role, p.note);
  return out;
}

export interface SeedSummary {
  inserted: Record<keyof DemoDocs, number>;
  alreadyPresent: number;
}

/**
 * Insert whatever part of the demo township is missing; documents already there are left exactly as they are. With
 * `activity` (`npm start`), also reports villagers would have made (whistle-blower reports); the tests seed without it.
 */
export async function seedDemo(db: Database, opts: { activity?: boolean } = {}): Promise<SeedSummary> {
  const docs = demoDocs();
  const summary: SeedSummary = {
    inserted: { townships: 0, villages: 0, grids: 0, households: 0, persons: 0, assignments: 0, campaigns: 0, checklistTemplates: 0 },
    alreadyPresent: 0,
  };
  for (const collection of Object.keys(docs) as (keyof DemoDocs)[]) {
    const wanted = docs[collection] as { _id: string }[];
    const present = new Set(
      (
        await findByIds<{ _id: string }>(
          db,
          collection,
          wanted.map((d) => d._id),
        )
      ).map((d) => d._id),
    );
    for (const doc of wanted) {
      if (present.has(doc._id)) {
        summary.alreadyPresent += 1;
        continue;
      }
      await db.collection(collection).add({ data: { ...doc } });
      summary.inserted[collection] += 1;
    }
  }
  await seedProgrammeDemo(db, DEMO_TOWNSHIP_ID);
  if (opts.activity) await seedActivityDemo(db, DEMO_TOWNSHIP_ID);
  await seedPlaceDemo(
    db,
    DEMO_TOWNSHIP_ID,
    docs.villages.map((v) => ({ id: v._id, name: v.name })),
  );
  return summary;
}
