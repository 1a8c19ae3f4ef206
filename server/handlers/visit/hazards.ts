// Hazard re-verification (SPEC §6): the villager claims rectification with a photo; the visitor who found the hazard
// verifies it on a re-visit (rectified, or not with a new deadline). Unverified past deadline + 3 days is overdue.
import type { HazardView } from '../../../typings/visit';
import type { Page } from '../../../typings/org';
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { AppError } from '../../infra/errors';
import { auditRecord } from '../../infra/audit';
import { idempotent } from '../../infra/idempotency';
import { deliver } from '../../infra/inbox';
import { actorOf } from '../../infra/orgRepo';
import { villagerHousehold } from '../../infra/visitRepo';
import { CONFLICT_MESSAGE, TX_ATTEMPTS, conflictBackoffMs, findAll, findByIds, findPage, getById } from '../../infra/store';
import { cstDay } from '../../domain/time/cst';
import type { HouseholdRecord } from '../../domain/org/records';
import type { HazardRecord, VisitRecord } from '../../domain/visit/records';
import { claimProblem, deadlineOf, deadlineProblem, hazardState, verifyProblem } from '../../domain/visit/hazardState';
import { MAX_PHOTOS, type Problem } from '../../domain/visit/problem';
import {
  claimRectificationSchema,
  listHazardDutiesSchema,
  listHouseholdHazardsSchema,
  verifyHazardSchema,
} from '../../domain/visit/schemas';
import { hazardView } from '../../domain/visit/views';

const UNVERIFIED = ['open', 'rectificationClaimed', 'notRectified'];

const refuse = (p: Problem | null): void => {
  if (p) throw new AppError(p.code, p.message, p.field);
};

function photoLimit(photos: readonly string[]): void {
  refuse(photos.length > MAX_PHOTOS ? { code: 'TOO_MANY_PHOTOS', message: `照片最多${MAX_PHOTOS}张`, field: 'photos' } : null);
}

/** The hazard with its household's address (and, when asked, a visit) read by one aggregation. */
async function hazardWithAddress(
  ctx: ActionContext,
  hazardId: string,
  visitId?: string,
): Promise<{ hazard: HazardRecord; address: string; visit: VisitRecord | null }> {
  const $ = ctx.db.command.aggregate;
  let q = ctx.db
    .collection('hazards')
    .aggregate()
    .match({ _id: hazardId })
    .limit(1)
    .lookup({ from: 'households', localField: 'householdId', foreignField: '_id', as: 'nwHousehold' });
  if (visitId !== undefined)
    q = q
      .addFields({ nwVisitId: $.literal(visitId) })
      .lookup({ from: 'visits', localField: 'nwVisitId', foreignField: '_id', as: 'nwVisit' });
  const res = (await q.end()) as {
    list: (HazardRecord & { nwHousehold: HouseholdRecord[]; nwVisit?: VisitRecord[]; nwVisitId?: string })[];
  };
  const row = res.list[0];
  if (!row || row.townshipId !== actorOf(ctx).townshipId) throw new AppError('NOT_FOUND', '该隐患不存在', 'hazardId');
  const { nwHousehold, nwVisit, nwVisitId: _v, ...hazard } = row;
  return { hazard: hazard as HazardRecord, address: nwHousehold[0]?.address ?? '', visit: nwVisit?.[0] ?? null };
}

/**
 * Move a hazard by one conditional update on the status and time it was read at (a single-document operation, no
 * transaction), then write its audit record, as cases move; a lost race re-reads it and checks the move again.
 */
async function moveHazard(
  ctx: ActionContext,
  first: HazardRecord,
  action: string,
  check: (h: HazardRecord) => Problem | null,
  patchOf: (h: HazardRecord) => Partial<HazardRecord>,
): Promise<HazardRecord> {
  let before: HazardRecord | null = first;
  for (let attempt = 0; ; attempt++) {
    if (!before) throw new AppError('NOT_FOUND', '该隐患不存在', 'hazardId');
    refuse(check(before));
    const patch = patchOf(before);
    const res = (await ctx.db
      .collection('hazards')
      .where({ _id: before._id, status: before.status, updatedAt: before.updatedAt })
      .update({ data: { ...patch } })) as { stats?: { updated?: number } };
    if (res.stats?.updated) {
      const after: HazardRecord = { ...before, ...patch };
      await ctx.db
        .collection('audit')
        .add({ data: { ...auditRecord(ctx, action, { collection: 'hazards', docId: before._id, before, after }) } });
      return after;
    }
    if (attempt + 1 >= TX_ATTEMPTS) throw new AppError('CONFLICT', CONFLICT_MESSAGE);
    await new Promise<void>((resolve) => setTimeout(resolve, conflictBackoffMs(attempt)));
    before = await getById<HazardRecord>(ctx.db, 'hazards', first._id);
  }
}

async function addressesOf(ctx: ActionContext, hazards: readonly HazardRecord[]): Promise<Map<string, string>> {
  const ids = hazards.map((h) => h.householdId).filter((x): x is string => !!x);
  return new Map((await findByIds<HouseholdRecord>(ctx.db, 'households', ids)).map((h) => [h._id, h.address]));
}

/** Overdue first, then those the villager says are fixed, then by deadline. */
function dutyOrder(now: Date) {
  const rank = (h: HazardRecord) =>
    hazardState({ status: h.status, deadline: new Date(h.deadline) }, now).overdue ? 0 : h.status === 'rectificationClaimed' ? 1 : 2;
  return (a: HazardRecord, b: HazardRecord) =>
    rank(a) - rank(b) || new Date(a.deadline).getTime() - new Date(b.deadline).getTime() || a._id.localeCompare(b._id);
}

