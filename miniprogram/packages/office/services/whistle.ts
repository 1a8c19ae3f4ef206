// resident.listWhistleReports → the township's whistle-blower reports 吹哨人 (004) for the office to oversee: where each
// went, who handles it, its state and deadline. The server sends no reporter; nothing here could show one.
import type { WhistleOversightView } from '../../../../typings/resident';
import type { Result } from '../../../../typings/result';
import { callCloud } from '../../../services/callCloud';
import { cstTime } from '../../../ui/cstFormat';
import { PAGE_SIZE } from '../../../config/paging';

export interface WhistleRow {
  id: string;
  title: string;
  place: string;
  description: string;
  handler: string;
  statusLabel: string;
  statusTag: string;
  reported: string;
  deadline: string;
  photos: string[];
}

function row(r: WhistleOversightView): WhistleRow {
  const tag = r.status === 'verified' ? 'tag-ok' : r.overdue ? 'tag-danger' : 'tag-warn';
  return {
    id: r.id,
    title: r.category,
    place: `${r.villageName}${r.place ? ` · ${r.place}` : ''}`,
    description: r.description,
    handler: `${r.routeLabel}${r.handlerName ? `：${r.handlerName}` : ''}`,
    statusLabel: r.overdue ? `${r.statusLabel}（已逾期）` : r.statusLabel,
    statusTag: tag,
    reported: cstTime(r.reportedAt),
    deadline: r.deadlineDay,
    photos: r.photos.slice(0, 3),
  };
}

export async function whistleReports(
  page: number,
  openOnly: boolean,
): Promise<Result<{ rows: WhistleRow[]; total: number; open: number; overdue: number }>> {
  const res = await callCloud('resident', 'listWhistleReports', { page, pageSize: PAGE_SIZE, openOnly });
  return res.ok
    ? { ok: true, data: { rows: res.data.items.map(row), total: res.data.total, open: res.data.open, overdue: res.data.overdue } }
    : res;
}
