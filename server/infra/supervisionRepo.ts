// Reads the supervision pages and exports share: the register lines of a village's hazards with the households and
// verifiers they name.
import type { ActionContext } from './dispatch';
import { findByIds } from './store';
import type { HouseholdRecord, PersonRecord } from '../domain/org/records';
import type { HazardRecord } from '../domain/visit/records';
import { registerRow } from '../domain/supervision/hazardRegister';
import type { HazardRegisterRow } from '../../typings/supervision';

export async function registerRows(ctx: ActionContext, hazards: readonly HazardRecord[]): Promise<HazardRegisterRow[]> {
  const households = await findByIds<HouseholdRecord>(ctx.db, 'households', hazards.map((h) => h.householdId ?? '').filter(Boolean));
  const verifiers = await findByIds<PersonRecord>(ctx.db, 'persons', hazards.map((h) => h.verifiedBy ?? '').filter(Boolean));
  const facts = {
    households: new Map(households.map((h) => [h._id, { address: h.address, headName: h.headName }])),
    names: new Map(verifiers.map((p) => [p._id, p.name])),
    now: ctx.now,
  };
  return hazards.map((h) => registerRow(h, facts));
}
