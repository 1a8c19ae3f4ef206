// Labels of the escalation contract, in the main package so the visitor and discipline packages share them.
import type { CaseLevel, CaseStatus, ObjectionStatus } from '../../typings/escalation';
import type { ProofKind } from '../../typings/visit';

export const LEVEL_LABELS: Record<CaseLevel, string> = { notice: '通报批评', interview: '约谈' };
export const STATUS_LABELS: Record<CaseStatus, string> = {
  draft: '通报草稿',
  open: '待处理',
  remedied: '已补齐',
  escalated: '已移交约谈',
  exempted: '已豁免',
  withdrawn: '已撤销',
  scheduled: '已安排约谈',
  closed: '已结案',
};
export const PROOF_LABELS: Record<ProofKind, string> = { cardQr: '扫明白卡', gps: '定位', villagerConfirm: '村民确认' };
export const OBJECTION_LABELS: Record<ObjectionStatus, string> = { pending: '待裁定', upheld: '申辩成立', rejected: '申辩未采纳' };
