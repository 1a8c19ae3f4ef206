// 老旧小区台账 (002 附件1) and 任务清单 (附件2): every row with its deadline, overdue ones flagged. The township office
// adds and edits ledger rows (marking one rectified), and adds, edits and completes tasks; liaisons read.
import type { CompoundTaskStatus, CompoundTaskView, CompoundView } from '../../../../typings/programme';
import {
  addCompound,
  addCompoundTask,
  listCompounds,
  listCompoundTasks,
  num,
  setTaskStatus,
  updateCompound,
  updateCompoundTask,
} from '../services/programme';
import { failureText, showDone } from '../../../services/feedback';
import { newIdempotencyKey } from '../../../services/outbox';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { loadStateBehavior, mapOk } from '../../../behaviors/loadState';

type Tap<T extends Record<string, unknown>> = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, T>;
type FieldInput = WechatMiniprogram.Input & { currentTarget: { dataset: { field: string; form: string } } };

interface LedgerForm {
  villageId: string;
  streetCommunity: string;
  name: string;
  address: string;
  managerName: string;
  managerPhone: string;
  floors: string;
  heightMeters: string;
  hazards: string;
  deadline: string;
}

interface TaskForm {
  phase: string;
  content: string;
  units: string;
  deadline: string;
  deadlineLabel: string;
}

const EMPTY_LEDGER: LedgerForm = {
  villageId: '',
  streetCommunity: '',
  name: '',
  address: '',
  managerName: '',
  managerPhone: '',
  floors: '',
  heightMeters: '',
  hazards: '',
  deadline: '',
};
const EMPTY_TASK: TaskForm = { phase: '', content: '', units: '', deadline: '', deadlineLabel: '' };

const TASK_STATUS: { value: CompoundTaskStatus; label: string }[] = [
  { value: 'pending', label: '未开始' },
  { value: 'inProgress', label: '推进中' },
  { value: 'done', label: '已完成' },
];

const ledgerOf = (c: CompoundView): LedgerForm => ({
  villageId: c.villageId,
  streetCommunity: c.streetCommunity,
  name: c.name,
  address: c.address,
  managerName: c.managerName,
  managerPhone: c.managerPhone,
  floors: String(c.floors),
  heightMeters: c.heightMeters === null ? '' : String(c.heightMeters),
  hazards: c.hazards,
  deadline: c.deadline,
});

const ledgerFields = (f: LedgerForm) => ({
  streetCommunity: f.streetCommunity,
  name: f.name,
  address: f.address,
  managerName: f.managerName,
  managerPhone: f.managerPhone,
  floors: num(f.floors),
  heightMeters: f.heightMeters.trim() ? num(f.heightMeters) : null,
  hazards: f.hazards,
  deadline: f.deadline.trim(),
});

const taskOf = (t: CompoundTaskView): TaskForm => ({
  phase: t.phase,
  content: t.content,
  units: t.units,
  deadline: t.deadline,
  deadlineLabel: t.deadlineLabel,
});

const statusLabel = (s: CompoundTaskStatus) => TASK_STATUS.find((x) => x.value === s)?.label ?? s;

/** each form's error line */
const ERROR_OF: Record<string, string> = { ledger: 'ledgerError', task: 'taskError', newLedger: 'addLedgerError', newTask: 'addTaskError' };

let addLedgerKey = '';
let addTaskKey = '';

