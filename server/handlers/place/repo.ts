// Reads the `place` handlers share: the caller's township places, plans and recent inspections, village names, and
// each plan's coverage today. A township holds hundreds of places, so plans are evaluated over its whole registry.
import type { ActionContext } from '../../infra/dispatch';
import { AppError } from '../../infra/errors';
import { actorOf } from '../../infra/orgRepo';
import { findAll, getById } from '../../infra/store';
import { canSeePhones } from '../../domain/org/access';
import type { VillageRecord } from '../../domain/org/records';
import { cstDay } from '../../domain/time/cst';
import { lookbackDay, planKey, planStates, type PlanState } from '../../domain/place/coverage';
import type { InspectionRecord, PlaceHazardRecord, PlaceRecord, PlanRecord } from '../../domain/place/records';
import { inspectorKeys, readsPlacesOf } from '../../domain/place/rules';
import { placeView } from '../../domain/place/views';
import type { PlaceView } from '../../../typings/place';

export const townshipOf = (ctx: ActionContext) => actorOf(ctx).townshipId;

export async function villageNames(ctx: ActionContext): Promise<Map<string, string>> {
  const villages = await findAll<VillageRecord>(ctx.db, 'villages', { townshipId: townshipOf(ctx) });
  return new Map(villages.map((v) => [v._id, v.name]));
}

export function townshipPlaces(ctx: ActionContext): Promise<PlaceRecord[]> {
  return findAll<PlaceRecord>(ctx.db, 'places', { townshipId: townshipOf(ctx), active: true });
}

export function activePlans(ctx: ActionContext): Promise<PlanRecord[]> {
  return findAll<PlanRecord>(ctx.db, 'inspectionPlans', { townshipId: townshipOf(ctx), active: true });
}

/** A place of the caller's township that the caller may read, or NOT_FOUND (a place out of reach is as absent). */
export async function readablePlace(ctx: ActionContext, placeId: string): Promise<PlaceRecord> {
  const actor = actorOf(ctx);
  const place = await getById<PlaceRecord>(ctx.db, 'places', placeId);
  if (!place || !place.active || place.townshipId !== actor.townshipId || !readsPlacesOf(actor.grants, actor.townshipId, place.villageId)) {
    throw new AppError('NOT_FOUND', '该场所不存在', 'placeId');
  }
  return place;
}

export function viewOf(ctx: ActionContext, place: PlaceRecord, names: ReadonlyMap<string, string>): PlaceView {
  const actor = actorOf(ctx);
  return placeView(place, names.get(place.villageId) ?? '', canSeePhones(actor.grants, actor.townshipId, place.villageId));
}

/** The inspections that can still change a standing today (since the earliest previous period of the plans). */
export async function recentInspections(ctx: ActionContext, plans: readonly PlanRecord[], today: string): Promise<InspectionRecord[]> {
  if (!plans.length) return [];
  const since = plans.map((p) => lookbackDay(p, today)).sort()[0];
  return findAll<InspectionRecord>(ctx.db, 'inspections', { townshipId: townshipOf(ctx), day: ctx.db.command.gte(since) });
}

/** Every given plan's places and their standing today. */
export async function statesOf(ctx: ActionContext, plans: readonly PlanRecord[]): Promise<PlanState[]> {
  const today = cstDay(ctx.now);
  const [places, inspections] = await Promise.all([townshipPlaces(ctx), recentInspections(ctx, plans, today)]);
  return planStates(plans, places, inspections, today);
}

/** The plans the caller inspects under. */
export async function myPlans(ctx: ActionContext): Promise<PlanRecord[]> {
  const actor = actorOf(ctx);
  const keys = new Set(inspectorKeys(actor.grants, actor.townshipId));
  return (await activePlans(ctx)).filter((p) => keys.has(planKey(p))).sort((a, b) => a._id.localeCompare(b._id));
}

export const UNVERIFIED: PlaceHazardRecord['status'][] = ['open', 'rectificationClaimed', 'notRectified'];

/** Hazards of places not yet verified as rectified, per place. */
export async function openHazardCounts(ctx: ActionContext): Promise<Map<string, number>> {
  const rows = await findAll<PlaceHazardRecord>(ctx.db, 'placeHazards', {
    townshipId: townshipOf(ctx),
    status: ctx.db.command.in(UNVERIFIED),
  });
  const out = new Map<string, number>();
  for (const h of rows) out.set(h.placeId, (out.get(h.placeId) ?? 0) + 1);
  return out;
}
