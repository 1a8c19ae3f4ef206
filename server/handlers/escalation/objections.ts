// Objections 申辩 (SPEC §4.8): "Within 3 working days of publication (notice) or of referral (interview) the visitor
// may object, with text and photos. The office rules on notice objections, the discipline office on interview
// objections: upheld → the case is withdrawn (撤销) with the reason; rejected → the reason is recorded. The visitor is
// told either way." One objection per case, held on the case itself.
import type { CaseView } from '../../../typings/escalation';
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { AppError, notFound } from '../../infra/errors';
import { findPage, getById } from '../../infra/store';
import { actorOf } from '../../infra/orgRepo';
import { hasRole } from '../../infra/auth';
import { idempotent } from '../../infra/idempotency';
import { deliver } from '../../infra/inbox';
import { loadCalendarOverrides } from '../../infra/calendarRepo';
import { formatCst } from '../../domain/time/cst';
import { messages } from '../../domain/escalation/builders';
import type { CaseRecord, NoticeCorrection, ObjectionRecord } from '../../domain/escalation/records';
import { fileObjectionSchema, listObjectionsSchema, ruleObjectionSchema } from '../../domain/escalation/schemas';
import { audit, holdersOf, moveCase, objectionDeadlineOf } from './steps';
import { caseView, withPhotoLinks } from './views';
import { tempLinks } from '../../infra/tempLinks';

/** Statuses in which a case can still be objected to: a published notice case, or an interview not yet closed. */
const OBJECTABLE: Record<CaseRecord['level'], CaseRecord['status'][]> = { notice: ['open'], interview: ['open', 'scheduled'] };

/** Who rules: the township office on notice cases, the discipline office on interview cases. */
const RULER = { notice: 'office', interview: 'discipline' } as const;

/** Where a case stands for an objection now: the deadline, and whether the named visitor may still file one. */
export async function objectionWindow(ctx: ActionContext, c: CaseRecord): Promise<{ deadline: Date | null; open: boolean }> {
  if (!c.startedAt) return { deadline: null, open: false };
  const deadline = objectionDeadlineOf(new Date(c.startedAt), await loadCalendarOverrides(ctx.db, c.townshipId));
  return { deadline, open: !c.objection && OBJECTABLE[c.level].includes(c.status) && ctx.now.getTime() < deadline.getTime() };
}

async function updateCase(ctx: ActionContext, c: CaseRecord, fields: Partial<CaseRecord>): Promise<CaseRecord> {
  const res = (await ctx.db
    .collection('cases')
    .where({ _id: c._id, status: c.status, updatedAt: c.updatedAt })
    .update({ data: { ...fields, updatedAt: ctx.now } })) as { stats?: { updated?: number } };
  if (!res.stats?.updated) throw new AppError('CONFLICT', '案件刚被他人更新，请刷新后重试');
  return { ...c, ...fields, updatedAt: ctx.now };
}

export const fileObjection = defineAction({
  schema: fileObjectionSchema,
  access: ['visitor'],
  run: (ctx, input) =>
    idempotent(ctx, 'fileObjection', async (): Promise<CaseView> => {
      const actor = actorOf(ctx);
      const c = await getById<CaseRecord>(ctx.db, 'cases', input.caseId);
      if (!c || c.townshipId !== actor.townshipId || c.status === 'draft' || c.visitorPersonId !== actor.personId) throw notFound('该案件');
      if (c.objection)
        throw new AppError('OBJECTION_EXISTS', `您已于${formatCst(new Date(c.objection.filedAt))}提出申辩，每个案件只能申辩一次`);
      if (!OBJECTABLE[c.level].includes(c.status)) throw new AppError('CASE_STATE', '该案件已办结，不能再申辩');
      const window = await objectionWindow(ctx, c);
      if (!window.deadline || !window.open) {
        throw new AppError(
          'OBJECTION_CLOSED',
          `申辩须在${c.level === 'notice' ? '通报发布' : '移交约谈'}后3个工作日内提出${window.deadline ? `（截至${formatCst(new Date(window.deadline.getTime() - 60_000))}）` : ''}，现已超过期限`,
        );
      }
      const objection: ObjectionRecord = {
        text: input.text,
        photos: input.photos,
        filedAt: ctx.now,
        deadline: window.deadline,
        status: 'pending',
        ruling: null,
      };
      const after = await updateCase(ctx, c, { objection });
      await audit(ctx, 'case.objection', 'cases', c._id, { objection: null }, { objection });
      for (const ruler of await holdersOf(ctx, c.townshipId, RULER[c.level])) {
        if (ruler._id !== c.visitorPersonId) await deliver(ctx.db, messages.objectionFiled(after, ruler._id, ctx.now));
      }
      return caseView(after, { objectionOpen: false, objectionDeadline: window.deadline });
    }),
});

