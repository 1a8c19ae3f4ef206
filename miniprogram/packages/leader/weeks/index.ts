// Past weeks of my micro-grid: contacted households, the risk report, and whether each week was complete.
import type { WeekSummary } from '../../../../typings/grid';
import { failureText } from '../../../services/feedback';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { loadWeeks } from '../services/grid';

type State = 'loading' | 'error' | 'ready';

interface Row {
  key: string;
  label: string;
  line: string;
  complete: boolean;
  statusText: string;
}

const rowOf = (w: WeekSummary): Row => ({
  key: w.week.key,
  label: `${w.week.label}${w.week.current ? '（本周）' : ''}`,
  line: `联络 ${w.contacted}/${w.total} 户 · 风险${w.reportFiled ? '已上报' : '未上报'}`,
  complete: w.complete,
  statusText: `${w.complete ? '已完成' : w.week.current ? '进行中' : '未完成'}${w.closed ? '（已结算）' : ''}`,
});

Component({
  behaviors: [largeTextBehavior],
  data: {
    state: 'loading' as State,
    errorText: '',
    rows: [] as Row[],
  },

  methods: {
    onLoad() {
      this.load();
    },

    async load() {
      this.setData({ state: 'loading', errorText: '' });
      const res = await loadWeeks(8);
      if (!res.ok) {
        this.setData({ state: 'error', errorText: failureText(res) });
        return;
      }
      this.setData({ state: 'ready', rows: res.data.weeks.map(rowOf) });
    },

    onRetry() {
      this.load();
    },
  },
});
