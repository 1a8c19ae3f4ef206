// Past weeks of my micro-grid: contacted households, the risk report, and whether each week was complete.
import type { WeekSummary } from '../../../../typings/grid';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { loadStateBehavior, okView } from '../../../behaviors/loadState';
import { loadWeeks } from '../services/grid';

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
  behaviors: [largeTextBehavior, loadStateBehavior],
  data: {
    rows: [] as Row[],
  },

  methods: {
    async fetchView() {
      const res = await loadWeeks(8);
      if (!res.ok) return res;
      return okView({ rows: res.data.weeks.map(rowOf) });
    },
  },
});
