// The place registry (SPEC §7b): places of every type with their supervising authority, risk grade and listed-unit
// flag; kept by the office (and a liaison for its village), read by the inspectors; phones masked by the usual rule.
import type { PlaceList } from '../../../typings/place';
import { defineAction } from '../../infra/dispatch';
import { AppError, forbidden } from '../../infra/errors';
import { writeAudit } from '../../infra/audit';
import { idempotent } from '../../infra/idempotency';
import { actorOf, requireVillage } from '../../infra/orgRepo';
import { findAll, findPage, inTransaction, withoutId, type Where } from '../../infra/store';
import { newDocId } from '../../infra/visitRepo';
import { isOffice, liaisonVillageIds } from '../../domain/org/access';
import { placeKey } from '../../domain/place/importLayout';
import { PLACE_TYPES, PLACE_TYPE_LABELS, effectiveRisk } from '../../domain/place/placeTypes';
import type { PlaceRecord } from '../../domain/place/records';
import { keepsPlacesOf, placeTypeProblem, readsAllPlaces, readsPlacesOf } from '../../domain/place/rules';
import { addPlaceSchema, listPlacesSchema, type PlaceFields } from '../../domain/place/schemas';
import type { PlaceType, PlaceView } from '../../../typings/place';
import { townshipOf, viewOf, villageNames } from './repo';

/** The stored place of a checked entry (form or import row); more than 10 occupants is stored as high risk. */
export function placeRecord(townshipId: string, fields: PlaceFields, at: Date, id: string, importId: string | null): PlaceRecord {
  return {
    _id: id,
    townshipId,
    villageId: fields.villageId,
    type: fields.type as PlaceType,
    name: fields.name,
    address: fields.address,
    responsibleName: fields.responsibleName,
    responsiblePhone: fields.responsiblePhone ?? null,
    authority: fields.authority,
    riskGrade: effectiveRisk(fields.riskGrade, fields.occupantsOver10),
    occupantsOver10: fields.occupantsOver10,
    listed: fields.listed,
    listName: fields.listed ? fields.listName : '',
    location: fields.location,
    active: importId === null,
    importId,
    createdAt: at,
    updatedAt: at,
  };
}

export const addPlace = defineAction({
  schema: addPlaceSchema,
  access: ['office', 'liaison'],
  run: (ctx, input) =>
    idempotent(ctx, 'addPlace', async (): Promise<PlaceView> => {
      const actor = actorOf(ctx);
      const typeProblem = placeTypeProblem(input.type);
      if (typeProblem) throw new AppError(typeProblem.code, typeProblem.message, typeProblem.field);
      const village = await requireVillage(ctx, input.villageId);
      if (!keepsPlacesOf(actor.grants, actor.townshipId, village._id)) throw forbidden('您只能登记本村（社区）的场所');
      const twins = await findAll<PlaceRecord>(ctx.db, 'places', { townshipId: actor.townshipId, villageId: village._id, active: true });
      if (twins.some((p) => placeKey(p) === placeKey(input))) {
        throw new AppError('CONFLICT', `${village.name}已登记名称和地址相同的场所“${input.name}”`, 'name');
      }
      const record = placeRecord(actor.townshipId, input, ctx.now, newDocId(), null);
      await inTransaction(ctx.db, async (tx) => {
        await tx
          .collection('places')
          .doc(record._id)
          .set({ data: withoutId(record) });
        await writeAudit(tx, ctx, 'addPlace', { collection: 'places', docId: record._id, before: null, after: record });
      });
      return viewOf(ctx, record, new Map([[village._id, village.name]]));
    }),
});

export const listPlaces = defineAction({
  schema: listPlacesSchema,
  access: ['office', 'discipline', 'liaison', 'police', 'deptInspector'],
  async run(ctx, input): Promise<PlaceList> {
    const actor = actorOf(ctx);
    const townshipId = townshipOf(ctx);
    const _ = ctx.db.command;
    const where: Where = { townshipId, active: true };
    if (input.villageId) {
      if (!readsPlacesOf(actor.grants, townshipId, input.villageId)) throw forbidden('您只能查看本村（社区）的场所');
      where.villageId = input.villageId;
    } else if (!readsAllPlaces(actor.grants, townshipId)) {
      where.villageId = _.in(liaisonVillageIds(actor.grants));
    }
    if (input.type) where.type = input.type;
    if (input.authority) where.authority = input.authority;
    if (input.listed !== undefined) where.listed = input.listed;
    if (input.riskGrade) where.riskGrade = input.riskGrade;
    const [page, all, names] = await Promise.all([
      findPage<PlaceRecord>(
        ctx.db,
        'places',
        where,
        [
          ['villageId', 'asc'],
          ['name', 'asc'],
          ['_id', 'asc'],
        ],
        input.page,
        input.pageSize,
      ),
      findAll<PlaceRecord>(ctx.db, 'places', where),
      villageNames(ctx),
    ]);
    const byVillage = new Map<string, { listed: number; places: number }>();
    for (const p of all) {
      const v = byVillage.get(p.villageId) ?? { listed: 0, places: 0 };
      byVillage.set(p.villageId, { listed: v.listed + (p.listed ? 1 : 0), places: v.places + 1 });
    }
    return {
      items: page.items.map((p) => viewOf(ctx, p, names)),
      total: page.total,
      page: input.page,
      pageSize: input.pageSize,
      listedByVillage: [...byVillage.entries()]
        .map(([villageId, c]) => ({ villageId, villageName: names.get(villageId) ?? '', ...c }))
        .sort((a, b) => a.villageId.localeCompare(b.villageId)),
      typeOptions: PLACE_TYPES.map((value) => ({ value, label: PLACE_TYPE_LABELS[value] })),
      canImport: isOffice(actor.grants, townshipId),
    };
  },
});
