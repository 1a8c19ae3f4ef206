// My hazard reports and where each stands, one page at a time, with the ones still waiting on this phone (待上传) on top.
import { largeTextBehavior } from '../../../behaviors/largeText';
import { mapOk } from '../../../behaviors/loadState';
import { pagedListBehavior } from '../../../behaviors/pagedList';
import { listMyReports, reportRow, type ReportRow } from '../services/reports';

Component({
  behaviors: [largeTextBehavior, pagedListBehavior],
  data: {
    rows: [] as ReportRow[],
    /** bumped on every load, so the 待上传 panel re-reads the outbox */
    outboxRefresh: 0,
  },

  methods: {
    async fetchPage(page: number) {
      this.setData({ outboxRefresh: this.data.outboxRefresh + 1 });
      return mapOk(await listMyReports(page), (d) => ({ total: d.total, rows: d.items.map(reportRow) }));
    },

    /** queued reports went out: they are in the list now */
    onOutboxSent() {
      this.load(1);
    },

    onNewReport() {
      wx.navigateTo({ url: '/packages/resident/report/index' });
    },
  },
});
