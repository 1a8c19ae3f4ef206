// The programme rules of seeds 000 and 002 as small pure functions.
import { DAY_MS, cstDay, daysBetween } from '../time/cst';
import type { HelperType } from '../../../typings/programme';

/** "独居老人（年满60周岁，没有配偶、子女或者父母陪伴生活的老年人）" */
export const ELDERLY_MIN_AGE = 60;

/** The refusal for a person under 60, or null when the age qualifies. */
export function elderlyAgeRefusal(age: number): string | null {
  return age >= ELDERLY_MIN_AGE ? null : `关爱对象须年满${ELDERLY_MIN_AGE}周岁，${age}岁不能登记为独居老人`;
}

/** "人员类型（村（社区）干部/网格员/志愿者/其他）" */
export const HELPER_TYPE_LABELS: Record<HelperType, string> = {
  cadre: '村（社区）干部',
  gridWorker: '网格员',
  volunteer: '志愿者',
  other: '其他',
};

/** "定期上门帮扶指导": a helper silent this many days is reminded. */
export const HELPER_SILENCE_DAYS = 7;

export function helperSilentDays(lastContactAt: Date, now: Date): number {
  return daysBetween(cstDay(lastContactAt), cstDay(now));
}

/** The latest last-contact instant that already calls for a reminder now. */
export function helperReminderCutoff(now: Date): Date {
  return new Date(now.getTime() - HELPER_SILENCE_DAYS * DAY_MS);
}

/** Due for a contact: the daily reminder names this person (the same cutoff the reminder job queries with). */
export function helperContactDue(lastContactAt: Date, now: Date): boolean {
  return lastContactAt.getTime() <= helperReminderCutoff(now).getTime();
}

/** One reminder per helper per CST day, however often the timer runs. */
export function helperReminderId(helperPersonId: string, day: string): string {
  return `${helperReminderPrefix(helperPersonId)}${day}`;
}

/** Every daily reminder of one helper starts so: a contact that leaves nobody due marks them all done. */
export function helperReminderPrefix(helperPersonId: string): string {
  return `helperContact:${helperPersonId}:`;
}

/** "整改时限": overdue once the deadline day has passed and the item is not done. */
export function isOverdue(deadline: string, done: boolean, now: Date): boolean {
  return !done && cstDay(now) > deadline;
}
