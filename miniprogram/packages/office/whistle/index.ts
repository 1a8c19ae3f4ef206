// 吹哨人举报 (004 "完善火灾隐患'吹哨人'制度"): every whistle-blower report of the township, wherever it was routed, with
// its handler, state and deadline, 20 a page; the open ones on request. Who reported is never shown: it is not stored.
import { whistleReports, type WhistleRow } from '../services/whistle';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { pagedListBehavior } from '../../../behaviors/pagedList';

Component({
  behaviors: [largeTextBehavior, pagedListBehavior],
  data: {
    openOnly: false,
    rows: [] as WhistleRow[],
    open: 0,
    overdue: 0,
  },

  methods: {
    fetchPage(page: number) {
      return whistleReports(page, this.data.openOnly);
    },

    onFilter(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { open: string }>) {
      const openOnly = e.currentTarget.dataset.open === 'yes';
      if (openOnly === this.data.openOnly || this.data.state === 'loading') return;
      this.setData({ openOnly });
      this.load(1);
    },

    onPhoto(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { url: string; index: number }>) {
      const r = this.data.rows[Number(e.currentTarget.dataset.index)];
      if (r) wx.previewImage({ urls: r.photos, current: e.currentTarget.dataset.url });
    },
  },
});
