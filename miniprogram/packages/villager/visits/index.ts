// Visits to my household, newest first, 20 a page; I confirm that the visitor really came (two-party visit proof).
import type { VisitView } from '../../../../typings/visit';
import { showDone, showFailure } from '../../../services/feedback';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { pagedListBehavior } from '../../../behaviors/pagedList';
import { confirmVisit, listVisits, PROOF_LABELS } from '../services/household';
import { cstDateTime } from '../../../ui/cstFormat';

interface Row {
  id: string;
  when: string;
  visitorName: string;
  proofText: string;
  confirmed: boolean;
  offline: boolean;
}

const rowOf = (v: VisitView): Row => ({
  id: v.id,
  when: cstDateTime(v.at),
  visitorName: v.visitorName,
  proofText: v.proofs.length ? v.proofs.map((p) => PROOF_LABELS[p] ?? p).join('、') : '暂无',
  confirmed: v.proofs.includes('villagerConfirm'),
  offline: v.offline,
});

Component({
  behaviors: [largeTextBehavior, pagedListBehavior],
  data: {
    rows: [] as Row[],
    busyId: '',
  },

  methods: {
    onLoad() {
      this.load(1);
    },

    async fetchPage(page: number) {
      const res = await listVisits(page);
      return res.ok ? { ...res, data: { total: res.data.total, rows: res.data.items.map(rowOf) } } : res;
    },

    async onConfirm(e: WechatMiniprogram.TouchEvent) {
      const id = String(e.currentTarget.dataset.id);
      if (this.data.busyId) return;
      this.setData({ busyId: id });
      const res = await confirmVisit(id);
      this.setData({ busyId: '' });
      if (!res.ok) {
        showFailure(res);
        return;
      }
      const i = this.data.rows.findIndex((r) => r.id === id);
      if (i >= 0) this.setData({ [`rows[${i}]`]: rowOf(res.data) });
      showDone('已确认');
    },
  },
});
