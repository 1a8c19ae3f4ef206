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
import { count, findAll, getById, inTransaction, txGet } from '../../infra/store';
import { DEFAULT_RULES } from '../../domain/quota/campaign';
import type { CampaignRecord } from '../../domain/quota/records';
import { asCampaign, campaignProblem, closedPeriodProblem, newPeriodKey, removalProblem } from '../../domain/visit/campaignEdit';
import { campaignCalendar } from '../../domain/visit/campaignCalendar';
import { presetCampaignRecord } from '../../domain/visit/campaignPresets';
import type { Problem } from '../../domain/visit/problem';
import {
  addPeriodSchema,
  createCampaignSchema,
  getCampaignSchema,
  listCampaignsSchema,
  MAX_PERIODS,
  removePeriodSchema,
  updateCampaignSchema,
} from '../../domain/visit/schemas';
import { campaignView } from '../../domain/visit/views';

const CADRES = ['office', 'discipline', 'liaison', 'visitor'] as const;

async function requireCampaign(ctx: ActionContext, campaignId: string): Promise<CampaignRecord> {
  const c = await getById<CampaignRecord>(ctx.db, 'campaigns', campaignId);
  if (!c || c.townshipId !== actorOf(ctx).townshipId) throw new AppError('NOT_FOUND', '该行动不存在', 'campaignId');
  return c;
}

function refuse(problem: Problem | null): void {
  if (problem) throw new AppError(problem.code, problem.message, problem.field);
}

function refuseInvalid(record: CampaignRecord): void {
  const { phases, keyDates } = campaignCalendar(record);
  refuse(campaignProblem(asCampaign(record), phases, keyDates));
}

/** Visits recorded in each of a campaign's periods that an edit would drop: a period with visits is never removed. */
async function visitsIn(ctx: ActionContext, campaignId: string, periodKeys: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const periodKey of periodKeys) out.set(periodKey, await count(ctx.db, 'visits', { campaignId, periodKey }));
  return out;
}

function droppedKeys(before: CampaignRecord, next: readonly { key: string }[]): string[] {
  return before.periods.filter((p) => !next.some((n) => n.key === p.key)).map((p) => p.key);
}

/** Dropping periods: each must pass the removal rule with the visits counted before the transaction read the campaign. */
function dropProblem(before: CampaignRecord, next: readonly { key: string }[], counted: Map<string, number>, now: Date): Problem | null {
  for (const key of droppedKeys(before, next)) {
    const visits = counted.get(key);
    if (visits === undefined) return { code: 'CONFLICT', message: '行动设置刚被修改，请刷新后重试', field: 'periods' };
    const problem = removalProblem(before, key, visits, now);
    // removing every period at once is the schema's refusal (at least one), not this rule's
    if (problem && problem.code !== 'CAMPAIGN_INVALID') return { ...problem, field: 'periods' };
  }
  return null;
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
            keyDates: [],
            createdAt: ctx.now,
            updatedAt: ctx.now,
          };
      const record: CampaignRecord = {
        ...base,
        name: input.name ?? base.name,
        rules: { ...base.rules, ...input.rules },
        phases: input.phases ?? base.phases,
        keyDates: input.keyDates ?? base.keyDates ?? [],
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
      const seen = await requireCampaign(ctx, input.campaignId);
      const counted = input.periods ? await visitsIn(ctx, seen._id, droppedKeys(seen, input.periods)) : new Map<string, number>();
      const after = await inTransaction(ctx.db, async (tx) => {
        // read inside the transaction: the escalation job may have just closed a period
        const before = await txGet<CampaignRecord>(tx, 'campaigns', input.campaignId);
        if (!before) throw new AppError('NOT_FOUND', '该行动不存在', 'campaignId');
        const patch: Partial<CampaignRecord> = { updatedAt: ctx.now };
        if (input.name !== undefined) patch.name = input.name;
        if (input.rules !== undefined) patch.rules = { ...before.rules, ...input.rules };
        if (input.periods !== undefined) patch.periods = input.periods;
        if (input.phases !== undefined || input.keyDates !== undefined) {
          // the first edit of a campaign stored with its key dates among the phases separates the two lists
          const calendar = campaignCalendar(before);
          patch.phases = input.phases ?? calendar.phases;
          patch.keyDates = input.keyDates ?? calendar.keyDates;
        }
        if (input.active !== undefined) patch.active = input.active;
        if (input.periods) {
          refuse(closedPeriodProblem(before, input.periods, ctx.now));
          refuse(dropProblem(before, input.periods, counted, ctx.now));
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

export const addPeriod = defineAction({
  schema: addPeriodSchema,
  access: ['office'],
  run: (ctx, input) =>
    idempotent(ctx, 'addPeriod', async (): Promise<CampaignView> => {
      await requireCampaign(ctx, input.campaignId);
      const after = await inTransaction(ctx.db, async (tx) => {
        const before = await txGet<CampaignRecord>(tx, 'campaigns', input.campaignId);
        if (!before) throw new AppError('NOT_FOUND', '该行动不存在', 'campaignId');
        const { campaignId: _c, ...fields } = input;
        const period = {
          key: newPeriodKey(
            fields,
            before.periods.map((p) => p.key),
          ),
          ...fields,
        };
        const periods = [...before.periods, period].sort((a, b) => a.startDay.localeCompare(b.startDay));
        if (periods.length > MAX_PERIODS) throw new AppError('CAMPAIGN_INVALID', `时段最多${MAX_PERIODS}个`, 'periods');
        refuse(closedPeriodProblem(before, periods, ctx.now));
        const next: CampaignRecord = { ...before, periods, updatedAt: ctx.now };
        refuseInvalid(next);
        await tx
          .collection('campaigns')
          .doc(before._id)
          .update({ data: { periods, updatedAt: ctx.now } });
        await writeAudit(tx, ctx, 'addPeriod', { collection: 'campaigns', docId: before._id, before, after: next });
        return next;
      });
      return campaignView(after, ctx.now);
    }),
});

/** Only a period that has not ended and has no visits may be removed (PERIOD_CLOSED, PERIOD_HAS_VISITS). */
export const removePeriod = defineAction({
  schema: removePeriodSchema,
  access: ['office'],
  run: (ctx, input) =>
    idempotent(ctx, 'removePeriod', async (): Promise<CampaignView> => {
      await requireCampaign(ctx, input.campaignId);
      const visits = await count(ctx.db, 'visits', { campaignId: input.campaignId, periodKey: input.periodKey });
      const after = await inTransaction(ctx.db, async (tx) => {
        const before = await txGet<CampaignRecord>(tx, 'campaigns', input.campaignId);
        if (!before) throw new AppError('NOT_FOUND', '该行动不存在', 'campaignId');
        refuse(removalProblem(before, input.periodKey, visits, ctx.now));
        const periods = before.periods.filter((p) => p.key !== input.periodKey);
        const next: CampaignRecord = { ...before, periods, updatedAt: ctx.now };
        await tx
          .collection('campaigns')
          .doc(before._id)
          .update({ data: { periods, updatedAt: ctx.now } });
        await writeAudit(tx, ctx, 'removePeriod', { collection: 'campaigns', docId: before._id, before, after: next });
        return next;
      });
      return campaignView(after, ctx.now);
    }),
});
