// 吹哨人 anonymous whistle-blower report (004 "完善火灾隐患'吹哨人'制度"): village, place, category, words, photos,
// optional location. The server keeps no trace of who reported; the reporter gets a receipt code, shown once here,
// to follow the report on the status page. A retry after a lost reply uses the same key and so the same receipt.
import type { WhistleBlowRequest, WhistleReceipt } from '../../../../typings/resident';
import { failureText } from '../../../services/feedback';
import { MAX_PHOTOS } from '../../../services/upload';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { draftFormBehavior } from '../behaviors/draftForm';
import { clearDraft, emptyDraft, loadDraft, missingFields } from '../services/draft';
import { reportFormOptions, whistleBlow } from '../services/reports';

type State = 'loading' | 'error' | 'form' | 'done';

// the draft's publicPlace carries the whistle form's free-text place; the server names that field `place`
const FIELDS = ['villageId', 'place', 'category', 'description', 'photos', 'location'] as const;

function noErrors(): Record<string, string> {
  return Object.fromEntries(FIELDS.map((f) => [f, '']));
}

Component({
  behaviors: [largeTextBehavior, draftFormBehavior],
  data: {
    draftKind: 'whistle' as const,
    fields: [...FIELDS],
    state: 'loading' as State,
    errorText: '',
    categoryNames: [] as string[],
    villageIds: [] as string[],
    villageNames: [] as string[],
    villageIndex: 0,
    dailyLimit: 0,
    errors: noErrors(),
    maxPhotos: MAX_PHOTOS,
    receipt: null as WhistleReceipt | null,
  },

  methods: {
    onLoad() {
      this.load();
    },

    async load() {
      this.setData({ state: 'loading', errorText: '' });
      const res = await reportFormOptions();
      if (!res.ok) {
        this.setData({ state: 'error', errorText: failureText(res) });
        return;
      }
      const { categories, villages } = res.data;
      const stored = loadDraft('whistle');
      const villageIds = villages.map((v) => v.id);
      const villageIndex = Math.max(0, villageIds.indexOf(stored.villageId));
      this.setData({
        state: 'form',
        categories,
        categoryNames: categories.map((c) => c.label),
        categoryIndex: categories.findIndex((c) => c.key === stored.category),
        villageIds,
        villageNames: villages.map((v) => v.name),
        villageIndex,
        dailyLimit: res.data.dailyWhistleLimit,
        maxPhotos: Math.min(res.data.maxPhotos, MAX_PHOTOS),
        draft: { ...stored, villageId: villageIds[villageIndex] ?? '' },
        errors: noErrors(),
      });
    },

    onRetry() {
      this.load();
    },

    onVillage(e: WechatMiniprogram.PickerChange) {
      const villageIndex = Number(e.detail.value);
      this.update({ ...this.data.draft, villageId: this.data.villageIds[villageIndex] }, { villageIndex, ...this.clearError('villageId') });
    },

    onPlace(e: WechatMiniprogram.Input) {
      this.update({ ...this.data.draft, publicPlace: e.detail.value }, this.clearError('place'));
    },

    /** a photo added or removed, the location got or dropped (evidence-capture) */

    async onSubmit() {
      if (this.data.submitting) return;
      const missing = missingFields(this.data.draft, true);
      const errors: Record<string, string> = {
        ...noErrors(),
        category: missing.category ?? '',
        description: missing.description ?? '',
        place: missing.publicPlace ?? '',
      };
      if (!this.data.draft.villageId) errors.villageId = '请选择村（社区）';
      if (Object.values(errors).some(Boolean)) {
        this.setData({ errors, formError: '请补全标红的必填项' });
        return;
      }
      const draft = await this.uploadDraft('resident/whistle');
      if (!draft) return;

      const request: WhistleBlowRequest = {
        villageId: draft.villageId,
        place: draft.publicPlace.trim(),
        category: draft.category as WhistleBlowRequest['category'],
        description: draft.description.trim(),
        photos: draft.photos.map((p) => p.fileId!),
        location: draft.location,
      };
      const res = await whistleBlow(request, draft.key);
      if (!res.ok) {
        this.showRefusal(res);
        return;
      }
      clearDraft('whistle');
      this.setData({ state: 'done', submitting: false, receipt: res.data, draft: emptyDraft() });
    },

    onCopyReceipt() {
      const receipt = this.data.receipt?.receipt;
      if (!receipt) return;
      wx.setClipboardData({ data: receipt, success: () => wx.showToast({ title: '回执码已复制', icon: 'none' }) });
    },

    onFollow() {
      const receipt = this.data.receipt?.receipt ?? '';
      wx.redirectTo({ url: `/packages/resident/status/index?receipt=${encodeURIComponent(receipt)}` });
    },

    onAnother() {
      this.setData({
        state: 'form',
        receipt: null,
        categoryIndex: -1,
        draft: { ...emptyDraft(), villageId: this.data.villageIds[this.data.villageIndex] ?? '' },
      });
    },
  },
});
