// 吹哨报到: hazards the township referred to my department — acknowledge (签收), then report back (反馈) by the deadline.
// The township office reads every referral here, overdue ones first (listed until the department reports back).
import type { ReferralRow } from '../services/places';
import { acknowledgeReferral, answerReferral, referralRow, referrals } from '../services/places';
import { failureText, showDone } from '../../../services/feedback';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { pagedListBehavior } from '../../../behaviors/pagedList';
import { mapOk } from '../../../behaviors/loadState';

type Filter = 'open' | 'overdue' | 'all';
type Dataset<T extends Record<string, unknown>> = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, T>;

Component({
  behaviors: [largeTextBehavior, pagedListBehavior],
  data: {
    filter: 'open' as Filter,
    rows: [] as ReferralRow[],
    canAnswer: false,
    answers: {} as Record<string, string>,
    rowError: {} as Record<string, string>,
    busy: false,
  },

  methods: {
    async fetchPage(page: number) {
      return mapOk(await referrals(page, this.data.filter), (d) => ({
        rows: d.items.map(referralRow),
        total: d.total,
        canAnswer: d.canAnswer,
        answers: {},
        rowError: {},
      }));
    },

    onFilter(e: Dataset<{ filter: Filter }>) {
      this.setData({ filter: e.currentTarget.dataset.filter });
      this.load(1);
    },

    replace(row: ReferralRow) {
      this.setData({ rows: this.data.rows.map((r) => (r.id === row.id ? row : r)) });
    },

    async onAcknowledge(e: Dataset<{ id: string }>) {
      const id = e.currentTarget.dataset.id;
      if (this.data.busy) return;
      this.setData({ busy: true });
      const res = await acknowledgeReferral(id);
      this.setData({ busy: false });
      if (!res.ok) {
        this.setData({ rowError: { ...this.data.rowError, [id]: failureText(res) } });
        return;
      }
      showDone('已签收');
      this.replace(referralRow(res.data));
    },

    onAnswerText(e: WechatMiniprogram.Input & Dataset<{ id: string }>) {
      this.setData({ answers: { ...this.data.answers, [e.currentTarget.dataset.id]: e.detail.value } });
    },

    async onAnswer(e: Dataset<{ id: string }>) {
      const id = e.currentTarget.dataset.id;
      const text = (this.data.answers[id] ?? '').trim();
      if (!text) {
        this.setData({ rowError: { ...this.data.rowError, [id]: '请填写办理情况' } });
        return;
      }
      if (this.data.busy) return;
      this.setData({ busy: true, rowError: { ...this.data.rowError, [id]: '' } });
      const res = await answerReferral(id, text);
      this.setData({ busy: false });
      if (!res.ok) {
        this.setData({ rowError: { ...this.data.rowError, [id]: failureText(res) } });
        return;
      }
      showDone('已反馈');
      this.replace(referralRow(res.data));
    },
  },
});
