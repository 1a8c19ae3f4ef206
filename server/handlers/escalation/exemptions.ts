// SPEC §4.10 "Exemptions and reassignments by the township office, always with a reason; an exempted visitor is never
// escalated for that period." Before the close the visitor is simply not held; on a draft the line leaves the draft;
// after publication the case is closed as exempted and a correction 更正 is appended to the published notice.
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { AppError, notFound } from '../../infra/errors';
import { getById } from '../../infra/store';
import { createOnce } from '../../infra/createOnce';
import { deliver } from '../../infra/inbox';
import { actorOf, requirePerson } from '../../infra/orgRepo';
import type { CampaignRecord } from '../../domain/quota/records';
import { messages } from '../../domain/escalation/builders';
import { caseId, exemptionId, noticeId, type CaseRecord, type ExemptionRecord, type NoticeRecord } from '../../domain/escalation/records';
import { exemptVisitorSchema } from '../../domain/escalation/schemas';
import { audit, moveCase } from './steps';
import { appendCorrection } from './objections';

export const exemptVisitor = defineAction({
  schema: exemptVisitorSchema,
  access: ['office'],
  async run(ctx, input) {
    const actor = actorOf(ctx);
    const campaign = await getById<CampaignRecord>(ctx.db, 'campaigns', input.campaignId);
    if (!campaign || campaign.townshipId !== actor.townshipId) throw notFound('该行动');
    const period = campaign.periods.find((p) => p.key === input.periodKey);
    if (!period) throw notFound('该周期');
    const visitor = await requirePerson(ctx, input.visitorPersonId);
    if (!visitor.grants.some((g) => g.role === 'visitor'))
      throw new AppError('INVALID_INPUT', `${visitor.name}不是走访人`, 'visitorPersonId');
    if (visitor._id === actor.personId) throw new AppError('FORBIDDEN', '不能豁免本人');
    if (await getById<CaseRecord>(ctx.db, 'cases', caseId('interview', campaign._id, period.key, visitor._id))) {
      throw new AppError('CASE_STATE', `${visitor.name}在${period.label}的案件已移交镇纪委约谈，不能再豁免；如有异议请通过申辩处理`);
    }
    const record: ExemptionRecord = {
      _id: exemptionId(campaign._id, period.key, visitor._id),
      townshipId: actor.townshipId,
      campaignId: campaign._id,
      periodKey: period.key,
      visitorPersonId: visitor._id,
      reason: input.reason,
      grantedBy: actor.personId,
      createdAt: ctx.now,
    };
    if (!(await createOnce(ctx.db, 'exemptions', { ...record })))
      throw new AppError('CONFLICT', `${visitor.name}在${period.label}已被豁免`);
    await audit(ctx, 'exemptVisitor', 'exemptions', record._id, null, record, input.reason);
    await applyToNotice(ctx, noticeId(campaign._id, period.key), visitor._id, input.reason);
    return record;
  },
});

/** The line leaves a draft; a published notice keeps its lines and gets a correction. Retried if publication races it. */
async function applyToNotice(ctx: ActionContext, nId: string, visitorPersonId: string, reason: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const notice = await getById<NoticeRecord>(ctx.db, 'notices', nId);
    if (!notice) return;
    const c = await getById<CaseRecord>(ctx.db, 'cases', caseId('notice', notice.campaignId, notice.periodKey, visitorPersonId));
    if (notice.status === 'draft') {
      const line = notice.lines.find((l) => l.visitorPersonId === visitorPersonId);
      if (!line) return;
      const lines = notice.lines.filter((l) => l !== line);
      const excluded = [...notice.excluded, { ...line, state: 'exempted' as const, at: ctx.now, reason: `豁免：${reason}` }];
      const res = (await ctx.db
        .collection('notices')
        .where({ _id: nId, status: 'draft', updatedAt: notice.updatedAt })
        .update({ data: { lines, excluded, updatedAt: ctx.now } })) as {
        stats?: { updated?: number };
      };
      if (!res.stats?.updated) continue;
      await audit(ctx, 'escalation.draftExempt', 'notices', nId, { lines: notice.lines.length }, { lines: lines.length }, reason);
      if (c) await moveCase(ctx, c, ['draft'], 'exempted', {}, `豁免：${reason}`);
      return;
    }
    if (!c || !['open', 'remedied'].includes(c.status)) return;
    const moved = c.status === 'open' ? await moveCase(ctx, c, ['open'], 'exempted', {}, `豁免：${reason}`) : c;
    if (!moved) continue;
    await appendCorrection(ctx, c, {
      at: ctx.now,
      visitorPersonId,
      visitorName: c.visitorName,
      kind: 'exempted',
      reason: `豁免${c.visitorName}：${reason}`,
    });
    await deliver(ctx.db, messages.exempted(c, reason, ctx.now));
    return;
  }
  throw new AppError('CONFLICT', '通报刚被他人更新，请刷新后重试');
}
