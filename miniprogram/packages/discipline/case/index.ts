// One case with its evidence pack (SPEC §4.4–4.5): households, visits with time/proof/photos, reminders, the notice;
// the discipline office schedules the interview, records the outcome and closes the case.
import type { Fail } from '../../../../typings/result';
import type { CaseView } from '../services/caseTypes';
import { LEVEL_LABELS, PROOF_LABELS, STATUS_LABELS } from '../services/caseTypes';
import { failureText, showDone } from '../../../services/feedback';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { loadStateBehavior, mapOk } from '../../../behaviors/loadState';
import { pageCount } from '../../../behaviors/pagedList';
import { PAGE_SIZE } from '../../../config/paging';
import { cstDay, cstInstant, cstTime } from '../../../ui/cstFormat';
import { closeCase, getCase, getNotice, recordInterview, scheduleInterview } from '../services/cases';
import { exportCaseFile } from '../services/supervision';
import type { LocalPhoto } from '../../../services/upload';
import { uploadPhotos } from '../../../services/upload';
import { photosNotUploaded } from '../../../components/evidence-capture/messages';

type Step = 'schedule' | 'record' | 'close' | 'none';

interface VisitRow {
  id: string;
  address: string;
  at: string;
  proofs: string;
  offline: boolean;
  photos: string[];
  location: string;
}

interface CaseScreen {
  title: string;
  visitorName: string;
  status: string;
  statusKey: string;
  level: string;
  shortHouseholds: { id: string; text: string }[];
  households: { id: string; text: string }[];
  reminders: { id: string; text: string }[];
  noticeId: string;
  interview: { when: string; place: string; outcome: string; conclusion: string; attachments: string[] } | null;
  /** the discipline office and the township office only */
  contact: { name: string; phone: string; unit: string; typeLabel: string } | null;
  history: { key: string; text: string }[];
}

function screenOf(c: CaseView): { screen: CaseScreen; visits: VisitRow[]; step: Step } {
  const address = new Map([...c.shortHouseholds, ...(c.evidence?.households ?? [])].map((h) => [h.householdId, h.address]));
  const visits = (c.evidence?.visits ?? [])
    .slice()
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((v) => ({
      id: v.visitId,
      address: address.get(v.householdId) ?? v.householdId,
      at: cstTime(v.at),
      proofs: v.proofs.length ? v.proofs.map((p) => PROOF_LABELS[p]).join('、') : '无到场凭证',
      offline: v.offline,
      photos: v.photos.slice(0, 9),
      location: v.location ? `${v.location.latitude.toFixed(5)}, ${v.location.longitude.toFixed(5)}` : '',
    }));
  const step: Step =
    c.level !== 'interview' || c.status === 'closed'
      ? 'none'
      : c.status === 'open'
        ? 'schedule'
        : c.status === 'scheduled' && !c.interview?.outcome
          ? 'record'
          : c.status === 'scheduled'
            ? 'close'
            : 'none';
  return {
    visits,
    step,
    screen: {
      title: `${c.periodLabel} · ${LEVEL_LABELS[c.level]}`,
      visitorName: c.visitorName,
      status: STATUS_LABELS[c.status],
      statusKey: c.status,
      level: c.level,
      shortHouseholds: c.shortHouseholds.map((h) => ({
        id: h.householdId,
        text: `${h.address}：已走访 ${h.counted}/${h.needed} 次，缺 ${h.missing} 次`,
      })),
      households: (c.evidence?.households ?? []).map((h) => ({ id: h.householdId, text: `${h.address}：${h.counted}/${h.needed}` })),
      reminders: (c.evidence?.reminders ?? []).map((r) => ({
        id: r.reminderId,
        text: `${cstTime(r.sentAt)} 提醒（期末前 ${r.offsetDays} 天）`,
      })),
      noticeId: c.evidence?.noticeId ?? c.noticeId ?? '',
      interview: c.interview
        ? {
            when: cstTime(c.interview.scheduledAt),
            place: c.interview.place,
            outcome: c.interview.outcome ?? '',
            conclusion: c.interview.conclusion ?? '',
            attachments: (c.interview.attachments ?? []).slice(0, 9),
          }
        : null,
      contact: c.visitorContact
        ? {
            name: c.visitorContact.name,
            phone: c.visitorContact.phone ?? '',
            unit: c.visitorContact.unit || '未登记',
            typeLabel: c.visitorContact.typeLabel,
          }
        : null,
      history: c.history.map((h, i) => ({
        key: `${i}`,
        text: `${cstTime(h.at)} ${STATUS_LABELS[h.status]} · ${h.by}${h.note ? ` · ${h.note}` : ''}`,
      })),
    },
  };
}

const FIELD_ERRORS = ['scheduledAt', 'place', 'outcome', 'conclusion'] as const;

/** A case on screen, its visits cut into pages on the phone. */
function caseView(c: CaseView) {
  const { screen, visits, step } = screenOf(c);
  return { screen, step, allVisits: visits, visits: visits.slice(0, PAGE_SIZE), visitPage: 1, visitPages: pageCount(visits.length) };
}

