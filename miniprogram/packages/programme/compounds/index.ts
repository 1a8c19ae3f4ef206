// 老旧小区台账 (002 附件1) and 任务清单 (附件2): every row with its deadline, overdue ones flagged. The township office
// adds and edits ledger rows (marking one rectified), and adds, edits and completes tasks; liaisons read.
import type {
  AddCompoundRequest,
  AddCompoundTaskRequest,
  CompoundTaskStatus,
  CompoundTaskView,
  CompoundView,
} from '../../../../typings/programme';
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
import { failureText } from '../../../services/feedback';
import { newIdempotencyKey } from '../../../services/outbox';
import { largeTextBehavior } from '../../../behaviors/largeText';
import { loadStateBehavior, mapOk } from '../../../behaviors/loadState';
import { formWriteBehavior } from '../../../behaviors/formWrite';

type Tap<T extends Record<string, unknown>> = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, T>;
type FieldInput = WechatMiniprogram.Input & { currentTarget: { dataset: { field: string; form: string } } };

/** the ledger row and the task as typed: every field of the request, as text */
type LedgerForm = { [K in keyof AddCompoundRequest]-?: string };
type TaskForm = { [K in keyof Omit<AddCompoundTaskRequest, 'year'>]-?: string };

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

const taskFields = (f: TaskForm) => ({
  phase: f.phase,
  content: f.content,
  units: f.units,
  deadline: f.deadline.trim(),
  deadlineLabel: f.deadlineLabel.trim(),
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
  behaviors: [largeTextBehavior, loadStateBehavior, formWriteBehavior],
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
        canEdit: tasks.data.canEdit,
      });
      this.showTasks(tasks.data.items);
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

    showCompounds(compounds: CompoundView[], extra: Record<string, unknown> = {}) {
      this.setData({ compounds, overdueCompounds: compounds.filter((x) => x.overdue).length, editCompound: '', ...extra });
    },

    replaceCompound(c: CompoundView) {
      this.showCompounds(this.data.compounds.map((x) => (x.id === c.id ? c : x)));
    },

    onSaveCompound() {
      const id = this.data.editCompound;
      if (id)
        this.write(
          'ledgerError',
          () => updateCompound({ compoundId: id, ...ledgerFields(this.data.ledger) }),
          (c) => this.replaceCompound(c),
          '已保存',
        );
    },

    onCompoundStatus(e: Tap<{ id: string; status: 'open' | 'rectified' }>) {
      const { id, status } = e.currentTarget.dataset;
      this.write(
        'ledgerError',
        () => updateCompound({ compoundId: id, status }),
        (c) => this.replaceCompound(c),
        status === 'rectified' ? '已标记整改完成' : '已改回整改中',
      );
    },

    async onAddCompound() {
      const f = this.data.newLedger;
      if (!f.villageId) {
        this.setData({ addLedgerError: '请选择社区（村）' });
        return;
      }
      addLedgerKey = addLedgerKey || newIdempotencyKey();
      const added = await this.write(
        'addLedgerError',
        () => addCompound({ villageId: f.villageId, ...ledgerFields(f) }, addLedgerKey),
        (c) => this.showCompounds([...this.data.compounds, c], { newLedger: { ...EMPTY_LEDGER } }),
        '已加入台账',
      );
      if (added) addLedgerKey = '';
    },

    onEditTask(e: Tap<{ id: string }>) {
      const t = this.data.tasks.find((x) => x.id === e.currentTarget.dataset.id);
      if (!t || this.data.busy) return;
      this.setData(this.data.editTask === t.id ? { editTask: '' } : { editTask: t.id, task: taskOf(t), taskError: '' });
    },

    showTasks(tasks: CompoundTaskView[], extra: Record<string, unknown> = {}) {
      const rows = tasks.map((t) => ({ ...t, statusLabel: statusLabel(t.status) }));
      this.setData({ tasks: rows, overdueTasks: rows.filter((x) => x.overdue).length, editTask: '', ...extra });
    },

    replaceTask(t: CompoundTaskView) {
      this.showTasks(this.data.tasks.map((x) => (x.id === t.id ? t : x)));
    },

    onSaveTask() {
      const id = this.data.editTask;
      const f = this.data.task;
      if (id)
        this.write(
          'taskError',
          () => updateCompoundTask({ taskId: id, ...taskFields(f) }),
          (t) => this.replaceTask(t),
          '已保存',
        );
    },

    onTaskStatus(e: Tap<{ id: string; status: CompoundTaskStatus }>) {
      const { id, status } = e.currentTarget.dataset;
      this.write(
        'taskError',
        () => setTaskStatus(id, status),
        (t) => this.replaceTask(t),
        status === 'done' ? '已完成' : '已更新',
      );
    },

    async onAddTask() {
      const year = this.data.year;
      if (!year) return;
      const { deadlineLabel, ...fields } = taskFields(this.data.newTask);
      addTaskKey = addTaskKey || newIdempotencyKey();
      const added = await this.write(
        'addTaskError',
        () => addCompoundTask({ year, ...fields, ...(deadlineLabel ? { deadlineLabel } : {}) }, addTaskKey),
        (t) => this.showTasks([...this.data.tasks, t], { newTask: { ...EMPTY_TASK } }),
        '已添加任务',
      );
      if (added) addTaskKey = '';
    },
  },
});
