// My households by urgency (SPEC §3): this period's counted/needed, the next day a visit can count, what is overdue.
import type { HouseholdDutyView } from '../../../../typings/visit';
import { showDone, showFailure } from '../../../services/feedback';
import { flush, pending } from '../../../services/outbox';
import { myHouseholds } from '../services/visits';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { okView } from '../../../behaviors/loadState';
import { pagedListBehavior } from '../../../behaviors/pagedList';

interface Row {
  householdId: string;
  address: string;
  headName: string;
  priority: boolean;
  progress: string;
  next: string;
  overdue: boolean;
  done: boolean;
  hazards: string;
}

/** One short row per household, so a page of 20 stays far below the setData limit. */
export function householdRow(h: HouseholdDutyView, today: string): Row {
  const done = h.needed > 0 && h.counted >= h.needed;
  const overdue = !done && h.needed > 0 && (h.atRisk || (h.mustVisitBy !== null && h.mustVisitBy < today));
  let next = '';
  if (done) next = '本期已完成';
  else if (h.atRisk) next = '本期已无法按要求完成，请尽快走访';
  else if (h.nextCountableDay) next = `最早 ${h.nextCountableDay} 可计数` + (h.mustVisitBy ? `，最迟 ${h.mustVisitBy} 前走访` : '');
  return {
    householdId: h.householdId,
    address: h.address,
    headName: h.headName,
    priority: h.priority,
    progress: h.needed > 0 ? `本期 ${h.counted}/${h.needed} 次` : '当前无走访周期',
    next,
    overdue,
    done,
    hazards: h.hazardsToVerify ? `待复查隐患 ${h.hazardsToVerify} 处` + (h.overdueHazards ? `（${h.overdueHazards} 处逾期）` : '') : '',
  };
}

Component({
  behaviors: [largeTextBehavior, pagedListBehavior],
  data: {
    period: '',
    rows: [] as Row[],
    pendingCount: 0,
  },

  methods: {
    onShow() {
      this.setData({ pendingCount: pending().filter((i) => i.action === 'recordVisit').length });
    },

    async fetchPage(page: number) {
      const res = await myHouseholds(page);
      if (!res.ok) return res;
      const v = res.data;
      return okView({
        period: v.period
          ? `${v.campaign?.name ?? ''} · ${v.period.label}（${v.period.startDay} 至 ${v.period.endDay}，每户 ${v.period.quota} 次）`
          : '当前没有进行中的走访周期',
        rows: v.items.map((h) => householdRow(h, v.today)),
        total: v.total,
      });
    },

    onOpen(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string; address: string }>) {
      const { id, address } = e.currentTarget.dataset;
      wx.navigateTo({ url: `/packages/visitor/visit/index?householdId=${encodeURIComponent(id)}&address=${encodeURIComponent(address)}` });
    },

    onHazards() {
      wx.navigateTo({ url: '/packages/visitor/hazards/index' });
    },

    onCases() {
      wx.navigateTo({ url: '/packages/visitor/cases/index' });
    },

    async onSendPending() {
      const report = await flush();
      this.setData({ pendingCount: pending().filter((i) => i.action === 'recordVisit').length });
      if (report.refused.length) showFailure({ ok: false, code: 'INVALID_INPUT', message: report.refused[0].message });
      else if (report.stillPending) showFailure({ ok: false, code: 'NETWORK', message: '网络不可用，请稍后重试' });
      else if (report.sent) {
        showDone(`已上传 ${report.sent} 条`);
        this.load(this.data.page);
      }
    },
  },
});
