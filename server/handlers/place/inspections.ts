// Inspections of places (SPEC §7b): the checklist of the place's type, photos, hazards with deadlines, and the check of
// the place's open hazards — SPEC §6's "verified on a re-inspection". Offline-safe like knock visits: the inspection's
// id follows from the idempotency key, its time may be the device's within 48 h, and one transaction writes the
// inspection, its hazards, the checks and their audit records, so a retry either replays the answer or writes it all.
import { createHash } from 'crypto';
import type { InspectionForm, RecordInspectionResult } from '../../../typings/place';
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { AppError } from '../../infra/errors';
import { writeAudit } from '../../infra/audit';
import { actorOf } from '../../infra/orgRepo';
import { findAll, getById, inTransaction, txGet, withoutId } from '../../infra/store';
import { newDocId } from '../../infra/visitRepo';
import { cstDay } from '../../domain/time/cst';
import { DEFAULT_RULES } from '../../domain/quota/campaign';
import { checkAnswers, hazardCategory } from '../../domain/visit/checklist';
import { deadlineOf, deadlineProblem, verifyProblem } from '../../domain/visit/hazardState';
import { MAX_PHOTOS, type Problem } from '../../domain/visit/problem';
import { visitInstant } from '../../domain/visit/visitTime';
import { templateFor } from '../../domain/place/checklists';
import { planCovers } from '../../domain/place/coverage';
import type { InspectionRecord, PlaceHazardRecord, PlaceRecord, PlanRecord } from '../../domain/place/records';
import { newPlaceHazard } from '../../domain/place/records';
import { inspectorKeys } from '../../domain/place/rules';
import { inspectionFormSchema, recordInspectionSchema, type RecordInspectionInput } from '../../domain/place/schemas';
import { inspectionView, placeHazardView } from '../../domain/place/views';
import { myPlans, UNVERIFIED, viewOf, villageNames } from './repo';

const refuse = (p: Problem | null): void => {
  if (p) throw new AppError(p.code, p.message, p.field);
};

/** A place of the caller's township and the caller's plans that cover it; a place outside them is NOT_IN_PLAN. */
async function placeInMyPlans(ctx: ActionContext, placeId: string): Promise<{ place: PlaceRecord; plans: PlanRecord[] }> {
  const place = await getById<PlaceRecord>(ctx.db, 'places', placeId);
  if (!place || !place.active || place.townshipId !== actorOf(ctx).townshipId) throw new AppError('NOT_FOUND', '该场所不存在', 'placeId');
  const plans = (await myPlans(ctx)).filter((p) => planCovers(p, place));
  if (!plans.length) throw new AppError('NOT_IN_PLAN', `“${place.name}”不在您的检查计划内，不能登记检查`, 'placeId');
  return { place, plans };
}

function openHazardsOf(ctx: ActionContext, placeId: string): Promise<PlaceHazardRecord[]> {
  return findAll<PlaceHazardRecord>(ctx.db, 'placeHazards', { placeId, status: ctx.db.command.in(UNVERIFIED) });
}

export const inspectionForm = defineAction({
  schema: inspectionFormSchema,
  access: ['liaison', 'police', 'deptInspector', 'office'],
  async run(ctx, input): Promise<InspectionForm> {
    const { place, plans } = await placeInMyPlans(ctx, input.placeId);
    const [names, open] = await Promise.all([villageNames(ctx), openHazardsOf(ctx, place._id)]);
    const template = templateFor(place.type);
    const villageName = names.get(place.villageId) ?? '';
    return {
      place: viewOf(ctx, place, names),
      planId: plans[0]._id,
      planName: plans[0].name,
      template: { id: template._id, name: template.name, source: template.source, items: template.items },
      openHazards: open.sort((a, b) => a._id.localeCompare(b._id)).map((h) => placeHazardView(h, place, villageName, ctx.now)),
    };
  },
});

/** The inspection's id: from the submission's idempotency key and the caller's OPENID, so a resend finds its first attempt. */
function inspectionIdFor(ctx: ActionContext): string {
  if (!ctx.idempotencyKey || !ctx.openid) return newDocId();
  return createHash('sha256').update(`recordInspection\u0000${ctx.openid}\u0000${ctx.idempotencyKey}`).digest('hex').slice(0, 32);
}

const hazardIdFor = (inspectionId: string, i: number) =>
  createHash('sha256').update(`${inspectionId}\u0000placeHazard\u0000${i}`).digest('hex').slice(0, 32);

interface StoredInspection extends InspectionRecord {
  /** the answer the inspector got, replayed byte for byte to a resend */
  reply: string;
}

