// escalation.listObjections / ruleObjection → objections 申辩 awaiting a ruling: notice objections for the township
// office, interview objections for the discipline office (SPEC §4.8). The server decides which the caller sees.
import type { CaseView } from '../../../../typings/escalation';
import type { Result } from '../../../../typings/result';
import { callCloud } from '../../../services/callCloud';
import { LEVEL_LABELS } from '../../../config/caseLabels';
import { cstTime } from '../../../ui/cstFormat';
import { PAGE_SIZE as OBJECTION_PAGE_SIZE } from '../../../config/paging';

/** the server's own minimum (server/domain/common/fields.ts `reason`) */
export const REASON_MIN = 2;

export interface ObjectionRow {
  caseId: string;
  title: string;
  filed: string;
  text: string;
  photos: string[];
  shortage: string;
}

function row(c: CaseView): ObjectionRow {
  return {
    caseId: c._id,
    title: `${c.visitorName} · ${c.periodLabel}${LEVEL_LABELS[c.level]}`,
    filed: c.objection ? `提交于 ${cstTime(c.objection.filedAt)}` : '',
    text: c.objection?.text ?? '',
    photos: c.objection?.photos ?? [],
    shortage: `${c.shortHouseholds.length} 户未完成，共缺 ${c.shortHouseholds.reduce((n, h) => n + h.missing, 0)} 次走访`,
  };
}

export async function pendingObjections(page: number): Promise<Result<{ rows: ObjectionRow[]; total: number }>> {
  const res = await callCloud('escalation', 'listObjections', { status: 'pending', page, pageSize: OBJECTION_PAGE_SIZE });
  return res.ok ? { ok: true, data: { rows: res.data.items.map(row), total: res.data.total } } : res;
}

export function ruleObjection(caseId: string, upheld: boolean, reason: string): Promise<Result<CaseView>> {
  return callCloud('escalation', 'ruleObjection', { caseId, upheld, reason });
}
