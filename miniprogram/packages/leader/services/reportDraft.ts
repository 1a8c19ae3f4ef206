// The weekly report as written so far, kept in wx storage on every change (per grid): a killed app or a failed photo
// upload loses nothing; the idempotency key is created once per submission and kept until it is accepted or queued.
import type { GridHazardCategory } from '../../../../typings/grid';
import type { LocalPhoto } from '../../../services/upload';

export interface DraftHazard {
  /** a local id: the list's wx:key and what 删除 names */
  id: string;
  category: GridHazardCategory;
  categoryLabel: string;
  description: string;
  householdId: string;
  address: string;
  photos: LocalPhoto[];
}

export interface ReportDraft {
  key: string;
  hazards: DraftHazard[];
  /** photos of the hazard being written, before 添加这条隐患 */
  photos: LocalPhoto[];
}

const storageKey = (gridId: string) => `nw.leader.reportDraft.v1.${gridId}`;

export function emptyDraft(): ReportDraft {
  return { key: '', hazards: [], photos: [] };
}

export function loadDraft(gridId: string): ReportDraft {
  const stored = wx.getStorageSync(storageKey(gridId)) as ReportDraft | '';
  return stored && typeof stored === 'object' ? { ...emptyDraft(), ...stored } : emptyDraft();
}

export function saveDraft(gridId: string, draft: ReportDraft): void {
  wx.setStorageSync(storageKey(gridId), draft);
}

export function clearDraft(gridId: string): void {
  wx.removeStorageSync(storageKey(gridId));
}
