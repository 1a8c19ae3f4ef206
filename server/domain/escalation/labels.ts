// How cases read in Chinese on the server (tables, refusals); the mini program's copy is miniprogram/config/caseLabels.ts.
import type { CaseLevel, CaseStatus, ObjectionStatus } from './records';
import type { ProofKind } from '../visit/records';

export const CASE_LEVEL_LABELS: Record<CaseLevel, string> = { notice: '通报批评', interview: '约谈' };
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
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
export const OBJECTION_STATUS_LABELS: Record<ObjectionStatus, string> = { pending: '待裁定', upheld: '成立（撤销）', rejected: '不成立' };
