// The weekly risk report ("风险信息上报一次"): "本周无风险", or the hazards found (category, words, optionally the household,
// up to 9 photos each). The draft is kept on the phone from the first change; the photos are uploaded when the report is
// sent, and only their file IDs go with it. A refusal shows the server's message and keeps the form; without network the
// report waits in the outbox ("待上传").
import type { GridHazardCategory, WeeklyBoard } from '../../../../typings/grid';
import { failureText, showDone } from '../../../services/feedback';
import { newIdempotencyKey } from '../../../services/outbox';
import { MAX_PHOTOS, uploadPhotos, type LocalPhoto } from '../../../services/upload';
import { photosNotUploaded } from '../../../components/evidence-capture/messages';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { loadStateBehavior, mapOk } from '../../../behaviors/loadState';
import { CATEGORIES, fileReport, loadBoard, type ReportHazardInput } from '../services/grid';
import { clearDraft, emptyDraft, loadDraft, saveDraft, type DraftHazard, type ReportDraft } from '../services/reportDraft';
import { cstShort } from '../../../ui/cstFormat';

const MAX_HAZARDS = 20;

function boardView(b: WeeklyBoard) {
  const r = b.report;
  const draft = loadDraft(b.grid.id);
  return {
    gridId: b.grid.id,
    weekLabel: `${b.grid.villageName} ${b.grid.name} · ${b.week.label}`,
    householdIds: ['', ...b.households.map((h) => h.householdId)],
    householdNames: ['不指定农户', ...b.households.map((h) => h.address)],
    filedText: r ? `本周已于${cstShort(r.at)}上报：${r.noRisk ? '无风险' : `${r.hazards.length}条隐患`}（再次上报将替换）` : '',
    filedLines: (r?.hazards ?? []).map((h) => ({
      id: h.hazardId,
      text: `${h.categoryLabel}：${h.description}${h.address ? `（${h.address}）` : ''}${h.photos.length ? ` · 照片${h.photos.length}张` : ''}`,
    })),
    hazards: draft.hazards,
    photos: draft.photos,
    key: draft.key,
  };
}

const withFileIds = (h: DraftHazard): ReportHazardInput => ({
  category: h.category,
  description: h.description,
  ...(h.householdId ? { householdId: h.householdId } : {}),
  photos: h.photos.map((p) => p.fileId!),
});

