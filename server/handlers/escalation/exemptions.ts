// "The township office may exempt a visitor for a period (leave, illness) … always with a reason": an exempted
// visitor is never escalated for that period; a notice case already open for it is closed as exempted.
import { defineAction } from '../../infra/dispatch';
import { AppError, notFound } from '../../infra/errors';
import { getById } from '../../infra/store';
import { createOnce } from '../../infra/createOnce';
import { auditRecord } from '../../infra/audit';
import { actorOf, requirePerson } from '../../infra/orgRepo';
import { caseId, type CampaignRecord, type CaseRecord, type ExemptionRecord } from '../../domain/quota/records';
import { exemptVisitorSchema } from '../../domain/escalation/schemas';

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
    if (!visitor.grants.some((g) => g.role === 'visitor')) throw new AppError('INVALID_INPUT', `${visitor.name}不是走访人`, 'visitorPersonId');
    if (await getById<CaseRecord>(ctx.db, 'cases', caseId('interview', campaign._id, period.key, visitor._id))) {
      throw new AppError('CASE_STATE', `${visitor.name}在${period.label}的案件已移交镇纪委约谈，不能再豁免`);
    }
    const record: ExemptionRecord = {
      _id: `${campaign._id}:${period.key}:${visitor._id}`,
      townshipId: actor.townshipId,
      campaignId: campaign._id,
      periodKey: period.key,
      visitorPersonId: visitor._id,
      reason: input.reason,
      grantedBy: actor.personId,
      createdAt: ctx.now,
    };
    if (!(await createOnce(ctx.db, 'exemptions', { ...record }))) throw new AppError('CONFLICT', `${visitor.name}在${period.label}已被豁免`);
    await ctx.db.collection('audit').add({ data: { ...auditRecord(ctx, 'exemptVisitor', { collection: 'exemptions', docId: record._id, before: null, after: record, reason: input.reason }) } });
    const noticeCase = await getById<CaseRecord>(ctx.db, 'cases', caseId('notice', campaign._id, period.key, visitor._id));
    if (noticeCase?.status === 'open') {
      const _ = ctx.db.command;
      const entry = { at: ctx.now, status: 'exempted' as const, by: actor.name, note: `豁免：${input.reason}` };
      const res = (await ctx.db.collection('cases').where({ _id: noticeCase._id, status: 'open' }).update({ data: { status: 'exempted', updatedAt: ctx.now, history: _.push([entry]) } })) as {
        stats?: { updated?: number };
      };
      if (res.stats?.updated) {
        await ctx.db.collection('audit').add({ data: { ...auditRecord(ctx, 'case.exempted', { collection: 'cases', docId: noticeCase._id, before: { status: 'open' }, after: { status: 'exempted' }, reason: input.reason }) } });
      }
    }
    return record;
  },
});
