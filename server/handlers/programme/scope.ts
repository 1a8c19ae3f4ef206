// Who reads and keeps which programme records: the office the whole township, a liaison its own village, a helper
// the elderly people assigned to them ("一对一").
import type { ActionContext } from '../../infra/dispatch';
import { AppError } from '../../infra/errors';
import { actorOf } from '../../infra/orgRepo';
import type { Where } from '../../infra/store';
import { isOffice, liaisonVillageIds } from '../../domain/org/access';

export interface ProgrammeScope {
  townshipId: string;
  all: boolean;
  villageIds: string[];
  helperPersonId: string | null;
}

export function programmeScope(ctx: ActionContext): ProgrammeScope {
  const actor = actorOf(ctx);
  const all = isOffice(actor.grants, actor.townshipId);
  const helper = actor.grants.some((g) => g.role === 'helper');
  return {
    townshipId: actor.townshipId,
    all,
    villageIds: all ? [] : liaisonVillageIds(actor.grants),
    helperPersonId: helper ? actor.personId : null,
  };
}

/** The village may be changed by the caller: the office, or its liaison. */
export function requireKeeper(scope: ProgrammeScope, villageId: string): void {
  if (scope.all || scope.villageIds.includes(villageId)) return;
  throw new AppError('FORBIDDEN', '您只能维护本村（社区）的登记');
}

/** Elderly entries the caller may read. */
export function elderlyWhere(ctx: ActionContext, scope: ProgrammeScope, villageId?: string): Where {
  const _ = ctx.db.command;
  const base: Where = villageId ? { townshipId: scope.townshipId, villageId } : { townshipId: scope.townshipId };
  if (scope.all) return base;
  const any: Where[] = [];
  if (scope.villageIds.length) any.push({ villageId: _.in(scope.villageIds) });
  if (scope.helperPersonId) any.push({ 'helper.personId': scope.helperPersonId });
  if (!any.length) return { townshipId: scope.townshipId, _id: _.in([]) };
  return _.and([base, any.length === 1 ? any[0] : _.or(any)]);
}
