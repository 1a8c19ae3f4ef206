// People and their role grants (SPEC §1): a person may hold several roles, each scoped to a household, grid, village or township.
import type { Page, PersonView } from '../../../typings/org';
import type { RoleGrant } from '../../../typings/roles';
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { AppError, forbidden } from '../../infra/errors';
import { writeAudit } from '../../infra/audit';
import { idempotent } from '../../infra/idempotency';
import { actorOf, requireGrid, requireHousehold, requirePerson, requireVillage, scopeNames } from '../../infra/orgRepo';
import { currentAssignmentWhere } from '../../infra/orgScope';
import { findAll, findByIds, inTransaction, txGet } from '../../infra/store';
import { canGrant, canSeePhones, isOffice, isTownshipWide, liaisonVillageIds, type GrantTarget } from '../../domain/org/access';
import { maskPhone } from '../../domain/org/phoneMask';
import { addPersonSchema, grantRoleSchema, listPersonsSchema, revokeRoleSchema, type GrantInput } from '../../domain/org/schemas';
import type { AssignmentRecord, GridRecord, HouseholdRecord, PersonRecord } from '../../domain/org/records';
import { roleView } from '../../domain/org/views';
import { ROLE_LABELS, ROLE_SCOPE } from '../../domain/roles';

export interface ResolvedGrant {
  grant: RoleGrant;
  target: GrantTarget;
}

/** Turn a requested role and scope id into a stored grant, checking that the scope exists in the caller's township. */
export async function resolveGrant(ctx: ActionContext, input: GrantInput): Promise<ResolvedGrant> {
  const townshipId = actorOf(ctx).townshipId;
  const scopeType = ROLE_SCOPE[input.role];
  const scopeId = input.scopeId ?? '';
  if (scopeType === 'household') {
    const h = await requireHousehold(ctx, scopeId);
    if (!h.active) throw new AppError('HOUSEHOLD_INACTIVE', '该农户已迁出，不能再加入', 'scopeId');
    return { grant: { role: input.role, scopeType, scopeId: h._id, townshipId }, target: { role: input.role, villageId: h.villageId, gridId: h.gridId } };
  }
  if (scopeType === 'grid') {
    const g = await requireGrid(ctx, scopeId);
    return { grant: { role: input.role, scopeType, scopeId: g._id, townshipId }, target: { role: input.role, villageId: g.villageId, gridId: g._id } };
  }
  if (scopeType === 'village') {
    const v = await requireVillage(ctx, scopeId);
    return { grant: { role: input.role, scopeType, scopeId: v._id, townshipId }, target: { role: input.role, villageId: v._id, gridId: null } };
  }
  return { grant: { role: input.role, scopeType, scopeId: townshipId, townshipId }, target: { role: input.role, villageId: null, gridId: null } };
}

export function requireMayGrant(ctx: ActionContext, resolved: ResolvedGrant): void {
  const actor = actorOf(ctx);
  if (!canGrant(actor.grants, actor.townshipId, resolved.target)) throw forbidden(`您无权授予“${ROLE_LABELS[resolved.grant.role]}”角色`);
}

const sameGrant = (a: RoleGrant, b: RoleGrant) => a.role === b.role && a.scopeId === b.scopeId;

/** People shaped for the page; scope names for the whole batch are loaded at once. */
export async function personViews(ctx: ActionContext, persons: readonly PersonRecord[], showPhone: (p: PersonRecord) => boolean): Promise<PersonView[]> {
  const names = await scopeNames(ctx, persons.flatMap((p) => p.grants));
  return persons.map((p) => ({
    id: p._id,
    name: p.name,
    phone: showPhone(p) ? p.phone : maskPhone(p.phone),
    bound: !!p.openid,
    active: p.active,
    roles: p.grants.map((g) => roleView(g, names.get(g.scopeId) ?? '')),
  }));
}

const personView = async (ctx: ActionContext, p: PersonRecord, showPhone: boolean) => (await personViews(ctx, [p], () => showPhone))[0];

export const addPerson = defineAction({
  schema: addPersonSchema,
  access: ['office', 'liaison', 'gridLeader'],
  run: (ctx, input) =>
    idempotent(ctx, 'addPerson', async (): Promise<PersonView> => {
      const actor = actorOf(ctx);
      const grants: RoleGrant[] = [];
      for (const requested of input.grants) {
        const resolved = await resolveGrant(ctx, requested);
        requireMayGrant(ctx, resolved);
        if (!grants.some((g) => sameGrant(g, resolved.grant))) grants.push(resolved.grant);
      }
      const record = { townshipId: actor.townshipId, name: input.name, phone: input.phone ?? null, openid: null, active: true, grants, createdAt: ctx.now, updatedAt: ctx.now };
      const person = await inTransaction(ctx.db, async (tx) => {
        const { _id } = await tx.collection('persons').add({ data: record });
        const person: PersonRecord = { _id, ...record };
        await writeAudit(tx, ctx, 'addPerson', { collection: 'persons', docId: _id, before: null, after: person });
        return person;
      });
      return personView(ctx, person, true);
    }),
});

