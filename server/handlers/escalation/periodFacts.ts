// What the escalation job needs to know about one period: which held households are short, per visitor.
// It is read village by village: the per-household tallies find the candidates (a household whose tally meets the quota
// cannot be short), then each candidate's standing is recomputed from its visits by the one standing function. Each
// village's result is saved under a deterministic id, so a county-sized township is finished over several runs that
// each stay inside CloudBase's 60 s limit, and concurrent runs share the work instead of repeating it.
import type { ActionContext } from '../../infra/dispatch';
import { MAX_GET, findAll, findByIds } from '../../infra/store';
import { assignmentFacts } from '../../infra/visitRepo';
import type { AssignmentRecord, HouseholdRecord, PersonRecord, VillageRecord } from '../../domain/org/records';
import { tallyId, type VisitRecord } from '../../domain/visit/records';
import { type CampaignRecord } from '../../domain/quota/records';
import { periodEndInstant, periodStartInstant, type Period } from '../../domain/quota/campaign';
import type { AssignmentFact } from '../../domain/quota/visitQuota';
import { shortfalls } from '../../domain/escalation/ladder';
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

/** One batch of villages scanned at one stage: the shortfalls of each village, saved once under a deterministic id. */
interface ScanRecord {
  _id: string;
  townshipId: string;
  stage: string;
  campaignId: string;
  periodKey: string;
  villageIds: string[];
  villages: { villageId: string; shortfalls: VisitorShortfall[] }[];
  createdAt: Date;
}

const scanId = (stage: string, campaignId: string, periodKey: string, villageIds: readonly string[]) =>
  `${stage}:${campaignId}:${periodKey}:${villageIds[0]}:${villageIds.length}`;

/** villages scanned by one aggregation: small enough for CloudBase's ~5 s statement limit, few enough requests for a county */
export const VILLAGES_PER_SCAN = 50;

/** A held household whose tally is below the quota, with what its standing is recomputed from. */
interface CandidateRow {
  householdId: string;
  visitorPersonId: string;
  villageId: string;
  address: string | null;
  history: AssignmentRecord[];
}

/**
 * The candidates of some villages, found by the database: the assignments held when the period ends (exempted
 * visitors left out), joined by id with the household's tally of the period, kept only when the tally is below the
 * quota; each row carries the household's address and assignment history. The close reads what is short, never the
 * tallies and assignments of every household.
 */
async function candidatesOf(
  ctx: ActionContext,
  campaign: CampaignRecord,
  period: Period,
  villageIds: readonly string[],
  exempt: ReadonlySet<string>,
): Promise<CandidateRow[]> {
  const _ = ctx.db.command;
  const $ = _.aggregate;
  const end = periodEndInstant(period);
  // villageId first and at the top level: the database (and the emulator's field index) narrows by it
  const held = {
    villageId: _.in([...villageIds]),
    validFrom: _.lt(end),
    validTo: _.eq(null).or(_.gte(end)),
    ...(exempt.size ? { visitorPersonId: _.nin([...exempt]) } : {}),
  };
  const out: CandidateRow[] = [];
  for (let skip = 0; ; skip += MAX_GET) {
    const res = (await ctx.db
      .collection('assignments')
      .aggregate()
      .match(held)
      .project({
        _id: 1,
        householdId: 1,
        visitorPersonId: 1,
        villageId: 1,
        tallyKey: $.concat([`${tallyId(campaign._id, period.key, '')}`, '$householdId']),
      })
      .lookup({ from: 'visitTallies', localField: 'tallyKey', foreignField: '_id', as: 'tally' })
      .addFields({ counted: $.ifNull([$.arrayElemAt(['$tally.counted', 0]), 0]) })
      .match({ counted: _.lt(period.quota) })
      .sort({ _id: 1 })
      .skip(skip)
      .limit(MAX_GET)
      .lookup({ from: 'households', localField: 'householdId', foreignField: '_id', as: 'household' })
      .lookup({ from: 'assignments', localField: 'householdId', foreignField: 'householdId', as: 'history' })
      .project({ _id: 0, householdId: 1, visitorPersonId: 1, villageId: 1, address: $.arrayElemAt(['$household.address', 0]), history: 1 })
      .end()) as { list: CandidateRow[] };
    out.push(...res.list);
    if (res.list.length < MAX_GET) return out;
  }
}

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
  known?: { assignments?: AssignmentFact[]; households?: Map<string, Pick<HouseholdRecord, 'address'>> },
): Promise<HouseholdRecordOf> {
  const standings = new Map<string, HouseholdShort>();
  if (householdIds.length === 0) return { standings, visits: [] };
  const _ = ctx.db.command;
  const visits: VisitRecord[] = [];
  const assignments: AssignmentFact[] = known?.assignments ? [...known.assignments] : [];
  const households = known?.households ?? new Map<string, Pick<HouseholdRecord, 'address'>>();
  for (let i = 0; i < householdIds.length; i += 500) {
    const ids = householdIds.slice(i, i + 500);
    const at = remedyUntil ? _.gte(periodStartInstant(period)).and(_.lt(remedyUntil)) : _.gte(periodStartInstant(period));
    visits.push(...(await findAll<VisitRecord>(ctx.db, 'visits', { householdId: _.in(ids), at })));
    if (!known?.assignments)
      assignments.push(...assignmentFacts(await findAll<AssignmentRecord>(ctx.db, 'assignments', { householdId: _.in(ids) })));
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
    standings.set(
      id,
      householdShort(householdStanding(id, facts, assignments, period, campaign.rules, remedyUntil), households.get(id)?.address ?? id),
    );
  }
  return { standings, visits };
}