Component({
  behaviors: [largeTextBehavior, loadStateBehavior],
  data: {
    gridId: '',
    weekLabel: '',
    filedText: '',
    filedLines: [] as { id: string; text: string }[],
    categories: CATEGORIES,
    householdIds: [] as string[],
    householdNames: ['不指定农户'] as string[],
    category: '' as GridHazardCategory | '',
    description: '',
    householdIndex: 0,
    hazards: [] as DraftHazard[],
    /** photos of the hazard being written */
    photos: [] as LocalPhoto[],
    maxPhotos: MAX_PHOTOS,
    fieldError: '',
    photoError: '',
    submitError: '',
    submitting: false,
    doneText: '',
    /** bumped after a report is queued, so the 待上传 panel re-reads the outbox */
    outboxRefresh: 0,
    /** the same submission keeps its key across a refused or failed attempt */
    key: '',
  },

  methods: {
    async fetchView() {
      return mapOk(await loadBoard(), boardView);
    },

    /** Every change of the draft goes to storage first, then to the screen. */
    keep(draft: ReportDraft, extra: Record<string, unknown> = {}) {
      saveDraft(this.data.gridId, draft);
      this.setData({ hazards: draft.hazards, photos: draft.photos, key: draft.key, ...extra });
    },

    draft(): ReportDraft {
      return { key: this.data.key, hazards: this.data.hazards, photos: this.data.photos };
    },

    onCategory(e: WechatMiniprogram.TouchEvent) {
      this.setData({ category: e.currentTarget.dataset.key as GridHazardCategory, fieldError: '' });
    },

    onDescription(e: WechatMiniprogram.Input) {
      this.setData({ description: e.detail.value, fieldError: '' });
    },

    onHousehold(e: WechatMiniprogram.PickerChange) {
      this.setData({ householdIndex: Number(e.detail.value) });
    },

    /** a photo added or removed (evidence-capture) */
    onEvidence(e: WechatMiniprogram.CustomEvent<{ photos?: LocalPhoto[] }>) {
      if (e.detail.photos) this.keep({ ...this.draft(), photos: e.detail.photos }, { photoError: '' });
    },

    onAdd() {
      const d = this.data;
      if (!d.category) return this.setData({ fieldError: '请选择隐患类别' });
      if (!d.description.trim()) return this.setData({ fieldError: '请填写隐患描述' });
      if (d.hazards.length >= MAX_HAZARDS) return this.setData({ fieldError: `每周最多上报${MAX_HAZARDS}条隐患` });
      const householdId = d.householdIds[d.householdIndex] || '';
      const row: DraftHazard = {
        id: newIdempotencyKey(),
        category: d.category,
        categoryLabel: CATEGORIES.find((c) => c.key === d.category)?.label ?? '',
        description: d.description.trim(),
        householdId,
        address: householdId ? d.householdNames[d.householdIndex] : '',
        photos: d.photos,
      };
      // a changed list is a new submission
      this.keep(
        { key: '', hazards: [...d.hazards, row], photos: [] },
        { category: '', description: '', householdIndex: 0, fieldError: '' },
      );
    },

    onRemove(e: WechatMiniprogram.TouchEvent) {
      const id = String(e.currentTarget.dataset.id);
      this.keep({ ...this.draft(), key: '', hazards: this.data.hazards.filter((h) => h.id !== id) });
    },

    onSubmitNoRisk() {
      this.submit(true);
    },

    onSubmitHazards() {
      if (!this.data.hazards.length) {
        this.setData({ fieldError: '请先添加至少一条隐患，或选择“本周无风险”' });
        return;
      }
      this.submit(false);
    },

    /** Uploads every hazard's photos not uploaded yet; false (with the reason under the list) when some did not go. */
    async uploadAll(draft: ReportDraft): Promise<ReportDraft | null> {
      const missed = { failed: 0, lost: 0 };
      const hazards: DraftHazard[] = [];
      for (const h of draft.hazards) {
        const uploaded = await uploadPhotos(h.photos, `grid/${this.data.gridId}`);
        missed.failed += uploaded.failed;
        missed.lost += uploaded.lost;
        hazards.push({ ...h, photos: uploaded.photos });
      }
      const next = { ...draft, hazards };
      if (missed.failed) {
        this.keep(next, { submitting: false, submitError: photosNotUploaded(missed) });
        return null;
      }
      saveDraft(this.data.gridId, next);
      return next;
    },

    async submit(noRisk: boolean) {
      if (this.data.submitting) return;
      let draft: ReportDraft = { ...this.draft(), key: this.data.key || newIdempotencyKey() };
      this.keep(draft, { submitting: true, submitError: '', doneText: '' });
      if (!noRisk) {
        const uploaded = await this.uploadAll(draft);
        if (!uploaded) return;
        draft = uploaded;
      }
      const hazards = noRisk ? [] : draft.hazards.map(withFileIds);
      const sent = await fileReport(this.data.gridId, noRisk, hazards, draft.key);
      if (!sent.queued && !sent.result.ok) {
        this.setData({ submitting: false, submitError: failureText(sent.result) });
        return;
      }
      clearDraft(this.data.gridId);
      const fresh = emptyDraft();
      this.setData({ submitting: false, hazards: fresh.hazards, photos: fresh.photos, key: fresh.key });
      if (sent.queued) {
        this.setData({ doneText: '网络不可用：本周上报已保存在手机上，待上传', outboxRefresh: this.data.outboxRefresh + 1 });
        return;
      }
      this.setData({ doneText: noRisk ? '已上报：本周无风险' : `已上报${hazards.length}条隐患，已转交走访人跟进` });
      showDone('已上报');
    },
  },
});
