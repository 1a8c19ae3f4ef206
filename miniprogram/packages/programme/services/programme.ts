// The programme pages' calls: the elderly registry, the old-compound ledger and task list, and the exports.
import type {
  AddCompoundRequest,
  AddCompoundTaskRequest,
  CompoundList,
  CompoundTaskList,
  CompoundTaskStatus,
  CompoundTaskView,
  CompoundView,
  ElderlyEntryView,
  ElderlyPage,
  HelperType,
  UpdateCompoundRequest,
  UpdateCompoundTaskRequest,
  UpdateElderlyRequest,
} from '../../../../typings/programme';
import type { ExportDone } from '../../../../typings/report';
import type { Result } from '../../../../typings/result';
import { callCloud } from '../../../services/callCloud';
import { PAGE_SIZE } from '../../../config/paging';
import { newIdempotencyKey } from '../../../services/outbox';

export const HELPER_TYPES: { value: HelperType; label: string }[] = [
  { value: 'cadre', label: '村（社区）干部' },
  { value: 'gridWorker', label: '网格员' },
  { value: 'volunteer', label: '志愿者' },
  { value: 'other', label: '其他' },
];

export function listElderly(page = 1, includeInactive = false): Promise<Result<ElderlyPage>> {
  return callCloud('programme', 'listElderly', { page, pageSize: PAGE_SIZE, includeInactive });
}

export interface ElderlyForm {
  villageId: string;
  name: string;
  gender: 'male' | 'female';
  age: number;
  phone: string | null;
  smoking: boolean;
  drinking: boolean;
  address: string;
  buildingType: string;
  floors: number;
  yearBuilt: string;
  helper: { name: string; type: HelperType; phone: string; personId: null };
  devices: { smokeDetector: boolean; alarmOrVideo: boolean; leakageProtection: boolean; gasShutoff: boolean; other: string };
}

export function addElderly(form: ElderlyForm, idempotencyKey: string): Promise<Result<ElderlyEntryView>> {
  return callCloud('programme', 'addElderly', { ...form }, { idempotencyKey });
}

export function updateElderly(request: UpdateElderlyRequest): Promise<Result<ElderlyEntryView>> {
  return callCloud('programme', 'updateElderly', request, { idempotencyKey: newIdempotencyKey() });
}

/** 销册 (active false) or back on the registry, always with the reason */
export function setElderlyActive(elderlyId: string, active: boolean, reason: string): Promise<Result<ElderlyEntryView>> {
  return callCloud('programme', 'setElderlyActive', { elderlyId, active, reason }, { idempotencyKey: newIdempotencyKey() });
}

export function listCompounds(): Promise<Result<CompoundList>> {
  return callCloud('programme', 'listCompounds', {});
}

export function addCompound(request: AddCompoundRequest, idempotencyKey: string): Promise<Result<CompoundView>> {
  return callCloud('programme', 'addCompound', request, { idempotencyKey });
}

export function updateCompound(request: UpdateCompoundRequest): Promise<Result<CompoundView>> {
  return callCloud('programme', 'updateCompound', request, { idempotencyKey: newIdempotencyKey() });
}

export function listCompoundTasks(year?: number): Promise<Result<CompoundTaskList>> {
  return callCloud('programme', 'listCompoundTasks', year ? { year } : {});
}

export function addCompoundTask(request: AddCompoundTaskRequest, idempotencyKey: string): Promise<Result<CompoundTaskView>> {
  return callCloud('programme', 'addCompoundTask', request, { idempotencyKey });
}

export function updateCompoundTask(request: UpdateCompoundTaskRequest): Promise<Result<CompoundTaskView>> {
  return callCloud('programme', 'updateCompoundTask', request, { idempotencyKey: newIdempotencyKey() });
}

export function setTaskStatus(taskId: string, status: CompoundTaskStatus, note?: string): Promise<Result<CompoundTaskView>> {
  return callCloud('programme', 'setTaskStatus', note === undefined ? { taskId, status } : { taskId, status, note }, {
    idempotencyKey: newIdempotencyKey(),
  });
}

/** A number as typed; anything else goes to the server as typed, so its own message names the field. */
export function num(text: string): number {
  const t = text.trim();
  return (/^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t) as number;
}

export type ExportAction = 'exportElderlyTable' | 'exportCompoundLedger' | 'exportElderly001' | 'exportStats001' | 'exportCompliance';

/** What the export form holds; each table takes the fields it needs. */
export interface ExportForm {
  month: string;
  campaignId: string;
  periodKey: string;
}

const EXPORT_OPTIONS = { timeoutMs: 60000 };

export function runExport(action: ExportAction, form: ExportForm): Promise<Result<ExportDone>> {
  switch (action) {
    case 'exportElderlyTable':
      return callCloud('report', action, { month: form.month }, EXPORT_OPTIONS);
    case 'exportStats001':
    case 'exportCompliance':
      return callCloud('report', action, { campaignId: form.campaignId, periodKey: form.periodKey }, EXPORT_OPTIONS);
    case 'exportCompoundLedger':
    case 'exportElderly001':
      return callCloud('report', action, {}, EXPORT_OPTIONS);
  }
}
