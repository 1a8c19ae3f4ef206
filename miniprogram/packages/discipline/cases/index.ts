// The discipline office's list (SPEC §4): open interview cases, the overdue visitors (open notice cases), notice drafts
// the township office left unpublished past their due time (so none can be buried), and objections to rule on.
import type { CaseLevel, CaseView } from '../services/caseTypes';
import { STATUS_LABELS } from '../services/caseTypes';
import { failureText } from '../../../services/feedback';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { cstTime } from '../../../ui/cstFormat';
import { listCases, PAGE_SIZE } from '../services/cases';

type State = 'loading' | 'error' | 'ready';

interface Row {
  id: string;
  visitorName: string;
  period: string;
  status: string;
  shortage: string;
  when: string;
  objection: string;
}

function row(c: CaseView): Row {
  const missing = c.shortHouseholds.reduce((n, h) => n + h.missing, 0);
  return {
    id: c._id,
    visitorName: c.visitorName,
    period: c.periodLabel,
    status: STATUS_LABELS[c.status],
    shortage: `${c.shortHouseholds.length} 户未完成，缺 ${missing} 次走访`,
    when: c.interview ? `约谈 ${cstTime(c.interview.scheduledAt)} · ${c.interview.place}` : c.level === 'notice' ? `补齐期限 ${cstTime(c.remedyDeadline)}` : '尚未安排约谈',
    objection: c.objection?.status === 'pending' ? '走访人已申辩，待裁定' : '',
  };
}

Component({
  behaviors: [largeTextBehavior],
  data: {
    level: 'interview' as CaseLevel,
    state: 'loading' as State,
    errorText: '',
    rows: [] as Row[],
    overdueDrafts: [] as { key: string; text: string }[],
    total: 0,
    page: 1,
    pages: 1,
  },

  methods: {
    onLoad() {
      this.load('interview', 1);
    },

    onShow() {
      // back from a case: its status may have changed
      if (this.data.state === 'ready') this.load(this.data.level, this.data.page);
    },

    async load(level: CaseLevel, page: number) {
      this.setData({ level, state: 'loading', errorText: '' });
      const res = await listCases(level, page);
      if (!res.ok) {
        this.setData({ state: 'error', errorText: failureText(res) });
        return;
      }
      const overdueDrafts = res.data.overdueDrafts.map((d) => ({
        key: d.noticeId,
        text: `${d.periodLabel}通报草稿（${d.lines}人）应于 ${cstTime(new Date(new Date(d.publishDueAt).getTime() - 60_000).toISOString())} 前发布，镇办公室至今未发布${d.workingDays ? '' : '（该年度工作日安排未确认，按自然日计）'}`,
      }));
      this.setData({ state: 'ready', rows: res.data.items.map(row), overdueDrafts, total: res.data.total, page, pages: Math.max(1, Math.ceil(res.data.total / PAGE_SIZE)) });
    },

    onTab(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { level: CaseLevel }>) {
      const level = e.currentTarget.dataset.level;
      if (level !== this.data.level) this.load(level, 1);
    },

    onRetry() {
      this.load(this.data.level, this.data.page);
    },

    onPrev() {
      if (this.data.page > 1) this.load(this.data.level, this.data.page - 1);
    },

    onNext() {
      if (this.data.page < this.data.pages) this.load(this.data.level, this.data.page + 1);
    },

    onObjections() {
      wx.navigateTo({ url: '/packages/office/objections/index' });
    },

    onOpen(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      wx.navigateTo({ url: `/packages/discipline/case/index?id=${encodeURIComponent(e.currentTarget.dataset.id)}` });
    },
  },
});
