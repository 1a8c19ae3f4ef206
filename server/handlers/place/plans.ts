// Inspection plans (SPEC §7b): who inspects which places how often, and each plan's coverage — done, due, overdue —
// on the CST calendar. "派出所要按照年度监管计划对列管的16家单位进行消防检查，并对其每月至少开展1次检查" (004 §10).
import type { MyInspections, PlaceDueView, PlanCoverage, PlanView } from '../../../typings/place';
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { AppError, forbidden } from '../../infra/errors';
import { writeAudit } from '../../infra/audit';
import { idempotent } from '../../infra/idempotency';
import { actorOf, requireVillage } from '../../infra/orgRepo';
import { getById, inTransaction, withoutId } from '../../infra/store';
import { newDocId } from '../../infra/visitRepo';
import { isTownshipWide } from '../../domain/org/access';
import { cstDay } from '../../domain/time/cst';
import { planCovers, urgencyOrder, type PlanState } from '../../domain/place/coverage';
import { isDepartment } from '../../domain/place/placeTypes';
import type { PlanRecord } from '../../domain/place/records';
import { emptyPlanProblem, frequencyProblem, inspectsUnder, mayCreatePlan } from '../../domain/place/rules';
import { createPlanSchema, listPlansSchema, myInspectionsSchema, planCoverageSchema } from '../../domain/place/schemas';
import { dueView, planView } from '../../domain/place/views';
import type { Problem } from '../../domain/visit/problem';
import { activePlans, myPlans, openHazardCounts, statesOf, townshipPlaces, villageNames } from './repo';

const refuse = (p: Problem | null): void => {
  if (p) throw new AppError(p.code, p.message, p.field);
};

/** The scope a plan's inspectors hold: a village (liaison), a department, or the township (police station, office). */
async function inspectorScope(ctx: ActionContext, role: PlanRecord['inspectorRole'], scope: string | undefined): Promise<string> {
  if (role === 'liaison') return (await requireVillage(ctx, scope ?? ''))._id;
  if (role === 'deptInspector') {
    if (!scope || !isDepartment(scope))
      throw new AppError('NOT_FOUND', '该部门不存在：请选择经发办、民政和社会事务办、规建办或应急办', 'inspectorScope');
    return scope;
  }
  return actorOf(ctx).townshipId;
}

export function planViews(states: readonly PlanState[], today: string, names: ReadonlyMap<string, string>): PlanView[] {
  return states.map((s) => planView(s.plan, s.counts, today, (id) => names.get(id) ?? ''));
}

