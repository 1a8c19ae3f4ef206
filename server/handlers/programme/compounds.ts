// Seed 002: the old-compound ledger (附件1) and the task list (附件2), with overdue items flagged.
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { notFound } from '../../infra/errors';
import { requireVillage } from '../../infra/orgRepo';
import { findAll, getById, inTransaction, txGet, withoutId } from '../../infra/store';
import { writeAudit } from '../../infra/audit';
import { idempotent } from '../../infra/idempotency';
import { newDocId } from '../../infra/visitRepo';
import { cstDay } from '../../domain/time/cst';
import type { CompoundRecord, CompoundTaskRecord } from '../../domain/programme/records';
import { compoundTaskView, compoundView } from '../../domain/programme/views';
import {
  addCompoundSchema,
  addCompoundTaskSchema,
  listCompoundsSchema,
  listCompoundTasksSchema,
  setTaskStatusSchema,
  updateCompoundSchema,
  updateCompoundTaskSchema,
} from '../../domain/programme/schemas';
import type { CompoundList, CompoundTaskList, CompoundTaskView, CompoundView } from '../../../typings/programme';
import { programmeScope, requireKeeper } from './scope';

export const addCompound = defineAction({
  schema: addCompoundSchema,
  access: ['office'],
  run: (ctx, input) =>
    idempotent(ctx, 'addCompound', async (): Promise<CompoundView> => {
      const scope = programmeScope(ctx);
      await requireVillage(ctx, input.villageId);
      const record: CompoundRecord = {
        _id: newDocId(),
        townshipId: scope.townshipId,
        ...input,
        status: 'open',
        rectifiedAt: null,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      await inTransaction(ctx.db, async (tx) => {
        await tx
          .collection('compounds')
          .doc(record._id)
          .set({ data: withoutId(record) });
        await writeAudit(tx, ctx, 'addCompound', { collection: 'compounds', docId: record._id, before: null, after: record });
      });
      return compoundView(record, ctx.now);
    }),
});

export const updateCompound = defineAction({
  schema: updateCompoundSchema,
  access: ['office'],
  run: (ctx, input) =>
    idempotent(ctx, 'updateCompound', async (): Promise<CompoundView> => {
      const { compoundId, ...changes } = input;
      const patch: Record<string, unknown> = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      if (changes.status) patch.rectifiedAt = changes.status === 'rectified' ? ctx.now : null;
      patch.updatedAt = ctx.now;
      const after = await inTransaction(ctx.db, async (tx) => {
        const current = await txGet<CompoundRecord>(tx, 'compounds', compoundId);
        if (!current || current.townshipId !== programmeScope(ctx).townshipId) throw notFound('该小区');
        const next = { ...current, _id: compoundId, ...patch } as CompoundRecord;
        await tx.collection('compounds').doc(compoundId).update({ data: patch });
        await writeAudit(tx, ctx, 'updateCompound', { collection: 'compounds', docId: compoundId, before: current, after: next });
        return next;
      });
      return compoundView(after, ctx.now);
    }),
});

export async function readableCompounds(ctx: ActionContext, villageId?: string): Promise<CompoundRecord[]> {
  const scope = programmeScope(ctx);
  if (villageId && !scope.all) requireKeeper(scope, villageId);
  const _ = ctx.db.command;
  const where = villageId
    ? { townshipId: scope.townshipId, villageId }
    : scope.all
      ? { townshipId: scope.townshipId }
      : { townshipId: scope.townshipId, villageId: _.in(scope.villageIds) };
  const rows = await findAll<CompoundRecord>(ctx.db, 'compounds', where);
  return rows.sort((a, b) => a.villageId.localeCompare(b.villageId) || a.deadline.localeCompare(b.deadline) || a._id.localeCompare(b._id));
}

export const listCompounds = defineAction({
  schema: listCompoundsSchema,
  access: ['office', 'liaison'],
  async run(ctx, input): Promise<CompoundList> {
    const items = (await readableCompounds(ctx, input.villageId)).map((c) => compoundView(c, ctx.now));
    const overdue = items.filter((c) => c.overdue).length;
    return { items: input.overdueOnly ? items.filter((c) => c.overdue) : items, overdue, canEdit: programmeScope(ctx).all };
  },
});

export const listCompoundTasks = defineAction({
  schema: listCompoundTasksSchema,
  access: ['office', 'liaison'],
  async run(ctx, input): Promise<CompoundTaskList> {
    const year = input.year ?? Number(cstDay(ctx.now).slice(0, 4));
    const rows = await findAll<CompoundTaskRecord>(ctx.db, 'compoundTasks', { townshipId: programmeScope(ctx).townshipId, year });
    const items = rows.sort((a, b) => a.order - b.order || a._id.localeCompare(b._id)).map((t) => compoundTaskView(t, ctx.now));
    return { year, items, overdue: items.filter((t) => t.overdue).length, canEdit: programmeScope(ctx).all };
  },
});

export const setTaskStatus = defineAction({
  schema: setTaskStatusSchema,
  access: ['office'],
  run: (ctx, input) =>
    idempotent(ctx, 'setTaskStatus', async (): Promise<CompoundTaskView> => {
      const seen = await getById<CompoundTaskRecord>(ctx.db, 'compoundTasks', input.taskId);
      if (!seen || seen.townshipId !== programmeScope(ctx).townshipId) throw notFound('该任务');
      const after = await inTransaction(ctx.db, async (tx) => {
        const current = await txGet<CompoundTaskRecord>(tx, 'compoundTasks', input.taskId);
        if (!current) throw notFound('该任务');
        const data = {
          status: input.status,
          note: input.note ?? current.note,
          doneAt: input.status === 'done' ? ctx.now : null,
          updatedAt: ctx.now,
        };
        await tx.collection('compoundTasks').doc(input.taskId).update({ data });
        await writeAudit(tx, ctx, 'setTaskStatus', {
          collection: 'compoundTasks',
          docId: input.taskId,
          before: current,
          after: { ...current, ...data },
        });
        return { ...current, _id: input.taskId, ...data };
      });
      return compoundTaskView(after, ctx.now);
    }),
});

/** A township's own task beyond 附件2's seven, appended to the year's list. */
export const addCompoundTask = defineAction({
  schema: addCompoundTaskSchema,
  access: ['office'],
  run: (ctx, input) =>
    idempotent(ctx, 'addCompoundTask', async (): Promise<CompoundTaskView> => {
      const townshipId = programmeScope(ctx).townshipId;
      const year = await findAll<CompoundTaskRecord>(ctx.db, 'compoundTasks', { townshipId, year: input.year });
      const record: CompoundTaskRecord = {
        _id: newDocId(),
        townshipId,
        year: input.year,
        order: year.reduce((n, t) => Math.max(n, t.order), 0) + 1,
        phase: input.phase,
        content: input.content,
        units: input.units,
        deadline: input.deadline,
        deadlineLabel: input.deadlineLabel ?? input.deadline,
        status: 'pending',
        note: '',
        doneAt: null,
        updatedAt: ctx.now,
      };
      await inTransaction(ctx.db, async (tx) => {
        await tx
          .collection('compoundTasks')
          .doc(record._id)
          .set({ data: withoutId(record) });
        await writeAudit(tx, ctx, 'addCompoundTask', { collection: 'compoundTasks', docId: record._id, before: null, after: record });
      });
      return compoundTaskView(record, ctx.now);
    }),
});

export const updateCompoundTask = defineAction({
  schema: updateCompoundTaskSchema,
  access: ['office'],
  run: (ctx, input) =>
    idempotent(ctx, 'updateCompoundTask', async (): Promise<CompoundTaskView> => {
      const seen = await getById<CompoundTaskRecord>(ctx.db, 'compoundTasks', input.taskId);
      if (!seen || seen.townshipId !== programmeScope(ctx).townshipId) throw notFound('该任务');
      const { taskId, ...changes } = input;
      const patch: Record<string, unknown> = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      patch.updatedAt = ctx.now;
      const after = await inTransaction(ctx.db, async (tx) => {
        const current = await txGet<CompoundTaskRecord>(tx, 'compoundTasks', taskId);
        if (!current) throw notFound('该任务');
        const next = { ...current, _id: taskId, ...patch } as CompoundTaskRecord;
        await tx.collection('compoundTasks').doc(taskId).update({ data: patch });
        await writeAudit(tx, ctx, 'updateCompoundTask', { collection: 'compoundTasks', docId: taskId, before: current, after: next });
        return next;
      });
      return compoundTaskView(after, ctx.now);
    }),
});
