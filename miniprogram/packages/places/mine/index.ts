// 我的检查计划: the plans I inspect under with their coverage, and the places due by urgency (overdue first); a tap
// opens the inspection form of that place.
import type { DueRow, PlanLine } from '../services/places';
import { dueRow, myInspections, planLine } from '../services/places';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { pagedListBehavior } from '../../../behaviors/pagedList';
import { mapOk } from '../../../behaviors/loadState';

Component({
  behaviors: [largeTextBehavior, pagedListBehavior],
  data: {
    plans: [] as PlanLine[],
    rows: [] as DueRow[],
  },

  methods: {
    async fetchPage(page: number) {
      return mapOk(await myInspections(page), (d) => ({ plans: d.plans.map(planLine), rows: d.items.map(dueRow), total: d.total }));
    },

    onOpen(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      wx.navigateTo({ url: `/packages/places/inspect/index?placeId=${encodeURIComponent(e.currentTarget.dataset.id)}` });
    },

    onHazards() {
      wx.navigateTo({ url: '/packages/places/hazards/index' });
    },
  },
});
