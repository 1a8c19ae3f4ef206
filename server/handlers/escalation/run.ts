// The escalation job (SPEC §4): reminders before a period ends, notice-and-criticism cases and the township notice at
// close, and interview cases for the discipline office after the remedy deadline. Idempotent (deterministic ids,
// conditional status updates), catches up after missed runs, and only moves forward.
import type { ActionContext } from '../../infra/dispatch';
import { findAll, getById } from '../../infra/store';
import { createOnce } from '../../infra/createOnce';
import { deliver } from '../../infra/inbox';
import { auditRecord } from '../../infra/audit';
import type { PersonRecord, TownshipRecord } from '../../domain/org/records';
import { periodEndInstant, periodStartInstant, remedyDeadline, type Period } from '../../domain/quota/campaign';
import { dueTransitions, remedied } from '../../domain/escalation/ladder';
import { formatCst } from '../../domain/time/cst';
import {
  caseId,
  noticeId,
  reminderId,
  type CampaignRecord,
  type CaseRecord,
  type NoticeRecord,
  type ReminderRecord,
  type VisitRecord,
} from '../../domain/quota/records';
import { loadAssignmentsOf, outOfTime, periodFacts, type PeriodFacts, type ScanBudget } from './periodFacts';

export interface RunSummary {
  reminders: number;
  noticeCases: number;
  notices: number;
  remedied: number;
  interviewCases: number;
  reads: number;
  /** false when the time budget ran out: the next run (timer or office) continues */
  complete: boolean;
}

/** Leave a margin under CloudBase's 60 s invocation limit (a deployment may lower it with ESCALATION_TIME_BUDGET_MS). */
function timeBudgetMs(): number {
  const v = Number(process.env.ESCALATION_TIME_BUDGET_MS);
  return Number.isFinite(v) && v >= 0 ? v : 40_000;
}

interface JobState {
  _id: string;
  /** periods whose interview stage is complete: nothing more will ever happen to them */
  interviewsDone: string[];
}

const jobStateId = (campaignId: string) => `escalation:${campaignId}`;

export async function runEscalation(ctx: ActionContext, onlyTownshipId?: string): Promise<RunSummary> {
  const summary: RunSummary = { reminders: 0, noticeCases: 0, notices: 0, remedied: 0, interviewCases: 0, reads: 0, complete: true };
  const budget: ScanBudget = { stopAt: Date.now() + timeBudgetMs(), reads: 0 };
  const townships = await findAll<TownshipRecord>(ctx.db, 'townships', onlyTownshipId ? { _id: onlyTownshipId } : {});
  for (const township of townships) {
    const campaigns = await findAll<CampaignRecord>(ctx.db, 'campaigns', { townshipId: township._id, active: true });
    for (const campaign of campaigns) {
      const state = (await getById<JobState>(ctx.db, 'jobState', jobStateId(campaign._id))) ?? { _id: jobStateId(campaign._id), interviewsDone: [] };
      for (const period of campaign.periods) {
        if (state.interviewsDone.includes(period.key)) continue;
        for (const t of dueTransitions(campaign, period, ctx.now)) {
          if (t.kind === 'interview') {
            if (!(await escalateToInterviews(ctx, campaign, period, summary, budget))) {
              summary.complete = false;
              summary.reads += budget.reads;
              return summary;
            }
            await markInterviewsDone(ctx, campaign._id, period.key);
            continue;
          }
          if (t.kind === 'close' && campaign.closedPeriodKeys.includes(period.key)) continue;
          const stage = t.kind === 'reminder' ? `reminder-${t.offsetDays}` : 'close';
          const facts = await periodFacts(ctx, campaign, period, stage, budget);
          if (!facts) {
            summary.complete = false;
            summary.reads += budget.reads;
            return summary;
          }
          const finished =
            t.kind === 'reminder' ? await sendReminders(ctx, campaign, period, facts, t.offsetDays, summary, budget) : await closePeriod(ctx, campaign, period, facts, summary, budget);
          if (!finished) {
            summary.complete = false;
            summary.reads += budget.reads;
            return summary;
          }
        }
      }
    }
  }
  summary.reads += budget.reads;
  return summary;
}

async function audit(ctx: ActionContext, action: string, collection: string, docId: string, before: unknown, after: unknown): Promise<void> {
  await ctx.db.collection('audit').add({ data: { ...auditRecord(ctx, action, { collection, docId, before, after }) } });
}

