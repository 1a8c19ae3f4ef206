// A campaign's calendar as data (SPEC §7 "phases (部署/实施/总结) and key dates (holidays with raised alert levels)"):
// which phase a day falls in, and which key dates call for a raised-alert reminder on a day.
import type { CampaignDay, CampaignRecord } from '../quota/records';
import { addDays } from '../time/cst';

/** 003 (八) "元旦、春节、元宵节和全国两会期间，要提高火灾防范等级" */
export const RAISED_ALERT_NOTE = '提高火灾防范等级';

/** 003 (八) "提前发出预警提示": the reminder goes out this many days before a key date begins, and until it ends. */
export const ALERT_LEAD_DAYS = 1;

/**
 * Phases and key dates of a stored campaign. Campaigns stored before key dates had their own list kept the holidays
 * among the phases, marked with the raised-alert note: those are read as key dates.
 */
export function campaignCalendar(r: Pick<CampaignRecord, 'phases' | 'keyDates'>): { phases: CampaignDay[]; keyDates: CampaignDay[] } {
  if (r.keyDates) return { phases: r.phases, keyDates: r.keyDates };
  return {
    phases: r.phases.filter((p) => p.note !== RAISED_ALERT_NOTE),
    keyDates: r.phases.filter((p) => p.note === RAISED_ALERT_NOTE),
  };
}

const contains = (d: CampaignDay, day: string) => d.startDay <= day && day <= d.endDay;

/** The phase a CST day falls in (the latest-starting one, should two overlap). */
export function phaseOn(phases: readonly CampaignDay[], day: string): CampaignDay | null {
  return [...phases].filter((p) => contains(p, day)).sort((a, b) => b.startDay.localeCompare(a.startDay))[0] ?? null;
}

/** The key date in force on a CST day, if any. */
export function keyDateOn(keyDates: readonly CampaignDay[], day: string): CampaignDay | null {
  return keyDates.find((k) => contains(k, day)) ?? null;
}

/** Key dates whose alert window (ALERT_LEAD_DAYS before the start through the last day) contains the CST day. */
export function keyDatesAlerting(keyDates: readonly CampaignDay[], day: string): CampaignDay[] {
  return keyDates.filter((k) => addDays(k.startDay, -ALERT_LEAD_DAYS) <= day && day <= k.endDay);
}

/** One raised-alert reminder per person, campaign and key date, however often the job runs in its window. */
export function raisedAlertId(campaignId: string, k: CampaignDay, personId: string): string {
  return `raisedAlert:${campaignId}:${k.startDay}:${k.name}:${personId}`;
}

export function raisedAlertMessage(campaignName: string, k: CampaignDay, phase: CampaignDay | null): { title: string; body: string } {
  const span = k.startDay === k.endDay ? k.startDay : `${k.startDay}至${k.endDay}`;
  return {
    title: `【提高火灾防范等级】${k.name}（${span}）`,
    body:
      `${campaignName}${phase ? `·${phase.name}阶段` : ''}：${k.name}期间（${span}）要提高火灾防范等级，` +
      `研判祭祀祈福、烟花爆竹燃放、人员聚集等消防安全风险，提前向群众发出预警提示，加强针对性管控。` +
      (k.note && k.note !== RAISED_ALERT_NOTE ? `${k.note}。` : ''),
  };
}
