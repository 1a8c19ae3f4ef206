// The village's 安全隐患登记表 ("村部查阅安全隐患登记表", seed 001 §六(三)): every hazard of the village, one line each, with
// the household, the item, when found, the rectification deadline, where it stands and when it was verified.
import type { HazardRegisterRow } from '../../../typings/supervision';
import type { HazardRecord, HazardSource } from '../visit/records';
import { hazardState } from '../visit/hazardState';
import { STATUS_LABELS } from '../resident/rules';
import { cstDay } from '../time/cst';
import type { TableLayout } from '../report/layout';

export const HAZARD_SOURCE_LABELS: Record<HazardSource, string> = {
  visit: '入户走访发现',
  gridReport: '网格长上报',
  villager: '村民自报',
  whistleblower: '吹哨人举报',
};

/** The register's order, as a paper register is kept: oldest found first (as a database sort, and as a comparator). */
export const REGISTER_ORDER: [string, 'asc' | 'desc'][] = [
  ['reportedAt', 'asc'],
  ['_id', 'asc'],
];
export const byRegisterOrder = (a: Pick<HazardRecord, '_id' | 'reportedAt'>, b: Pick<HazardRecord, '_id' | 'reportedAt'>) =>
  new Date(a.reportedAt).getTime() - new Date(b.reportedAt).getTime() || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);

export interface RegisterFacts {
  /** household id → address and head */
  households: ReadonlyMap<string, { address: string; headName: string }>;
  /** person id → name (the verifier) */
  names: ReadonlyMap<string, string>;
  now: Date;
}

/** One register line; a whistle-blower's report carries no reporter, so none is shown. */
export function registerRow(h: HazardRecord, facts: RegisterFacts): HazardRegisterRow {
  const household = h.householdId ? facts.households.get(h.householdId) : undefined;
  const state = hazardState({ status: h.status, deadline: new Date(h.deadline) }, facts.now);
  return {
    hazardId: h._id,
    householdId: h.householdId,
    place: household?.address ?? h.place ?? '',
    headName: household?.headName ?? '',
    category: h.category,
    description: h.description,
    sourceLabel: HAZARD_SOURCE_LABELS[h.source],
    foundDay: cstDay(new Date(h.reportedAt)),
    deadlineDay: cstDay(new Date(h.deadline)),
    stateLabel: state.overdue ? `逾期未核实（${STATUS_LABELS[h.status]}）` : STATUS_LABELS[h.status],
    overdue: state.overdue,
    verifiedDay: h.verifiedAt ? cstDay(new Date(h.verifiedAt)) : '',
    verifiedBy: h.verifiedBy ? (facts.names.get(h.verifiedBy) ?? '') : '',
  };
}

export const HAZARD_REGISTER_TABLE: TableLayout = {
  sheetName: '安全隐患登记表',
  title: '“邻里守望、户户监督、网格防范”安全隐患登记表',
  header: [
    { header: '序号', width: 6 },
    { header: '农户地址（场所）', width: 22 },
    { header: '户主', width: 10 },
    { header: '隐患类别', width: 14 },
    { header: '隐患描述', width: 30 },
    { header: '来源', width: 12 },
    { header: '发现日期', width: 12 },
    { header: '整改期限', width: 12 },
    { header: '整改状态', width: 22 },
    { header: '核实整改日期', width: 12 },
    { header: '核实人', width: 10 },
  ],
};

export function registerCells(n: number, r: HazardRegisterRow): (string | number)[] {
  return [
    n,
    r.place,
    r.headName,
    r.category,
    r.description,
    r.sourceLabel,
    r.foundDay,
    r.deadlineDay,
    r.stateLabel,
    r.verifiedDay,
    r.verifiedBy,
  ];
}
