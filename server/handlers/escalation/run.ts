// The escalation job (SPEC §4), the scan loop only: for every township, active campaign and period not yet finished,
// perform each step that has fallen due (reminders, the draft at close, finishing a publication, the daily reminder
// of an overdue draft, referral at the remedy deadline) within a time budget. Idempotent, catches up after missed runs,
// only moves forward; the steps themselves are in ./steps.
import type { ActionContext } from '../../infra/dispatch';
import { findAll, getById } from '../../infra/store';
import { createOnce } from '../../infra/createOnce';
import { loadCalendarOverrides } from '../../infra/calendarRepo';
import type { TownshipRecord } from '../../domain/org/records';
import type { CampaignRecord } from '../../domain/quota/records';
import { closesAt, dueTransitions } from '../../domain/escalation/ladder';
import { noticeId, type NoticeRecord } from '../../domain/escalation/records';
import type { EscalationRunSummary } from '../../../typings/escalation';
import { periodFacts, type ScanBudget } from './periodFacts';
import { completePublication, draftNotice, referDue, remindOverdueDraft, sendReminders } from './steps';

export type RunSummary = EscalationRunSummary;

/** Leave a margin under CloudBase's 60 s invocation limit (a deployment may lower it with ESCALATION_TIME_BUDGET_MS). */
function timeBudgetMs(): number {
  const v = Number(process.env.ESCALATION_TIME_BUDGET_MS);
  return Number.isFinite(v) && v >= 0 ? v : 40_000;
}

interface JobState {
  _id: string;
  /** periods whose ladder is finished: every case resolved or referred; nothing more will ever happen to them */
  interviewsDone: string[];
}

const jobStateId = (campaignId: string) => `escalation:${campaignId}`;

export async function runEscalation(ctx: ActionContext, onlyTownshipId?: string): Promise<RunSummary> {
  const summary: RunSummary = {
    reminders: 0,
    drafts: 0,
    draftCases: 0,
    overdueReminders: 0,
    remedied: 0,
    interviewCases: 0,
    reads: 0,
    complete: true,
  };
  const budget: ScanBudget = { stopAt: Date.now() + timeBudgetMs(), reads: 0 };
  const stop = () => {
    summary.complete = false;
    summary.reads += budget.reads;
    return summary;
  };
  const townships = await findAll<TownshipRecord>(ctx.db, 'townships', onlyTownshipId ? { _id: onlyTownshipId } : {});
  for (const township of townships) {
    const campaigns = await findAll<CampaignRecord>(ctx.db, 'campaigns', { townshipId: township._id, active: true });
    if (campaigns.length === 0) continue;
    const overrides = await loadCalendarOverrides(ctx.db, township._id);
    for (const campaign of campaigns) {
      const state = (await getById<JobState>(ctx.db, 'jobState', jobStateId(campaign._id))) ?? {
        _id: jobStateId(campaign._id),
        interviewsDone: [],
      };
      for (const period of campaign.periods) {
        if (state.interviewsDone.includes(period.key)) continue;
        let notice: NoticeRecord | null = null;
        if (ctx.now.getTime() >= closesAt(period, campaign.rules).getTime())
          notice = await getById<NoticeRecord>(ctx.db, 'notices', noticeId(campaign._id, period.key));
        for (const t of dueTransitions(campaign, period, ctx.now)) {
          if (t.kind === 'draft' && (notice || campaign.closedPeriodKeys.includes(period.key))) continue;
          const facts = await periodFacts(ctx, campaign, period, t.kind === 'reminder' ? `reminder-${t.offsetDays}` : 'draft', budget);
          if (!facts) return stop();
          if (t.kind === 'reminder') {
            const r = await sendReminders(ctx, campaign, period, facts, t.offsetDays, budget);
            summary.reminders += r.sent;
            if (!r.done) return stop();
          } else {
            const d = await draftNotice(ctx, campaign, period, facts, overrides);
            budget.worked = true;
            if (d.created) summary.drafts++;
            summary.draftCases += d.cases;
            notice = d.notice;
            if (!notice) await markDone(ctx, campaign._id, period.key);
          }
        }
        if (!notice) continue;
        if (notice.status === 'draft') {
          summary.overdueReminders += await remindOverdueDraft(ctx, notice, overrides);
          continue;
        }
        await completePublication(ctx, notice, overrides);
        const r = await referDue(ctx, campaign, period, notice, budget);
        summary.remedied += r.remedied;
        summary.interviewCases += r.referred;
        if (!r.done) return stop();
        if (!r.waiting) await markDone(ctx, campaign._id, period.key);
      }
    }
  }
  summary.reads += budget.reads;
  return summary;
}

async function markDone(ctx: ActionContext, campaignId: string, periodKey: string): Promise<void> {
  const id = jobStateId(campaignId);
  const _ = ctx.db.command;
  const res = (await ctx.db
    .collection('jobState')
    .where({ _id: id })
    .update({ data: { interviewsDone: _.addToSet(periodKey) } })) as { stats?: { updated?: number } };
  if (!res.stats?.updated) {
    const created = await createOnce(ctx.db, 'jobState', { _id: id, interviewsDone: [periodKey] });
    if (!created)
      await ctx.db
        .collection('jobState')
        .where({ _id: id })
        .update({ data: { interviewsDone: _.addToSet(periodKey) } });
  }
}
