// A micro-grid's weekly board (every household contacted or not, the risk report) and its recent weeks.
import type { ListWeeksResult, WeeklyBoard } from '../../../typings/grid';
import { defineAction } from '../../infra/dispatch';
import { findAll, findByIds, getById } from '../../infra/store';
import type { HouseholdRecord } from '../../domain/org/records';
import type { HazardRecord } from '../../domain/visit/records';
import { weeklyContactId, weeklyReportId, type WeeklyReportRecord } from '../../domain/grid/records';
import { gridWeekOf, officialStatus } from '../../domain/grid/gridWeek';
import { closedView, contactRow, reportView, weekRef } from '../../domain/grid/views';
import { recentWeeks } from '../../domain/grid/weeks';
import { listWeeksSchema, weeklyBoardSchema } from '../../domain/grid/schemas';
import { contactsOf, holdersByScope, namesOf, readableGrid, readableGridWithVillage, reportsOf, requestedWeek } from './weekData';

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
    return {
      week: weekRef(week, ctx.now),
      grid: {
        id: grid._id,
        name: grid.name,
        villageId: grid.villageId,
        villageName: village?.name ?? '',
        leaderName: namesOf(leaders.get(grid._id)),
      },
      households: live.due.map((h) => contactRow(h, contacts.get(weeklyContactId(week.key, h._id)), closedAt)),
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
