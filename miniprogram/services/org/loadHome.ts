// org.me → the home page's view model: who I am and one tile per role I hold.
import type { HomeCard, RoleView } from '../../../typings/org';
import type { Result } from '../../../typings/result';
import { ROLE_AREAS, ROLE_ORDER } from '../../config/roles';
import { cstShort } from '../../ui/cstFormat';
import { callCloud } from '../callCloud';

export interface RoleTile {
  key: string;
  role: string;
  label: string;
  scope: string;
  summary: string;
  /** entry page of the role's area; empty while that area is not built yet */
  path: string;
}

/** A visit to my household awaiting my confirmation: 走访人 向建军 12月2日 10:00 来过您家 */
export interface PendingVisitRow {
  id: string;
  text: string;
}

export type HomeView =
  /** openid: shown as 我的标识 (behind 我是工作人员) so the township's IT contact can bootstrap or look up this phone */
  { bound: false; openid: string } | { bound: true; name: string; township: string; tiles: RoleTile[]; pendingVisits: PendingVisitRow[] };

export async function loadHome(): Promise<Result<HomeView>> {
  const res = await callCloud('org', 'me');
  if (!res.ok) return res;
  const me = res.data;
  if (!me.bound) return { ok: true, data: { bound: false, openid: me.openid ?? '' } };
  return {
    ok: true,
    data: {
      bound: true,
      name: me.person.name,
      township: me.township.name,
      tiles: roleTiles(me.roles, me.home),
      pendingVisits: pendingVisits(me.home),
    },
  };
}

function pendingVisits(cards: HomeCard[]): PendingVisitRow[] {
  return cards.flatMap((c) =>
    c.role === 'villager' && c.household
      ? c.household.pendingVisits.map((v) => ({
          id: v.id,
          text: `走访人${v.visitorName}于${cstShort(v.at)}到${c.household!.address}走访`,
        }))
      : [],
  );
}

function roleTiles(roles: RoleView[], cards: HomeCard[]): RoleTile[] {
  const seen: Record<string, number> = {};
  const tiles = roles.map((r) => {
    const nth = (seen[r.role] = (seen[r.role] ?? -1) + 1);
    const card = cards.filter((c) => c.role === r.role)[nth];
    const area = ROLE_AREAS[r.role];
    return {
      key: `${r.role}:${r.scopeId}`,
      role: r.role,
      label: r.label || area.label,
      scope: r.scopeName,
      summary: card ? cardSummary(card) : area.duty,
      path: area.path,
    };
  });
  return tiles.sort((a, b) => ROLE_ORDER.indexOf(a.role as never) - ROLE_ORDER.indexOf(b.role as never));
}

/** One short line per card, so the tiles stay small in setData and on screen. */
export function cardSummary(card: HomeCard): string {
  switch (card.role) {
    case 'villager':
      return card.household ? `${card.household.address} · 网格长 ${card.household.leaderName ?? '暂缺'}` : '尚未关联住户，请联系村联络员';
    case 'gridLeader':
      return `${card.grid.villageName} ${card.grid.name} · ${card.grid.householdCount} 户`;
    case 'visitor':
      return `负责 ${card.assignedHouseholds} 户` + (card.villages.length ? ` · ${card.villages.map((v) => v.name).join('、')}` : '');
    case 'liaison':
      return (
        `${card.grids} 个网格 · ${card.households} 户` + (card.unassignedHouseholds ? ` · ${card.unassignedHouseholds} 户未分配走访人` : '')
      );
    case 'office':
      return `${card.villages} 个村 · ${card.grids} 个网格 · ${card.households} 户 · ${card.visitors} 名走访人`;
    case 'discipline':
    case 'helper':
    case 'police':
    case 'deptInspector':
      return card.township.name;
  }
}
