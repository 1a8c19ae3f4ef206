// People and their role grants (SPEC §1): a person may hold several roles, each scoped to a household, grid, village or township.
import type { Page, PersonView } from '../../../typings/org';
import type { RoleGrant } from '../../../typings/roles';
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { AppError } from '../../infra/errors';
import { writeAudit } from '../../infra/audit';
import { idempotent } from '../../infra/idempotency';
import { actorOf, requireGrid, requireHousehold, requirePerson, requireVillage } from '../../infra/orgRepo';
import { granterOf, personViewFor, personViewsFor, placementsFor, requireAllowed, visitorWork } from '../../infra/orgPeople';
import { findAll, inTransaction, txGet } from '../../infra/store';
import { isTownshipWide } from '../../domain/org/access';
import { decideGrant, decideRevoke, visitorCovers, type PlacedGrant } from '../../domain/org/grantPolicy';
import { exposure } from '../../domain/org/personExposure';
import { addPersonSchema, grantRoleSchema, listPersonsSchema, revokeRoleSchema, type GrantInput } from '../../domain/org/schemas';
import type { PersonRecord } from '../../domain/org/records';
import { ROLE_SCOPE } from '../../domain/roles';
import { isDepartment } from '../../domain/place/placeTypes';

/** Turn a requested role and scope id into a grant placed in its village and grid, checking the scope is in the caller's township. */
export async function resolveGrant(ctx: ActionContext, input: GrantInput): Promise<PlacedGrant> {
  const townshipId = actorOf(ctx).townshipId;
  const role = input.role;
  const scopeId = input.scopeId ?? '';
  // a visitor is township-wide, or a village's own visitor when a village is named (SPEC §4: "township or village scope")
  const scopeType = role === 'visitor' && input.scopeId ? 'village' : ROLE_SCOPE[role];
  if (scopeType === 'household') {
    const h = await requireHousehold(ctx, scopeId);
    if (!h.active) throw new AppError('HOUSEHOLD_INACTIVE', '该农户已迁出，不能再加入', 'scopeId');
    return { role, scopeType, scopeId: h._id, townshipId, villageId: h.villageId, gridId: h.gridId };
  }
  if (scopeType === 'grid') {
    const g = await requireGrid(ctx, scopeId);
    return { role, scopeType, scopeId: g._id, townshipId, villageId: g.villageId, gridId: g._id };
  }
  if (scopeType === 'village') {
    const v = await requireVillage(ctx, scopeId);
    return { role, scopeType, scopeId: v._id, townshipId, villageId: v._id, gridId: null };
  }
  if (scopeType === 'department') {
    if (!isDepartment(scopeId)) throw new AppError('NOT_FOUND', '该部门不存在：请选择经发办、民政和社会事务办、规建办或应急办', 'scopeId');
    return { role, scopeType, scopeId, townshipId, villageId: null, gridId: null };
  }
  return { role, scopeType, scopeId: townshipId, townshipId, villageId: null, gridId: null };
}

/** The stored grant, without where it lies. */
export const storedGrant = ({ role, scopeType, scopeId, townshipId }: PlacedGrant): RoleGrant => ({ role, scopeType, scopeId, townshipId });

const sameGrant = (a: RoleGrant, b: RoleGrant) => a.role === b.role && a.scopeId === b.scopeId;

