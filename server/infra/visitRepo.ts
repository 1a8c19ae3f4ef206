// Reads the `visit` handlers share: the township's active campaigns, a household's assignment history, new ids.
import { randomBytes } from 'crypto';
import type { AssignmentRecord, HouseholdRecord } from '../domain/org/records';
import type { CampaignRecord } from '../domain/quota/records';
import type { AssignmentFact } from '../domain/quota/visitQuota';
import type { ActionContext } from './dispatch';
import { AppError } from './errors';
import { actorOf } from './orgRepo';
import { findAll, getById } from './store';

export async function activeCampaigns(ctx: ActionContext): Promise<CampaignRecord[]> {
  return findAll<CampaignRecord>(ctx.db, 'campaigns', { townshipId: actorOf(ctx).townshipId, active: true });
}

export function assignmentFacts(rows: readonly AssignmentRecord[]): AssignmentFact[] {
  return rows.map((r) => ({
    visitorId: r.visitorPersonId,
    householdId: r.householdId,
    validFrom: new Date(r.validFrom),
    validTo: r.validTo ? new Date(r.validTo) : null,
  }));
}

/** Every assignment the household ever had: who held it when. */
export async function householdAssignments(ctx: ActionContext, householdId: string): Promise<AssignmentFact[]> {
  return assignmentFacts(await findAll<AssignmentRecord>(ctx.db, 'assignments', { householdId }));
}

/** CloudBase-style 32-hex id, chosen before a transaction so the documents can point at each other. */
export function newDocId(): string {
  return randomBytes(16).toString('hex');
}

/** The household a villager acts for: the one named, if it is theirs, or their only one. */
export async function villagerHousehold(ctx: ActionContext, householdId?: string): Promise<HouseholdRecord> {
  const own = actorOf(ctx)
    .grants.filter((g) => g.role === 'villager')
    .map((g) => g.scopeId);
  const id = householdId ?? (own.length === 1 ? own[0] : undefined);
  if (!id) throw new AppError('INVALID_INPUT', '请选择您的农户', 'householdId');
  if (!own.includes(id)) throw new AppError('FORBIDDEN', '您只能查看自己家的记录');
  const h = await getById<HouseholdRecord>(ctx.db, 'households', id);
  if (!h || h.townshipId !== actorOf(ctx).townshipId) throw new AppError('NOT_FOUND', '该农户不存在');
  return h;
}
