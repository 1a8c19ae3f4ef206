// What every export reads first: the township, the filler's own phone, the village names, the campaign period.
import type { ActionContext } from '../../infra/dispatch';
import { AppError, notFound } from '../../infra/errors';
import { actorOf, requireTownship } from '../../infra/orgRepo';
import { findAll, getById } from '../../infra/store';
import type { PersonRecord, VillageRecord } from '../../domain/org/records';
import type { CampaignRecord } from '../../domain/quota/records';
import type { Period } from '../../domain/quota/campaign';
import { periodNotStartedRefusal } from '../../domain/report/period';

export interface Filler {
  townshipName: string;
  name: string;
  phone: string;
}

export async function fillerOf(ctx: ActionContext): Promise<Filler> {
  const actor = actorOf(ctx);
  const township = await requireTownship(ctx);
  const me = await getById<PersonRecord>(ctx.db, 'persons', actor.personId);
  return { townshipName: township.name, name: actor.name, phone: me?.phone ?? '' };
}

export async function villageNames(ctx: ActionContext): Promise<Map<string, string>> {
  const villages = await findAll<VillageRecord>(ctx.db, 'villages', { townshipId: actorOf(ctx).townshipId });
  return new Map(villages.map((v) => [v._id, v.name]));
}

export async function startedPeriod(
  ctx: ActionContext,
  campaignId: string,
  periodKey: string,
): Promise<{ campaign: CampaignRecord; period: Period }> {
  const campaign = await getById<CampaignRecord>(ctx.db, 'campaigns', campaignId);
  if (!campaign || campaign.townshipId !== actorOf(ctx).townshipId) throw notFound('该行动');
  const period = campaign.periods.find((p) => p.key === periodKey);
  if (!period) throw notFound('该周期');
  const refusal = periodNotStartedRefusal(period, ctx.now);
  if (refusal) throw new AppError('PERIOD_NOT_STARTED', refusal, 'periodKey');
  return { campaign, period };
}
