// The 三清三关 self-check: six yes/no answers, one check per household per day (a second one the same day replaces it).
// 没做到 shows at once what to do about that item; on submitting, the server tells the grid leader, who comes to help.
import type { SelfCheckKey } from '../../../../typings/household';
import { failureText, showDone } from '../../../services/feedback';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { loadStateBehavior, okView } from '../../../behaviors/loadState';
import { loadMyHousehold, newIdempotencyKey, SELF_CHECK_ITEMS, submitSelfCheck } from '../services/household';

type Answer = 'yes' | 'no' | '';

interface Row {
  key: SelfCheckKey;
  label: string;
  hint: string;
  advice: string;
  answer: Answer;
  missing: boolean;
}

const rowsOf = (answers: Partial<Record<SelfCheckKey, boolean>> | null): Row[] =>
  SELF_CHECK_ITEMS.map((i) => ({ ...i, answer: answers && i.key in answers ? (answers[i.key] ? 'yes' : 'no') : '', missing: false }));

Component({
  behaviors: [largeTextBehavior, loadStateBehavior],
  data: {
    rows: rowsOf(null),
    todayText: '',
    submitting: false,
    submitError: '',
    resultText: '',
    leaderText: '',
    /** kept across a failed submit so the retry is the same submission */
    pendingKey: '',
  },

  methods: {
    async fetchView() {
      const res = await loadMyHousehold();
      if (!res.ok) return res;
      const today = res.data.selfCheckToday;
      return okView({ rows: rowsOf(today ? today.answers : null), todayText: today ? '今天已自查过，再次提交将更新今天的结果' : '' });
    },

    onAnswer(e: WechatMiniprogram.TouchEvent) {
      const { key, answer } = e.currentTarget.dataset as { key: SelfCheckKey; answer: Answer };
      const i = this.data.rows.findIndex((r) => r.key === key);
      if (i < 0) return;
      // an answer changed after a failed submit is a new submission
      this.setData({ [`rows[${i}].answer`]: answer, [`rows[${i}].missing`]: false, pendingKey: '', resultText: '', leaderText: '' });
    },

    async onSubmit() {
      if (this.data.submitting) return;
      const rows = this.data.rows;
      if (rows.some((r) => !r.answer)) {
        this.setData({ rows: rows.map((r) => ({ ...r, missing: !r.answer })), submitError: '请逐项回答后再提交' });
        return;
      }
      const answers = Object.fromEntries(rows.map((r) => [r.key, r.answer === 'yes'])) as Record<SelfCheckKey, boolean>;
      const key = this.data.pendingKey || newIdempotencyKey();
      this.setData({ submitting: true, submitError: '', pendingKey: key });
      const res = await submitSelfCheck(answers, key);
      if (!res.ok) {
        this.setData({ submitting: false, submitError: failureText(res) });
        return;
      }
      const open = rows.filter((r) => res.data.open.includes(r.key)).map((r) => r.label);
      const leaders = res.data.leaderNames;
      this.setData({
        submitting: false,
        pendingKey: '',
        todayText: '今天已自查过，再次提交将更新今天的结果',
        resultText: open.length ? `已提交。请尽快做到：${open.join('、')}（做法见上面各项）` : '已提交，三清三关全部做到，请继续保持',
        leaderText: !open.length
          ? ''
          : leaders.length
            ? `已告诉网格长${leaders.join('、')}，本周联络时会提醒您或上门帮您落实。`
            : '需要帮助的话，请联系本村网格员（村联络员）。',
      });
      showDone('已提交');
    },
  },
});
