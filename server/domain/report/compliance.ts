// The discipline office's sheet for one period, visitor by visitor: households held, counted/required visits, the
// short households, and the notice/interview case ("第一次进行全镇通报批评 … 镇纪委将对该走访人进行约谈").
import { CASE_LEVEL_LABELS, CASE_STATUS_LABELS } from '../escalation/labels';
import type { CaseLevel, CaseStatus } from '../escalation/records';
import type { TableLayout } from './layout';

export const COMPLIANCE_TABLE: TableLayout = {
  sheetName: '走访人履职情况',
  title: '“邻里守望、户户监督、网格防范”走访人入户走访履职情况表',
  header: [
    { header: '序号', width: 6 },
    { header: '走访人', width: 10 },
    {
      group: '入户走访',
      columns: [
        { header: '责任户数（户）', width: 10 },
        { header: '已计走访（次）', width: 10 },
        { header: '应走访（次）', width: 10 },
      ],
    },
    {
      group: '未达标',
      columns: [
        { header: '户数（户）', width: 8 },
        { header: '农户（已计/应走访）', width: 40 },
      ],
    },
    {
      group: '问责情况',
      columns: [
        { header: '案件等级', width: 10 },
        { header: '案件状态', width: 10 },
      ],
    },
  ],
};

export interface VisitorLine {
  visitorPersonId: string;
  visitorName: string;
  held: number;
  counted: number;
  required: number;
  short: { address: string; counted: number }[];
  caseLevel: CaseLevel | null;
  caseStatus: CaseStatus | null;
}

export interface ComplianceInput {
  held: { householdId: string; visitorPersonId: string }[];
  counted: ReadonlyMap<string, number>;
  quota: number;
  visitorNames: ReadonlyMap<string, string>;
  addresses: ReadonlyMap<string, string>;
  /** the furthest case of each visitor in the period */
  cases: ReadonlyMap<string, { level: CaseLevel; status: CaseStatus }>;
}

export function complianceLines(input: ComplianceInput): VisitorLine[] {
  const byVisitor = new Map<string, string[]>();
  for (const h of input.held) byVisitor.set(h.visitorPersonId, [...(byVisitor.get(h.visitorPersonId) ?? []), h.householdId]);
  return [...byVisitor.entries()]
    .map(([visitorPersonId, households]) => {
      const c = (id: string) => Math.min(input.counted.get(id) ?? 0, input.quota);
      const k = input.cases.get(visitorPersonId);
      return {
        visitorPersonId,
        visitorName: input.visitorNames.get(visitorPersonId) ?? '',
        held: households.length,
        counted: households.reduce((n, id) => n + c(id), 0),
        required: households.length * input.quota,
        short: households.filter((id) => c(id) < input.quota).map((id) => ({ address: input.addresses.get(id) ?? id, counted: c(id) })),
        caseLevel: k?.level ?? null,
        caseStatus: k?.status ?? null,
      };
    })
    .sort(
      (a, b) =>
        b.short.length - a.short.length ||
        a.visitorName.localeCompare(b.visitorName, 'zh') ||
        a.visitorPersonId.localeCompare(b.visitorPersonId),
    );
}

export function complianceRow(n: number, l: VisitorLine, quota: number): (string | number)[] {
  return [
    n,
    l.visitorName,
    l.held,
    l.counted,
    l.required,
    l.short.length,
    l.short.map((s) => `${s.address}（${s.counted}/${quota}）`).join('；'),
    l.caseLevel ? CASE_LEVEL_LABELS[l.caseLevel] : '',
    l.caseStatus ? CASE_STATUS_LABELS[l.caseStatus] : '',
  ];
}
