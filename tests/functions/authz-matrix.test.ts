// The generated authorization matrix (issue 9): every action of every cloud function, enumerated from the functions' own
// action tables, is called as every demo role (in scope and out of scope), as an unbound phone and anonymously, against the
// real emulator. The expected allow/deny is computed, never listed: the action's `access` declaration decides the role
// gate, and the scope rule of its row decides the rest through the domain's policy tables (grant policy, village
// management, visibility, weekly-contact access). An action without a row here fails the test.
import { readdirSync } from 'fs';
import { join } from 'path';
import { startBackend, type Backend } from '../helpers/backend';
import type { ActionDef } from '../../server/infra/dispatch';
import type { Result } from '../../typings/result';
import type { Role, RoleGrant } from '../../typings/roles';
import { canManageVillage, isTownshipWide } from '../../server/domain/org/access';
import {
  decideGrant,
  decideInvite,
  decideRevoke,
  mayManageAssignments,
  type Granter,
  type PlacedGrant,
} from '../../server/domain/org/grantPolicy';
import { seesGrid, seesHousehold, seesVillage, type Visibility } from '../../server/domain/org/visibility';
import { canReadGridWeek, canReadVillageWeek } from '../../server/domain/grid/access';
import { departmentsOf, inspectsUnder, keepsPlacesOf, mayCreatePlan, readsPlacesOf } from '../../server/domain/place/rules';
import { planCovers } from '../../server/domain/place/coverage';

const T = 'demo-township';
const V1 = 'demo-village-1';
const V2 = 'demo-village-2';
const WINTER = 'demo-township-winter2026';

let b: Backend;
let tables: Map<string, Record<string, ActionDef<any, any>>>;
beforeAll(async () => {
  // loaded (and compiled) before the backend starts: seconds of synchronous compiling between two requests would let the
  // emulator's 5 s keep-alive close a pooled socket just as the SDK reuses it (ECONNRESET)
  tables = actionTables();
  b = await startBackend({ demo: true });
});
afterAll(async () => {
  await b?.stop();
});

/** The callers: each demo role of village 1 (in scope of village-1 targets, out of scope of village-2 ones), the police station and a department's inspector, plus a helper, an unbound phone and nobody. */
const IDENTITIES = [
  'demo-office',
  'demo-police',
  'demo-inspector-yingji',
  'demo-discipline',
  'demo-liaison-1',
  'demo-visitor-1',
  'demo-leader-1',
  'demo-villager-1',
  'matrix-helper',
  'wx-matrix-unbound',
  null,
] as const;
type OpenId = (typeof IDENTITIES)[number];

interface Who {
  openid: OpenId;
  /** null: not bound to any person */
  granter: Granter | null;
  visibility: Visibility | null;
}

type Scope = (who: Who & { granter: Granter; visibility: Visibility }) => boolean;

interface Case {
  event: Record<string, unknown> | (() => Record<string, unknown>);
  /** the scope rule for a caller that passed the role gate; absent = the whole township (or the caller's own data) */
  scope?: Scope;
  /** the sample names a record the demo township may not have: NOT_FOUND then counts as an answer, not a refusal */
  mayBeAbsent?: boolean;
  /** open to any phone, but a phone all the same: without an OPENID the action answers UNAUTHENTICATED */
  needsOpenid?: boolean;
}

interface Row {
  fn: string;
  action: string;
  cases: Case[];
}

// ---- scope rules, all from the domain's tables ----
const placed = (
  role: Role,
  scopeType: RoleGrant['scopeType'],
  scopeId: string,
  villageId: string | null,
  gridId: string | null,
): PlacedGrant => ({ role, scopeType, scopeId, townshipId: T, villageId, gridId });
const manage =
  (villageId: string): Scope =>
  (w) =>
    canManageVillage(w.granter.grants, T, villageId);
const assign =
  (villageId: string): Scope =>
  (w) =>
    mayManageAssignments(w.granter, T, villageId);
const sees =
  (t: { villageId: string; gridId?: string; householdId?: string }): Scope =>
  (w) => {
    if (t.householdId) return seesHousehold(w.visibility, { _id: t.householdId, townshipId: T, villageId: t.villageId, gridId: t.gridId! });
    if (t.gridId) return seesGrid(w.visibility, { _id: t.gridId, townshipId: T, villageId: t.villageId });
    return seesVillage(w.visibility, t.villageId);
  };
const gridWeek =
  (gridId: string, villageId: string): Scope =>
  (w) =>
    canReadGridWeek(w.granter.grants, T, { _id: gridId, townshipId: T, villageId });
const villageWeek =
  (villageId: string): Scope =>
  (w) =>
    canReadVillageWeek(w.granter.grants, T, { _id: villageId, townshipId: T });
const grant =
  (personId: string | null, target: PlacedGrant): Scope =>
  (w) =>
    decideGrant(w.granter, personId, target).allowed;
const invite =
  (target: PlacedGrant): Scope =>
  (w) =>
    decideInvite(w.granter, target, null).allowed;
const revoke =
  (personId: string, target: PlacedGrant, assignedVillageIds: string[]): Scope =>
  (w) =>
    decideRevoke(w.granter, personId, target, { visitorGrants: target.role === 'visitor' ? [target] : [], assignedVillageIds }).allowed;
const ownHousehold =
  (householdId: string): Scope =>
  (w) =>
    w.granter.grants.some((g) => g.role === 'villager' && g.scopeId === householdId);
