// Reads shared by the weekly-contact actions: the grid or village a caller means and may read, the week asked for,
// and the week's contacts, reports and grid leaders, each in a few batched queries.
import type { ActionContext } from '../../infra/dispatch';
import { AppError, forbidden, notFound } from '../../infra/errors';
import { actorOf, requireGrid, requireVillage } from '../../infra/orgRepo';
import { findAll, findByIds } from '../../infra/store';
import { liaisonVillageIds } from '../../domain/org/access';
import type { GridRecord, PersonRecord, VillageRecord } from '../../domain/org/records';
import { isoWeekOf, type IsoWeek } from '../../domain/time/cst';
import { canReadGridWeek, canReadVillageWeek, defaultLeaderGrid, soleScope } from '../../domain/grid/access';
import { weeklyContactId, weeklyReportId, type WeeklyContactRecord, type WeeklyReportRecord } from '../../domain/grid/records';
import { compareWeekKeys, weekFromKey } from '../../domain/grid/weeks';

/** The grid asked for, or the caller's own grid as leader (the first of several); refused unless the caller leads it, liaises its village or is the office. */
export async function readableGrid(ctx: ActionContext, gridId: string | undefined): Promise<GridRecord> {
  const actor = actorOf(ctx);
  const id = gridId ?? defaultLeaderGrid(actor.grants);
  if (!id) throw new AppError('INVALID_INPUT', '请选择微网格', 'gridId');
  const grid = await requireGrid(ctx, id);
  if (!canReadGridWeek(actor.grants, actor.townshipId, grid)) throw forbidden('您无权查看该微网格的每周联络情况');
  return grid;
}

/** readableGrid, with the grid's village read by the same request (one aggregation with `$lookup`). */
export async function readableGridWithVillage(
  ctx: ActionContext,
  gridId: string | undefined,
): Promise<{ grid: GridRecord; village: VillageRecord | null }> {
  const actor = actorOf(ctx);
  const id = gridId ?? defaultLeaderGrid(actor.grants);
  if (!id) throw new AppError('INVALID_INPUT', '请选择微网格', 'gridId');
  const res = (await ctx.db
    .collection('grids')
    .aggregate()
    .match({ _id: id })
    .limit(1)
    .lookup({ from: 'villages', localField: 'villageId', foreignField: '_id', as: 'nwVillage' })
    .end()) as { list: (GridRecord & { nwVillage: VillageRecord[] })[] };
  const row = res.list[0];
  if (!row || row.townshipId !== actor.townshipId) throw notFound('该微网格');
  const { nwVillage, ...grid } = row;
  if (!canReadGridWeek(actor.grants, actor.townshipId, grid)) throw forbidden('您无权查看该微网格的每周联络情况');
  return { grid, village: nwVillage[0] ?? null };
}

/** The village asked for, or the caller's only village as liaison; refused unless the caller liaises it or is the office. */
export async function readableVillage(ctx: ActionContext, villageId: string | undefined): Promise<VillageRecord> {
  const actor = actorOf(ctx);
  const id = villageId ?? soleScope(liaisonVillageIds(actor.grants));
  if (!id) throw new AppError('INVALID_INPUT', '请选择村（社区）', 'villageId');
  const village = await requireVillage(ctx, id);
  if (!canReadVillageWeek(actor.grants, actor.townshipId, village)) throw forbidden('您无权查看该村的每周联络情况');
  return village;
}

/** The week asked for (default: this week, CST); a week that has not begun yet is refused. */
export function requestedWeek(ctx: ActionContext, weekKey: string | undefined): IsoWeek {
  const current = isoWeekOf(ctx.now);
  if (!weekKey) return current;
  const week = weekFromKey(weekKey);
  if (!week) throw new AppError('INVALID_INPUT', '周次格式不正确（如 2026-W53）', 'weekKey');
  if (compareWeekKeys(week.key, current.key) > 0) throw new AppError('INVALID_INPUT', '该周尚未开始', 'weekKey');
  return week;
}

/** Contacts of these households in these weeks, keyed by weeklyContactId. */
export async function contactsOf(
  ctx: ActionContext,
  householdIds: readonly string[],
  weekKeys: readonly string[],
): Promise<Map<string, WeeklyContactRecord>> {
  const _ = ctx.db.command;
  const out = new Map<string, WeeklyContactRecord>();
  const ids = [...new Set(householdIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await findAll<WeeklyContactRecord>(ctx.db, 'weeklyContacts', {
      householdId: _.in(ids.slice(i, i + 500)),
      weekKey: _.in([...weekKeys]),
    });
    for (const c of rows) out.set(weeklyContactId(c.weekKey, c.householdId), c);
  }
  return out;
}

/** Report documents of these grids in these weeks, keyed by weeklyReportId. */
export async function reportsOf(
  ctx: ActionContext,
  gridIds: readonly string[],
  weekKeys: readonly string[],
): Promise<Map<string, WeeklyReportRecord>> {
  const ids = gridIds.flatMap((g) => weekKeys.map((k) => weeklyReportId(k, g)));
  return new Map((await findByIds<WeeklyReportRecord>(ctx.db, 'weeklyReports', ids)).map((r) => [r._id, r]));
}

/** Active persons holding `role` in the township, by the scope id of that grant (a grid for leaders, a village for liaisons). */
export async function holdersByScope(
  ctx: ActionContext,
  townshipId: string,
  role: 'gridLeader' | 'liaison',
): Promise<Map<string, PersonRecord[]>> {
  const persons = await findAll<PersonRecord>(ctx.db, 'persons', { townshipId, active: true, 'grants.role': role });
  const out = new Map<string, PersonRecord[]>();
  for (const p of persons) {
    for (const g of p.grants) {
      if (g.role !== role) continue;
      const list = out.get(g.scopeId) ?? [];
      if (!list.some((x) => x._id === p._id)) list.push(p);
      out.set(g.scopeId, list);
    }
  }
  return out;
}

export function namesOf(persons: readonly PersonRecord[] | undefined): string | null {
  return persons && persons.length ? persons.map((p) => p.name).join('、') : null;
}
