// The supervision of seed 001 §六(三) for the township office (领导小组) and the discipline office: "通过抽查农户、村部查阅
// 安全隐患登记表等方式…进行督查" — the village's hazard register, and spot checks of households drawn at random.
import { createHash, randomInt } from 'crypto';
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { AppError, notFound } from '../../infra/errors';
import { actorOf, requireVillage } from '../../infra/orgRepo';
import { findAll, findByIds, findPage, getById, inTransaction, txGet } from '../../infra/store';
import { writeAudit } from '../../infra/audit';
import { newDocId } from '../../infra/visitRepo';
import type { AssignmentRecord, HouseholdRecord, PersonRecord, VillageRecord } from '../../domain/org/records';
import type { HazardRecord, VisitRecord } from '../../domain/visit/records';
import type { SpotCheckEntry, SpotCheckRecord } from '../../domain/supervision/records';
import { registerRows } from '../../infra/supervisionRepo';
import { REGISTER_ORDER } from '../../domain/supervision/hazardRegister';
import { hazardNumbers } from '../../domain/visit/hazardNumbers';
import { drawSample, spotCheckMismatches } from '../../domain/supervision/spotCheck';
import { SUPERVISORS } from '../../domain/supervision/access';
import {
  drawSpotCheckSchema,
  hazardRegisterSchema,
  listSpotChecksSchema,
  recordSpotCheckSchema,
  spotCheckIdSchema,
} from '../../domain/supervision/schemas';
import { addDays, cstDay, cstDayStart, cstMonth } from '../../domain/time/cst';
import type {
  HazardRegisterPage,
  SpotCheckHome,
  SpotCheckHousehold,
  SpotCheckSummary,
  SpotCheckView,
  VillageOption,
} from '../../../typings/supervision';

async function villageOptions(ctx: ActionContext): Promise<VillageOption[]> {
  const villages = await findAll<VillageRecord>(ctx.db, 'villages', { townshipId: actorOf(ctx).townshipId });
  return villages.sort((a, b) => a._id.localeCompare(b._id)).map((v) => ({ villageId: v._id, name: v.name }));
}

export const hazardRegister = defineAction({
  schema: hazardRegisterSchema,
  access: SUPERVISORS,
  async run(ctx, input): Promise<HazardRegisterPage> {
    const villages = await villageOptions(ctx);
    const villageId = input.villageId ?? villages[0]?.villageId;
    if (!villageId) throw notFound('村（社区）');
    const village = await requireVillage(ctx, villageId);
    const where = { townshipId: village.townshipId, villageId };
    const page = await findPage<HazardRecord>(ctx.db, 'hazards', where, REGISTER_ORDER, input.page, input.pageSize);
    const all = await findAll<Pick<HazardRecord, 'villageId' | 'status' | 'deadline'>>(ctx.db, 'hazards', where);
    const n = hazardNumbers(all, ctx.now)[0];
    const counts = { found: n?.found ?? 0, open: n?.open ?? 0, overdue: n?.overdue ?? 0, rectified: n?.rectified ?? 0 };
    return {
      items: await registerRows(ctx, page.items),
      total: page.total,
      page: input.page,
      pageSize: input.pageSize,
      villageId,
      villageName: village.name,
      villages,
      counts,
    };
  },
});

const overlaps = (a: Pick<AssignmentRecord, 'validFrom' | 'validTo'>, from: Date, to: Date) =>
  new Date(a.validFrom).getTime() < to.getTime() && (!a.validTo || new Date(a.validTo).getTime() > from.getTime());

function periodInstants(fromDay: string, toDay: string): { from: Date; to: Date } {
  return { from: cstDayStart(fromDay), to: cstDayStart(addDays(toDay, 1)) };
}

async function visitorsOf(ctx: ActionContext): Promise<PersonRecord[]> {
  const persons = await findAll<PersonRecord>(ctx.db, 'persons', { townshipId: actorOf(ctx).townshipId, active: true });
  return persons.filter((p) => p.grants.some((g) => g.role === 'visitor')).sort((a, b) => a._id.localeCompare(b._id));
}

function summaryOf(r: SpotCheckRecord, mismatchCount: number): SpotCheckSummary {
  return {
    spotCheckId: r._id,
    scopeLabel: r.scopeLabel,
    fromDay: r.fromDay,
    toDay: r.toDay,
    size: r.households.length,
    checked: r.households.filter((h) => h.check).length,
    mismatchCount,
    drawnAt: new Date(r.drawnAt).toISOString(),
  };
}

