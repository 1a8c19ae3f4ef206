// The grid's weekly risk report ("风险信息上报一次"): no risk, or a list of hazards that become hazard records routed to the
// household's current visitor. One report per grid and week; re-filing replaces it (audited), and hazards of the earlier
// filing that the new one no longer lists are withdrawn unless someone has already acted on them.
import { createHash } from 'crypto';
import type { z } from 'zod';
import type { WeeklyReportFiled } from '../../../typings/grid';
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { AppError } from '../../infra/errors';
import { writeAudit } from '../../infra/audit';
import { idempotent } from '../../infra/idempotency';
import { actorOf, requireGrid } from '../../infra/orgRepo';
import { findAll, findByIds, inTransaction, txGet, type Tx } from '../../infra/store';
import { leaderGridIds } from '../../domain/org/access';
import type { AssignmentRecord, GridRecord, HouseholdRecord } from '../../domain/org/records';
import type { HazardRecord } from '../../domain/visit/records';
import { isoWeekOf } from '../../domain/time/cst';
import { leadsGrid, soleScope } from '../../domain/grid/access';
import { hazardDeadline, hazardFingerprint, MAX_PHOTOS } from '../../domain/grid/hazards';
import { resolveEventTime } from '../../domain/grid/offlineTime';
import { weeklyReportId, type ReportedHazard, type WeeklyReport, type WeeklyReportRecord } from '../../domain/grid/records';
import { fileWeeklyReportSchema } from '../../domain/grid/schemas';

type Input = z.infer<typeof fileWeeklyReportSchema>;

async function leaderGrid(ctx: ActionContext, gridId: string | undefined): Promise<GridRecord> {
  const actor = actorOf(ctx);
  const id = gridId ?? soleScope(leaderGridIds(actor.grants));
  if (!id) throw new AppError('INVALID_INPUT', '请选择微网格', 'gridId');
  const grid = await requireGrid(ctx, id);
  if (!leadsGrid(actor.grants, grid._id)) throw new AppError('NOT_IN_RANGE', '您不是该微网格的网格长，不能上报其风险信息', 'gridId');
  return grid;
}

/** The households named by the hazards: each must be an active household of this grid. */
async function reportedHouseholds(ctx: ActionContext, grid: GridRecord, input: Input): Promise<Map<string, HouseholdRecord>> {
  const ids = input.hazards.map((h) => h.householdId).filter((x): x is string => !!x);
  const found = new Map((await findByIds<HouseholdRecord>(ctx.db, 'households', ids)).map((h) => [h._id, h]));
  input.hazards.forEach((h, i) => {
    if (!h.householdId) return;
    const household = found.get(h.householdId);
    if (!household || household.townshipId !== grid.townshipId)
      throw new AppError('NOT_FOUND', `第${i + 1}条隐患所填的农户不存在`, `hazards.${i}.householdId`);
    if (household.gridId !== grid._id)
      throw new AppError('NOT_IN_RANGE', `第${i + 1}条隐患所填的农户不在本微网格内`, `hazards.${i}.householdId`);
    if (!household.active) throw new AppError('HOUSEHOLD_INACTIVE', `第${i + 1}条隐患所填的农户已迁出`, `hazards.${i}.householdId`);
  });
  return found;
}

/** The visitor currently holding each household ("明确走访人的责任范围"): they must verify the rectification. */
async function currentVisitors(ctx: ActionContext, householdIds: readonly string[]): Promise<Map<string, string>> {
  if (!householdIds.length) return new Map();
  const _ = ctx.db.command;
  const rows = await findAll<AssignmentRecord>(ctx.db, 'assignments', { householdId: _.in([...new Set(householdIds)]), validTo: null });
  rows.sort((a, b) => new Date(a.validFrom).getTime() - new Date(b.validFrom).getTime());
  return new Map(rows.map((a) => [a.householdId, a.visitorPersonId]));
}

/** Deterministic per (week, grid, content): the same risk re-filed in the same week keeps its hazard record. */
function hazardIds(weekKey: string, gridId: string, hazards: Input['hazards']): string[] {
  const seen = new Map<string, number>();
  return hazards.map((h) => {
    const fp = hazardFingerprint({ category: h.category, description: h.description, householdId: h.householdId ?? null });
    const n = (seen.get(fp) ?? 0) + 1;
    seen.set(fp, n);
    const digest = createHash('sha256').update(`${fp}\u0000${n}`).digest('hex').slice(0, 16);
    return `gridReport:${weekKey}:${gridId}:${digest}`;
  });
}

