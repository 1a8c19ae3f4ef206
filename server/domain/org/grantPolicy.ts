// Who may grant, revoke and invite what (SPEC §4 "Who may grant what", separation of duties): one table, and pure
// decisions over plain data that every org action consults. Nothing else decides who may hand out a role.
import type { Role, RoleGrant, ScopeType } from '../../../typings/roles';
import { ROLE_LABELS } from '../roles';

/** A grant with the village and grid its scope lies in (null above that level), resolved by the caller. */
export interface PlacedGrant extends RoleGrant {
  villageId: string | null;
  gridId: string | null;
}

/** The person acting: its id and its own grants (grants of the granter are township-, village- or grid-scoped). */
export interface Granter {
  personId: string;
  townshipId: string;
  grants: readonly RoleGrant[];
}

/** How far a granter's row reaches: the whole township, the village of its liaison grant, the grid it leads. */
export type Reach = 'township' | 'village' | 'grid';

export interface GrantPolicyRow {
  granter: Role;
  role: Role;
  scopes: readonly ScopeType[];
  within: Reach;
}

/**
 * SPEC §4: "township office | village liaison, visitor (township or village scope), grid leader, villager, helper — in its
 * township; never discipline" · "discipline office | discipline (in its township)" · "village liaison | grid leader and
 * villager in its village; visitor with village scope in its village" · "grid leader | villager in its grid". SPEC §7b adds
 * the police station officer and the department inspector, granted by the township office like every township role.
 * Nobody grants office or discipline otherwise: those accounts come from the documented bootstrap script.
 */
export const GRANT_POLICY: readonly GrantPolicyRow[] = [
  { granter: 'office', role: 'liaison', scopes: ['village'], within: 'township' },
  { granter: 'office', role: 'visitor', scopes: ['township', 'village'], within: 'township' },
  { granter: 'office', role: 'gridLeader', scopes: ['grid'], within: 'township' },
  { granter: 'office', role: 'villager', scopes: ['household'], within: 'township' },
  { granter: 'office', role: 'helper', scopes: ['township'], within: 'township' },
  { granter: 'discipline', role: 'discipline', scopes: ['township'], within: 'township' },
  { granter: 'liaison', role: 'gridLeader', scopes: ['grid'], within: 'village' },
  { granter: 'liaison', role: 'villager', scopes: ['household'], within: 'village' },
  { granter: 'liaison', role: 'visitor', scopes: ['village'], within: 'village' },
  { granter: 'gridLeader', role: 'villager', scopes: ['household'], within: 'grid' },
  // SPEC §7b: the inspectors of places — the police station's officers and a department's inspectors, named by the office
  { granter: 'office', role: 'police', scopes: ['township'], within: 'township' },
  { granter: 'office', role: 'deptInspector', scopes: ['department'], within: 'township' },
];

export type Decision = { allowed: true } | { allowed: false; reason: string };

const ALLOWED: Decision = { allowed: true };
const refuse = (reason: string): Decision => ({ allowed: false, reason });

function rowReaches(row: GrantPolicyRow, own: RoleGrant, target: PlacedGrant): boolean {
  if (own.role !== row.granter || own.townshipId !== target.townshipId) return false;
  if (target.role !== row.role || !row.scopes.includes(target.scopeType)) return false;
  if (row.within === 'township') return true;
  if (row.within === 'village') return target.villageId !== null && target.villageId === own.scopeId;
  return target.gridId !== null && target.gridId === own.scopeId;
}

function label(target: Pick<RoleGrant, 'role' | 'scopeType'>): string {
  if (target.role === 'visitor') return target.scopeType === 'village' ? '本村走访人' : '全镇走访人';
  return ROLE_LABELS[target.role];
}

/** "Who may grant what": some row of the table, held by the granter in the target's township, reaches the target grant. */
export function mayGrant(granter: Granter, target: PlacedGrant): boolean {
  if (granter.townshipId !== target.townshipId) return false;
  return GRANT_POLICY.some((row) => granter.grants.some((own) => rowReaches(row, own, target)));
}

/** "Nobody grants or revokes a role of their own, directly …" */
function notSelf(granter: Granter, personId: string | null): Decision {
  return personId !== null && personId === granter.personId ? refuse('不能授予或撤销自己的角色，请由其他有权限的人员操作') : ALLOWED;
}

