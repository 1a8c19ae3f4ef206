// Township dashboard: one escalation.dashboard call, one card per village (≤ 20 a page, paged on the phone).
import type { DashboardView, VillageCard } from '../services/dashboard';
import { loadDashboard } from '../services/dashboard';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { pagedListBehavior } from '../../../behaviors/pagedList';
import { PAGE_SIZE } from '../../../config/paging';

/** the office's other pages, reached from its dashboard (the home tile opens the dashboard) */
const LINKS = [
  { key: 'notices', label: '全镇通报', path: '/packages/office/notices/index' },
  { key: 'exemptions', label: '豁免与调整分工', path: '/packages/office/exemptions/index' },
  { key: 'campaign', label: '行动设置', path: '/packages/office/campaign/index' },
  { key: 'unproven', label: '无证明走访', path: '/packages/office/unproven/index' },
  { key: 'objections', label: '申辩裁定', path: '/packages/office/objections/index' },
  { key: 'due', label: '报表截止与报送', path: '/packages/office/due/index' },
  { key: 'whistle', label: '吹哨人举报', path: '/packages/office/whistle/index' },
];
/** one call answers every village; the pages after the first are cut from it on the phone */
let loaded: DashboardView | null = null;

Component({
  behaviors: [largeTextBehavior, pagedListBehavior],
  data: {
    period: '',
    weekKey: '',
    cards: [] as VillageCard[],
    proof: [] as DashboardView['proof'],
    links: LINKS,
  },

  methods: {
    onLoad() {
      loaded = null;
      this.load(1);
    },

    async fetchPage(page: number) {
      if (!loaded) {
        const res = await loadDashboard();
        if (!res.ok) return res;
        loaded = res.data;
      }
      const { period, weekKey, cards, proof } = loaded;
      return {
        ok: true as const,
        data: { period, weekKey, proof, total: cards.length, cards: cards.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE) },
      };
    },

    onNav(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { path: string }>) {
      wx.navigateTo({ url: e.currentTarget.dataset.path });
    },
  },
});
