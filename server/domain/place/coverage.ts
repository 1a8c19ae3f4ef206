// Inspection plans and their coverage (SPEC §7b), all on the CST calendar: which places a plan covers, the period a
// frequency puts a day in, and each place's standing — done this period, due by its end, or overdue because the last
// period ended without an inspection ("派出所…每月至少开展1次检查" 004 §10; "每年检查1次" 004 §12).
import type { PlaceStanding, PlanFrequency, PlanSelector } from '../../../typings/place';
import { addDays } from '../time/cst';
import type { PlaceRecord, PlanRecord } from './records';

export const FREQUENCY_LABELS: Record<PlanFrequency, string> = {
  monthly: '每月一次',
  quarterly: '每季度一次',
  yearly: '每年一次',
  once: '限期一次',
};

export const FREQUENCIES = Object.keys(FREQUENCY_LABELS) as PlanFrequency[];

export function isFrequency(value: string): value is PlanFrequency {
  return (FREQUENCIES as string[]).includes(value);
}

export interface PlanPeriod {
  /** `2026-12`, `2026-Q4`, `2026`, or `once` */
  key: string;
  label: string;
  startDay: string;
  endDay: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): string {
  return addDays(month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`, -1);
}

/** The calendar quarter of a CST day. */
export function quarterOf(day: string): { key: string; label: string; startDay: string; endDay: string } {
  const year = Number(day.slice(0, 4));
  const q = Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1;
  return {
    key: `${year}-Q${q}`,
    label: `${year}年第${q}季度`,
    startDay: `${year}-${pad(q * 3 - 2)}-01`,
    endDay: lastDayOfMonth(year, q * 3),
  };
}

/** `2026-Q4` → its first and last day; null when the text is not a quarter. */
export function quarterByKey(key: string): PlanPeriod | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (!m) return null;
  return quarterOf(`${m[1]}-${pad(Number(m[2]) * 3 - 2)}-01`);
}

/** The period of a repeating frequency that contains the CST day (a `once` plan has one period: start to due day). */
export function periodOf(plan: Pick<PlanRecord, 'frequency' | 'dueBy' | 'startDay'>, day: string): PlanPeriod {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  switch (plan.frequency) {
    case 'monthly':
      return { key: day.slice(0, 7), label: `${year}年${month}月`, startDay: `${day.slice(0, 7)}-01`, endDay: lastDayOfMonth(year, month) };
    case 'quarterly':
      return quarterOf(day);
    case 'yearly':
      return { key: String(year), label: `${year}年`, startDay: `${year}-01-01`, endDay: `${year}-12-31` };
    case 'once':
      return { key: 'once', label: `${plan.dueBy}前`, startDay: plan.startDay, endDay: plan.dueBy ?? plan.startDay };
  }
}

/** Every period of the plan that overlaps [fromDay, toDay] and has started by the plan's start, in order. */
export function periodsBetween(plan: Pick<PlanRecord, 'frequency' | 'dueBy' | 'startDay'>, fromDay: string, toDay: string): PlanPeriod[] {
  const out: PlanPeriod[] = [];
  if (plan.frequency === 'once') {
    const p = periodOf(plan, plan.startDay);
    return p.endDay >= fromDay && p.startDay <= toDay ? [p] : [];
  }
  let day = fromDay < plan.startDay ? plan.startDay : fromDay;
  while (day <= toDay) {
    const p = periodOf(plan, day);
    out.push(p);
    day = addDays(p.endDay, 1);
  }
  return out;
}

export interface Standing {
  standing: PlaceStanding;
  period: PlanPeriod;
  /** the day the current period ends: the place is due by then */
  dueDay: string;
  /** the first day the place has been overdue (the day after the missed period ended) */
  overdueSince: string | null;
}

/**
 * A place's standing in a plan on a CST day, from the CST days it was inspected (by the plan's inspectors): done when
 * inspected in the current period; overdue when the period before ended (in force since the plan started) without an
 * inspection and none has been made since; otherwise due by the current period's end. A `once` plan is done once
 * inspected after its start, overdue after its due day.
 */
export function placeStanding(
  plan: Pick<PlanRecord, 'frequency' | 'dueBy' | 'startDay'>,
  inspectedDays: readonly string[],
  today: string,
): Standing {
  const inspectedIn = (from: string, to: string) => inspectedDays.some((d) => d >= from && d <= to);
  if (plan.frequency === 'once') {
    const period = periodOf(plan, plan.startDay);
    if (inspectedIn(period.startDay, today)) return { standing: 'done', period, dueDay: period.endDay, overdueSince: null };
    const late = today > period.endDay;
    return { standing: late ? 'overdue' : 'due', period, dueDay: period.endDay, overdueSince: late ? addDays(period.endDay, 1) : null };
  }
  const period = periodOf(plan, today < plan.startDay ? plan.startDay : today);
  if (inspectedIn(period.startDay, today)) return { standing: 'done', period, dueDay: period.endDay, overdueSince: null };
  const previous = periodOf(plan, addDays(period.startDay, -1));
  const owedPrevious = previous.endDay >= plan.startDay && today >= period.startDay;
  if (owedPrevious && !inspectedIn(previous.startDay, previous.endDay)) {
    return { standing: 'overdue', period, dueDay: period.endDay, overdueSince: period.startDay };
  }
  return { standing: 'due', period, dueDay: period.endDay, overdueSince: null };
}

/** Whether the plan covers the place: its selector, and a village's plan only inside that village. */
export function planCovers(plan: Pick<PlanRecord, 'selector' | 'inspectorRole' | 'inspectorScope'>, place: PlaceRecord): boolean {
  if (!place.active) return false;
  if (plan.inspectorRole === 'liaison' && place.villageId !== plan.inspectorScope) return false;
  return selectorMatches(plan.selector, place);
}

export function selectorMatches(s: PlanSelector, place: PlaceRecord): boolean {
  if (s.placeIds?.length) return s.placeIds.includes(place._id);
  if (s.types?.length && !s.types.includes(place.type)) return false;
  if (s.villageIds?.length && !s.villageIds.includes(place.villageId)) return false;
  if (s.authorities?.length && !s.authorities.includes(place.authority)) return false;
  if (s.listedOnly && !place.listed) return false;
  if (s.listName && place.listName !== s.listName) return false;
  return true;
}

export const STANDING_LABELS: Record<PlaceStanding, string> = { done: '本期已检查', due: '待检查', overdue: '已逾期' };

/** Overdue first (longest overdue first), then due by the nearest end, then done; ties by name. */
export function urgencyOrder<T extends { standing: PlaceStanding; dueDay: string; overdueSince: string | null; name: string }>(
  a: T,
  b: T,
): number {
  const rank = (x: T) => (x.standing === 'overdue' ? 0 : x.standing === 'due' ? 1 : 2);
  return (
    rank(a) - rank(b) ||
    (a.overdueSince ?? '').localeCompare(b.overdueSince ?? '') ||
    a.dueDay.localeCompare(b.dueDay) ||
    a.name.localeCompare(b.name, 'zh')
  );
}

/** Who a plan's inspectors are, as one key: `police:<township>`, `liaison:<village>`, `deptInspector:yingji`, `office:<township>`. */
export function planKey(plan: Pick<PlanRecord, 'inspectorRole' | 'inspectorScope'>): string {
  return `${plan.inspectorRole}:${plan.inspectorScope}`;
}

/** An inspection as coverage needs it: the place, its CST day, and the inspector keys its inspector held then. */
export interface InspectionFact {
  placeId: string;
  day: string;
  asInspector: readonly string[];
}

/** The first day whose inspections can change today's standing: the start of the previous period (a `once` plan's start). */
export function lookbackDay(plan: Pick<PlanRecord, 'frequency' | 'dueBy' | 'startDay'>, today: string): string {
  if (plan.frequency === 'once') return plan.startDay;
  const current = periodOf(plan, today < plan.startDay ? plan.startDay : today);
  return periodOf(plan, addDays(current.startDay, -1)).startDay;
}

export interface PlanRow {
  place: PlaceRecord;
  standing: Standing;
  lastInspectedDay: string | null;
}

export interface PlanState {
  plan: PlanRecord;
  rows: PlanRow[];
  counts: { places: number; done: number; due: number; overdue: number };
}

/** Each plan's places with their standing today; an inspection counts for every plan its inspector inspects under. */
export function planStates(
  plans: readonly PlanRecord[],
  places: readonly PlaceRecord[],
  facts: readonly InspectionFact[],
  today: string,
): PlanState[] {
  const byPlace = new Map<string, InspectionFact[]>();
  for (const f of facts) byPlace.set(f.placeId, [...(byPlace.get(f.placeId) ?? []), f]);
  return plans.map((plan) => {
    const key = planKey(plan);
    const rows = places
      .filter((p) => planCovers(plan, p))
      .map((place) => {
        const days = (byPlace.get(place._id) ?? [])
          .filter((f) => f.asInspector.includes(key) && f.day <= today)
          .map((f) => f.day)
          .sort();
        return { place, standing: placeStanding(plan, days, today), lastInspectedDay: days[days.length - 1] ?? null };
      });
    const n = (s: PlaceStanding) => rows.filter((r) => r.standing.standing === s).length;
    return { plan, rows, counts: { places: rows.length, done: n('done'), due: n('due'), overdue: n('overdue') } };
  });
}
