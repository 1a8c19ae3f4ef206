// Case labels for the visitor's pages (subpackages cannot load each other's code, so the discipline package keeps its own).
import type { CaseLevel, CaseStatus } from '../../discipline/services/caseTypes';

export const LEVEL_LABELS: Record<CaseLevel, string> = { notice: '通报批评', interview: '约谈' };
export const STATUS_LABELS: Record<CaseStatus, string> = {
  open: '待处理',
  remedied: '已整改',
  escalated: '已移交约谈',
  exempted: '已豁免',
  scheduled: '已安排约谈',
  closed: '已结案',
};
