// What the escalation job needs to know about one period, read in batches: who holds which household at the
// period end, how many counted visits each has (from the per-household tallies, never the visits), who is exempt.
import type { ActionContext } from '../../infra/dispatch';
import { findAll, findByIds } from '../../infra/store';
import type { AssignmentRecord, HouseholdRecord, PersonRecord } from '../../domain/org/records';
import { tallyId, type CampaignRecord, type ExemptionRecord, type VisitTallyRecord } from '../../domain/quota/records';
import type { Period } from '../../domain/quota/campaign';
import type { AssignmentFact } from '../../domain/quota/visitQuota';
import { heldAtPeriodEnd, shortfalls, type Shortfall } from '../../domain/escalation/ladder';

export interface PeriodFacts {
  assignments: AssignmentFact[];
  shortfalls: Shortfall[];
  households: Map<string, HouseholdRecord>;
  visitors: Map<string, PersonRecord>;
  /** documents read, for the benchmark */
  reads: number;
}

export async function loadAssignments(ctx: ActionContext, townshipId: string): Promise<AssignmentFact[]> {
  const rows = await findAll<AssignmentRecord>(ctx.db, 'assignments', { townshipId });
  return rows.map((r) => ({ visitorId: r.visitorPersonId, householdId: r.householdId, validFrom: new Date(r.validFrom), validTo: r.validTo ? new Date(r.validTo) : null }));
}

export async function periodFacts(ctx: ActionContext, campaign: CampaignRecord, period: Period, assignments: AssignmentFact[]): Promise<PeriodFacts> {
  const exemptions = await findAll<ExemptionRecord>(ctx.db, 'exemptions', { campaignId: campaign._id, periodKey: period.key });
  const held = heldAtPeriodEnd(assignments, period, new Set(exemptions.map((e) => e.visitorPersonId)));
  const tallies = await findByIds<VisitTallyRecord>(ctx.db, 'visitTallies', held.map((h) => tallyId(campaign._id, period.key, h.householdId)));
  const counted = new Map(tallies.map((t) => [t.householdId, t.counted]));
  const short = shortfalls(held, counted, period);
  const households = await findByIds<HouseholdRecord>(ctx.db, 'households', short.flatMap((s) => s.households.map((h) => h.householdId)));
  const visitors = await findByIds<PersonRecord>(ctx.db, 'persons', short.map((s) => s.visitorPersonId));
  return {
    assignments,
    shortfalls: short,
    households: new Map(households.map((h) => [h._id, h])),
    visitors: new Map(visitors.map((v) => [v._id, v])),
    reads: assignments.length + exemptions.length + tallies.length + households.length + visitors.length,
  };
}
