// Stored shape of the office's calendar corrections (collection `calendarOverrides`), one township's each.

export interface CalendarDayOverrideRecord {
  /** `${townshipId}:${YYYY-MM-DD}`: one township's correction never touches another's */
  _id: string;
  townshipId: string;
  kind: 'day';
  day: string;
  month: string;
  working: boolean;
  reason: string;
  setBy: string;
  updatedAt: Date;
}

/** The office's confirmation that a month of a year chinese-days does not cover is complete as set. */
export interface CalendarMonthConfirmationRecord {
  /** `${townshipId}:${YYYY-MM}` */
  _id: string;
  townshipId: string;
  kind: 'month';
  month: string;
  reason: string;
  setBy: string;
  updatedAt: Date;
}

export type CalendarOverrideRecord = CalendarDayOverrideRecord | CalendarMonthConfirmationRecord;

export const calendarDayId = (townshipId: string, day: string) => `${townshipId}:${day}`;
export const calendarMonthId = (townshipId: string, month: string) => `${townshipId}:${month}`;
