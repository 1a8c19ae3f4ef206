// What the township office watches (SPEC §7b): overdue inspections, referrals and hazards in one list; the quarterly
// supervision summary (004 三(三)); and the two .xlsx exports — the place inspection ledger and the quarterly summary.
import type { ExportDone } from '../../../typings/report';
import type { OverdueOverview, QuarterlyReport } from '../../../typings/place';
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { AppError } from '../../infra/errors';
import { publishExport } from '../../infra/exportFile';
import { findAll, findByIds } from '../../infra/store';
import { once, writeTableXlsx, type Cell } from '../../infra/xlsx';
import { cstDay } from '../../domain/time/cst';
import { quarterByKey, quarterOf, planKey, type PlanPeriod } from '../../domain/place/coverage';
import { AUTHORITY_LABELS, PLACE_TYPE_LABELS, RISK_LABELS } from '../../domain/place/placeTypes';
import { LEDGER_LAYOUT, QUARTERLY_LAYOUT, quarterPlanRows } from '../../domain/place/quarter';
import type { InspectionRecord, PlaceHazardRecord, PlaceRecord, PlanRecord, ReferralRecord } from '../../domain/place/records';
import { referralOverdue } from '../../domain/place/rules';
import { inspectorLabel } from '../../domain/place/views';
import { STATUS_LABELS } from '../../domain/resident/rules';
import { hazardState } from '../../domain/visit/hazardState';
import { ledgerExportSchema, overdueOverviewSchema, quarterSchema } from '../../domain/place/schemas';
import { overdueHazards, hazardViews } from './hazards';
import { overdueReferrals, referralViews } from './referrals';
import { dueRowsOf, planViews } from './plans';
import { activePlans, openHazardCounts, statesOf, townshipOf, townshipPlaces, villageNames } from './repo';

/** how many rows of each kind the overview shows; the totals say how many there are */
const SHOWN = 20;

export const overdueOverview = defineAction({
  schema: overdueOverviewSchema,
  access: ['office', 'discipline'],
  async run(ctx): Promise<OverdueOverview> {
    const plans = await activePlans(ctx);
    const [states, names, counts, referrals, hazards] = await Promise.all([
      statesOf(ctx, plans),
      villageNames(ctx),
      openHazardCounts(ctx),
      overdueReferrals(ctx),
      overdueHazards(ctx),
    ]);
    const late = dueRowsOf(states, names, counts).filter((r) => r.standing === 'overdue');
    return {
      plans: planViews(
        [...states].sort((a, b) => a.plan._id.localeCompare(b.plan._id)),
        cstDay(ctx.now),
        names,
      ),
      inspections: late.slice(0, SHOWN),
      inspectionsTotal: late.length,
      referrals: await referralViews(ctx, referrals.slice(0, SHOWN)),
      hazards: await hazardViews(ctx, hazards.slice(0, SHOWN)),
    };
  },
});

function quarterAsked(ctx: ActionContext, key: string | undefined): PlanPeriod {
  const q = key ? quarterByKey(key) : quarterOf(cstDay(ctx.now));
  if (!q) throw new AppError('INVALID_INPUT', '季度格式应为“年-Q季度”，如 2026-Q4', 'quarter');
  return q;
}

const inDays = (at: Date | null, q: PlanPeriod) => !!at && cstDay(new Date(at)) >= q.startDay && cstDay(new Date(at)) <= q.endDay;

async function quarterlyReportOf(ctx: ActionContext, q: PlanPeriod): Promise<QuarterlyReport> {
  const townshipId = townshipOf(ctx);
  const _ = ctx.db.command;
  const [plans, places, names, inspections, hazards, referrals] = await Promise.all([
    activePlans(ctx),
    townshipPlaces(ctx),
    villageNames(ctx),
    findAll<InspectionRecord>(ctx.db, 'inspections', { townshipId, day: _.gte(q.startDay).and(_.lte(q.endDay)) }),
    findAll<PlaceHazardRecord>(ctx.db, 'placeHazards', { townshipId }),
    findAll<ReferralRecord>(ctx.db, 'referrals', { townshipId }),
  ]);
  const today = cstDay(ctx.now);
  const label = (p: PlanRecord) => inspectorLabel(p, (id) => names.get(id) ?? '');
  const officeKey = planKey({ inspectorRole: 'office', inspectorScope: townshipId });
  return {
    quarter: q.key,
    label: q.label,
    fromDay: q.startDay,
    toDay: q.endDay,
    plans: quarterPlanRows(
      [...plans].sort((a, b) => a._id.localeCompare(b._id)),
      places,
      inspections,
      q,
      today,
      label,
    ),
    inspections: inspections.length,
    hazardsFound: hazards.filter((h) => inDays(h.reportedAt, q)).length,
    hazardsVerified: hazards.filter((h) => h.status === 'verified' && inDays(h.verifiedAt, q)).length,
    hazardsOverdue: hazards.filter((h) => hazardState({ status: h.status, deadline: new Date(h.deadline) }, ctx.now).overdue).length,
    referrals: referrals.filter((r) => inDays(r.createdAt, q)).length,
    referralsAnswered: referrals.filter((r) => r.status === 'answered' && inDays(r.answeredAt, q)).length,
    referralsOverdue: referrals.filter((r) => referralOverdue(r, ctx.now)).length,
    specialInspections: inspections.filter((i) => i.asInspector.includes(officeKey)).length,
  };
}

