// The `org` function end to end: real wx-server-sdk, real emulator, the demo township of seed 001.
import { startBackend, type Backend } from '../helpers/backend';
import { actions } from '../../server/handlers/org';
import { StorageService } from '../../emulator/admin/storage';
import { getDb } from '../../server/infra/cloud';
import { seedDemo } from '../../scripts/demo-data';
import type {
  ChoiceList,
  AssignmentView,
  GridView,
  HouseholdChange,
  HouseholdListItem,
  HouseholdView,
  InviteView,
  MeResult,
  Page,
  PersonView,
  VillageView,
} from '../../typings/org';
import type { Result } from '../../typings/result';

let b: Backend;
beforeAll(async () => {
  b = await startBackend({ demo: true });
});
afterAll(async () => {
  await b?.stop();
});
afterEach(() => b.setClock(null));

const org = <T = any>(event: Record<string, unknown>, openid: string | null) => b.call<T>('org', event, openid);

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

/** the virtual clock keeps ticking after it is set: "at" means within a few seconds of it */
const near = (t: string | Date, iso: string) => Math.abs(new Date(t).getTime() - new Date(iso).getTime()) < 5000;

const V1 = 'demo-village-1';
const V2 = 'demo-village-2';
let seq = 0;
/** a fresh grid in village 1, made by the office, so tests do not disturb each other */
async function freshGrid(villageId = V1): Promise<GridView> {
  seq += 1;
  return ok(await org<GridView>({ action: 'createGrid', villageId, name: `测试网格${seq}` }, 'demo-office'));
}
async function addHousehold(gridId: string, n: number, openid = 'demo-office'): Promise<Result<HouseholdChange>> {
  return org<HouseholdChange>({ action: 'addHousehold', gridId, address: `测试组${n}号`, headName: `户主${n}` }, openid);
}

describe('authorization', () => {
  it('a villager cannot create grids, and nothing is written', async () => {
    const before = b.docs('grids').length;
    refused(await org({ action: 'createGrid', villageId: V1, name: '村民私建网格' }, 'demo-villager-1'), 'FORBIDDEN');
    expect(b.docs('grids')).toHaveLength(before);
  });

  it('a liaison manages its own village only', async () => {
    ok(await org({ action: 'createGrid', villageId: V1, name: '联络员新建网格' }, 'demo-liaison-1'));
    refused(await org({ action: 'createGrid', villageId: V2, name: '越权网格' }, 'demo-liaison-1'), 'FORBIDDEN');
    refused(
      await org({ action: 'addHousehold', gridId: 'demo-grid-2-1', address: '越权1号', headName: '某某' }, 'demo-liaison-1'),
      'FORBIDDEN',
    );
  });

  it("a visitor cannot see another village's households", async () => {
    refused(await org({ action: 'listHouseholds', villageId: V2 }, 'demo-visitor-1'), 'FORBIDDEN');
    refused(await org({ action: 'listHouseholds', gridId: 'demo-grid-2-1' }, 'demo-visitor-1'), 'FORBIDDEN');
    const page = ok(await org<Page<HouseholdView>>({ action: 'listHouseholds', pageSize: 50 }, 'demo-visitor-1'));
    expect(page.total).toBe(b.docs('households', { villageId: V1, active: true }).length);
    expect(page.items.every((h) => h.villageId === V1)).toBe(true);
    const villages = ok(await org<VillageView[]>({ action: 'listVillages' }, 'demo-visitor-1'));
    expect(villages.map((v) => v.id)).toEqual([V1]);
  });

  it('a visitor whose range spans two villages sees both; the office and the discipline office see all', async () => {
    const ids = (r: VillageView[]) => r.map((v) => v.id).sort();
    expect(ids(ok(await org<VillageView[]>({ action: 'listVillages' }, 'demo-visitor-4')))).toEqual(['demo-village-2', 'demo-village-3']);
    expect(ids(ok(await org<VillageView[]>({ action: 'listVillages' }, 'demo-office')))).toEqual([
      'demo-village-1',
      'demo-village-2',
      'demo-village-3',
    ]);
    const all = ok(await org<Page<HouseholdView>>({ action: 'listHouseholds', villageId: 'demo-village-3' }, 'demo-discipline'));
    expect(all.total).toBe(31);
  });

  it('a villager sees only its own household, a grid leader only its grid', async () => {
    const own = ok(await org<Page<HouseholdView>>({ action: 'listHouseholds' }, 'demo-villager-1'));
    expect(own.items.map((h) => h.id)).toEqual(['demo-hh-1-1-02']);
    const grid = ok(await org<Page<HouseholdView>>({ action: 'listHouseholds' }, 'demo-leader-2'));
    expect(grid.total).toBe(12);
    expect(grid.items.every((h) => h.gridId === 'demo-grid-1-2')).toBe(true);
    refused(await org({ action: 'listHouseholds', gridId: 'demo-grid-1-1' }, 'demo-leader-2'), 'FORBIDDEN');
  });

  it('an anonymous caller gets UNAUTHENTICATED for everything but acceptInvite and me', async () => {
    const open = new Set(['acceptInvite', 'me']);
    for (const openid of [null, 'stranger-openid']) {
      for (const action of Object.keys(actions).filter((a) => !open.has(a))) {
        refused(await org({ action }, openid), 'UNAUTHENTICATED');
      }
      expect(ok(await org<MeResult>({ action: 'me' }, openid))).toEqual({ bound: false, openid });
    }
    refused(await org({ action: 'acceptInvite', code: 'ABCD2345' }, 'stranger-openid'), 'INVITE_INVALID');
    refused(await org({ action: 'acceptInvite', code: 'ABCD2345' }, null), 'UNAUTHENTICATED');
  });

  it('a phone cannot fire the timer by sending a timer-shaped event', async () => {
    const r = await org({ Type: 'Timer', TriggerName: 'expireInvites' }, 'demo-office');
    expect(r.ok).toBe(false);
  });

  it('phone numbers are masked except for the office and the own-village liaison', async () => {
    const phoneOf = async (openid: string) => {
      const page = ok(await org<Page<HouseholdView>>({ action: 'listHouseholds', gridId: 'demo-grid-1-1', pageSize: 1 }, openid));
      return page.items[0].members[0].phone;
    };
    expect(await phoneOf('demo-office')).toMatch(/^1\d{10}$/);
    expect(await phoneOf('demo-liaison-1')).toMatch(/^1\d{10}$/);
    expect(await phoneOf('demo-discipline')).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(await phoneOf('demo-visitor-1')).toMatch(/^1\d{2}\*{4}\d{4}$/);
    const people = ok(await org<Page<PersonView>>({ action: 'listPersons', role: 'liaison' }, 'demo-discipline'));
    expect(people.items.every((p) => p.phone === null || p.phone.includes('****'))).toBe(true);
  });
});

