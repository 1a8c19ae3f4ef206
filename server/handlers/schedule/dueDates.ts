// The office's view of the monthly tables: due instants, whether each went in on time, and the calendar corrections
// the due dates depend on. Every change is audited.
import type { CalendarOverrideView, DueDates, DueDateView, DueKind } from '../../../typings/schedule';
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { AppError } from '../../infra/errors';
import { writeAudit } from '../../infra/audit';
import { actorOf } from '../../infra/orgRepo';
import { loadCalendarOverrides } from '../../infra/calendarRepo';
import { findAll, getById, inTransaction, txGet } from '../../infra/store';
import type { CalendarOverrides } from '../../domain/calendar/workingDays';
import { calendarCovers } from '../../domain/calendar/workingDays';
import {
  calendarDayId,
  calendarMonthId,
  type CalendarDayOverrideRecord,
  type CalendarMonthConfirmationRecord,
  type CalendarOverrideRecord,
} from '../../domain/calendar/records';
import { DUE_KIND_LABELS, DUE_KINDS, DUE_STATE_LABELS, dueAt, dueState, submissionId } from '../../domain/schedule/dueDates';
import {
  confirmCalendarMonthSchema,
  listCalendarOverridesSchema,
  listDueDatesSchema,
  markSubmittedSchema,
  setCalendarOverrideSchema,
} from '../../domain/schedule/schemas';
import { cstMonth, formatCst } from '../../domain/time/cst';

export interface DueSubmissionRecord {
  /** submissionId(townshipId, kind, month) */
  _id: string;
  townshipId: string;
  kind: DueKind;
  month: string;
  submittedAt: Date;
  submittedBy: string;
  submittedByName: string;
  /** the due instant at the time of marking (null: the calendar was missing) */
  dueAt: Date | null;
  late: boolean;
}

export function dueDateView(
  kind: DueKind,
  month: string,
  overrides: CalendarOverrides,
  submission: DueSubmissionRecord | null,
  now: Date,
): DueDateView {
  const due = dueAt(kind, month, overrides);
  const at = due.ok ? due.value : null;
  const state = dueState(at, submission ? { submittedAt: new Date(submission.submittedAt) } : null, now);
  return {
    kind,
    kindLabel: DUE_KIND_LABELS[kind],
    month,
    dueAt: at ? at.toISOString() : null,
    dueLabel: at ? `${formatCst(at)}前` : null,
    state,
    stateLabel: DUE_STATE_LABELS[state],
    submittedAt: submission ? new Date(submission.submittedAt).toISOString() : null,
    submittedByName: submission?.submittedByName ?? null,
    problem: due.ok ? null : due.problem.message,
  };
}

export async function dueDatesOf(ctx: ActionContext, townshipId: string, month: string): Promise<DueDates> {
  const overrides = await loadCalendarOverrides(ctx.db, townshipId);
  const items: DueDateView[] = [];
  for (const kind of DUE_KINDS) {
    const submission = await getById<DueSubmissionRecord>(ctx.db, 'dueSubmissions', submissionId(townshipId, kind, month));
    items.push(dueDateView(kind, month, overrides, submission, ctx.now));
  }
  return { month, items };
}

export const listDueDates = defineAction({
  schema: listDueDatesSchema,
  access: ['office'],
  run: (ctx, input): Promise<DueDates> => dueDatesOf(ctx, actorOf(ctx).townshipId, input.month ?? cstMonth(ctx.now)),
});

/** Marking twice keeps the first submission: the time it went in is what counts. */
export const markSubmitted = defineAction({
  schema: markSubmittedSchema,
  access: ['office'],
  async run(ctx, input): Promise<DueDateView> {
    const actor = actorOf(ctx);
    const overrides = await loadCalendarOverrides(ctx.db, actor.townshipId);
    const due = dueAt(input.kind, input.month, overrides);
    const id = submissionId(actor.townshipId, input.kind, input.month);
    const record = await inTransaction(ctx.db, async (tx) => {
      const before = await txGet<DueSubmissionRecord>(tx, 'dueSubmissions', id);
      if (before) return before;
      const after: DueSubmissionRecord = {
        _id: id,
        townshipId: actor.townshipId,
        kind: input.kind,
        month: input.month,
        submittedAt: ctx.now,
        submittedBy: actor.personId,
        submittedByName: actor.name,
        dueAt: due.ok ? due.value : null,
        late: due.ok ? ctx.now.getTime() > due.value.getTime() : false,
      };
      await tx.collection('dueSubmissions').add({ data: { ...after } });
      await writeAudit(tx, ctx, 'schedule.markSubmitted', { collection: 'dueSubmissions', docId: id, before: null, after });
      return after;
    });
    return dueDateView(input.kind, input.month, overrides, record, ctx.now);
  },
});