export const addPerson = defineAction({
  schema: addPersonSchema,
  access: ['office', 'discipline', 'liaison', 'gridLeader'],
  run: (ctx, input) =>
    idempotent(ctx, 'addPerson', async (): Promise<PersonView> => {
      const actor = actorOf(ctx);
      const grants: RoleGrant[] = [];
      for (const requested of input.grants) {
        const resolved = await resolveGrant(ctx, requested);
        requireAllowed(decideGrant(granterOf(actor), null, resolved));
        if (!grants.some((g) => sameGrant(g, resolved))) grants.push(storedGrant(resolved));
      }
      const record = {
        townshipId: actor.townshipId,
        name: input.name,
        phone: input.phone ?? null,
        openid: null,
        active: true,
        grants,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      const person = await inTransaction(ctx.db, async (tx) => {
        const { _id } = await tx.collection('persons').add({ data: record });
        const person: PersonRecord = { _id, ...record };
        await writeAudit(tx, ctx, 'addPerson', { collection: 'persons', docId: _id, before: null, after: person });
        return person;
      });
      return personViewFor(ctx, person);
    }),
});

export const grantRole = defineAction({
  schema: grantRoleSchema,
  access: ['office', 'discipline', 'liaison', 'gridLeader'],
  async run(ctx, input): Promise<PersonView> {
    const actor = actorOf(ctx);
    await requirePerson(ctx, input.personId);
    const resolved = await resolveGrant(ctx, input);
    requireAllowed(decideGrant(granterOf(actor), input.personId, resolved));
    const after = await inTransaction(ctx.db, async (tx) => {
      const before = await txGet<PersonRecord>(tx, 'persons', input.personId);
      if (!before) throw new AppError('NOT_FOUND', '该人员不存在');
      if (before.grants.some((g) => sameGrant(g, resolved))) return before;
      const after: PersonRecord = { ...before, grants: [...before.grants, storedGrant(resolved)], updatedAt: ctx.now };
      await tx
        .collection('persons')
        .doc(before._id)
        .update({ data: { grants: after.grants, updatedAt: ctx.now } });
      await writeAudit(tx, ctx, 'grantRole', { collection: 'persons', docId: before._id, before, after });
      return after;
    });
    return personViewFor(ctx, after);
  },
});

export const revokeRole = defineAction({
  schema: revokeRoleSchema,
  access: ['office', 'discipline', 'liaison', 'gridLeader'],
  async run(ctx, input): Promise<PersonView> {
    const actor = actorOf(ctx);
    const person = await requirePerson(ctx, input.personId);
    const resolved = await resolveGrant(ctx, input);
    const work = await visitorWork(ctx, person);
    requireAllowed(decideRevoke(granterOf(actor), person._id, resolved, work));
    // a visitor stops holding the households its remaining visitor grants no longer reach; the history stays
    const remaining = person.grants.filter((g) => g.role === 'visitor' && !sameGrant(g, resolved));
    const closing = resolved.role === 'visitor' ? work.assignments.filter((a) => !visitorCovers(remaining, a.villageId)) : [];
    const after = await inTransaction(ctx.db, async (tx) => {
      const before = await txGet<PersonRecord>(tx, 'persons', input.personId);
      if (!before) throw new AppError('NOT_FOUND', '该人员不存在');
      if (!before.grants.some((g) => sameGrant(g, resolved))) return before;
      const after: PersonRecord = { ...before, grants: before.grants.filter((g) => !sameGrant(g, resolved)), updatedAt: ctx.now };
      await tx
        .collection('persons')
        .doc(before._id)
        .update({ data: { grants: after.grants, updatedAt: ctx.now } });
      await writeAudit(tx, ctx, 'revokeRole', { collection: 'persons', docId: before._id, before, after });
      for (const a of closing) {
        const closed = { ...a, validTo: ctx.now, endReason: '走访人角色已撤销' };
        await tx
          .collection('assignments')
          .doc(a._id)
          .update({ data: { validTo: closed.validTo, endReason: closed.endReason } });
        await writeAudit(tx, ctx, 'revokeRole', {
          collection: 'assignments',
          docId: a._id,
          before: a,
          after: closed,
          reason: closed.endReason,
        });
      }
      return after;
    });
    return personViewFor(ctx, after);
  },
});

export const listPersons = defineAction({
  schema: listPersonsSchema,
  access: ['office', 'discipline', 'liaison'],
  async run(ctx, input): Promise<Page<PersonView>> {
    const actor = actorOf(ctx);
    const townshipId = actor.townshipId;
    let persons = await findAll<PersonRecord>(ctx.db, 'persons', input.role ? { townshipId, 'grants.role': input.role } : { townshipId });
    if (!isTownshipWide(actor.grants, townshipId)) {
      const viewer = granterOf(actor);
      const placements = await placementsFor(ctx, persons);
      persons = persons.filter((p) => exposure(viewer, p._id, placements.get(p._id)!).listed);
    }
    persons.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a._id.localeCompare(b._id));
    const start = (input.page - 1) * input.pageSize;
    const { views } = await personViewsFor(ctx, persons.slice(start, start + input.pageSize));
    return { items: views, total: persons.length, page: input.page, pageSize: input.pageSize };
  },
});
