// The ladder's steps over the database (SPEC §4): draft at close, complete a publication, remind an overdue draft,
// refer to the discipline office at the remedy deadline. Each step is idempotent (deterministic ids, conditional status
// moves) so the timer, the office's actions and concurrent runs can all call it; records and wording come from
// server/domain/escalation/builders.
import type { ActionContext } from '../../infra/dispatch';
import { findAll, findByIds, getById } from '../../infra/store';
import { createAllOnce, createOnce } from '../../infra/createOnce';
import { deliver } from '../../infra/inbox';
import { auditRecord } from '../../infra/audit';
import type { CalendarOverrides } from '../../domain/calendar/workingDays';
import type { PersonRecord } from '../../domain/org/records';
import type { Role } from '../../../typings/roles';
import { cstDay, formatCst } from '../../domain/time/cst';
import { periodEndInstant, type Period } from '../../domain/quota/campaign';
import type { CampaignRecord } from '../../domain/quota/records';
import {
  OBJECT_WITHIN_WORKING_DAYS,
  PUBLISH_WITHIN_WORKING_DAYS,
  canMove,
  remindOverdueDraftOn,
  workingDaysAfter,
} from '../../domain/escalation/ladder';
import { draftCase, interviewCase, lastMinute, messages, noticeDraft, noticeLine, reminder } from '../../domain/escalation/builders';
import { caseId, type CaseRecord, type CaseStatus, type NoticeRecord, type ReminderRecord } from '../../domain/escalation/records';
import { outOfTime, standingsOf, type PeriodFacts, type ScanBudget } from './periodFacts';

export async function audit(
  ctx: ActionContext,
  action: string,
  collection: string,
  docId: string,
  before: unknown,
  after: unknown,
  reason?: string,
): Promise<void> {
  await ctx.db.collection('audit').add({ data: { ...auditRecord(ctx, action, { collection, docId, before, after, reason }) } });
}

/** The active people holding a role in a township (the office, the discipline office). */
export async function holdersOf(ctx: ActionContext, townshipId: string, role: Role): Promise<PersonRecord[]> {
  return (await findAll<PersonRecord>(ctx.db, 'persons', { townshipId, active: true, 'grants.role': role })).filter((p) =>
    p.grants.some((g) => g.role === role),
  );
}

const byName = (ctx: ActionContext) => ctx.actor?.name ?? 'system';

/**
 * Move a case only from one of the statuses it may be in; a concurrent or repeated move finds it moved and does nothing.
 * Returns the case after the move, or null when this call did not move it.
 */
export async function moveCase(
  ctx: ActionContext,
  c: CaseRecord,
  from: readonly CaseStatus[],
  to: CaseStatus,
  fields: Partial<CaseRecord>,
  note: string,
): Promise<CaseRecord | null> {
  if (!from.includes(c.status) || !canMove(c.status, to)) return null;
  const _ = ctx.db.command;
  const entry = { at: ctx.now, status: to, by: byName(ctx), note };
  const res = (await ctx.db
    .collection('cases')
    .where({ _id: c._id, status: c.status, updatedAt: c.updatedAt })
    .update({ data: { ...fields, status: to, updatedAt: ctx.now, history: _.push([entry]) } })) as { stats?: { updated?: number } };
  if (!res.stats?.updated) return null;
  const after: CaseRecord = { ...c, ...fields, status: to, updatedAt: ctx.now, history: [...c.history, entry] };
  await audit(ctx, `case.${to}`, 'cases', c._id, { status: c.status }, { status: to, ...fields }, note);
  return after;
}

export async function sendReminders(
  ctx: ActionContext,
  campaign: CampaignRecord,
  period: Period,
  facts: PeriodFacts,
  offsetDays: number,
  budget: ScanBudget,
): Promise<{ done: boolean; sent: number }> {
  let sent = 0;
  for (const s of facts.shortfalls) {
    if (outOfTime(budget)) return { done: false, sent };
    const { record, message } = reminder(campaign, period, s.visitorPersonId, offsetDays, s.households, ctx.now);
    const created = await createOnce(ctx.db, 'reminders', { ...record });
    // the message is delivered by id whether or not this run created the reminder: a run cut off in between finishes it
    const { created: delivered, subscribeSent } = await deliver(ctx.db, message, {
      template: 'visitReminder',
      data: {
        thing1: { value: `${period.label}走访提醒` },
        number2: { value: String(s.households.length) },
        time3: { value: lastMinute(periodEndInstant(period)) },
      },
    });
    if (subscribeSent)
      await ctx.db
        .collection('reminders')
        .doc(record._id)
        .update({ data: { subscribeSent: true } });
    if (created) {
      budget.worked = true;
      sent++;
      await audit(ctx, 'escalation.remind', 'reminders', record._id, null, record);
    } else if (delivered) budget.worked = true;
  }
  return { done: true, sent };
}

