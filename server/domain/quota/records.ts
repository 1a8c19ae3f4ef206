// The stored campaign (SPEC §3): periods, rules and phases as data. Dates are real Dates in the database.
import type { CampaignRules, Period } from './campaign';

export interface CampaignRecord {
  _id: string;
  townshipId: string;
  name: string;
  rules: CampaignRules;
  periods: Period[];
  /** keys of periods already closed by the escalation job: edits may not touch them */
  closedPeriodKeys: string[];
  active: boolean;
  /** key dates and phases (部署/实施/总结, holidays with raised alert levels) as data */
  phases: { name: string; startDay: string; endDay: string; note?: string }[];
  createdAt: Date;
  updatedAt: Date;
}
