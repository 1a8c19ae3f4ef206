// The discipline office's list (SPEC §4): open interview cases, the overdue visitors (open notice cases), notice drafts
// the township office left unpublished past their due time (so none can be buried), and objections to rule on.
import type { CaseLevel, CaseView } from '../services/caseTypes';
import { STATUS_LABELS } from '../services/caseTypes';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { okView } from '../../../behaviors/loadState';
import { pagedListBehavior } from '../../../behaviors/pagedList';
import { cstTime } from '../../../ui/cstFormat';
import { listCases } from '../services/cases';

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
    when: c.interview
      ? `约谈 ${cstTime(c.interview.scheduledAt)} · ${c.interview.place}`
      : c.level === 'notice'
        ? `补齐期限 ${cstTime(c.remedyDeadline)}`
        : '尚未安排约谈',
    objection: c.objection?.status === 'pending' ? '走访人已申辩，待裁定' : '',
  };
}

Component({
  behaviors: [largeTextBehavior, pagedListBehavior],
  data: {
    level: 'interview' as CaseLevel,
    rows: [] as Row[],
    overdueDrafts: [] as { key: string; text: string }[],
  },

  methods: {
    onShow() {
      // back from a case: its status may have changed
      if (this.data.state === 'ready') this.load(this.data.page);
    },

    async fetchPage(page: number) {
      const res = await listCases(this.data.level, page);
      if (!res.ok) return res;
      const overdueDrafts = res.data.overdueDrafts.map((d) => ({
        key: d.noticeId,
        text: `${d.periodLabel}通报草稿（${d.lines}人）应于 ${cstTime(new Date(new Date(d.publishDueAt).getTime() - 60_000).toISOString())} 前发布，镇办公室至今未发布${d.workingDays ? '' : '（该年度工作日安排未确认，按自然日计）'}`,
      }));
      return okView({ rows: res.data.items.map(row), overdueDrafts, total: res.data.total });
    },

    onTab(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { level: CaseLevel }>) {
      const level = e.currentTarget.dataset.level;
      if (level === this.data.level) return;
      this.setData({ level });
      this.load(1);
    },

    onObjections() {
      wx.navigateTo({ url: '/packages/office/objections/index' });
    },

    onOpen(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      wx.navigateTo({ url: `/packages/discipline/case/index?id=${encodeURIComponent(e.currentTarget.dataset.id)}` });
    },
  },
});
