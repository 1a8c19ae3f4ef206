// Labels of the escalation contract, in the main package so the visitor and discipline packages share them.
import type { CaseLevel, CaseStatus } from '../../typings/escalation';
import type { ProofKind } from '../../typings/visit';

export const LEVEL_LABELS: Record<CaseLevel, string> = { notice: '通报批评', interview: '约谈' };
export const STATUS_LABELS: Record<CaseStatus, string> = {
  open: '待处理',
  remedied: '已整改',
  escalated: '已移交约谈',
  exempted: '已豁免',
  scheduled: '已安排约谈',
  closed: '已结案',
};
export const PROOF_LABELS: Record<ProofKind, string> = { cardQr: '扫明白卡', gps: '定位', villagerConfirm: '村民确认' };
