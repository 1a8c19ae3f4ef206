// The weekly close (timer, Monday 00:30 Beijing time): for every ISO week that ended and is not closed yet, freeze each
// grid's result, list the incomplete grids for the village liaison and remind their grid leaders. Idempotent (deterministic
// ids, conditional writes), catches up over missed weeks from the checkpoint in `jobState`, and never touches the
// discipline office: grid leaders are villagers (SPEC §4, last paragraph).
import type { WeeklyCloseSummary } from '../../../typings/grid';
import type { ActionContext } from '../../infra/dispatch';
import { auditRecord } from '../../infra/audit';
import { createOnce } from '../../infra/createOnce';
import { findAll, getById } from '../../infra/store';
import type { GridRecord, HouseholdRecord, PersonRecord, TownshipRecord, VillageRecord } from '../../domain/org/records';
import type { IsoWeek } from '../../domain/time/cst';
import { gridWeekOf } from '../../domain/grid/gridWeek';
import { gridExisted } from '../../domain/grid/weeklyContact';
import { weekEnd, weeksToClose } from '../../domain/grid/weeks';
import {
  weeklyCloseStateId,
  weeklyContactId,
  weeklyReportId,
  type WeeklyCloseResult,
  type WeeklyCloseState,
  type WeeklyContactRecord,
  type WeeklyReportRecord,
} from '../../domain/grid/records';
import { holdersByScope } from './weekData';
import { notifyWeek } from './closeNotify';

/** stop starting new weeks after this long, well inside the function's 60 s; the checkpoint lets the next run carry on */
const TIME_BUDGET_MS = 40_000;

export interface TownshipOrg {
  townshipId: string;
  villages: Map<string, VillageRecord>;
  grids: GridRecord[];
  households: HouseholdRecord[];
  leaders: Map<string, PersonRecord[]>;
  liaisons: Map<string, PersonRecord[]>;
}

async function loadTownshipOrg(ctx: ActionContext, townshipId: string): Promise<TownshipOrg> {
  return {
    townshipId,
    villages: new Map((await findAll<VillageRecord>(ctx.db, 'villages', { townshipId })).map((v) => [v._id, v])),
    grids: await findAll<GridRecord>(ctx.db, 'grids', { townshipId }),
    households: await findAll<HouseholdRecord>(ctx.db, 'households', { townshipId }),
    leaders: await holdersByScope(ctx, townshipId, 'gridLeader'),
    liaisons: await holdersByScope(ctx, townshipId, 'liaison'),
  };
}

export async function runWeeklyClose(ctx: ActionContext, onlyTownshipId?: string): Promise<WeeklyCloseSummary> {
  const started = Date.now();
  const summary: WeeklyCloseSummary = { weeks: [], gridsClosed: 0, liaisonEntries: 0, leaderReminders: 0, more: false };
  const townships = await findAll<TownshipRecord>(ctx.db, 'townships', onlyTownshipId ? { _id: onlyTownshipId } : {});
  for (const township of townships) {
    const state = await getById<WeeklyCloseState>(ctx.db, 'jobState', weeklyCloseStateId(township._id));
    const due = weeksToClose(state?.lastClosedWeek ?? null, ctx.now);
    if (!due.length) continue;
    const org = await loadTownshipOrg(ctx, township._id);
    for (const week of due) {
      if (Date.now() - started > TIME_BUDGET_MS) {
        summary.more = true;
        return summary;
      }
      const results = await closeWeek(ctx, org, week, summary);
      const sent = await notifyWeek(ctx, org, week, results);
      summary.liaisonEntries += sent.liaisonEntries;
      summary.leaderReminders += sent.leaderReminders;
      await advanceCheckpoint(ctx, township._id, week.key);
      if (!summary.weeks.includes(week.key)) summary.weeks.push(week.key);
    }
  }
  return summary;
}

