// The two shipped campaigns (seed 001's own timeline and the same pattern for this winter) with their phases and the
// key dates of raised alert level, as campaign records for a township.
import type { CampaignPresetKey } from '../../../typings/visit';
import { SEED_001_CAMPAIGN, WINTER_2026_CAMPAIGN, type Campaign } from '../quota/campaign';
import type { CampaignRecord } from '../quota/records';

type Phase = CampaignRecord['phases'][number];

const RAISED = '提高火灾防范等级';

/** "动员部署阶段（2024年11月19日前）… 全面行动阶段 … 总结提升阶段（长期坚持）" (001); 003 (八) "元旦、春节、元宵节…提高火灾防范等级" */
const PRESETS: Record<CampaignPresetKey, { campaign: Campaign; phases: Phase[] }> = {
  seed001: {
    campaign: SEED_001_CAMPAIGN,
    phases: [
      { name: '动员部署阶段', startDay: '2024-11-18', endDay: '2024-11-19', note: '召开部署会，明确走访人的责任范围和入户走访对象' },
      { name: '全面行动阶段', startDay: '2024-11-20', endDay: '2025-03-31', note: '每月各走访人深入村民家中走访两次以上' },
      { name: '元旦', startDay: '2025-01-01', endDay: '2025-01-01', note: RAISED },
      { name: '春节（除夕至正月初六）', startDay: '2025-01-28', endDay: '2025-02-03', note: RAISED },
      { name: '元宵节', startDay: '2025-02-12', endDay: '2025-02-12', note: RAISED },
    ],
  },
  winter2026: {
    campaign: WINTER_2026_CAMPAIGN,
    phases: [
      { name: '动员部署阶段', startDay: '2026-11-18', endDay: '2026-11-19', note: '召开部署会，明确走访人的责任范围和入户走访对象' },
      { name: '全面行动阶段', startDay: '2026-11-20', endDay: '2027-03-31', note: '每月各走访人深入村民家中走访两次以上' },
      { name: '元旦', startDay: '2027-01-01', endDay: '2027-01-01', note: RAISED },
      { name: '春节（除夕至正月初六）', startDay: '2027-02-05', endDay: '2027-02-11', note: RAISED },
      { name: '元宵节', startDay: '2027-02-20', endDay: '2027-02-20', note: RAISED },
    ],
  },
};

export const PRESET_KEYS = Object.keys(PRESETS) as CampaignPresetKey[];

/** One campaign per preset and township: the id is deterministic (`demo-township-seed001`), so creating it twice is refused, never duplicated. */
export function presetCampaignId(townshipId: string, key: CampaignPresetKey): string {
  return `${townshipId}-${key}`;
}

export function presetCampaignRecord(townshipId: string, key: CampaignPresetKey, opts: { active: boolean; now: Date }): CampaignRecord {
  const { campaign, phases } = PRESETS[key];
  return {
    _id: presetCampaignId(townshipId, key),
    townshipId,
    name: campaign.name,
    rules: { ...campaign.rules, reminderOffsetsDays: [...campaign.rules.reminderOffsetsDays] },
    periods: campaign.periods.map((p) => ({ ...p })),
    closedPeriodKeys: [],
    active: opts.active,
    phases: phases.map((p) => ({ ...p })),
    createdAt: opts.now,
    updatedAt: opts.now,
  };
}
