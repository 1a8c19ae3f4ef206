// The township notice 通报 as people see and work it (SPEC §4.3–4.4, 4.9): drafts only for the township office (the
// discipline office reads them, and sees overdue ones); publication by the office after a fresh recount; corrections
// appended, never edits. Also where each period stands (统计中 until its offline window has passed).
import type { NoticeView, PeriodStageView } from '../../../typings/escalation';
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { AppError, notFound } from '../../infra/errors';
import { findAll, findPage, getById } from '../../infra/store';
import { actorOf } from '../../infra/orgRepo';
import { hasRole } from '../../infra/auth';
import { loadCalendarOverrides } from '../../infra/calendarRepo';
import { formatCst } from '../../domain/time/cst';
import { periodEndInstant, periodStartInstant, type Period } from '../../domain/quota/campaign';
import type { CampaignRecord } from '../../domain/quota/records';
import { closesAt, remedyDeadlineAfter } from '../../domain/escalation/ladder';
import { noticeLine } from '../../domain/escalation/builders';
import { noticeId, type ExcludedLine, type NoticeLine, type NoticeRecord } from '../../domain/escalation/records';
import { getNoticeSchema, listNoticesSchema, periodStagesSchema, publishNoticeSchema } from '../../domain/escalation/schemas';
import { standingsOf } from './periodFacts';
import { audit, completePublication } from './steps';

const CADRES = ['visitor', 'liaison', 'office', 'discipline'] as const;

/** Drafts are seen by the township office, and read-only by the discipline office: nobody else. */
const seesDrafts = (ctx: ActionContext) => hasRole(actorOf(ctx), 'office', 'discipline');

export function noticeView(n: NoticeRecord, withDraftDetail: boolean, now: Date): NoticeView {
  const { townshipId: _t, excluded, publishedBy: _p, updatedAt: _u, ...rest } = n;
  const view = JSON.parse(JSON.stringify(rest)) as NoticeView;
  view.overdue = n.status === 'draft' && now.getTime() >= new Date(n.publishDueAt).getTime();
  if (withDraftDetail) view.excluded = JSON.parse(JSON.stringify(excluded));
  return view;
}

/** "全镇通报": every cadre of the township reads published notices; drafts only as above. */
export const listNotices = defineAction({
  schema: listNoticesSchema,
  access: CADRES,
  async run(ctx, input) {
    const drafts = seesDrafts(ctx);
    const status = !drafts ? 'published' : input.status === 'all' ? undefined : input.status;
    const where = { townshipId: actorOf(ctx).townshipId, ...(status ? { status } : {}) };
    const page = await findPage<NoticeRecord>(ctx.db, 'notices', where, [['draftedAt', 'desc']], input.page, input.pageSize);
    return {
      ...page,
      items: page.items.map((n) => noticeView(n, drafts && hasRole(actorOf(ctx), 'office'), ctx.now)),
      stages: await stagesFor(ctx, true),
    };
  },
});

export const getNotice = defineAction({
  schema: getNoticeSchema,
  access: CADRES,
  async run(ctx, input) {
    const n = await getById<NoticeRecord>(ctx.db, 'notices', input.noticeId);
    if (!n || n.townshipId !== actorOf(ctx).townshipId) throw notFound('该通报');
    if (n.status === 'draft' && !seesDrafts(ctx)) throw notFound('该通报');
    return noticeView(n, seesDrafts(ctx), ctx.now);
  },
});

/**
 * "The township office reviews the draft … and publishes." Each line's households are recounted first: a visitor with
 * no shortfall left leaves the notice as remedied. Publication freezes the lines and starts the remedy window.
 */
