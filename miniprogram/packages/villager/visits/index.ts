// Visits to my household, newest first, 20 a page; I confirm that the visitor really came (two-party visit proof).
import type { VisitView } from '../../../../typings/visit';
import { showDone, showFailure } from '../../../services/feedback';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { pagedListBehavior } from '../../../behaviors/pagedList';
import { confirmVisit, listVisits, PROOF_LABELS } from '../services/household';
import { cstDateTime } from '../../../ui/cstFormat';
import { mapOk } from '../../../behaviors/loadState';

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
    async fetchPage(page: number) {
      return mapOk(await listVisits(page), (d) => ({ total: d.total, rows: d.items.map(rowOf) }));
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