/** Granting one role to a person (or to a new person, personId null). */
export function decideGrant(granter: Granter, personId: string | null, target: PlacedGrant): Decision {
  const self = notSelf(granter, personId);
  if (!self.allowed) return self;
  return mayGrant(granter, target) ? ALLOWED : refuse(`您无权授予“${label(target)}”角色`);
}

/** What a visitor's work consists of: its visitor grants and the villages of the households it currently holds. */
export interface VisitorWork {
  visitorGrants: readonly PlacedGrant[];
  assignedVillageIds: readonly string[];
}

/**
 * Revoking one role of a person. "A liaison … ends assignments only in its village": revoking a visitor ends its ranges,
 * so the granter must reach every visitor grant and every village the person currently visits in.
 */
export function decideRevoke(granter: Granter, personId: string, target: PlacedGrant, work: VisitorWork): Decision {
  const self = notSelf(granter, personId);
  if (!self.allowed) return self;
  if (!mayGrant(granter, target)) return refuse(`您无权撤销“${label(target)}”角色`);
  if (target.role !== 'visitor') return ALLOWED;
  const whole =
    work.visitorGrants.every((g) => mayGrant(granter, g)) &&
    work.assignedVillageIds.every((v) => mayManageAssignments(granter, target.townshipId, v));
  return whole ? ALLOWED : refuse('该走访人的角色或走访范围不全在您管理的村内，请由镇办公室撤销');
}

/**
 * Issuing an invitation. "An invitation that names an existing person may be issued only by someone allowed to grant every
 * role that person already holds" — accepting it binds a new phone to all of them.
 */
export function decideInvite(
  granter: Granter,
  target: PlacedGrant,
  named: { personId: string; grants: readonly PlacedGrant[] } | null,
): Decision {
  const own = decideGrant(granter, named?.personId ?? null, target);
  if (!own.allowed) return own;
  if (named && !named.grants.every((g) => mayGrant(granter, g))) return refuse('该人员已有您无权授予的角色，不能由您邀请绑定');
  return ALLOWED;
}

/**
 * Accepting an invitation: "… or by accepting an invitation they issued". The issuer's right is checked again as it stands
 * now (it may have lost a role, the named person may have gained one since the invitation was issued).
 */
export function decideAccept(
  issuer: Granter | null,
  acceptorPersonId: string | null,
  target: PlacedGrant,
  named: { personId: string; grants: readonly PlacedGrant[] } | null,
): Decision {
  if (!issuer) return refuse('邀请人已不在岗，该邀请不再有效，请联系其他有权限的人员');
  if (acceptorPersonId !== null && acceptorPersonId === issuer.personId) return refuse('不能接受自己发出的邀请');
  const decided = decideInvite(issuer, target, named);
  return decided.allowed ? ALLOWED : refuse('邀请人已无权授予该角色，该邀请不再有效，请联系其他有权限的人员');
}

/** Assignments in a village are changed (assigned, reassigned, ended) by whoever may grant a village visitor there. */
export function mayManageAssignments(granter: Granter, townshipId: string, villageId: string): boolean {
  return mayGrant(granter, { role: 'visitor', scopeType: 'village', scopeId: villageId, townshipId, villageId, gridId: null });
}

export function decideAssignmentChange(granter: Granter, townshipId: string, villageId: string): Decision {
  return mayManageAssignments(granter, townshipId, villageId) ? ALLOWED : refuse('您只能调整本村的走访分工');
}

/** A visitor may hold households only where its grant reaches: a township visitor anywhere, a village visitor in its village. */
export function visitorCovers(visitorGrants: readonly RoleGrant[], villageId: string): boolean {
  return visitorGrants.some((g) => g.role === 'visitor' && (g.scopeType === 'township' || g.scopeId === villageId));
}

/** Every role in the table, for the README's "Security" section and its sync test. */
export function policyLines(): string[] {
  const reach: Record<Reach, string> = { township: '本镇', village: '本村', grid: '本网格' };
  const scope: Record<ScopeType, string> = {
    township: '全镇范围',
    village: '村范围',
    grid: '网格',
    household: '农户',
    department: '所在部门',
  };
  return GRANT_POLICY.map(
    (r) => `| ${ROLE_LABELS[r.granter]} | ${ROLE_LABELS[r.role]} | ${r.scopes.map((s) => scope[s]).join('、')} | ${reach[r.within]} |`,
  );
}
