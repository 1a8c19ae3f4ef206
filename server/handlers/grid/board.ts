// A micro-grid's weekly board (every household contacted or not, the risk report) and its recent weeks.
import type { LeaderGridOption, ListWeeksResult, WeeklyBoard } from '../../../typings/grid';
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { actorOf, villageNamesOf } from '../../infra/orgRepo';
import { findAll, findByIds, getById } from '../../infra/store';
import type { GridRecord, HouseholdRecord, VillageRecord } from '../../domain/org/records';
import { leaderGridIds } from '../../domain/org/access';
import { leadsGrid } from '../../domain/grid/access';
import type { HazardRecord } from '../../domain/visit/records';
import { weeklyContactId, weeklyReportId, type WeeklyReportRecord } from '../../domain/grid/records';
import { gridWeekOf, officialStatus } from '../../domain/grid/gridWeek';
import { byGridName, closedView, contactRow, reportView, weekRef } from '../../domain/grid/views';
import { recentWeeks } from '../../domain/grid/weeks';
import { listWeeksSchema, weeklyBoardSchema } from '../../domain/grid/schemas';
import { contactsOf, holdersByScope, namesOf, readableGrid, readableGridWithVillage, reportsOf, requestedWeek } from './weekData';

/** The grids the caller leads, for the chooser: the board's own grid alone needs no read; several are read in two queries. */
async function myGrids(ctx: ActionContext, shown: GridRecord, shownVillage: VillageRecord | null): Promise<LeaderGridOption[]> {
  const ids = [...new Set(leaderGridIds(actorOf(ctx).grants))];
  if (!ids.length) return [];
  if (ids.length === 1 && ids[0] === shown._id) return [{ id: shown._id, name: shown.name, villageName: shownVillage?.name ?? '' }];
  const grids = (await findByIds<GridRecord>(ctx.db, 'grids', ids)).filter((g) => g.townshipId === shown.townshipId);
  const villages = await villageNamesOf(
    ctx,
    grids.map((g) => g.villageId),
  );
  return grids
    .map((g) => ({ id: g._id, name: g.name, villageName: villages.get(g.villageId) ?? '' }))
    .sort((a, b) => a.villageName.localeCompare(b.villageName, 'zh-CN') || byGridName(a, b));
}

export const weeklyBoard = defineAction({
  schema: weeklyBoardSchema,
  access: ['gridLeader', 'liaison', 'office'],
  async run(ctx, input): Promise<WeeklyBoard> {
    const { grid, village } = await readableGridWithVillage(ctx, input.gridId);
    const week = requestedWeek(ctx, input.weekKey);
    const households = await findAll<HouseholdRecord>(ctx.db, 'households', { gridId: grid._id });
    const contacts = await contactsOf(
      ctx,
      households.map((h) => h._id),
      [week.key],
    );
    const doc = await getById<WeeklyReportRecord>(ctx.db, 'weeklyReports', weeklyReportId(week.key, grid._id));
    const live = gridWeekOf(grid._id, week, households, contacts, doc);
    const hazardIds = doc?.report?.hazards.map((h) => h.hazardId) ?? [];
    const statuses = new Map((await findByIds<HazardRecord>(ctx.db, 'hazards', hazardIds)).map((h) => [h._id, h.status as string]));
    const leaders = await holdersByScope(ctx, grid.townshipId, 'gridLeader');
    const closedAt = doc?.closed ? new Date(doc.closed.closedAt) : null;
    // the full phone and WeChat id go to the leader of this grid only; the liaison and the office read them masked
    const reveal = leadsGrid(actorOf(ctx).grants, grid._id);
    return {
      week: weekRef(week, ctx.now),
      grid: {
        id: grid._id,
        name: grid.name,
        villageId: grid.villageId,
        villageName: village?.name ?? '',
        leaderName: namesOf(leaders.get(grid._id)),
      },
      myGrids: await myGrids(ctx, grid, village),
      households: live.due.map((h) => contactRow(h, contacts.get(weeklyContactId(week.key, h._id)), closedAt, reveal)),
      contacted: live.contacted,
      total: live.total,
      report: doc?.report ? reportView(doc.report, new Map(households.map((h) => [h._id, h.address])), statuses) : null,
      complete: live.complete,
      closed: closedView(doc?.closed),
    };
  },
});

export const listWeeks = defineAction({
  schema: listWeeksSchema,
  access: ['gridLeader', 'liaison', 'office'],
  async run(ctx, input): Promise<ListWeeksResult> {
    const grid = await readableGrid(ctx, input.gridId);
    const weeks = recentWeeks(ctx.now, input.count);
    const keys = weeks.map((w) => w.key);
    const households = await findAll<HouseholdRecord>(ctx.db, 'households', { gridId: grid._id });
    const contacts = await contactsOf(
      ctx,
      households.map((h) => h._id),
      keys,
    );
    const reports = await reportsOf(ctx, [grid._id], keys);
    return {
      gridId: grid._id,
      weeks: weeks.map((week) => {
        const doc = reports.get(weeklyReportId(week.key, grid._id));
        const s = officialStatus(gridWeekOf(grid._id, week, households, contacts, doc), doc);
        return {
          week: weekRef(week, ctx.now),
          contacted: s.contacted,
          total: s.total,
          reportFiled: s.reportFiled,
          complete: s.complete,
          closed: s.closed,
        };
      }),
    };
  },
});
