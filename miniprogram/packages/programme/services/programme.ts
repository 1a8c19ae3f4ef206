// The programme pages' calls: the elderly registry, the old-compound ledger and task list, and the exports.
import type { CompoundTaskView, CompoundView, ElderlyEntryView, ElderlyPage, HelperType } from '../../../../typings/programme';
import type { ExportDone } from '../../../../typings/report';
import type { Result } from '../../../../typings/result';
import { callCloud } from '../../../services/callCloud';
import { PAGE_SIZE } from '../../../config/paging';

export const HELPER_TYPES: { value: HelperType; label: string }[] = [
  { value: 'cadre', label: '村（社区）干部' },
  { value: 'gridWorker', label: '网格员' },
  { value: 'volunteer', label: '志愿者' },
  { value: 'other', label: '其他' },
];

export function listElderly(page = 1): Promise<Result<ElderlyPage>> {
  return callCloud('programme', 'listElderly', { page, pageSize: PAGE_SIZE });
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

export function listCompounds(): Promise<Result<{ items: CompoundView[]; overdue: number }>> {
  return callCloud('programme', 'listCompounds', {});
}

export function listCompoundTasks(): Promise<Result<{ year: number; items: CompoundTaskView[]; overdue: number }>> {
  return callCloud('programme', 'listCompoundTasks', {});
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
