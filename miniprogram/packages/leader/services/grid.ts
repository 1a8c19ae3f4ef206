// The grid leader's calls: this week's board, contact confirmations (queued offline with their device time), the weekly
// risk report and past weeks; the grid a leader of several grids chose (remembered on the phone); the labels the pages share.
import type { ContactMethod, GridHazardCategory, ListWeeksResult, WeeklyBoard } from '../../../../typings/grid';
import type { Result } from '../../../../typings/result';
import { callCloud } from '../../../services/callCloud';
import { pending, submitOrQueue } from '../../../services/outbox';

const GRID_KEY = 'nw.leader.gridId.v1';

/** The grid chosen on the board by a leader of several grids; '' = the server's default (the only or first one). */
export function chosenGrid(): string {
  const stored = wx.getStorageSync(GRID_KEY) as string | '';
  return typeof stored === 'string' ? stored : '';
}

export function chooseGrid(gridId: string): void {
  if (gridId) wx.setStorageSync(GRID_KEY, gridId);
  else wx.removeStorageSync(GRID_KEY);
}

const gridField = (): { gridId?: string } => (chosenGrid() ? { gridId: chosenGrid() } : {});

/**
 * This week's board of the chosen grid. A remembered grid the leader no longer leads (the role was moved) is forgotten
 * and the leader's own grid is shown instead: the second call happens only then.
 */
export async function loadBoard(): Promise<Result<WeeklyBoard>> {
  const res = await callCloud('grid', 'weeklyBoard', gridField());
  if (res.ok || !chosenGrid() || (res.code !== 'FORBIDDEN' && res.code !== 'NOT_FOUND')) return res;
  chooseGrid('');
  return callCloud('grid', 'weeklyBoard', {});
}

export function loadWeeks(count = 8): Promise<Result<ListWeeksResult>> {
  return callCloud('grid', 'listWeeks', { count, ...gridField() });
}

/** Sent now, or kept on the phone with the device time when there is no network (SPEC §3: up to 48 h late). */
export function confirmContact(householdId: string, method: ContactMethod, label: string) {
  return submitOrQueue('grid', 'confirmContact', { householdId, method }, label, { offlineFields: (d) => ({ deviceTime: d }) });
}

export interface ReportHazardInput {
  category: GridHazardCategory;
  description: string;
  householdId?: string;
  /** file IDs of the uploaded photos */
  photos?: string[];
}

/** The report of the grid the board showed (a leader of several grids files for the one chosen). */
export function fileReport(gridId: string, noRisk: boolean, hazards: ReportHazardInput[], key: string) {
  return submitOrQueue(
    'grid',
    'fileWeeklyReport',
    { gridId, noRisk, hazards },
    noRisk ? '本周风险上报：无风险' : `本周风险上报：${hazards.length}条隐患`,
    {
      key,
      offlineFields: (d) => ({ deviceTime: d }),
    },
  );
}

/** Households whose confirmation waits in the outbox (not refused), for the "待上传" mark. */
export function pendingContacts(): Map<string, { method: ContactMethod; key: string }> {
  const out = new Map<string, { method: ContactMethod; key: string }>();
  for (const item of pending()) {
    if (item.fn === 'grid' && item.action === 'confirmContact' && !item.lastError) {
      out.set(String(item.data.householdId), { method: item.data.method as ContactMethod, key: item.key });
    }
  }
  return out;
}

export function pendingReports(): number {
  return pending().filter((i) => i.fn === 'grid' && i.action === 'fileWeeklyReport' && !i.lastError).length;
}

export const METHODS: { key: ContactMethod; label: string }[] = [
  { key: 'wechat', label: '微信' },
  { key: 'phone', label: '电话' },
  { key: 'inPerson', label: '上门' },
];

export const METHOD_LABELS: Record<ContactMethod, string> = { wechat: '微信', phone: '电话', inPerson: '上门' };

/** Same labels as the server's HAZARD_CATEGORIES (server/domain/grid/hazards.ts). */
export const CATEGORIES: { key: GridHazardCategory; label: string }[] = [
  { key: 'electrical', label: '电气线路' },
  { key: 'gas', label: '燃气' },
  { key: 'clutter', label: '杂物堆放' },
  { key: 'heating', label: '取暖' },
  { key: 'smokedMeat', label: '熏制腊肉' },
  { key: 'ebikeCharging', label: '电动车充电' },
  { key: 'stove', label: '柴火灶' },
  { key: 'smokeDetector', label: '烟感报警器' },
  { key: 'other', label: '其他' },
];