export const quarterlyReport = defineAction({
  schema: quarterSchema,
  access: ['office', 'discipline'],
  run: (ctx, input) => quarterlyReportOf(ctx, quarterAsked(ctx, input.quarter)),
});

export const exportQuarterlySummary = defineAction({
  schema: quarterSchema,
  access: ['office'],
  async run(ctx, input): Promise<ExportDone> {
    const report = await quarterlyReportOf(ctx, quarterAsked(ctx, input.quarter));
    const rows: Cell[][] = report.plans.map((p, i) => [
      i + 1,
      p.planName,
      p.inspectorLabel,
      p.frequencyLabel,
      p.places,
      p.owed,
      p.made,
      p.missed,
      p.coveragePct,
    ]);
    const { file } = await writeTableXlsx(
      QUARTERLY_LAYOUT,
      {
        above: [`季度：${report.label}（${report.fromDay} 至 ${report.toDay}）`],
        below: [
          `本季度检查${report.inspections}次，其中镇专项督查${report.specialInspections}次。`,
          `发现隐患${report.hazardsFound}处，核实整改${report.hazardsVerified}处，逾期未整改${report.hazardsOverdue}处。`,
          `转办部门${report.referrals}件，部门已反馈${report.referralsAnswered}件，逾期未反馈${report.referralsOverdue}件。`,
          '应检次数：本季度已结束的每个检查周期内，计划中的每个场所应检查1次。',
        ],
      },
      once(rows),
    );
    return publishExport(ctx, 'placeQuarterly', report.quarter, QUARTERLY_LAYOUT.title, file, rows.length);
  },
});

function hazardLine(h: PlaceHazardRecord, now: Date): string {
  const state = hazardState({ status: h.status, deadline: new Date(h.deadline) }, now);
  return `${h.category}：${h.description}（期限${cstDay(new Date(h.deadline))}，${STATUS_LABELS[h.status]}${state.overdue ? '，已逾期' : ''}）`;
}

export const exportPlaceLedger = defineAction({
  schema: ledgerExportSchema,
  access: ['office'],
  async run(ctx, input): Promise<ExportDone> {
    const q = quarterOf(cstDay(ctx.now));
    const fromDay = input.fromDay ?? q.startDay;
    const toDay = input.toDay ?? q.endDay;
    const _ = ctx.db.command;
    const townshipId = townshipOf(ctx);
    const inspections = await findAll<InspectionRecord>(ctx.db, 'inspections', { townshipId, day: _.gte(fromDay).and(_.lte(toDay)) });
    const [places, plans, hazards, names] = await Promise.all([
      findByIds<PlaceRecord>(
        ctx.db,
        'places',
        inspections.map((i) => i.placeId),
      ),
      findByIds<PlanRecord>(
        ctx.db,
        'inspectionPlans',
        inspections.map((i) => i.planId),
      ),
      findByIds<PlaceHazardRecord>(ctx.db, 'placeHazards', [
        ...inspections.flatMap((i) => i.hazardIds),
        ...inspections.flatMap((i) => i.checks.map((c) => c.hazardId)),
      ]),
      villageNames(ctx),
    ]);
    const place = new Map(places.map((p) => [p._id, p]));
    const plan = new Map(plans.map((p) => [p._id, p]));
    const hazard = new Map(hazards.map((h) => [h._id, h]));
    const sorted = [...inspections].sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime() || a._id.localeCompare(b._id));
    const rows: Cell[][] = sorted.map((i, n) => {
      const p = place.get(i.placeId);
      const found = i.hazardIds.map((id) => hazard.get(id)).filter((h): h is PlaceHazardRecord => !!h);
      const checks = i.checks.map(
        (c) => `${hazard.get(c.hazardId)?.category ?? ''}：${c.rectified ? '已整改到位' : `未整改，重新限期至${c.newDeadline}`}`,
      );
      return [
        n + 1,
        i.day,
        names.get(i.villageId) ?? '',
        p?.name ?? '',
        p ? PLACE_TYPE_LABELS[p.type] : '',
        p?.address ?? '',
        p ? (p.authority === 'village' ? (names.get(p.villageId) ?? '') : AUTHORITY_LABELS[p.authority]) : '',
        p ? RISK_LABELS[p.riskGrade] : '',
        p?.listed ? '是' : '否',
        i.inspectorName,
        plan.get(i.planId)?.name ?? '',
        found.length ? `发现隐患${found.length}处` : '未发现隐患',
        found.map((h, k) => `${k + 1}. ${hazardLine(h, ctx.now)}`).join('\n'),
        found.map((h) => STATUS_LABELS[h.status]).join('；'),
        checks.join('；'),
      ];
    });
    const { file } = await writeTableXlsx(LEDGER_LAYOUT, { above: [`检查日期：${fromDay} 至 ${toDay}`], below: [] }, once(rows));
    return publishExport(ctx, 'placeLedger', `${fromDay}~${toDay}`, LEDGER_LAYOUT.title, file, rows.length);
  },
});
