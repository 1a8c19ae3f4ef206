// escalation.listNotices / getNotice / publishNotice / exemptVisitor → the township notices 通报: drafts to review
// and publish, published ones with their corrections (SPEC §4.3–4.4, 4.9–4.10).
import type { NoticeView, PeriodStageView } from '../../../../typings/escalation';
import type { Result } from '../../../../typings/result';
import { callCloud } from '../../../services/callCloud';
import { PROOF_LABELS } from '../../../config/caseLabels';
import { cstTime } from '../../../ui/cstFormat';
import { PAGE_SIZE as NOTICE_PAGE_SIZE } from '../../../config/paging';

/** the server's own minimum (server/domain/common/fields.ts `reason`) */
export const REASON_MIN = 2;

export interface NoticeRow {
  id: string;
  title: string;
  period: string;
  draft: boolean;
  overdue: boolean;
  when: string;
  count: number;
}

export interface StageRow {
  key: string;
  text: string;
}

export interface NoticeLineRow {
  visitorPersonId: string;
  head: string;
  households: { key: string; text: string }[];
}

export interface NoticeDetail {
  id: string;
  campaignId: string;
  periodKey: string;
  draft: boolean;
  due: string;
  lines: NoticeLineRow[];
  excluded: string[];
  corrections: string[];
  remedy: string;
}

function stageRow(s: PeriodStageView): StageRow {
  const closes = s.closesAt ? `，${cstTime(s.closesAt)} 统计结束后生成通报草稿` : '';
  return { key: `${s.campaignId}:${s.periodKey}`, text: `${s.periodLabel}：${s.stageLabel}${closes}` };
}

export async function listNotices(page: number): Promise<Result<{ rows: NoticeRow[]; total: number; stages: StageRow[] }>> {
  const res = await callCloud('escalation', 'listNotices', { page, pageSize: NOTICE_PAGE_SIZE });
  if (!res.ok) return res;
  const rows = res.data.items.map((n) => ({
    id: n._id,
    title: n.title,
    period: n.periodLabel,
    draft: n.status === 'draft',
    overdue: !!n.overdue,
    when:
      n.status === 'draft'
        ? `草稿，应于 ${cstTime(new Date(new Date(n.publishDueAt).getTime() - 60_000).toISOString())} 前发布`
        : `发布于 ${cstTime(n.publishedAt)}`,
    count: n.lines.length,
  }));
  return { ok: true, data: { rows, total: res.data.total, stages: res.data.stages.map(stageRow) } };
}

export function noticeDetail(n: NoticeView): NoticeDetail {
  return {
    id: n._id,
    campaignId: n.campaignId,
    periodKey: n.periodKey,
    draft: n.status === 'draft',
    due: n.publishDueWorkingDays ? '' : '该年度法定工作日安排尚未确认，发布期限按自然日计算',
    lines: n.lines.map((l) => ({
      visitorPersonId: l.visitorPersonId,
      head: `${l.visitorName}：${l.shortHouseholds} 户未达标，缺 ${l.missingVisits} 次走访`,
      households: l.households.slice(0, 40).map((h) => ({
        key: h.householdId,
        text: `${h.address}：已计 ${h.counted}/${h.needed} 次${h.visits.length ? '（' + h.visits.map((v) => `${cstTime(String(v.at)).slice(5)} ${v.proofs.length ? v.proofs.map((p) => PROOF_LABELS[p]).join('+') : '无到场凭证'}`).join('；') + '）' : ''}`,
      })),
    })),
    excluded: (n.excluded ?? []).map((e) => `${e.visitorName}：${e.reason}`),
    corrections: n.corrections.map((c) => `更正（${cstTime(c.at).slice(0, 10)}）：${c.reason}`),
    remedy: n.remedyDeadline ? `补齐期限：${cstTime(new Date(new Date(n.remedyDeadline).getTime() - 60_000).toISOString())}` : '',
  };
}

export async function openNotice(noticeId: string): Promise<Result<NoticeDetail>> {
  const res = await callCloud('escalation', 'getNotice', { noticeId });
  return res.ok ? { ok: true, data: noticeDetail(res.data) } : res;
}

export async function publishNotice(noticeId: string): Promise<Result<NoticeDetail>> {
  const res = await callCloud('escalation', 'publishNotice', { noticeId });
  return res.ok ? { ok: true, data: noticeDetail(res.data) } : res;
}

export function exemptFromNotice(detail: NoticeDetail, visitorPersonId: string, reason: string): Promise<Result<unknown>> {
  return callCloud('escalation', 'exemptVisitor', { campaignId: detail.campaignId, periodKey: detail.periodKey, visitorPersonId, reason });
}
