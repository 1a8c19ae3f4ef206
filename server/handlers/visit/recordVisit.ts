// Knock visits 敲门行动 (SPEC §3, §5): the checklist, hazards with deadlines, education, photos, proof of presence.
// Four database requests for a visit without hazards (issue 14): who the caller is; one aggregation for the household,
// its assignments, tallies, campaigns and the template; the visit (its audit and answer inside); the tally (one
// conditional update). A resend is the same visit id, refused as a duplicate, and replays the stored answer.
import type { HazardView, RecordVisitResult, VisitCountView } from '../../../typings/visit';
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { AppError } from '../../infra/errors';
import { createHash } from 'crypto';
import { auditRecord, type AuditRecord } from '../../infra/audit';
import { actorOf } from '../../infra/orgRepo';
import { cardSecret } from '../../infra/cardQr';
import { assignmentFacts, newDocId } from '../../infra/visitRepo';
import { CONFLICT_MESSAGE, conflictBackoffMs, getById } from '../../infra/store';
import type { AssignmentRecord, HouseholdRecord } from '../../domain/org/records';
import type { AssignmentFact } from '../../domain/quota/visitQuota';
import { BUILT_IN_TEMPLATES } from '../../domain/visit/checklist';
import { cstDay } from '../../domain/time/cst';
import { DEFAULT_RULES, type Period } from '../../domain/quota/campaign';
import { assignedAt, eligibleVisit } from '../../domain/quota/visitQuota';
import {
  tallyId,
  type ChecklistTemplateRecord,
  type HazardRecord,
  type VisitRecord,
  type VisitTallyRecord,
} from '../../domain/visit/records';
import { type CampaignRecord } from '../../domain/quota/records';
import { campaignPeriodAt } from '../../domain/visit/campaignEdit';
import { checkAnswers, hazardCategory } from '../../domain/visit/checklist';
import { deadlineOf } from '../../domain/visit/hazardState';
import { MAX_PHOTOS, type Problem } from '../../domain/visit/problem';
import { presenceProofs } from '../../domain/visit/proof';
import { recordVisitSchema, type RecordVisitInput } from '../../domain/visit/schemas';
import { countNote, withVisit } from '../../domain/visit/tally';
import { visitInstant } from '../../domain/visit/visitTime';
import { hazardView, visitView } from '../../domain/visit/views';

const refuse = (p: Problem): never => {
  throw new AppError(p.code, p.message, p.field);
};

function hazardsOf(
  ctx: ActionContext,
  input: RecordVisitInput,
  base: Pick<HazardRecord, 'townshipId' | 'villageId' | 'gridId' | 'householdId' | 'visitId' | 'reportedAt'>,
  template: ChecklistTemplateRecord,
): HazardRecord[] {
  return input.answers
    .filter((a) => a.answer === 'hazard')
    .map((a) => ({
      _id: newDocId(),
      ...base,
      source: 'visit' as const,
      category: hazardCategory(template, a.key),
      description: a.note ?? '',
      photos: a.photos ?? [],
      visitorPersonId: actorOf(ctx).personId,
      deadline: deadlineOf(a.deadline!),
      status: 'open' as const,
      claimedAt: null,
      claimPhotos: [],
      verifiedAt: null,
      verifiedBy: null,
      verifyPhotos: [],
      createdAt: ctx.now,
      updatedAt: ctx.now,
    }));
}

/** What one visit write needs to know, read in one aggregation: the household with its assignment history, its tallies,
 * its township's campaigns and the checklist template asked for (CloudBase `$lookup`, each by an indexed field). */
interface VisitContext {
  household: HouseholdRecord;
  assignments: AssignmentFact[];
  tallies: VisitTallyRecord[];
  campaigns: CampaignRecord[];
  template: ChecklistTemplateRecord | null;
  /** this submission's visit, when an earlier attempt wrote it */
  prior: StoredVisit | null;
}

