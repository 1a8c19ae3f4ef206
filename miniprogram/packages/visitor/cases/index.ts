// My notice-and-criticism and interview cases with their status (SPEC §4), and the township notices 通报.
import type { CaseView, NoticeView } from '../../../../typings/escalation';
import { LEVEL_LABELS, STATUS_LABELS } from '../../../config/caseLabels';
import { failureText } from '../../../services/feedback';
import { isLargeText } from '../../../ui/largeText';
import { cstTime } from '../../../ui/cstFormat';
import { myCases, PAGE_SIZE, townshipNotices } from '../services/visits';

type Tab = 'cases' | 'notices';
type State = 'loading' | 'error' | 'ready';

interface CaseRow {
  id: string;
  title: string;
  status: string;
  closed: boolean;
  shortage: string;
  remedy: string;
  interview: string;
  conclusion: string;
}

interface NoticeRow {
  id: string;
  title: string;
  published: string;
  lines: string[];
}

function caseRow(c: CaseView): CaseRow {
  const missing = c.shortHouseholds.reduce((n, h) => n + h.missing, 0);
  return {
    id: c._id,
    title: `${c.periodLabel} · ${LEVEL_LABELS[c.level]}`,
    status: STATUS_LABELS[c.status],
    closed: c.status === 'closed' || c.status === 'remedied' || c.status === 'exempted',
    shortage: `${c.shortHouseholds.length} 户未完成，共缺 ${missing} 次走访`,
    remedy: c.level === 'notice' && c.status === 'open' ? `请在 ${cstTime(c.remedyDeadline)} 前补齐走访` : '',
    interview: c.interview ? `约谈时间 ${cstTime(c.interview.scheduledAt)}，地点 ${c.interview.place}` : '',
    conclusion: c.interview?.conclusion ? `约谈结论：${c.interview.conclusion}` : '',
  };
}

function noticeRow(n: NoticeView): NoticeRow {
  return {
    id: n._id,
    title: n.title,
    published: cstTime(n.publishedAt),
    // a notice lists every criticised visitor of the township; keep a row short
    lines: n.lines.slice(0, 30).map((l) => `${l.visitorName}：${l.shortHouseholds} 户未完成，缺 ${l.missingVisits} 次`),
  };
}

Component({
  data: {
    tab: 'cases' as Tab,
    state: 'loading' as State,
    errorText: '',
    largeText: false,
    cases: [] as CaseRow[],
    notices: [] as NoticeRow[],
    page: 1,
    pages: 1,
    noticesLoaded: false,
  },

  methods: {
    onLoad() {
      this.load('cases', 1);
    },

    onShow() {
      this.setData({ largeText: isLargeText() });
    },

    async load(tab: Tab, page: number) {
      this.setData({ tab, state: 'loading', errorText: '' });
      const res = tab === 'cases' ? await myCases(page) : await townshipNotices(page);
      if (!res.ok) {
        this.setData({ state: 'error', errorText: failureText(res) });
        return;
      }
      const pages = Math.max(1, Math.ceil(res.data.total / PAGE_SIZE));
      if (tab === 'cases') this.setData({ state: 'ready', cases: (res.data.items as CaseView[]).map(caseRow), page, pages });
      else this.setData({ state: 'ready', notices: (res.data.items as NoticeView[]).map(noticeRow), page, pages, noticesLoaded: true });
    },

    onTab(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { tab: Tab }>) {
      const tab = e.currentTarget.dataset.tab;
      if (tab !== this.data.tab) this.load(tab, 1);
    },

    onRetry() {
      this.load(this.data.tab, this.data.page);
    },

    onPrev() {
      if (this.data.page > 1) this.load(this.data.tab, this.data.page - 1);
    },

    onNext() {
      if (this.data.page < this.data.pages) this.load(this.data.tab, this.data.page + 1);
    },
  },
});
