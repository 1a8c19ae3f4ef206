// Hazard reports from villagers and grid leaders (SPEC §6 "villager self-report"): a HazardRecord of source 'villager'
// routed to the household's current visitor with a deadline, or to the village liaison when there is no household or
// no visitor. It then follows the visit hazards' lifecycle (claimRectification / verifyHazard in `visit`).
import type { MyReports, ReportFormOptions, ResidentReportView } from '../../../typings/resident';
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { AppError } from '../../infra/errors';
import { writeAudit } from '../../infra/audit';
import { idempotent } from '../../infra/idempotency';
import { actorOf } from '../../infra/orgRepo';
import { newDocId } from '../../infra/visitRepo';
import { findAll, findByIds, findPage, getById, inTransaction } from '../../infra/store';
import type { GridRecord, HouseholdRecord, VillageRecord } from '../../domain/org/records';
import type { HazardRecord } from '../../domain/visit/records';
import {
  CATEGORY_OPTIONS,
  DAILY_WHISTLE_LIMIT,
  MAX_PHOTOS,
  categoryLabel,
  hazardDeadline,
  photoProblem,
} from '../../domain/resident/rules';
import { listMyReportsSchema, reportFormOptionsSchema, reportHazardSchema } from '../../domain/resident/schemas';
import { residentReportView } from '../../domain/resident/views';
import { notifyRoute, routeReport } from './routing';
import { refuse } from './refuse';

/** The household the caller reports for: named (their own, or in a grid they lead), or their only one. */
async function reportHousehold(ctx: ActionContext, householdId: string | undefined): Promise<HouseholdRecord | null> {
  const actor = actorOf(ctx);
  const own = actor.grants.filter((g) => g.role === 'villager').map((g) => g.scopeId);
  const led = actor.grants.filter((g) => g.role === 'gridLeader').map((g) => g.scopeId);
  const id = householdId ?? (own.length === 1 ? own[0] : undefined);
  if (!id) return null;
  const h = await getById<HouseholdRecord>(ctx.db, 'households', id);
  if (!h || h.townshipId !== actor.townshipId) throw new AppError('NOT_FOUND', '该农户不存在', 'householdId');
  if (!own.includes(h._id) && !led.includes(h.gridId))
    throw new AppError('NOT_IN_RANGE', '只能上报自己家或本人所管微网格内农户的隐患', 'householdId');
  if (!h.active) throw new AppError('HOUSEHOLD_INACTIVE', '该农户已迁出，不能再上报隐患', 'householdId');
  return h;
}

/** The village of a public-place report: the caller's own household's or led grid's village. */
async function callerVillage(ctx: ActionContext): Promise<string> {
  const actor = actorOf(ctx);
  const own = actor.grants.find((g) => g.role === 'villager');
  if (own) {
    const h = await getById<HouseholdRecord>(ctx.db, 'households', own.scopeId);
    if (h) return h.villageId;
  }
  const led = actor.grants.find((g) => g.role === 'gridLeader');
  if (led) {
    const g = await getById<GridRecord>(ctx.db, 'grids', led.scopeId);
    if (g) return g.villageId;
  }
  throw new AppError('INVALID_INPUT', '请选择农户', 'householdId');
}