async function loadVisitContext(ctx: ActionContext, householdId: string, templateId: string, visitId: string): Promise<VisitContext> {
  const $ = ctx.db.command.aggregate;
  const res = (await ctx.db
    .collection('households')
    .aggregate()
    .match({ _id: householdId })
    .limit(1)
    .lookup({ from: 'assignments', localField: '_id', foreignField: 'householdId', as: 'nwAssignments' })
    .lookup({ from: 'visitTallies', localField: '_id', foreignField: 'householdId', as: 'nwTallies' })
    .lookup({ from: 'campaigns', localField: 'townshipId', foreignField: 'townshipId', as: 'nwCampaigns' })
    .addFields({ nwTemplateId: $.literal(templateId) })
    .lookup({ from: 'checklistTemplates', localField: 'nwTemplateId', foreignField: '_id', as: 'nwTemplates' })
    // a resend finds its first attempt here, and is answered as then even if the checks would now refuse it
    .addFields({ nwVisitId: $.literal(visitId) })
    .lookup({ from: 'visits', localField: 'nwVisitId', foreignField: '_id', as: 'nwPrior' })
    .end()) as {
    list: (HouseholdRecord & {
      nwAssignments: AssignmentRecord[];
      nwTallies: VisitTallyRecord[];
      nwCampaigns: CampaignRecord[];
      nwTemplates: ChecklistTemplateRecord[];
      nwPrior: StoredVisit[];
      nwTemplateId?: string;
      nwVisitId?: string;
    })[];
  };
  const row = res.list[0];
  if (!row || row.townshipId !== actorOf(ctx).townshipId) throw new AppError('NOT_FOUND', '该农户不存在', 'householdId');
  const { nwAssignments, nwTallies, nwCampaigns, nwTemplates, nwPrior, nwTemplateId: _t, nwVisitId: _v, ...household } = row;
  return {
    prior: nwPrior.find((v) => v.visitorPersonId === actorOf(ctx).personId) ?? null,
    household,
    assignments: assignmentFacts([...nwAssignments].sort((a, b) => a._id.localeCompare(b._id))),
    tallies: nwTallies,
    campaigns: nwCampaigns.filter((c) => c.active).sort((a, b) => a._id.localeCompare(b._id)),
    template: nwTemplates[0] ?? BUILT_IN_TEMPLATES.find((t) => t._id === templateId) ?? null,
  };
}

/** attempts of the optimistic tally update before the visitor is told to retry (CONFLICT; the retry repairs the tally) */
const TALLY_ATTEMPTS = 8;

/**
 * The household's tally with this visit in it: one conditional update on the tally's revision (a single-document
 * operation, so no transaction), or one insert of a first tally with its deterministic id. A lost race re-reads the
 * tally and recomputes, so every concurrent visit lands; the count is recomputed from the eligible visits each time.
 */
