// The township office's dashboard: per village households, grids, visitors, this period's completion, overdue
// visitors, this week's contact rate and hazards. A liaison sees their own village's row.
import { z } from 'zod';
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { findAll } from '../../infra/store';
import { actorOf } from '../../infra/orgRepo';
import { hasRole } from '../../infra/auth';
import type { AssignmentRecord } from '../../domain/org/records';
import type { HazardRecord, VisitTallyRecord } from '../../domain/visit/records';
import { type CampaignRecord } from '../../domain/quota/records';
import { type CaseRecord } from '../../domain/escalation/records';
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
    const mine = [...new Set(actor.grants.filter((g) => g.role === 'liaison').map((g) => g.scopeId))];
    const scope = all ? { townshipId } : { townshipId, _id: ctx.db.command.in(mine) };
    const campaign = (await findAll<CampaignRecord>(ctx.db, 'campaigns', { townshipId, active: true })).find((c) => periodAt(c, ctx.now));
    const period = campaign ? periodAt(campaign, ctx.now) : undefined;
    const week = isoWeekOf(ctx.now);
    const [villages, households, openCases] = await Promise.all([
      villageFacts(ctx, scope),
      householdFacts(ctx, all ? { townshipId, active: true } : { townshipId, active: true, villageId: ctx.db.command.in(mine) }, {
        campaignId: campaign?._id ?? null,
        periodKey: period?.key ?? null,
        weekKey: week.key,
      }),
      findAll<CaseRecord>(ctx.db, 'cases', { townshipId, status: ctx.db.command.in(['open', 'scheduled']) }),
    ]);
    const withOpenCases = new Set(openCases.map((c) => c.visitorPersonId));
    const hazards = hazardNumbers(
      villages.flatMap((v) => v.hazards),
      ctx.now,
    );
    const rows: VillageRow[] = villages
      .sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
      .map((village) => {
        const hs = households.get(village._id) ?? [];
        return villageRow(
          {
            village,
            activeHouseholdIds: hs.map((h) => h.id),
            grids: village.grids,
            holderOf: new Map(hs.flatMap((h) => holderNow(h.current, ctx.now)).map((a) => [a.householdId, a.visitorPersonId])),
            countedOf: new Map(hs.flatMap((h) => h.tallies.map((t) => [h.id, t.counted] as const))),
            visitorsWithOpenCases: withOpenCases,
            contactedHouseholdIds: new Set(hs.filter((h) => h.contacts > 0).map((h) => h.id)),
            hazards: hazards.find((n) => n.villageId === village._id),
          },
          period,
        );
      });
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

type HazardFact = Pick<HazardRecord, 'villageId' | 'status' | 'deadline'>;
interface VillageFact {
  _id: string;
  name: string;
  grids: number;
  hazards: HazardFact[];
}

/** Villages in scope with their number of grids and the few hazard fields the numbers need: one aggregation. */
async function villageFacts(ctx: ActionContext, scope: Record<string, unknown>): Promise<VillageFact[]> {
  const $ = ctx.db.command.aggregate;
  const res = (await ctx.db
    .collection('villages')
    .aggregate()
    .match(scope)
    .lookup({ from: 'grids', localField: '_id', foreignField: 'villageId', as: 'nwGrids' })
    .lookup({ from: 'hazards', localField: '_id', foreignField: 'villageId', as: 'nwHazards' })
    .project({
      name: 1,
      grids: $.size('$nwGrids'),
      hazards: $.map({ input: '$nwHazards', as: 'h', in: { villageId: '$$h.villageId', status: '$$h.status', deadline: '$$h.deadline' } }),
    })
    .limit(1000)
    .end()) as { list: VillageFact[] };
  return res.list.map((v) => ({ ...v, hazards: v.hazards.map((h) => ({ ...h, deadline: new Date(h.deadline) })) }));
}

