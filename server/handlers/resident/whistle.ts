// Anonymous whistle-blower reports 吹哨人 (004: "完善火灾隐患'吹哨人'制度，鼓励群众…举报火灾隐患和提供线索").
// Any bound member of the township may report (the township must be known); the report itself carries no reporter
// field at all, its audit record has no actor, and the only trace of the reporter is a keyed hash in `whistleLimits`
// (per CST day, for the daily limit). The reporter follows the report with a receipt code only they hold.
import type { WhistleReceipt, WhistleStatusView } from '../../../typings/resident';
import { auditRecord } from '../../infra/audit';
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { AppError } from '../../infra/errors';
import { actorOf } from '../../infra/orgRepo';
import { getById, inTransaction, txGet } from '../../infra/store';
import { randomReceipt, normalizeReceipt, receiptHash, whistleHazardId } from '../../domain/resident/receipt';
import { reporterHash, retryableReceipt, whistleLimitId } from '../../infra/whistleIdentity';
import type { HouseholdRecord, VillageRecord } from '../../domain/org/records';
import type { HazardRecord } from '../../domain/visit/records';
import { categoryLabel, hazardDeadline, photoProblem, STATUS_LABELS, whistleLimitProblem } from '../../domain/resident/rules';
import { whistleBlowSchema, whistleStatusSchema } from '../../domain/resident/schemas';
import { whistleStatusView } from '../../domain/resident/views';
import { deadlineDayOf } from '../../domain/visit/hazardState';
import { cstDay } from '../../domain/time/cst';
import { notifyRoute, routeReport } from './routing';
import { refuse } from './refuse';
import { copyWhistlePhotos, deleteWhistleUploads } from '../../infra/whistlePhotos';

interface WhistleLimitRecord {
  /** `${reporterHash}:${cstDay}`; no time, no openid, nothing that points at a report */
  _id: string;
  day: string;
  count: number;
}

const receiptOf = (h: HazardRecord, receipt: string): WhistleReceipt => ({
  receipt,
  status: h.status,
  statusLabel: STATUS_LABELS[h.status],
  deadlineDay: deadlineDayOf(new Date(h.deadline)),
});

async function placeOf(
  ctx: ActionContext,
  townshipId: string,
  villageId: string,
  householdId: string | undefined,
): Promise<{ village: VillageRecord; household: HouseholdRecord | null }> {
  const village = await getById<VillageRecord>(ctx.db, 'villages', villageId);
  if (!village || village.townshipId !== townshipId) throw new AppError('NOT_FOUND', '该村（社区）不存在', 'villageId');
  if (!householdId) return { village, household: null };
  const household = await getById<HouseholdRecord>(ctx.db, 'households', householdId);
  if (!household || household.townshipId !== townshipId || household.villageId !== village._id)
    throw new AppError('NOT_FOUND', '该村（社区）没有这个农户', 'householdId');
  if (!household.active) throw new AppError('HOUSEHOLD_INACTIVE', '该农户已迁出，请改为填写隐患地点', 'householdId');
  return { village, household };
}

export const whistleBlow = defineAction({
  schema: whistleBlowSchema,
  access: 'member',
  async run(ctx, input): Promise<WhistleReceipt> {
    const actor = actorOf(ctx);
    refuse(photoProblem(input.photos));
    const { village, household } = await placeOf(ctx, actor.townshipId, input.villageId, input.householdId);
    const hash = reporterHash(ctx.openid!);
    // a retried submission (same idempotency key) yields the same receipt and so finds its own report
    const receipt = ctx.idempotencyKey ? retryableReceipt(ctx.openid!, ctx.idempotencyKey) : randomReceipt();
    const hazardId = whistleHazardId(receipt);
    const limitId = whistleLimitId(hash, cstDay(ctx.now));
    const route = await routeReport(ctx, actor.townshipId, village._id, household?._id ?? null);
    const deadline = hazardDeadline(ctx.now);
    if (!deadline.ok) throw new AppError('DEADLINE_IN_PAST', deadline.message, 'deadline');
    const already = await getById<HazardRecord>(ctx.db, 'hazards', hazardId);
    if (already) return receiptOf(already, receipt);
    // checked again inside the transaction; checked here too so a refused report copies no photos
    refuse(whistleLimitProblem((await getById<WhistleLimitRecord>(ctx.db, 'whistleLimits', limitId))?.count ?? 0));
    const photos = await copyWhistlePhotos(input.photos, hazardId);
    const record: HazardRecord = {
      _id: hazardId,
      townshipId: actor.townshipId,
      villageId: village._id,
      gridId: household?.gridId ?? null,
      householdId: household?._id ?? null,
      source: 'whistleblower',
      category: categoryLabel(input.category),
      categoryKey: input.category,
      description: input.description,
      photos: photos.fileIds,
      visitorPersonId: route.visitorPersonId,
      liaisonPersonId: route.liaisonPersonId,
      place: household ? null : (input.place ?? null),
      location: input.location ?? null,
      receiptHash: receiptHash(receipt),
      visitId: null,
      reportedAt: ctx.now,
      deadline: deadline.deadline,
      status: 'open',
      claimedAt: null,
      claimPhotos: [],
      verifiedAt: null,
      verifiedBy: null,
      verifyPhotos: [],
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    const { receiptHash: _secret, ...audited } = record;
    const outcome = await inTransaction(ctx.db, async (tx) => {
      const existing = await txGet<HazardRecord>(tx, 'hazards', hazardId);
      if (existing) return { created: false, hazard: existing };
      const limit = await txGet<WhistleLimitRecord>(tx, 'whistleLimits', limitId);
      refuse(whistleLimitProblem(limit?.count ?? 0));
      if (limit)
        await tx
          .collection('whistleLimits')
          .doc(limitId)
          .update({ data: { count: limit.count + 1 } });
      else await tx.collection('whistleLimits').add({ data: { _id: limitId, day: cstDay(ctx.now), count: 1 } });
      await tx.collection('hazards').add({ data: { ...record } });
      // audited without an actor: the reporter is deliberately not recorded anywhere
      const entry = auditRecord({ actor: null, openid: null, now: ctx.now }, 'resident.whistleBlow', {
        collection: 'hazards',
        docId: hazardId,
        before: null,
        after: audited,
        reason: '吹哨人匿名举报：按制度不记录举报人身份',
      });
      await tx.collection('audit').add({ data: { ...entry } });
      return { created: true, hazard: record };
    });
    if (outcome.created) {
      await deleteWhistleUploads(photos.uploads);
      await notifyRoute(ctx, record, `${village.name}${household?.address ?? record.place ?? ''}`);
    }
    return receiptOf(outcome.hazard, receipt);
  },
});

/** Anyone holding a receipt may follow its report, bound or not; a wrong code finds nothing. */
export const whistleStatus = defineAction({
  schema: whistleStatusSchema,
  access: 'anonymous',
  async run(ctx, input): Promise<WhistleStatusView> {
    const receipt = normalizeReceipt(input.receipt);
    if (!receipt) throw new AppError('INVALID_INPUT', '回执码应为12位字母和数字，如 ABCD-EFGH-JKMN', 'receipt');
    const h = await getById<HazardRecord>(ctx.db, 'hazards', whistleHazardId(receipt));
    if (!h || h.source !== 'whistleblower' || h.receiptHash !== receiptHash(receipt))
      throw new AppError('NOT_FOUND', '没有找到该回执码对应的举报，请核对后重试', 'receipt');
    const village = await getById<VillageRecord>(ctx.db, 'villages', h.villageId);
    return whistleStatusView(h, village?.name ?? '', ctx.now);
  },
});
