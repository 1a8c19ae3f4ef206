// The knock-visit form as typed so far, kept in wx storage on every change: killing the app loses nothing.
import type { GeoPoint } from '../../../../typings/org';
import type { ChecklistAnswer, ChecklistTemplateView } from '../../../../typings/visit';
import type { LocalPhoto } from '../../../services/upload';

export interface AnswerDraft {
  answer: ChecklistAnswer | '';
  note: string;
  deadline: string;
}

export interface VisitDraft {
  householdId: string;
  address: string;
  templateId: string;
  answers: Record<string, AnswerDraft>;
  education: { noticeHandedOver: boolean; sanQingSanGuanExplained: boolean };
  photos: LocalPhoto[];
  cardQrScene: string;
  location: GeoPoint | null;
  /** the idempotency key of this visit, fixed at the first submit so every retry is the same visit */
  key: string;
}

const draftKey = (householdId: string) => `nw.visitDraft.v1.${householdId}`;
const TEMPLATES_KEY = 'nw.checklistTemplates.v1';
/** the last recorded visit per household, so the hazard page can verify on that re-visit */
const LAST_VISITS_KEY = 'nw.lastVisits.v1';

export function emptyDraft(householdId: string, address: string, templateId: string): VisitDraft {
  return {
    householdId,
    address,
    templateId,
    answers: {},
    education: { noticeHandedOver: false, sanQingSanGuanExplained: false },
    photos: [],
    cardQrScene: '',
    location: null,
    key: '',
  };
}

export function loadDraft(householdId: string): VisitDraft | null {
  const stored = wx.getStorageSync(draftKey(householdId)) as VisitDraft | '';
  return stored && typeof stored === 'object' ? stored : null;
}

export function saveDraft(draft: VisitDraft): void {
  wx.setStorageSync(draftKey(draft.householdId), draft);
}

export function clearDraft(householdId: string): void {
  wx.removeStorageSync(draftKey(householdId));
}

/** The checklist is cached so a visit can be filled in where there is no network. */
export function cachedTemplates(): ChecklistTemplateView[] {
  const stored = wx.getStorageSync(TEMPLATES_KEY) as ChecklistTemplateView[] | '';
  return Array.isArray(stored) ? stored : [];
}

export function cacheTemplates(templates: ChecklistTemplateView[]): void {
  wx.setStorageSync(TEMPLATES_KEY, templates);
}

export interface LastVisit {
  visitId: string;
  at: string;
}

export function lastVisits(): Record<string, LastVisit> {
  const stored = wx.getStorageSync(LAST_VISITS_KEY) as Record<string, LastVisit> | '';
  return stored && typeof stored === 'object' ? stored : {};
}

export function rememberVisit(householdId: string, visit: LastVisit): void {
  wx.setStorageSync(LAST_VISITS_KEY, { ...lastVisits(), [householdId]: visit });
}
