// What the escalation job needs to know about one period: which held households are short, per visitor.
// It is read village by village: the per-household tallies find the candidates (a household whose tally meets the quota
// cannot be short), then each candidate's standing is recomputed from its visits by the one standing function. Each
// village's result is saved under a deterministic id, so a county-sized township is finished over several runs that
// each stay inside CloudBase's 60 s limit, and concurrent runs share the work instead of repeating it.
import type { ActionContext } from '../../infra/dispatch';
import { findAll, findByIds } from '../../infra/store';
import { createOnce } from '../../infra/createOnce';
import { assignmentFacts } from '../../infra/visitRepo';
import type { AssignmentRecord, HouseholdRecord, PersonRecord, VillageRecord } from '../../domain/org/records';
import { tallyId, type VisitRecord, type VisitTallyRecord } from '../../domain/visit/records';
import { type CampaignRecord } from '../../domain/quota/records';
import { periodStartInstant, type Period } from '../../domain/quota/campaign';
import type { AssignmentFact } from '../../domain/quota/visitQuota';
import { heldAtPeriodEnd, shortfalls } from '../../domain/escalation/ladder';
import { householdStanding, type StandingVisitFact } from '../../domain/escalation/standing';
import { householdShort } from '../../domain/escalation/builders';
import type { ExemptionRecord, HouseholdShort } from '../../domain/escalation/records';

export interface VisitorShortfall {
  visitorPersonId: string;
  households: HouseholdShort[];
}

export interface PeriodFacts {
  shortfalls: VisitorShortfall[];
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
  shortfalls: VisitorShortfall[];
  createdAt: Date;
}

const scanId = (stage: string, campaignId: string, periodKey: string, villageId: string) => `${stage}:${campaignId}:${periodKey}:${villageId}`;

export interface HouseholdRecordOf {
  standings: Map<string, HouseholdShort>;
  visits: VisitRecord[];
}

/**
 * The standing of each household, recomputed from its visits (from the period start) and its assignment history.
 * `remedyUntil`: the remedy deadline once published, else null (every visit that has arrived counts).
 */
export async function standingsOf(
  ctx: ActionContext,
  campaign: CampaignRecord,
  period: Period,
  householdIds: readonly string[],
  remedyUntil: Date | null,
  known?: { assignments?: AssignmentFact[]; households?: Map<string, HouseholdRecord> },
): Promise<HouseholdRecordOf> {
  const standings = new Map<string, HouseholdShort>();
  if (householdIds.length === 0) return { standings, visits: [] };
  const _ = ctx.db.command;
  const visits: VisitRecord[] = [];
  const assignments: AssignmentFact[] = known?.assignments ? [...known.assignments] : [];
  const households = known?.households ?? new Map<string, HouseholdRecord>();
  for (let i = 0; i < householdIds.length; i += 500) {
    const ids = householdIds.slice(i, i + 500);
    const at = remedyUntil ? _.gte(periodStartInstant(period)).and(_.lt(remedyUntil)) : _.gte(periodStartInstant(period));
    visits.push(...(await findAll<VisitRecord>(ctx.db, 'visits', { householdId: _.in(ids), at })));
    if (!known?.assignments) assignments.push(...assignmentFacts(await findAll<AssignmentRecord>(ctx.db, 'assignments', { householdId: _.in(ids) })));
    const missing = ids.filter((id) => !households.has(id));
    for (const h of await findByIds<HouseholdRecord>(ctx.db, 'households', missing)) households.set(h._id, h);
  }
  const facts: StandingVisitFact[] = visits.map((v) => ({
    id: v._id,
    householdId: v.householdId,
    visitorId: v.visitorPersonId,
    at: new Date(v.at),
    proven: v.proofs.length > 0,
    proofs: v.proofs,
    offline: v.offline,
  }));
  for (const id of householdIds) {
    standings.set(id, householdShort(householdStanding(id, facts, assignments, period, campaign.rules, remedyUntil), households.get(id)?.address ?? id));
  }
  return { standings, visits };
}

/**
 * Shortfalls of a period at one stage ('reminder-5', 'draft', …), or null when the time budget ran out first
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
    const assignments = assignmentFacts(await findAll<AssignmentRecord>(ctx.db, 'assignments', { villageId: village._id }));
    const held = heldAtPeriodEnd(assignments, period, exempt);
    const tallies = await findByIds<VisitTallyRecord>(ctx.db, 'visitTallies', held.map((h) => tallyId(campaign._id, period.key, h.householdId)));
    const tallied = new Map(tallies.map((t) => [t.householdId, t.counted]));
    // a tally counts only visits inside the period, never more than the standing: a household that meets it is not short
    const candidates = held.filter((h) => (tallied.get(h.householdId) ?? 0) < period.quota).map((h) => h.householdId);
    const { standings, visits } = await standingsOf(ctx, campaign, period, candidates, null, { assignments });
    budget.reads += assignments.length + tallies.length + visits.length + candidates.length;
    const record: ScanRecord = {
      _id: scanId(stage, campaign._id, period.key, village._id),
      townshipId: campaign.townshipId,
      stage,
      campaignId: campaign._id,
      periodKey: period.key,
      villageId: village._id,
      shortfalls: shortfalls(held, standings),
      createdAt: ctx.now,
    };
    await createOnce(ctx.db, 'escalationScans', { ...record });
    budget.worked = true;
    done.push(record);
  }
  const merged = mergeByVisitor(done.flatMap((d) => d.shortfalls));
  const visitors = await findByIds<PersonRecord>(ctx.db, 'persons', merged.map((s) => s.visitorPersonId));
  budget.reads += visitors.length;
  return { shortfalls: merged, visitors: new Map(visitors.map((v) => [v._id, v])) };
}

/** A visitor whose range spans villages appears once, with the short households of all of them. */
function mergeByVisitor(parts: VisitorShortfall[]): VisitorShortfall[] {
  const by = new Map<string, VisitorShortfall>();
  for (const p of parts) {
    const s = by.get(p.visitorPersonId) ?? { visitorPersonId: p.visitorPersonId, households: [] };
    s.households.push(...p.households);
    by.set(p.visitorPersonId, s);
  }
  return [...by.values()].sort((a, b) => a.visitorPersonId.localeCompare(b.visitorPersonId));
}