const holds =
  (householdId: string): Scope =>
  (w) =>
    heldBy(w.granter.personId).has(householdId);
const assignedHelper =
  (elderlyId: string): Scope =>
  (w) =>
    b.docs('elderly', { _id: elderlyId })[0]?.helper.personId === w.granter.personId;
const either =
  (...rules: Scope[]): Scope =>
  (w) =>
    rules.some((r) => r(w));

const keeps =
  (villageId: string): Scope =>
  (w) =>
    keepsPlacesOf(w.granter.grants, T, villageId);
const reads =
  (villageId: string): Scope =>
  (w) =>
    readsPlacesOf(w.granter.grants, T, villageId);
/** the caller inspects under an active plan that covers the place (its plans, read from the store now) */
const inPlan =
  (placeId: string): Scope =>
  (w) => {
    const place = b.docs('places', { _id: placeId })[0] as any;
    return (b.docs('inspectionPlans', { active: true }) as any[]).some((p) => planCovers(p, place) && inspectsUnder(w.granter.grants, p));
  };

const heldNow = new Map<string, Set<string>>();
const heldBy = (personId: string) => heldNow.get(personId) ?? new Set<string>();

// ---- fixtures the rows point at (village 1 in scope of the "-1" identities, village 2 out of it) ----
const HH_IN = 'demo-hh-1-1-02'; // villager-1's household, grid 1-1 (leader-1, visitor-1)
const HH_OUT = 'demo-hh-2-1-02';
const MATRIX_PERSON = 'person-matrix-target';
const MATRIX_VISITOR_OUT = 'person-matrix-visitor-v2';
// village-listed places of the demo (server/domain/place/demo.ts): the first of 场镇社区's (village 1, its hazard demo-phz-2) and of 胡豆坪村's
const PLACE_V1 = 'demo-place-1-a-01';
const PLACE_OF_PHZ2 = PLACE_V1;
const PLACE_V2 = 'demo-place-2-a-01';
const elderly = (villageId: string) => ({
  villageId,
  name: '矩阵老人',
  gender: 'female',
  age: 80,
  smoking: false,
  drinking: false,
  address: '矩阵组1号',
  buildingType: '砖木结构自建房',
  floors: 1,
  yearBuilt: '1990年',
  helper: { name: '志愿者乙', type: 'volunteer', phone: '13800006002' },
  devices: { smokeDetector: true, alarmOrVideo: false, leakageProtection: true, gasShutoff: false, other: '' },
});
const compound = (villageId: string) => ({
  villageId,
  streetCommunity: '三江镇/三江村',
  name: '矩阵小区',
  address: '三江村正街9号',
  managerName: '向某',
  managerPhone: '13800007209',
  floors: 5,
  hazards: '楼道堆放杂物',
  deadline: '2027-12-20',
});
const firstId =
  (collection: string, filter: Record<string, unknown> = {}, fallback = 'no-such-record') =>
  () =>
    b.docs(collection, filter)[0]?._id ?? fallback;
const OK_ANSWERS = [
  { key: 'electricalWiring', answer: 'ok' },
  { key: 'gas', answer: 'ok' },
];

