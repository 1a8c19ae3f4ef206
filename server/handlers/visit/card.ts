// The knock-action card 明白卡 of a household: its QR is what a visitor scans at the door as proof of presence.
import type { HouseholdCardView, ResolveCardResult } from '../../../typings/visit';
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { AppError, forbidden } from '../../infra/errors';
import { actorOf, requireHousehold } from '../../infra/orgRepo';
import { currentAssignmentWhere } from '../../infra/orgScope';
import { makeCardQr, sceneOf } from '../../infra/cardQr';
import { findAll, findByIds, getById } from '../../infra/store';
import { canManageVillage } from '../../domain/org/access';
import { isCurrent } from '../../domain/org/assignmentInterval';
import type { AssignmentRecord, GridRecord, HouseholdRecord, PersonRecord, VillageRecord } from '../../domain/org/records';
import { CARD_PAGE, normalizeScene } from '../../domain/visit/proof';
import { householdCardSchema, resolveCardSchema } from '../../domain/visit/schemas';

async function currentVisitors(ctx: ActionContext, householdId: string): Promise<AssignmentRecord[]> {
  const rows = await findAll<AssignmentRecord>(ctx.db, 'assignments', currentAssignmentWhere(ctx, { householdId }));
  return rows.filter((a) => isCurrent(a, ctx.now) && new Date(a.validFrom).getTime() <= ctx.now.getTime());
}

export const getHouseholdCard = defineAction({
  schema: householdCardSchema,
  access: ['villager', 'visitor', 'liaison', 'office'],
  async run(ctx, input): Promise<HouseholdCardView> {
    const actor = actorOf(ctx);
    const h = await requireHousehold(ctx, input.householdId);
    const held = await currentVisitors(ctx, h._id);
    const ownHousehold = actor.grants.some((g) => g.role === 'villager' && g.scopeId === h._id);
    // the office and the village's liaison print cards
    const mayPrint = canManageVillage(actor.grants, actor.townshipId, h.villageId);
    if (!ownHousehold && !mayPrint && !held.some((a) => a.visitorPersonId === actor.personId)) throw forbidden('您无权查看该户的明白卡');
    const [grid, village, visitors] = await Promise.all([
      getById<GridRecord>(ctx.db, 'grids', h.gridId),
      getById<VillageRecord>(ctx.db, 'villages', h.villageId),
      findByIds<PersonRecord>(
        ctx.db,
        'persons',
        held.map((a) => a.visitorPersonId),
      ),
    ]);
    const qr = await makeCardQr(h._id);
    return {
      householdId: h._id,
      address: h.address,
      headName: h.headName,
      villageName: village?.name ?? '',
      gridName: grid?.name ?? '',
      scene: sceneOf(h._id),
      page: CARD_PAGE,
      qrFileId: qr.fileId,
      qrUrl: qr.url,
      qrProblem: qr.problem,
      visitors: visitors.map((p) => ({ personId: p._id, name: p.name })),
    };
  },
  warnings: (card) => (card.qrProblem ? [card.qrProblem] : []),
});

/** A visitor scans a card at the door: which of their households is it? */
export const resolveCard = defineAction({
  schema: resolveCardSchema,
  access: ['visitor'],
  async run(ctx, input): Promise<ResolveCardResult> {
    const actor = actorOf(ctx);
    const scene = normalizeScene(input.scene);
    const held = (
      await findAll<AssignmentRecord>(ctx.db, 'assignments', currentAssignmentWhere(ctx, { visitorPersonId: actor.personId }))
    ).filter((a) => isCurrent(a, ctx.now));
    const match = held.find((a) => sceneOf(a.householdId) === scene);
    if (!match) throw new AppError('PROOF_MISMATCH', '这张明白卡不属于您走访范围内的农户', 'scene');
    const h = await getById<HouseholdRecord>(ctx.db, 'households', match.householdId);
    if (!h) throw new AppError('NOT_FOUND', '该农户不存在');
    return { householdId: h._id, address: h.address };
  },
});
