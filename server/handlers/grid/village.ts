// A village's grids for one week, for its liaison and the office: contact rate, report filed, and the grids not complete.
import type { VillageWeek } from '../../../typings/grid';
import { defineAction } from '../../infra/dispatch';
import { findAll } from '../../infra/store';
import type { GridRecord, HouseholdRecord } from '../../domain/org/records';
import { weeklyReportId } from '../../domain/grid/records';
import { gridWeekOf, officialStatus } from '../../domain/grid/gridWeek';
import { gridExisted } from '../../domain/grid/weeklyContact';
import { byGridName, villageGridWeek, weekRef } from '../../domain/grid/views';
import { weekEnd } from '../../domain/grid/weeks';
import { villageWeekSchema } from '../../domain/grid/schemas';
import { contactsOf, holdersByScope, namesOf, readableVillage, reportsOf, requestedWeek } from './weekData';

export const villageWeek = defineAction({
  schema: villageWeekSchema,
  access: ['liaison', 'office'],
  async run(ctx, input): Promise<VillageWeek> {
    const village = await readableVillage(ctx, input.villageId);
    const week = requestedWeek(ctx, input.weekKey);
    const grids = (await findAll<GridRecord>(ctx.db, 'grids', { villageId: village._id }))
      .filter((g) => gridExisted(g, weekEnd(week)))
      .sort(byGridName);
    const households = await findAll<HouseholdRecord>(ctx.db, 'households', { villageId: village._id });
    const contacts = await contactsOf(
      ctx,
      households.map((h) => h._id),
      [week.key],
    );
    const reports = await reportsOf(
      ctx,
      grids.map((g) => g._id),
      [week.key],
    );
    const leaders = await holdersByScope(ctx, village.townshipId, 'gridLeader');
    const rows = grids.map((g) => {
      const doc = reports.get(weeklyReportId(week.key, g._id));
      return villageGridWeek(g, namesOf(leaders.get(g._id)), officialStatus(gridWeekOf(g._id, week, households, contacts, doc), doc));
    });
    return {
      week: weekRef(week, ctx.now),
      village: { id: village._id, name: village.name },
      grids: rows,
      incomplete: rows.filter((r) => !r.complete),
    };
  },
});