describe('people, roles and the home page', () => {
  it('a liaison lists the people of its own village, with their phones; the office everyone', async () => {
    const mine = ok(await org<Page<PersonView>>({ action: 'listPersons', pageSize: 50 }, 'demo-liaison-1'));
    const names = mine.items.map((p) => p.name);
    expect(names).toContain('张秀兰');
    expect(names).toContain('向建军');
    expect(names).not.toContain('李国强');
    expect(names).not.toContain('刘晓东');
    const leader = mine.items.find((p) => p.roles.some((r) => r.role === 'gridLeader'))!;
    expect(leader.phone).toMatch(/^1\d{10}$/);
    expect(leader.roles.find((r) => r.role === 'gridLeader')!.scopeName).toMatch(/^三江村 \/ 第\d微网格$/);
    const all = ok(await org<Page<PersonView>>({ action: 'listPersons', pageSize: 50 }, 'demo-office'));
    expect(all.total).toBeGreaterThanOrEqual(24);
    refused(await org({ action: 'listPersons' }, 'demo-visitor-1'), 'FORBIDDEN');
  });

  it('grants and revokes roles within scope; revoking a visitor ends its ranges, with history kept', async () => {
    // a liaison hands out visitors of its own village only (SPEC §4), never township-wide ones
    refused(await org({ action: 'addPerson', name: '全镇走访人', grants: [{ role: 'visitor' }] }, 'demo-liaison-2'), 'FORBIDDEN');
    const p = ok(
      await org<PersonView>(
        { action: 'addPerson', name: '临时走访人', grants: [{ role: 'visitor', scopeId: 'demo-village-2' }] },
        'demo-liaison-2',
      ),
    );
    ok(
      await org(
        { action: 'assignHouseholds', visitorPersonId: p.id, householdIds: ['demo-hh-2-2-01', 'demo-hh-2-2-02'] },
        'demo-liaison-2',
      ),
    );
    refused(await org({ action: 'grantRole', personId: p.id, role: 'liaison', scopeId: 'demo-village-2' }, 'demo-liaison-2'), 'FORBIDDEN');
    const granted = ok(
      await org<PersonView>({ action: 'grantRole', personId: p.id, role: 'gridLeader', scopeId: 'demo-grid-2-2' }, 'demo-liaison-2'),
    );
    expect(granted.roles.map((r) => r.role).sort()).toEqual(['gridLeader', 'visitor']);
    const revoked = ok(
      await org<PersonView>({ action: 'revokeRole', personId: p.id, role: 'visitor', scopeId: 'demo-village-2' }, 'demo-office'),
    );
    expect(revoked.roles.map((r) => r.role)).toEqual(['gridLeader']);
    expect(ok(await org<AssignmentView[]>({ action: 'listAssignments', visitorPersonId: p.id }, 'demo-office'))).toEqual([]);
    expect(
      ok(await org<AssignmentView[]>({ action: 'listAssignments', visitorPersonId: p.id, includeHistory: true }, 'demo-office')),
    ).toHaveLength(2);
    expect(b.docs('audit', { action: 'revokeRole' }).length).toBe(3);
    // nobody changes their own roles (SPEC §4): refused by the policy table, no longer a CONFLICT
    refused(await org({ action: 'revokeRole', personId: 'person-demo-office', role: 'office' }, 'demo-office'), 'FORBIDDEN');
  });

  it('me prepares one home card per role', async () => {
    const leader = ok(await org<MeResult>({ action: 'me' }, 'demo-leader-1'));
    if (!leader.bound) throw new Error('expected bound');
    expect(leader.roles.map((r) => r.role)).toEqual(['villager', 'gridLeader']);
    const card = leader.home.find((c) => c.role === 'gridLeader');
    expect(card).toMatchObject({ grid: { id: 'demo-grid-1-1', name: '第1微网格', villageName: '三江村' } });
    expect(card && card.role === 'gridLeader' && card.households.length).toBe(
      card && card.role === 'gridLeader' ? card.grid.householdCount : -1,
    );
    const liaison = ok(await org<MeResult>({ action: 'me' }, 'demo-liaison-3'));
    expect(liaison.bound && liaison.home[0]).toMatchObject({
      role: 'liaison',
      village: { id: 'demo-village-3', name: '龙潭坪村' },
      grids: 3,
    });
    const visitor = ok(await org<MeResult>({ action: 'me' }, 'demo-visitor-5'));
    expect(visitor.bound && visitor.home[0]).toMatchObject({
      role: 'visitor',
      assignedHouseholds: 20,
      villages: [{ id: 'demo-village-3', households: 20 }],
    });
    const discipline = ok(await org<MeResult>({ action: 'me' }, 'demo-discipline'));
    expect(discipline.bound && discipline.home).toEqual([{ role: 'discipline', township: { id: 'demo-township', name: '溆浦县三江镇' } }]);
  });
});

