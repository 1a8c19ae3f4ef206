// What the escalation job needs to know about one period: which held households are short, per visitor.
// It is read village by village (a few small queries each, over the per-household tallies — never the visits), and
// each village's result is saved under a deterministic id, so a county-sized township is finished over several runs
// that each stay inside CloudBase's 60 s limit, and concurrent runs share the work instead of repeating it.
import type { ActionContext } from '../../infra/dispatch';
import { findAll, findByIds } from '../../infra/store';
import { createOnce } from '../../infra/createOnce';
import type { AssignmentRecord, HouseholdRecord, PersonRecord, VillageRecord } from '../../domain/org/records';
import { tallyId, type CampaignRecord, type ExemptionRecord, type VisitTallyRecord } from '../../domain/quota/records';
import type { Period } from '../../domain/quota/campaign';
import type { AssignmentFact } from '../../domain/quota/visitQuota';
import { heldAtPeriodEnd, shortfalls, type Shortfall } from '../../domain/escalation/ladder';

export interface PeriodFacts {
  shortfalls: Shortfall[];
  households: Map<string, HouseholdRecord>;
  visitors: Map<string, PersonRecord>;
}

export interface ScanBudget {
  /** real-time instant (ms) after which no new unit of work is started */
  stopAt: number;
  reads: number;
  /** whether this run has written anything yet: every run writes at least once, so the job always progresses */
  worked?: boolean;
}

/** Call before each unit of work (a village, a case, a reminder): true when the run should stop here. */
export function outOfTime(budget: ScanBudget): boolean {
  return Boolean(budget.worked) && Date.now() > budget.stopAt;
}

interface ScanRecord {
  _id: string;
  townshipId: string;
  stage: string;
  campaignId: string;
  periodKey: string;
  villageId: string;
  shortfalls: Shortfall[];
  createdAt: Date;
}

const scanId = (stage: string, campaignId: string, periodKey: string, villageId: string) => `${stage}:${campaignId}:${periodKey}:${villageId}`;

export function toFacts(rows: AssignmentRecord[]): AssignmentFact[] {
  return rows.map((r) => ({ visitorId: r.visitorPersonId, householdId: r.householdId, validFrom: new Date(r.validFrom), validTo: r.validTo ? new Date(r.validTo) : null }));
}

/**
 * Shortfalls of a period at one stage ('reminder-5', 'close', …), or null when the time budget ran out first
 * (the next run continues where this one stopped).
 */
export async function periodFacts(ctx: ActionContext, campaign: CampaignRecord, period: Period, stage: string, budget: ScanBudget): Promise<PeriodFacts | null> {
  const villages = await findAll<VillageRecord>(ctx.db, 'villages', { townshipId: campaign.townshipId });
  const done = await findAll<ScanRecord>(ctx.db, 'escalationScans', { stage, campaignId: campaign._id, periodKey: period.key });
  budget.reads += villages.length + done.length;
  const doneIds = new Set(done.map((d) => d.villageId));
  const exempt = new Set((await findAll<ExemptionRecord>(ctx.db, 'exemptions', { campaignId: campaign._id, periodKey: period.key })).map((e) => e.visitorPersonId));
  for (const village of villages) {
    if (doneIds.has(village._id)) continue;
    if (outOfTime(budget)) return null;
    const assignments = toFacts(await findAll<AssignmentRecord>(ctx.db, 'assignments', { villageId: village._id }));
    const held = heldAtPeriodEnd(assignments, period, exempt);
    const tallies = await findByIds<VisitTallyRecord>(ctx.db, 'visitTallies', held.map((h) => tallyId(campaign._id, period.key, h.householdId)));
    budget.reads += assignments.length + tallies.length;
    const record: ScanRecord = {
      _id: scanId(stage, campaign._id, period.key, village._id),
      townshipId: campaign.townshipId,
      stage,
      campaignId: campaign._id,
      periodKey: period.key,
      villageId: village._id,
      shortfalls: shortfalls(held, new Map(tallies.map((t) => [t.householdId, t.counted])), period),
      createdAt: ctx.now,
    };
    await createOnce(ctx.db, 'escalationScans', { ...record });
    budget.worked = true;
    done.push(record);
  }
  const merged = mergeByVisitor(done.flatMap((d) => d.shortfalls));
  const households = await findByIds<HouseholdRecord>(ctx.db, 'households', merged.flatMap((s) => s.households.map((h) => h.householdId)));
  const visitors = await findByIds<PersonRecord>(ctx.db, 'persons', merged.map((s) => s.visitorPersonId));
  budget.reads += households.length + visitors.length;
  return { shortfalls: merged, households: new Map(households.map((h) => [h._id, h])), visitors: new Map(visitors.map((v) => [v._id, v])) };
}

/** A visitor whose range spans villages appears once, with the short households of all of them. */
function mergeByVisitor(parts: Shortfall[]): Shortfall[] {
  const by = new Map<string, Shortfall>();
  for (const p of parts) {
    const s = by.get(p.visitorPersonId) ?? { visitorPersonId: p.visitorPersonId, households: [] };
    s.households.push(...p.households);
    by.set(p.visitorPersonId, s);
  }
  return [...by.values()].sort((a, b) => a.visitorPersonId.localeCompare(b.visitorPersonId));
}

export async function loadAssignmentsOf(ctx: ActionContext, householdIds: string[]): Promise<AssignmentFact[]> {
  if (householdIds.length === 0) return [];
  const _ = ctx.db.command;
  const rows: AssignmentRecord[] = [];
  for (let i = 0; i < householdIds.length; i += 500) {
    rows.push(...(await findAll<AssignmentRecord>(ctx.db, 'assignments', { householdId: _.in(householdIds.slice(i, i + 500)) })));
  }
  return toFacts(rows);
}
