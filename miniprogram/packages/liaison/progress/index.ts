// The village's progress: this period (escalation.dashboard, loaded on open) and this week (grid.villageWeek, on its tab).
import type { PeriodProgress, WeekProgress } from '../services/progress';
import { periodProgress, weekProgress } from '../services/progress';
import { failureText } from '../../../services/feedback';
import { largeTextBehavior } from '../../../behaviors/largeText';

type Tab = 'period' | 'week';

Component({
  behaviors: [largeTextBehavior],
  data: {
    tab: 'period' as Tab,
    state: 'loading' as 'loading' | 'error' | 'ready',
    errorText: '',
    villageId: '',
    period: null as PeriodProgress | null,
    week: null as WeekProgress | null,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ villageId: query.villageId ?? '' });
      this.load('period');
    },

    async load(tab: Tab) {
      this.setData({ tab, state: 'loading', errorText: '' });
      const res = tab === 'period' ? await periodProgress() : await weekProgress(this.data.villageId || undefined);
      if (this.data.tab !== tab) return;
      if (!res.ok) {
        this.setData({ state: 'error', errorText: failureText(res) });
        return;
      }
      this.setData({ state: 'ready', [tab]: res.data });
    },

    onTab(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { tab: Tab }>) {
      const tab = e.currentTarget.dataset.tab;
      if (tab === this.data.tab) return;
      if (this.data[tab]) this.setData({ tab, state: 'ready', errorText: '' });
      else this.load(tab);
    },

    onRetry() {
      this.load(this.data.tab);
    },
  },
});
