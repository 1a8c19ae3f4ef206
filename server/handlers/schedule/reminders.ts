// Daily 08:00 Beijing: remind the township office 3 days and 1 day before each monthly table is due, and say loudly when
// next month's due date cannot be computed because the working-day calendar is missing. Deterministic inbox ids, so a
// re-run or a concurrent run never sends twice; a missed day still sends the nearer reminder.
import type { DueKind, DueRemindersSummary } from '../../../typings/schedule';
import type { ActionContext } from '../../infra/dispatch';
import { deliver } from '../../infra/inbox';
import { loadCalendarOverrides } from '../../infra/calendarRepo';
import { findAll, getById } from '../../infra/store';
import type { PersonRecord, TownshipRecord } from '../../domain/org/records';
import { nextMonth } from '../../domain/calendar/workingDays';
import { DUE_KIND_LABELS, DUE_KINDS, dueAt, reminderOffsetDue, submissionId } from '../../domain/schedule/dueDates';
import { cstDay, cstMonth, formatCst } from '../../domain/time/cst';
import type { DueSubmissionRecord } from './dueDates';

const LINK = 'packages/office/due/index';

async function officePersons(ctx: ActionContext, townshipId: string): Promise<PersonRecord[]> {
  const rows = await findAll<PersonRecord>(ctx.db, 'persons', { townshipId, active: true, 'grants.role': 'office' });
  return rows.filter((p) => p.grants.some((g) => g.role === 'office' && g.townshipId === townshipId));
}

export async function runDueReminders(ctx: ActionContext, onlyTownshipId?: string): Promise<DueRemindersSummary> {
  const townships = onlyTownshipId ? [{ _id: onlyTownshipId }] : await findAll<TownshipRecord>(ctx.db, 'townships', {});
  const today = cstDay(ctx.now);
  const thisMonth = cstMonth(ctx.now);
  const summary: DueRemindersSummary = { townships: 0, reminders: 0, calendarWarnings: 0 };
  for (const t of townships) {
    summary.townships += 1;
    const office = await officePersons(ctx, t._id);
    if (!office.length) continue;
    const overrides = await loadCalendarOverrides(ctx.db, t._id);
    for (const month of [thisMonth, nextMonth(thisMonth)]) {
      for (const kind of DUE_KINDS) {
        const due = dueAt(kind, month, overrides);
        if (!due.ok) {
          for (const p of office) {
            const { created } = await deliver(ctx.db, {
              _id: `calendar-missing:${t._id}:${month}:${p._id}`,
              townshipId: t._id,
              personId: p._id,
              kind: 'reminder',
              title: `【请处理】${month}缺少工作日历，截止时间无法计算`,
              body: `${DUE_KIND_LABELS[kind]}的截止时间是“每月最后一个工作日12:00”。${due.problem.message}。确认前系统不会猜测截止日期。`,
              link: LINK,
              createdAt: ctx.now,
            });
            if (created) summary.calendarWarnings += 1;
          }
          continue;
        }
        const offset = reminderOffsetDue(due.value, today);
        if (offset === null) continue;
        if (await getById<DueSubmissionRecord>(ctx.db, 'dueSubmissions', submissionId(t._id, kind, month))) continue;
        for (const p of office) {
          const { created } = await deliver(
            ctx.db,
            {
              _id: `due:${t._id}:${kind}:${month}:${offset}:${p._id}`,
              townshipId: t._id,
              personId: p._id,
              kind: 'reminder',
              title: `${monthLabel(month)}${DUE_KIND_LABELS[kind]}还有${offset}天截止`,
              body: `请于${formatCst(due.value)}前报送${monthLabel(month)}${DUE_KIND_LABELS[kind]}${kindNote(kind)}。报送后请在“报表截止”页标记已报送。`,
              link: LINK,
              createdAt: ctx.now,
            },
            {
              template: 'visitReminder',
              data: { thing1: { value: DUE_KIND_LABELS[kind].slice(0, 20) }, time2: { value: formatCst(due.value) } },
              page: LINK,
            },
          );
          if (created) summary.reminders += 1;
        }
      }
    }
  }
  return summary;
}

function monthLabel(month: string): string {
  return `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
}

function kindNote(kind: DueKind): string {
  return kind === 'elderlyTable' ? '（经主要领导签字盖章后扫描件及电子档）' : '';
}
