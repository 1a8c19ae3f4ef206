// Notices and cases as the township's cadres, the discipline office and the visitor see and work them.
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { AppError, notFound } from '../../infra/errors';
import { findAll, findPage, getById } from '../../infra/store';
import { stagesFor } from './notices';
import { deliver } from '../../infra/inbox';
import { actorOf } from '../../infra/orgRepo';
import { hasRole } from '../../infra/auth';
import { canMove } from '../../domain/escalation/ladder';
import { CASE_STATUS_LABELS } from '../../domain/escalation/labels';
import type { CaseView } from '../../../typings/escalation';
import { moveCase } from './steps';
import { objectionWindow } from './objections';
import { caseView, photoIdsOf, withPhotoLinks } from './views';
import { caseVisitorContact } from '../../domain/supervision/visitorProfile';
import { SUPERVISORS } from '../../domain/supervision/access';
import type { PersonRecord } from '../../domain/org/records';
import { tempLinks } from '../../infra/tempLinks';
import { formatCst } from '../../domain/time/cst';
import type { CaseRecord, CaseStatus, NoticeRecord } from '../../domain/escalation/records';
import {
  closeCaseSchema,
  getCaseSchema,
  listCasesSchema,
  myCasesSchema,
  recordInterviewSchema,
  runEscalationSchema,
  scheduleInterviewSchema,
} from '../../domain/escalation/schemas';
import { runEscalation as runJob } from './run';

export const runEscalation = defineAction({
  schema: runEscalationSchema,
  access: ['office'],
  run: (ctx) => runJob(ctx, actorOf(ctx).townshipId),
});

/** A visitor's own cases, never a draft (SPEC §4.3: "Nobody but the township office … sees a draft"), each with its objection window. */
export const myCases = defineAction({
  schema: myCasesSchema,
  access: ['visitor'],
  async run(ctx, input) {
    const _ = ctx.db.command;
    const page = await findPage<CaseRecord>(
      ctx.db,
      'cases',
      { visitorPersonId: actorOf(ctx).personId, status: _.neq('draft') },
      [['createdAt', 'desc']],
      input.page,
      input.pageSize,
    );
    const items: CaseView[] = [];
    for (const c of page.items) {
      const w = await objectionWindow(ctx, c);
      items.push(caseView(c, { objectionOpen: w.open, objectionDeadline: w.deadline }));
    }
    return { ...page, items, stages: await stagesFor(ctx, true) };
  },
});

export const listCases = defineAction({
  schema: listCasesSchema,
  access: ['discipline', 'office'],
  async run(ctx, input) {
    const _ = ctx.db.command;
    const status = input.status === 'active' ? _.in(['open', 'scheduled']) : input.status;
    const townshipId = actorOf(ctx).townshipId;
    const page = await findPage<CaseRecord>(
      ctx.db,
      'cases',
      { townshipId, level: input.level, status },
      [['createdAt', 'desc']],
      input.page,
      input.pageSize,
    );
    // "A draft not published within 2 working days is … shown to the discipline office as overdue, so it cannot be buried."
    const overdue = await findAll<NoticeRecord>(ctx.db, 'notices', { townshipId, status: 'draft', publishDueAt: _.lte(ctx.now) });
    return {
      ...page,
      items: page.items.map((c) => caseView(c)),
      overdueDrafts: overdue.map((n) => ({
        noticeId: n._id,
        periodLabel: n.periodLabel,
        lines: n.lines.length,
        publishDueAt: new Date(n.publishDueAt).toISOString(),
        workingDays: n.publishDueWorkingDays,
      })),
    };
  },
});

/** The discipline office and the township office see every case; a visitor sees only their own. */
async function readableCase(ctx: ActionContext, caseId: string): Promise<CaseRecord> {
  const actor = actorOf(ctx);
  const c = await getById<CaseRecord>(ctx.db, 'cases', caseId);
  if (!c || c.townshipId !== actor.townshipId) throw notFound('该案件');
  if (!hasRole(actor, 'discipline', 'office') && (c.visitorPersonId !== actor.personId || c.status === 'draft')) throw notFound('该案件');
  return c;
}

export const getCase = defineAction({
  schema: getCaseSchema,
  access: ['discipline', 'office', 'visitor'],
  async run(ctx, input) {
    return caseViewFor(ctx, await readableCase(ctx, input.caseId));
  },
});

