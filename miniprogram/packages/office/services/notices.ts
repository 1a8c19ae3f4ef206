// escalation.listNotices / getNotice → the township notices 通报 and their lines.
import type { Page } from '../../../../typings/org';
import type { Result } from '../../../../typings/result';
import { callCloud } from '../../../services/callCloud';
import { cstTime } from '../../../ui/cstFormat';

export const NOTICE_PAGE_SIZE = 20;

interface NoticeReply {
  _id: string;
  campaignId: string;
  periodKey: string;
  periodLabel: string;
  title: string;
  lines: { visitorPersonId: string; visitorName: string; shortHouseholds: number; missingVisits: number }[];
  publishedAt: string;
}

export interface NoticeRow {
  id: string;
  title: string;
  period: string;
  published: string;
  count: number;
}

export interface NoticeLine {
  key: string;
  text: string;
}

export async function listNotices(page: number): Promise<Result<{ rows: NoticeRow[]; total: number }>> {
  const res = await callCloud<Page<NoticeReply>>('escalation', 'listNotices', { page, pageSize: NOTICE_PAGE_SIZE });
  if (!res.ok) return res;
  const rows = res.data.items.map((n) => ({ id: n._id, title: n.title, period: n.periodLabel, published: cstTime(n.publishedAt), count: n.lines.length }));
  return { ok: true, data: { rows, total: res.data.total } };
}

export async function noticeLines(noticeId: string): Promise<Result<NoticeLine[]>> {
  const res = await callCloud<NoticeReply>('escalation', 'getNotice', { noticeId });
  if (!res.ok) return res;
  return {
    ok: true,
    data: res.data.lines.map((l) => ({ key: l.visitorPersonId, text: `${l.visitorName}：${l.shortHouseholds} 户未达标，缺 ${l.missingVisits} 次走访` })),
  };
}
