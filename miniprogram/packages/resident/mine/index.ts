// My hazard reports and where each stands, 20 a page, with the ones still waiting on this phone (待上传) on top.
import { failureText, showDone, showFailure } from '../../../services/feedback';
import { discard, flush } from '../../../services/outbox';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { listMyReports, PAGE_SIZE, pendingRows, reportRow, type PendingRow, type ReportRow } from '../services/reports';

type Dataset<T extends Record<string, unknown>> = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, T>;

Component({
  behaviors: [largeTextBehavior],
  data: {
    state: 'loading' as 'loading' | 'error' | 'ready',
    errorText: '',
    rows: [] as ReportRow[],
    total: 0,
    page: 1,
    hasMore: false,
    pendingRows: [] as PendingRow[],
  },

  methods: {
    onLoad() {
      this.load(1);
    },

    async load(page: number) {
      this.setData({ state: 'loading', errorText: '', pendingRows: pendingRows() });
      const res = await listMyReports(page);
      if (!res.ok) {
        this.setData({ state: 'error', errorText: failureText(res) });
        return;
      }
      this.setData({ state: 'ready', rows: res.data.items.map(reportRow), total: res.data.total, page, hasMore: page * PAGE_SIZE < res.data.total });
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