/** The spot-check page's one load: earlier samples (newest first), and the villages and visitors to draw from. */
export const spotCheckHome = defineAction({
  schema: listSpotChecksSchema,
  access: SUPERVISORS,
  async run(ctx, input): Promise<SpotCheckHome> {
    const townshipId = actorOf(ctx).townshipId;
    const page = await findPage<SpotCheckRecord>(ctx.db, 'spotChecks', { townshipId }, [['drawnAt', 'desc']], input.page, input.pageSize);
    const items: SpotCheckSummary[] = [];
    for (const r of page.items) items.push(summaryOf(r, (await spotCheckView(ctx, r)).mismatchCount));
    const today = cstDay(ctx.now);
    return {
      samples: { items, total: page.total, page: input.page, pageSize: input.pageSize },
      villages: await villageOptions(ctx),
      visitors: (await visitorsOf(ctx)).map((p) => ({ personId: p._id, name: p.name })),
      fromDay: `${cstMonth(ctx.now)}-01`,
      toDay: today,
    };
  },
});

/** A retried draw (same idempotency key, same caller) finds the sample it drew; without a key every draw is new. */
function sampleId(ctx: ActionContext): string {
  if (!ctx.idempotencyKey || !ctx.openid) return `spot-${newDocId()}`;
  return `spot-${createHash('sha256').update(`${ctx.openid}\u0000${ctx.idempotencyKey}`).digest('hex').slice(0, 32)}`;
}

export const drawSpotCheck = defineAction({
  schema: drawSpotCheckSchema,
  access: SUPERVISORS,
  async run(ctx, input): Promise<SpotCheckView> {
    const actor = actorOf(ctx);
    const id = sampleId(ctx);
    const drawn = await getById<SpotCheckRecord>(ctx.db, 'spotChecks', id);
    if (drawn) return spotCheckView(ctx, drawn);
    const { from, to } = periodInstants(input.fromDay, input.toDay);
    let scope: SpotCheckRecord['scope'];
    let scopeLabel: string;
    let candidates: string[];
    if (input.villageId) {
      const village = await requireVillage(ctx, input.villageId);
      scope = { kind: 'village', villageId: village._id };
      scopeLabel = village.name;
      candidates = (
        await findAll<HouseholdRecord>(ctx.db, 'households', { townshipId: actor.townshipId, villageId: village._id, active: true })
      ).map((h) => h._id);
    } else {
      const visitor = await getById<PersonRecord>(ctx.db, 'persons', input.visitorPersonId!);
      if (!visitor || visitor.townshipId !== actor.townshipId || !visitor.grants.some((g) => g.role === 'visitor'))
        throw notFound('该走访人');
      scope = { kind: 'visitor', visitorPersonId: visitor._id };
      scopeLabel = `走访人 ${visitor.name}`;
      const held = (await findAll<AssignmentRecord>(ctx.db, 'assignments', { visitorPersonId: visitor._id })).filter((a) =>
        overlaps(a, from, to),
      );
      candidates = [...new Set(held.map((a) => a.householdId))];
    }
    if (!candidates.length)
      throw new AppError(
        'NOT_FOUND',
        input.villageId ? '该村（社区）没有在册农户可抽查' : '该走访人在核对期间没有责任农户',
        input.villageId ? 'villageId' : 'visitorPersonId',
      );
    const households: SpotCheckEntry[] = drawSample(candidates.sort(), input.size, (n) => randomInt(n)).map((householdId) => ({
      householdId,
      check: null,
    }));
    const record: SpotCheckRecord = {
      _id: id,
      townshipId: actor.townshipId,
      scope,
      scopeLabel,
      fromDay: input.fromDay,
      toDay: input.toDay,
      size: input.size,
      households,
      drawnBy: actor.personId,
      drawnByName: actor.name,
      drawnAt: ctx.now,
      updatedAt: ctx.now,
    };
    // the sample and its audit line land together; a twin that lost the race reads the sample the winner drew
    const created = await inTransaction(ctx.db, async (tx) => {
      if (await txGet<SpotCheckRecord>(tx, 'spotChecks', id)) return false;
      const { _id, ...data } = record;
      await tx.collection('spotChecks').doc(_id).set({ data });
      await writeAudit(tx, ctx, 'drawSpotCheck', { collection: 'spotChecks', docId: _id, before: null, after: record });
      return true;
    });
    return spotCheckView(ctx, created ? record : ((await getById<SpotCheckRecord>(ctx.db, 'spotChecks', id)) ?? record));
  },
});

async function requireSpotCheck(ctx: ActionContext, spotCheckId: string): Promise<SpotCheckRecord> {
  const r = await getById<SpotCheckRecord>(ctx.db, 'spotChecks', spotCheckId);
  if (!r || r.townshipId !== actorOf(ctx).townshipId) throw notFound('该抽查');
  return r;
}