const ROWS: Row[] = [
  // org: organisation tree
  { fn: 'org', action: 'me', cases: [{ event: {} }] },
  { fn: 'org', action: 'createVillage', cases: [{ event: { name: '矩阵新村' } }] },
  { fn: 'org', action: 'updateVillage', cases: [{ event: { villageId: 'demo-village-3', name: '龙潭坪村' } }] },
  { fn: 'org', action: 'listVillages', cases: [{ event: {} }] },
  { fn: 'org', action: 'createGrid', cases: [V1, V2].map((v) => ({ event: { villageId: v, name: '矩阵网格' }, scope: manage(v) })) },
  {
    fn: 'org',
    action: 'updateGrid',
    cases: [
      ['demo-grid-1-4', V1],
      ['demo-grid-2-3', V2],
    ].map(([g, v]) => ({ event: { gridId: g, name: '第4微网格' }, scope: manage(v) })),
  },
  { fn: 'org', action: 'listGrids', cases: [V1, V2].map((v) => ({ event: { villageId: v }, scope: sees({ villageId: v }) })) },
  {
    fn: 'org',
    action: 'addHousehold',
    cases: [
      ['demo-grid-1-4', V1],
      ['demo-grid-2-3', V2],
    ].map(([g, v]) => ({ event: { gridId: g, address: '矩阵组9号', headName: '矩阵户' }, scope: manage(v) })),
  },
  {
    fn: 'org',
    action: 'updateHousehold',
    cases: [
      ['demo-hh-1-4-03', V1],
      ['demo-hh-2-3-03', V2],
    ].map(([h, v]) => ({ event: { householdId: h, note: '矩阵备注' }, scope: manage(v) })),
  },
  {
    fn: 'org',
    action: 'moveHousehold',
    cases: [
      ['demo-hh-1-4-04', 'demo-grid-1-3', V1],
      ['demo-hh-2-3-04', 'demo-grid-2-2', V2],
    ].map(([h, g, v]) => ({ event: { householdId: h, toGridId: g }, scope: manage(v) })),
  },
  {
    fn: 'org',
    action: 'setHouseholdActive',
    cases: [
      ['demo-hh-1-4-05', V1],
      ['demo-hh-2-3-05', V2],
    ].map(([h, v]) => ({ event: { householdId: h, active: true }, scope: manage(v) })),
  },
  {
    fn: 'org',
    action: 'listHouseholds',
    cases: [
      { event: {} },
      ...[V1, V2].map((v) => ({ event: { villageId: v }, scope: sees({ villageId: v }) })),
      ...[
        ['demo-grid-1-1', V1],
        ['demo-grid-2-1', V2],
      ].map(([g, v]) => ({ event: { gridId: g }, scope: sees({ villageId: v, gridId: g }) })),
    ],
  },
  // org: people, roles and invitations — the grant policy table decides
  {
    fn: 'org',
    action: 'addPerson',
    cases: [
      {
        event: { name: '矩阵村民', grants: [{ role: 'villager', scopeId: HH_IN }] },
        scope: grant(null, placed('villager', 'household', HH_IN, V1, 'demo-grid-1-1')),
      },
      {
        event: { name: '矩阵村民', grants: [{ role: 'villager', scopeId: HH_OUT }] },
        scope: grant(null, placed('villager', 'household', HH_OUT, V2, 'demo-grid-2-1')),
      },
      {
        event: { name: '矩阵走访人', grants: [{ role: 'visitor', scopeId: V1 }] },
        scope: grant(null, placed('visitor', 'village', V1, V1, null)),
      },
      { event: { name: '矩阵走访人', grants: [{ role: 'visitor' }] }, scope: grant(null, placed('visitor', 'township', T, null, null)) },
      {
        event: { name: '矩阵纪委', grants: [{ role: 'discipline' }] },
        scope: grant(null, placed('discipline', 'township', T, null, null)),
      },
    ],
  },
  {
    fn: 'org',
    action: 'grantRole',
    cases: [
      {
        event: { personId: MATRIX_PERSON, role: 'villager', scopeId: 'demo-hh-1-1-03' },
        scope: grant(MATRIX_PERSON, placed('villager', 'household', 'demo-hh-1-1-03', V1, 'demo-grid-1-1')),
      },
      {
        event: { personId: MATRIX_PERSON, role: 'gridLeader', scopeId: 'demo-grid-2-1' },
        scope: grant(MATRIX_PERSON, placed('gridLeader', 'grid', 'demo-grid-2-1', V2, 'demo-grid-2-1')),
      },
      {
        event: { personId: MATRIX_PERSON, role: 'visitor', scopeId: V1 },
        scope: grant(MATRIX_PERSON, placed('visitor', 'village', V1, V1, null)),
      },
      {
        event: { personId: MATRIX_PERSON, role: 'discipline' },
        scope: grant(MATRIX_PERSON, placed('discipline', 'township', T, null, null)),
      },
      { event: { personId: MATRIX_PERSON, role: 'office' }, scope: grant(MATRIX_PERSON, placed('office', 'township', T, null, null)) },
      {
        event: { personId: 'person-demo-office', role: 'helper' },
        scope: grant('person-demo-office', placed('helper', 'township', T, null, null)),
      },
    ],
  },
  {
    fn: 'org',
    action: 'revokeRole',
    cases: [
      {
        event: { personId: MATRIX_PERSON, role: 'liaison', scopeId: 'demo-village-3' },
        scope: revoke(MATRIX_PERSON, placed('liaison', 'village', 'demo-village-3', 'demo-village-3', null), []),
      },
      {
        event: { personId: MATRIX_VISITOR_OUT, role: 'visitor', scopeId: V2 },
        scope: revoke(MATRIX_VISITOR_OUT, placed('visitor', 'village', V2, V2, null), [V2]),
      },
      {
        event: { personId: MATRIX_PERSON, role: 'villager', scopeId: 'demo-hh-1-1-04' },
        scope: revoke(MATRIX_PERSON, placed('villager', 'household', 'demo-hh-1-1-04', V1, 'demo-grid-1-1'), []),
      },
    ],
  },
  { fn: 'org', action: 'listPersons', cases: [{ event: {} }] },
  {
    fn: 'org',
    action: 'createInvite',
    cases: [
      {
        event: { role: 'villager', scopeId: 'demo-hh-1-1-05', name: '矩阵邀请' },
        scope: invite(placed('villager', 'household', 'demo-hh-1-1-05', V1, 'demo-grid-1-1')),
      },
      {
        event: { role: 'villager', scopeId: 'demo-hh-2-1-05', name: '矩阵邀请' },
        scope: invite(placed('villager', 'household', 'demo-hh-2-1-05', V2, 'demo-grid-2-1')),
      },
      { event: { role: 'visitor', name: '矩阵邀请' }, scope: invite(placed('visitor', 'township', T, null, null)) },
      { event: { role: 'discipline', name: '矩阵邀请' }, scope: invite(placed('discipline', 'township', T, null, null)) },
    ],
  },
  // an invitation nobody issued to this caller: acceptance is open to anyone with a phone, and the policy weighs the issuer
  { fn: 'org', action: 'acceptInvite', cases: [{ event: { code: 'ABCD2345' }, mayBeAbsent: true, needsOpenid: true }] },
  { fn: 'org', action: 'revokeInvite', cases: [{ event: { code: 'ABCD2345' }, mayBeAbsent: true }] },
  { fn: 'org', action: 'listInvites', cases: [{ event: {} }] },
  // org: assignments — the policy table's assignment rule (who may grant a village visitor there)
  {
    fn: 'org',
    action: 'assignHouseholds',
    cases: [
      ['demo-hh-1-3-06', V1],
      ['demo-hh-2-2-06', V2],
    ].map(([h, v]) => ({ event: { visitorPersonId: 'person-demo-visitor-6', householdIds: [h] }, scope: assign(v) })),
  },
  {
    fn: 'org',
    action: 'reassignHouseholds',
    cases: [
      ['demo-hh-1-4-07', V1],
      ['demo-hh-2-1-07', V2],
    ].map(([h, v]) => ({
      event: () => {
        const current = b.docs('assignments', { householdId: h, validTo: null })[0];
        const from = current?.visitorPersonId ?? 'person-demo-visitor-2';
        return {
          householdIds: [h],
          fromVisitorPersonId: from,
          toVisitorPersonId: from === 'person-demo-visitor-6' ? 'person-demo-visitor-2' : 'person-demo-visitor-6',
          reason: '矩阵调整',
        };
      },
      scope: assign(v),
    })),
  },
  {
    fn: 'org',
    action: 'endAssignment',
    cases: [
      ['demo-hh-1-4-08', V1],
      ['demo-hh-2-2-08', V2],
    ].map(([h, v]) => ({
      event: () => ({ assignmentId: firstId('assignments', { householdId: h })(), reason: '矩阵结束' }),
      scope: assign(v),
    })),
  },
  { fn: 'org', action: 'listAssignments', cases: [{ event: {} }] },
  // pickers: the caller's own scope (visibility, the township's campaigns)
  { fn: 'org', action: 'listChoices', cases: [{ event: { kind: 'village' } }, { event: { kind: 'campaign' } }] },

  // visit
  { fn: 'visit', action: 'listCampaigns', cases: [{ event: {} }] },
  { fn: 'visit', action: 'getCampaign', cases: [{ event: { campaignId: WINTER } }] },
  { fn: 'visit', action: 'createCampaign', cases: [{ event: { preset: 'winter2026', active: false } }] },
  { fn: 'visit', action: 'updateCampaign', cases: [{ event: { campaignId: WINTER, name: '2026—2027年冬春“敲门行动”' } }] },
  {
    fn: 'visit',
    action: 'addPeriod',
    cases: [{ event: { campaignId: WINTER, label: '矩阵时段', startDay: '2029-04-01', endDay: '2029-04-30', quota: 1 } }],
  },
  { fn: 'visit', action: 'removePeriod', cases: [{ event: { campaignId: WINTER, periodKey: 'no-such-period' }, mayBeAbsent: true }] },
  { fn: 'visit', action: 'getChecklistTemplate', cases: [{ event: { templateId: 'residential-default' } }] },
  { fn: 'visit', action: 'listChecklistTemplates', cases: [{ event: {} }] },
  // a visitor records visits only where it holds the household now
  {
    fn: 'visit',
    action: 'recordVisit',
    cases: ['demo-hh-1-1-06', 'demo-hh-2-1-06'].map((h) => ({
      event: {
        householdId: h,
        templateId: 'residential-default',
        answers: OK_ANSWERS,
        education: { noticeHandedOver: true, sanQingSanGuanExplained: true },
      },
      scope: holds(h),
    })),
  },
  {
    fn: 'visit',
    action: 'confirmVisit',
    cases: [{ event: () => ({ visitId: firstId('visits', { householdId: HH_IN })() }), mayBeAbsent: true }],
  },
  { fn: 'visit', action: 'listHouseholdVisits', cases: [{ event: {} }] },
  {
    fn: 'visit',
    action: 'getHouseholdCard',
    cases: [HH_IN, HH_OUT].map((h) => ({
      event: { householdId: h },
      scope: either(ownHousehold(h), manage(h === HH_IN ? V1 : V2), holds(h)),
    })),
  },
  { fn: 'visit', action: 'resolveCard', cases: [{ event: { scene: 'h=AAAAAAAAAAAAAAAA' }, mayBeAbsent: true }] },
  { fn: 'visit', action: 'myHouseholds', cases: [{ event: {} }] },
  { fn: 'visit', action: 'listMyHazardDuties', cases: [{ event: {} }] },
  { fn: 'visit', action: 'hazardNumbersByVillage', cases: [{ event: {} }] },
  { fn: 'visit', action: 'listUnprovenVisits', cases: [{ event: {} }] },
  { fn: 'visit', action: 'listHouseholdHazards', cases: [{ event: {} }] },
  {
    fn: 'visit',
    action: 'claimRectification',
    cases: [{ event: { hazardId: 'no-such-hazard', photos: ['cloud://matrix/photo.jpg'] }, mayBeAbsent: true }],
  },
  {
    fn: 'visit',
    action: 'verifyHazard',
    cases: [
      {
        event: { hazardId: 'no-such-hazard', visitId: 'no-such-visit', rectified: true, photos: ['cloud://matrix/verify.jpg'] },
        mayBeAbsent: true,
      },
    ],
  },
  { fn: 'visit', action: 'listInbox', cases: [{ event: {} }] },
  { fn: 'visit', action: 'markRead', cases: [{ event: { all: true } }] },
  { fn: 'visit', action: 'optInSubscribe', cases: [{ event: { templates: ['visitReminder'] } }] },

  // grid: the leader its grid, the liaison its village, the office all
  {
    fn: 'grid',
    action: 'weeklyBoard',
    cases: [
      ['demo-grid-1-1', V1],
      ['demo-grid-2-1', V2],
    ].map(([g, v]) => ({ event: { gridId: g }, scope: gridWeek(g, v) })),
  },
  {
    fn: 'grid',
    action: 'listWeeks',
    cases: [
      ['demo-grid-1-1', V1],
      ['demo-grid-2-1', V2],
    ].map(([g, v]) => ({ event: { gridId: g }, scope: gridWeek(g, v) })),
  },
  { fn: 'grid', action: 'confirmContact', cases: [{ event: { householdId: 'demo-hh-1-1-03', method: 'phone' } }] },
  { fn: 'grid', action: 'fileWeeklyReport', cases: [{ event: { noRisk: true } }] },
  { fn: 'grid', action: 'villageWeek', cases: [V1, V2].map((v) => ({ event: { villageId: v }, scope: villageWeek(v) })) },
  { fn: 'grid', action: 'runWeeklyClose', cases: [{ event: {} }] },

  // household: the villager's own
  { fn: 'household', action: 'myHousehold', cases: [{ event: {} }] },
  { fn: 'household', action: 'getNotice', cases: [{ event: {} }] },
  { fn: 'household', action: 'acknowledgeNotice', cases: [{ event: { version: 'matrix-old-version' } }] },
  {
    fn: 'household',
    action: 'selfCheck',
    cases: [
      {
        event: {
          answers: { passageClear: true, balconyClear: true, kitchenClear: true, powerOff: true, gasOff: true, doorsWindowsClosed: true },
        },
      },
    ],
  },

  // resident
  { fn: 'resident', action: 'reportFormOptions', cases: [{ event: {} }] },
  { fn: 'resident', action: 'reportHazard', cases: [{ event: { category: 'electrical', description: '矩阵测试：电线老化' } }] },
  { fn: 'resident', action: 'listMyReports', cases: [{ event: {} }] },
  {
    fn: 'resident',
    action: 'whistleBlow',
    cases: [{ event: { villageId: V1, place: '三江村正街', category: 'electrical', description: '矩阵测试：私拉电线' } }],
  },
  { fn: 'resident', action: 'whistleStatus', cases: [{ event: { receipt: 'AAAA-AAAA-AAAA' }, mayBeAbsent: true }] },
  { fn: 'resident', action: 'listRoutedReports', cases: [{ event: {} }] },
  { fn: 'resident', action: 'verifyRoutedReport', cases: [{ event: { hazardId: 'no-such-hazard', rectified: true }, mayBeAbsent: true }] },
  { fn: 'resident', action: 'listWhistleReports', cases: [{ event: {} }] },

  // schedule: the office's
  { fn: 'schedule', action: 'listDueDates', cases: [{ event: {} }] },
  {
    fn: 'schedule',
    action: 'markSubmitted',
    cases: [{ event: { kind: 'elderlyTable', month: '2026-11', scans: ['cloud://local-dev.matrix/due-scans/matrix.jpg'] } }],
  },
  { fn: 'schedule', action: 'setCalendarOverride', cases: [{ event: { day: '2027-01-04', working: true, reason: '矩阵测试调休' } }] },
  { fn: 'schedule', action: 'confirmCalendarMonth', cases: [{ event: { month: '2027-02', reason: '矩阵测试：按往年安排确认' } }] },
  { fn: 'schedule', action: 'listCalendarOverrides', cases: [{ event: { month: '2027-01' } }] },

  // programme
  { fn: 'programme', action: 'addElderly', cases: [V1, V2].map((v) => ({ event: elderly(v), scope: manage(v) })) },
  {
    fn: 'programme',
    action: 'updateElderly',
    cases: [{ event: () => ({ elderlyId: firstId('elderly', { villageId: V1 })(), floors: 2 }), scope: manage(V1), mayBeAbsent: true }],
  },
  { fn: 'programme', action: 'listElderly', cases: [{ event: {} }] },
  { fn: 'programme', action: 'helperElderly', cases: [{ event: {} }] },
  {
    fn: 'programme',
    action: 'recordHelperContact',
    // only the entry's own one-to-one helper, whatever other roles the caller holds (demo-elderly-1: the 三江村 liaison)
    cases: ['demo-elderly-1', 'demo-elderly-3'].map((id) => ({ event: { elderlyId: id, method: 'phone' }, scope: assignedHelper(id) })),
  },
  {
    fn: 'programme',
    action: 'setElderlyActive',
    cases: [
      {
        // the matrix's own entry (added above), never a demo entry the helper-contact rows need on the registry
        event: () => ({
          elderlyId: firstId('elderly', { villageId: V1, name: '矩阵老人' })(),
          active: false,
          reason: '矩阵测试：随子女居住',
        }),
        scope: manage(V1),
        mayBeAbsent: true,
      },
    ],
  },
  { fn: 'programme', action: 'addCompound', cases: [{ event: compound(V1) }] },
  {
    fn: 'programme',
    action: 'updateCompound',
    cases: [{ event: () => ({ compoundId: firstId('compounds')(), status: 'rectified' }), mayBeAbsent: true }],
  },
  { fn: 'programme', action: 'listCompounds', cases: [{ event: {} }] },
  { fn: 'programme', action: 'listCompoundTasks', cases: [{ event: {} }] },
  {
    fn: 'programme',
    action: 'setTaskStatus',
    cases: [{ event: () => ({ taskId: firstId('compoundTasks')(), status: 'done' }), mayBeAbsent: true }],
  },
  {
    fn: 'programme',
    action: 'addCompoundTask',
    cases: [{ event: { year: 2026, phase: '矩阵阶段', content: '矩阵任务', units: '矩阵单位', deadline: '2026-12-30' } }],
  },
  {
    fn: 'programme',
    action: 'updateCompoundTask',
    cases: [{ event: () => ({ taskId: firstId('compoundTasks')(), units: '矩阵单位' }), mayBeAbsent: true }],
  },

  // report: the office's tables (the compliance sheet also for the discipline office)
  { fn: 'report', action: 'exportElderlyTable', cases: [{ event: { month: '2026-11' } }] },
  { fn: 'report', action: 'exportCompoundLedger', cases: [{ event: {} }] },
  { fn: 'report', action: 'exportStats001', cases: [{ event: { campaignId: WINTER, periodKey: 'first-round' } }] },
  { fn: 'report', action: 'exportElderly001', cases: [{ event: {} }] },
  { fn: 'report', action: 'exportCompliance', cases: [{ event: { campaignId: WINTER, periodKey: 'first-round' } }] },
  // supervision files: the office and the discipline office; the print sheets: the office, and a liaison in its village
  { fn: 'report', action: 'exportHazardRegister', cases: [V1, V2].map((v) => ({ event: { villageId: v } })) },
  { fn: 'report', action: 'exportCaseFile', cases: [{ event: { caseId: 'no-such-case' }, mayBeAbsent: true }] },
  {
    fn: 'report',
    action: 'exportCardSheets',
    cases: [
      ['demo-grid-1-3', V1],
      ['demo-grid-2-3', V2],
    ].map(([g, v]) => ({ event: { gridId: g }, scope: manage(v) })),
  },

  // escalation
  { fn: 'escalation', action: 'runEscalation', cases: [{ event: {} }] },
  { fn: 'escalation', action: 'listNotices', cases: [{ event: {} }] },
  { fn: 'escalation', action: 'getNotice', cases: [{ event: { noticeId: 'no-such-notice' }, mayBeAbsent: true }] },
  { fn: 'escalation', action: 'myCases', cases: [{ event: {} }] },
  { fn: 'escalation', action: 'listCases', cases: [{ event: {} }] },
  { fn: 'escalation', action: 'getCase', cases: [{ event: { caseId: 'no-such-case' }, mayBeAbsent: true }] },
  {
    fn: 'escalation',
    action: 'scheduleInterview',
    cases: [{ event: { caseId: 'no-such-case', scheduledAt: '2027-01-10T09:00:00+08:00', place: '镇纪委谈话室' }, mayBeAbsent: true }],
  },
  {
    fn: 'escalation',
    action: 'recordInterview',
    cases: [{ event: { caseId: 'no-such-case', outcome: '已约谈', conclusion: '批评教育' }, mayBeAbsent: true }],
  },
  { fn: 'escalation', action: 'closeCase', cases: [{ event: { caseId: 'no-such-case' }, mayBeAbsent: true }] },
  {
    fn: 'escalation',
    action: 'exemptVisitor',
    cases: [
      { event: { campaignId: WINTER, periodKey: 'first-round', visitorPersonId: 'person-demo-visitor-6', reason: '矩阵测试：病假' } },
    ],
  },
  { fn: 'escalation', action: 'dashboard', cases: [{ event: {} }] },
  { fn: 'escalation', action: 'publishNotice', cases: [{ event: { noticeId: 'no-such-notice' }, mayBeAbsent: true }] },
  { fn: 'escalation', action: 'periodStages', cases: [{ event: {} }] },
  {
    fn: 'escalation',
    action: 'fileObjection',
    cases: [{ event: { caseId: 'no-such-case', text: '矩阵测试：申辩理由' }, mayBeAbsent: true }],
  },
  {
    fn: 'escalation',
    action: 'ruleObjection',
    cases: [{ event: { caseId: 'no-such-case', upheld: false, reason: '矩阵测试' }, mayBeAbsent: true }],
  },
  { fn: 'escalation', action: 'listObjections', cases: [{ event: {} }] },
  // supervision (seed 001 §六(三)): the township office and the discipline office, township-wide
  { fn: 'escalation', action: 'hazardRegister', cases: [{ event: {} }, { event: { villageId: V2 } }] },
  { fn: 'escalation', action: 'spotCheckHome', cases: [{ event: {} }] },
  {
    fn: 'escalation',
    action: 'drawSpotCheck',
    cases: [{ event: { villageId: V1, size: 2, fromDay: '2026-11-01', toDay: '2026-11-30' } }],
  },
  { fn: 'escalation', action: 'getSpotCheck', cases: [{ event: { spotCheckId: 'no-such-sample' }, mayBeAbsent: true }] },
  {
    fn: 'escalation',
    action: 'recordSpotCheck',
    cases: [{ event: { spotCheckId: 'no-such-sample', householdId: HH_IN, says: 'visited' }, mayBeAbsent: true }],
  },
  // org: a visitor's unit and type, by the township office
  {
    fn: 'org',
    action: 'setVisitorProfile',
    cases: [{ event: { personId: 'person-demo-visitor-6', unit: '三江镇人民政府规建办', type: 'townCadre' } }],
  },
  // place (SPEC §7b): the place policy of server/domain/place/rules.ts decides
  {
    fn: 'place',
    action: 'addPlace',
    cases: [V1, V2].map((v) => ({
      event: {
        villageId: v,
        type: 'shop',
        name: '矩阵门市',
        address: '矩阵街1号',
        responsibleName: '矩阵人',
        authority: 'village',
        riskGrade: 'low',
      },
      scope: keeps(v),
    })),
  },
  {
    fn: 'place',
    action: 'listPlaces',
    cases: [{ event: {} }, ...[V1, V2].map((v) => ({ event: { villageId: v }, scope: reads(v) }))],
  },
  {
    fn: 'place',
    action: 'previewPlaceImport',
    cases: [{ event: { fileId: 'cloud://local-dev.bucket/imports/none.xlsx' }, mayBeAbsent: true }],
  },
  { fn: 'place', action: 'importPlaces', cases: [{ event: { fileId: 'cloud://local-dev.bucket/imports/none.xlsx' }, mayBeAbsent: true }] },
  {
    fn: 'place',
    action: 'createPlan',
    cases: [
      {
        event: { name: '矩阵计划', inspectorRole: 'police', selector: { listedOnly: true }, frequency: 'yearly' },
        scope: (w) => mayCreatePlan(w.granter.grants, T, 'police', T),
      },
      ...[V1, V2].map((v) => ({
        event: { name: '矩阵村计划', inspectorRole: 'liaison', inspectorScope: v, selector: { listedOnly: true }, frequency: 'quarterly' },
        scope: ((w) => mayCreatePlan(w.granter.grants, T, 'liaison', v)) as Scope,
      })),
    ],
  },
  { fn: 'place', action: 'listPlans', cases: [{ event: {} }] },
  {
    fn: 'place',
    action: 'planCoverage',
    cases: ['demo-plan-police-monthly', 'demo-plan-village-1', 'demo-plan-village-2'].map((planId) => ({
      event: { planId },
      scope: ((w) =>
        isTownshipWide(w.granter.grants, T) ||
        inspectsUnder(w.granter.grants, b.docs('inspectionPlans', { _id: planId })[0] as any)) as Scope,
    })),
  },
  { fn: 'place', action: 'myInspections', cases: [{ event: {} }] },
  {
    fn: 'place',
    action: 'inspectionForm',
    cases: ['demo-place-police-01', PLACE_V1, PLACE_V2].map((placeId) => ({ event: { placeId }, scope: inPlan(placeId) })),
  },
  {
    fn: 'place',
    action: 'recordInspection',
    cases: [
      ['demo-place-police-01', 'place-crowded'],
      [PLACE_V1, 'place-business'],
      [PLACE_V2, 'place-business'],
    ].map(([placeId, templateId]) => ({
      event: { placeId, templateId, answers: [{ key: 'exitsClear', answer: 'ok' }] },
      scope: inPlan(placeId),
    })),
  },
  { fn: 'place', action: 'listPlaceHazards', cases: [{ event: {} }] },
  {
    fn: 'place',
    action: 'claimPlaceHazard',
    cases: [
      {
        event: { hazardId: 'demo-phz-2', photos: ['cloud://local-dev.bucket/p/fixed.jpg'] },
        scope: either(keeps(V1), inPlan(PLACE_OF_PHZ2)),
      },
    ],
  },
  { fn: 'place', action: 'referHazard', cases: [{ event: { hazardId: 'demo-phz-1', department: 'yingji', deadline: '2030-01-01' } }] },
  { fn: 'place', action: 'listReferrals', cases: [{ event: {} }] },
  ...['acknowledgeReferral', 'answerReferral'].map((action) => ({
    fn: 'place',
    action,
    cases: [
      {
        event: { referralId: 'referral-demo-phz-1', text: '矩阵反馈：已整改' },
        scope: ((w) => departmentsOf(w.granter.grants).includes('yingji')) as Scope,
      },
    ],
  })),
  { fn: 'place', action: 'overdueOverview', cases: [{ event: {} }] },
  { fn: 'place', action: 'quarterlyReport', cases: [{ event: {} }] },
  { fn: 'place', action: 'exportPlaceLedger', cases: [{ event: {} }] },
  { fn: 'place', action: 'exportQuarterlySummary', cases: [{ event: {} }] },
];

