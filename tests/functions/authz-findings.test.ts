// Issue 9's five role-system findings, each reproduced against the real emulator and now refused (SPEC §4 "Who may grant
// what"): the role system cannot be climbed from the bottom, and a response never shows more of a person than the caller
// could list.
import { startBackend, type Backend } from '../helpers/backend';
import { getDb } from '../../server/infra/cloud';
import type { InviteView, MeResult, PersonView } from '../../typings/org';
import type { Result } from '../../typings/result';
import type { RoleGrant } from '../../typings/roles';

let b: Backend;
beforeAll(async () => {
  b = await startBackend({ demo: true });
});
afterAll(async () => {
  await b?.stop();
});

const T = 'demo-township';
const org = <T = any>(event: Record<string, unknown>, openid: string | null) => b.call<T>('org', event, openid);

function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`);
  return r.data;
}

function refused(r: Result<unknown>, code = 'FORBIDDEN'): string {
  if (r.ok) throw new Error(`expected ${code}, got ok: ${JSON.stringify(r.data)}`);
  expect(r.code).toBe(code);
  expect(r.message).toMatch(/[\u4e00-\u9fff]/);
  return r.message;
}

/** a person the office added but who has not bound a phone yet, written as the bootstrap script would (no app path makes one) */
async function unboundPerson(name: string, grants: RoleGrant[]): Promise<string> {
  const data = {
    townshipId: T,
    name,
    phone: '13912345678',
    openid: null,
    active: true,
    grants,
    createdAt: new Date(),
    updatedAt: new Date(),
  };
  const added = await b.emulator.runner.runAsServer(async () => (await getDb().collection('persons').add({ data })) as { _id: string });
  return (added as { _id: string })._id;
}

const officeGrant: RoleGrant = { role: 'office', scopeType: 'township', scopeId: T, townshipId: T };
const openInvites = () => b.docs('invites', { status: 'open' }).length;
const currentAssignments = (personId: string) => b.docs('assignments', { visitorPersonId: personId, validTo: null }).length;

describe('finding 1 (critical): a grid leader cannot take over an office account through an invitation', () => {
  it('refuses a grid leader inviting, as villager of its grid, an unbound office person', async () => {
    const office = await unboundPerson('未绑定办公室人员', [officeGrant]);
    const before = openInvites();
    const message = refused(
      await org({ action: 'createInvite', role: 'villager', scopeId: 'demo-hh-1-1-04', personId: office }, 'demo-leader-1'),
    );
    expect(message).toContain('无权授予');
    expect(openInvites()).toBe(before);
    expect(b.docs('persons', { _id: office })[0].openid).toBeNull();
  });

  it('refuses the acceptance when the named person gained a role the issuer may not grant after the invitation was issued', async () => {
    const person = ok(
      await org<PersonView>(
        { action: 'addPerson', name: '后授角色者', grants: [{ role: 'villager', scopeId: 'demo-hh-1-1-05' }] },
        'demo-office',
      ),
    );
    const invite = ok(
      await org<InviteView>({ action: 'createInvite', role: 'villager', scopeId: 'demo-hh-1-1-05', personId: person.id }, 'demo-leader-1'),
    );
    ok(await org({ action: 'grantRole', personId: person.id, role: 'liaison', scopeId: 'demo-village-1' }, 'demo-office'));
    refused(await org({ action: 'acceptInvite', code: invite.code }, 'wx-takeover-phone'));
    expect(b.docs('persons', { openid: 'wx-takeover-phone' })).toHaveLength(0);
    expect(b.docs('invites', { _id: invite.code })[0].status).toBe('open');
    expect(ok(await org<MeResult>({ action: 'me' }, 'wx-takeover-phone')).bound).toBe(false);
  });
});

describe('finding 2 (high): a liaison revokes visitors only whose work lies entirely in its village', () => {
  it('refuses a village-1 liaison revoking the visitor role of a person working only in village 2, and ends no assignment', async () => {
    const visitor3 = 'person-demo-visitor-3';
    const held = currentAssignments(visitor3);
    expect(held).toBeGreaterThan(0);
    expect(b.docs('assignments', { visitorPersonId: visitor3, validTo: null }).every((a) => a.villageId === 'demo-village-2')).toBe(true);
    refused(await org({ action: 'revokeRole', personId: visitor3, role: 'visitor' }, 'demo-liaison-1'));
    expect(currentAssignments(visitor3)).toBe(held);
    expect(b.docs('persons', { _id: visitor3 })[0].grants.map((g: RoleGrant) => g.role)).toEqual(['visitor']);

    // a village-2 visitor, made by the village-2 liaison, is out of the village-1 liaison's reach and within its own liaison's
    const own = ok(
      await org<PersonView>(
        { action: 'addPerson', name: '桐木溪村走访人', grants: [{ role: 'visitor', scopeId: 'demo-village-2' }] },
        'demo-liaison-2',
      ),
    );
    ok(await org({ action: 'assignHouseholds', visitorPersonId: own.id, householdIds: ['demo-hh-2-3-01'] }, 'demo-liaison-2'));
    refused(await org({ action: 'revokeRole', personId: own.id, role: 'visitor', scopeId: 'demo-village-2' }, 'demo-liaison-1'));
    expect(currentAssignments(own.id)).toBe(1);
    ok(await org({ action: 'revokeRole', personId: own.id, role: 'visitor', scopeId: 'demo-village-2' }, 'demo-liaison-2'));
    expect(currentAssignments(own.id)).toBe(0);
  });

  it('refuses a liaison ending or reassigning assignments outside its village', async () => {
    const [outside] = b.docs('assignments', { villageId: 'demo-village-2', validTo: null });
    refused(await org({ action: 'endAssignment', assignmentId: outside._id, reason: '越权结束' }, 'demo-liaison-1'));
    refused(
      await org(
        {
          action: 'reassignHouseholds',
          householdIds: [outside.householdId],
          fromVisitorPersonId: outside.visitorPersonId,
          toVisitorPersonId: 'person-demo-visitor-6',
          reason: '越权调整',
        },
        'demo-liaison-1',
      ),
    );
    expect(b.docs('assignments', { _id: outside._id })[0].validTo).toBeNull();
  });
});

describe('finding 3 (medium): grant and revoke answers show no more of a person than the caller could list', () => {
  it("shows a grid leader neither the discipline officer's phone nor its discipline role", async () => {
    const target = 'person-demo-discipline';
    const phone = b.docs('persons', { _id: target })[0].phone as string;
    const answers = [
      ok(await org<PersonView>({ action: 'grantRole', personId: target, role: 'villager', scopeId: 'demo-hh-1-1-08' }, 'demo-leader-1')),
      // nothing changes the second time: the answer is masked all the same
      ok(await org<PersonView>({ action: 'grantRole', personId: target, role: 'villager', scopeId: 'demo-hh-1-1-08' }, 'demo-leader-1')),
      ok(await org<PersonView>({ action: 'revokeRole', personId: target, role: 'villager', scopeId: 'demo-hh-1-1-08' }, 'demo-leader-1')),
      ok(await org<PersonView>({ action: 'revokeRole', personId: target, role: 'villager', scopeId: 'demo-hh-1-1-08' }, 'demo-leader-1')),
    ];
    for (const view of answers) {
      expect(JSON.stringify(view)).not.toContain(phone.slice(-4));
      expect(view.phone).toBeNull();
      expect(view.roles.map((r) => r.role)).not.toContain('discipline');
    }
    expect(answers[0].roles.map((r) => r.scopeId)).toEqual(['demo-hh-1-1-08']);
    expect(answers[2].roles).toEqual([]);
    // the office, which lists everyone with phones, sees the same person in full
    const full = ok(await org<PersonView>({ action: 'grantRole', personId: 'person-demo-visitor-6', role: 'helper' }, 'demo-office'));
    expect(full.phone).toMatch(/^1\d{10}$/);
  });

  it('shows the discipline office masked phones in addPerson answers, as in its list', async () => {
    const made = ok(
      await org<PersonView>(
        { action: 'addPerson', name: '新纪委干部', phone: '13911112222', grants: [{ role: 'discipline' }] },
        'demo-discipline',
      ),
    );
    expect(made.phone).toBe('139****2222');
  });
});

describe('finding 4 (medium): the office cannot grant itself discipline', () => {
  it('refuses grantRole discipline to the office itself, and any discipline grant from the office', async () => {
    refused(await org({ action: 'grantRole', personId: 'person-demo-office', role: 'discipline' }, 'demo-office'));
    refused(await org({ action: 'grantRole', personId: 'person-demo-visitor-6', role: 'discipline' }, 'demo-office'));
    expect(b.docs('persons', { _id: 'person-demo-office' })[0].grants.map((g: RoleGrant) => g.role)).toEqual(['office']);
  });

  it('refuses a discipline invitation from the office, and accepting an invitation one issued oneself', async () => {
    const before = openInvites();
    refused(await org({ action: 'createInvite', role: 'discipline', name: '刘晓东' }, 'demo-office'));
    expect(openInvites()).toBe(before);
    // the discipline office may invite a colleague, but not accept its own invitation
    const invite = ok(await org<InviteView>({ action: 'createInvite', role: 'discipline', name: '纪委新人' }, 'demo-discipline'));
    refused(await org({ action: 'acceptInvite', code: invite.code }, 'demo-discipline'));
    // nor may the office accept a helper invitation it issued
    const helper = ok(await org<InviteView>({ action: 'createInvite', role: 'helper', name: '帮扶人' }, 'demo-office'));
    refused(await org({ action: 'acceptInvite', code: helper.code }, 'demo-office'));
    expect(b.docs('persons', { _id: 'person-demo-office' })[0].grants.map((g: RoleGrant) => g.role)).toEqual(['office']);
    ok(await org({ action: 'acceptInvite', code: invite.code }, 'wx-discipline-colleague'));
    const me = ok(await org<MeResult>({ action: 'me' }, 'wx-discipline-colleague'));
    expect(me.bound && me.roles.map((r) => r.role)).toEqual(['discipline']);
  });
});

describe('the discipline role comes only from the discipline office or the bootstrap script', () => {
  it('bootstrap-office --discipline creates a first discipline account, refusing a second one without --force', async () => {
    const { bootstrapOffice, BootstrapRefused } = await import('../../scripts/bootstrap-office');
    const run = (opts: Parameters<typeof bootstrapOffice>[1]) => b.emulator.runner.runAsServer(() => bootstrapOffice(getDb(), opts));
    const made = await run({ townshipName: '溆浦县纪检镇', openid: 'wx-first-discipline', name: '首任纪委书记', role: 'discipline' });
    expect(made).toMatchObject({ townshipCreated: true, personCreated: true });
    const me = ok(await org<MeResult>({ action: 'me' }, 'wx-first-discipline'));
    expect(me.bound && me.roles.map((r) => r.role)).toEqual(['discipline']);
    await expect(
      run({ townshipName: '溆浦县纪检镇', openid: 'wx-second-discipline', name: '第二人', role: 'discipline' }),
    ).rejects.toBeInstanceOf(BootstrapRefused);
    await expect(run({ townshipName: '溆浦县纪检镇', openid: 'wx-second-discipline', name: '第二人', role: 'discipline' })).rejects.toThrow(
      '已有镇纪委账号',
    );
  });
});

describe('finding 5 (medium): a liaison cannot invite a township-wide visitor', () => {
  it('refuses a township-wide visitor invitation from a liaison, and a visitor of another village; allows its own village', async () => {
    refused(await org({ action: 'createInvite', role: 'visitor', name: '全镇走访人' }, 'demo-liaison-1'));
    refused(await org({ action: 'createInvite', role: 'visitor', scopeId: 'demo-village-2', name: '别村走访人' }, 'demo-liaison-1'));
    const invite = ok(
      await org<InviteView>({ action: 'createInvite', role: 'visitor', scopeId: 'demo-village-1', name: '本村走访人' }, 'demo-liaison-1'),
    );
    expect(invite).toMatchObject({ role: 'visitor', scopeType: 'village', scopeId: 'demo-village-1', scopeName: '三江村' });
    const accepted = ok(await org({ action: 'acceptInvite', code: invite.code }, 'wx-village-visitor'));
    expect(accepted.role).toBe('visitor');
    // a village visitor holds households of its village only
    refused(
      await org({ action: 'assignHouseholds', visitorPersonId: accepted.personId, householdIds: ['demo-hh-2-1-01'] }, 'demo-office'),
      'NOT_IN_RANGE',
    );
    ok(await org({ action: 'assignHouseholds', visitorPersonId: accepted.personId, householdIds: ['demo-hh-1-4-01'] }, 'demo-liaison-1'));
  });
});