export const reportHazard = defineAction({
  schema: reportHazardSchema,
  access: ['villager', 'gridLeader'],
  run: (ctx, input) =>
    idempotent(ctx, 'resident.reportHazard', async (): Promise<ResidentReportView> => {
      const actor = actorOf(ctx);
      refuse(photoProblem(input.photos));
      const household = input.publicPlace && !input.householdId ? null : await reportHousehold(ctx, input.householdId);
      if (!household && !input.publicPlace) throw new AppError('INVALID_INPUT', '请选择农户，或写明隐患所在的公共场所', 'householdId');
      const villageId = household ? household.villageId : await callerVillage(ctx);
      const route = await routeReport(ctx, actor.townshipId, villageId, household?._id ?? null);
      const deadline = hazardDeadline(ctx.now);
      if (!deadline.ok) throw new AppError('DEADLINE_IN_PAST', deadline.message, 'deadline');
      const record: HazardRecord = {
        _id: newDocId(),
        townshipId: actor.townshipId,
        villageId,
        gridId: household?.gridId ?? null,
        householdId: household?._id ?? null,
        source: 'villager',
        category: categoryLabel(input.category),
        categoryKey: input.category,
        description: input.description,
        photos: input.photos,
        visitorPersonId: route.visitorPersonId,
        liaisonPersonId: route.liaisonPersonId,
        place: household ? null : (input.publicPlace ?? null),
        location: input.location ?? null,
        reporterPersonId: actor.personId,
        visitId: null,
        reportedAt: ctx.now,
        deadline: deadline.deadline,
        status: 'open',
        claimedAt: null,
        claimPhotos: [],
        verifiedAt: null,
        verifiedBy: null,
        verifyPhotos: [],
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      await inTransaction(ctx.db, async (tx) => {
        await tx.collection('hazards').add({ data: { ...record } });
        await writeAudit(tx, ctx, 'resident.reportHazard', { collection: 'hazards', docId: record._id, before: null, after: record });
      });
      const village = await getById<VillageRecord>(ctx.db, 'villages', villageId);
      const place = household?.address ?? record.place ?? '';
      await notifyRoute(ctx, record, `${village?.name ?? ''}${place}`);
      return residentReportView(record, { address: household?.address ?? null, villageName: village?.name ?? '' }, ctx.now);
    }),
});

export async function reportViews(ctx: ActionContext, rows: readonly HazardRecord[]): Promise<ResidentReportView[]> {
  const households = new Map(
    (
      await findByIds<HouseholdRecord>(
        ctx.db,
        'households',
        rows.map((r) => r.householdId).filter((x): x is string => !!x),
      )
    ).map((h) => [h._id, h.address]),
  );
  const villages = new Map(
    (
      await findByIds<VillageRecord>(
        ctx.db,
        'villages',
        rows.map((r) => r.villageId),
      )
    ).map((v) => [v._id, v.name]),
  );
  return rows.map((r) =>
    residentReportView(
      r,
      { address: r.householdId ? (households.get(r.householdId) ?? null) : null, villageName: villages.get(r.villageId) ?? '' },
      ctx.now,
    ),
  );
}

export const listMyReports = defineAction({
  schema: listMyReportsSchema,
  access: ['villager', 'gridLeader'],
  async run(ctx, input): Promise<MyReports> {
    const page = await findPage<HazardRecord>(
      ctx.db,
      'hazards',
      { reporterPersonId: actorOf(ctx).personId, source: 'villager' },
      [
        ['reportedAt', 'desc'],
        ['_id', 'asc'],
      ],
      input.page,
      input.pageSize,
    );
    return { items: await reportViews(ctx, page.items), total: page.total, page: input.page, pageSize: input.pageSize };
  },
});

/** What the report and whistle-blower forms offer this caller. */
export const reportFormOptions = defineAction({
  schema: reportFormOptionsSchema,
  access: 'member',
  async run(ctx): Promise<ReportFormOptions> {
    const actor = actorOf(ctx);
    const villages = await findAll<VillageRecord>(ctx.db, 'villages', { townshipId: actor.townshipId });
    const own = actor.grants.filter((g) => g.role === 'villager').map((g) => g.scopeId);
    const led = actor.grants.filter((g) => g.role === 'gridLeader').map((g) => g.scopeId);
    const households = [
      ...(await findByIds<HouseholdRecord>(ctx.db, 'households', own)),
      ...(led.length ? await findAll<HouseholdRecord>(ctx.db, 'households', { gridId: ctx.db.command.in(led), active: true }) : []),
    ];
    const seen = new Set<string>();
    return {
      categories: CATEGORY_OPTIONS.map((c) => ({ ...c })),
      maxPhotos: MAX_PHOTOS,
      villages: villages.map((v) => ({ id: v._id, name: v.name })),
      households: households.filter((h) => h.active && !seen.has(h._id) && seen.add(h._id)).map((h) => ({ id: h._id, address: h.address })),
      dailyWhistleLimit: DAILY_WHISTLE_LIMIT,
    };
  },
});
