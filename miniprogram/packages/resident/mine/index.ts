// My hazard reports and where each stands, 20 a page, with the ones still waiting on this phone (待上传) on top.
import { showDone, showFailure } from '../../../services/feedback';
import { discard, flush } from '../../../services/outbox';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { pagedListBehavior } from '../../../behaviors/pagedList';
import { listMyReports, pendingRows, reportRow, type PendingRow, type ReportRow } from '../services/reports';

type Dataset<T extends Record<string, unknown>> = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, T>;

Component({
  behaviors: [largeTextBehavior, pagedListBehavior],
  data: {
    rows: [] as ReportRow[],
    pendingRows: [] as PendingRow[],
  },

  methods: {
    onLoad() {
      this.load(1);
    },

    async fetchPage(page: number) {
      this.setData({ pendingRows: pendingRows() });
      const res = await listMyReports(page);
      return res.ok ? { ...res, data: { total: res.data.total, rows: res.data.items.map(reportRow) } } : res;
    },

    async onRetryPending() {
      const report = await flush();
      if (report.refused.length) showFailure({ ok: false, code: 'INVALID_INPUT', message: report.refused[0].message });
      else if (report.stillPending) showFailure({ ok: false, code: 'NETWORK', message: '网络不可用，请稍后重试' });
      else if (report.sent) showDone(`已上传 ${report.sent} 条`);
      if (report.sent) await this.load(1);
      else this.setData({ pendingRows: pendingRows() });
    },

    onDiscardPending(e: Dataset<{ key: string }>) {
      discard(e.currentTarget.dataset.key);
      this.setData({ pendingRows: pendingRows() });
    },

    onNewReport() {
      wx.navigateTo({ url: '/packages/resident/report/index' });
    },
  },
});
