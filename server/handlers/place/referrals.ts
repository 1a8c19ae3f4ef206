// 镇街吹哨、部门报到 (004 §13, SPEC §7b): the township office refers a hazard at a high-risk place to the department that
// supervises the place's type, with a deadline; the department acknowledges and reports back; a referral unanswered
// past its deadline is listed for the office (and in the quarterly report), never sent to the discipline office.
import type { ReferralPage, ReferralView } from '../../../typings/place';
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { AppError, forbidden } from '../../infra/errors';
import { writeAudit } from '../../infra/audit';
import { idempotent } from '../../infra/idempotency';
import { actorOf } from '../../infra/orgRepo';
import { findAll, findByIds, inTransaction, txGet, withoutId } from '../../infra/store';
import { isTownshipWide } from '../../domain/org/access';
import { cstDay } from '../../domain/time/cst';
import { deadlineOf, deadlineProblem } from '../../domain/visit/hazardState';
import { MAX_PHOTOS, type Problem } from '../../domain/visit/problem';
import type { PlaceHazardRecord, PlaceRecord, ReferralRecord } from '../../domain/place/records';
import { acknowledgeProblem, answerProblem, departmentsOf, referralOverdue, referralProblem } from '../../domain/place/rules';
import { acknowledgeReferralSchema, answerReferralSchema, listReferralsSchema, referHazardSchema } from '../../domain/place/schemas';
import { referralView } from '../../domain/place/views';
import { villageNames } from './repo';

const refuse = (p: Problem | null): void => {
  if (p) throw new AppError(p.code, p.message, p.field);
};

/** One referral per hazard: its id follows from the hazard's, so a second referral finds the first. */
export const referralIdOf = (hazardId: string) => `referral-${hazardId}`;

export async function referralViews(ctx: ActionContext, rows: readonly ReferralRecord[]): Promise<ReferralView[]> {
  const [hazards, places, names] = await Promise.all([
    findByIds<PlaceHazardRecord>(
      ctx.db,
      'placeHazards',
      rows.map((r) => r.hazardId),
    ),
    findByIds<PlaceRecord>(
      ctx.db,
      'places',
      rows.map((r) => r.placeId),
    ),
    villageNames(ctx),
  ]);
  const h = new Map(hazards.map((x) => [x._id, x]));
  const p = new Map(places.map((x) => [x._id, x]));
  return rows.map((r) => referralView(r, h.get(r.hazardId), p.get(r.placeId), names.get(r.villageId) ?? '', ctx.now));
}

export const referHazard = defineAction({
  schema: referHazardSchema,
  access: ['office'],
  run: (ctx, input) =>
    idempotent(ctx, 'referHazard', async (): Promise<ReferralView> => {
      const actor = actorOf(ctx);
      const [hazard] = await findByIds<PlaceHazardRecord>(ctx.db, 'placeHazards', [input.hazardId]);
      if (!hazard || hazard.townshipId !== actor.townshipId) throw new AppError('NOT_FOUND', '该隐患不存在', 'hazardId');
      const [place] = await findByIds<PlaceRecord>(ctx.db, 'places', [hazard.placeId]);
      if (!place) throw new AppError('NOT_FOUND', '该隐患所在场所不存在', 'hazardId');
      refuse(referralProblem(place, input.department));
      refuse(deadlineProblem(input.deadline, cstDay(ctx.now), 'deadline'));
      if (hazard.status === 'verified') throw new AppError('CONFLICT', '该隐患已核实整改到位，无需转办', 'hazardId');
      const id = referralIdOf(hazard._id);
      const referral: ReferralRecord = {
        _id: id,
        townshipId: actor.townshipId,
        hazardId: hazard._id,
        placeId: place._id,
        villageId: place.villageId,
        department: input.department,
        deadline: deadlineOf(input.deadline),
        note: input.note ?? '',
        status: 'open',
        createdBy: actor.personId,
        createdAt: ctx.now,
        acknowledgedAt: null,
        acknowledgedBy: null,
        answeredAt: null,
        answeredBy: null,
        answer: null,
        answerPhotos: [],
        updatedAt: ctx.now,
      };
      await inTransaction(ctx.db, async (tx) => {
        if (await txGet<ReferralRecord>(tx, 'referrals', id))
          throw new AppError('CONFLICT', '该隐患已转办部门，请在转办列表中跟踪', 'hazardId');
        const before = await txGet<PlaceHazardRecord>(tx, 'placeHazards', hazard._id);
        await tx
          .collection('referrals')
          .doc(id)
          .set({ data: withoutId(referral) });
        await tx
          .collection('placeHazards')
          .doc(hazard._id)
          .update({ data: { referralId: id, updatedAt: ctx.now } });
        await writeAudit(tx, ctx, 'referHazard', { collection: 'referrals', docId: id, before: null, after: referral });
        await writeAudit(tx, ctx, 'referHazard', {
          collection: 'placeHazards',
          docId: hazard._id,
          before,
          after: { ...before, referralId: id, updatedAt: ctx.now },
        });
      });
      return (await referralViews(ctx, [referral]))[0];
    }),
});