export const ruleObjection = defineAction({
  schema: ruleObjectionSchema,
  access: ['office', 'discipline'],
  async run(ctx, input): Promise<CaseView> {
    const actor = actorOf(ctx);
    const c = await getById<CaseRecord>(ctx.db, 'cases', input.caseId);
    if (!c || c.townshipId !== actor.townshipId) throw notFound('该案件');
    const ruler = RULER[c.level];
    if (!hasRole(actor, ruler))
      throw new AppError('FORBIDDEN', c.level === 'notice' ? '通报批评的申辩由镇办公室裁定' : '约谈的申辩由镇纪委裁定');
    if (c.visitorPersonId === actor.personId) throw new AppError('FORBIDDEN', '不能裁定本人的申辩');
    if (!c.objection) throw new AppError('OBJECTION_STATE', '该案件没有申辩');
    if (c.objection.status !== 'pending') throw new AppError('OBJECTION_STATE', '该申辩已裁定，不能再次裁定');
    const objection: ObjectionRecord = {
      ...c.objection,
      status: input.upheld ? 'upheld' : 'rejected',
      ruling: { at: ctx.now, by: actor.personId, byName: actor.name, reason: input.reason },
    };
    let after: CaseRecord;
    // an upheld objection withdraws a case still running; one that ended meanwhile (exempted, say) keeps its end
    if (input.upheld && ['open', 'scheduled'].includes(c.status)) {
      const moved = await moveCase(ctx, c, ['open', 'scheduled'], 'withdrawn', { objection }, `申辩成立，撤销：${input.reason}`);
      if (!moved) throw new AppError('CONFLICT', '案件刚被他人更新，请刷新后重试');
      after = moved;
      if (c.level === 'notice')
        await appendCorrection(ctx, c, {
          at: ctx.now,
          visitorPersonId: c.visitorPersonId,
          visitorName: c.visitorName,
          kind: 'withdrawn',
          reason: `经申辩，撤销对${c.visitorName}的通报批评：${input.reason}`,
        });
    } else {
      after = await updateCase(ctx, c, { objection });
      await audit(ctx, 'case.objectionRejected', 'cases', c._id, { objection: c.objection }, { objection }, input.reason);
    }
    await deliver(ctx.db, messages.objectionRuled(after, input.upheld, input.reason, ctx.now), {
      template: 'caseNotice',
      data: { thing1: { value: `${c.periodLabel}申辩${input.upheld ? '成立' : '未采纳'}` }, time2: { value: formatCst(ctx.now) } },
    });
    return caseView(after);
  },
});

/** "更正": appended to the published notice with date and reason; its lines are never touched. */
export async function appendCorrection(
  ctx: ActionContext,
  c: Pick<CaseRecord, 'noticeId' | '_id'>,
  correction: NoticeCorrection,
): Promise<void> {
  const _ = ctx.db.command;
  await ctx.db
    .collection('notices')
    .where({ _id: c.noticeId, status: 'published' })
    .update({ data: { corrections: _.push([correction]), updatedAt: ctx.now } });
  await audit(ctx, 'escalation.correction', 'notices', c.noticeId, null, correction, correction.reason);
}

/** The objections the caller rules on: notice objections for the office, interview objections for the discipline office. */
export const listObjections = defineAction({
  schema: listObjectionsSchema,
  access: ['office', 'discipline'],
  async run(ctx, input) {
    const actor = actorOf(ctx);
    const _ = ctx.db.command;
    const levels = [...(hasRole(actor, 'office') ? ['notice'] : []), ...(hasRole(actor, 'discipline') ? ['interview'] : [])];
    const page = await findPage<CaseRecord>(
      ctx.db,
      'cases',
      { townshipId: actor.townshipId, level: _.in(levels), 'objection.status': input.status },
      [['updatedAt', 'desc']],
      input.page,
      input.pageSize,
    );
    const links = await tempLinks(page.items.flatMap((c) => c.objection?.photos ?? []));
    return { ...page, items: page.items.map((c) => withPhotoLinks(caseView(c), links)) };
  },
});
