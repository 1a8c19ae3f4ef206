// Campaigns 行动 as data (SPEC §3): the township office creates and edits them; every cadre reads them.
// "Edits never rewrite a closed period": a closed or ended period must come back unchanged.
import type { CampaignView } from '../../../typings/visit';
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { AppError } from '../../infra/errors';
import { writeAudit } from '../../infra/audit';
import { idempotent } from '../../infra/idempotency';
import { actorOf } from '../../infra/orgRepo';
import { ensureBuiltInTemplates } from '../../infra/checklistRepo';
import { newDocId } from '../../infra/visitRepo';
import { findAll, getById, inTransaction, txGet } from '../../infra/store';
import { DEFAULT_RULES } from '../../domain/quota/campaign';
import type { CampaignRecord } from '../../domain/quota/records';
import { asCampaign, campaignProblem, closedPeriodProblem } from '../../domain/visit/campaignEdit';
import { presetCampaignRecord } from '../../domain/visit/campaignPresets';
import { createCampaignSchema, getCampaignSchema, listCampaignsSchema, updateCampaignSchema } from '../../domain/visit/schemas';
import { campaignView } from '../../domain/visit/views';

const CADRES = ['office', 'discipline', 'liaison', 'visitor'] as const;

async function requireCampaign(ctx: ActionContext, campaignId: string): Promise<CampaignRecord> {
  const c = await getById<CampaignRecord>(ctx.db, 'campaigns', campaignId);
  if (!c || c.townshipId !== actorOf(ctx).townshipId) throw new AppError('NOT_FOUND', '该行动不存在', 'campaignId');
  return c;
}

function refuseInvalid(record: CampaignRecord): void {
  const problem = campaignProblem(asCampaign(record), record.phases);
  if (problem) throw new AppError(problem.code, problem.message, problem.field);
}

export const listCampaigns = defineAction({
  schema: listCampaignsSchema,
  access: CADRES,
  async run(ctx): Promise<CampaignView[]> {
    const rows = await findAll<CampaignRecord>(ctx.db, 'campaigns', { townshipId: actorOf(ctx).townshipId });
    return rows
      .sort(
        (a, b) =>
          Number(b.active) - Number(a.active) ||
          new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime() ||
          a._id.localeCompare(b._id),
      )
      .map((c) => campaignView(c, ctx.now));
  },
});

export const getCampaign = defineAction({
  schema: getCampaignSchema,
  access: CADRES,
  async run(ctx, input): Promise<CampaignView> {
    return campaignView(await requireCampaign(ctx, input.campaignId), ctx.now);
  },
});

export const createCampaign = defineAction({
  schema: createCampaignSchema,
  access: ['office'],
  run: (ctx, input) =>
    idempotent(ctx, 'createCampaign', async (): Promise<CampaignView> => {
      const townshipId = actorOf(ctx).townshipId;
      const base: CampaignRecord = input.preset
        ? presetCampaignRecord(townshipId, input.preset, { active: input.active, now: ctx.now })
        : {
            _id: newDocId(),
            townshipId,
            name: input.name!,
            rules: { ...DEFAULT_RULES },
            periods: input.periods!,
            closedPeriodKeys: [],
            active: input.active,
            phases: [],
            createdAt: ctx.now,
            updatedAt: ctx.now,
          };
      const record: CampaignRecord = {
        ...base,
        name: input.name ?? base.name,
        rules: { ...base.rules, ...input.rules },
        phases: input.phases ?? base.phases,
      };
      refuseInvalid(record);
      await inTransaction(ctx.db, async (tx) => {
        if (await txGet<CampaignRecord>(tx, 'campaigns', record._id))
          throw new AppError('CONFLICT', `本镇已建立“${record.name}”，请直接编辑`, 'preset');
        await tx.collection('campaigns').add({ data: { ...record } });
        await writeAudit(tx, ctx, 'createCampaign', { collection: 'campaigns', docId: record._id, before: null, after: record });
      });
      // the checklist a campaign's visits fill must exist as data
      await ensureBuiltInTemplates(ctx.db);
      return campaignView(record, ctx.now);
    }),
});

export const updateCampaign = defineAction({
  schema: updateCampaignSchema,
  access: ['office'],
  run: (ctx, input) =>
    idempotent(ctx, 'updateCampaign', async (): Promise<CampaignView> => {
      await requireCampaign(ctx, input.campaignId);
      const after = await inTransaction(ctx.db, async (tx) => {
        // read inside the transaction: the escalation job may have just closed a period
        const before = await txGet<CampaignRecord>(tx, 'campaigns', input.campaignId);
        if (!before) throw new AppError('NOT_FOUND', '该行动不存在', 'campaignId');
        const patch: Partial<CampaignRecord> = { updatedAt: ctx.now };
        if (input.name !== undefined) patch.name = input.name;
        if (input.rules !== undefined) patch.rules = { ...before.rules, ...input.rules };
        if (input.periods !== undefined) patch.periods = input.periods;
        if (input.phases !== undefined) patch.phases = input.phases;
        if (input.active !== undefined) patch.active = input.active;
        if (input.periods) {
          const closed = closedPeriodProblem(before, input.periods, ctx.now);
          if (closed) throw new AppError(closed.code, closed.message, closed.field);
        }
        const after: CampaignRecord = { ...before, ...patch };
        refuseInvalid(after);
        await tx.collection('campaigns').doc(before._id).update({ data: patch });
        await writeAudit(tx, ctx, 'updateCampaign', { collection: 'campaigns', docId: before._id, before, after });
        return after;
      });
      return campaignView(after, ctx.now);
    }),
});