export const grantRole = defineAction({
  schema: grantRoleSchema,
  access: ['office', 'liaison', 'gridLeader'],
  async run(ctx, input): Promise<PersonView> {
    await requirePerson(ctx, input.personId);
    const resolved = await resolveGrant(ctx, input);
    requireMayGrant(ctx, resolved);
    const after = await inTransaction(ctx.db, async (tx) => {
      const before = await txGet<PersonRecord>(tx, 'persons', input.personId);
      if (!before) throw new AppError('NOT_FOUND', '该人员不存在');
      if (before.grants.some((g) => sameGrant(g, resolved.grant))) return before;
      const after: PersonRecord = { ...before, grants: [...before.grants, resolved.grant], updatedAt: ctx.now };
      await tx.collection('persons').doc(before._id).update({ data: { grants: after.grants, updatedAt: ctx.now } });
      await writeAudit(tx, ctx, 'grantRole', { collection: 'persons', docId: before._id, before, after });
      return after;
    });
    return personView(ctx, after, true);
  },
});

export const revokeRole = defineAction({
  schema: revokeRoleSchema,
  access: ['office', 'liaison', 'gridLeader'],
  async run(ctx, input): Promise<PersonView> {
    const actor = actorOf(ctx);
    await requirePerson(ctx, input.personId);
    const resolved = await resolveGrant(ctx, input);
    requireMayGrant(ctx, resolved);
    if (input.personId === actor.personId && input.role === 'office') throw new AppError('CONFLICT', '不能撤销自己的镇办公室角色，请由其他办公室人员操作');
    // a visitor who loses the role stops holding households from now on; the history stays
    const closing = input.role === 'visitor' ? await findAll<AssignmentRecord>(ctx.db, 'assignments', currentAssignmentWhere(ctx, { visitorPersonId: input.personId })) : [];
    const after = await inTransaction(ctx.db, async (tx) => {
      const before = await txGet<PersonRecord>(tx, 'persons', input.personId);
      if (!before) throw new AppError('NOT_FOUND', '该人员不存在');
      if (!before.grants.some((g) => sameGrant(g, resolved.grant))) return before;
      const after: PersonRecord = { ...before, grants: before.grants.filter((g) => !sameGrant(g, resolved.grant)), updatedAt: ctx.now };
      await tx.collection('persons').doc(before._id).update({ data: { grants: after.grants, updatedAt: ctx.now } });
      await writeAudit(tx, ctx, 'revokeRole', { collection: 'persons', docId: before._id, before, after });
      for (const a of closing) {
        const closed = { ...a, validTo: ctx.now, endReason: '走访人角色已撤销' };
        await tx.collection('assignments').doc(a._id).update({ data: { validTo: closed.validTo, endReason: closed.endReason } });
        await writeAudit(tx, ctx, 'revokeRole', { collection: 'assignments', docId: a._id, before: a, after: closed, reason: closed.endReason });
      }
      return after;
    });
    return personView(ctx, after, true);
  },
});

/** The village each grant sits in (null for township-wide grants), for a liaison's view of "its" people. */
async function grantVillages(ctx: ActionContext, persons: PersonRecord[]): Promise<Map<string, string>> {
  const scoped = persons.flatMap((p) => p.grants);
  const households = await findByIds<HouseholdRecord>(ctx.db, 'households', scoped.filter((g) => g.scopeType === 'household').map((g) => g.scopeId));
  const grids = await findByIds<GridRecord>(ctx.db, 'grids', scoped.filter((g) => g.scopeType === 'grid').map((g) => g.scopeId));
  const village = new Map<string, string>();
  for (const h of households) village.set(h._id, h.villageId);
  for (const g of grids) village.set(g._id, g.villageId);
  for (const g of scoped) if (g.scopeType === 'village') village.set(g.scopeId, g.scopeId);
  return village;
}

export const listPersons = defineAction({
  schema: listPersonsSchema,
  access: ['office', 'discipline', 'liaison'],
  async run(ctx, input): Promise<Page<PersonView>> {
    const actor = actorOf(ctx);
    const townshipId = actor.townshipId;
    let persons = await findAll<PersonRecord>(ctx.db, 'persons', input.role ? { townshipId, 'grants.role': input.role } : { townshipId });
    const personVillages = new Map<string, Set<string>>();
    if (!isTownshipWide(actor.grants, townshipId)) {
      const mine = new Set(liaisonVillageIds(actor.grants));
      const villageOf = await grantVillages(ctx, persons);
      const assigned = await findAll<AssignmentRecord>(ctx.db, 'assignments', currentAssignmentWhere(ctx, { townshipId, villageId: ctx.db.command.in([...mine]) }));
      for (const p of persons) {
        const vs = new Set(p.grants.map((g) => villageOf.get(g.scopeId)).filter((v): v is string => !!v && mine.has(v)));
        for (const a of assigned) if (a.visitorPersonId === p._id) vs.add(a.villageId);
        personVillages.set(p._id, vs);
      }
      persons = persons.filter((p) => personVillages.get(p._id)!.size > 0);
    }
    persons.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a._id.localeCompare(b._id));
    const start = (input.page - 1) * input.pageSize;
    const showPhone = (p: PersonRecord) =>
      isOffice(actor.grants, townshipId) || [...(personVillages.get(p._id) ?? [])].some((v) => canSeePhones(actor.grants, townshipId, v));
    const items = await personViews(ctx, persons.slice(start, start + input.pageSize), showPhone);
    return { items, total: persons.length, page: input.page, pageSize: input.pageSize };
  },
});
