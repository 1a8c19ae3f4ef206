// The township office's dashboard: per village households, grids, visitors, this period's completion, overdue
// visitors, this week's contact rate and hazards. A liaison sees their own village's row.
import { z } from 'zod';
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { findAll, findByIds } from '../../infra/store';
import { actorOf } from '../../infra/orgRepo';
import { hasRole } from '../../infra/auth';
import type { AssignmentRecord, GridRecord, HouseholdRecord, PersonRecord, VillageRecord } from '../../domain/org/records';
import { tallyId, type HazardRecord, type VisitTallyRecord } from '../../domain/visit/records';
import { type CampaignRecord } from '../../domain/quota/records';
import { type CaseRecord } from '../../domain/escalation/records';
import type { WeeklyContactRecord } from '../../domain/grid/records';
import { periodAt } from '../../domain/quota/campaign';
import { isoWeekOf } from '../../domain/time/cst';
import { hazardNumbers } from '../../domain/visit/hazardNumbers';
import { villageRow } from '../../domain/dashboard/villageRows';
import type { Dashboard, VillageRow, VisitorProofRow } from '../../../typings/dashboard';

export const dashboard = defineAction({
  schema: z.object({}),
  access: ['office', 'discipline', 'liaison'],
  async run(ctx): Promise<Dashboard> {
    const actor = actorOf(ctx);
    const townshipId = actor.townshipId;
    const all = hasRole(actor, 'office', 'discipline');
    const mine = new Set(actor.grants.filter((g) => g.role === 'liaison').map((g) => g.scopeId));
    const villages = (await findAll<VillageRecord>(ctx.db, 'villages', { townshipId })).filter((v) => all || mine.has(v._id));
    const campaign = (await findAll<CampaignRecord>(ctx.db, 'campaigns', { townshipId, active: true })).find((c) => periodAt(c, ctx.now));
    const period = campaign ? periodAt(campaign, ctx.now) : undefined;
    const week = isoWeekOf(ctx.now);
    const rows: VillageRow[] = [];
    const hazards = hazardNumbers(await findAll<HazardRecord>(ctx.db, 'hazards', { townshipId }), ctx.now);
    const openCases = await findAll<CaseRecord>(ctx.db, 'cases', { townshipId, status: ctx.db.command.in(['open', 'scheduled']) });
    const withOpenCases = new Set(openCases.map((c) => c.visitorPersonId));
    for (const village of villages) {
      const households = (await findAll<HouseholdRecord>(ctx.db, 'households', { villageId: village._id })).filter((h) => h.active);
      const grids = await findAll<GridRecord>(ctx.db, 'grids', { villageId: village._id });
      const current = (await findAll<AssignmentRecord>(ctx.db, 'assignments', { villageId: village._id, validTo: null })).filter(
        (a) => new Date(a.validFrom) <= ctx.now,
      );
      const tallies =
        campaign && period
          ? await findByIds<VisitTallyRecord>(
              ctx.db,
              'visitTallies',
              households.map((h) => tallyId(campaign._id, period.key, h._id)),
            )
          : [];
      const contacts = await findAll<WeeklyContactRecord>(ctx.db, 'weeklyContacts', { villageId: village._id, weekKey: week.key });
      rows.push(
        villageRow(
          {
            village,
            activeHouseholdIds: households.map((h) => h._id),
            grids: grids.length,
            holderOf: new Map(current.map((a) => [a.householdId, a.visitorPersonId])),
            countedOf: new Map(tallies.map((t) => [t.householdId, t.counted])),
            visitorsWithOpenCases: withOpenCases,
            contactedHouseholdIds: new Set(contacts.map((c) => c.householdId)),
            hazards: hazards.find((n) => n.villageId === village._id),
          },
          period,
        ),
      );
    }
    const visitorProof = all && campaign && period ? await visitorProofRows(ctx, townshipId, campaign._id, period.key) : undefined;
    return {
      campaignName: campaign?.name ?? null,
      periodLabel: period?.label ?? null,
      weekKey: week.key,
      villages: rows,
      ...(visitorProof ? { visitorProof } : {}),
    };
  },
});

/** Each visitor's visits this period and the unproven ones, counted by one aggregation (never the visits themselves). */
async function visitorProofRows(ctx: ActionContext, townshipId: string, campaignId: string, periodKey: string): Promise<VisitorProofRow[]> {
  const $ = ctx.db.command.aggregate;
  const res = (await ctx.db
    .collection('visits')
    .aggregate()
    .match({ townshipId, campaignId, periodKey })
    .group({ _id: '$visitorPersonId', visits: $.sum(1), unproven: $.sum($.cond({ if: '$flaggedNoProof', then: 1, else: 0 })) })
    .limit(1000)
    .end()) as { list: { _id: string; visits: number; unproven: number }[] };
  const names = new Map(
    (
      await findByIds<PersonRecord>(
        ctx.db,
        'persons',
        res.list.map((r) => r._id),
      )
    ).map((p) => [p._id, p.name]),
  );
  return res.list
    .map((r) => ({
      visitorPersonId: r._id,
      visitorName: names.get(r._id) ?? r._id,
      visits: r.visits,
      unproven: r.unproven,
      unprovenPct: Math.round((r.unproven / Math.max(1, r.visits)) * 1000) / 10,
    }))
    .sort((a, b) => b.unprovenPct - a.unprovenPct || a.visitorName.localeCompare(b.visitorName));
}
