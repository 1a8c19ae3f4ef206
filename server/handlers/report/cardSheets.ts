// 明白卡 print sheets for a micro-grid or a village: "走访人上门时请扫此码" only works if the card is on the door, so the
// village liaison (or the township office) prints every household's card with its QR, two to an A4 page, as a PDF.
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { AppError, forbidden } from '../../infra/errors';
import { actorOf, requireGrid, requireVillage } from '../../infra/orgRepo';
import { currentAssignmentWhere } from '../../infra/orgScope';
import { findAll, findByIds } from '../../infra/store';
import { publishExport } from '../../infra/exportFile';
import { cardQrImage } from '../../infra/cardQr';
import { writeCardSheets, type PrintCard } from '../../infra/cardSheetPdf';
import { canManageVillage } from '../../domain/org/access';
import { cardSheetsSchema, MAX_CARD_SHEET_HOUSEHOLDS } from '../../domain/report/schemas';
import type { AssignmentRecord, GridRecord, HouseholdRecord, PersonRecord, VillageRecord } from '../../domain/org/records';
import type { CardSheetsDone } from '../../../typings/report';

interface SheetScope {
  village: VillageRecord;
  grids: GridRecord[];
  label: string;
  scopeId: string;
}

async function sheetScope(ctx: ActionContext, input: { gridId?: string; villageId?: string }): Promise<SheetScope> {
  if (input.gridId) {
    const grid = await requireGrid(ctx, input.gridId);
    const village = await requireVillage(ctx, grid.villageId);
    return { village, grids: [grid], label: `${village.name}${grid.name}`, scopeId: grid._id };
  }
  const village = await requireVillage(ctx, input.villageId!);
  const grids = await findAll<GridRecord>(ctx.db, 'grids', { townshipId: village.townshipId, villageId: village._id });
  return { village, grids, label: village.name, scopeId: village._id };
}

/** Up to this many QR codes are asked of WeChat at once. */
const QR_CONCURRENCY = 4;

async function qrImages(householdIds: readonly string[]): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (let i = 0; i < householdIds.length; i += QR_CONCURRENCY) {
    const batch = householdIds.slice(i, i + QR_CONCURRENCY);
    const images = await Promise.all(batch.map((id) => cardQrImage(id)));
    batch.forEach((id, k) => {
      const image = images[k];
      if (image) out.set(id, image);
    });
  }
  return out;
}

export const exportCardSheets = defineAction({
  schema: cardSheetsSchema,
  access: ['liaison', 'office'],
  async run(ctx, input): Promise<CardSheetsDone> {
    const actor = actorOf(ctx);
    const scope = await sheetScope(ctx, input);
    if (!canManageVillage(actor.grants, actor.townshipId, scope.village._id)) throw forbidden('只能打印本村的明白卡');
    const gridName = new Map(scope.grids.map((g) => [g._id, g.name]));
    const households = (
      await findAll<HouseholdRecord>(ctx.db, 'households', {
        townshipId: actor.townshipId,
        villageId: scope.village._id,
        active: true,
        ...(input.gridId ? { gridId: input.gridId } : {}),
      })
    ).sort((a, b) => (a.gridId === b.gridId ? a._id.localeCompare(b._id) : a.gridId.localeCompare(b.gridId)));
    if (!households.length) throw new AppError('NOT_FOUND', '该范围内没有在册农户，无需打印', input.gridId ? 'gridId' : 'villageId');
    if (households.length > MAX_CARD_SHEET_HOUSEHOLDS)
      throw new AppError('INVALID_INPUT', `一次最多打印${MAX_CARD_SHEET_HOUSEHOLDS}户，请按微网格分别打印`, 'villageId');
    const _ = ctx.db.command;
    const ids = households.map((h) => h._id);
    const held = await findAll<AssignmentRecord>(ctx.db, 'assignments', currentAssignmentWhere(ctx, { householdId: _.in(ids) }));
    const gridIds = scope.grids.map((g) => g._id);
    const people = await findByIds<PersonRecord>(
      ctx.db,
      'persons',
      held.map((a) => a.visitorPersonId),
    );
    const leaders = await findAll<PersonRecord>(ctx.db, 'persons', {
      townshipId: actor.townshipId,
      active: true,
      'grants.scopeId': _.in(gridIds),
    });
    const person = new Map(people.map((p) => [p._id, p]));
    const images = await qrImages(ids);
    const missing = households.filter((h) => !images.has(h._id));
    if (missing.length)
      throw new AppError('QR_UNAVAILABLE', `${missing[0].address}等${missing.length}户的明白卡二维码生成失败，请稍后再试`);
    const cards: PrintCard[] = households.map((h) => ({
      address: h.address,
      subtitle: `${scope.village.name} ${gridName.get(h.gridId) ?? ''} · 户主 ${h.headName}`,
      visitors: [...new Set(held.filter((a) => a.householdId === h._id && new Date(a.validFrom) <= ctx.now).map((a) => a.visitorPersonId))]
        .map((id) => person.get(id))
        .filter((p): p is PersonRecord => !!p && p.active)
        .map((p) => ({ name: p.name, phone: p.phone })),
      leaders: leaders.filter((p) => p.grants.some((g) => g.role === 'gridLeader' && g.scopeId === h.gridId)).map((p) => p.name),
      qr: images.get(h._id)!,
    }));
    const title = `明白卡-${scope.label}`;
    const file = await writeCardSheets(title, cards);
    const done = await publishExport(ctx, 'cardSheets', scope.scopeId, title, file, cards.length, 'pdf');
    return { ...done, householdIds: ids };
  },
});
