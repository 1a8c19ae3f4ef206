// Visitor ↔ household assignments 走访责任范围 with validity intervals: a reassignment closes the old interval at the
// instant the new one opens, so a mid-month change never loses who was responsible when.
import type { AssignmentView, AssignResult, ReassignResult } from '../../../typings/org';
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { AppError, forbidden } from '../../infra/errors';
import { writeAudit } from '../../infra/audit';
import { idempotent } from '../../infra/idempotency';
import { actorOf, requirePerson } from '../../infra/orgRepo';
import { currentAssignmentWhere } from '../../infra/orgScope';
import { findAll, findByIds, getById, inTransaction, txGet, type Where } from '../../infra/store';
import { isTownshipWide, liaisonVillageIds } from '../../domain/org/access';
import { closeAt, isCurrent } from '../../domain/org/assignmentInterval';
import { assignHouseholdsSchema, endAssignmentSchema, listAssignmentsSchema, reassignHouseholdsSchema } from '../../domain/org/schemas';
import type { AssignmentRecord, HouseholdRecord, PersonRecord } from '../../domain/org/records';
import { assignmentView } from '../../domain/org/views';
import { decideAssignmentChange, visitorCovers } from '../../domain/org/grantPolicy';
import { granterOf, requireAllowed } from '../../infra/orgPeople';

async function requireVisitor(ctx: ActionContext, personId: string, field: string): Promise<PersonRecord> {
  const p = await requirePerson(ctx, personId);
  if (!p.active || !p.grants.some((g) => g.role === 'visitor')) {
    throw new AppError('INVALID_INPUT', `${p.name}不是走访人，请先授予“走访人”角色`, field);
  }
  return p;
}

/** A village's own visitor holds households of that village only. */
function requireCovers(visitor: PersonRecord, households: readonly HouseholdRecord[], field: string): void {
  const outside = households.find((h) => !visitorCovers(visitor.grants, h.villageId));
  if (outside) throw new AppError('NOT_IN_RANGE', `${visitor.name}是其他村的走访人，不能负责${outside.address}`, field);
}

/** "联络员…负责本村走访分工": assignments in a village are changed only by those the policy table lets manage them there. */
function requireManageAssignments(ctx: ActionContext, villageId: string): void {
  const actor = actorOf(ctx);
  requireAllowed(decideAssignmentChange(granterOf(actor), actor.townshipId, villageId));
}

/** The households, each in the caller's township, still lived in, and in a village the caller manages. */
async function requireManagedHouseholds(ctx: ActionContext, ids: readonly string[]): Promise<HouseholdRecord[]> {
  const townshipId = actorOf(ctx).townshipId;
  const found = new Map(
    (await findByIds<HouseholdRecord>(ctx.db, 'households', ids)).filter((h) => h.townshipId === townshipId).map((h) => [h._id, h]),
  );
  return ids.map((id) => {
    const h = found.get(id);
    if (!h) throw new AppError('NOT_FOUND', '所选农户不存在', 'householdIds');
    if (!h.active) throw new AppError('HOUSEHOLD_INACTIVE', `${h.address}已迁出，不能分配走访人`, 'householdIds');
    requireManageAssignments(ctx, h.villageId);
    return h;
  });
}

async function currentOf(ctx: ActionContext, visitorPersonId: string, householdIds: readonly string[]): Promise<AssignmentRecord[]> {
  const rows = await findAll<AssignmentRecord>(
    ctx.db,
    'assignments',
    currentAssignmentWhere(ctx, { visitorPersonId, householdId: ctx.db.command.in([...householdIds]) }),
  );
  return rows.filter((a) => isCurrent(a, ctx.now));
}

function newAssignment(ctx: ActionContext, visitorPersonId: string, h: HouseholdRecord, reason: string): Omit<AssignmentRecord, '_id'> {
  return {
    townshipId: h.townshipId,
    villageId: h.villageId,
    gridId: h.gridId,
    householdId: h._id,
    visitorPersonId,
    validFrom: ctx.now,
    validTo: null,
    reason,
    endReason: null,
    createdBy: actorOf(ctx).personId,
    createdAt: ctx.now,
  };
}

export const assignHouseholds = defineAction({
  schema: assignHouseholdsSchema,
  access: ['office', 'liaison'],
  run: (ctx, input) =>
    idempotent(ctx, 'assignHouseholds', async (): Promise<AssignResult> => {
      const visitor = await requireVisitor(ctx, input.visitorPersonId, 'visitorPersonId');
      const households = await requireManagedHouseholds(ctx, input.householdIds);
      requireCovers(visitor, households, 'visitorPersonId');
      const held = new Set((await currentOf(ctx, visitor._id, input.householdIds)).map((a) => a.householdId));
      const toAdd = households.filter((h) => !held.has(h._id));
      const created = await inTransaction(ctx.db, async (tx) => {
        const out: AssignmentView[] = [];
        for (const h of toAdd) {
          const record = newAssignment(ctx, visitor._id, h, '分配走访责任范围');
          const { _id } = await tx.collection('assignments').add({ data: record });
          await writeAudit(tx, ctx, 'assignHouseholds', { collection: 'assignments', docId: _id, before: null, after: { _id, ...record } });
          out.push(assignmentView({ _id, ...record }, visitor.name, h.address));
        }
        return out;
      });
      return { created, unchanged: [...held] };
    }),
});