export const setCalendarOverride = defineAction({
  schema: setCalendarOverrideSchema,
  access: ['office'],
  async run(ctx, input): Promise<CalendarOverrideView> {
    const actor = actorOf(ctx);
    const id = calendarDayId(actor.townshipId, input.day);
    const after: CalendarDayOverrideRecord = {
      _id: id,
      townshipId: actor.townshipId,
      kind: 'day',
      day: input.day,
      month: input.day.slice(0, 7),
      working: input.working,
      reason: input.reason,
      setBy: actor.personId,
      updatedAt: ctx.now,
    };
    await inTransaction(ctx.db, async (tx) => {
      const before = await txGet<CalendarDayOverrideRecord>(tx, 'calendarOverrides', id);
      const { _id: _drop, ...fields } = after;
      if (before)
        await tx
          .collection('calendarOverrides')
          .doc(id)
          .set({ data: { ...fields } });
      else await tx.collection('calendarOverrides').add({ data: { ...after } });
      await writeAudit(tx, ctx, 'schedule.setCalendarOverride', {
        collection: 'calendarOverrides',
        docId: id,
        before,
        after,
        reason: input.reason,
      });
    });
    return { day: input.day, working: input.working, reason: input.reason };
  },
});

/**
 * A month of a year chinese-days does not cover becomes computable only when the office confirms it (after setting the
 * holidays and make-up days of the State Council's notice as day overrides): one override alone does not say the rest
 * of the month was checked, so the confirmation is explicit.
 */
export const confirmCalendarMonth = defineAction({
  schema: confirmCalendarMonthSchema,
  access: ['office'],
  async run(ctx, input): Promise<{ month: string; confirmed: true }> {
    const actor = actorOf(ctx);
    if (calendarCovers(Number(input.month.slice(0, 4)))) {
      throw new AppError(
        'CONFLICT',
        `${input.month.slice(0, 4)}年已有国家法定节假日安排，无需确认；如个别日期有变动，请设置单日调整`,
        'month',
      );
    }
    const id = calendarMonthId(actor.townshipId, input.month);
    const after: CalendarMonthConfirmationRecord = {
      _id: id,
      townshipId: actor.townshipId,
      kind: 'month',
      month: input.month,
      reason: input.reason,
      setBy: actor.personId,
      updatedAt: ctx.now,
    };
    await inTransaction(ctx.db, async (tx) => {
      const before = await txGet<CalendarMonthConfirmationRecord>(tx, 'calendarOverrides', id);
      const { _id: _drop, ...fields } = after;
      if (before)
        await tx
          .collection('calendarOverrides')
          .doc(id)
          .set({ data: { ...fields } });
      else await tx.collection('calendarOverrides').add({ data: { ...after } });
      await writeAudit(tx, ctx, 'schedule.confirmCalendarMonth', {
        collection: 'calendarOverrides',
        docId: id,
        before,
        after,
        reason: input.reason,
      });
    });
    return { month: input.month, confirmed: true };
  },
});

export const listCalendarOverrides = defineAction({
  schema: listCalendarOverridesSchema,
  access: ['office'],
  async run(ctx, input): Promise<{ month: string; confirmed: boolean; covered: boolean; days: CalendarOverrideView[] }> {
    const rows = await findAll<CalendarOverrideRecord>(ctx.db, 'calendarOverrides', {
      townshipId: actorOf(ctx).townshipId,
      month: input.month,
    });
    const days = rows.filter((r): r is CalendarDayOverrideRecord => r.kind === 'day').sort((a, b) => a.day.localeCompare(b.day));
    return {
      month: input.month,
      confirmed: rows.some((r) => r.kind === 'month'),
      covered: calendarCovers(Number(input.month.slice(0, 4))),
      days: days.map((r) => ({ day: r.day, working: r.working, reason: r.reason })),
    };
  },
});
