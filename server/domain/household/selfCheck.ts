// The villager's own 三清三关 self-check (seed 001 §五(二): "提醒居民落实'三清三关'（通道清、阳台清、厨房清、关电源、关气源、关门窗）").
import type { SelfCheckItemView, SelfCheckKey, SelfCheckView } from '../../../typings/household';

export const SELF_CHECK_ITEMS: readonly SelfCheckItemView[] = [
  { key: 'passageClear', label: '通道清', group: '三清' },
  { key: 'balconyClear', label: '阳台清', group: '三清' },
  { key: 'kitchenClear', label: '厨房清', group: '三清' },
  { key: 'powerOff', label: '关电源', group: '三关' },
  { key: 'gasOff', label: '关气源', group: '三关' },
  { key: 'doorsWindowsClosed', label: '关门窗', group: '三关' },
];

export const SELF_CHECK_KEYS = SELF_CHECK_ITEMS.map((i) => i.key) as [SelfCheckKey, ...SelfCheckKey[]];

/**
 * "没做到" reaches the household's grid leader: one inbox entry per (ISO week, household, item, leader), so answering the
 * same item "no" every day of the week tells the leader once.
 */
export function selfCheckNoticeId(weekKey: string, householdId: string, item: SelfCheckKey, leaderPersonId: string): string {
  return `selfCheckOpen:${weekKey}:${householdId}:${item}:${leaderPersonId}`;
}

export function selfCheckNoticeBody(h: { address: string; headName: string }, item: SelfCheckKey): string {
  const label = SELF_CHECK_ITEMS.find((i) => i.key === item)?.label ?? item;
  return `${h.address}（户主${h.headName}）“三清三关”自查时，“${label}”没做到。请在本周联络时提醒，或上门帮助落实。`;
}

/** One self-check per household and CST day: a second one the same day replaces the first. */
export function selfCheckId(householdId: string, day: string): string {
  return `selfcheck:${householdId}:${day}`;
}

export interface SelfCheckRecord {
  _id: string;
  townshipId: string;
  villageId: string;
  gridId: string;
  householdId: string;
  day: string;
  answers: Record<SelfCheckKey, boolean>;
  personId: string;
  at: Date;
  createdAt: Date;
  updatedAt: Date;
}

export function openItems(answers: Record<SelfCheckKey, boolean>): SelfCheckKey[] {
  return SELF_CHECK_KEYS.filter((k) => !answers[k]);
}

export function selfCheckView(r: SelfCheckRecord, replaced = false): SelfCheckView {
  return {
    day: r.day,
    householdId: r.householdId,
    answers: { ...r.answers },
    open: openItems(r.answers),
    at: new Date(r.at).toISOString(),
    replaced,
  };
}