export const createPlan = defineAction({
  schema: createPlanSchema,
  access: ['office', 'liaison'],
  run: (ctx, input) =>
    idempotent(ctx, 'createPlan', async (): Promise<PlanView> => {
      const actor = actorOf(ctx);
      const today = cstDay(ctx.now);
      const startDay = input.startDay ?? today;
      refuse(frequencyProblem(input.frequency, input.dueBy, startDay));
      const scope = await inspectorScope(ctx, input.inspectorRole, input.inspectorScope);
      if (!mayCreatePlan(actor.grants, actor.townshipId, input.inspectorRole, scope)) throw forbidden('您只能为本村（社区）制定检查计划');
      const names = await villageNames(ctx);
      const unknownVillage = input.selector.villageIds?.find((v) => !names.has(v));
      if (unknownVillage) throw new AppError('NOT_FOUND', '所选村（社区）不存在', 'selector.villageIds');
      const places = await townshipPlaces(ctx);
      if (input.selector.placeIds?.length) {
        const known = new Set(places.map((p) => p._id));
        const missing = input.selector.placeIds.filter((id) => !known.has(id)).length;
        if (missing) throw new AppError('NOT_FOUND', `场所清单中有${missing}个场所不存在或已停用`, 'selector.placeIds');
      }
      const plan: PlanRecord = {
        _id: newDocId(),
        townshipId: actor.townshipId,
        name: input.name,
        inspectorRole: input.inspectorRole,
        inspectorScope: scope,
        selector: input.selector,
        frequency: input.frequency as PlanRecord['frequency'],
        dueBy: input.frequency === 'once' ? input.dueBy! : null,
        startDay,
        active: true,
        createdBy: actor.personId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      refuse(emptyPlanProblem(places.filter((p) => planCovers(plan, p)).length));
      await inTransaction(ctx.db, async (tx) => {
        await tx
          .collection('inspectionPlans')
          .doc(plan._id)
          .set({ data: withoutId(plan) });
        await writeAudit(tx, ctx, 'createPlan', { collection: 'inspectionPlans', docId: plan._id, before: null, after: plan });
      });
      return planViews(await statesOf(ctx, [plan]), today, names)[0];
    }),
});

/** The plans the caller may read: every plan for the office and the discipline office, otherwise those it inspects under. */
async function readablePlans(ctx: ActionContext): Promise<PlanRecord[]> {
  const actor = actorOf(ctx);
  if (isTownshipWide(actor.grants, actor.townshipId)) return (await activePlans(ctx)).sort((a, b) => a._id.localeCompare(b._id));
  return myPlans(ctx);
}

export const listPlans = defineAction({
  schema: listPlansSchema,
  access: ['office', 'discipline', 'liaison', 'police', 'deptInspector'],
  async run(ctx): Promise<PlanView[]> {
    const [plans, names] = await Promise.all([readablePlans(ctx), villageNames(ctx)]);
    return planViews(await statesOf(ctx, plans), cstDay(ctx.now), names);
  },
});

export function dueRowsOf(
  states: readonly PlanState[],
  names: ReadonlyMap<string, string>,
  hazards: ReadonlyMap<string, number>,
): PlaceDueView[] {
  return states
    .flatMap((s) =>
      s.rows.map((r) =>
        dueView(s.plan, r.place, names.get(r.place.villageId) ?? '', r.standing, r.lastInspectedDay, hazards.get(r.place._id) ?? 0),
      ),
    )
    .sort(urgencyOrder);
}

export const planCoverage = defineAction({
  schema: planCoverageSchema,
  access: ['office', 'discipline', 'liaison', 'police', 'deptInspector'],
  async run(ctx, input): Promise<PlanCoverage> {
    const actor = actorOf(ctx);
    const plan = await getById<PlanRecord>(ctx.db, 'inspectionPlans', input.planId);
    if (!plan || plan.townshipId !== actor.townshipId) throw new AppError('NOT_FOUND', '该检查计划不存在', 'planId');
    if (!isTownshipWide(actor.grants, actor.townshipId) && !inspectsUnder(actor.grants, plan))
      throw forbidden('您只能查看自己负责的检查计划');
    const [states, names, hazards] = await Promise.all([statesOf(ctx, [plan]), villageNames(ctx), openHazardCounts(ctx)]);
    const rows = dueRowsOf(states, names, hazards).filter((r) => !input.standing || r.standing === input.standing);
    const start = (input.page - 1) * input.pageSize;
    return {
      plan: planViews(states, cstDay(ctx.now), names)[0],
      items: rows.slice(start, start + input.pageSize),
      total: rows.length,
      page: input.page,
      pageSize: input.pageSize,
    };
  },
});

/** One row per place (the most urgent of its plans), most urgent first. */
export function mostUrgentPerPlace(rows: readonly PlaceDueView[]): PlaceDueView[] {
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.placeId) ? false : (seen.add(r.placeId), true)));
}

export const myInspections = defineAction({
  schema: myInspectionsSchema,
  access: ['liaison', 'police', 'deptInspector', 'office'],
  async run(ctx, input): Promise<MyInspections> {
    const plans = await myPlans(ctx);
    const [states, names, hazards] = await Promise.all([statesOf(ctx, plans), villageNames(ctx), openHazardCounts(ctx)]);
    const rows = mostUrgentPerPlace(dueRowsOf(states, names, hazards)).filter((r) => !input.openOnly || r.standing !== 'done');
    const start = (input.page - 1) * input.pageSize;
    return {
      plans: planViews(states, cstDay(ctx.now), names),
      items: rows.slice(start, start + input.pageSize),
      total: rows.length,
      page: input.page,
      pageSize: input.pageSize,
    };
  },
});
