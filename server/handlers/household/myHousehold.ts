// A villager's own household: members, the micro-grid with its grid leader, the current visitor, and where the
// 告知书 signature and today's self-check stand; with `withCard`, also the knock-action card's QR.
import type { ContactPersonView, MyHouseholdView } from '../../../typings/household';
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { actorOf } from '../../infra/orgRepo';
import { currentAssignmentWhere } from '../../infra/orgScope';
import { villagerHousehold } from '../../infra/visitRepo';
import { makeCardQr, sceneOf } from '../../infra/cardQr';
import { findAll, findByIds, getById } from '../../infra/store';
import { isCurrent } from '../../domain/org/assignmentInterval';
import { maskPhone } from '../../domain/org/phoneMask';
import type { AssignmentRecord, GridRecord, HouseholdRecord, PersonRecord, VillageRecord } from '../../domain/org/records';
import { cstDay } from '../../domain/time/cst';
import { CARD_PAGE } from '../../domain/visit/proof';
import { contactPerson } from '../../domain/household/contacts';
import { acknowledgementId, NOTICE_VERSION, type AcknowledgementRecord } from '../../domain/household/notice';
import { selfCheckId, selfCheckView, type SelfCheckRecord } from '../../domain/household/selfCheck';
import { myHouseholdSchema } from '../../domain/household/schemas';

async function gridLeaders(ctx: ActionContext, h: HouseholdRecord): Promise<PersonRecord[]> {
  const rows = await findAll<PersonRecord>(ctx.db, 'persons', { townshipId: h.townshipId, active: true, 'grants.scopeId': h.gridId });
  return rows.filter((p) => p.grants.some((g) => g.role === 'gridLeader' && g.scopeId === h.gridId));
}

async function currentVisitors(ctx: ActionContext, h: HouseholdRecord): Promise<PersonRecord[]> {
  const held = (await findAll<AssignmentRecord>(ctx.db, 'assignments', currentAssignmentWhere(ctx, { householdId: h._id }))).filter(
    (a) => isCurrent(a, ctx.now) && new Date(a.validFrom).getTime() <= ctx.now.getTime(),
  );
  return (await findByIds<PersonRecord>(ctx.db, 'persons', held.map((a) => a.visitorPersonId))).filter((p) => p.active);
}

export const myHousehold = defineAction({
  schema: myHouseholdSchema,
  access: ['villager'],
  async run(ctx, input): Promise<MyHouseholdView> {
    const actor = actorOf(ctx);
    const h = await villagerHousehold(ctx, input.householdId);
    const [grid, village, leaders, visitors, ack, check] = await Promise.all([
      getById<GridRecord>(ctx.db, 'grids', h.gridId),
      getById<VillageRecord>(ctx.db, 'villages', h.villageId),
      gridLeaders(ctx, h),
      currentVisitors(ctx, h),
      getById<AcknowledgementRecord>(ctx.db, 'acknowledgements', acknowledgementId(actor.personId, NOTICE_VERSION)),
      getById<SelfCheckRecord>(ctx.db, 'selfChecks', selfCheckId(h._id, cstDay(ctx.now))),
    ]);
    // a grid leader who lives in this household is shown, but not as someone to call
    const others = (p: PersonRecord): ContactPersonView => contactPerson(p, p._id !== actor.personId);
    const qr = input.withCard ? await makeCardQr(h._id) : null;
    return {
      household: { id: h._id, address: h.address, headName: h.headName, villageName: village?.name ?? '', gridName: grid?.name ?? '', active: h.active },
      members: (h.members ?? []).map((m) => ({ name: m.name, relation: m.relation ?? '', phoneMasked: maskPhone(m.phone) })),
      grid: { id: h.gridId, name: grid?.name ?? '', leaders: leaders.map(others) },
      visitors: visitors.map(others),
      notice: { version: NOTICE_VERSION, acknowledgedAt: ack ? new Date(ack.acknowledgedAt).toISOString() : null },
      selfCheckToday: check ? selfCheckView(check) : null,
      card: qr ? { scene: sceneOf(h._id), page: CARD_PAGE, qrFileId: qr.fileId, qrUrl: qr.url, qrProblem: qr.problem } : null,
    };
  },
  warnings: (v) => (v.card?.qrProblem ? [v.card.qrProblem] : undefined),
});
