// Township dashboard: one escalation.dashboard call, one card per village (≤ 20 a page, paged on the phone).
import type { VillageCard } from '../services/dashboard';
import { loadDashboard } from '../services/dashboard';
import { failureText } from '../../../services/feedback';
import { largeTextBehavior } from '../../../behaviors/largeText';

const PAGE_SIZE = 20;
/** the office's other pages, reached from its dashboard (the home tile opens the dashboard) */
const LINKS = [
  { key: 'notices', label: '全镇通报', path: '/packages/office/notices/index' },
  { key: 'exemptions', label: '豁免与调整分工', path: '/packages/office/exemptions/index' },
  { key: 'campaign', label: '行动设置', path: '/packages/office/campaign/index' },
  { key: 'unproven', label: '无证明走访', path: '/packages/office/unproven/index' },
  { key: 'objections', label: '申辩裁定', path: '/packages/office/objections/index' },
];
let allCards: VillageCard[] = [];

Component({
  behaviors: [largeTextBehavior],
  data: {
    state: 'loading' as 'loading' | 'error' | 'ready',
    errorText: '',
    period: '',
    weekKey: '',
    cards: [] as VillageCard[],
    page: 1,
    pages: 1,
    links: LINKS,
  },

  methods: {
    onLoad() {
      this.load();
    },

    async load() {
      this.setData({ state: 'loading', errorText: '' });
      const res = await loadDashboard();
      if (!res.ok) {
        this.setData({ state: 'error', errorText: failureText(res) });
        return;
      }
      allCards = res.data.cards;
      this.setData({
        state: 'ready',
        period: res.data.period,
        weekKey: res.data.weekKey,
        page: 1,
        pages: Math.max(1, Math.ceil(allCards.length / PAGE_SIZE)),
        cards: allCards.slice(0, PAGE_SIZE),
      });
    },

    onRetry() {
      this.load();
    },

    onNav(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { path: string }>) {
      wx.navigateTo({ url: e.currentTarget.dataset.path });
    },

    onNextPage() {
      const page = this.data.page + 1;
      this.setData({ page, cards: allCards.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE) });
    },

    onPrevPage() {
      const page = this.data.page - 1;
      this.setData({ page, cards: allCards.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE) });
    },
  },
});