export const reassignHouseholds = defineAction({
  schema: reassignHouseholdsSchema,
  access: ['office', 'liaison'],
  run: (ctx, input) =>
    idempotent(ctx, 'reassignHouseholds', async (): Promise<ReassignResult> => {
      const from = await requirePerson(ctx, input.fromVisitorPersonId);
      const to = await requireVisitor(ctx, input.toVisitorPersonId, 'toVisitorPersonId');
      const households = await requireManagedHouseholds(ctx, input.householdIds);
      requireCovers(to, households, 'toVisitorPersonId');
      const fromHeld = new Map((await currentOf(ctx, from._id, input.householdIds)).map((a) => [a.householdId, a]));
      const toHeld = new Set((await currentOf(ctx, to._id, input.householdIds)).map((a) => a.householdId));
      const missing = households.find((h) => !fromHeld.has(h._id));
      if (missing) throw new AppError('NOT_IN_RANGE', `${missing.address}不在${from.name}当前的走访范围内`, 'householdIds');
      return inTransaction(ctx.db, async (tx) => {
        const closed: AssignmentView[] = [];
        const opened: AssignmentView[] = [];
        for (const h of households) {
          const before = await txGet<AssignmentRecord>(tx, 'assignments', fromHeld.get(h._id)!._id);
          if (!before || !isCurrent(before, ctx.now)) throw new AppError('CONFLICT', '走访分工刚被他人修改，请刷新后重试');
          const end = closeAt(before, ctx.now);
          const after: AssignmentRecord = { ...before, validTo: end.validTo, endReason: input.reason };
          await tx
            .collection('assignments')
            .doc(before._id)
            .update({ data: { validTo: end.validTo, endReason: input.reason } });
          await writeAudit(tx, ctx, 'reassignHouseholds', {
            collection: 'assignments',
            docId: before._id,
            before,
            after,
            reason: input.reason,
          });
          closed.push(assignmentView(after, from.name, h.address));
          if (toHeld.has(h._id)) continue;
          const record = newAssignment(ctx, to._id, h, input.reason);
          const { _id } = await tx.collection('assignments').add({ data: record });
          await writeAudit(tx, ctx, 'reassignHouseholds', {
            collection: 'assignments',
            docId: _id,
            before: null,
            after: { _id, ...record },
            reason: input.reason,
          });
          opened.push(assignmentView({ _id, ...record }, to.name, h.address));
        }
        return { closed, opened };
      });
    }),
});

export const endAssignment = defineAction({
  schema: endAssignmentSchema,
  access: ['office', 'liaison'],
  async run(ctx, input): Promise<AssignmentView> {
    const current = await getById<AssignmentRecord>(ctx.db, 'assignments', input.assignmentId);
    if (!current || current.townshipId !== actorOf(ctx).townshipId) throw new AppError('NOT_FOUND', '该走访分工不存在');
    requireManageAssignments(ctx, current.villageId);
    if (!isCurrent(current, ctx.now)) throw new AppError('CONFLICT', '该走访分工已经结束');
    const [visitor, household] = await Promise.all([
      requirePerson(ctx, current.visitorPersonId),
      getById<HouseholdRecord>(ctx.db, 'households', current.householdId),
    ]);
    const after = await inTransaction(ctx.db, async (tx) => {
      const before = await txGet<AssignmentRecord>(tx, 'assignments', current._id);
      if (!before || !isCurrent(before, ctx.now)) throw new AppError('CONFLICT', '该走访分工已经结束');
      const after: AssignmentRecord = { ...before, validTo: closeAt(before, ctx.now).validTo, endReason: input.reason };
      await tx
        .collection('assignments')
        .doc(before._id)
        .update({ data: { validTo: after.validTo, endReason: input.reason } });
      await writeAudit(tx, ctx, 'endAssignment', { collection: 'assignments', docId: before._id, before, after, reason: input.reason });
      return after;
    });
    return assignmentView(after, visitor.name, household?.address ?? '');
  },
});

export const listAssignments = defineAction({
  schema: listAssignmentsSchema,
  access: ['office', 'discipline', 'liaison', 'visitor'],
  async run(ctx, input): Promise<AssignmentView[]> {
    const actor = actorOf(ctx);
    const townshipId = actor.townshipId;
    const _ = ctx.db.command;
    const where: Record<string, unknown> = { townshipId };
    if (input.visitorPersonId) where.visitorPersonId = input.visitorPersonId;
    if (input.householdId) where.householdId = input.householdId;
    const scope: Where[] = [where];
    if (!isTownshipWide(actor.grants, townshipId)) {
      const villages = liaisonVillageIds(actor.grants);
      // a visitor sees its own range; a liaison that of its village
      const own: Where[] = [{ visitorPersonId: actor.personId }];
      if (villages.length) own.push({ villageId: _.in(villages) });
      if (input.visitorPersonId && input.visitorPersonId !== actor.personId && !villages.length)
        throw forbidden('您只能查看自己的走访范围');
      scope.push(own.length === 1 ? own[0] : _.or(own));
    }
    const rows = await findAll<AssignmentRecord>(
      ctx.db,
      'assignments',
      input.includeHistory ? _.and(scope) : currentAssignmentWhere(ctx, _.and(scope)),
    );
    const visible = input.includeHistory ? rows : rows.filter((a) => isCurrent(a, ctx.now));
    const people = new Map(
      (
        await findByIds<PersonRecord>(
          ctx.db,
          'persons',
          visible.map((a) => a.visitorPersonId),
        )
      ).map((p) => [p._id, p.name]),
    );
    const homes = new Map(
      (
        await findByIds<HouseholdRecord>(
          ctx.db,
          'households',
          visible.map((a) => a.householdId),
        )
      ).map((h) => [h._id, h.address]),
    );
    return visible
      .sort((a, b) => new Date(a.validFrom).getTime() - new Date(b.validFrom).getTime() || a._id.localeCompare(b._id))
      .map((a) => assignmentView(a, people.get(a.visitorPersonId) ?? '', homes.get(a.householdId) ?? ''));
  },
});
