// Visits to my household, newest first, 20 a page; I confirm that the visitor really came (two-party visit proof).
import type { VisitView } from '../../../../typings/visit';
import { failureText, showDone, showFailure } from '../../../services/feedback';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { confirmVisit, listVisits, PAGE_SIZE, PROOF_LABELS } from '../services/household';
import { cstDateTime } from '../../../ui/cstFormat';

type State = 'loading' | 'error' | 'ready';

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
  behaviors: [largeTextBehavior],
  data: {
    state: 'loading' as State,
    errorText: '',
    rows: [] as Row[],
    page: 1,
    pages: 1,
    total: 0,
    busyId: '',
  },

  methods: {
    onLoad() {
      this.load(1);
    },

    async load(page: number) {
      this.setData({ state: 'loading', errorText: '' });
      const res = await listVisits(page);
      if (!res.ok) {
        this.setData({ state: 'error', errorText: failureText(res) });
        return;
      }
      const p = res.data;
      this.setData({ state: 'ready', rows: p.items.map(rowOf), page: p.page, total: p.total, pages: Math.max(1, Math.ceil(p.total / PAGE_SIZE)) });
    },

    onRetry() {
      this.load(this.data.page);
    },

    onPrev() {
      if (this.data.page > 1) this.load(this.data.page - 1);
    },

    onNext() {
      if (this.data.page < this.data.pages) this.load(this.data.page + 1);
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
