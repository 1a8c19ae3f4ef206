// visit.listUnprovenVisits → visits recorded without any proof of presence, newest first.
import type { Result } from '../../../../typings/result';
import { callCloud } from '../../../services/callCloud';
import { cstTime } from '../../../ui/cstFormat';
import { PAGE_SIZE as UNPROVEN_PAGE_SIZE } from '../../../config/paging';

export interface UnprovenRow {
  id: string;
  address: string;
  visitor: string;
  at: string;
  note: string;
}

export async function listUnproven(page: number): Promise<Result<{ rows: UnprovenRow[]; total: number }>> {
  const res = await callCloud('visit', 'listUnprovenVisits', { page, pageSize: UNPROVEN_PAGE_SIZE });
  if (!res.ok) return res;
  const rows = res.data.items.map((v) => ({
    id: v.id,
    address: v.address,
    visitor: v.visitorName,
    at: cstTime(v.at),
    note: (v.offline ? '离线补录 · ' : '') + (v.assigned ? '分工内' : '非分工农户'),
  }));
  return { ok: true, data: { rows, total: res.data.total } };
}
