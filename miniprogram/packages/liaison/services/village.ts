// A village's micro-grids with their household counts against the cap of 15 ("每村按5-10户（最多不超过15户）设立一个微网格").
import type { Result } from '../../../../typings/result';
import { callCloud } from '../../../services/callCloud';

export const GRID_CAP = 15;
export const GRID_MIN = 5;

export interface GridCard {
  id: string;
  villageId: string;
  name: string;
  leader: string;
  count: number;
  /** "14/15" */
  fill: string;
  full: boolean;
  /** one line under the count: full, nearly full, too small, or nothing */
  hint: string;
}

export function capHint(count: number): string {
  if (count >= GRID_CAP) return `已满${GRID_CAP}户，不能再添加农户；请新建微网格或把农户迁到其他网格`;
  if (count === GRID_CAP - 1) return '还能添加1户';
  if (count < GRID_MIN) return `不足${GRID_MIN}户，建议补足或与相邻网格合并`;
  return '';
}

export function gridCard(g: { id: string; villageId: string; name: string; householdCount: number; leaderName?: string | null }): GridCard {
  return {
    id: g.id,
    villageId: g.villageId,
    name: g.name,
    leader: g.leaderName ?? '暂无网格长',
    count: g.householdCount,
    fill: `${g.householdCount}/${GRID_CAP}`,
    full: g.householdCount >= GRID_CAP,
    hint: capHint(g.householdCount),
  };
}

export async function villageGrids(villageId?: string): Promise<Result<{ villageId: string; villageName: string; grids: GridCard[] }>> {
  const res = await callCloud('org', 'listGrids', villageId ? { villageId } : {});
  if (!res.ok) return res;
  const first = res.data[0];
  if (first || villageId)
    return {
      ok: true,
      data: { villageId: villageId ?? first.villageId, villageName: first?.villageName ?? '', grids: res.data.map(gridCard) },
    };
  // no grid yet (a new village) or not a cadre at all: the liaison's own village comes from the dashboard, which refuses non-cadres
  const own = await callCloud('escalation', 'dashboard');
  if (!own.ok) return own;
  const v = own.data.villages[0];
  return { ok: true, data: { villageId: v?.villageId ?? '', villageName: v?.villageName ?? '', grids: [] } };
}

export async function createGrid(villageId: string, name: string): Promise<Result<GridCard>> {
  const res = await callCloud('org', 'createGrid', { villageId, name: name.trim() });
  if (!res.ok) return res;
  return { ok: true, data: gridCard(res.data) };
}