Component({
  behaviors: [largeTextBehavior, loadStateBehavior],
  data: {
    caseId: '',
    screen: null as CaseScreen | null,
    step: 'none' as Step,
    allVisits: [] as VisitRow[],
    visits: [] as VisitRow[],
    visitPage: 1,
    visitPages: 1,
    notice: { title: '', line: '', shown: false },
    form: { day: cstDay(new Date(Date.now() + 86_400_000)), time: '09:00', place: '', outcome: '', conclusion: '' },
    errors: { scheduledAt: '', place: '', outcome: '', conclusion: '', action: '' },
    busy: false,
    /** the signed transcript: photos or scans, kept until the record is saved */
    attachments: [] as LocalPhoto[],
    attachmentError: '',
    caseFile: { busy: false, link: '', fileName: '', error: '' },
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ caseId: decodeURIComponent(query.id ?? '') });
      this.load();
    },

    async fetchView() {
      if (!this.data.caseId) return { ok: false as const, code: 'INVALID_INPUT' as const, message: '请从案件列表中选择案件' };
      return mapOk(await getCase(this.data.caseId), caseView);
    },

    show(c: CaseView) {
      this.setData(caseView(c));
    },

    showVisits(page: number) {
      this.setData({ visitPage: page, visits: this.data.allVisits.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE) });
    },

    onVisitPrev() {
      if (this.data.visitPage > 1) this.showVisits(this.data.visitPage - 1);
    },

    onVisitNext() {
      if (this.data.visitPage < this.data.visitPages) this.showVisits(this.data.visitPage + 1);
    },

    async onShowNotice() {
      const screen = this.data.screen;
      if (!screen?.noticeId) return;
      const res = await getNotice(screen.noticeId);
      if (!res.ok) {
        this.setData({ 'errors.action': failureText(res) });
        return;
      }
      const line = res.data.lines.find((l) => l.visitorName === screen.visitorName);
      this.setData({
        notice: {
          title: res.data.title,
          line: line ? `${line.visitorName}：${line.shortHouseholds} 户未完成，缺 ${line.missingVisits} 次走访` : '',
          shown: true,
        },
      });
    },

    onField(e: WechatMiniprogram.Input & WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { field: string }>) {
      const field = e.currentTarget.dataset.field;
      this.setData({
        [`form.${field}`]: String(e.detail.value),
        [`errors.${field === 'day' || field === 'time' ? 'scheduledAt' : field}`]: '',
        'errors.action': '',
      });
    },

    clearErrors() {
      this.setData({ errors: { scheduledAt: '', place: '', outcome: '', conclusion: '', action: '' } });
    },

    showRefusal(fail: Fail) {
      const field = FIELD_ERRORS.find((f) => f === fail.field);
      this.setData({ [`errors.${field ?? 'action'}`]: failureText(fail), busy: false });
    },

    async act(run: () => ReturnType<typeof closeCase>, done: string) {
      if (this.data.busy) return;
      this.clearErrors();
      this.setData({ busy: true });
      const res = await run();
      if (!res.ok) {
        this.showRefusal(res);
        return;
      }
      this.setData({ busy: false });
      this.show(res.data);
      showDone(done);
    },

    onSchedule() {
      const { day, time, place } = this.data.form;
      if (!place.trim()) {
        this.setData({ 'errors.place': '请填写约谈地点' });
        return;
      }
      this.act(() => scheduleInterview(this.data.caseId, cstInstant(day, time), place.trim()), '已安排约谈');
    },

    onRecord() {
      const { outcome, conclusion } = this.data.form;
      const missing = { outcome: outcome.trim() ? '' : '请填写约谈记录', conclusion: conclusion.trim() ? '' : '请填写约谈结论' };
      if (missing.outcome || missing.conclusion) {
        this.setData({ 'errors.outcome': missing.outcome, 'errors.conclusion': missing.conclusion });
        return;
      }
      this.recordWithAttachments(outcome.trim(), conclusion.trim());
    },

    onAttachments(e: WechatMiniprogram.CustomEvent<{ photos?: LocalPhoto[] }>) {
      if (e.detail.photos) this.setData({ attachments: e.detail.photos, attachmentError: '' });
    },

    /** uploads the transcript's photos first; a failed upload keeps them and says so, nothing is recorded */
    async recordWithAttachments(outcome: string, conclusion: string) {
      if (this.data.busy) return;
      this.setData({ busy: true, attachmentError: '' });
      const uploaded = await uploadPhotos(this.data.attachments, `interviews/${this.data.caseId.replace(/[^0-9A-Za-z_-]/g, '_')}`);
      this.setData({ busy: false, attachments: uploaded.photos });
      if (uploaded.failed) {
        this.setData({ attachmentError: photosNotUploaded(uploaded) });
        return;
      }
      const fileIds = uploaded.photos.map((p) => p.fileId).filter((id): id is string => !!id);
      await this.act(() => recordInterview(this.data.caseId, outcome, conclusion, fileIds), '已记录');
      if (!this.data.errors.outcome && !this.data.errors.conclusion && !this.data.errors.action) this.setData({ attachments: [] });
    },

    onCallVisitor() {
      const phone = this.data.screen?.contact?.phone;
      if (phone) wx.makePhoneCall({ phoneNumber: phone, fail: () => undefined });
    },

    /** the case file for the archive (.xlsx): the link is copied so it can be opened on a computer */
    async onExportCaseFile() {
      if (this.data.caseFile.busy) return;
      this.setData({ caseFile: { busy: true, link: '', fileName: '', error: '' } });
      const res = await exportCaseFile(this.data.caseId);
      if (!res.ok) {
        this.setData({ caseFile: { busy: false, link: '', fileName: '', error: failureText(res) } });
        return;
      }
      this.setData({ caseFile: { busy: false, link: res.data.url, fileName: res.data.fileName, error: '' } });
      wx.setClipboardData({ data: res.data.url });
    },

    onClose() {
      this.act(() => closeCase(this.data.caseId), '已结案');
    },
  },
});
