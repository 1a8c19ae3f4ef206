// The knock visit 敲门走访 (SPEC §5): checklist from the template, hazards with deadlines, education, photos, card-QR
// proof and location. The draft is stored on every change; without network the visit waits in the outbox as "待上传".
import type { ChecklistTemplateView, RecordVisitResult } from '../../../../typings/visit';
import type { Fail } from '../../../../typings/result';
import { failureText, showDone, showFailure } from '../../../services/feedback';
import { newIdempotencyKey } from '../../../services/outbox';
import { largeTextBehavior } from '../../../behaviors/largeText';
import {
  cacheTemplates,
  cachedTemplates,
  clearDraft,
  emptyDraft,
  loadDraft,
  rememberVisit,
  saveDraft,
  type VisitDraft,
} from '../services/draft';
import { MAX_PHOTOS, uploadPhotos } from '../../../services/upload';
import { photosNotUploaded } from '../../../components/evidence-capture/messages';
import { checklistTemplates, queueVisit, submitVisit } from '../services/visits';
import { itemRows, missingFields, refusalPlace, sceneFromScan, visitRequest, type ItemRow } from '../services/visitForm';
import { cstDay } from '../../../ui/cstFormat';

type State = 'loading' | 'error' | 'form' | 'done';
type Dataset<T extends Record<string, unknown>> = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, T>;