describe('the micro-grid cap: 每村按5-10户（最多不超过15户）设立一个微网格', () => {
  it('takes 15 households, warns while under 5, and refuses the 16th with GRID_FULL', async () => {
    const grid = await freshGrid();
    const created = await org({ action: 'createGrid', villageId: V1, name: `空网格${seq}` }, 'demo-office');
    expect(created.ok && created.warnings?.[0]).toContain('少于5户');
    for (let n = 1; n <= 15; n++) {
      const r = await addHousehold(grid.id, n);
      const data = ok(r);
      expect(data.grid.householdCount).toBe(n);
      if (n < 5) expect(r.ok && r.warnings?.[0]).toContain(`只有${n}户`);
      else expect(r.ok && r.warnings).toBeUndefined();
    }
    const message = refused(await addHousehold(grid.id, 16), 'GRID_FULL');
    expect(message).toContain('最多不超过15户');
    expect(b.docs('households', { gridId: grid.id })).toHaveLength(15);
    expect(b.docs('grids', { _id: grid.id })[0].householdCount).toBe(15);
  });

  it('applies the cap to moves and re-activation, and frees a place when a household moves out', async () => {
    const full = await freshGrid();
    for (let n = 1; n <= 15; n++) ok(await addHousehold(full.id, n));
    const other = await freshGrid();
    const outsider = ok(await addHousehold(other.id, 1)).household;
    refused(await org({ action: 'moveHousehold', householdId: outsider.id, toGridId: full.id }, 'demo-office'), 'GRID_FULL');

    const leaving = b.docs('households', { gridId: full.id })[0];
    const out = await org<HouseholdChange>(
      { action: 'setHouseholdActive', householdId: leaving._id, active: false, reason: '全家外出务工已迁出' },
      'demo-office',
    );
    expect(ok(out).grid.householdCount).toBe(14);
    const moved = ok(await org({ action: 'moveHousehold', householdId: outsider.id, toGridId: full.id }, 'demo-office'));
    expect(moved.to.householdCount).toBe(15);
    expect(moved.from.householdCount).toBe(0);
    refused(await org({ action: 'setHouseholdActive', householdId: leaving._id, active: true }, 'demo-office'), 'GRID_FULL');
  });

  it('holds under concurrent additions: a grid of 14 takes exactly one more', async () => {
    const grid = await freshGrid();
    for (let n = 1; n <= 14; n++) ok(await addHousehold(grid.id, n));
    const results = await Promise.all([addHousehold(grid.id, 15), addHousehold(grid.id, 16), addHousehold(grid.id, 17)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) expect(r.ok ? '' : r.code).toBe('GRID_FULL');
    expect(b.docs('households', { gridId: grid.id, active: true })).toHaveLength(15);
    expect(b.docs('grids', { _id: grid.id })[0].householdCount).toBe(15);
  });
});

describe('invitations', () => {
  it('create → accept with a new OPENID → me shows the role; a second use is refused', async () => {
    const invite = ok(
      await org<InviteView>({ action: 'createInvite', role: 'villager', scopeId: 'demo-hh-1-1-03', name: '新村民' }, 'demo-liaison-1'),
    );
    expect(invite.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(invite.scene).toBe(`i=${invite.code}`);
    expect(invite.scene.length).toBeLessThanOrEqual(32);
    expect(invite.status).toBe('open');
    // the QR is a real PNG in storage, made by wxacode.getUnlimited for the join page
    expect(invite.qrFileId).toBeTruthy();
    const png = b.emulator.store.getFile(StorageService.pathOf(invite.qrFileId!)!);
    expect(png?.data.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');

    const accepted = ok(await org({ action: 'acceptInvite', code: invite.scene.toLowerCase() }, 'wx-new-villager'));
    expect(accepted.role).toBe('villager');
    const me = ok(await org<MeResult>({ action: 'me' }, 'wx-new-villager'));
    if (!me.bound) throw new Error('expected bound');
    expect(me.person.name).toBe('新村民');
    expect(me.roles).toEqual([expect.objectContaining({ role: 'villager', label: '村民', scopeId: 'demo-hh-1-1-03' })]);
    expect(me.roles[0].scopeName).toContain('三江村');
    expect(me.home[0]).toMatchObject({
      role: 'villager',
      household: { id: 'demo-hh-1-1-03', gridName: '第1微网格', villageName: '三江村' },
    });

    const message = refused(await org({ action: 'acceptInvite', code: invite.code }, 'wx-someone-else'), 'INVITE_USED');
    expect(message).toContain('已被使用');
    expect(b.docs('persons', { openid: 'wx-someone-else' })).toHaveLength(0);
    expect(b.docs('invites', { _id: invite.code })[0]).toMatchObject({ status: 'used', usedBy: 'wx-new-villager' });
  });

  it('binds an existing person and adds a role to someone already bound', async () => {
    const person = ok(
      await org<PersonView>({ action: 'addPerson', name: '新走访人', phone: '13900001111', grants: [{ role: 'visitor' }] }, 'demo-office'),
    );
    expect(person.bound).toBe(false);
    const invite = ok(await org<InviteView>({ action: 'createInvite', role: 'visitor', personId: person.id }, 'demo-office'));
    ok(await org({ action: 'acceptInvite', code: invite.code }, 'wx-new-visitor'));
    const me = ok(await org<MeResult>({ action: 'me' }, 'wx-new-visitor'));
    expect(me.bound && me.person.id).toBe(person.id);

    const leaderInvite = ok(
      await org<InviteView>({ action: 'createInvite', role: 'gridLeader', scopeId: 'demo-grid-1-1', name: '新走访人' }, 'demo-office'),
    );
    ok(await org({ action: 'acceptInvite', code: leaderInvite.code }, 'wx-new-visitor'));
    const again = ok(await org<MeResult>({ action: 'me' }, 'wx-new-visitor'));
    expect(again.bound && again.roles.map((r) => r.role).sort()).toEqual(['gridLeader', 'visitor']);
    expect(b.docs('persons', { openid: 'wx-new-visitor' })).toHaveLength(1);
  });

  it('a grid leader may invite villagers of its own grid only', async () => {
    ok(await org({ action: 'createInvite', role: 'villager', scopeId: 'demo-hh-1-1-04', name: '邻居' }, 'demo-leader-1'));
    refused(
      await org({ action: 'createInvite', role: 'villager', scopeId: 'demo-hh-1-2-04', name: '别的网格' }, 'demo-leader-1'),
      'FORBIDDEN',
    );
    refused(await org({ action: 'createInvite', role: 'office', name: '冒充办公室' }, 'demo-liaison-1'), 'FORBIDDEN');
  });

  it('expires: refused after its validity, and the daily timer marks it expired with an audit record', async () => {
    b.setClock('2025-03-01T10:00:00+08:00');
    const invite = ok(
      await org<InviteView>(
        { action: 'createInvite', role: 'villager', scopeId: 'demo-hh-2-1-03', name: '过期邀请', validDays: 1 },
        'demo-liaison-2',
      ),
    );
    expect(near(invite.expiresAt, '2025-03-02T10:00:00+08:00')).toBe(true);
    b.setClock('2025-03-03T10:00:00+08:00');
    refused(await org({ action: 'acceptInvite', code: invite.code }, 'wx-too-late'), 'INVITE_EXPIRED');
    const fired = await b.fireTimer('org', 'expireInvites');
    expect(fired.ok).toBe(true);
    expect(b.docs('invites', { _id: invite.code })[0].status).toBe('expired');
    const audit = b.docs('audit', { collection: 'invites', docId: invite.code, action: 'expireInvites' });
    expect(audit).toHaveLength(1);
    expect(audit[0].before.status).toBe('open');
    expect(audit[0].after.status).toBe('expired');
    refused(await org({ action: 'acceptInvite', code: invite.code }, 'wx-too-late'), 'INVITE_EXPIRED');
  });
});

describe('assignments', () => {
  it('reassigning mid-month closes the old range at that instant and keeps the history', async () => {
    const households = ['demo-hh-1-1-05', 'demo-hh-1-1-06'];
    b.setClock('2024-12-15T10:00:00+08:00');
    const r = ok(
      await org(
        {
          action: 'reassignHouseholds',
          householdIds: households,
          fromVisitorPersonId: 'person-demo-visitor-1',
          toVisitorPersonId: 'person-demo-visitor-6',
          reason: '向建军病假，由戴文涛接替',
        },
        'demo-office',
      ),
    );
    expect(r.closed).toHaveLength(2);
    expect(r.opened).toHaveLength(2);

    const history = ok(
      await org<AssignmentView[]>({ action: 'listAssignments', householdId: households[0], includeHistory: true }, 'demo-office'),
    );
    expect(history).toHaveLength(2);
    const [old, now] = history;
    expect(old).toMatchObject({ visitorPersonId: 'person-demo-visitor-1', validFrom: '2024-11-18T16:00:00.000Z' });
    expect(now).toMatchObject({ visitorPersonId: 'person-demo-visitor-6', validTo: null, reason: '向建军病假，由戴文涛接替' });
    // no gap, no overlap: the old range ends at exactly the instant the new one starts
    expect(old.validTo).toBe(now.validFrom);
    expect(near(now.validFrom, '2024-12-15T10:00:00+08:00')).toBe(true);
    const current = ok(await org<AssignmentView[]>({ action: 'listAssignments', householdId: households[0] }, 'demo-office'));
    expect(current.map((a) => a.visitorPersonId)).toEqual(['person-demo-visitor-6']);

    // the new visitor now reads that village; the old one keeps its other households
    const villages = ok(await org<VillageView[]>({ action: 'listVillages' }, 'demo-visitor-6'));
    expect(villages.map((v) => v.id)).toEqual([V1]);
    const mine = ok(await org<AssignmentView[]>({ action: 'listAssignments' }, 'demo-visitor-1'));
    expect(mine.some((a) => households.includes(a.householdId))).toBe(false);
    expect(mine.length).toBeGreaterThan(0);

    refused(
      await org(
        {
          action: 'reassignHouseholds',
          householdIds: [households[0]],
          fromVisitorPersonId: 'person-demo-visitor-1',
          toVisitorPersonId: 'person-demo-visitor-2',
          reason: '再次调整',
        },
        'demo-office',
      ),
      'NOT_IN_RANGE',
    );
    const audits = b.docs('audit', { action: 'reassignHouseholds', reason: '向建军病假，由戴文涛接替' });
    expect(audits).toHaveLength(4);
  });

  it('assigning is scoped to the liaison village and skips households already held', async () => {
    const first = ok(
      await org(
        { action: 'assignHouseholds', visitorPersonId: 'person-demo-visitor-6', householdIds: ['demo-hh-1-3-01', 'demo-hh-1-3-02'] },
        'demo-liaison-1',
      ),
    );
    expect(first.created).toHaveLength(2);
    const second = ok(
      await org(
        { action: 'assignHouseholds', visitorPersonId: 'person-demo-visitor-6', householdIds: ['demo-hh-1-3-01'] },
        'demo-liaison-1',
      ),
    );
    expect(second).toEqual({ created: [], unchanged: ['demo-hh-1-3-01'] });
    refused(
      await org(
        { action: 'assignHouseholds', visitorPersonId: 'person-demo-visitor-6', householdIds: ['demo-hh-2-1-01'] },
        'demo-liaison-1',
      ),
      'FORBIDDEN',
    );
    refused(
      await org({ action: 'assignHouseholds', visitorPersonId: 'person-demo-liaison-1', householdIds: ['demo-hh-1-3-03'] }, 'demo-office'),
      'INVALID_INPUT',
    );
  });

  it('lists households with their current visitor, read for the whole page at once', async () => {
    const grid = await freshGrid();
    const [a, c, d] = [ok(await addHousehold(grid.id, 1)), ok(await addHousehold(grid.id, 2)), ok(await addHousehold(grid.id, 3))].map(
      (r) => r.household.id,
    );
    ok(await org({ action: 'assignHouseholds', visitorPersonId: 'person-demo-visitor-6', householdIds: [a, d] }, 'demo-liaison-1'));
    ok(
      await org(
        {
          action: 'reassignHouseholds',
          householdIds: [a],
          fromVisitorPersonId: 'person-demo-visitor-6',
          toVisitorPersonId: 'person-demo-visitor-2',
          reason: '就近调整',
        },
        'demo-liaison-1',
      ),
    );
    const [ended] = ok(await org<AssignmentView[]>({ action: 'listAssignments', householdId: d }, 'demo-office'));
    ok(await org({ action: 'endAssignment', assignmentId: ended.id, reason: '走访人调离' }, 'demo-liaison-1'));

    const page = ok(await org<Page<HouseholdListItem>>({ action: 'listHouseholds', gridId: grid.id }, 'demo-liaison-1'));
    expect(page.items.map((h) => [h.id, h.visitor])).toEqual([
      // reassigned: the new holder, not the closed range
      [a, { personId: 'person-demo-visitor-2', name: '舒丽华' }],
      // never assigned, and assigned but ended: nobody
      [c, null],
      [d, null],
    ]);

    // the demo township: every listed household shows exactly the visitor listAssignments holds for it now
    const current = ok(await org<AssignmentView[]>({ action: 'listAssignments' }, 'demo-office'));
    const holder = new Map(current.map((x) => [x.householdId, { personId: x.visitorPersonId, name: x.visitorName }]));
    const village = ok(
      await org<Page<HouseholdListItem>>({ action: 'listHouseholds', villageId: 'demo-village-2', pageSize: 50 }, 'demo-office'),
    );
    expect(village.items.length).toBeGreaterThan(20);
    for (const h of village.items) expect(h.visitor).toEqual(holder.get(h.id) ?? null);
    expect(village.items.filter((h) => h.visitor).length).toBeGreaterThan(0);
    // a grid leader and a villager read the visitor of what they may see
    const own = ok(await org<Page<HouseholdListItem>>({ action: 'listHouseholds' }, 'demo-villager-1'));
    expect(own.items[0].visitor).toEqual(holder.get('demo-hh-1-1-02') ?? null);
    expect(own.items[0].visitor).not.toBeNull();
  });

  it('a household that moves out stops being anyone’s duty from that instant', async () => {
    const household = 'demo-hh-3-3-13';
    ok(await org({ action: 'setHouseholdActive', householdId: household, active: false, reason: '整户搬迁进城' }, 'demo-liaison-3'));
    expect(ok(await org<AssignmentView[]>({ action: 'listAssignments', householdId: household }, 'demo-office'))).toEqual([]);
    const all = ok(await org<AssignmentView[]>({ action: 'listAssignments', householdId: household, includeHistory: true }, 'demo-office'));
    expect(all).toHaveLength(1);
    expect(all[0].validTo).not.toBeNull();
  });
});

describe('audit, idempotency, bad input', () => {
  it('every change writes an audit record with who, when, what, before and after', async () => {
    b.setClock('2025-01-10T09:30:00+08:00');
    const h = 'demo-hh-1-2-04';
    expect(b.docs('households', { _id: h })[0].vulnerability.elderlyAlone).toBe(false);
    const updated = ok(
      await org<HouseholdView>(
        { action: 'updateHousehold', householdId: h, vulnerability: { elderlyAlone: true }, note: '独居，子女在外' },
        'demo-liaison-1',
      ),
    );
    expect(updated.vulnerability.elderlyAlone).toBe(true);
    expect(b.docs('households', { _id: h })[0].vulnerability).toMatchObject({ elderlyAlone: true, disability: false });
    const records = b.docs('audit', { action: 'updateHousehold', docId: h });
    expect(records).toHaveLength(1);
    const a = records[0];
    expect(a).toMatchObject({
      collection: 'households',
      actorPersonId: 'person-demo-liaison-1',
      actorOpenid: 'demo-liaison-1',
      actorName: '张秀兰',
    });
    expect(near(a.at, '2025-01-10T09:30:00+08:00')).toBe(true);
    expect(a.before.vulnerability.elderlyAlone).toBe(false);
    expect(a.after.vulnerability.elderlyAlone).toBe(true);
    expect(a.before.note).toBe('');
    expect(a.after.note).toBe('独居，子女在外');
  });

  it('a retried submission with the same idempotency key returns the first result and writes once', async () => {
    const grid = await freshGrid();
    const event = { action: 'addHousehold', idempotencyKey: 'retry-key-0001', gridId: grid.id, address: '重试1号', headName: '重试户' };
    const first = ok(await org<HouseholdChange>(event, 'demo-office'));
    const second = ok(await org<HouseholdChange>(event, 'demo-office'));
    expect(second).toEqual(first);
    expect(b.docs('households', { gridId: grid.id })).toHaveLength(1);
    expect(b.docs('audit', { action: 'addHousehold', docId: first.household.id })).toHaveLength(1);
    // the key belongs to its caller: another person's identical key is a new submission
    const other = ok(await org<HouseholdChange>(event, 'demo-liaison-1'));
    expect(other.household.id).not.toBe(first.household.id);
    refused(await org({ ...event, action: 'createGrid', villageId: V1, name: '借用键' }, 'demo-office'), 'CONFLICT');
  });

  it('bad input gets INVALID_INPUT with a Chinese message and writes nothing', async () => {
    const counts = () => ['households', 'grids', 'audit', 'idempotency'].map((c) => b.docs(c).length);
    const before = counts();
    const r = await org(
      { action: 'addHousehold', idempotencyKey: 'bad-input-0001', gridId: 'demo-grid-1-1', headName: '无地址' },
      'demo-office',
    );
    expect(r).toEqual({ ok: false, code: 'INVALID_INPUT', message: '请填写门牌地址', field: 'address' });
    const phone = await org(
      { action: 'addHousehold', gridId: 'demo-grid-1-1', address: '一组1号', headName: '甲', members: [{ name: '甲', phone: '110' }] },
      'demo-office',
    );
    expect(phone.ok ? '' : phone.message).toContain('电话号码格式不正确');
    refused(await org({ action: 'updateHousehold', householdId: 'demo-hh-1-1-01' }, 'demo-office'), 'INVALID_INPUT');
    refused(await org({ action: 'addHousehold', gridId: 'no-such-grid', address: '一组1号', headName: '甲' }, 'demo-office'), 'NOT_FOUND');
    refused(await org({ action: 'noSuchAction' }, 'demo-office'), 'UNKNOWN_ACTION');
    expect(counts()).toEqual(before);
  });
});

describe('demo township and bootstrap', () => {
  it('seeding the demo township a second time changes nothing', async () => {
    const snapshot = () => ['townships', 'villages', 'grids', 'households', 'persons', 'assignments'].map((c) => b.docs(c).length);
    const before = snapshot();
    const summary = (await b.emulator.runner.runAsServer(() => seedDemo(getDb()))) as Awaited<ReturnType<typeof seedDemo>>;
    expect(Object.values(summary.inserted).every((n) => n === 0)).toBe(true);
    expect(snapshot()).toEqual(before);
  });

  it('bootstrap-office creates the first office account once, then refuses without --force', async () => {
    const { bootstrapOffice, BootstrapRefused } = await import('../../scripts/bootstrap-office');
    const run = (opts: Parameters<typeof bootstrapOffice>[1]) => b.emulator.runner.runAsServer(() => bootstrapOffice(getDb(), opts));
    const made = await run({ townshipName: '溆浦县新屋镇', openid: 'wx-first-office', name: '首任主任' });
    expect(made).toMatchObject({ townshipCreated: true, personCreated: true });
    const me = ok(await org<MeResult>({ action: 'me' }, 'wx-first-office'));
    expect(me.bound && me.roles.map((r) => r.role)).toEqual(['office']);
    expect(me.bound && me.township.name).toBe('溆浦县新屋镇');
    // the new township is separate: its office sees none of the demo villages
    expect(ok(await org<VillageView[]>({ action: 'listVillages' }, 'wx-first-office'))).toEqual([]);

    await expect(run({ townshipName: '溆浦县新屋镇', openid: 'wx-second-office', name: '第二人' })).rejects.toBeInstanceOf(
      BootstrapRefused,
    );
    await expect(run({ townshipName: '溆浦县三江镇', openid: 'wx-intruder', name: '某人' })).rejects.toThrow('已有镇办公室账号');
    const forced = await run({ townshipName: '溆浦县新屋镇', openid: 'wx-second-office', name: '第二人', force: true });
    expect(forced).toMatchObject({ townshipCreated: false, personCreated: true });
    expect(b.docs('audit', { action: 'bootstrapOffice' }).length).toBe(3);
  });
});

describe('pickers (issue 11): the choices in the caller’s scope instead of typed ids', () => {
  const ids = (r: ChoiceList) => r.items.map((i) => i.id);

  it('lists the villages the caller may see and the township’s campaigns with their periods; nothing of another township', async () => {
    const office = ok(await org<ChoiceList>({ action: 'listChoices', kind: 'village' }, 'demo-office'));
    expect(ids(office)).toEqual(expect.arrayContaining(['demo-village-1', 'demo-village-2', 'demo-village-3']));
    expect(office.items.find((i) => i.id === 'demo-village-1')).toMatchObject({
      label: expect.any(String),
      note: expect.stringContaining('微网格'),
    });
    expect(ids(ok(await org<ChoiceList>({ action: 'listChoices', kind: 'village' }, 'demo-liaison-1')))).toEqual(['demo-village-1']);
    expect(ids(ok(await org<ChoiceList>({ action: 'listChoices', kind: 'village' }, 'demo-liaison-3')))).toEqual(['demo-village-3']);
    expect(ids(ok(await org<ChoiceList>({ action: 'listChoices', kind: 'village' }, 'demo-discipline')))).toEqual(ids(office));

    const campaigns = ok(await org<ChoiceList>({ action: 'listChoices', kind: 'campaign' }, 'demo-liaison-1'));
    expect(ids(campaigns).sort()).toEqual(
      b
        .docs('campaigns', { townshipId: 'demo-township' })
        .map((c) => c._id)
        .sort(),
    );
    const winter = campaigns.items.find((c) => c.id === 'demo-township-winter2026')!;
    expect(winter.options.map((p) => p.id)).toEqual(['first-round', '2026-12', '2027-01', '2027-02', '2027-03']);
    expect(winter.options[1]).toMatchObject({ label: '2026年12月', note: expect.stringContaining('2026-12-01至2026-12-31') });

    refused(await org({ action: 'listChoices', kind: 'village' }, 'demo-villager-1'), 'FORBIDDEN');
    refused(await org({ action: 'listChoices', kind: 'household' }, 'demo-office'), 'INVALID_INPUT');
    // the office of another township (bootstrapped above) sees none of the demo township's
    expect(ok(await org<ChoiceList>({ action: 'listChoices', kind: 'village' }, 'wx-first-office')).items).toEqual([]);
    expect(ok(await org<ChoiceList>({ action: 'listChoices', kind: 'campaign' }, 'wx-first-office')).items).toEqual([]);
  });
});