export const fileWeeklyReport = defineAction({
  schema: fileWeeklyReportSchema,
  access: ['gridLeader'],
  run: (ctx, input) =>
    idempotent(ctx, 'fileWeeklyReport', async (): Promise<WeeklyReportFiled> => {
      const actor = actorOf(ctx);
      const grid = await leaderGrid(ctx, input.gridId);
      const time = resolveEventTime(ctx.now, input.deviceTime);
      if (!time.ok) throw new AppError(time.code, time.message, 'deviceTime');
      const hazards: ReportedHazard[] = [];
      const weekKey = isoWeekOf(time.at).key;
      const ids = hazardIds(weekKey, grid._id, input.hazards);
      input.hazards.forEach((h, i) => {
        if (h.photos.length > MAX_PHOTOS)
          throw new AppError('TOO_MANY_PHOTOS', `每条隐患最多上传${MAX_PHOTOS}张照片`, `hazards.${i}.photos`);
        const deadline = hazardDeadline(time.at, h.deadline);
        if (!deadline.ok) throw new AppError('DEADLINE_IN_PAST', deadline.message, `hazards.${i}.deadline`);
        hazards.push({
          hazardId: ids[i],
          category: h.category,
          description: h.description,
          householdId: h.householdId ?? null,
          photos: h.photos,
          deadline: deadline.deadline,
        });
      });
      const households = await reportedHouseholds(ctx, grid, input);
      const visitors = await currentVisitors(ctx, [...households.keys()]);
      const report: WeeklyReport = {
        noRisk: input.noRisk,
        hazards,
        at: time.at,
        receivedAt: ctx.now,
        offline: time.offline,
        filedBy: actor.personId,
        filedByName: actor.name,
      };
      const hazardRecord = (h: ReportedHazard): HazardRecord => ({
        _id: h.hazardId,
        townshipId: grid.townshipId,
        villageId: grid.villageId,
        gridId: grid._id,
        householdId: h.householdId,
        source: 'gridReport',
        category: h.category,
        description: h.description,
        photos: h.photos,
        visitorPersonId: h.householdId ? (visitors.get(h.householdId) ?? null) : null,
        visitId: null,
        reportedAt: time.at,
        deadline: h.deadline,
        status: 'open',
        claimedAt: null,
        claimPhotos: [],
        verifiedAt: null,
        verifiedBy: null,
        verifyPhotos: [],
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      const id = weeklyReportId(weekKey, grid._id);
      return inTransaction(ctx.db, async (tx): Promise<WeeklyReportFiled> => {
        const before = await txGet<WeeklyReportRecord>(tx, 'weeklyReports', id);
        for (const h of hazards) await upsertHazard(tx, ctx, hazardRecord(h));
        const kept = new Set(hazards.map((h) => h.hazardId));
        const withdrawn = await withdrawDropped(
          tx,
          ctx,
          (before?.report?.hazards ?? []).filter((h) => !kept.has(h.hazardId)),
        );
        const after: WeeklyReportRecord = before
          ? { ...before, report, updatedAt: ctx.now }
          : {
              _id: id,
              townshipId: grid.townshipId,
              villageId: grid.villageId,
              gridId: grid._id,
              weekKey,
              report,
              closed: null,
              createdAt: ctx.now,
              updatedAt: ctx.now,
            };
        if (before)
          await tx
            .collection('weeklyReports')
            .doc(id)
            .update({ data: { report: ctx.db.command.set(report), updatedAt: ctx.now } });
        else await tx.collection('weeklyReports').add({ data: { ...after } });
        await writeAudit(tx, ctx, 'grid.fileWeeklyReport', { collection: 'weeklyReports', docId: id, before, after });
        return {
          weekKey,
          gridId: grid._id,
          noRisk: input.noRisk,
          hazardIds: hazards.map((h) => h.hazardId),
          replaced: !!before?.report,
          withdrawnHazardIds: withdrawn,
        };
      });
    }),
});

/** A new risk becomes a hazard record; the same risk re-filed updates its photos and deadline while nobody has acted on it yet. */
async function upsertHazard(tx: Tx, ctx: ActionContext, record: HazardRecord): Promise<void> {
  const before = await txGet<HazardRecord>(tx, 'hazards', record._id);
  if (!before) {
    await tx.collection('hazards').add({ data: { ...record } });
    await writeAudit(tx, ctx, 'grid.fileWeeklyReport', { collection: 'hazards', docId: record._id, before: null, after: record });
    return;
  }
  if (before.status !== 'open' || before.claimedAt) return;
  const unchanged =
    JSON.stringify(before.photos) === JSON.stringify(record.photos) && new Date(before.deadline).getTime() === record.deadline.getTime();
  if (unchanged) return;
  const patch = { photos: record.photos, deadline: record.deadline, updatedAt: ctx.now };
  await tx.collection('hazards').doc(record._id).update({ data: patch });
  await writeAudit(tx, ctx, 'grid.fileWeeklyReport', { collection: 'hazards', docId: record._id, before, after: { ...before, ...patch } });
}

/** Hazards the replacement no longer lists: removed (audited) while still untouched; kept once work on them has started. */
async function withdrawDropped(tx: Tx, ctx: ActionContext, dropped: readonly ReportedHazard[]): Promise<string[]> {
  const out: string[] = [];
  for (const h of dropped) {
    const record = await txGet<HazardRecord>(tx, 'hazards', h.hazardId);
    if (!record || record.status !== 'open' || record.claimedAt) continue;
    await tx.collection('hazards').doc(h.hazardId).remove();
    await writeAudit(tx, ctx, 'grid.fileWeeklyReport', {
      collection: 'hazards',
      docId: h.hazardId,
      before: record,
      after: null,
      reason: '网格长重新上报本周风险信息，原隐患撤回',
    });
    out.push(h.hazardId);
  }
  return out;
}
