// The report forms' drafts live in wx storage from the first keystroke, so a killed app or a failed photo upload
// loses nothing; the idempotency key is created once per draft and kept until the report is accepted or queued.
import type { GeoPoint } from '../../../../typings/org';
import type { HazardCategory } from '../../../../typings/resident';
import type { LocalPhoto } from '../../../services/upload';

export interface ReportDraft {
  key: string;
  category: HazardCategory | '';
  description: string;
  /** a household id, or '' with `publicPlace` for a public place */
  householdId: string;
  publicPlace: string;
  /** the whistle-blower form's village */
  villageId: string;
  photos: LocalPhoto[];
  location: GeoPoint | null;
}

export type DraftKind = 'report' | 'whistle';

const storageKey = (kind: DraftKind) => `nw.resident.${kind}Draft.v1`;

export function emptyDraft(): ReportDraft {
  return { key: '', category: '', description: '', householdId: '', publicPlace: '', villageId: '', photos: [], location: null };
}

export function loadDraft(kind: DraftKind): ReportDraft {
  const stored = wx.getStorageSync(storageKey(kind)) as ReportDraft | '';
  return stored && typeof stored === 'object' ? { ...emptyDraft(), ...stored } : emptyDraft();
}

export function saveDraft(kind: DraftKind, draft: ReportDraft): void {
  wx.setStorageSync(storageKey(kind), draft);
}

export function clearDraft(kind: DraftKind): void {
  wx.removeStorageSync(storageKey(kind));
}

/** What is missing before a call is worth making; field → message. */
export function missingFields(draft: ReportDraft, needPlace: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  if (!draft.category) out.category = '请选择隐患类别';
  if (!draft.description.trim()) out.description = '请填写隐患情况';
  if (needPlace && draft.publicPlace.trim().length < 2) out.publicPlace = '请写清隐患所在地点（至少2个字）';
  return out;
}
