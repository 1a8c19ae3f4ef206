// Visits recorded without proof of presence (no card QR, no GPS, no villager confirmation), 20 a page.
import type { UnprovenRow } from '../services/unproven';
import { listUnproven, UNPROVEN_PAGE_SIZE } from '../services/unproven';
import { failureText } from '../../../services/feedback';
import { largeTextBehavior } from '../../../behaviors/largeText';

Component({
  behaviors: [largeTextBehavior],
  data: {
    state: 'loading' as 'loading' | 'error' | 'ready',
    errorText: '',
    rows: [] as UnprovenRow[],
    total: 0,
    page: 1,
    hasMore: false,
  },

  methods: {
    onLoad() {
      this.load(1);
    },

    async load(page: number) {
      this.setData({ state: 'loading', errorText: '' });
      const res = await listUnproven(page);
      if (!res.ok) {
        this.setData({ state: 'error', errorText: failureText(res) });
        return;
      }
      this.setData({ state: 'ready', rows: res.data.rows, total: res.data.total, page, hasMore: page * UNPROVEN_PAGE_SIZE < res.data.total });
    },

    onRetry() {
      this.load(this.data.page);
    },

    onNextPage() {
      this.load(this.data.page + 1);
    },

    onPrevPage() {
      this.load(this.data.page - 1);
    },
  },
});
