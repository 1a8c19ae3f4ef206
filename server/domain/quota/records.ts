// The stored campaign (SPEC §3): periods, rules and phases as data. Dates are real Dates in the database.
import type { CampaignRules, Period } from './campaign';

/** A phase (部署/实施/总结) or a key date of raised alert level: a span of CST days with a name. */
export interface CampaignDay {
  name: string;
  startDay: string;
  endDay: string;
  note?: string;
}

export interface CampaignRecord {
  _id: string;
  townshipId: string;
  name: string;
  rules: CampaignRules;
  periods: Period[];
  /** keys of periods already closed by the escalation job: edits may not touch them */
  closedPeriodKeys: string[];
  active: boolean;
  /** phases (部署/实施/总结) as data */
  phases: CampaignDay[];
  /** key dates (holidays with raised alert levels); absent on campaigns stored when they were kept among the phases */
  keyDates?: CampaignDay[];
  createdAt: Date;
  updatedAt: Date;
}
