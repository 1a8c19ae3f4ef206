// What 随手拍 and the whistle-blower form share: the draft kept on the phone from the first change, the category and
// description fields, photos and location from evidence-capture, the photo upload before sending, and a refusal
// shown next to its field. The page sets `draftKind` and `fields` (the request fields a refusal may name).
import type { Fail } from '../../../../typings/result';
import type { HazardCategoryOption } from '../../../../typings/resident';
import { failureText, showFailure } from '../../../services/feedback';
import { newIdempotencyKey } from '../../../services/outbox';
import { uploadPhotos } from '../../../services/upload';
import { photosNotUploaded } from '../../../components/evidence-capture/messages';
import { emptyDraft, saveDraft, type DraftKind, type ReportDraft } from '../services/draft';
import { refusalField } from '../services/reports';

export const draftFormBehavior = Behavior({
  data: {
    draftKind: 'report' as DraftKind,
    fields: [] as string[],
    draft: emptyDraft(),
    errors: {} as Record<string, string>,
    formError: '',
    categories: [] as HazardCategoryOption[],
    categoryIndex: -1,
    submitting: false,
  },
  methods: {
    noErrors(): Record<string, string> {
      return Object.fromEntries(this.data.fields.map((f) => [f, '']));
    },

    /** Every change goes to storage first, then to the screen. */
    update(draft: ReportDraft, extra: Record<string, unknown> = {}) {
      saveDraft(this.data.draftKind, draft);
      this.setData({ draft, ...extra });
    },

    clearError(field: string): Record<string, unknown> {
      return { [`errors.${field}`]: '', formError: '' };
    },

    onCategory(e: WechatMiniprogram.PickerChange) {
      const categoryIndex = Number(e.detail.value);
      this.update(
        { ...this.data.draft, category: this.data.categories[categoryIndex].key },
        { categoryIndex, ...this.clearError('category') },
      );
    },

    onDescription(e: WechatMiniprogram.Input) {
      this.update({ ...this.data.draft, description: e.detail.value }, this.clearError('description'));
    },

    /** a photo added or removed, the location got or dropped (evidence-capture) */
    onEvidence(e: WechatMiniprogram.CustomEvent<Partial<Pick<ReportDraft, 'photos' | 'location'>>>) {
      const change = e.detail;
      this.update({ ...this.data.draft, ...change }, this.clearError('photos' in change ? 'photos' : 'location'));
    },

    /** Keys the draft once and uploads its photos; null (with the reason under the photos) when some did not go. */
    async uploadDraft(folder: string): Promise<ReportDraft | null> {
      this.setData({ submitting: true, errors: this.noErrors(), formError: '' });
      let draft: ReportDraft = { ...this.data.draft, key: this.data.draft.key || newIdempotencyKey() };
      saveDraft(this.data.draftKind, draft);
      const uploaded = await uploadPhotos(draft.photos, folder);
      draft = { ...draft, photos: uploaded.photos };
      if (uploaded.failed) {
        this.update(draft, { submitting: false, 'errors.photos': photosNotUploaded(uploaded) });
        return null;
      }
      saveDraft(this.data.draftKind, draft);
      return draft;
    },

    showRefusal(fail: Fail) {
      const field = refusalField(fail.field, this.data.fields);
      if (field) this.setData({ [`errors.${field}`]: fail.message, submitting: false });
      else {
        this.setData({ formError: failureText(fail), submitting: false });
        showFailure(fail);
      }
    },
  },
});
