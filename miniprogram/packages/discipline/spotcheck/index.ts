// One spot-check sample: each drawn household with the visitors assigned and the visits recorded in the period; the
// checker records what the villager said at the door (visited or not, by whom, when), the hazards seen and a note;
// whatever does not add up is listed in red (e.g. the villager says nobody came but a visit is recorded).
import type { SpotCheckHousehold, SpotCheckView, VillagerSays } from '../services/supervision';
import { getSpotCheck, recordSpotCheck, SAYS_LABELS } from '../services/supervision';
import { PROOF_LABELS } from '../services/caseTypes';
import { failureText, showDone } from '../../../services/feedback';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { loadStateBehavior, mapOk } from '../../../behaviors/loadState';
import { pageCount } from '../../../behaviors/pagedList';
import { PAGE_SIZE } from '../../../config/paging';
import { cstTime } from '../../../ui/cstFormat';

interface HouseholdRow {
  id: string;
  title: string;
  visitors: string;
  visits: { id: string; text: string; unproven: boolean }[];
  check: string;
  mismatches: { key: string; label: string; detail: string }[];
}

const EMPTY_FORM = { says: '' as VillagerSays | '', visitorSaid: '', visitDay: '', hazardsSeen: '', note: '' };

function rowOf(h: SpotCheckHousehold): HouseholdRow {
  const c = h.check;
  return {
    id: h.householdId,
    title: `${h.address}${h.headName ? ` · 户主 ${h.headName}` : ''}`,
    visitors: h.visitorNames.length ? `责任走访人：${h.visitorNames.join('、')}` : '期间无责任走访人',
    visits: h.visits.map((v) => ({
      id: v.visitId,
      text: `${cstTime(v.at)} ${v.visitorName} · ${v.proofs.length ? v.proofs.map((p) => PROOF_LABELS[p]).join('、') : '无到场凭证'}`,
      unproven: !v.proofs.length,
    })),
    check: c
      ? `${SAYS_LABELS[c.says]}${c.visitorSaid ? `（${c.visitorSaid}${c.visitDay ? `，${c.visitDay}` : ''}）` : ''}${c.hazardsSeen ? `；看到隐患：${c.hazardsSeen}` : ''}${c.note ? `；${c.note}` : ''} — ${c.checkedByName} ${cstTime(c.checkedAt)}`
      : '',
    mismatches: h.mismatches.map((m, i) => ({ key: `${m.kind}-${i}`, label: m.label, detail: m.detail })),
  };
}

function sampleView(v: SpotCheckView) {
  const all = v.households.map(rowOf);
  return {
    title: `${v.scopeLabel} · 抽查 ${v.size} 户`,
    period: `核对 ${v.fromDay} 至 ${v.toDay} 的走访记录 · ${v.drawnByName} 抽取于 ${cstTime(v.drawnAt)}`,
    summary: `已核 ${v.checked}/${v.size} 户，不一致 ${v.mismatchCount} 处`,
    allRows: all,
    rows: all.slice(0, PAGE_SIZE),
    rowPage: 1,
    rowPages: pageCount(all.length),
  };
}

Component({
  behaviors: [largeTextBehavior, loadStateBehavior],
  data: {
    spotCheckId: '',
    title: '',
    period: '',
    summary: '',
    allRows: [] as HouseholdRow[],
    rows: [] as HouseholdRow[],
    rowPage: 1,
    rowPages: 1,
    editing: '',
    form: { ...EMPTY_FORM },
    formError: '',
    saving: false,
    sayOptions: (Object.keys(SAYS_LABELS) as VillagerSays[]).map((key) => ({ key, label: SAYS_LABELS[key] })),
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ spotCheckId: decodeURIComponent(query.id ?? '') });
      this.load();
    },

    async fetchView() {
      if (!this.data.spotCheckId) return { ok: false as const, code: 'INVALID_INPUT' as const, message: '请从抽查列表中选择样本' };
      return mapOk(await getSpotCheck(this.data.spotCheckId), sampleView);
    },

    showRows(page: number) {
      this.setData({ rowPage: page, rows: this.data.allRows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE) });
    },

    onPrev() {
      if (this.data.rowPage > 1) this.showRows(this.data.rowPage - 1);
    },

    onNext() {
      if (this.data.rowPage < this.data.rowPages) this.showRows(this.data.rowPage + 1);
    },

    onEdit(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      const id = e.currentTarget.dataset.id;
      this.setData({ editing: this.data.editing === id ? '' : id, form: { ...EMPTY_FORM }, formError: '' });
    },

    onSays(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { says: VillagerSays }>) {
      this.setData({ 'form.says': e.currentTarget.dataset.says, formError: '' });
    },

    onField(e: WechatMiniprogram.Input & WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { field: string }>) {
      this.setData({ [`form.${e.currentTarget.dataset.field}`]: String(e.detail.value), formError: '' });
    },

    async onSave() {
      const { says, visitorSaid, visitDay, hazardsSeen, note } = this.data.form;
      if (!says) {
        this.setData({ formError: '请选择农户所说的走访情况' });
        return;
      }
      if (this.data.saving) return;
      this.setData({ saving: true, formError: '' });
      const res = await recordSpotCheck({
        spotCheckId: this.data.spotCheckId,
        householdId: this.data.editing,
        says,
        visitorSaid: visitorSaid.trim(),
        visitDay,
        hazardsSeen: hazardsSeen.trim(),
        note: note.trim(),
      });
      this.setData({ saving: false });
      if (!res.ok) {
        this.setData({ formError: failureText(res) });
        return;
      }
      const page = this.data.rowPage;
      this.setData({ ...sampleView(res.data), editing: '', form: { ...EMPTY_FORM } });
      this.showRows(page);
      showDone('已记录');
    },
  },
});