Component({
  behaviors: [largeTextBehavior, loadStateBehavior],
  data: {
    compounds: [] as CompoundView[],
    tasks: [] as (CompoundTaskView & { statusLabel: string })[],
    canEdit: false,
    year: 0,
    /** the task list is loaded when asked for, so the page opens with one call */
    tasksState: 'idle' as 'idle' | 'loading' | 'ready' | 'error',
    tasksError: '',
    overdueCompounds: 0,
    overdueTasks: 0,
    taskStatus: TASK_STATUS,
    /** the ledger row or task whose edit form is open */
    editCompound: '',
    editTask: '',
    ledger: { ...EMPTY_LEDGER } as LedgerForm,
    task: { ...EMPTY_TASK } as TaskForm,
    newLedger: { ...EMPTY_LEDGER } as LedgerForm,
    newTask: { ...EMPTY_TASK } as TaskForm,
    ledgerError: '',
    taskError: '',
    addLedgerError: '',
    addTaskError: '',
    busy: false,
  },

  methods: {
    async fetchView() {
      return mapOk(await listCompounds(), (d) => ({
        compounds: d.items,
        overdueCompounds: d.overdue,
        canEdit: d.canEdit,
        editCompound: '',
      }));
    },

    async onShowTasks() {
      if (this.data.tasksState === 'loading') return;
      this.setData({ tasksState: 'loading', tasksError: '' });
      const tasks = await listCompoundTasks(this.data.year || undefined);
      if (!tasks.ok) {
        this.setData({ tasksState: 'error', tasksError: failureText(tasks) });
        return;
      }
      this.setData({
        tasksState: 'ready',
        year: tasks.data.year,
        tasks: tasks.data.items.map((t) => ({ ...t, statusLabel: statusLabel(t.status) })),
        overdueTasks: tasks.data.overdue,
        canEdit: tasks.data.canEdit,
        editTask: '',
      });
    },

    onInput(e: FieldInput) {
      const { form, field } = e.currentTarget.dataset;
      this.setData({ [`${form}.${field}`]: e.detail.value, [ERROR_OF[form]]: '' });
    },

    onNewVillage(e: WechatMiniprogram.CustomEvent<{ id: string; label: string }>) {
      this.setData({
        'newLedger.villageId': e.detail.id,
        'newLedger.streetCommunity': this.data.newLedger.streetCommunity || e.detail.label,
        addLedgerError: '',
      });
    },

    onEditCompound(e: Tap<{ id: string }>) {
      const c = this.data.compounds.find((x) => x.id === e.currentTarget.dataset.id);
      if (!c || this.data.busy) return;
      this.setData(this.data.editCompound === c.id ? { editCompound: '' } : { editCompound: c.id, ledger: ledgerOf(c), ledgerError: '' });
    },

    replaceCompound(c: CompoundView) {
      const compounds = this.data.compounds.map((x) => (x.id === c.id ? c : x));
      this.setData({ busy: false, compounds, overdueCompounds: compounds.filter((x) => x.overdue).length, editCompound: '' });
    },

    async onSaveCompound() {
      const id = this.data.editCompound;
      if (!id || this.data.busy) return;
      this.setData({ busy: true, ledgerError: '' });
      const res = await updateCompound({ compoundId: id, ...ledgerFields(this.data.ledger) });
      if (!res.ok) {
        this.setData({ busy: false, ledgerError: failureText(res) });
        return;
      }
      this.replaceCompound(res.data);
      showDone('已保存');
    },

    async onCompoundStatus(e: Tap<{ id: string; status: 'open' | 'rectified' }>) {
      const { id, status } = e.currentTarget.dataset;
      if (this.data.busy) return;
      this.setData({ busy: true, ledgerError: '' });
      const res = await updateCompound({ compoundId: id, status });
      if (!res.ok) {
        this.setData({ busy: false, ledgerError: failureText(res) });
        return;
      }
      this.replaceCompound(res.data);
      showDone(status === 'rectified' ? '已标记整改完成' : '已改回整改中');
    },

    async onAddCompound() {
      if (this.data.busy) return;
      const f = this.data.newLedger;
      if (!f.villageId) {
        this.setData({ addLedgerError: '请选择社区（村）' });
        return;
      }
      addLedgerKey = addLedgerKey || newIdempotencyKey();
      this.setData({ busy: true, addLedgerError: '' });
      const res = await addCompound({ villageId: f.villageId, ...ledgerFields(f) }, addLedgerKey);
      if (!res.ok) {
        this.setData({ busy: false, addLedgerError: failureText(res) });
        return;
      }
      addLedgerKey = '';
      const compounds = [...this.data.compounds, res.data];
      this.setData({ busy: false, compounds, overdueCompounds: compounds.filter((x) => x.overdue).length, newLedger: { ...EMPTY_LEDGER } });
      showDone('已加入台账');
    },

    onEditTask(e: Tap<{ id: string }>) {
      const t = this.data.tasks.find((x) => x.id === e.currentTarget.dataset.id);
      if (!t || this.data.busy) return;
      this.setData(this.data.editTask === t.id ? { editTask: '' } : { editTask: t.id, task: taskOf(t), taskError: '' });
    },

    replaceTask(t: CompoundTaskView) {
      const tasks = this.data.tasks.map((x) => (x.id === t.id ? { ...t, statusLabel: statusLabel(t.status) } : x));
      this.setData({ busy: false, tasks, overdueTasks: tasks.filter((x) => x.overdue).length, editTask: '' });
    },

    async onSaveTask() {
      const id = this.data.editTask;
      if (!id || this.data.busy) return;
      const f = this.data.task;
      this.setData({ busy: true, taskError: '' });
      const res = await updateCompoundTask({
        taskId: id,
        phase: f.phase,
        content: f.content,
        units: f.units,
        deadline: f.deadline.trim(),
        deadlineLabel: f.deadlineLabel,
      });
      if (!res.ok) {
        this.setData({ busy: false, taskError: failureText(res) });
        return;
      }
      this.replaceTask(res.data);
      showDone('已保存');
    },

    async onTaskStatus(e: Tap<{ id: string; status: CompoundTaskStatus }>) {
      const { id, status } = e.currentTarget.dataset;
      if (this.data.busy) return;
      this.setData({ busy: true, taskError: '' });
      const res = await setTaskStatus(id, status);
      if (!res.ok) {
        this.setData({ busy: false, taskError: failureText(res) });
        return;
      }
      this.replaceTask(res.data);
      showDone(status === 'done' ? '已完成' : '已更新');
    },

    async onAddTask() {
      if (this.data.busy || !this.data.year) return;
      const f = this.data.newTask;
      addTaskKey = addTaskKey || newIdempotencyKey();
      this.setData({ busy: true, addTaskError: '' });
      const label = f.deadlineLabel.trim();
      const res = await addCompoundTask(
        {
          year: this.data.year,
          phase: f.phase,
          content: f.content,
          units: f.units,
          deadline: f.deadline.trim(),
          ...(label ? { deadlineLabel: label } : {}),
        },
        addTaskKey,
      );
      if (!res.ok) {
        this.setData({ busy: false, addTaskError: failureText(res) });
        return;
      }
      addTaskKey = '';
      const tasks = [...this.data.tasks, { ...res.data, statusLabel: statusLabel(res.data.status) }];
      this.setData({ busy: false, tasks, overdueTasks: tasks.filter((x) => x.overdue).length, newTask: { ...EMPTY_TASK } });
      showDone('已添加任务');
    },
  },
});
