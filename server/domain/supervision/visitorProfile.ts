// 走访人的单位与类别: "结合镇政府干部职工和驻村工作队明确走访人的责任范围" and "全面动员…镇村两级党员干部" (seed 001 §三、§五).
import type { CaseVisitorContact, VisitorType } from '../../../typings/supervision';
import type { PersonRecord } from '../org/records';

export const VISITOR_TYPE_LABELS: Record<VisitorType, string> = {
  townCadre: '镇干部',
  villageCadre: '村干部',
  partyMember: '党员',
  workTeam: '驻村工作队',
};

export const VISITOR_TYPES = Object.keys(VISITOR_TYPE_LABELS) as [VisitorType, ...VisitorType[]];

/**
 * The visitor of a case for the offices that supervise it: the phone in full (the discipline office calls the visitor
 * about the interview — the one place it sees a phone unmasked), the unit and the type.
 */
export function caseVisitorContact(p: PersonRecord | null, visitorName: string): CaseVisitorContact {
  const type = p?.visitorProfile?.type ?? null;
  return {
    name: p?.name ?? visitorName,
    phone: p?.phone ?? null,
    unit: p?.visitorProfile?.unit ?? '',
    type,
    typeLabel: type ? VISITOR_TYPE_LABELS[type] : '未登记',
  };
}
