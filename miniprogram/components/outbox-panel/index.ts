// The 待上传 panel of a form: what this phone still holds for one action (optionally one household), how many photos
// wait with each item and the phone space the waiting photos take, 重新上传 and, for an item the server refused,
// 删除这条. It reads the outbox itself; the page bumps `refresh` after queueing one.
import { showDone, showFailure } from '../../services/feedback';
import { discard, flush, pending, photosToUpload } from '../../services/outbox';
import { formatBytes, photoSpace } from '../../services/photoStore';
import { largeTextBehavior } from '../../behaviors/largeText';

interface PendingRow {
  key: string;
  label: string;
  createdAt: string;
  lastError: string;
  photos: number;
}

type Dataset<T extends Record<string, unknown>> = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, T>;

Component({
  options: { addGlobalClass: true },
  behaviors: [largeTextBehavior],
  properties: {
    /** the outbox action shown, e.g. recordVisit or reportHazard */
    action: { type: String, value: '' },
    /** only the items for this household (the visit form); '' = all of the action */
    householdId: { type: String, value: '' },
    /** only the items for this place (the inspection form); '' = all of the action */
    placeId: { type: String, value: '' },
    /** any change re-reads the outbox */
    refresh: { type: Number, value: 0 },
  },
  data: {
    rows: [] as PendingRow[],
    /** e.g. "3 张，占用 1.2 MB"; '' when no photo waits on this phone */
    photoSpace: '',
  },
  observers: {
    'action, householdId, placeId, refresh'() {
      this.read();
    },
  },
  lifetimes: {
    attached() {
      this.read();
    },
  },
  methods: {
    read() {
      const { action, householdId, placeId } = this.data;
      const rows = pending()
        .filter(
          (i) => i.action === action && (!householdId || i.data.householdId === householdId) && (!placeId || i.data.placeId === placeId),
        )
        .map((i) => ({
          key: i.key,
          label: i.label,
          createdAt: i.createdAt.slice(0, 16).replace('T', ' '),
          lastError: i.lastError ?? '',
          photos: photosToUpload(i),
        }));
      const space = rows.length ? photoSpace() : { files: 0, bytes: 0 };
      this.setData({ rows, photoSpace: space.files ? `${space.files} 张，占用 ${formatBytes(space.bytes)}` : '' });
    },

    async onRetry() {
      const report = await flush();
      this.read();
      if (report.refused.length) showFailure({ ok: false, code: 'INVALID_INPUT', message: report.refused[0].message });
      else if (report.stillPending) showFailure({ ok: false, code: 'NETWORK', message: '网络不可用，请稍后重试' });
      else if (report.sent) showDone(`已上传 ${report.sent} 条`);
      if (report.sent) this.triggerEvent('sent', { sent: report.sent });
    },

    onDiscard(e: Dataset<{ key: string }>) {
      discard(e.currentTarget.dataset.key);
      this.read();
    },
  },
});
