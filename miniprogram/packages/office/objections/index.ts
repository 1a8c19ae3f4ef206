// Objections 申辩 awaiting my ruling: the township office rules on notice objections, the discipline office on
// interview objections. Upheld withdraws the case (a notice gets a correction 更正); rejected keeps it. Either way the
// visitor is told, with the reason written here.
import type { ObjectionRow } from '../services/objections';
import { pendingObjections, ruleObjection, REASON_MIN } from '../services/objections';
import { failureText, showDone } from '../../../services/feedback';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { pagedListBehavior } from '../../../behaviors/pagedList';
import { mapOk } from '../../../behaviors/loadState';

Component({
  behaviors: [largeTextBehavior, pagedListBehavior],
  data: {
    rows: [] as ObjectionRow[],
    reasons: {} as Record<string, string>,
    rowError: {} as Record<string, string>,
    busy: false,
  },

  methods: {
    async fetchPage(page: number) {
      return mapOk(await pendingObjections(page), (d) => ({ ...d, reasons: {}, rowError: {} }));
    },

    onReason(e: WechatMiniprogram.Input & WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>) {
      const r = this.data.rows[Number(e.currentTarget.dataset.index)];
      if (r) this.setData({ reasons: { ...this.data.reasons, [r.caseId]: e.detail.value } });
    },

    async onRule(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number; upheld: string }>) {
      const r = this.data.rows[Number(e.currentTarget.dataset.index)];
      if (!r || this.data.busy) return;
      const reason = (this.data.reasons[r.caseId] ?? '').trim();
      if (reason.length < REASON_MIN) {
        this.setData({ rowError: { ...this.data.rowError, [r.caseId]: `请填写裁定理由（至少${REASON_MIN}个字）` } });
        return;
      }
      const upheld = e.currentTarget.dataset.upheld === 'yes';
      this.setData({ busy: true, rowError: { ...this.data.rowError, [r.caseId]: '' } });
      const res = await ruleObjection(r.caseId, upheld, reason);
      this.setData({ busy: false });
      if (!res.ok) {
        this.setData({ rowError: { ...this.data.rowError, [r.caseId]: failureText(res) } });
        return;
      }
      showDone(upheld ? '申辩成立，已撤销' : '已驳回申辩');
      this.setData({ rows: this.data.rows.filter((x) => x.caseId !== r.caseId) });
    },
  },
});