/** Every function's action table, read from server/handlers/<fn>/index.ts — the same tables the deployed functions dispatch on. */
function actionTables(): Map<string, Record<string, ActionDef<any, any>>> {
  const dir = join(__dirname, '../../server/handlers');
  const tables = new Map<string, Record<string, ActionDef<any, any>>>();
  for (const fn of readdirSync(dir).sort()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(join(dir, fn, 'index')) as { actions?: Record<string, ActionDef<any, any>> };
    if (mod.actions) tables.set(fn, mod.actions);
  }
  return tables;
}

/** The role gate of `access`: who reaches the action at all. */
function passesGate(access: ActionDef['access'], who: Who): 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' {
  if (access === 'anonymous') return 'ok';
  if (!who.granter) return 'UNAUTHENTICATED';
  if (access === 'member') return 'ok';
  return who.granter.grants.some((g) => access.includes(g.role)) ? 'ok' : 'FORBIDDEN';
}

const SCOPE_REFUSALS = new Set(['FORBIDDEN', 'NOT_FOUND', 'NOT_IN_RANGE', 'NOT_IN_PLAN']);
const NEVER_AN_ANSWER = new Set(['INVALID_INPUT', 'INTERNAL', 'UNKNOWN_ACTION', 'UNAUTHENTICATED']);

