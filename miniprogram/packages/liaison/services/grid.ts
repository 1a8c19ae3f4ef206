// One micro-grid: its households with their current visitor, and the liaison's changes (add, move, assign, reassign).
import type { AssignResult, HouseholdChange, MoveHouseholdResult, ReassignResult } from '../../../../typings/org';
import type { Result } from '../../../../typings/result';
import { callCloud } from '../../../services/callCloud';
import { PAGE_SIZE } from '../../../config/paging';

export interface HouseholdRow {
  id: string;
  address: string;
  headName: string;
  /** current visitor's person id ('' = none) and name */
  visitorId: string;
  visitor: string;
  priority: boolean;
}

export interface Option {
  id: string;
  name: string;
}

export interface GridPage {
  rows: HouseholdRow[];
  total: number;
}

/** households of the grid (one page), each with its current visitor: one call */
export async function gridHouseholds(gridId: string, page: number): Promise<Result<GridPage>> {
  const res = await callCloud('org', 'listHouseholds', { gridId, page, pageSize: PAGE_SIZE });
  if (!res.ok) return res;
  const rows = res.data.items.map((h) => {
    const v = h.vulnerability;
    return {
      id: h.id,
      address: h.address,
      headName: h.headName,
      visitorId: h.visitor?.personId ?? '',
      visitor: h.visitor?.name ?? '',
      priority: v.elderlyAlone || v.leftBehindChildren || v.leftBehindWomen || v.mentalDisorder || v.disability,
    };
  });
  return { ok: true, data: { rows, total: res.data.total } };
}

export function addHousehold(gridId: string, address: string, headName: string): Promise<Result<HouseholdChange>> {
  return callCloud('org', 'addHousehold', { gridId, address: address.trim(), headName: headName.trim() });
}

export function moveHousehold(householdId: string, toGridId: string): Promise<Result<MoveHouseholdResult>> {
  return callCloud('org', 'moveHousehold', { householdId, toGridId });
}

/** the other grids of the village, as move targets, with their fill */
export async function otherGrids(villageId: string, gridId: string): Promise<Result<Option[]>> {
  const res = await callCloud('org', 'listGrids', { villageId });
  if (!res.ok) return res;
  return {
    ok: true,
    data: res.data.filter((g) => g.id !== gridId).map((g) => ({ id: g.id, name: `${g.name}（${g.householdCount}/15户）` })),
  };
}

/** every visitor the liaison may pick, read 20 a page (a township may have more than one page of visitors) */
export async function visitorOptions(): Promise<Result<Option[]>> {
  const options: Option[] = [];
  for (let page = 1; page <= 50; page++) {
    const res = await callCloud('org', 'listPersons', { role: 'visitor', page, pageSize: PAGE_SIZE });
    if (!res.ok) return res;
    options.push(...res.data.items.filter((p) => p.active).map((p) => ({ id: p.id, name: p.name })));
    if (page * PAGE_SIZE >= res.data.total || res.data.items.length === 0) break;
  }
  return { ok: true, data: options };
}

export function assignVisitor(householdId: string, visitorPersonId: string): Promise<Result<AssignResult>> {
  return callCloud('org', 'assignHouseholds', { visitorPersonId, householdIds: [householdId] });
}

export function reassignVisitor(
  householdId: string,
  fromVisitorPersonId: string,
  toVisitorPersonId: string,
  reason: string,
): Promise<Result<ReassignResult>> {
  return callCloud('org', 'reassignHouseholds', {
    householdIds: [householdId],
    fromVisitorPersonId,
    toVisitorPersonId,
    reason: reason.trim(),
  });
}
