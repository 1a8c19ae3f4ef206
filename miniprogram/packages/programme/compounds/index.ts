// 老旧小区台账 and 任务清单 (seed 002): every row with its deadline, overdue ones flagged.
import type { CompoundTaskView, CompoundView } from '../../../../typings/programme';
import { listCompounds, listCompoundTasks } from '../services/programme';
import { failureText } from '../../../services/feedback';

type State = 'loading' | 'error' | 'ready';

Component({
  data: {
    state: 'loading' as State,
    errorText: '',
    compounds: [] as CompoundView[],
    tasks: [] as CompoundTaskView[],
    overdueCompounds: 0,
    overdueTasks: 0,
  },

  methods: {
    onLoad() {
      this.load();
    },

    async load() {
      this.setData({ state: 'loading', errorText: '' });
      const [ledger, tasks] = await Promise.all([listCompounds(), listCompoundTasks()]);
      const fail = !ledger.ok ? ledger : !tasks.ok ? tasks : null;
      if (fail) {
        this.setData({ state: 'error', errorText: failureText(fail) });
        return;
      }
      if (!ledger.ok || !tasks.ok) return;
      this.setData({ state: 'ready', compounds: ledger.data.items, overdueCompounds: ledger.data.overdue, tasks: tasks.data.items, overdueTasks: tasks.data.overdue });
    },

    onRetry() {
      this.load();
    },
  },
});