/** Freeze every grid's result for the week (once: a result already there is kept), then read back what is stored. */
async function closeWeek(
  ctx: ActionContext,
  org: TownshipOrg,
  week: IsoWeek,
  summary: WeeklyCloseSummary,
): Promise<Map<string, WeeklyReportRecord>> {
  const where = { townshipId: org.townshipId, weekKey: week.key };
  const contacts = new Map(
    (await findAll<WeeklyContactRecord>(ctx.db, 'weeklyContacts', where)).map((c) => [weeklyContactId(c.weekKey, c.householdId), c]),
  );
  const docs = new Map((await findAll<WeeklyReportRecord>(ctx.db, 'weeklyReports', where)).map((r) => [r._id, r]));
  const grids = org.grids.filter((g) => gridExisted(g, weekEnd(week)));
  for (const grid of grids) {
    const id = weeklyReportId(week.key, grid._id);
    const doc = docs.get(id);
    if (doc?.closed) continue;
    const s = gridWeekOf(grid._id, week, org.households, contacts, doc);
    const closed: WeeklyCloseResult = {
      complete: s.complete,
      contacted: s.contacted,
      total: s.total,
      reportFiled: s.reportFiled,
      missingHouseholdIds: s.missingHouseholdIds,
      closedAt: ctx.now,
    };
    if (await writeClosed(ctx, grid, week.key, id, closed, !!doc)) {
      summary.gridsClosed++;
      await ctx.db.collection('audit').add({
        data: {
          ...auditRecord(ctx, 'grid.weeklyClose', { collection: 'weeklyReports', docId: id, before: doc ?? null, after: { closed } }),
        },
      });
    }
  }
  // a concurrent run may have written some results first: notify from what is stored, so every run says the same
  return new Map((await findAll<WeeklyReportRecord>(ctx.db, 'weeklyReports', where)).map((r) => [r.gridId, r]));
}

/** true when this call wrote the result; only a document whose `closed` is still empty is written. */
async function writeClosed(
  ctx: ActionContext,
  grid: GridRecord,
  weekKey: string,
  id: string,
  closed: WeeklyCloseResult,
  exists: boolean,
): Promise<boolean> {
  const fill = async () => {
    const res = (await ctx.db
      .collection('weeklyReports')
      .where({ _id: id, closed: null })
      .update({ data: { closed: ctx.db.command.set(closed), updatedAt: ctx.now } })) as { stats?: { updated?: number } };
    return !!res.stats?.updated;
  };
  if (exists) return fill();
  const fresh: WeeklyReportRecord = {
    _id: id,
    townshipId: grid.townshipId,
    villageId: grid.villageId,
    gridId: grid._id,
    weekKey,
    report: null,
    closed,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  if (await createOnce(ctx.db, 'weeklyReports', { ...fresh })) return true;
  // someone created it meanwhile (a late report, or a concurrent close): fill it if it is still open
  return fill();
}

/** Move the checkpoint forward only: a slower concurrent run never moves it back. */
async function advanceCheckpoint(ctx: ActionContext, townshipId: string, weekKey: string): Promise<void> {
  const id = weeklyCloseStateId(townshipId);
  const _ = ctx.db.command;
  const forward = async () => {
    const res = (await ctx.db
      .collection('jobState')
      .where({ _id: id, lastClosedWeek: _.lt(weekKey) })
      .update({ data: { lastClosedWeek: weekKey, updatedAt: ctx.now } })) as { stats?: { updated?: number } };
    return !!res.stats?.updated;
  };
  const state: WeeklyCloseState = { _id: id, townshipId, lastClosedWeek: weekKey, updatedAt: ctx.now };
  const moved = (await forward()) || (await createOnce(ctx.db, 'jobState', { ...state })) || (await forward());
  if (moved)
    await ctx.db
      .collection('audit')
      .add({ data: { ...auditRecord(ctx, 'grid.weeklyClose', { collection: 'jobState', docId: id, before: null, after: state }) } });
}