/** The caller as the tables see it, read from the store now: grants, and the households a visitor holds. */
function whoIs(openid: OpenId): Who {
  const person = openid ? b.docs('persons', { openid, active: true })[0] : undefined;
  if (!person) return { openid, granter: null, visibility: null };
  const granter: Granter = { personId: person._id, townshipId: person.townshipId, grants: person.grants };
  const current = b
    .docs('assignments', { visitorPersonId: person._id })
    .filter((a) => !a.validTo || new Date(a.validTo).getTime() > b.now().getTime());
  heldNow.set(person._id, new Set(current.map((a) => a.householdId)));
  const all = isTownshipWide(granter.grants, T);
  const villageIds = new Set<string>();
  const gridIds = new Set<string>();
  const householdIds = new Set<string>();
  if (!all) {
    for (const g of granter.grants) {
      if (g.role === 'liaison') villageIds.add(g.scopeId);
      if (g.role === 'gridLeader') gridIds.add(g.scopeId);
      if (g.role === 'villager') householdIds.add(g.scopeId);
    }
    if (granter.grants.some((g) => g.role === 'visitor')) for (const a of current) villageIds.add(a.villageId);
  }
  const listed = new Set(villageIds);
  for (const id of gridIds) listed.add(b.docs('grids', { _id: id })[0]?.villageId);
  for (const id of householdIds) listed.add(b.docs('households', { _id: id })[0]?.villageId);
  return { openid, granter, visibility: { townshipId: T, all, villageIds, gridIds, householdIds, listedVillageIds: listed } };
}

