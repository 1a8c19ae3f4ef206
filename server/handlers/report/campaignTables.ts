// The campaign tables of one period: seed 001's 附件3 statistics per village and the discipline office's
// visitor-by-visitor compliance sheet. Both read the per-household tallies, never the visits.
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { actorOf } from '../../infra/orgRepo';
import { findAll, findByIds } from '../../infra/store';
import { publishExport } from '../../infra/exportFile';
import { once, writeTableXlsx } from '../../infra/xlsx';
import { cstDay } from '../../domain/time/cst';
import { periodStartInstant, type Period } from '../../domain/quota/campaign';
import type { AssignmentRecord, GridRecord, HouseholdRecord, PersonRecord, VillageRecord } from '../../domain/org/records';
import type { CampaignRecord } from '../../domain/quota/records';
import type { CaseLevel, CaseRecord, CaseStatus } from '../../domain/escalation/records';
import type { HazardRecord, VisitTallyRecord } from '../../domain/visit/records';
import { asOf, heldAt } from '../../domain/report/period';
import { STATS_TABLE_001, statsRows, villageStats } from '../../domain/report/stats001';
import { COMPLIANCE_TABLE, complianceLines, complianceRow } from '../../domain/report/compliance';
import { chineseDay } from '../../domain/report/layout';
import { periodExportSchema } from '../../domain/report/schemas';
import { fillerOf, startedPeriod, type Filler } from './context';
import type { ExportDone } from '../../../typings/report';

interface PeriodData {
  held: { householdId: string; visitorPersonId: string }[];
  counted: Map<string, number>;
  households: HouseholdRecord[];
  cases: CaseRecord[];
}

async function periodData(ctx: ActionContext, campaign: CampaignRecord, period: Period): Promise<PeriodData> {
  const townshipId = actorOf(ctx).townshipId;
  const assignments = (await findAll<AssignmentRecord>(ctx.db, 'assignments', { townshipId })).map((a) => ({
    ...a,
    validFrom: new Date(a.validFrom),
    validTo: a.validTo ? new Date(a.validTo) : null,
  }));
  const held = heldAt(assignments, asOf(period, ctx.now)).map((a) => ({ householdId: a.householdId, visitorPersonId: a.visitorPersonId }));
  const tallies = await findAll<VisitTallyRecord>(ctx.db, 'visitTallies', { campaignId: campaign._id, periodKey: period.key });
  const households = await findAll<HouseholdRecord>(ctx.db, 'households', { townshipId });
  const cases = await findAll<CaseRecord>(ctx.db, 'cases', { campaignId: campaign._id, periodKey: period.key });
  return { held, counted: new Map(tallies.map((t) => [t.householdId, t.counted])), households, cases };
}

function periodLine(filler: Filler, campaign: CampaignRecord, period: Period, now: Date): string {
  return `填报单位：${filler.townshipName}        填报人：${filler.name}        联系电话：${filler.phone}        统计周期：${campaign.name} ${period.label}（${period.startDay}至${period.endDay}）        填报时间：${chineseDay(cstDay(now))}`;
}

export const exportStats001 = defineAction({
  schema: periodExportSchema,
  access: ['office'],
  async run(ctx, input): Promise<ExportDone> {
    const { campaign, period } = await startedPeriod(ctx, input.campaignId, input.periodKey);
    const townshipId = actorOf(ctx).townshipId;
    const filler = await fillerOf(ctx);
    const data = await periodData(ctx, campaign, period);
    const villages = (await findAll<VillageRecord>(ctx.db, 'villages', { townshipId })).sort((a, b) => a._id.localeCompare(b._id));
    const grids = await findAll<GridRecord>(ctx.db, 'grids', { townshipId });
    const _ = ctx.db.command;
    const hazards = await findAll<HazardRecord>(ctx.db, 'hazards', {
      townshipId,
      reportedAt: _.gte(periodStartInstant(period)).and(_.lt(asOf(period, ctx.now))),
    });
    const villageOf = new Map(data.households.map((h) => [h._id, h.villageId]));
    const stats = villageStats({
      villages,
      households: data.households,
      grids,
      held: data.held,
      counted: data.counted,
      quota: period.quota,
      hazards,
      cases: data.cases.map((c) => ({
        level: c.level,
        villageIds: [...new Set(c.shortHouseholds.map((h) => villageOf.get(h.householdId) ?? ''))],
      })),
    });
    const rows = statsRows(stats, new Set(data.held.map((h) => h.visitorPersonId)).size);
    const { file } = await writeTableXlsx(
      STATS_TABLE_001,
      { above: [periodLine(filler, campaign, period, ctx.now)], below: [] },
      once(rows),
    );
    return publishExport(ctx, 'stats001', `${campaign._id}:${period.key}`, `${STATS_TABLE_001.title}-${period.label}`, file, stats.length);
  },
});

/** The furthest case of each visitor in the period: an interview outranks the notice it grew from. */
function casesByVisitor(cases: readonly CaseRecord[]): Map<string, { level: CaseLevel; status: CaseStatus }> {
  const out = new Map<string, { level: CaseLevel; status: CaseStatus }>();
  for (const c of cases) {
    const seen = out.get(c.visitorPersonId);
    if (!seen || (seen.level === 'notice' && c.level === 'interview')) out.set(c.visitorPersonId, { level: c.level, status: c.status });
  }
  return out;
}

export const exportCompliance = defineAction({
  schema: periodExportSchema,
  access: ['office', 'discipline'],
  async run(ctx, input): Promise<ExportDone> {
    const { campaign, period } = await startedPeriod(ctx, input.campaignId, input.periodKey);
    const filler = await fillerOf(ctx);
    const data = await periodData(ctx, campaign, period);
    const visitors = await findByIds<PersonRecord>(ctx.db, 'persons', [...new Set(data.held.map((h) => h.visitorPersonId))]);
    const lines = complianceLines({
      held: data.held,
      counted: data.counted,
      quota: period.quota,
      visitorNames: new Map(visitors.map((v) => [v._id, v.name])),
      addresses: new Map(data.households.map((h) => [h._id, h.address])),
      cases: casesByVisitor(data.cases),
    });
    const { file } = await writeTableXlsx(
      COMPLIANCE_TABLE,
      { above: [periodLine(filler, campaign, period, ctx.now)], below: [] },
      once(lines.map((l, i) => complianceRow(i + 1, l, period.quota))),
    );
    return publishExport(
      ctx,
      'compliance',
      `${campaign._id}:${period.key}`,
      `${COMPLIANCE_TABLE.title}-${period.label}`,
      file,
      lines.length,
    );
  },
});
