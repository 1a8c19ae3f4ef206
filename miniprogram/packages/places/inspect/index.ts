// 场所检查: the checklist of the place's type (its source named), hazards with deadlines, a re-check of the place's open
// hazards (rectified or a new deadline: SPEC §6 "verified on a re-inspection"), photos and location. Every change is kept
// on the phone; without network the inspection waits in the outbox as 待上传 and is sent later at its device time.
import type { InspectionForm, RecordInspectionResult } from '../../../../typings/place';
import type { Fail } from '../../../../typings/result';
import { failureText, showDone } from '../../../services/feedback';
import { deviceTimeNow, newIdempotencyKey } from '../../../services/outbox';
import { MAX_PHOTOS, uploadPhotos } from '../../../services/upload';
import { photosNotUploaded } from '../../../components/evidence-capture/messages';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { cstDay, cstTime } from '../../../ui/cstFormat';
import {
  clearDraft,
  draftProblems,
  emptyDraft,
  inspectionForm,
  inspectionRequest,
  loadDraft,
  saveDraft,
  submitInspection,
  type InspectionDraft,
} from '../services/places';

type State = 'loading' | 'error' | 'form' | 'done';
type Dataset<T extends Record<string, unknown>> = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, T>;

interface ItemRow {
  key: string;
  label: string;
  group: string;
  answer: string;
  note: string;
  deadline: string;
  error: string;
}

interface CheckRow {
  id: string;
  title: string;
  detail: string;
  rectified: string;
  newDeadline: string;
  error: string;
}

function itemRows(form: InspectionForm, d: InspectionDraft, errors: Record<string, string>): ItemRow[] {
  return form.template.items.map((i, n) => {
    const a = d.answers[i.key] ?? { answer: '', note: '', deadline: '' };
    const previous = form.template.items[n - 1];
    return { key: i.key, label: i.label, group: previous && previous.group === i.group ? '' : i.group, ...a, error: errors[i.key] ?? '' };
  });
}

function checkRows(form: InspectionForm, d: InspectionDraft, errors: Record<string, string>): CheckRow[] {
  return form.openHazards.map((h) => ({
    id: h.id,
    title: `${h.category}（${h.statusLabel}）`,
    detail: `${h.description} · 期限 ${cstTime(h.deadline).slice(0, 10)}${h.claimedAt ? ` · ${cstTime(h.claimedAt)} 提交整改照片` : ''}`,
    rectified: d.checks[h.id]?.rectified ?? '',
    newDeadline: d.checks[h.id]?.newDeadline ?? '',
    error: errors[h.id] ?? '',
  }));
}

