// escalation.dashboard → one small card per village (the office sees all villages, a liaison its own).
import type { Result } from '../../../../typings/result';
import type { VillageRow } from '../../../../typings/dashboard';
import { callCloud } from '../../../services/callCloud';
import { pctText } from '../../../ui/cstFormat';

export type DashboardRow = VillageRow;

export interface VillageCard {
  id: string;
  name: string;
  households: number;
  grids: number;
  visitors: number;
  completion: string;
  done: string;
  overdueVisitors: number;
  weeklyContact: string;
  hazardsFound: number;
  hazardsRectified: number;
  hazardsOpen: number;
  hazardsOverdue: number;
}

export interface DashboardView {
  period: string;
  weekKey: string;
  cards: VillageCard[];
  /** each visitor's share of visits without proof of presence this period, most unproven first (at most 20) */
  proof: { key: string; text: string; warn: boolean }[];
}

export function villageCard(r: DashboardRow): VillageCard {
  return {
    id: r.villageId,
    name: r.villageName,
    households: r.households,
    grids: r.grids,
    visitors: r.visitors,
    completion: pctText(r.completionPct),
    done: `${r.householdsDone}/${r.householdsHeld} 户`,
    overdueVisitors: r.overdueVisitors,
    weeklyContact: pctText(r.weeklyContactPct),
    hazardsFound: r.hazards.found,
    hazardsRectified: r.hazards.rectified,
    hazardsOpen: r.hazards.open,
    hazardsOverdue: r.hazards.overdue,
  };
}

export async function loadDashboard(): Promise<Result<DashboardView>> {
  const res = await callCloud('escalation', 'dashboard');
  if (!res.ok) return res;
  const d = res.data;
  const period = d.campaignName ? `${d.campaignName} · ${d.periodLabel ?? '当前不在行动时段内'}` : '当前没有进行中的走访行动';
  const proof = (d.visitorProof ?? []).slice(0, 20).map((r) => ({
    key: r.visitorPersonId,
    text: `${r.visitorName}：本期走访 ${r.visits} 次，无到场凭证 ${r.unproven} 次（${r.unprovenPct}%）`,
    warn: r.unprovenPct >= 50,
  }));
  return { ok: true, data: { period, weekKey: d.weekKey, cards: d.villages.map(villageCard), proof } };
}