async function addToTally(
  ctx: ActionContext,
  visit: VisitRecord,
  counting: { record: CampaignRecord; period: Period },
  known: VisitTallyRecord | null | undefined,
): Promise<VisitTallyRecord> {
  const key = {
    townshipId: visit.townshipId,
    campaignId: counting.record._id,
    periodKey: counting.period.key,
    householdId: visit.householdId,
  };
  const id = tallyId(key.campaignId, key.periodKey, key.householdId);
  const coll = ctx.db.collection('visitTallies');
  let prev = known === undefined ? await getById<VisitTallyRecord>(ctx.db, 'visitTallies', id) : known;
  for (let attempt = 0; ; attempt++) {
    if (prev?.eligible.some((e) => e.visitId === visit._id)) return prev;
    const rev = prev ? (prev.rev ?? 0) : 0;
    const next: VisitTallyRecord = {
      ...withVisit(
        prev,
        { _id: id, ...key },
        { visitId: visit._id, visitorPersonId: visit.visitorPersonId, at: visit.at },
        counting.period,
        counting.record.rules,
        ctx.now,
      ),
      rev: rev + 1,
    };
    if (!prev) {
      try {
        await coll.add({ data: { ...next } });
        return next;
      } catch (err) {
        if (!isDuplicate(err)) throw err;
      }
    } else {
      const { _id: _drop, ...fields } = next;
      const guard = prev.rev === undefined ? { _id: id, rev: ctx.db.command.exists(false) } : { _id: id, rev: prev.rev };
      const res = (await coll.where(guard).update({
        data: { ...fields, eligible: ctx.db.command.set(fields.eligible), countedVisitIds: ctx.db.command.set(fields.countedVisitIds) },
      })) as { stats?: { updated?: number } };
      if ((res.stats?.updated ?? 0) === 1) return next;
    }
    if (attempt + 1 >= TALLY_ATTEMPTS) throw new AppError('CONFLICT', CONFLICT_MESSAGE);
    await sleep(conflictBackoffMs(attempt));
    prev = await getById<VisitTallyRecord>(ctx.db, 'visitTallies', id);
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function isDuplicate(err: unknown): boolean {
  const e = err as { code?: unknown; errCode?: unknown; message?: unknown; errMsg?: unknown } | null;
  return /DUPLICATE|duplicate/.test(
    `${String(e?.code ?? '')} ${String(e?.errCode ?? '')} ${String(e?.message ?? '')} ${String(e?.errMsg ?? '')}`,
  );
}

/**
 * The visit's id: derived from the submission's idempotency key (and the caller's OPENID), so a resend is an insert
 * that fails on the existing id and replays the answer stored in the visit, never a lookup before every write.
 */
export function visitIdFor(ctx: Pick<ActionContext, 'openid' | 'idempotencyKey'>): string {
  if (!ctx.idempotencyKey || !ctx.openid) return newDocId();
  return createHash('sha256').update(`recordVisit\u0000${ctx.openid}\u0000${ctx.idempotencyKey}`).digest('hex').slice(0, 32);
}

/** A hazard's id follows from its visit's, so a resend writes the same documents. */
function hazardIdFor(visitId: string, i: number): string {
  return createHash('sha256').update(`${visitId}\u0000hazard\u0000${i}`).digest('hex').slice(0, 32);
}

interface StoredVisit extends VisitRecord {
  /** the answer the visitor got, JSON, replayed byte for byte to a resend of the same submission */
  reply?: string;
  /** the creation audit record (SPEC §2), embedded in the document it audits: one write, not two */
  audit?: AuditRecord;
  /** the tally this visit belongs in (it was eligible when written), so a resend can finish a lost tally write */
  tallyId?: string | null;
}

async function record(ctx: ActionContext, input: RecordVisitInput): Promise<RecordVisitResult> {
  const actor = actorOf(ctx);
  const visitId = visitIdFor(ctx);
  const { household, assignments, tallies, campaigns, template, prior } = await loadVisitContext(
    ctx,
    input.householdId,
    input.templateId,
    visitId,
  );
  if (prior) return replay(ctx, visitId, campaigns, tallies, prior);
  if (!household.active) throw new AppError('HOUSEHOLD_INACTIVE', `${household.address}已迁出，不能登记走访`, 'householdId');

  // the offline window is the rule of the campaign the device time falls in
  const atDevice = input.deviceTime ? campaignPeriodAt(campaigns, input.deviceTime) : null;
  const time = visitInstant(
    ctx.now,
    { offline: input.offline, deviceTime: input.deviceTime },
    atDevice?.record.rules.offlineWindowHours ?? DEFAULT_RULES.offlineWindowHours,
  );
  if (!time.ok) return refuse(time.problem);
  const at = time.at;

  const assigned = assignedAt(assignments, household._id, at) === actor.personId;
  if (!assigned && assignedAt(assignments, household._id, ctx.now) !== actor.personId) {
    throw new AppError('NOT_IN_RANGE', `${household.address}不在您的走访范围内`, 'householdId');
  }

  if (!template) throw new AppError('NOT_FOUND', '该排查表不存在，请刷新后重试', 'templateId');
  const today = cstDay(ctx.now);
  const answerProblem = checkAnswers(template, input.answers, today);
  if (answerProblem) refuse(answerProblem);
  if (input.photos.length > MAX_PHOTOS) refuse({ code: 'TOO_MANY_PHOTOS', message: `走访照片最多${MAX_PHOTOS}张`, field: 'photos' });
  const presence = presenceProofs({
    householdId: household._id,
    householdLocation: household.location,
    cardQrScene: input.proof.cardQrScene,
    location: input.location,
    secret: cardSecret(),
  });
  if (!presence.ok) return refuse(presence.problem);

  const found = campaignPeriodAt(campaigns, at);
  const place = { townshipId: household.townshipId, villageId: household.villageId, gridId: household.gridId, householdId: household._id };
  const hazards = hazardsOf(ctx, input, { ...place, visitId, reportedAt: at }, template).map((h, i) => ({
    ...h,
    _id: hazardIdFor(visitId, i),
  }));
  const visit: VisitRecord = {
    _id: visitId,
    ...place,
    visitorPersonId: actor.personId,
    at,
    receivedAt: ctx.now,
    offline: time.offline,
    campaignId: found?.record._id ?? null,
    periodKey: found?.period.key ?? null,
    day: cstDay(at),
    assigned,
    templateId: template._id,
    answers: input.answers.map(({ key, answer, note, photos }) => ({
      key,
      answer,
      ...(note ? { note } : {}),
      ...(photos?.length ? { photos } : {}),
    })),
    hazardIds: hazards.map((h) => h._id),
    education: input.education,
    photos: input.photos,
    location: input.location,
    proofs: presence.proofs,
    flaggedNoProof: presence.proofs.length === 0,
    createdAt: ctx.now,
  };

  const counts =
    !!found &&
    eligibleVisit(
      { id: visitId, householdId: household._id, visitorId: actor.personId, at, proven: !visit.flaggedNoProof },
      assignments,
      found.record.rules,
    );
  const counting = counts ? found : null;
  const prevTally = found ? (tallies.find((t) => t._id === tallyId(found.record._id, found.period.key, household._id)) ?? null) : null;

  const answer = (tally: VisitTallyRecord | null): RecordVisitResult => {
    const thisVisitCounted = !!tally?.countedVisitIds.includes(visitId);
    const count: VisitCountView | null = found
      ? {
          campaignId: found.record._id,
          periodKey: found.period.key,
          periodLabel: found.period.label,
          counted: tally?.counted ?? 0,
          needed: found.period.quota,
          thisVisitCounted,
        }
      : null;
    return {
      visit: visitView(visit, { address: household.address, visitorName: actor.name }),
      hazards: hazards.map((h): HazardView => hazardView(h, household.address, ctx.now)),
      count,
      countNote: countNote({
        periodLabel: found?.period.label ?? null,
        assigned,
        counted: thisVisitCounted,
        tally: counting ? tally : null,
        visitAt: at,
        rules: found?.record.rules ?? null,
      }),
    };
  };
  // JSON round trip: what the visitor gets now is exactly what a resend replays
  const json = (r: RecordVisitResult): RecordVisitResult => JSON.parse(JSON.stringify(r)) as RecordVisitResult;
  const expected = counting
    ? withVisit(
        prevTally,
        {
          _id: tallyId(counting.record._id, counting.period.key, household._id),
          ...place,
          campaignId: counting.record._id,
          periodKey: counting.period.key,
        },
        { visitId, visitorPersonId: actor.personId, at },
        counting.period,
        counting.record.rules,
        ctx.now,
      )
    : prevTally;
  const reply = answer(expected);

  // The visit is the commit point: its hazards first (ids follow from the visit's, a resend rewrites nothing), then
  // the visit with its own creation audit and the answer, then the tally. A visit whose tally write was lost (a crash,
  // CONFLICT) is counted when the phone resends it; until then the close, which recomputes short households from
  // their visits, still sees it.
  for (const h of hazards)
    await insertOnce(ctx, 'hazards', {
      ...h,
      audit: auditRecord(ctx, 'recordVisit', { collection: 'hazards', docId: h._id, before: null, after: h }),
    });
  const stored: StoredVisit = {
    ...visit,
    reply: JSON.stringify(reply),
    tallyId: counting ? tallyId(counting.record._id, counting.period.key, household._id) : null,
    audit: auditRecord(ctx, 'recordVisit', { collection: 'visits', docId: visitId, before: null, after: visit }),
  };
  try {
    await ctx.db.collection('visits').add({ data: { ...stored } });
  } catch (err) {
    if (!isDuplicate(err)) throw err;
    return replay(ctx, visitId, campaigns, tallies);
  }
  if (!counting) return json(reply);
  const tally = await addToTally(ctx, visit, counting, prevTally);
  if (sameCount(tally, expected)) return json(reply);
  // a concurrent visit changed the count between our read and our write: answer (and store) what it is now
  const now = answer(tally);
  await ctx.db
    .collection('visits')
    .doc(visitId)
    .update({ data: { reply: JSON.stringify(now) } });
  return json(now);
}

function sameCount(a: VisitTallyRecord | null, b: VisitTallyRecord | null): boolean {
  return (
    (a?.counted ?? 0) === (b?.counted ?? 0) &&
    JSON.stringify(a?.countedVisitIds ?? []) === JSON.stringify(b?.countedVisitIds ?? []) &&
    JSON.stringify((a?.eligible ?? []).map((e) => [e.visitId, new Date(e.at).getTime()])) ===
      JSON.stringify((b?.eligible ?? []).map((e) => [e.visitId, new Date(e.at).getTime()]))
  );
}

async function insertOnce(ctx: ActionContext, collection: string, doc: { _id: string } & Record<string, unknown>): Promise<void> {
  try {
    await ctx.db.collection(collection).add({ data: doc });
  } catch (err) {
    if (!isDuplicate(err)) throw err;
  }
}

/** A resend of a submission already written: finish its tally if the first attempt could not, and answer as the first time. */
async function replay(
  ctx: ActionContext,
  visitId: string,
  campaigns: CampaignRecord[],
  tallies: VisitTallyRecord[],
  known?: StoredVisit,
): Promise<RecordVisitResult> {
  const first = known ?? (await getById<StoredVisit>(ctx.db, 'visits', visitId));
  if (!first?.reply) throw new AppError('CONFLICT', '上一次提交仍在处理中，请稍后再试');
  if (first.tallyId) {
    const known = tallies.find((t) => t._id === first.tallyId) ?? null;
    const record = campaigns.find((c) => c._id === first.campaignId);
    const period = record?.periods.find((p) => p.key === first.periodKey);
    if (record && period && !known?.eligible.some((e) => e.visitId === visitId))
      await addToTally(ctx, { ...first, at: new Date(first.at) }, { record, period }, known);
  }
  return JSON.parse(first.reply) as RecordVisitResult;
}

export const recordVisit = defineAction({
  schema: recordVisitSchema,
  access: ['visitor'],
  run: (ctx, input) => record(ctx, input),
});
