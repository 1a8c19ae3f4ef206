// Records shaped into what the pages render: ISO times, readable scopes, phones masked unless the caller needs them.
import type {
  AssignmentView,
  GridSizeView,
  HouseholdListItem,
  HouseholdView,
  HouseholdVisitor,
  InviteView,
  RoleView,
} from '../../../typings/org';
import type { RoleGrant } from '../../../typings/roles';
import { ROLE_LABELS } from '../roles';
import { maskPhone, maskWechatId } from './phoneMask';
import { INVITE_PAGE, inviteScene } from './inviteCode';
import type { AssignmentRecord, GridRecord, HouseholdRecord, InviteRecord } from './records';
import { isCurrent } from './assignmentInterval';

const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

export const NO_FLAGS = {
  elderlyAlone: false,
  leftBehindChildren: false,
  leftBehindWomen: false,
  mentalDisorder: false,
  disability: false,
};

export function householdView(h: HouseholdRecord, showPhones: boolean): HouseholdView {
  return {
    id: h._id,
    townshipId: h.townshipId,
    villageId: h.villageId,
    gridId: h.gridId,
    address: h.address,
    headName: h.headName,
    members: (h.members ?? []).map((m) => ({
      ...m,
      ...(m.phone ? { phone: showPhones ? m.phone : maskPhone(m.phone)! } : {}),
      ...(m.wechatId ? { wechatId: showPhones ? m.wechatId : maskWechatId(m.wechatId)! } : {}),
    })),
    location: h.location ?? null,
    vulnerability: { ...NO_FLAGS, ...h.vulnerability },
    active: h.active,
    movedOutAt: iso(h.movedOutAt),
    note: h.note ?? '',
  };
}

/**
 * Each household's current visitor from a batch of assignments: the holder of the household's current assignment; should
 * two overlap, the one that began last (as the assignment list orders them). Households without one are absent.
 */
export function currentVisitors(
  assignments: readonly AssignmentRecord[],
  names: ReadonlyMap<string, string>,
  now: Date,
): Map<string, HouseholdVisitor> {
  const latest = new Map<string, AssignmentRecord>();
  for (const a of assignments) {
    if (!isCurrent(a, now)) continue;
    const held = latest.get(a.householdId);
    const later =
      !held ||
      new Date(a.validFrom).getTime() > new Date(held.validFrom).getTime() ||
      (new Date(a.validFrom).getTime() === new Date(held.validFrom).getTime() && a._id > held._id);
    if (later) latest.set(a.householdId, a);
  }
  return new Map(
    [...latest].map(([householdId, a]) => [householdId, { personId: a.visitorPersonId, name: names.get(a.visitorPersonId) ?? '' }]),
  );
}

export function householdListItem(h: HouseholdRecord, showPhones: boolean, visitor: HouseholdVisitor | null): HouseholdListItem {
  return { ...householdView(h, showPhones), visitor };
}

export function gridSizeView(g: Pick<GridRecord, '_id' | 'name' | 'householdCount'>): GridSizeView {
  return { id: g._id, name: g.name, householdCount: g.householdCount };
}

export function roleView(grant: RoleGrant, scopeName: string): RoleView {
  return { role: grant.role, label: ROLE_LABELS[grant.role], scopeType: grant.scopeType, scopeId: grant.scopeId, scopeName };
}

export function inviteView(i: InviteRecord, scopeName: string): InviteView {
  return {
    code: i._id,
    role: i.role,
    scopeType: i.scopeType,
    scopeId: i.scopeId,
    scopeName,
    personId: i.personId,
    name: i.name,
    status: i.status,
    expiresAt: iso(i.expiresAt)!,
    qrFileId: i.qrFileId,
    scene: inviteScene(i._id),
    page: INVITE_PAGE,
  };
}

export function assignmentView(a: AssignmentRecord, visitorName: string, householdAddress: string): AssignmentView {
  return {
    id: a._id,
    visitorPersonId: a.visitorPersonId,
    visitorName,
    householdId: a.householdId,
    householdAddress,
    villageId: a.villageId,
    gridId: a.gridId,
    validFrom: iso(a.validFrom)!,
    validTo: iso(a.validTo),
    reason: a.reason,
  };
}