Component({
  behaviors: [largeTextBehavior],
  data: {
    state: 'loading' as State,
    errorText: '',
    placeId: '',
    form: null as InspectionForm | null,
    title: '',
    subtitle: '',
    draft: emptyDraft(''),
    items: [] as ItemRow[],
    checks: [] as CheckRow[],
    itemErrors: {} as Record<string, string>,
    checkErrors: {} as Record<string, string>,
    today: cstDay(),
    photoError: '',
    locationError: '',
    formError: '',
    submitting: false,
    outboxRefresh: 0,
    doneText: '',
    maxPhotos: MAX_PHOTOS,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ placeId: decodeURIComponent(query.placeId ?? '') });
      this.load();
    },

    async load() {
      const placeId = this.data.placeId;
      if (!placeId) {
        this.setData({ state: 'error', errorText: '请从“我的检查计划”中选择要检查的场所' });
        return;
      }
      this.setData({ state: 'loading', errorText: '' });
      const res = await inspectionForm(placeId);
      if (!res.ok) {
        this.setData({ state: 'error', errorText: failureText(res) });
        return;
      }
      const form = res.data;
      const draft = loadDraft(placeId);
      this.setData({
        state: 'form',
        form,
        title: form.place.name,
        subtitle: `${form.place.villageName} · ${form.place.typeLabel} · ${form.place.riskLabel} · 负责人 ${form.place.responsibleName} ${form.place.responsiblePhone ?? ''}`,
        draft,
        items: itemRows(form, draft, {}),
        checks: checkRows(form, draft, {}),
      });
      this.showPending();
    },

    onRetry() {
      this.load();
    },

    /** Every change goes to storage first, then to the screen. */
    update(draft: InspectionDraft, extra: Record<string, unknown> = {}) {
      saveDraft(draft);
      const form = this.data.form!;
      const itemErrors = (extra.itemErrors as Record<string, string> | undefined) ?? this.data.itemErrors;
      const checkErrors = (extra.checkErrors as Record<string, string> | undefined) ?? this.data.checkErrors;
      this.setData({ draft, items: itemRows(form, draft, itemErrors), checks: checkRows(form, draft, checkErrors), ...extra });
    },

    answerOf(key: string) {
      return this.data.draft.answers[key] ?? { answer: '' as const, note: '', deadline: '' };
    },

    onAnswer(e: Dataset<{ key: string; answer: 'ok' | 'hazard' | 'na' }>) {
      const { key, answer } = e.currentTarget.dataset;
      const d = this.data.draft;
      this.update(
        { ...d, answers: { ...d.answers, [key]: { ...this.answerOf(key), answer } } },
        { itemErrors: { ...this.data.itemErrors, [key]: '' } },
      );
    },

    onNote(e: WechatMiniprogram.Input & Dataset<{ key: string }>) {
      const key = e.currentTarget.dataset.key;
      const d = this.data.draft;
      this.update({ ...d, answers: { ...d.answers, [key]: { ...this.answerOf(key), note: e.detail.value } } });
    },

    onDeadline(e: WechatMiniprogram.PickerChange & Dataset<{ key: string }>) {
      const key = e.currentTarget.dataset.key;
      const d = this.data.draft;
      this.update({ ...d, answers: { ...d.answers, [key]: { ...this.answerOf(key), deadline: String(e.detail.value) } } });
    },

    onRectified(e: Dataset<{ id: string; value: 'yes' | 'no' }>) {
      const { id, value } = e.currentTarget.dataset;
      const d = this.data.draft;
      const prev = d.checks[id] ?? { rectified: '' as const, newDeadline: '' };
      this.update(
        { ...d, checks: { ...d.checks, [id]: { ...prev, rectified: value } } },
        { checkErrors: { ...this.data.checkErrors, [id]: '' } },
      );
    },

    onNewDeadline(e: WechatMiniprogram.PickerChange & Dataset<{ id: string }>) {
      const id = e.currentTarget.dataset.id;
      const d = this.data.draft;
      const prev = d.checks[id] ?? { rectified: 'no' as const, newDeadline: '' };
      this.update({ ...d, checks: { ...d.checks, [id]: { ...prev, newDeadline: String(e.detail.value) } } });
    },

    onEvidence(e: WechatMiniprogram.CustomEvent<Partial<Pick<InspectionDraft, 'photos' | 'location'>>>) {
      const change = e.detail;
      this.update({ ...this.data.draft, ...change }, 'photos' in change ? { photoError: '' } : { locationError: '' });
    },

    async onSubmit() {
      const form = this.data.form;
      if (this.data.submitting || !form) return;
      const problems = draftProblems(form, this.data.draft);
      if (problems.form || Object.keys(problems.items).length || Object.keys(problems.checks).length) {
        this.update(this.data.draft, {
          itemErrors: problems.items,
          checkErrors: problems.checks,
          formError: problems.form || '请补全标红的必填项',
        });
        return;
      }
      this.setData({ submitting: true, formError: '', photoError: '', locationError: '' });
      let draft: InspectionDraft = { ...this.data.draft, key: this.data.draft.key || newIdempotencyKey() };
      saveDraft(draft);
      const uploaded = await uploadPhotos(draft.photos, `inspections/${draft.placeId}`);
      draft = { ...draft, photos: uploaded.photos };
      if (uploaded.failed) {
        // the inspection happened now: sent later, it goes as an offline inspection at this time
        this.update(
          { ...draft, capturedAt: draft.capturedAt ?? deviceTimeNow() },
          { submitting: false, photoError: photosNotUploaded(uploaded) },
        );
        return;
      }
      saveDraft(draft);
      const sent = await submitInspection(inspectionRequest(form, draft), `检查 ${form.place.name}`, draft.key);
      if (sent.queued) {
        clearDraft(draft.placeId);
        this.update(emptyDraft(draft.placeId), { submitting: false, itemErrors: {}, checkErrors: {} });
        this.showPending();
        wx.showToast({ title: '已保存，待上传', icon: 'none', duration: 3000 });
        return;
      }
      if (!sent.result.ok) {
        this.showRefusal(sent.result);
        this.update(draft, { submitting: false });
        return;
      }
      this.finish(draft, sent.result.data);
    },

    finish(draft: InspectionDraft, data: RecordInspectionResult) {
      clearDraft(draft.placeId);
      const parts = [data.hazards.length ? `发现隐患 ${data.hazards.length} 处，请按期复查` : '未发现隐患'];
      if (data.verified.length)
        parts.push(`复查隐患 ${data.verified.length} 处：${data.verified.map((h) => `${h.category}${h.statusLabel}`).join('；')}`);
      this.setData({ state: 'done', submitting: false, doneText: parts.join('。') });
      showDone('检查已登记');
    },

    /** the server's refusal next to what it names: an item, a re-checked hazard, the photos, or the whole form */
    showRefusal(fail: Fail) {
      const field = fail.field ?? '';
      const answer = /^answers\.(\d+)/.exec(field);
      const check = /^checks\.(\d+)/.exec(field);
      const request = inspectionRequest(this.data.form!, this.data.draft);
      if (answer && request.answers[Number(answer[1])])
        this.setData({ itemErrors: { [request.answers[Number(answer[1])].key]: fail.message } });
      else if (check && request.checks?.[Number(check[1])])
        this.setData({ checkErrors: { [request.checks[Number(check[1])].hazardId]: fail.message } });
      else if (field === 'photos') this.setData({ photoError: fail.message });
      else this.setData({ formError: failureText(fail) });
    },

    showPending() {
      this.setData({ outboxRefresh: this.data.outboxRefresh + 1 });
    },

    onBack() {
      wx.navigateBack({});
    },
  },
});
