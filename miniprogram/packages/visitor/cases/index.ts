// My notice-and-criticism and interview cases with their status (SPEC §4), where recent periods stand (统计中 until
// the close), objections 申辩 filed within 3 working days and their rulings, and the township notices 通报.
import type { CaseView, NoticeView } from '../../../../typings/escalation';
import { LEVEL_LABELS, OBJECTION_LABELS, STATUS_LABELS } from '../../../config/caseLabels';
import { failureText, showDone } from '../../../services/feedback';
import { choosePhotos, uploadPhotos, MAX_PHOTOS, type LocalPhoto } from '../../../services/upload';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { okView } from '../../../behaviors/loadState';
import { pagedListBehavior } from '../../../behaviors/pagedList';
import { cstTime } from '../../../ui/cstFormat';
import { fileObjection, myCases, townshipNotices } from '../services/visits';

type Tab = 'cases' | 'notices';

/** the server's own minimum (server/domain/escalation/schemas.ts) */
const OBJECTION_MIN = 5;

interface CaseRow {
  id: string;
  title: string;
  status: string;
  closed: boolean;
  shortage: string;
  remedy: string;
  interview: string;
  conclusion: string;
  objection: string;
  ruling: string;
  canObject: boolean;
  objectUntil: string;
}

interface NoticeRow {
  id: string;
  title: string;
  published: string;
  lines: string[];
  corrections: string[];
}

const lastMinute = (iso: string | null | undefined) => (iso ? cstTime(new Date(new Date(iso).getTime() - 60_000).toISOString()) : '');

function caseRow(c: CaseView): CaseRow {
  const missing = c.shortHouseholds.reduce((n, h) => n + h.missing, 0);
  return {
    id: c._id,
    title: `${c.periodLabel} · ${LEVEL_LABELS[c.level]}`,
    status: STATUS_LABELS[c.status],
    closed: ['closed', 'remedied', 'exempted', 'withdrawn'].includes(c.status),
    shortage: `${c.shortHouseholds.length} 户未完成，共缺 ${missing} 次走访`,
    remedy: c.level === 'notice' && c.status === 'open' && c.remedyDeadline ? `请在 ${lastMinute(c.remedyDeadline)} 前补齐走访` : '',
    interview: c.interview ? `约谈时间 ${cstTime(c.interview.scheduledAt)}，地点 ${c.interview.place}` : '',
    conclusion: c.interview?.conclusion ? `约谈结论：${c.interview.conclusion}` : '',
    objection: c.objection ? `我的申辩（${cstTime(c.objection.filedAt)}）：${OBJECTION_LABELS[c.objection.status]}` : '',
    ruling: c.objection?.ruling ? `裁定理由：${c.objection.ruling.reason}` : '',
    canObject: !!c.objectionOpen,
    objectUntil: c.objectionOpen ? `如有异议，可在 ${lastMinute(c.objectionDeadline)} 前提出申辩` : '',
  };
}

function noticeRow(n: NoticeView): NoticeRow {
  return {
    id: n._id,
    title: n.title,
    published: cstTime(n.publishedAt),
    // a notice lists every criticised visitor of the township; keep a row short
    lines: n.lines.slice(0, 30).map((l) => `${l.visitorName}：${l.shortHouseholds} 户未完成，缺 ${l.missingVisits} 次`),
    corrections: n.corrections.map((c) => `更正（${cstTime(c.at).slice(0, 10)}）：${c.reason}`),
  };
}

Component({
  behaviors: [largeTextBehavior, pagedListBehavior],
  data: {
    tab: 'cases' as Tab,
    cases: [] as CaseRow[],
    stages: [] as string[],
    notices: [] as NoticeRow[],
    noticesLoaded: false,
    objectFor: '',
    objectText: '',
    objectPhotos: [] as LocalPhoto[],
    objectError: '',
    objectKey: '',
    busy: false,
  },

  methods: {
    async fetchPage(page: number) {
      const tab = this.data.tab;
      const res = tab === 'cases' ? await myCases(page) : await townshipNotices(page);
      if (!res.ok) return res;
      const stages = res.data.stages
        .filter((s) => s.stage === 'counting')
        .map((s) => `${s.periodLabel}：统计中，离线走访补录期结束后统计结果`);
      const rows =
        tab === 'cases'
          ? { cases: (res.data.items as CaseView[]).map(caseRow) }
          : { notices: (res.data.items as NoticeView[]).map(noticeRow), noticesLoaded: true };
      return okView({ ...rows, stages, total: res.data.total });
    },

    onTab(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { tab: Tab }>) {
      const tab = e.currentTarget.dataset.tab;
      if (tab === this.data.tab) return;
      this.setData({ tab });
      this.load(1);
    },

    onObjectStart(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      // one key per objection being written: a resend after a dropped network never files twice
      this.setData({
        objectFor: e.currentTarget.dataset.id,
        objectText: '',
        objectPhotos: [],
        objectError: '',
        objectKey: `obj-${Date.now()}-${Math.floor(Math.random() * 1e8)}`,
      });
    },

    onObjectCancel() {
      this.setData({ objectFor: '', objectText: '', objectPhotos: [], objectError: '' });
    },

    onObjectText(e: WechatMiniprogram.Input) {
      this.setData({ objectText: e.detail.value });
    },

    async onObjectPhotos() {
      const picked = await choosePhotos(MAX_PHOTOS - this.data.objectPhotos.length);
      if (picked.length) this.setData({ objectPhotos: [...this.data.objectPhotos, ...picked] });
    },

    onObjectPhotoRemove(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>) {
      this.setData({ objectPhotos: this.data.objectPhotos.filter((_, i) => i !== Number(e.currentTarget.dataset.index)) });
    },

    async onObjectSubmit() {
      const { objectFor, objectText, objectKey } = this.data;
      if (objectText.trim().length < OBJECTION_MIN) {
        this.setData({ objectError: `请写明申辩理由（至少${OBJECTION_MIN}个字）` });
        return;
      }
      this.setData({ busy: true, objectError: '' });
      const uploaded = await uploadPhotos(this.data.objectPhotos, 'objections');
      this.setData({ objectPhotos: uploaded.photos });
      if (uploaded.failed) {
        this.setData({ busy: false, objectError: `有${uploaded.failed}张照片未能上传，请检查网络后重试` });
        return;
      }
      const res = await fileObjection(
        objectFor,
        objectText.trim(),
        uploaded.photos.map((p) => p.fileId!),
        objectKey,
      );
      this.setData({ busy: false });
      if (!res.ok) {
        this.setData({ objectError: failureText(res) });
        return;
      }
      showDone('申辩已提交');
      this.setData({
        objectFor: '',
        objectText: '',
        objectPhotos: [],
        cases: this.data.cases.map((c) => (c.id === objectFor ? caseRow(res.data) : c)),
      });
    },
  },
});