/**
 * Shortfalls of a period at one stage ('reminder-5', 'draft', …), or null when the time budget ran out first
 * (the next run continues where this one stopped).
 */
export async function periodFacts(
  ctx: ActionContext,
  campaign: CampaignRecord,
  period: Period,
  stage: string,
  budget: ScanBudget,
): Promise<PeriodFacts | null> {
  const villages = await findAll<VillageRecord>(ctx.db, 'villages', { townshipId: campaign.townshipId });
  const done = await findAll<ScanRecord>(ctx.db, 'escalationScans', { stage, campaignId: campaign._id, periodKey: period.key });
  budget.reads += villages.length + done.length;
  // two runs may have saved overlapping batches: each village's result is taken once
  const byVillage = new Map<string, VisitorShortfall[]>();
  for (const d of done) for (const v of d.villages ?? []) if (!byVillage.has(v.villageId)) byVillage.set(v.villageId, v.shortfalls);
  const exempt = new Set(
    (await findAll<ExemptionRecord>(ctx.db, 'exemptions', { campaignId: campaign._id, periodKey: period.key })).map(
      (e) => e.visitorPersonId,
    ),
  );
  const todo = villages.map((v) => v._id).filter((id) => !byVillage.has(id));
  // slow start: one village, then twice as many each time up to VILLAGES_PER_SCAN, so a run short of time still
  // saves small steps and a run with time takes big ones
  for (let i = 0, size = 1; i < todo.length; i += size, size = Math.min(VILLAGES_PER_SCAN, size * 2)) {
    if (outOfTime(budget)) return null;
    const villageIds = todo.slice(i, i + size);
    const rows = await candidatesOf(ctx, campaign, period, villageIds, exempt);
    const history = new Map<string, AssignmentRecord>();
    for (const r of rows) for (const a of r.history) history.set(a._id, a);
    const households = new Map(rows.map((r) => [r.householdId, { address: r.address ?? r.householdId }]));
    const candidates = [...new Set(rows.map((r) => r.householdId))];
    const { standings, visits } = await standingsOf(ctx, campaign, period, candidates, null, {
      assignments: assignmentFacts([...history.values()]),
      households,
    });
    budget.reads += rows.length + history.size + visits.length;
    const held = rows.map((r) => ({ householdId: r.householdId, visitorPersonId: r.visitorPersonId }));
    const villageOf = new Map(rows.map((r) => [r.householdId, r.villageId]));
    const record: ScanRecord = {
      _id: scanId(stage, campaign._id, period.key, villageIds),
      townshipId: campaign.townshipId,
      stage,
      campaignId: campaign._id,
      periodKey: period.key,
      villageIds,
      villages: villageIds.map((villageId) => ({
        villageId,
        shortfalls: shortfalls(
          held.filter((h) => villageOf.get(h.householdId) === villageId),
          standings,
        ),
      })),
      createdAt: ctx.now,
    };
    await insertOnce(ctx, 'escalationScans', { ...record });
    budget.worked = true;
    for (const v of record.villages) if (!byVillage.has(v.villageId)) byVillage.set(v.villageId, v.shortfalls);
  }
  const merged = mergeByVisitor(villages.flatMap((v) => byVillage.get(v._id) ?? []));
  const visitors = await findByIds<PersonRecord>(
    ctx.db,
    'persons',
    merged.map((s) => s.visitorPersonId),
  );
  budget.reads += visitors.length;
  return { shortfalls: merged, visitors: new Map(visitors.map((v) => [v._id, v])) };
}

/** Insert a document with a deterministic id; a twin run that saved it first wins, and its copy is as good. */
async function insertOnce(ctx: ActionContext, collection: string, doc: { _id: string } & Record<string, unknown>): Promise<void> {
  try {
    await ctx.db.collection(collection).add({ data: doc });
  } catch (err) {
    const e = err as { code?: unknown; errCode?: unknown; message?: unknown; errMsg?: unknown } | null;
    if (
      !/DUPLICATE|duplicate/.test(
        `${String(e?.code ?? '')} ${String(e?.errCode ?? '')} ${String(e?.message ?? '')} ${String(e?.errMsg ?? '')}`,
      )
    )
      throw err;
  }
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
