// 随手拍 report a hazard (SPEC §6 villager self-report): category, words, up to 9 photos, optional location, for my
// household (a grid leader: any household of the grid) or a public place. The draft is kept on the phone from the
// first change; without network the report waits in the outbox as 待上传 and is sent once when the network returns.
import type { ReportHazardRequest } from '../../../../typings/resident';
import { failureText, showDone } from '../../../services/feedback';
import { MAX_PHOTOS } from '../../../services/upload';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { draftFormBehavior } from '../behaviors/draftForm';
import { clearDraft, emptyDraft, loadDraft, missingFields, type ReportDraft } from '../services/draft';
import { reportFormOptions, reportHazard } from '../services/reports';

type State = 'loading' | 'error' | 'none' | 'form' | 'done';

const FIELDS = ['category', 'description', 'householdId', 'publicPlace', 'photos', 'location'] as const;
const PUBLIC_PLACE = '公共场所（村口、祠堂、小卖部等）';

function noErrors(): Record<string, string> {
  return Object.fromEntries(FIELDS.map((f) => [f, '']));
}

Component({
  behaviors: [largeTextBehavior, draftFormBehavior],
  data: {
    draftKind: 'report' as const,
    fields: [...FIELDS],
    state: 'loading' as State,
    errorText: '',
    categoryNames: [] as string[],
    householdIds: [] as string[],
    placeNames: [] as string[],
    placeIndex: 0,
    errors: noErrors(),
    maxPhotos: MAX_PHOTOS,
    /** bumped after a report is queued, so the 待上传 panel re-reads the outbox */
    outboxRefresh: 0,
    doneStatus: '',
    doneRoute: '',
    doneDeadline: '',
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
      const { categories, households } = res.data;
      if (!households.length) {
        // reportHazard is for villagers and grid leaders; anyone in the township can still blow the whistle
        this.setData({ state: 'none' });
        return;
      }
      const maxPhotos = Math.min(res.data.maxPhotos, MAX_PHOTOS);
      const stored = loadDraft('report');
      const householdIds = [...households.map((h) => h.id), ''];
      const known =
        stored.householdId === '' && stored.publicPlace
          ? ''
          : households.some((h) => h.id === stored.householdId)
            ? stored.householdId
            : households[0].id;
      const draft: ReportDraft = { ...stored, householdId: known };
      this.setData({
        state: 'form',
        categories,
        categoryNames: categories.map((c) => c.label),
        categoryIndex: categories.findIndex((c) => c.key === draft.category),
        householdIds,
        placeNames: [...households.map((h) => h.address), PUBLIC_PLACE],
        placeIndex: householdIds.indexOf(known),
        maxPhotos,
        draft,
        errors: noErrors(),
      });
    },

    onRetry() {
      this.load();
    },

    /** Every change goes to storage first, then to the screen. */

    onPlace(e: WechatMiniprogram.PickerChange) {
      const placeIndex = Number(e.detail.value);
      this.update(
        { ...this.data.draft, householdId: this.data.householdIds[placeIndex] ?? '' },
        { placeIndex, ...this.clearError('householdId') },
      );
    },

    onPublicPlace(e: WechatMiniprogram.Input) {
      this.update({ ...this.data.draft, publicPlace: e.detail.value }, this.clearError('publicPlace'));
    },

    /** a photo added or removed, the location got or dropped (evidence-capture) */

    async onSubmit() {
      if (this.data.submitting) return;
      const isPublic = this.data.draft.householdId === '';
      const missing = missingFields(this.data.draft, isPublic);
      if (Object.keys(missing).length) {
        this.setData({ errors: { ...noErrors(), ...missing }, formError: '请补全标红的必填项' });
        return;
      }
      const draft = await this.uploadDraft('resident/reports');
      if (!draft) return;

      const request: ReportHazardRequest = {
        category: draft.category as ReportHazardRequest['category'],
        description: draft.description.trim(),
        photos: draft.photos.map((p) => p.fileId!),
        location: draft.location,
        ...(isPublic ? { publicPlace: draft.publicPlace.trim() } : { householdId: draft.householdId }),
      };
      const label = `${this.data.categoryNames[this.data.categoryIndex] ?? '隐患'} · ${isPublic ? draft.publicPlace.trim() : this.data.placeNames[this.data.placeIndex]}`;
      const sent = await reportHazard(request, label, draft.key);
      if (sent.queued) {
        this.reset();
        this.setData({ submitting: false, outboxRefresh: this.data.outboxRefresh + 1 });
        wx.showToast({ title: '已保存，待上传', icon: 'none', duration: 3000 });
        return;
      }
      const result = sent.result;
      if (!result.ok) {
        this.showRefusal(result);
        return;
      }
      this.reset();
      this.setData({
        state: 'done',
        submitting: false,
        doneStatus: result.data.statusLabel,
        doneRoute: result.data.routeLabel,
        doneDeadline: result.data.deadlineDay,
      });
      showDone('已上报');
    },

    /** A new draft (and so a new idempotency key) once the report is accepted or queued. */
    reset() {
      clearDraft('report');
      const fresh: ReportDraft = {
        ...emptyDraft(),
        householdId: this.data.draft.householdId,
        publicPlace: this.data.draft.householdId ? '' : this.data.draft.publicPlace,
      };
      this.setData({ draft: fresh, categoryIndex: -1, errors: noErrors(), formError: '' });
    },

    onAnother() {
      this.setData({ state: 'form' });
    },

    onGoMine() {
      wx.redirectTo({ url: '/packages/resident/mine/index' });
    },

    onGoWhistle() {
      wx.redirectTo({ url: '/packages/resident/whistle/index' });
    },
  },
});
