// The village's progress: this period (its escalation.dashboard row) and this week (grid.villageWeek).
import type { Result } from '../../../../typings/result';
import { callCloud } from '../../../services/callCloud';

export interface PeriodProgress {
  period: string;
  villages: { id: string; name: string; lines: string[] }[];
}

export interface WeekProgress {
  week: string;
  villageName: string;
  grids: { id: string; name: string; line: string; complete: boolean }[];
  incomplete: number;
}

const pct = (p: number | null) => (p === null ? '—' : `${p}%`);

export async function periodProgress(): Promise<Result<PeriodProgress>> {
  const res = await callCloud('escalation', 'dashboard');
  if (!res.ok) return res;
  const d = res.data;
  return {
    ok: true,
    data: {
      period: d.campaignName ? `${d.campaignName} · ${d.periodLabel ?? '当前不在行动时段内'}` : '当前没有进行中的走访行动',
      villages: d.villages.map((r) => ({
        id: r.villageId,
        name: r.villageName,
        lines: [
          `本期完成率 ${pct(r.completionPct)}（${r.householdsDone}/${r.householdsHeld} 户达标）`,
          `${r.households} 户 · ${r.grids} 个微网格 · ${r.visitors} 名走访人`,
          `逾期走访人 ${r.overdueVisitors} 名 · 本周联络率 ${pct(r.weeklyContactPct)}`,
          `隐患：发现 ${r.hazards.found} · 已整改 ${r.hazards.rectified} · 未整改 ${r.hazards.open} · 逾期 ${r.hazards.overdue}`,
        ],
      })),
    },
  };
}

export async function weekProgress(villageId?: string): Promise<Result<WeekProgress>> {
  const res = await callCloud('grid', 'villageWeek', villageId ? { villageId } : {});
  if (!res.ok) return res;
  const w = res.data;
  return {
    ok: true,
    data: {
      week: w.week.label,
      villageName: w.village.name,
      incomplete: w.incomplete.length,
      grids: w.grids.map((g) => ({
        id: g.gridId,
        name: g.gridName,
        complete: g.complete,
        line: `已联络 ${g.contacted}/${g.total} 户（${g.contactRate}%）· ${g.reportFiled ? '已报风险' : '未报风险'} · 网格长 ${g.leaderName ?? '暂无'}`,
      })),
    },
  };
}