export const publishNotice = defineAction({
  schema: publishNoticeSchema,
  access: ['office'],
  async run(ctx, input) {
    const actor = actorOf(ctx);
    const n = await getById<NoticeRecord>(ctx.db, 'notices', input.noticeId);
    if (!n || n.townshipId !== actor.townshipId) throw notFound('该通报');
    if (n.status !== 'draft') throw new AppError('NOTICE_STATE', `该通报已于${formatCst(new Date(n.publishedAt!))}发布，不能重复发布`);
    const campaign = await getById<CampaignRecord>(ctx.db, 'campaigns', n.campaignId);
    const period = campaign?.periods.find((p) => p.key === n.periodKey);
    if (!campaign || !period) throw notFound('该通报所属的行动周期');
    const { standings } = await standingsOf(
      ctx,
      campaign,
      period,
      n.lines.flatMap((l) => l.households.map((h) => h.householdId)),
      null,
    );
    const lines: NoticeLine[] = [];
    const excluded: ExcludedLine[] = [];
    for (const line of n.lines) {
      const still = line.households.map((h) => standings.get(h.householdId) ?? h).filter((h) => h.missing > 0);
      if (still.length > 0) lines.push(noticeLine(line.visitorPersonId, line.visitorName, still));
      else
        excluded.push({
          ...noticeLine(
            line.visitorPersonId,
            line.visitorName,
            line.households.map((h) => standings.get(h.householdId) ?? h),
          ),
          state: 'remedied',
          at: ctx.now,
          reason: '发布前已补齐走访',
        });
    }
    const remedyDeadline = remedyDeadlineAfter(ctx.now, campaign.rules);
    const fields = {
      status: 'published' as const,
      lines,
      excluded: [...n.excluded, ...excluded],
      publishedAt: ctx.now,
      publishedBy: actor.personId,
      remedyDeadline,
      updatedAt: ctx.now,
    };
    const res = (await ctx.db
      .collection('notices')
      .where({ _id: n._id, status: 'draft', updatedAt: n.updatedAt })
      .update({ data: fields })) as { stats?: { updated?: number } };
    if (!res.stats?.updated) throw new AppError('CONFLICT', '通报刚被他人更新，请刷新后重试');
    const published: NoticeRecord = { ...n, ...fields };
    await audit(
      ctx,
      'escalation.publishNotice',
      'notices',
      n._id,
      { status: 'draft', lines: n.lines.length },
      { status: 'published', lines: lines.length, remedyDeadline },
    );
    await completePublication(ctx, published, await loadCalendarOverrides(ctx.db, actor.townshipId));
    return noticeView(published, true, ctx.now);
  },
});

const STAGE_LABELS: Record<PeriodStageView['stage'], string> = {
  upcoming: '未开始',
  running: '进行中',
  counting: '统计中',
  draft: '通报草稿待发布',
  published: '通报已发布',
  closed: '已结束，无人需通报',
};

/** Where each period of the township's active campaigns stands: a visitor or the office sees 统计中 until the close. */
export const periodStages = defineAction({
  schema: periodStagesSchema,
  access: CADRES,
  run: (ctx) => stagesFor(ctx),
});

/** A period's stage at `now`: drafts read as still counting (统计中) to anyone who may not see drafts. */
function stageOf(p: Period, c: CampaignRecord, n: NoticeRecord | undefined, now: Date, drafts: boolean): PeriodStageView['stage'] {
  if (n) return n.status === 'published' ? 'published' : drafts ? 'draft' : 'counting';
  if (now.getTime() < periodStartInstant(p).getTime()) return 'upcoming';
  if (now.getTime() < periodEndInstant(p).getTime()) return 'running';
  return c.closedPeriodKeys.includes(p.key) ? 'closed' : 'counting';
}

/** Every period of the township's active campaigns; `onlyRecent` keeps those still running, counting or in draft. */
export async function stagesFor(ctx: ActionContext, onlyRecent = false): Promise<PeriodStageView[]> {
  const campaigns = await findAll<CampaignRecord>(ctx.db, 'campaigns', { townshipId: actorOf(ctx).townshipId, active: true });
  const notices = campaigns.length
    ? await findAll<NoticeRecord>(ctx.db, 'notices', { campaignId: ctx.db.command.in(campaigns.map((c) => c._id)) })
    : [];
  const byId = new Map(notices.map((n) => [n._id, n]));
  const drafts = seesDrafts(ctx);
  const out: PeriodStageView[] = [];
  for (const c of campaigns) {
    for (const p of c.periods) {
      const n = byId.get(noticeId(c._id, p.key));
      const stage = stageOf(p, c, n, ctx.now, drafts);
      if (onlyRecent && stage !== 'running' && stage !== 'counting' && stage !== 'draft') continue;
      out.push({
        campaignId: c._id,
        periodKey: p.key,
        periodLabel: p.label,
        stage,
        stageLabel: STAGE_LABELS[stage],
        closesAt: stage === 'counting' && !n ? closesAt(p, c.rules).toISOString() : null,
        noticeId: n && (n.status === 'published' || drafts) ? n._id : null,
      });
    }
  }
  return out;
}
