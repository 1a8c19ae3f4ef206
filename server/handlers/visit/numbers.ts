// Hazard numbers for the township office, the discipline office and village liaisons (a liaison sees their village).
import { z } from 'zod';
import { defineAction } from '../../infra/dispatch';
import { findAll } from '../../infra/store';
import { actorOf } from '../../infra/orgRepo';
import { hasRole } from '../../infra/auth';
import type { HazardRecord } from '../../domain/visit/records';
import { hazardNumbers } from '../../domain/visit/hazardNumbers';

export const hazardNumbersByVillage = defineAction({
  schema: z.object({}),
  access: ['office', 'discipline', 'liaison'],
  async run(ctx) {
    const actor = actorOf(ctx);
    const hazards = await findAll<HazardRecord>(ctx.db, 'hazards', { townshipId: actor.townshipId });
    const all = hazardNumbers(hazards, ctx.now);
    if (hasRole(actor, 'office', 'discipline')) return all;
    const mine = new Set(actor.grants.filter((g) => g.role === 'liaison').map((g) => g.scopeId));
    return all.filter((n) => mine.has(n.villageId));
  },
});
