// The escalation contract for the discipline pages: types from typings/, labels from the main package.
export type { CaseLevel, CaseListPage, CasePage, CaseStatus, CaseView, NoticePage, NoticeView } from '../../../../typings/escalation';
export { LEVEL_LABELS, PROOF_LABELS, STATUS_LABELS } from '../../../config/caseLabels';