/** One case as this caller reads it: its objection window, photos as temporary links, and for the offices the visitor's contact. */
async function caseViewFor(ctx: ActionContext, c: CaseRecord): Promise<CaseView> {
  const w = await objectionWindow(ctx, c);
  const actor = actorOf(ctx);
  const view = caseView(c, { objectionOpen: w.open && c.visitorPersonId === actor.personId, objectionDeadline: w.deadline });
  if (hasRole(actor, ...SUPERVISORS))
    view.visitorContact = caseVisitorContact(await getById<PersonRecord>(ctx.db, 'persons', c.visitorPersonId), c.visitorName);
  return withPhotoLinks(view, await tempLinks(photoIdsOf(c)));
}

async function requireInterviewCase(ctx: ActionContext, caseId: string): Promise<CaseRecord> {
  const c = await readableCase(ctx, caseId);
  if (c.level !== 'interview') throw new AppError('CASE_STATE', '通报批评案件无需约谈，只有约谈案件可以安排约谈');
  return c;
}

/** Move a case from the status it was read in; a concurrent change makes this one fail instead of overwriting it. */
async function moveOrRefuse(
  ctx: ActionContext,
  c: CaseRecord,
  to: CaseStatus,
  fields: Partial<CaseRecord>,
  note: string,
): Promise<CaseView> {
  if (!canMove(c.status, to))
    throw new AppError('CASE_STATE', `案件当前状态为“${CASE_STATUS_LABELS[c.status]}”，不能${ACTION_LABELS[to] ?? '变更'}`);
  const after = await moveCase(ctx, c, [c.status], to, fields, note);
  if (!after) throw new AppError('CONFLICT', '案件刚被他人更新，请刷新后重试');
  await deliver(ctx.db, {
    _id: `inbox:${c._id}:${to}:${ctx.now.getTime()}`,
    townshipId: c.townshipId,
    personId: c.visitorPersonId,
    kind: 'case',
    title: `约谈案件（${c.periodLabel}）：${note}`,
    body: note,
    link: 'packages/visitor/cases/index',
    createdAt: ctx.now,
  });
  return caseViewFor(ctx, after);
}

const ACTION_LABELS: Partial<Record<CaseStatus, string>> = { scheduled: '安排约谈', closed: '结案' };

export const scheduleInterview = defineAction({
  schema: scheduleInterviewSchema,
  access: ['discipline'],
  async run(ctx, input) {
    const c = await requireInterviewCase(ctx, input.caseId);
    const at = new Date(input.scheduledAt);
    if (at.getTime() < ctx.now.getTime()) throw new AppError('DEADLINE_IN_PAST', '约谈时间不能早于现在', 'scheduledAt');
    const interview = {
      scheduledAt: at,
      place: input.place,
      scheduledBy: actorOf(ctx).personId,
      outcome: null,
      conclusion: null,
      recordedAt: null,
      recordedBy: null,
    };
    return moveOrRefuse(ctx, c, 'scheduled', { interview }, `已安排约谈：${formatCst(at)}，${input.place}`);
  },
});

export const recordInterview = defineAction({
  schema: recordInterviewSchema,
  access: ['discipline'],
  async run(ctx, input) {
    const c = await requireInterviewCase(ctx, input.caseId);
    if (c.status !== 'scheduled' || !c.interview) throw new AppError('CASE_STATE', '请先安排约谈，再记录约谈情况');
    const interview = {
      ...c.interview,
      outcome: input.outcome,
      conclusion: input.conclusion,
      attachments: input.attachments,
      recordedAt: ctx.now,
      recordedBy: actorOf(ctx).personId,
    };
    return moveOrRefuse(ctx, c, 'scheduled', { interview }, `已记录约谈情况：${input.conclusion}`);
  },
});

export const closeCase = defineAction({
  schema: closeCaseSchema,
  access: ['discipline'],
  async run(ctx, input) {
    const c = await requireInterviewCase(ctx, input.caseId);
    if (!c.interview?.outcome) throw new AppError('CASE_STATE', '请先记录约谈情况和结论，再结案');
    return moveOrRefuse(ctx, c, 'closed', {}, '已结案');
  },
});
