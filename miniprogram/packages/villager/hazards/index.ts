// My household's hazards and their rectification: take a photo of the fix and claim it; the visitor then verifies it.
// A failed upload or a refused claim keeps the chosen photos (and uploaded file IDs) so the retry needs no new photos.
import type { HazardView } from '../../../../typings/visit';
import { failureText, showDone } from '../../../services/feedback';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { pagedListBehavior } from '../../../behaviors/pagedList';
import { claimRectification, HAZARD_STATUS_LABELS, listHazards, newIdempotencyKey } from '../services/household';
import { cstDayText } from '../../../ui/cstFormat';
import { choosePhotos, MAX_PHOTOS, uploadPhotos, type LocalPhoto } from '../../../services/upload';
import { mapOk } from '../../../behaviors/loadState';

interface Row {
  id: string;
  category: string;
  description: string;
  deadlineText: string;
  statusText: string;
  overdue: boolean;
  canClaim: boolean;
}

interface Draft {
  photos: LocalPhoto[];
  fileIds: string[] | null;
  key: string;
  error: string;
}

const rowOf = (h: HazardView): Row => ({
  id: h.id,
  category: h.category,
  description: h.description,
  deadlineText: cstDayText(h.deadlineDay),
  statusText: HAZARD_STATUS_LABELS[h.status] ?? h.status,
  overdue: h.overdue,
  canClaim: h.status === 'open' || h.status === 'notRectified',
});

Component({
  behaviors: [largeTextBehavior, pagedListBehavior],
  data: {
    rows: [] as Row[],
    drafts: {} as Record<string, Draft>,
    busyId: '',
  },

  methods: {
    async fetchPage(page: number) {
      return mapOk(await listHazards(page), (d) => ({ total: d.total, rows: d.items.map(rowOf) }));
    },

    /** hazard ids are not safe setData path segments, so the drafts object is replaced whole */
    setDraft(id: string, draft: Draft) {
      this.setData({ drafts: { ...this.data.drafts, [id]: draft } });
    },

    async onChoose(e: WechatMiniprogram.TouchEvent) {
      const id = String(e.currentTarget.dataset.id);
      const photos = await choosePhotos(MAX_PHOTOS);
      if (!photos.length) return;
      this.setDraft(id, { photos, fileIds: null, key: newIdempotencyKey(), error: '' });
    },

    async onClaim(e: WechatMiniprogram.TouchEvent) {
      const id = String(e.currentTarget.dataset.id);
      const draft = this.data.drafts[id];
      if (this.data.busyId) return;
      if (!draft || !draft.photos.length) {
        this.setDraft(id, { photos: [], fileIds: null, key: '', error: '请先拍摄或选择整改后的照片' });
        return;
      }
      this.setData({ busyId: id });
      this.setDraft(id, { ...draft, error: '' });
      let fileIds = draft.fileIds;
      if (!fileIds) {
        const upload = await uploadPhotos(draft.photos, `claims/${id}`);
        if (upload.failed) {
          this.setData({ busyId: '' });
          // photos that did upload keep their file IDs, so the retry sends only the rest
          this.setDraft(id, { ...draft, photos: upload.photos, error: '照片上传失败，请检查网络后重试（照片已保留）' });
          return;
        }
        fileIds = upload.photos.map((p) => p.fileId!);
      }
      this.setDraft(id, { ...draft, fileIds, error: '' });
      const res = await claimRectification(id, fileIds, draft.key);
      if (!res.ok) {
        this.setData({ busyId: '' });
        this.setDraft(id, { ...draft, fileIds, error: failureText(res) });
        return;
      }
      const i = this.data.rows.findIndex((r) => r.id === id);
      const drafts = { ...this.data.drafts };
      delete drafts[id];
      this.setData({ busyId: '', drafts });
      if (i >= 0) this.setData({ [`rows[${i}]`]: rowOf(res.data) });
      showDone('已提交整改');
    },
  },
});