async function record(ctx: ActionContext, input: RecordInspectionInput): Promise<RecordInspectionResult> {
  const actor = actorOf(ctx);
  const inspectionId = inspectionIdFor(ctx);
  const prior = await getById<StoredInspection>(ctx.db, 'inspections', inspectionId);
  if (prior && prior.inspectorPersonId === actor.personId) return JSON.parse(prior.reply) as RecordInspectionResult;

  const { place, plans } = await placeInMyPlans(ctx, input.placeId);
  const time = visitInstant(ctx.now, { offline: input.offline, deviceTime: input.deviceTime }, DEFAULT_RULES.offlineWindowHours, '检查');
  if (!time.ok) return refuse(time.problem) as never;
  const today = cstDay(ctx.now);
  const template = templateFor(place.type);
  if (input.templateId !== template._id) {
    throw new AppError('CHECKLIST_ITEM_UNKNOWN', `该场所应使用“${template.name}”，请刷新检查表后重新填写`, 'templateId');
  }
  refuse(checkAnswers(template, input.answers, today));
  if (input.photos.length > MAX_PHOTOS) refuse({ code: 'TOO_MANY_PHOTOS', message: `检查照片最多${MAX_PHOTOS}张`, field: 'photos' });
  const open = new Map((await openHazardsOf(ctx, place._id)).map((h) => [h._id, h]));
  input.checks.forEach((c, i) => {
    if (!open.has(c.hazardId)) throw new AppError('NOT_FOUND', '复查的隐患不属于该场所或已核实整改', `checks.${i}.hazardId`);
    if (!c.rectified) refuse(deadlineProblem(c.newDeadline!, today, `checks.${i}.newDeadline`));
  });

  const base = { townshipId: place.townshipId, villageId: place.villageId, placeId: place._id, inspectionId };
  const hazards: PlaceHazardRecord[] = input.answers
    .filter((a) => a.answer === 'hazard')
    .map((a, i) =>
      newPlaceHazard(
        {
          _id: hazardIdFor(inspectionId, i),
          ...base,
          itemKey: a.key,
          category: hazardCategory(template, a.key),
          description: a.note ?? '',
          photos: a.photos ?? [],
          foundBy: actor.personId,
          deadline: deadlineOf(a.deadline!),
        },
        time.at,
        ctx.now,
      ),
    );
  const inspection: InspectionRecord = {
    _id: inspectionId,
    townshipId: place.townshipId,
    villageId: place.villageId,
    placeId: place._id,
    planId: plans[0]._id,
    inspectorPersonId: actor.personId,
    inspectorName: actor.name,
    asInspector: inspectorKeys(actor.grants, actor.townshipId),
    at: time.at,
    receivedAt: ctx.now,
    offline: time.offline,
    day: cstDay(time.at),
    templateId: template._id,
    answers: input.answers.map(({ key, answer, note, photos }) => ({
      key,
      answer,
      ...(note ? { note } : {}),
      ...(photos ? { photos } : {}),
    })),
    hazardIds: hazards.map((h) => h._id),
    checks: input.checks.map((c) => ({ hazardId: c.hazardId, rectified: c.rectified, newDeadline: c.rectified ? null : c.newDeadline! })),
    photos: input.photos,
    location: input.location,
    note: input.note,
    createdAt: ctx.now,
  };

  const names = await villageNames(ctx);
  const villageName = names.get(place.villageId) ?? '';
  return inTransaction(ctx.db, async (tx) => {
    const twin = await txGet<StoredInspection>(tx, 'inspections', inspectionId);
    if (twin) return JSON.parse(twin.reply) as RecordInspectionResult;
    const verified: PlaceHazardRecord[] = [];
    for (const c of input.checks) {
      const before = await txGet<PlaceHazardRecord>(tx, 'placeHazards', c.hazardId);
      if (!before) throw new AppError('NOT_FOUND', '复查的隐患不存在', 'checks');
      refuse(verifyProblem(before.status));
      const patch: Partial<PlaceHazardRecord> = c.rectified
        ? { status: 'verified', verifiedAt: time.at, verifiedBy: actor.personId, verifyInspectionId: inspectionId, updatedAt: ctx.now }
        : {
            status: 'notRectified',
            deadline: deadlineOf(c.newDeadline!),
            verifiedAt: time.at,
            verifiedBy: actor.personId,
            verifyInspectionId: inspectionId,
            updatedAt: ctx.now,
          };
      const after = { ...before, ...patch, _id: c.hazardId };
      await tx.collection('placeHazards').doc(c.hazardId).update({ data: patch });
      await writeAudit(tx, ctx, 'verifyPlaceHazard', { collection: 'placeHazards', docId: c.hazardId, before, after });
      verified.push(after);
    }
    for (const h of hazards) {
      await tx
        .collection('placeHazards')
        .doc(h._id)
        .set({ data: withoutId(h) });
      await writeAudit(tx, ctx, 'recordInspection', { collection: 'placeHazards', docId: h._id, before: null, after: h });
    }
    const result: RecordInspectionResult = {
      inspection: inspectionView(inspection, place.name),
      hazards: hazards.map((h) => placeHazardView(h, place, villageName, ctx.now)),
      verified: verified.map((h) => placeHazardView(h, place, villageName, ctx.now)),
    };
    const stored: StoredInspection = { ...inspection, reply: JSON.stringify(result) };
    await tx
      .collection('inspections')
      .doc(inspectionId)
      .set({ data: withoutId(stored) });
    await writeAudit(tx, ctx, 'recordInspection', { collection: 'inspections', docId: inspectionId, before: null, after: inspection });
    return result;
  });
}

export const recordInspection = defineAction({
  schema: recordInspectionSchema,
  access: ['liaison', 'police', 'deptInspector', 'office'],
  run: (ctx, input) => record(ctx, input),
});
