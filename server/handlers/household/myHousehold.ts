// A villager's own household: members, the micro-grid with its grid leader, the current visitor, and where the
// 告知书 signature and today's self-check stand; with `withCard`, also the knock-action card's QR.
import type { ContactPersonView, MyHouseholdView } from '../../../typings/household';
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { actorOf } from '../../infra/orgRepo';
import { AppError } from '../../infra/errors';
import { makeCardQr, sceneOf } from '../../infra/cardQr';
import { CARD_KEY_RULES } from '../../domain/household/card';
import { findAll } from '../../infra/store';
import { isCurrent } from '../../domain/org/assignmentInterval';
import { maskPhone } from '../../domain/org/phoneMask';
import type { AssignmentRecord, GridRecord, HouseholdRecord, PersonRecord, VillageRecord } from '../../domain/org/records';
import { cstDay } from '../../domain/time/cst';
import { CARD_PAGE } from '../../domain/visit/proof';
import { contactPerson } from '../../domain/household/contacts';
import { acknowledgementId, NOTICE_VERSION, type AcknowledgementRecord } from '../../domain/household/notice';
import { selfCheckId, selfCheckView, type SelfCheckRecord } from '../../domain/household/selfCheck';
import { myHouseholdSchema } from '../../domain/household/schemas';

/**
 * Everything the villager home shows, in two requests: one aggregation on the household that `$lookup`s its grid,
 * village, assignments, the caller's 告知书 signature and today's self-check; then one query for the people to show
 * (the grid's leaders and the household's current visitors).
 */
async function homeOf(ctx: ActionContext, householdId?: string) {
  const actor = actorOf(ctx);
  const own = actor.grants.filter((g) => g.role === 'villager').map((g) => g.scopeId);
  const id = householdId ?? (own.length === 1 ? own[0] : undefined);
  if (!id) throw new AppError('INVALID_INPUT', '请选择您的农户', 'householdId');
  if (!own.includes(id)) throw new AppError('FORBIDDEN', '您只能查看自己家的记录');
  const $ = ctx.db.command.aggregate;
  const res = (await ctx.db
    .collection('households')
    .aggregate()
    .match({ _id: id })
    .limit(1)
    .lookup({ from: 'grids', localField: 'gridId', foreignField: '_id', as: 'nwGrid' })
    .lookup({ from: 'villages', localField: 'villageId', foreignField: '_id', as: 'nwVillage' })
    .lookup({ from: 'assignments', localField: '_id', foreignField: 'householdId', as: 'nwAssignments' })
    .addFields({
      nwAckId: $.literal(acknowledgementId(actor.personId, NOTICE_VERSION)),
      nwCheckId: $.literal(selfCheckId(id, cstDay(ctx.now))),
    })
    .lookup({ from: 'acknowledgements', localField: 'nwAckId', foreignField: '_id', as: 'nwAck' })
    .lookup({ from: 'selfChecks', localField: 'nwCheckId', foreignField: '_id', as: 'nwCheck' })
    .end()) as {
    list: (HouseholdRecord & {
      nwGrid: GridRecord[];
      nwVillage: VillageRecord[];
      nwAssignments: AssignmentRecord[];
      nwAck: AcknowledgementRecord[];
      nwCheck: SelfCheckRecord[];
      nwAckId?: string;
      nwCheckId?: string;
    })[];
  };
  const row = res.list[0];
  if (!row || row.townshipId !== actor.townshipId) throw new AppError('NOT_FOUND', '该农户不存在');
  const { nwGrid, nwVillage, nwAssignments, nwAck, nwCheck, nwAckId: _a, nwCheckId: _c, ...h } = row;
  const held = nwAssignments.filter(
    (a) =>
      a.townshipId === h.townshipId &&
      isCurrent({ ...a, validFrom: new Date(a.validFrom), validTo: a.validTo ? new Date(a.validTo) : null }, ctx.now) &&
      new Date(a.validFrom).getTime() <= ctx.now.getTime(),
  );
  const visitorIds = [...new Set(held.map((a) => a.visitorPersonId))];
  const _ = ctx.db.command;
  const people = await findAll<PersonRecord>(
    ctx.db,
    'persons',
    _.or([{ _id: _.in(visitorIds) }, { townshipId: h.townshipId, active: true, 'grants.scopeId': h.gridId }]),
  );
  const leaders = people.filter(
    (p) => p.townshipId === h.townshipId && p.active && p.grants.some((g) => g.role === 'gridLeader' && g.scopeId === h.gridId),
  );
  const visitors = people.filter((p) => visitorIds.includes(p._id) && p.active);
  return {
    h: h as HouseholdRecord,
    grid: nwGrid[0] ?? null,
    village: nwVillage[0] ?? null,
    leaders,
    visitors,
    ack: nwAck[0] ?? null,
    check: nwCheck[0] ?? null,
  };
}

export const myHousehold = defineAction({
  schema: myHouseholdSchema,
  access: ['villager'],
  async run(ctx, input): Promise<MyHouseholdView> {
    const actor = actorOf(ctx);
    const { h, grid, village, leaders, visitors, ack, check } = await homeOf(ctx, input.householdId);
    // a grid leader who lives in this household is shown, but not as someone to call
    const others = (p: PersonRecord): ContactPersonView => contactPerson(p, p._id !== actor.personId);
    const qr = input.withCard ? await makeCardQr(h._id) : null;
    return {
      household: {
        id: h._id,
        address: h.address,
        headName: h.headName,
        villageName: village?.name ?? '',
        gridName: grid?.name ?? '',
        active: h.active,
      },
      members: (h.members ?? []).map((m) => ({ name: m.name, relation: m.relation ?? '', phoneMasked: maskPhone(m.phone) })),
      grid: { id: h.gridId, name: grid?.name ?? '', leaders: leaders.map(others) },
      visitors: visitors.map(others),
      notice: { version: NOTICE_VERSION, acknowledgedAt: ack ? new Date(ack.acknowledgedAt).toISOString() : null },
      selfCheckToday: check ? selfCheckView(check) : null,
      card: qr
        ? { scene: sceneOf(h._id), page: CARD_PAGE, qrFileId: qr.fileId, qrUrl: qr.url, qrProblem: qr.problem, rules: [...CARD_KEY_RULES] }
        : null,
    };
  },
  warnings: (v) => (v.card?.qrProblem ? [v.card.qrProblem] : undefined),
});
