// 场所检查督查 (the township office): every plan with its coverage, the places overdue for inspection, the referrals
// not answered by their deadline and the hazards past theirs — one call.
import type { DueRow, HazardRow, PlanLine, ReferralRow } from '../services/places';
import { dueRow, hazardRow, overdueOverview, planLine, referralRow } from '../services/places';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { loadStateBehavior, mapOk } from '../../../behaviors/loadState';

Component({
  behaviors: [largeTextBehavior, loadStateBehavior],
  data: {
    plans: [] as PlanLine[],
    inspections: [] as DueRow[],
    inspectionsTotal: 0,
    referrals: [] as ReferralRow[],
    hazards: [] as HazardRow[],
  },

  methods: {
    async fetchView() {
      return mapOk(await overdueOverview(), (d) => ({
        plans: d.plans.map(planLine),
        inspections: d.inspections.map(dueRow),
        inspectionsTotal: d.inspectionsTotal,
        referrals: d.referrals.map(referralRow),
        hazards: d.hazards.map((h) => hazardRow(h, false)),
      }));
    },

    onGo(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { url: string }>) {
      wx.navigateTo({ url: e.currentTarget.dataset.url });
    },
  },
});
