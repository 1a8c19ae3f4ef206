// 老旧小区台账 and 任务清单 (seed 002): every row with its deadline, overdue ones flagged.
import type { CompoundTaskView, CompoundView } from '../../../../typings/programme';
import { listCompounds, listCompoundTasks } from '../services/programme';
import { failureText } from '../../../services/feedback';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { loadStateBehavior, mapOk } from '../../../behaviors/loadState';

Component({
  behaviors: [largeTextBehavior, loadStateBehavior],
  data: {
    compounds: [] as CompoundView[],
    tasks: [] as CompoundTaskView[],
    /** the task list is loaded when asked for, so the page opens with one call */
    tasksState: 'idle' as 'idle' | 'loading' | 'ready' | 'error',
    tasksError: '',
    overdueCompounds: 0,
    overdueTasks: 0,
  },

  methods: {
    async fetchView() {
      return mapOk(await listCompounds(), (d) => ({ compounds: d.items, overdueCompounds: d.overdue }));
    },

    async onShowTasks() {
      if (this.data.tasksState === 'loading') return;
      this.setData({ tasksState: 'loading', tasksError: '' });
      const tasks = await listCompoundTasks();
      if (!tasks.ok) {
        this.setData({ tasksState: 'error', tasksError: failureText(tasks) });
        return;
      }
      this.setData({ tasksState: 'ready', tasks: tasks.data.items, overdueTasks: tasks.data.overdue });
    },
  },
});
