// The office's view of the monthly tables: due instants, whether each went in on time with its signed and sealed scan,
// and the calendar corrections the due dates depend on. Every change is audited.
import type { CalendarOverrideView, DueDates, DueDateView, DueKind, DueScanView } from '../../../typings/schedule';
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { AppError } from '../../infra/errors';
import { writeAudit } from '../../infra/audit';
import { idempotent } from '../../infra/idempotency';
import { tempLinks } from '../../infra/tempLinks';
import { actorOf } from '../../infra/orgRepo';
import { loadCalendarOverrides } from '../../infra/calendarRepo';
import { findAll, findByIds, inTransaction, txGet } from '../../infra/store';
import type { CalendarOverrides } from '../../domain/calendar/workingDays';
import { calendarCovers } from '../../domain/calendar/workingDays';
import {
  calendarDayId,
  calendarMonthId,
  type CalendarDayOverrideRecord,
  type CalendarMonthConfirmationRecord,
  type CalendarOverrideRecord,
} from '../../domain/calendar/records';
import {
  DUE_KIND_LABELS,
  DUE_KINDS,
  DUE_STATE_LABELS,
  dueAt,
  dueState,
  MAX_DUE_SCANS,
  scanRequired,
  submissionId,
} from '../../domain/schedule/dueDates';
import { StorageRef } from '../../domain/resident/whistlePhotoPath';
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
  /** file ids of the signed and sealed scans (000: "经主要领导签字盖章后扫描件"); absent on records marked before scans */
  scans?: string[];
}

function scanViews(fileIds: readonly string[], links: Map<string, string>): DueScanView[] {
  return fileIds.map((fileId, i) => ({
    fileId,
    url: links.get(fileId) ?? null,
    label: `扫描件${i + 1}${StorageRef.extensionOf(fileId).toLowerCase() === '.pdf' ? '（PDF）' : ''}`,
  }));
}

export function dueDateView(
  kind: DueKind,
  month: string,
  overrides: CalendarOverrides,
  submission: DueSubmissionRecord | null,
  now: Date,
  links: Map<string, string> = new Map(),
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
    scanRequired: scanRequired(kind),
    scans: scanViews(submission?.scans ?? [], links),
  };
}

export async function dueDatesOf(ctx: ActionContext, townshipId: string, month: string): Promise<DueDates> {
  const overrides = await loadCalendarOverrides(ctx.db, townshipId);
  const submissions = new Map(
    (
      await findByIds<DueSubmissionRecord>(
        ctx.db,
        'dueSubmissions',
        DUE_KINDS.map((k) => submissionId(townshipId, k, month)),
      )
    ).map((r) => [r.kind, r]),
  );
  const links = await tempLinks([...submissions.values()].flatMap((r) => r.scans ?? []));
  return { month, items: DUE_KINDS.map((kind) => dueDateView(kind, month, overrides, submissions.get(kind) ?? null, ctx.now, links)) };
}

export const listDueDates = defineAction({
  schema: listDueDatesSchema,
  access: ['office'],
  run: (ctx, input): Promise<DueDates> => dueDatesOf(ctx, actorOf(ctx).townshipId, input.month ?? cstMonth(ctx.now)),
});

/**
 * Marking twice keeps the first submission: the time it went in is what counts. Scans sent with a later mark are added
 * to it (a page photographed separately), so a resend changes nothing and a second sheet is never lost.
 */
export const markSubmitted = defineAction({
  schema: markSubmittedSchema,
  access: ['office'],
  run: (ctx, input) =>
    idempotent(ctx, 'schedule.markSubmitted', async (): Promise<DueDateView> => {
      const actor = actorOf(ctx);
      const overrides = await loadCalendarOverrides(ctx.db, actor.townshipId);
      const due = dueAt(input.kind, input.month, overrides);
      const id = submissionId(actor.townshipId, input.kind, input.month);
      const record = await inTransaction(ctx.db, async (tx) => {
        const before = await txGet<DueSubmissionRecord>(tx, 'dueSubmissions', id);
        if (before) {
          const had = before.scans ?? [];
          const added = input.scans.filter((f, i) => !had.includes(f) && input.scans.indexOf(f) === i);
          if (!added.length) return before;
          const scans = [...had, ...added];
          if (scans.length > MAX_DUE_SCANS)
            throw new AppError('INVALID_INPUT', `扫描件最多${MAX_DUE_SCANS}个，已有${had.length}个`, 'scans');
          await tx.collection('dueSubmissions').doc(id).update({ data: { scans } });
          const after = { ...before, scans };
          await writeAudit(tx, ctx, 'schedule.attachDueScans', { collection: 'dueSubmissions', docId: id, before, after });
          return after;
        }
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
          scans: [...new Set(input.scans)],
        };
        await tx.collection('dueSubmissions').add({ data: { ...after } });
        await writeAudit(tx, ctx, 'schedule.markSubmitted', { collection: 'dueSubmissions', docId: id, before: null, after });
        return after;
      });
      return dueDateView(input.kind, input.month, overrides, record, ctx.now, await tempLinks(record.scans ?? []));
    }),
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
