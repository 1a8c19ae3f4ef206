// A visitor's households for the running period, most urgent first: already unattainable quotas and overdue hazard
// verifications, then missing visits by the last day they can still be made, then the rest.
import type { HouseholdDutyView } from '../../../typings/visit';
import { addDays } from '../time/cst';
import type { CampaignRules, Period } from '../quota/campaign';
import type { HouseholdProgress } from '../quota/visitQuota';

/** "每个月须完成两轮敲门行动": the last day the next visit can be made with the remaining ones still fitting, gap apart. */
export function mustVisitBy(progress: HouseholdProgress, period: Period, rules: CampaignRules): string | null {
  const missing = progress.needed - progress.counted;
  if (missing <= 0) return null;
  return addDays(period.endDay, -(missing - 1) * Math.max(1, rules.minGapDays));
}

function tier(d: HouseholdDutyView): number {
  if (d.atRisk || d.overdueHazards > 0) return 0;
  if (d.counted < d.needed || d.hazardsToVerify > 0) return 1;
  return 2;
}

export function byUrgency(a: HouseholdDutyView, b: HouseholdDutyView): number {
  return (
    tier(a) - tier(b) ||
    (a.mustVisitBy ?? '9999-12-31').localeCompare(b.mustVisitBy ?? '9999-12-31') ||
    b.overdueHazards - a.overdueHazards ||
    Number(b.priority) - Number(a.priority) ||
    a.address.localeCompare(b.address) ||
    a.householdId.localeCompare(b.householdId)
  );
}
