// The two shipped campaigns (seed 001's own timeline and the same pattern for this winter) with their phases and the
// key dates of raised alert level, as campaign records for a township.
import type { CampaignPresetKey } from '../../../typings/visit';
import { SEED_001_CAMPAIGN, WINTER_2026_CAMPAIGN, type Campaign } from '../quota/campaign';
import type { CampaignDay, CampaignRecord } from '../quota/records';
import { RAISED_ALERT_NOTE as RAISED } from './campaignCalendar';

const TWO_SESSIONS = '全国两会';
const TWO_SESSIONS_NOTE = `${RAISED}（会期以当年公布为准）`;

/**
 * seed001: "动员部署阶段（2024年11月19日前）… 全面行动阶段" (001). winter2026: 003 三、时间步骤 "部署发动（11月30日前）、
 * 组织实施（12月1日至3月25日）、总结提升（3月26日至3月31日）". Key dates of both: 003 (八) "元旦、春节、元宵节和全国两会期间，
 * 要提高火灾防范等级".
 */
const PRESETS: Record<CampaignPresetKey, { campaign: Campaign; phases: CampaignDay[]; keyDates: CampaignDay[] }> = {
  seed001: {
    campaign: SEED_001_CAMPAIGN,
    phases: [
      { name: '动员部署阶段', startDay: '2024-11-18', endDay: '2024-11-19', note: '召开部署会，明确走访人的责任范围和入户走访对象' },
      { name: '全面行动阶段', startDay: '2024-11-20', endDay: '2025-03-31', note: '每月各走访人深入村民家中走访两次以上' },
    ],
    keyDates: [
      { name: '元旦', startDay: '2025-01-01', endDay: '2025-01-01', note: RAISED },
      { name: '春节（除夕至正月初六）', startDay: '2025-01-28', endDay: '2025-02-03', note: RAISED },
      { name: '元宵节', startDay: '2025-02-12', endDay: '2025-02-12', note: RAISED },
      { name: TWO_SESSIONS, startDay: '2025-03-04', endDay: '2025-03-11', note: TWO_SESSIONS_NOTE },
    ],
  },
  winter2026: {
    campaign: WINTER_2026_CAMPAIGN,
    phases: [
      { name: '部署发动', startDay: '2026-11-01', endDay: '2026-11-30', note: '制发工作方案、明确职责任务、细化工作措施，广泛动员部署' },
      {
        name: '组织实施',
        startDay: '2026-12-01',
        endDay: '2027-03-25',
        note: '定期分析研判、通报调度、检查督导，从严从细从实抓好落实',
      },
      {
        name: '总结提升',
        startDay: '2027-03-26',
        endDay: '2027-03-31',
        note: '总结固化冬春火灾防控工作经验做法，健全完善火灾防控工作机制',
      },
    ],
    keyDates: [
      { name: '元旦', startDay: '2027-01-01', endDay: '2027-01-01', note: RAISED },
      { name: '春节（除夕至正月初六）', startDay: '2027-02-05', endDay: '2027-02-11', note: RAISED },
      { name: '元宵节', startDay: '2027-02-20', endDay: '2027-02-20', note: RAISED },
      { name: TWO_SESSIONS, startDay: '2027-03-04', endDay: '2027-03-11', note: TWO_SESSIONS_NOTE },
    ],
  },
};

export const PRESET_KEYS = Object.keys(PRESETS) as CampaignPresetKey[];

/** One campaign per preset and township: the id is deterministic (`demo-township-seed001`), so creating it twice is refused, never duplicated. */
export function presetCampaignId(townshipId: string, key: CampaignPresetKey): string {
  return `${townshipId}-${key}`;
}

export function presetCampaignRecord(townshipId: string, key: CampaignPresetKey, opts: { active: boolean; now: Date }): CampaignRecord {
  const { campaign, phases, keyDates } = PRESETS[key];
  return {
    _id: presetCampaignId(townshipId, key),
    townshipId,
    name: campaign.name,
    rules: { ...campaign.rules, reminderOffsetsDays: [...campaign.rules.reminderOffsetsDays] },
    periods: campaign.periods.map((p) => ({ ...p })),
    closedPeriodKeys: [],
    active: opts.active,
    phases: phases.map((p) => ({ ...p })),
    keyDates: keyDates.map((k) => ({ ...k })),
    createdAt: opts.now,
    updatedAt: opts.now,
  };
}
