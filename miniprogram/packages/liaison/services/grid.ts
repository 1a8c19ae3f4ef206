// One micro-grid: its households with their current visitor, and the liaison's changes (add, move, assign, reassign).
import type { AssignResult, GridView, HouseholdChange, HouseholdListItem, MoveHouseholdResult, Page, PersonView, ReassignResult } from '../../../../typings/org';
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
  const res = await callCloud<Page<HouseholdListItem>>('org', 'listHouseholds', { gridId, page, pageSize: PAGE_SIZE });
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
  return callCloud<HouseholdChange>('org', 'addHousehold', { gridId, address: address.trim(), headName: headName.trim() });
}

export function moveHousehold(householdId: string, toGridId: string): Promise<Result<MoveHouseholdResult>> {
  return callCloud<MoveHouseholdResult>('org', 'moveHousehold', { householdId, toGridId });
}

/** the other grids of the village, as move targets, with their fill */
export async function otherGrids(villageId: string, gridId: string): Promise<Result<Option[]>> {
  const res = await callCloud<GridView[]>('org', 'listGrids', { villageId });
  if (!res.ok) return res;
  return { ok: true, data: res.data.filter((g) => g.id !== gridId).map((g) => ({ id: g.id, name: `${g.name}（${g.householdCount}/15户）` })) };
}

export async function visitorOptions(): Promise<Result<Option[]>> {
  const res = await callCloud<Page<PersonView>>('org', 'listPersons', { role: 'visitor', pageSize: PAGE_SIZE });
  if (!res.ok) return res;
  return { ok: true, data: res.data.items.filter((p) => p.active).map((p) => ({ id: p.id, name: p.name })) };
}

export function assignVisitor(householdId: string, visitorPersonId: string): Promise<Result<AssignResult>> {
  return callCloud<AssignResult>('org', 'assignHouseholds', { visitorPersonId, householdIds: [householdId] });
}

export function reassignVisitor(householdId: string, fromVisitorPersonId: string, toVisitorPersonId: string, reason: string): Promise<Result<ReassignResult>> {
  return callCloud<ReassignResult>('org', 'reassignHouseholds', { householdIds: [householdId], fromVisitorPersonId, toVisitorPersonId, reason: reason.trim() });
}
