// 报表截止: the month's tables sent upward, each with its state (未报 / 已报 / 逾期未报), due time and scans. Marking one
// sent uploads the signed and sealed scan (photo or a file from a chat) first; the elderly table needs one (000 附件).
import type { DueKind } from '../../../../typings/schedule';
import type { DueRow, ScanDraft } from '../services/due';
import {
  chooseScanFiles,
  chooseScanPhotos,
  dueRow,
  loadDueDates,
  markSent,
  MAX_SCANS,
  monthLabel,
  shiftMonth,
  uploadScans,
} from '../services/due';
import { newIdempotencyKey } from '../../../services/outbox';
import { failureText, showDone } from '../../../services/feedback';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { loadStateBehavior, mapOk } from '../../../behaviors/loadState';

type KindTap = WechatMiniprogram.TouchEvent<
  Record<string, never>,
  Record<string, never>,
  { kind: DueKind; index?: number; url?: string; image?: string }
>;

/** one key per table until it is marked, so a resend after a failed answer never marks twice */
const keys: Partial<Record<DueKind, string>> = {};

Component({
  behaviors: [largeTextBehavior, loadStateBehavior],
  data: {
    month: '',
    monthLabel: '',
    rows: [] as DueRow[],
    drafts: {} as Partial<Record<DueKind, ScanDraft[]>>,
    rowError: {} as Partial<Record<DueKind, string>>,
    busy: '',
  },

  methods: {
    async fetchView() {
      return mapOk(await loadDueDates(this.data.month || undefined), (d) => ({
        month: d.month,
        monthLabel: monthLabel(d.month),
        rows: d.items.map(dueRow),
        drafts: {},
        rowError: {},
      }));
    },

    onMonth(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { step: string }>) {
      if (this.data.busy) return;
      this.setData({ month: shiftMonth(this.data.month, Number(e.currentTarget.dataset.step)) });
      this.load();
    },

    room(kind: DueKind): number {
      const row = this.data.rows.find((r) => r.kind === kind);
      return MAX_SCANS - (row?.scans.length ?? 0) - (this.data.drafts[kind]?.length ?? 0);
    },

    addDrafts(kind: DueKind, added: ScanDraft[]) {
      if (added.length) this.setData({ [`drafts.${kind}`]: [...(this.data.drafts[kind] ?? []), ...added], [`rowError.${kind}`]: '' });
    },

    async onAddPhoto(e: KindTap) {
      const kind = e.currentTarget.dataset.kind;
      this.addDrafts(kind, await chooseScanPhotos(this.room(kind)));
    },

    async onAddFile(e: KindTap) {
      const kind = e.currentTarget.dataset.kind;
      this.addDrafts(kind, await chooseScanFiles(this.room(kind)));
    },

    onRemoveDraft(e: KindTap) {
      const { kind, index } = e.currentTarget.dataset;
      this.setData({ [`drafts.${kind}`]: (this.data.drafts[kind] ?? []).filter((_, i) => i !== Number(index)) });
    },

    onOpenScan(e: KindTap) {
      const url = e.currentTarget.dataset.url ?? '';
      if (!url) return;
      // a picture opens on the phone; a PDF's link is copied, to open in the browser
      if (e.currentTarget.dataset.image) wx.previewImage({ urls: [url] });
      else wx.setClipboardData({ data: url });
    },

    async onMark(e: KindTap) {
      const kind = e.currentTarget.dataset.kind;
      const row = this.data.rows.find((r) => r.kind === kind);
      const drafts = this.data.drafts[kind] ?? [];
      if (!row || this.data.busy) return;
      if (row.scanRequired && !drafts.length && !row.scans.length) {
        this.setData({ [`rowError.${kind}`]: '请先拍照或选择主要领导签字盖章后的扫描件' });
        return;
      }
      this.setData({ busy: kind, [`rowError.${kind}`]: '' });
      const up = await uploadScans(drafts);
      this.setData({ [`drafts.${kind}`]: up.drafts });
      if (up.failed) {
        const lost = up.lost ? `${up.lost} 个扫描件在手机上已找不到，请重新选择；` : '';
        const waiting = up.failed - up.lost;
        this.setData({ busy: '', [`rowError.${kind}`]: `${lost}${waiting ? `${waiting} 个扫描件未能上传，请检查网络后再点一次` : ''}` });
        return;
      }
      keys[kind] = keys[kind] ?? newIdempotencyKey();
      const scans = up.drafts.map((d) => d.fileId!).filter(Boolean);
      const res = await markSent(kind, this.data.month, scans, keys[kind]!);
      if (!res.ok) {
        this.setData({ busy: '', [`rowError.${kind}`]: failureText(res) });
        return;
      }
      delete keys[kind];
      this.setData({
        busy: '',
        rows: this.data.rows.map((r) => (r.kind === kind ? dueRow(res.data) : r)),
        [`drafts.${kind}`]: [],
      });
      showDone(row.submitted ? '已补充扫描件' : '已标记为已报');
    },
  },
});