/**
 * "At close the system drafts the period's notice 通报 (草稿)": the notice first (one per period), then a draft case per
 * line of the stored notice — so concurrent runs that computed slightly different facts still agree on one draft.
 */
export async function draftNotice(
  ctx: ActionContext,
  campaign: CampaignRecord,
  period: Period,
  facts: PeriodFacts,
  overrides: CalendarOverrides,
): Promise<{ notice: NoticeRecord | null; created: boolean; cases: number }> {
  const lines = facts.shortfalls.map((s) =>
    noticeLine(s.visitorPersonId, facts.visitors.get(s.visitorPersonId)?.name ?? s.visitorPersonId, s.households),
  );
  let notice: NoticeRecord | null = null;
  let created = false;
  let cases = 0;
  // nobody short: nothing to criticise, so no draft for the office to publish; the period simply closes
  if (lines.length > 0) {
    const draft = noticeDraft(campaign, period, lines, ctx.now, workingDaysAfter(ctx.now, PUBLISH_WITHIN_WORKING_DAYS, overrides));
    created = await createOnce(ctx.db, 'notices', { ...draft });
    notice = created ? draft : ((await getById<NoticeRecord>(ctx.db, 'notices', draft._id)) ?? draft);
    if (created) await audit(ctx, 'escalation.draftNotice', 'notices', notice._id, null, notice);
    if (notice.status === 'draft') {
      const drafted = notice.draftedAt;
      cases += await createAllOnce(
        ctx,
        'cases',
        notice.lines.map((line) => draftCase(campaign, period, line, drafted)),
        'escalation.draftCase',
      );
      for (const office of await holdersOf(ctx, campaign.townshipId, 'office'))
        await deliver(ctx.db, messages.draftReady(notice, office._id));
    }
  }
  const _ = ctx.db.command;
  if (!campaign.closedPeriodKeys.includes(period.key)) {
    await ctx.db
      .collection('campaigns')
      .doc(campaign._id)
      .update({ data: { closedPeriodKeys: _.addToSet(period.key), updatedAt: ctx.now } });
    campaign.closedPeriodKeys.push(period.key);
  }
  return { notice, created, cases };
}

/** "A draft not published within 2 working days is reminded to the office every working day." */
export async function remindOverdueDraft(ctx: ActionContext, notice: NoticeRecord, overrides: CalendarOverrides): Promise<number> {
  if (notice.status !== 'draft' || ctx.now.getTime() < new Date(notice.publishDueAt).getTime()) return 0;
  const day = cstDay(ctx.now);
  if (!remindOverdueDraftOn(day, overrides)) return 0;
  let sent = 0;
  for (const office of await holdersOf(ctx, notice.townshipId, 'office')) {
    if ((await deliver(ctx.db, messages.draftOverdue(notice, office._id, day, ctx.now))).created) sent++;
  }
  return sent;
}

/** When a case's objection window closes: 3 working days after publication (notice) or referral (interview). */
export function objectionDeadlineOf(startedAt: Date, overrides: CalendarOverrides): Date {
  return workingDaysAfter(startedAt, OBJECT_WITHIN_WORKING_DAYS, overrides).at;
}

/**
 * After the notice is published: each listed line's case opens with its remedy deadline and the visitor is told; the
 * lines that left the draft close their cases. Idempotent, so a run finishes a publication that was cut off.
 */
export async function completePublication(ctx: ActionContext, notice: NoticeRecord, overrides: CalendarOverrides): Promise<number> {
  if (notice.status !== 'published' || !notice.publishedAt || !notice.remedyDeadline) return 0;
  const publishedAt = new Date(notice.publishedAt);
  const deadline = new Date(notice.remedyDeadline);
  const ids = [...notice.lines, ...notice.excluded].map((l) => caseId('notice', notice.campaignId, notice.periodKey, l.visitorPersonId));
  const cases = new Map((await findByIds<CaseRecord>(ctx.db, 'cases', ids)).map((c) => [c.visitorPersonId, c]));
  let moved = 0;
  for (const line of notice.lines) {
    const c = cases.get(line.visitorPersonId);
    if (!c) continue;
    const opened = await moveCase(
      ctx,
      c,
      ['draft'],
      'open',
      { remedyDeadline: deadline, startedAt: publishedAt, shortHouseholds: line.households },
      `通报已发布，请于${lastMinute(deadline)}前补齐走访`,
    );
    if (opened) moved++;
    if (opened || c.status === 'open')
      await deliver(
        ctx.db,
        messages.published({ ...c, shortHouseholds: line.households }, deadline, objectionDeadlineOf(publishedAt, overrides), publishedAt),
        {
          template: 'caseNotice',
          data: { thing1: { value: `${c.periodLabel}通报批评` }, time2: { value: formatCst(deadline) } },
        },
      );
  }
  for (const line of notice.excluded) {
    const c = cases.get(line.visitorPersonId);
    if (!c) continue;
    if (await moveCase(ctx, c, ['draft'], line.state === 'exempted' ? 'exempted' : 'remedied', {}, line.reason)) moved++;
  }
  return moved;
}