/** Referrals the caller reads: every one for the office and the discipline office; a department's inspector its own. */
function referralWhere(ctx: ActionContext): Record<string, unknown> {
  const actor = actorOf(ctx);
  const where: Record<string, unknown> = { townshipId: actor.townshipId };
  if (!isTownshipWide(actor.grants, actor.townshipId)) where.department = ctx.db.command.in(departmentsOf(actor.grants));
  return where;
}

/** Overdue first (oldest deadline first), then open by deadline, then answered (latest first). */
function referralOrder(now: Date) {
  const rank = (r: ReferralRecord) => (referralOverdue(r, now) ? 0 : r.status === 'answered' ? 2 : 1);
  return (a: ReferralRecord, b: ReferralRecord) =>
    rank(a) - rank(b) || new Date(a.deadline).getTime() - new Date(b.deadline).getTime() || a._id.localeCompare(b._id);
}

export async function overdueReferrals(ctx: ActionContext): Promise<ReferralRecord[]> {
  const rows = await findAll<ReferralRecord>(ctx.db, 'referrals', { ...referralWhere(ctx), status: ctx.db.command.neq('answered') });
  return rows.filter((r) => referralOverdue(r, ctx.now)).sort(referralOrder(ctx.now));
}

export const listReferrals = defineAction({
  schema: listReferralsSchema,
  access: ['office', 'discipline', 'deptInspector'],
  async run(ctx, input): Promise<ReferralPage> {
    const where = referralWhere(ctx);
    if (input.filter !== 'all') where.status = ctx.db.command.neq('answered');
    const rows = (await findAll<ReferralRecord>(ctx.db, 'referrals', where))
      .filter((r) => input.filter !== 'overdue' || referralOverdue(r, ctx.now))
      .sort(referralOrder(ctx.now));
    const start = (input.page - 1) * input.pageSize;
    return {
      items: await referralViews(ctx, rows.slice(start, start + input.pageSize)),
      total: rows.length,
      page: input.page,
      pageSize: input.pageSize,
      canAnswer: departmentsOf(actorOf(ctx).grants).length > 0,
    };
  },
});

/** A referral to one of the caller's departments, moved inside a transaction with its audit record. */
async function moveReferral(
  ctx: ActionContext,
  referralId: string,
  action: string,
  check: (r: ReferralRecord) => Problem | null,
  patchOf: (r: ReferralRecord) => Partial<ReferralRecord>,
): Promise<ReferralView> {
  const actor = actorOf(ctx);
  const mine = departmentsOf(actor.grants);
  const after = await inTransaction(ctx.db, async (tx) => {
    const before = await txGet<ReferralRecord>(tx, 'referrals', referralId);
    if (!before || before.townshipId !== actor.townshipId) throw new AppError('NOT_FOUND', '该转办不存在', 'referralId');
    if (!mine.includes(before.department)) throw forbidden('该转办不是转给您所在部门的');
    refuse(check(before));
    const patch = patchOf(before);
    const next: ReferralRecord = { ...before, ...patch, _id: referralId };
    await tx.collection('referrals').doc(referralId).update({ data: patch });
    await writeAudit(tx, ctx, action, { collection: 'referrals', docId: referralId, before, after: next });
    return next;
  });
  return (await referralViews(ctx, [after]))[0];
}

export const acknowledgeReferral = defineAction({
  schema: acknowledgeReferralSchema,
  access: ['deptInspector'],
  run: (ctx, input) =>
    idempotent(ctx, 'acknowledgeReferral', () =>
      moveReferral(
        ctx,
        input.referralId,
        'acknowledgeReferral',
        (r) => acknowledgeProblem(r.status),
        () => ({ status: 'acknowledged', acknowledgedAt: ctx.now, acknowledgedBy: actorOf(ctx).personId, updatedAt: ctx.now }),
      ),
    ),
});

export const answerReferral = defineAction({
  schema: answerReferralSchema,
  access: ['deptInspector'],
  run: (ctx, input) =>
    idempotent(ctx, 'answerReferral', () => {
      if (input.photos.length > MAX_PHOTOS) throw new AppError('TOO_MANY_PHOTOS', `反馈照片最多${MAX_PHOTOS}张`, 'photos');
      const by = actorOf(ctx).personId;
      return moveReferral(
        ctx,
        input.referralId,
        'answerReferral',
        (r) => answerProblem(r.status),
        (r) => ({
          status: 'answered',
          acknowledgedAt: r.acknowledgedAt ?? ctx.now,
          acknowledgedBy: r.acknowledgedBy ?? by,
          answeredAt: ctx.now,
          answeredBy: by,
          answer: input.text,
          answerPhotos: input.photos,
          updatedAt: ctx.now,
        }),
      );
    }),
});
