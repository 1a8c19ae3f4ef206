// My households by urgency (SPEC §3): this period's counted/needed, the next day a visit can count, what is overdue.
import type { HouseholdDutyView } from '../../../../typings/visit';
import { failureText, showDone, showFailure } from '../../../services/feedback';
import { flush, pending } from '../../../services/outbox';
import { myHouseholds, PAGE_SIZE } from '../services/visits';
import { largeTextBehavior } from '../../../behaviors/largeText';

type State = 'loading' | 'error' | 'ready';

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
  behaviors: [largeTextBehavior],
  data: {
    state: 'loading' as State,
    errorText: '',
    period: '',
    rows: [] as Row[],
    page: 1,
    pages: 1,
    total: 0,
    pendingCount: 0,
  },

  methods: {
    onLoad() {
      this.load(1);
    },

    onShow() {
      this.setData({ pendingCount: pending().filter((i) => i.action === 'recordVisit').length });
    },

    async load(page: number) {
      this.setData({ state: 'loading', errorText: '' });
      const res = await myHouseholds(page);
      if (!res.ok) {
        this.setData({ state: 'error', errorText: failureText(res) });
        return;
      }
      const v = res.data;
      this.setData({
        state: 'ready',
        period: v.period ? `${v.campaign?.name ?? ''} · ${v.period.label}（${v.period.startDay} 至 ${v.period.endDay}，每户 ${v.period.quota} 次）` : '当前没有进行中的走访周期',
        rows: v.items.map((h) => householdRow(h, v.today)),
        page: v.page,
        pages: Math.max(1, Math.ceil(v.total / PAGE_SIZE)),
        total: v.total,
      });
    },

    onRetry() {
      this.load(this.data.page);
    },

    onPrev() {
      if (this.data.page > 1) this.load(this.data.page - 1);
    },

    onNext() {
      if (this.data.page < this.data.pages) this.load(this.data.page + 1);
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