async function seedMatrixPeople(): Promise<void> {
  const at = new Date();
  const person = (id: string, openid: string | null, name: string, grants: RoleGrant[]) => ({
    _id: id,
    townshipId: T,
    name,
    phone: '13800008888',
    openid,
    active: true,
    grants,
    createdAt: at,
    updatedAt: at,
  });
  const g = (role: Role, scopeType: RoleGrant['scopeType'], scopeId: string): RoleGrant => ({ role, scopeType, scopeId, townshipId: T });
  const docs = [
    person('person-matrix-helper', 'matrix-helper', '矩阵帮扶人', [g('helper', 'township', T)]),
    person(MATRIX_PERSON, null, '矩阵对象', [g('villager', 'household', 'demo-hh-1-1-04'), g('liaison', 'village', 'demo-village-3')]),
    person(MATRIX_VISITOR_OUT, null, '桐木溪村矩阵走访人', [g('visitor', 'village', V2)]),
  ];
  // written as the bootstrap script writes accounts: the matrix needs fixed ids
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { getDb } = require('../../server/infra/cloud') as typeof import('../../server/infra/cloud');
  await b.emulator.runner.runAsServer(async () => {
    for (const { _id, ...data } of docs) await getDb().collection('persons').doc(_id).set({ data });
    const h = b.docs('households', { _id: 'demo-hh-2-2-07' })[0];
    await getDb()
      .collection('assignments')
      .add({
        data: {
          townshipId: T,
          villageId: h.villageId,
          gridId: h.gridId,
          householdId: h._id,
          visitorPersonId: MATRIX_VISITOR_OUT,
          validFrom: at,
          validTo: null,
          reason: '矩阵',
          endReason: null,
          createdBy: 'person-demo-office',
          createdAt: at,
        },
      });
  });
}