/** Returns false when the time budget ran out; every step is idempotent, so the next run simply continues. */
async function sendReminders(ctx: ActionContext, campaign: CampaignRecord, period: Period, facts: PeriodFacts, offsetDays: number, summary: RunSummary, budget: ScanBudget): Promise<boolean> {
  for (const s of facts.shortfalls) {
    if (outOfTime(budget)) return false;
    const id = reminderId(campaign._id, period.key, s.visitorPersonId, offsetDays);
    const households = s.households.map((h) => ({ householdId: h.householdId, address: facts.households.get(h.householdId)?.address ?? h.householdId, missing: h.missing }));
    const reminder: ReminderRecord = { _id: id, townshipId: campaign.townshipId, campaignId: campaign._id, periodKey: period.key, visitorPersonId: s.visitorPersonId, offsetDays, households, sentAt: ctx.now, subscribeSent: false };
    if (!(await createOnce(ctx.db, 'reminders', { ...reminder }))) continue;
    budget.worked = true;
    const end = formatCst(new Date(periodEndInstant(period).getTime() - 60_000));
    const { subscribeSent } = await deliver(
      ctx.db,
      {
        _id: `inbox:${id}`,
        townshipId: campaign.townshipId,
        personId: s.visitorPersonId,
        kind: 'reminder',
        title: `${period.label}走访提醒：还有${households.length}户未完成`,
        body: `${period.label}将于${end}结束，以下农户走访次数不足：${households.map((h) => `${h.address}（差${h.missing}次）`).join('、')}。`,
        link: 'packages/visitor/households/index',
        createdAt: ctx.now,
      },
      { template: 'visitReminder', data: { thing1: { value: `${period.label}走访提醒` }, number2: { value: String(households.length) }, time3: { value: end } } },
    );
    if (subscribeSent) await ctx.db.collection('reminders').doc(id).update({ data: { subscribeSent: true } });
    await audit(ctx, 'escalation.remind', 'reminders', id, null, reminder);
    summary.reminders++;
  }
  return true;
}

