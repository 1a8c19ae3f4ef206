// Hazards found at places follow SPEC §6: reported with a deadline → rectification claimed with a photo (by whoever
// follows the place up: its inspectors, its village liaison, the office, on the place's behalf) → verified on a
// re-inspection (inspections.ts), or overdue (deadline + 3 days).
import type { PlaceHazardPage, PlaceHazardView } from '../../../typings/place';
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { AppError, forbidden } from '../../infra/errors';
import { writeAudit } from '../../infra/audit';
import { idempotent } from '../../infra/idempotency';
import { actorOf } from '../../infra/orgRepo';
import { findAll, findByIds, inTransaction, txGet } from '../../infra/store';
import { isOffice, liaisonVillageIds } from '../../domain/org/access';
import { claimProblem, hazardState } from '../../domain/visit/hazardState';
import { MAX_PHOTOS } from '../../domain/visit/problem';
import { planCovers } from '../../domain/place/coverage';
import type { PlaceHazardRecord, PlaceRecord } from '../../domain/place/records';
import { keepsPlacesOf, readsAllPlaces } from '../../domain/place/rules';
import { claimPlaceHazardSchema, listPlaceHazardsSchema } from '../../domain/place/schemas';
import { placeHazardView } from '../../domain/place/views';
import { myPlans, UNVERIFIED, villageNames } from './repo';

/** Hazards the caller reads: the township's for the office, discipline, police and departments; a liaison its villages'. */
export function hazardScope(ctx: ActionContext): Record<string, unknown> {
  const actor = actorOf(ctx);
  const where: Record<string, unknown> = { townshipId: actor.townshipId };
  if (!readsAllPlaces(actor.grants, actor.townshipId)) where.villageId = ctx.db.command.in(liaisonVillageIds(actor.grants));
  return where;
}

/** Hazard views with their places and village names, read in two batches. */
export async function hazardViews(ctx: ActionContext, rows: readonly PlaceHazardRecord[]): Promise<PlaceHazardView[]> {
  const [places, names] = await Promise.all([
    findByIds<PlaceRecord>(
      ctx.db,
      'places',
      rows.map((h) => h.placeId),
    ),
    villageNames(ctx),
  ]);
  const byId = new Map(places.map((p) => [p._id, p]));
  return rows.map((h) => placeHazardView(h, byId.get(h.placeId), names.get(h.villageId) ?? '', ctx.now));
}

const overdue = (h: PlaceHazardRecord, now: Date) => hazardState({ status: h.status, deadline: new Date(h.deadline) }, now).overdue;

/** Overdue first, then claimed (waiting for a re-inspection), then by deadline. */
export function hazardOrder(now: Date) {
  const rank = (h: PlaceHazardRecord) => (overdue(h, now) ? 0 : h.status === 'rectificationClaimed' ? 1 : 2);
  return (a: PlaceHazardRecord, b: PlaceHazardRecord) =>
    rank(a) - rank(b) || new Date(a.deadline).getTime() - new Date(b.deadline).getTime() || a._id.localeCompare(b._id);
}

export async function overdueHazards(ctx: ActionContext): Promise<PlaceHazardRecord[]> {
  const rows = await findAll<PlaceHazardRecord>(ctx.db, 'placeHazards', { ...hazardScope(ctx), status: ctx.db.command.in(UNVERIFIED) });
  return rows.filter((h) => overdue(h, ctx.now)).sort(hazardOrder(ctx.now));
}

export const listPlaceHazards = defineAction({
  schema: listPlaceHazardsSchema,
  access: ['office', 'discipline', 'liaison', 'police', 'deptInspector'],
  async run(ctx, input): Promise<PlaceHazardPage> {
    const actor = actorOf(ctx);
    const where: Record<string, unknown> = { ...hazardScope(ctx) };
    if (input.placeId) where.placeId = input.placeId;
    if (input.filter !== 'all') where.status = ctx.db.command.in(UNVERIFIED);
    const rows = (await findAll<PlaceHazardRecord>(ctx.db, 'placeHazards', where))
      .filter((h) => input.filter !== 'overdue' || overdue(h, ctx.now))
      .sort(hazardOrder(ctx.now));
    const start = (input.page - 1) * input.pageSize;
    return {
      items: await hazardViews(ctx, rows.slice(start, start + input.pageSize)),
      total: rows.length,
      page: input.page,
      pageSize: input.pageSize,
      canRefer: isOffice(actor.grants, actor.townshipId),
    };
  },
});

/** Who follows a place's hazards up: the office, the liaison of its village, or an inspector whose plan covers it. */
async function followsUp(ctx: ActionContext, place: PlaceRecord): Promise<boolean> {
  const actor = actorOf(ctx);
  if (keepsPlacesOf(actor.grants, actor.townshipId, place.villageId)) return true;
  return (await myPlans(ctx)).some((p) => planCovers(p, place));
}

export const claimPlaceHazard = defineAction({
  schema: claimPlaceHazardSchema,
  access: ['office', 'liaison', 'police', 'deptInspector'],
  run: (ctx, input) =>
    idempotent(ctx, 'claimPlaceHazard', async (): Promise<PlaceHazardView> => {
      const actor = actorOf(ctx);
      const [found] = await findByIds<PlaceHazardRecord>(ctx.db, 'placeHazards', [input.hazardId]);
      if (!found || found.townshipId !== actor.townshipId) throw new AppError('NOT_FOUND', '该隐患不存在', 'hazardId');
      const [place] = await findByIds<PlaceRecord>(ctx.db, 'places', [found.placeId]);
      if (!place || !(await followsUp(ctx, place))) throw forbidden('只有该场所的检查人员、所在村联络员或镇办公室可以提交整改情况');
      if (input.photos.length > MAX_PHOTOS) throw new AppError('TOO_MANY_PHOTOS', `整改照片最多${MAX_PHOTOS}张`, 'photos');
      const after = await inTransaction(ctx.db, async (tx) => {
        const before = await txGet<PlaceHazardRecord>(tx, 'placeHazards', found._id);
        if (!before) throw new AppError('NOT_FOUND', '该隐患不存在', 'hazardId');
        const problem = claimProblem(before.status, '检查人员复查核实');
        if (problem) throw new AppError(problem.code, problem.message);
        const patch = {
          status: 'rectificationClaimed' as const,
          claimedAt: ctx.now,
          claimedBy: actor.personId,
          claimPhotos: input.photos,
          claimNote: input.note ?? '',
          updatedAt: ctx.now,
        };
        const next: PlaceHazardRecord = { ...before, ...patch, _id: found._id };
        await tx.collection('placeHazards').doc(found._id).update({ data: patch });
        await writeAudit(tx, ctx, 'claimPlaceHazard', { collection: 'placeHazards', docId: found._id, before, after: next });
        return next;
      });
      return (await hazardViews(ctx, [after]))[0];
    }),
});