it('covers every action of every function, as every role in and out of scope, with the expected allow or deny', async () => {
  await seedMatrixPeople();
  const rows = new Map(ROWS.map((r) => [`${r.fn}.${r.action}`, r]));
  const missing: string[] = [];
  for (const [fn, actions] of tables)
    for (const action of Object.keys(actions)) if (!rows.has(`${fn}.${action}`)) missing.push(`${fn}.${action}`);
  expect(missing).toEqual([]);
  const stale = ROWS.filter((r) => !tables.get(r.fn)?.[r.action]).map((r) => `${r.fn}.${r.action}`);
  expect(stale).toEqual([]);

  const mismatches: string[] = [];
  let calls = 0;
  let allowed = 0;
  for (const [fn, actions] of tables) {
    for (const [action, def] of Object.entries(actions)) {
      for (const c of rows.get(`${fn}.${action}`)!.cases) {
        for (const openid of IDENTITIES) {
          const who = whoIs(openid);
          const gate = c.needsOpenid && !openid ? 'UNAUTHENTICATED' : passesGate(def.access, who);
          const expected = gate === 'ok' ? (!c.scope || (who.granter && c.scope(who as Parameters<Scope>[0])) ? 'allow' : 'deny') : gate;
          const event = typeof c.event === 'function' ? c.event() : c.event;
          const r = (await b.call(fn, { action, ...event }, openid)) as Result<unknown>;
          calls += 1;
          const got = r.ok ? 'ok' : r.code;
          const fine =
            expected === 'allow'
              ? r.ok || (!NEVER_AN_ANSWER.has(r.code) && r.code !== 'FORBIDDEN' && (c.mayBeAbsent || r.code !== 'NOT_FOUND'))
              : expected === 'deny'
                ? !r.ok && SCOPE_REFUSALS.has(r.code)
                : got === expected;
          if (expected === 'allow' && fine) allowed += 1;
          if (!fine)
            mismatches.push(
              `${fn}.${action} as ${openid ?? 'anonymous'} ${JSON.stringify(event)}: expected ${expected}, got ${got}${r.ok ? '' : ` (${r.message})`}`,
            );
        }
      }
    }
  }
  const actionCount = [...tables.values()].reduce((n, t) => n + Object.keys(t).length, 0);
  console.log(
    `authorization matrix: ${calls} calls over ${actionCount} actions of ${tables.size} functions × ${IDENTITIES.length} callers; ${allowed} allowed, ${calls - allowed} refused`,
  );
  expect(mismatches).toEqual([]);
}, 600_000);
