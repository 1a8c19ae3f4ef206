// A case as it leaves the function: dates as ISO strings, plus where the visitor's objection window stands.
import type { CaseView } from '../../../typings/escalation';
import type { CaseRecord } from '../../domain/escalation/records';

export function caseView(c: CaseRecord, window?: { objectionOpen: boolean; objectionDeadline: Date | null }): CaseView {
  const { townshipId: _t, ...rest } = c;
  const view = JSON.parse(JSON.stringify(rest)) as CaseView;
  if (window) {
    view.objectionOpen = window.objectionOpen;
    view.objectionDeadline = window.objectionDeadline ? window.objectionDeadline.toISOString() : null;
  }
  return view;
}

/** The case's photos (evidence visits, the objection) as temporary links, for the people allowed to read the case. */
export function withPhotoLinks(view: CaseView, links: ReadonlyMap<string, string>): CaseView {
  const link = (ids: string[]) => ids.map((id) => links.get(id) ?? '').filter(Boolean);
  if (view.evidence) view.evidence.visits = view.evidence.visits.map((v) => ({ ...v, photos: link(v.photos) }));
  if (view.objection) view.objection = { ...view.objection, photos: link(view.objection.photos) };
  if (view.interview) view.interview = { ...view.interview, attachments: link(view.interview.attachments ?? []) };
  return view;
}

export function photoIdsOf(c: Pick<CaseRecord, 'evidence' | 'objection' | 'interview'>): string[] {
  return [...(c.evidence?.visits.flatMap((v) => v.photos) ?? []), ...(c.objection?.photos ?? []), ...(c.interview?.attachments ?? [])];
}