export const listMyHazardDuties = defineAction({
  schema: listHazardDutiesSchema,
  access: ['visitor'],
  async run(ctx, input): Promise<Page<HazardView> & { overdue: number }> {
    const rows = await findAll<HazardRecord>(ctx.db, 'hazards', {
      visitorPersonId: actorOf(ctx).personId,
      status: ctx.db.command.in(UNVERIFIED),
    });
    rows.sort(dutyOrder(ctx.now));
    const start = (input.page - 1) * input.pageSize;
    const pageRows = rows.slice(start, start + input.pageSize);
    const addresses = await addressesOf(ctx, pageRows);
    return {
      items: pageRows.map((h) => hazardView(h, addresses.get(h.householdId ?? '') ?? '', ctx.now)),
      total: rows.length,
      page: input.page,
      pageSize: input.pageSize,
      overdue: rows.filter((h) => hazardState({ status: h.status, deadline: new Date(h.deadline) }, ctx.now).overdue).length,
    };
  },
});

export const listHouseholdHazards = defineAction({
  schema: listHouseholdHazardsSchema,
  access: ['villager'],
  async run(ctx, input): Promise<Page<HazardView>> {
    const h = await villagerHousehold(ctx, input.householdId);
    const page = await findPage<HazardRecord>(
      ctx.db,
      'hazards',
      { householdId: h._id },
      [
        ['reportedAt', 'desc'],
        ['_id', 'asc'],
      ],
      input.page,
      input.pageSize,
    );
    return {
      items: page.items.map((z) => hazardView(z, h.address, ctx.now)),
      total: page.total,
      page: input.page,
      pageSize: input.pageSize,
    };
  },
});

export const claimRectification = defineAction({
  schema: claimRectificationSchema,
  access: ['villager'],
  run: (ctx, input) =>
    idempotent(ctx, 'claimRectification', async (): Promise<HazardView> => {
      const actor = actorOf(ctx);
      const { hazard: found, address } = await hazardWithAddress(ctx, input.hazardId);
      if (!found.householdId || !actor.grants.some((g) => g.role === 'villager' && g.scopeId === found.householdId)) {
        throw new AppError('FORBIDDEN', '只能为您家的隐患提交整改情况');
      }
      photoLimit(input.photos);
      const after = await moveHazard(
        ctx,
        found,
        'claimRectification',
        (h) => claimProblem(h.status),
        () => ({ status: 'rectificationClaimed' as const, claimedAt: ctx.now, claimPhotos: input.photos, updatedAt: ctx.now }),
      );
      const household = { address };
      if (after.visitorPersonId) {
        try {
          await deliver(ctx.db, {
            _id: `hazard-claim:${after._id}:${ctx.now.getTime()}`,
            townshipId: after.townshipId,
            personId: after.visitorPersonId,
            kind: 'hazard',
            title: '农户已提交隐患整改，请上门核实',
            body: `${household?.address ?? ''}的“${after.category}”隐患已提交整改照片，请尽快上门复查核实。`,
            link: `pages/hazard/index?id=${after._id}`,
            createdAt: ctx.now,
          });
        } catch (err) {
          // the claim stands; the visitor still sees it among their duties
          console.error('[hazards] inbox delivery failed', err);
        }
      }
      return hazardView(after, household?.address ?? '', ctx.now);
    }),
});

export const verifyHazard = defineAction({
  schema: verifyHazardSchema,
  access: ['visitor'],
  run: (ctx, input) =>
    idempotent(ctx, 'verifyHazard', async (): Promise<HazardView> => {
      const actor = actorOf(ctx);
      const { hazard: found, address, visit } = await hazardWithAddress(ctx, input.hazardId, input.visitId);
      if (found.visitorPersonId !== actor.personId) throw new AppError('FORBIDDEN', '只有发现该隐患的走访人可以核实整改情况');
      photoLimit(input.photos);
      // "走访人员要对排查出的问题再次上门入户，核实问题是否整改到位": verification rides on a later visit to the same household
      const isRevisit =
        !!visit &&
        visit.visitorPersonId === actor.personId &&
        visit.householdId === found.householdId &&
        visit._id !== found.visitId &&
        new Date(visit.at).getTime() > new Date(found.reportedAt).getTime();
      if (!isRevisit) throw new AppError('INVALID_INPUT', '请先登记本次上门复查的走访，再核实整改情况', 'visitId');
      if (!input.rectified) refuse(deadlineProblem(input.newDeadline!, cstDay(ctx.now), 'newDeadline'));
      const after = await moveHazard(
        ctx,
        found,
        'verifyHazard',
        (h) => verifyProblem(h.status),
        (): Partial<HazardRecord> =>
          input.rectified
            ? { status: 'verified', verifiedAt: ctx.now, verifiedBy: actor.personId, verifyPhotos: input.photos, updatedAt: ctx.now }
            : {
                status: 'notRectified',
                deadline: deadlineOf(input.newDeadline!),
                verifiedAt: ctx.now,
                verifiedBy: actor.personId,
                verifyPhotos: input.photos,
                updatedAt: ctx.now,
              },
      );
      const household = found.householdId ? { address } : null;
      return hazardView(after, household?.address ?? '', ctx.now);
    }),
});
