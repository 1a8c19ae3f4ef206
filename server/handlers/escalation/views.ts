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