async function closePeriod(ctx: ActionContext, campaign: CampaignRecord, period: Period, facts: PeriodFacts, summary: RunSummary, budget: ScanBudget): Promise<boolean> {
  const nId = noticeId(campaign._id, period.key);
  const deadline = remedyDeadline(campaign, period);
  const nameOf = (id: string) => facts.visitors.get(id)?.name ?? id;
  for (const s of facts.shortfalls) {
    if (outOfTime(budget)) return false;
    const id = caseId('notice', campaign._id, period.key, s.visitorPersonId);
    const record: CaseRecord = {
      _id: id,
      townshipId: campaign.townshipId,
      level: 'notice',
      campaignId: campaign._id,
      periodKey: period.key,
      periodLabel: period.label,
      visitorPersonId: s.visitorPersonId,
      visitorName: nameOf(s.visitorPersonId),
      shortHouseholds: s.households.map((h) => ({ ...h, address: facts.households.get(h.householdId)?.address ?? h.householdId })),
      remedyDeadline: deadline,
      status: 'open',
      noticeId: nId,
      evidence: null,
      interview: null,
      history: [{ at: ctx.now, status: 'open', by: 'system', note: '周期结束走访次数不足，列入全镇通报' }],
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    if (!(await createOnce(ctx.db, 'cases', { ...record }))) continue;
    budget.worked = true;
    summary.noticeCases++;
    await audit(ctx, 'escalation.noticeCase', 'cases', id, null, record);
    await deliver(
      ctx.db,
      {
        _id: `inbox:${id}`,
        townshipId: campaign.townshipId,
        personId: s.visitorPersonId,
        kind: 'case',
        title: `您被列入${period.label}敲门行动通报批评`,
        body: `${record.shortHouseholds.map((h) => `${h.address}差${h.missing}次`).join('、')}。请在${formatCst(new Date(deadline.getTime() - 60_000))}前补齐走访，逾期将由镇纪委约谈。`,
        link: 'packages/visitor/cases/index',
        createdAt: ctx.now,
      },
      { template: 'caseNotice', data: { thing1: { value: `${period.label}通报批评` }, time2: { value: formatCst(deadline) } } },
    );
  }
  const notice: NoticeRecord = {
    _id: nId,
    townshipId: campaign.townshipId,
    campaignId: campaign._id,
    periodKey: period.key,
    periodLabel: period.label,
    title: `关于${period.label}“邻里守望、户户监督、网格防范”敲门行动落实不力情况的通报`,
    lines: facts.shortfalls.map((s) => ({
      visitorPersonId: s.visitorPersonId,
      visitorName: nameOf(s.visitorPersonId),
      shortHouseholds: s.households.length,
      missingVisits: s.households.reduce((n, h) => n + h.missing, 0),
    })),
    publishedAt: ctx.now,
  };
  if (await createOnce(ctx.db, 'notices', { ...notice })) {
    summary.notices++;
    await audit(ctx, 'escalation.notice', 'notices', nId, null, notice);
  }
  // closed only after every case and the notice exist: an interrupted run redoes the rest next time
  const _ = ctx.db.command;
  await ctx.db.collection('campaigns').doc(campaign._id).update({ data: { closedPeriodKeys: _.addToSet(period.key), updatedAt: ctx.now } });
  campaign.closedPeriodKeys.push(period.key);
  return true;
}

async function escalateToInterviews(ctx: ActionContext, campaign: CampaignRecord, period: Period, summary: RunSummary, budget: ScanBudget): Promise<boolean> {
  const open = await findAll<CaseRecord>(ctx.db, 'cases', { campaignId: campaign._id, periodKey: period.key, level: 'notice', status: 'open' });
  if (open.length === 0) return true;
  const discipline = (await findAll<PersonRecord>(ctx.db, 'persons', { townshipId: campaign.townshipId, active: true })).filter((p) =>
    p.grants.some((g) => g.role === 'discipline'),
  );
  const start = periodStartInstant(period);
  const end = periodEndInstant(period);
  const deadline = remedyDeadline(campaign, period);
  const assignments = await loadAssignmentsOf(ctx, open.flatMap((c) => c.shortHouseholds.map((h) => h.householdId)));
  for (const c of open) {
    if (outOfTime(budget)) return false;
    const _ = ctx.db.command;
    const visits = (
      await findAll<VisitRecord>(ctx.db, 'visits', { householdId: _.in(c.shortHouseholds.map((h) => h.householdId)), at: _.gte(start).and(_.lt(deadline)) })
    ).filter((v) => v.visitorPersonId === c.visitorPersonId);
    const stillShort = c.shortHouseholds.filter((h) => {
      const remedyVisits = visits
        .filter((v) => v.householdId === h.householdId && new Date(v.at) >= end)
        .map((v) => ({ id: v._id, householdId: v.householdId, visitorId: v.visitorPersonId, at: new Date(v.at) }));
      return !remedied(h.missing, remedyVisits, assignments, campaign, period);
    });
    if (stillShort.length === 0) {
      await moveCase(ctx, c, 'remedied', '规定时间内已补齐走访');
      budget.worked = true;
      summary.remedied++;
      continue;
    }
    const reminders = await findAll<ReminderRecord>(ctx.db, 'reminders', { campaignId: campaign._id, periodKey: period.key, visitorPersonId: c.visitorPersonId });
    const iId = caseId('interview', campaign._id, period.key, c.visitorPersonId);
    const interview: CaseRecord = {
      ...c,
      _id: iId,
      level: 'interview',
      shortHouseholds: stillShort,
      status: 'open',
      evidence: {
        households: stillShort.map((h) => ({ householdId: h.householdId, address: h.address, counted: h.counted, needed: h.needed })),
        visits: visits.map((v) => ({ visitId: v._id, householdId: v.householdId, at: new Date(v.at), proofs: v.proofs, photos: v.photos, location: v.location, offline: v.offline })),
        reminders: reminders.map((r) => ({ reminderId: r._id, sentAt: new Date(r.sentAt), offsetDays: r.offsetDays })),
        noticeId: c.noticeId,
      },
      interview: null,
      history: [{ at: ctx.now, status: 'open', by: 'system', note: '规定时间内仍未完成入户走访，移交镇纪委约谈' }],
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    // the interview case first, then the notice case's move: a run cut off in between redoes only the move
    if (await createOnce(ctx.db, 'cases', { ...interview })) {
      summary.interviewCases++;
      await audit(ctx, 'escalation.interviewCase', 'cases', iId, null, interview);
      for (const person of [{ _id: c.visitorPersonId }, ...discipline]) {
        await deliver(ctx.db, {
          _id: `inbox:${iId}:${person._id}`,
          townshipId: campaign.townshipId,
          personId: person._id,
          kind: 'case',
          title: person._id === c.visitorPersonId ? `${period.label}敲门行动：镇纪委将对您进行约谈` : `约谈案件：${c.visitorName}（${period.label}）`,
          body: `规定时间内仍未完成入户走访：${stillShort.map((h) => `${h.address}差${h.missing}次`).join('、')}。`,
          link: 'packages/discipline/case/index?id=' + encodeURIComponent(iId),
          createdAt: ctx.now,
        });
      }
    }
    await moveCase(ctx, c, 'escalated', '移交镇纪委约谈');
    budget.worked = true;
  }
  return true;
}

/** A conditional update: only the run that finds the case still open moves it, so history and audit are written once. */
async function moveCase(ctx: ActionContext, c: CaseRecord, to: 'remedied' | 'escalated', note: string): Promise<void> {
  const _ = ctx.db.command;
  const entry = { at: ctx.now, status: to, by: 'system', note };
  const res = (await ctx.db
    .collection('cases')
    .where({ _id: c._id, status: 'open' })
    .update({ data: { status: to, updatedAt: ctx.now, history: _.push([entry]) } })) as { stats?: { updated?: number } };
  if (res.stats?.updated) await audit(ctx, `escalation.${to}`, 'cases', c._id, { status: c.status }, { status: to });
}

async function markInterviewsDone(ctx: ActionContext, campaignId: string, periodKey: string): Promise<void> {
  const id = jobStateId(campaignId);
  const _ = ctx.db.command;
  const res = (await ctx.db.collection('jobState').where({ _id: id }).update({ data: { interviewsDone: _.addToSet(periodKey) } })) as { stats?: { updated?: number } };
  if (!res.stats?.updated) await createOnce(ctx.db, 'jobState', { _id: id, interviewsDone: [periodKey] }).then(async (created) => {
    if (!created) await ctx.db.collection('jobState').where({ _id: id }).update({ data: { interviewsDone: _.addToSet(periodKey) } });
  });
}
