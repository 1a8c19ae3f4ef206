// Knock visits 敲门行动 (SPEC §3, §5): the checklist, hazards with deadlines, education, photos, proof of presence.
// The visit, its hazards, their audit records and the household's tally for the period are written in one transaction.
import type { HazardView, RecordVisitResult, VisitCountView } from '../../../typings/visit';
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { AppError } from '../../infra/errors';
import { writeAudit } from '../../infra/audit';
import { idempotent } from '../../infra/idempotency';
import { actorOf, requireHousehold } from '../../infra/orgRepo';
import { loadTemplate } from '../../infra/checklistRepo';
import { cardSecret } from '../../infra/cardQr';
import { activeCampaigns, householdAssignments, newDocId } from '../../infra/visitRepo';
import { getById, inTransaction, txGet, withoutId } from '../../infra/store';
import { cstDay } from '../../domain/time/cst';
import { DEFAULT_RULES, type Period } from '../../domain/quota/campaign';
import { assignedAt, eligibleVisit } from '../../domain/quota/visitQuota';
import { tallyId, type ChecklistTemplateRecord, type HazardRecord, type VisitRecord, type VisitTallyRecord } from '../../domain/visit/records';
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

function hazardsOf(ctx: ActionContext, input: RecordVisitInput, base: Pick<HazardRecord, 'townshipId' | 'villageId' | 'gridId' | 'householdId' | 'visitId' | 'reportedAt'>, template: ChecklistTemplateRecord): HazardRecord[] {
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

/**
 * One transaction: the household's tally for the period (read by id, recomputed, set), each hazard and the visit
 * with their audit records. Ids are chosen beforehand, so a retry after a conflict writes the same documents.
 */
async function writeVisit(ctx: ActionContext, visit: VisitRecord, hazards: HazardRecord[], counting: { record: CampaignRecord; period: Period } | null): Promise<VisitTallyRecord | null> {
  return inTransaction(ctx.db, async (tx) => {
    let next: VisitTallyRecord | null = null;
    if (counting) {
      const key = { townshipId: visit.townshipId, campaignId: counting.record._id, periodKey: counting.period.key, householdId: visit.householdId };
      const id = tallyId(key.campaignId, key.periodKey, key.householdId);
      const prev = await txGet<VisitTallyRecord>(tx, 'visitTallies', id);
      next = withVisit(prev, { _id: id, ...key }, { visitId: visit._id, visitorPersonId: visit.visitorPersonId, at: visit.at }, counting.period, counting.record.rules, ctx.now);
      await tx.collection('visitTallies').doc(id).set({ data: withoutId(next) });
    }
    for (const h of hazards) {
      await tx.collection('hazards').add({ data: { ...h } });
      await writeAudit(tx, ctx, 'recordVisit', { collection: 'hazards', docId: h._id, before: null, after: h });
    }
    await tx.collection('visits').add({ data: { ...visit } });
    await writeAudit(tx, ctx, 'recordVisit', { collection: 'visits', docId: visit._id, before: null, after: visit });
    return next;
  });
}

async function record(ctx: ActionContext, input: RecordVisitInput): Promise<RecordVisitResult> {
  const actor = actorOf(ctx);
  const household = await requireHousehold(ctx, input.householdId);
  if (!household.active) throw new AppError('HOUSEHOLD_INACTIVE', `${household.address}已迁出，不能登记走访`, 'householdId');

  const campaigns = await activeCampaigns(ctx);
  // the offline window is the rule of the campaign the device time falls in
  const atDevice = input.deviceTime ? campaignPeriodAt(campaigns, input.deviceTime) : null;
  const time = visitInstant(ctx.now, { offline: input.offline, deviceTime: input.deviceTime }, atDevice?.record.rules.offlineWindowHours ?? DEFAULT_RULES.offlineWindowHours);
  if (!time.ok) return refuse(time.problem);
  const at = time.at;

  const assignments = await householdAssignments(ctx, household._id);
  const assigned = assignedAt(assignments, household._id, at) === actor.personId;
  if (!assigned && assignedAt(assignments, household._id, ctx.now) !== actor.personId) {
    throw new AppError('NOT_IN_RANGE', `${household.address}不在您的走访范围内`, 'householdId');
  }

  const template = await loadTemplate(ctx.db, input.templateId);
  if (!template) throw new AppError('NOT_FOUND', '该排查表不存在，请刷新后重试', 'templateId');
  const today = cstDay(ctx.now);
  const answerProblem = checkAnswers(template, input.answers, today);
  if (answerProblem) refuse(answerProblem);
  if (input.photos.length > MAX_PHOTOS) refuse({ code: 'TOO_MANY_PHOTOS', message: `走访照片最多${MAX_PHOTOS}张`, field: 'photos' });
  const presence = presenceProofs({ householdId: household._id, householdLocation: household.location, cardQrScene: input.proof.cardQrScene, location: input.location, secret: cardSecret() });
  if (!presence.ok) return refuse(presence.problem);

  const found = campaignPeriodAt(campaigns, at);
  const visitId = newDocId();
  const place = { townshipId: household.townshipId, villageId: household.villageId, gridId: household.gridId, householdId: household._id };
  const hazards = hazardsOf(ctx, input, { ...place, visitId, reportedAt: at }, template);
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
    answers: input.answers.map(({ key, answer, note, photos }) => ({ key, answer, ...(note ? { note } : {}), ...(photos?.length ? { photos } : {}) })),
    hazardIds: hazards.map((h) => h._id),
    education: input.education,
    photos: input.photos,
    location: input.location,
    proofs: presence.proofs,
    flaggedNoProof: presence.proofs.length === 0,
    createdAt: ctx.now,
  };

  const counts = !!found && eligibleVisit({ id: visitId, householdId: household._id, visitorId: actor.personId, at, proven: !visit.flaggedNoProof }, assignments, found.record.rules);
  const tally = await writeVisit(ctx, visit, hazards, counts ? found : null);

  const thisVisitCounted = !!tally?.countedVisitIds.includes(visitId);
  // a visit that does not count leaves the tally as it was: read it only to tell the visitor where the household stands
  const standing = tally ?? (found ? await getById<VisitTallyRecord>(ctx.db, 'visitTallies', tallyId(found.record._id, found.period.key, household._id)) : null);
  const count: VisitCountView | null = found
    ? { campaignId: found.record._id, periodKey: found.period.key, periodLabel: found.period.label, counted: standing?.counted ?? 0, needed: found.period.quota, thisVisitCounted }
    : null;
  const hazardViews: HazardView[] = hazards.map((h) => hazardView(h, household.address, ctx.now));
  return {
    visit: visitView(visit, { address: household.address, visitorName: actor.name }),
    hazards: hazardViews,
    count,
    countNote: countNote({ periodLabel: found?.period.label ?? null, assigned, counted: thisVisitCounted, tally, visitAt: at, rules: found?.record.rules ?? null }),
  };
}

export const recordVisit = defineAction({
  schema: recordVisitSchema,
  access: ['visitor'],
  run: (ctx, input) => idempotent(ctx, 'recordVisit', () => record(ctx, input)),
});