/** The sample with each household's recorded visits in the period and what does not add up. */
async function spotCheckView(ctx: ActionContext, r: SpotCheckRecord): Promise<SpotCheckView> {
  const ids = r.households.map((h) => h.householdId);
  const { from, to } = periodInstants(r.fromDay, r.toDay);
  const _ = ctx.db.command;
  const households = new Map((await findByIds<HouseholdRecord>(ctx.db, 'households', ids)).map((h) => [h._id, h]));
  const visits = (
    await findAll<VisitRecord>(ctx.db, 'visits', {
      townshipId: r.townshipId,
      householdId: _.in(ids),
      day: _.gte(r.fromDay).and(_.lte(r.toDay)),
    })
  ).filter((v) => r.scope.kind === 'village' || v.visitorPersonId === r.scope.visitorPersonId);
  const assignments = (await findAll<AssignmentRecord>(ctx.db, 'assignments', { householdId: _.in(ids) })).filter((a) =>
    overlaps(a, from, to),
  );
  const hazards = await findAll<HazardRecord>(ctx.db, 'hazards', {
    townshipId: r.townshipId,
    householdId: _.in(ids),
    status: _.neq('verified'),
  });
  const people = await findByIds<PersonRecord>(ctx.db, 'persons', [
    ...visits.map((v) => v.visitorPersonId),
    ...assignments.map((a) => a.visitorPersonId),
  ]);
  const name = new Map(people.map((p) => [p._id, p.name]));
  const out: SpotCheckHousehold[] = r.households.map((entry) => {
    const h = households.get(entry.householdId);
    const mine = visits
      .filter((v) => v.householdId === entry.householdId)
      .sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime())
      .map((v) => ({
        visitId: v._id,
        at: new Date(v.at).toISOString(),
        day: v.day,
        visitorName: name.get(v.visitorPersonId) ?? '',
        proofs: v.proofs,
      }));
    const check = entry.check;
    return {
      householdId: entry.householdId,
      address: h?.address ?? entry.householdId,
      headName: h?.headName ?? '',
      visitorNames: [
        ...new Set(assignments.filter((a) => a.householdId === entry.householdId).map((a) => name.get(a.visitorPersonId) ?? '')),
      ],
      visits: mine.map(({ day: _d, ...v }) => v),
      check: check && {
        says: check.says,
        visitorSaid: check.visitorSaid,
        visitDay: check.visitDay,
        hazardsSeen: check.hazardsSeen,
        note: check.note,
        checkedByName: check.checkedByName,
        checkedAt: new Date(check.checkedAt).toISOString(),
      },
      mismatches: spotCheckMismatches(check, mine, hazards.filter((z) => z.householdId === entry.householdId).length),
    };
  });
  return {
    ...summaryOf(
      r,
      out.reduce((n, h) => n + h.mismatches.length, 0),
    ),
    drawnByName: r.drawnByName,
    households: out,
  };
}

export const getSpotCheck = defineAction({
  schema: spotCheckIdSchema,
  access: SUPERVISORS,
  run: async (ctx, input): Promise<SpotCheckView> => spotCheckView(ctx, await requireSpotCheck(ctx, input.spotCheckId)),
});

/** One household's check at the door; recording it again corrects it (the audit keeps what it said before). */
export const recordSpotCheck = defineAction({
  schema: recordSpotCheckSchema,
  access: SUPERVISORS,
  async run(ctx, input): Promise<SpotCheckView> {
    const actor = actorOf(ctx);
    await requireSpotCheck(ctx, input.spotCheckId);
    const after = await inTransaction(ctx.db, async (tx) => {
      const r = await txGet<SpotCheckRecord>(tx, 'spotChecks', input.spotCheckId);
      if (!r) throw notFound('该抽查');
      const index = r.households.findIndex((h) => h.householdId === input.householdId);
      if (index < 0) throw new AppError('NOT_FOUND', '该农户不在本次抽查样本中', 'householdId');
      const before = r.households[index];
      const entry: SpotCheckEntry = {
        householdId: input.householdId,
        check: {
          says: input.says,
          visitorSaid: input.visitorSaid,
          visitDay: input.visitDay,
          hazardsSeen: input.hazardsSeen,
          note: input.note,
          checkedBy: actor.personId,
          checkedByName: actor.name,
          checkedAt: ctx.now,
        },
      };
      const households = r.households.map((h, i) => (i === index ? entry : h));
      await tx
        .collection('spotChecks')
        .doc(r._id)
        .update({ data: { households, updatedAt: ctx.now } });
      await writeAudit(tx, ctx, 'recordSpotCheck', { collection: 'spotChecks', docId: r._id, before, after: entry });
      return { ...r, _id: input.spotCheckId, households, updatedAt: ctx.now };
    });
    return spotCheckView(ctx, after);
  },
});