interface HouseholdFact {
  id: string;
  current: Pick<AssignmentRecord, 'householdId' | 'visitorPersonId' | 'validFrom'>[];
  tallies: Pick<VisitTallyRecord, 'counted'>[];
  contacts: number;
}

/** Active households in scope, grouped by village, each with its open assignment, its tally of the period and whether
 * it was contacted this week: one aggregation that returns one row per village (never the visits or contacts). */
async function householdFacts(
  ctx: ActionContext,
  scope: Record<string, unknown>,
  at: { campaignId: string | null; periodKey: string | null; weekKey: string },
): Promise<Map<string, HouseholdFact[]>> {
  const $ = ctx.db.command.aggregate;
  const res = (await ctx.db
    .collection('households')
    .aggregate()
    .match(scope)
    .lookup({ from: 'assignments', localField: '_id', foreignField: 'householdId', as: 'nwAssignments' })
    .lookup({ from: 'visitTallies', localField: '_id', foreignField: 'householdId', as: 'nwTallies' })
    .lookup({ from: 'weeklyContacts', localField: '_id', foreignField: 'householdId', as: 'nwContacts' })
    .project({
      villageId: 1,
      current: $.map({
        input: $.filter({ input: '$nwAssignments', as: 'a', cond: $.eq(['$$a.validTo', null]) }),
        as: 'a',
        in: { householdId: '$$a.householdId', visitorPersonId: '$$a.visitorPersonId', validFrom: '$$a.validFrom' },
      }),
      tallies: $.map({
        input: $.filter({
          input: '$nwTallies',
          as: 't',
          cond: $.and([$.eq(['$$t.campaignId', at.campaignId]), $.eq(['$$t.periodKey', at.periodKey])]),
        }),
        as: 't',
        in: { counted: '$$t.counted' },
      }),
      contacts: $.size($.filter({ input: '$nwContacts', as: 'c', cond: $.eq(['$$c.weekKey', at.weekKey]) })),
    })
    .group({ _id: '$villageId', households: $.push({ id: '$_id', current: '$current', tallies: '$tallies', contacts: '$contacts' }) })
    .limit(1000)
    .end()) as { list: { _id: string; households: HouseholdFact[] }[] };
  return new Map(res.list.map((r) => [r._id, r.households]));
}

/** The household's holder now: its open assignment, once it has started. */
function holderNow(current: HouseholdFact['current'], now: Date): HouseholdFact['current'] {
  return current.filter((a) => new Date(a.validFrom) <= now).slice(0, 1);
}

/** Each visitor's visits this period and the unproven ones, counted by one aggregation (never the visits themselves),
 * with the visitor's name joined in the same request. */
async function visitorProofRows(ctx: ActionContext, townshipId: string, campaignId: string, periodKey: string): Promise<VisitorProofRow[]> {
  const $ = ctx.db.command.aggregate;
  const res = (await ctx.db
    .collection('visits')
    .aggregate()
    .match({ townshipId, campaignId, periodKey })
    .group({ _id: '$visitorPersonId', visits: $.sum(1), unproven: $.sum($.cond({ if: '$flaggedNoProof', then: 1, else: 0 })) })
    .lookup({ from: 'persons', localField: '_id', foreignField: '_id', as: 'nwPerson' })
    .project({ visits: 1, unproven: 1, name: $.arrayElemAt(['$nwPerson.name', 0]) })
    .limit(1000)
    .end()) as { list: { _id: string; visits: number; unproven: number; name?: string }[] };
  return res.list
    .map((r) => ({
      visitorPersonId: r._id,
      visitorName: r.name ?? r._id,
      visits: r.visits,
      unproven: r.unproven,
      unprovenPct: Math.round((r.unproven / Math.max(1, r.visits)) * 1000) / 10,
    }))
    .sort((a, b) => b.unprovenPct - a.unprovenPct || a.visitorName.localeCompare(b.visitorName));
}
