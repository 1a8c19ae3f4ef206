// The quarterly supervision summary (004 三(三) "每季度开展一次专项督查", SPEC §7b "overdue inspections and referrals are
// listed … in the quarterly supervision report") and the two .xlsx layouts of the `place` exports, as data.
import type { QuarterPlanRow } from '../../../typings/place';
import type { TableLayout } from '../report/layout';
import { FREQUENCY_LABELS, periodsBetween, planCovers, planKey, type InspectionFact, type PlanPeriod } from './coverage';
import type { PlaceRecord, PlanRecord } from './records';

/**
 * For each plan: the inspections it owed in the quarter — each of its places once per period of the quarter that has
 * ended by `today` — and how many of those were made (an inspection by the plan's inspectors inside the period).
 */
export function quarterPlanRows(
  plans: readonly PlanRecord[],
  places: readonly PlaceRecord[],
  facts: readonly InspectionFact[],
  quarter: PlanPeriod,
  today: string,
  inspectorLabel: (plan: PlanRecord) => string,
): QuarterPlanRow[] {
  return plans.map((plan) => {
    const covered = places.filter((p) => planCovers(plan, p));
    const periods = periodsBetween(plan, quarter.startDay, quarter.endDay).filter((p) => p.endDay < today);
    const key = planKey(plan);
    const mine = facts.filter((f) => f.asInspector.includes(key));
    let made = 0;
    for (const period of periods)
      for (const place of covered)
        if (mine.some((f) => f.placeId === place._id && f.day >= period.startDay && f.day <= period.endDay)) made += 1;
    const owed = periods.length * covered.length;
    return {
      planId: plan._id,
      planName: plan.name,
      inspectorLabel: inspectorLabel(plan),
      frequencyLabel: FREQUENCY_LABELS[plan.frequency],
      places: covered.length,
      owed,
      made,
      missed: owed - made,
      coveragePct: owed ? Math.round((made / owed) * 1000) / 10 : 100,
    };
  });
}

/** The place inspection ledger 场所消防安全检查台账: one row per inspection (README "Places": exports). */
export const LEDGER_LAYOUT: TableLayout = {
  sheetName: '检查台账',
  title: '场所消防安全检查台账',
  header: [
    { header: '序号', width: 6 },
    { header: '检查日期', width: 12 },
    { header: '村（社区）', width: 12 },
    { header: '场所名称', width: 24 },
    { header: '场所类型', width: 16 },
    { header: '地址', width: 26 },
    { header: '监管主体', width: 12 },
    { header: '风险等级', width: 10 },
    { header: '列管单位', width: 10 },
    { header: '检查人', width: 10 },
    { header: '检查计划', width: 22 },
    { header: '检查结果', width: 14 },
    { header: '隐患内容及整改期限', width: 40 },
    { header: '整改状态', width: 22 },
    { header: '复查情况', width: 22 },
  ],
};

/** The quarterly supervision summary 季度督查汇总表: one row per plan, the quarter's totals below. */
export const QUARTERLY_LAYOUT: TableLayout = {
  sheetName: '季度督查汇总',
  title: '场所消防安全检查季度督查汇总表',
  header: [
    { header: '序号', width: 6 },
    { header: '检查计划', width: 26 },
    { header: '检查人员', width: 16 },
    { header: '检查频次', width: 12 },
    { header: '场所数', width: 8 },
    {
      group: '本季度检查完成情况',
      columns: [
        { header: '应检次数', width: 10 },
        { header: '已检次数', width: 10 },
        { header: '漏检次数', width: 10 },
        { header: '覆盖率（%）', width: 12 },
      ],
    },
  ],
};
