// Campaigns are data: periods with a quota per assigned household, the minimum gap between counted visits,
// the remedy window and reminder offsets. The default reproduces seed 001.
import type { CampaignRulesView, PeriodInput } from '../../../typings/visit';
import { addDays, cstDayStart, monthLastDay, nextMonthStart } from '../time/cst';

/** A period and the rules travel to the phone as they are stored: one shape, kept in typings/visit.ts. */
export type Period = PeriodInput;
export type CampaignRules = CampaignRulesView;

export interface Campaign {
  id: string;
  name: string;
  rules: CampaignRules;
  periods: Period[];
}

export const DEFAULT_RULES: CampaignRules = {
  minGapDays: 7,
  remedyDays: 7,
  reminderOffsetsDays: [5, 2],
  offlineWindowHours: 48,
  unprovenVisitsCount: true,
};

/** "须在2024年11月底前完成第一轮敲门行动，自2024年12月至2025年3月每个月须完成两轮敲门行动" */
export function knockCampaignPreset(opts: {
  id: string;
  name: string;
  startDay: string;
  firstRoundEndDay: string;
  lastMonth: string;
}): Campaign {
  const periods: Period[] = [
    { key: 'first-round', label: '第一轮敲门行动', startDay: opts.startDay, endDay: opts.firstRoundEndDay, quota: 1 },
  ];
  let month = nextMonthStart(opts.firstRoundEndDay.slice(0, 7)).slice(0, 7);
  while (month <= opts.lastMonth) {
    const [y, m] = month.split('-');
    periods.push({ key: month, label: `${y}年${Number(m)}月`, startDay: `${month}-01`, endDay: monthLastDay(month), quota: 2 });
    month = nextMonthStart(month).slice(0, 7);
  }
  return { id: opts.id, name: opts.name, rules: { ...DEFAULT_RULES }, periods };
}

/** Seed 001 itself: 2024-11-20 … 2024-11-30 first round, then December 2024 to March 2025 twice a month. */
export const SEED_001_CAMPAIGN = knockCampaignPreset({
  id: 'knock-2024-winter',
  name: '2024年冬春“邻里守望、户户监督、网格防范”消防安全行动',
  startDay: '2024-11-20',
  firstRoundEndDay: '2024-11-30',
  lastMonth: '2025-03',
});

/** The same pattern for this winter. */
export const WINTER_2026_CAMPAIGN = knockCampaignPreset({
  id: 'knock-2026-winter',
  name: '2026年冬春“邻里守望、户户监督、网格防范”消防安全行动',
  startDay: '2026-11-20',
  firstRoundEndDay: '2026-11-30',
  lastMonth: '2027-03',
});

export function periodEndInstant(period: Period): Date {
  return cstDayStart(addDays(period.endDay, 1));
}

export function periodStartInstant(period: Period): Date {
  return cstDayStart(period.startDay);
}

/** The period whose CST days contain the instant, if any. */
export function periodAt(campaign: Pick<Campaign, 'periods'>, at: Date): Period | undefined {
  const t = at.getTime();
  return campaign.periods.find((p) => t >= periodStartInstant(p).getTime() && t < periodEndInstant(p).getTime());
}

/** The remedy deadline ("规定时间"): the end of the remedy window after the period. */
export function remedyDeadline(campaign: Pick<Campaign, 'rules'>, period: Period): Date {
  return cstDayStart(addDays(period.endDay, 1 + campaign.rules.remedyDays));
}

export type CampaignProblem = { code: 'CAMPAIGN_INVALID'; message: string };

/** Periods must not overlap, must run forward, and every quota is at least 1. */
export function validateCampaign(c: Campaign): CampaignProblem | null {
  const sorted = [...c.periods].sort((a, b) => a.startDay.localeCompare(b.startDay));
  for (const p of sorted) {
    if (p.quota < 1 || !Number.isInteger(p.quota)) return { code: 'CAMPAIGN_INVALID', message: `“${p.label}”的走访次数要求至少为1次` };
    if (p.endDay < p.startDay) return { code: 'CAMPAIGN_INVALID', message: `“${p.label}”的结束日期早于开始日期` };
  }
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].startDay <= sorted[i - 1].endDay) {
      return { code: 'CAMPAIGN_INVALID', message: `“${sorted[i - 1].label}”与“${sorted[i].label}”的时间重叠` };
    }
  }
  if (c.rules.minGapDays < 0 || c.rules.remedyDays < 0) return { code: 'CAMPAIGN_INVALID', message: '间隔天数和整改期限不能为负数' };
  return null;
}