/**
 * "Remedy deadline passed with a shortfall left → an interview case (约谈)": each open notice case is recomputed from
 * the households' visits up to the deadline; a remedied visitor is never escalated. A case whose objection is still
 * pending waits for the ruling. Returns false when the budget ran out, and whether cases are left waiting.
 */
export async function referDue(
  ctx: ActionContext,
  campaign: CampaignRecord,
  period: Period,
  notice: NoticeRecord,
  budget: ScanBudget,
): Promise<{ done: boolean; waiting: boolean; remedied: number; referred: number }> {
  const out = { done: true, waiting: false, remedied: 0, referred: 0 };
  if (notice.status !== 'published' || !notice.remedyDeadline || ctx.now.getTime() < new Date(notice.remedyDeadline).getTime())
    return { ...out, waiting: notice.status === 'published' };
  const deadline = new Date(notice.remedyDeadline);
  const open = await findAll<CaseRecord>(ctx.db, 'cases', {
    campaignId: campaign._id,
    periodKey: period.key,
    level: 'notice',
    status: ctx.db.command.in(['open', 'draft']),
  });
  if (open.length === 0) return out;
  let discipline: PersonRecord[] | null = null;
  for (const c of open) {
    if (outOfTime(budget)) return { ...out, done: false };
    if (c.status === 'draft' || c.objection?.status === 'pending') {
      out.waiting = true;
      continue;
    }
    const { standings, visits } = await standingsOf(
      ctx,
      campaign,
      period,
      c.shortHouseholds.map((h) => h.householdId),
      deadline,
    );
    const stillShort = [...standings.values()].filter((s) => s.missing > 0);
    if (stillShort.length === 0) {
      const moved = await moveCase(ctx, c, ['open'], 'remedied', { shortHouseholds: [...standings.values()] }, '规定时间内已补齐走访');
      if (moved) {
        budget.worked = true;
        out.remedied++;
        await deliver(ctx.db, messages.remedied(moved, ctx.now));
      }
      continue;
    }
    const reminders = await findAll<ReminderRecord>(ctx.db, 'reminders', {
      campaignId: campaign._id,
      periodKey: period.key,
      visitorPersonId: c.visitorPersonId,
    });
    const interview = interviewCase(
      c,
      stillShort,
      {
        households: [...standings.values()],
        visits: visits
          .sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime())
          .map((v) => ({
            visitId: v._id,
            householdId: v.householdId,
            at: new Date(v.at),
            proofs: v.proofs,
            photos: v.photos,
            location: v.location,
            offline: v.offline,
          })),
        reminders: reminders
          .map((r) => ({ reminderId: r._id, sentAt: new Date(r.sentAt), offsetDays: r.offsetDays }))
          .sort((a, b) => b.offsetDays - a.offsetDays),
        noticeId: notice._id,
        noticePublishedAt: notice.publishedAt ? new Date(notice.publishedAt) : null,
      },
      ctx.now,
    );
    // the interview case first, then the notice case's move: a run cut off in between redoes only the move
    if (await createOnce(ctx.db, 'cases', { ...interview })) {
      out.referred++;
      await audit(ctx, 'escalation.interviewCase', 'cases', interview._id, null, interview);
    }
    const stored = (await getById<CaseRecord>(ctx.db, 'cases', interview._id)) ?? interview;
    discipline ??= await holdersOf(ctx, campaign.townshipId, 'discipline');
    for (const person of [{ _id: c.visitorPersonId }, ...discipline]) {
      const toVisitor = person._id === c.visitorPersonId;
      await deliver(
        ctx.db,
        messages.referred(stored, person._id, stored.createdAt),
        toVisitor
          ? {
              template: 'caseNotice',
              data: { thing1: { value: `${c.periodLabel}移交约谈` }, time2: { value: formatCst(stored.createdAt) } },
            }
          : undefined,
      );
    }
    await moveCase(ctx, c, ['open'], 'escalated', {}, '移交镇纪委约谈');
    budget.worked = true;
  }
  return out;
}
