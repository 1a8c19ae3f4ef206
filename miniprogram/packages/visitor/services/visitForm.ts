// The knock-visit form's rules on the phone: which fields are required, the request it becomes, where a refusal goes.
import type { ChecklistTemplateView, RecordVisitRequest } from '../../../../typings/visit';
import type { VisitDraft } from '../services/draft';

export const ANSWER_LABELS = { ok: '正常', hazard: '有隐患', na: '不适用' } as const;

export interface ItemRow {
  key: string;
  label: string;
  /** shown above the first item of its group */
  group: string;
  answer: string;
  note: string;
  deadline: string;
  error: string;
}

export function itemRows(template: ChecklistTemplateView | undefined, draft: VisitDraft, errors: Record<string, string>): ItemRow[] {
  if (!template) return [];
  let lastGroup = '';
  return template.items.map((i) => {
    const a = draft.answers[i.key];
    const group = i.group !== lastGroup ? i.group : '';
    lastGroup = i.group;
    return {
      key: i.key,
      label: i.label,
      group,
      answer: a?.answer ?? '',
      note: a?.note ?? '',
      deadline: a?.deadline ?? '',
      error: errors[i.key] ?? '',
    };
  });
}

/** The same rules the server applies (recordVisitSchema), checked before anything is sent. */
export function missingFields(
  template: ChecklistTemplateView | undefined,
  draft: VisitDraft,
): { items: Record<string, string>; form: string } {
  const items: Record<string, string> = {};
  const answered = (template?.items ?? []).filter((i) => draft.answers[i.key]?.answer);
  for (const i of answered) {
    const a = draft.answers[i.key];
    if (a.answer !== 'hazard') continue;
    if (!a.note.trim()) items[i.key] = '有隐患的检查项须写明隐患情况';
    else if (!a.deadline) items[i.key] = '有隐患的检查项须填写整改期限';
  }
  return { items, form: answered.length ? '' : '请至少填写一项检查结果' };
}

export function visitRequest(template: ChecklistTemplateView, draft: VisitDraft): RecordVisitRequest {
  const answers = template.items
    .filter((i) => draft.answers[i.key]?.answer)
    .map((i) => {
      const a = draft.answers[i.key];
      const answer = a.answer as 'ok' | 'hazard' | 'na';
      return answer === 'hazard' ? { key: i.key, answer, note: a.note.trim(), deadline: a.deadline } : { key: i.key, answer };
    });
  const request: RecordVisitRequest = {
    householdId: draft.householdId,
    templateId: template.id,
    answers,
    education: { ...draft.education },
    photos: draft.photos.map((p) => p.fileId).filter((id): id is string => !!id),
    location: draft.location,
  };
  if (draft.cardQrScene) request.proof = { cardQrScene: draft.cardQrScene };
  return request;
}

export type RefusalPlace = { item: string } | { field: 'photos' | 'proof' | 'location' } | { form: true };

/** A refusal's `field` (e.g. `answers.3.deadline`, `proof.cardQrScene`) → the place on the form that shows it. */
export function refusalPlace(field: string | undefined, sentKeys: string[]): RefusalPlace {
  const m = /^answers\.(\d+)/.exec(field ?? '');
  if (m && sentKeys[Number(m[1])]) return { item: sentKeys[Number(m[1])] };
  if (field === 'photos') return { field: 'photos' };
  if (field?.startsWith('proof')) return { field: 'proof' };
  if (field?.startsWith('location')) return { field: 'location' };
  return { form: true };
}

/** The scene of a scanned 明白卡: from the mini-program path (`pages/card/index?scene=h%3D…`) or the raw text. */
export function sceneFromScan(res: { path?: string; result?: string }): string {
  for (const text of [res.path, res.result]) {
    if (!text) continue;
    const m = /[?&]scene=([^&]+)/.exec(text);
    if (m) {
      try {
        return decodeURIComponent(m[1]);
      } catch {
        return m[1];
      }
    }
  }
  return (res.result ?? '').trim();
}