Component({
  behaviors: [largeTextBehavior],
  data: {
    state: 'loading' as State,
    errorText: '',
    householdId: '',
    address: '',
    templates: [] as ChecklistTemplateView[],
    templateNames: [] as string[],
    templateIndex: 0,
    draft: emptyDraft('', '', ''),
    items: [] as ItemRow[],
    itemErrors: {} as Record<string, string>,
    today: cstDay(),
    photoError: '',
    proofError: '',
    locationError: '',
    formError: '',
    submitting: false,
    outboxRefresh: 0,
    countNote: '',
    hazardCount: 0,
    maxPhotos: MAX_PHOTOS,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const householdId = decodeURIComponent(query.householdId ?? '');
      const address = decodeURIComponent(query.address ?? '');
      this.setData({ householdId, address });
      this.load(query.templateId);
    },

    async load(templateId?: string) {
      const { householdId, address } = this.data;
      if (!householdId) {
        this.setData({ state: 'error', errorText: '请从“我的走访农户”中选择要走访的农户' });
        return;
      }
      this.setData({ state: 'loading', errorText: '' });
      const res = await checklistTemplates();
      let templates: ChecklistTemplateView[];
      if (res.ok) {
        templates = res.data;
        cacheTemplates(templates);
      } else if (res.code === 'NETWORK' && cachedTemplates().length) {
        templates = cachedTemplates();
      } else {
        this.setData({ state: 'error', errorText: failureText(res) });
        return;
      }
      const stored = loadDraft(householdId);
      const wanted = stored?.templateId ?? templateId ?? templates[0]?.id ?? '';
      const index = Math.max(
        0,
        templates.findIndex((t) => t.id === wanted),
      );
      const draft = stored ?? emptyDraft(householdId, address, templates[index]?.id ?? '');
      this.setData({
        state: 'form',
        templates,
        templateNames: templates.map((t) => t.name),
        templateIndex: index,
        address: address || draft.address,
        draft,
        items: itemRows(templates[index], draft, {}),
        itemErrors: {},
      });
      this.showPending();
    },

    onRetry() {
      this.load();
    },

    template(): ChecklistTemplateView | undefined {
      return this.data.templates[this.data.templateIndex];
    },

    /** Every change goes to storage first, then to the screen. */
    update(draft: VisitDraft, extra: Record<string, unknown> = {}) {
      saveDraft(draft);
      const itemErrors = (extra.itemErrors as Record<string, string> | undefined) ?? this.data.itemErrors;
      this.setData({ draft, items: itemRows(this.template(), draft, itemErrors), ...extra });
    },

    onTemplateChange(e: WechatMiniprogram.PickerChange) {
      const templateIndex = Number(e.detail.value);
      this.setData({ templateIndex });
      this.update({ ...this.data.draft, templateId: this.data.templates[templateIndex].id });
    },

    onAnswer(e: Dataset<{ key: string; answer: 'ok' | 'hazard' | 'na' }>) {
      const { key, answer } = e.currentTarget.dataset;
      const draft = this.data.draft;
      const prev = draft.answers[key] ?? { answer: '', note: '', deadline: '' };
      const itemErrors = { ...this.data.itemErrors, [key]: '' };
      this.update({ ...draft, answers: { ...draft.answers, [key]: { ...prev, answer } } }, { itemErrors });
    },

    onNote(e: WechatMiniprogram.Input & Dataset<{ key: string }>) {
      const key = e.currentTarget.dataset.key;
      const draft = this.data.draft;
      const prev = draft.answers[key] ?? { answer: 'hazard', note: '', deadline: '' };
      this.update({ ...draft, answers: { ...draft.answers, [key]: { ...prev, note: e.detail.value } } });
    },

    onDeadline(e: WechatMiniprogram.PickerChange & Dataset<{ key: string }>) {
      const key = e.currentTarget.dataset.key;
      const draft = this.data.draft;
      const prev = draft.answers[key] ?? { answer: 'hazard', note: '', deadline: '' };
      const itemErrors = { ...this.data.itemErrors, [key]: '' };
      this.update({ ...draft, answers: { ...draft.answers, [key]: { ...prev, deadline: String(e.detail.value) } } }, { itemErrors });
    },

    onToggleEducation(e: Dataset<{ field: 'noticeHandedOver' | 'sanQingSanGuanExplained' }>) {
      const field = e.currentTarget.dataset.field;
      const draft = this.data.draft;
      this.update({ ...draft, education: { ...draft.education, [field]: !draft.education[field] } });
    },

    /** a photo added or removed, the location got or dropped (evidence-capture) */
    onEvidence(e: WechatMiniprogram.CustomEvent<Partial<Pick<VisitDraft, 'photos' | 'location'>>>) {
      const change = e.detail;
      this.update({ ...this.data.draft, ...change }, 'photos' in change ? { photoError: '' } : { locationError: '' });
    },

    onScanCard() {
      wx.scanCode({
        onlyFromCamera: true,
        scanType: ['qrCode', 'wxCode'],
        success: (res) => {
          const scene = sceneFromScan(res as { path?: string; result?: string });
          if (!scene) {
            this.setData({ proofError: '未识别到明白卡二维码，请对准农户门上的明白卡重新扫描' });
            return;
          }
          this.update({ ...this.data.draft, cardQrScene: scene }, { proofError: '' });
        },
        fail: () => undefined,
      });
    },

    async onSubmit() {
      if (this.data.submitting) return;
      const template = this.template();
      if (!template) return;
      const missing = missingFields(template, this.data.draft);
      if (missing.form || Object.keys(missing.items).length) {
        this.update(this.data.draft, { itemErrors: missing.items, formError: missing.form || '请补全标红的必填项' });
        return;
      }
      this.setData({ submitting: true, formError: '', photoError: '', proofError: '', locationError: '', itemErrors: {} });
      let draft: VisitDraft = { ...this.data.draft, key: this.data.draft.key || newIdempotencyKey() };
      saveDraft(draft);

      const folder = `visits/${draft.householdId}`;
      const uploaded = await uploadPhotos(draft.photos, folder);
      draft = { ...draft, photos: uploaded.photos };
      if (uploaded.lost) {
        this.update(draft, { submitting: false, photoError: photosNotUploaded(uploaded) });
        return;
      }
      saveDraft(draft);
      const label = `走访 ${draft.address}`;
      if (uploaded.failed) {
        // no network for the photos: the visit waits in the outbox with them (kept on the phone) and goes later as an
        // offline visit at this time
        queueVisit(visitRequest(template, draft), label, draft.key, { field: 'photos', folder, photos: draft.photos });
        this.queued(template);
        return;
      }

      const request = visitRequest(template, draft);
      const sent = await submitVisit(request, label, draft.key);
      if (sent.queued) {
        this.queued(template);
        return;
      }
      const result = sent.result;
      if (!result.ok) {
        this.showRefusal(
          result,
          request.answers.map((a) => a.key),
        );
        this.update(draft, { submitting: false });
        return;
      }
      this.finish(draft, result.data);
    },

    /** The visit waits in the outbox: a fresh form for the next visit to this household, the 待上传 panel shows it. */
    queued(template: ChecklistTemplateView) {
      const { householdId, address } = this.data.draft;
      clearDraft(householdId);
      const fresh = emptyDraft(householdId, address, template.id);
      this.setData({ draft: fresh, items: itemRows(template, fresh, {}), submitting: false });
      this.showPending();
      wx.showToast({ title: '已保存，待上传', icon: 'none', duration: 3000 });
    },

    finish(draft: VisitDraft, data: RecordVisitResult) {
      clearDraft(draft.householdId);
      rememberVisit(draft.householdId, { visitId: data.visit.id, at: data.visit.at });
      this.setData({ state: 'done', submitting: false, countNote: data.countNote, hazardCount: data.hazards.length });
      showDone('走访已登记');
    },

    showRefusal(fail: Fail, sentKeys: string[]) {
      const place = refusalPlace(fail.field, sentKeys);
      if ('item' in place) this.setData({ itemErrors: { [place.item]: fail.message } });
      else if ('field' in place) this.setData({ [`${place.field}Error`]: fail.message });
      else {
        this.setData({ formError: failureText(fail) });
        showFailure(fail);
      }
    },

    /** the 待上传 panel re-reads the outbox */
    showPending() {
      this.setData({ outboxRefresh: this.data.outboxRefresh + 1 });
    },

    onBackToList() {
      wx.navigateBack({});
    },

    onGoHazards() {
      wx.redirectTo({ url: '/packages/visitor/hazards/index' });
    },
  },
});
