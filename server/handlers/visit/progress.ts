// A visitor's progress (SPEC §3): for the running period, each assigned household with counted/needed, the earliest
// day the next visit can count, whether the quota is still reachable, and hazards waiting for verification.
import type { HouseholdDutyView, MyHouseholdsResult } from '../../../typings/visit';
import { defineAction } from '../../infra/dispatch';
import { actorOf } from '../../infra/orgRepo';
import { currentAssignmentWhere } from '../../infra/orgScope';
import { activeCampaigns } from '../../infra/visitRepo';
import { findAll, findByIds } from '../../infra/store';
import { cstDay } from '../../domain/time/cst';
import { isCurrent } from '../../domain/org/assignmentInterval';
import type { AssignmentRecord, HouseholdRecord } from '../../domain/org/records';
import { householdProgress, type VisitFact } from '../../domain/quota/visitQuota';
import { tallyId, type HazardRecord, type VisitTallyRecord } from '../../domain/visit/records';
import { campaignPeriodAt } from '../../domain/visit/campaignEdit';
import { byUrgency, mustVisitBy } from '../../domain/visit/duties';
import { hazardState } from '../../domain/visit/hazardState';
import { myHouseholdsSchema } from '../../domain/visit/schemas';

const UNVERIFIED = ['open', 'rectificationClaimed', 'notRectified'];

function countedFacts(t: VisitTallyRecord | undefined): VisitFact[] {
  if (!t) return [];
  return t.eligible
    .filter((e) => t.countedVisitIds.includes(e.visitId))
    .map((e) => ({ id: e.visitId, householdId: t.householdId, visitorId: e.visitorPersonId, at: new Date(e.at) }));
}

const isPriority = (h: HouseholdRecord) => Object.values(h.vulnerability ?? {}).some(Boolean);

export const myHouseholds = defineAction({
  schema: myHouseholdsSchema,
  access: ['visitor'],
  async run(ctx, input): Promise<MyHouseholdsResult> {
    const actor = actorOf(ctx);
    const today = cstDay(ctx.now);
    const held = (
      await findAll<AssignmentRecord>(
        ctx.db,
        'assignments',
        currentAssignmentWhere(ctx, { townshipId: actor.townshipId, visitorPersonId: actor.personId }),
      )
    ).filter((a) => isCurrent(a, ctx.now) && new Date(a.validFrom).getTime() <= ctx.now.getTime());
    const householdIds = [...new Set(held.map((a) => a.householdId))];
    const households = (await findByIds<HouseholdRecord>(ctx.db, 'households', householdIds)).filter((h) => h.active);
    const running = campaignPeriodAt(await activeCampaigns(ctx), ctx.now);
    const tallies = running
      ? await findByIds<VisitTallyRecord>(
          ctx.db,
          'visitTallies',
          households.map((h) => tallyId(running.record._id, running.period.key, h._id)),
        )
      : [];
    const tallyOf = new Map(tallies.map((t) => [t.householdId, t]));
    const hazards = await findAll<HazardRecord>(ctx.db, 'hazards', {
      visitorPersonId: actor.personId,
      status: ctx.db.command.in(UNVERIFIED),
    });

    const items: HouseholdDutyView[] = households.map((h) => {
      const mine = hazards.filter((z) => z.householdId === h._id);
      const tally = tallyOf.get(h._id);
      const lastAt = tally?.eligible.length ? tally.eligible[tally.eligible.length - 1].at : null;
      const base = {
        householdId: h._id,
        address: h.address,
        headName: h.headName,
        villageId: h.villageId,
        gridId: h.gridId,
        priority: isPriority(h),
        hazardsToVerify: mine.length,
        overdueHazards: mine.filter((z) => hazardState({ status: z.status, deadline: new Date(z.deadline) }, ctx.now).overdue).length,
        lastVisitAt: lastAt ? new Date(lastAt).toISOString() : null,
      };
      if (!running) return { ...base, counted: 0, needed: 0, nextCountableDay: null, mustVisitBy: null, atRisk: false };
      const progress = householdProgress(h._id, countedFacts(tally), running.period, running.record.rules, today);
      return {
        ...base,
        counted: progress.counted,
        needed: progress.needed,
        nextCountableDay: progress.nextCountableDay,
        mustVisitBy: mustVisitBy(progress, running.period, running.record.rules),
        atRisk: progress.atRisk,
      };
    });
    items.sort(byUrgency);
    const start = (input.page - 1) * input.pageSize;
    return {
      campaign: running ? { id: running.record._id, name: running.record.name } : null,
      period: running
        ? {
            key: running.period.key,
            label: running.period.label,
            startDay: running.period.startDay,
            endDay: running.period.endDay,
            quota: running.period.quota,
          }
        : null,
      today,
      items: items.slice(start, start + input.pageSize),
      total: items.length,
      page: input.page,
      pageSize: input.pageSize,
    };
  },
});
