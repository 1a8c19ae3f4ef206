// What the weekly close sends: one list per village to each of its liaisons naming the incomplete grids, and one reminder
// per incomplete grid to its grid leader (inbox always, a subscription message where the leader opted in).
import type { ActionContext } from '../../infra/dispatch';
import { deliver } from '../../infra/inbox';
import type { GridRecord } from '../../domain/org/records';
import type { IsoWeek } from '../../domain/time/cst';
import { leaderReminderInboxId, liaisonListInboxId, type WeeklyReportRecord } from '../../domain/grid/records';
import { shortfallLine } from '../../domain/grid/weeklyContact';
import { byGridName } from '../../domain/grid/views';
import { weekLabel } from '../../domain/grid/weeks';
import { namesOf } from './weekData';
import type { TownshipOrg } from './close';

/** WeChat subscription "thing" values hold at most 20 characters. */
const thing = (s: string) => ({ value: s.length > 20 ? `${s.slice(0, 19)}…` : s });

export async function notifyWeek(
  ctx: ActionContext,
  org: TownshipOrg,
  week: IsoWeek,
  stored: ReadonlyMap<string, WeeklyReportRecord>,
): Promise<{ liaisonEntries: number; leaderReminders: number }> {
  const sent = { liaisonEntries: 0, leaderReminders: 0 };
  const label = weekLabel(week);
  const incomplete = org.grids.filter((g) => stored.get(g._id)?.closed?.complete === false).sort(byGridName);
  const byVillage = new Map<string, GridRecord[]>();
  for (const g of incomplete) byVillage.set(g.villageId, [...(byVillage.get(g.villageId) ?? []), g]);

  for (const [villageId, grids] of byVillage) {
    const village = org.villages.get(villageId);
    const lines = grids.map((g) => shortfallLine(g.name, namesOf(org.leaders.get(g._id)), stored.get(g._id)!.closed!));
    for (const liaison of org.liaisons.get(villageId) ?? []) {
      const r = await deliver(ctx.db, {
        _id: liaisonListInboxId(week.key, villageId, liaison._id),
        townshipId: org.townshipId,
        personId: liaison._id,
        kind: 'weeklyContact',
        title: `${label}：${village?.name ?? ''}有${grids.length}个微网格未完成每周联络和风险上报`,
        body: `${lines.join('；')}。`,
        link: `packages/grid/village-week/index?villageId=${encodeURIComponent(villageId)}&week=${week.key}`,
        createdAt: ctx.now,
      });
      if (r.created) sent.liaisonEntries++;
    }
  }

  const address = new Map(org.households.map((h) => [h._id, h.address]));
  for (const grid of incomplete) {
    const closed = stored.get(grid._id)!.closed!;
    const parts: string[] = [];
    if (closed.missingHouseholdIds.length)
      parts.push(`以下农户未确认联络：${closed.missingHouseholdIds.map((id) => address.get(id) ?? id).join('、')}`);
    if (!closed.reportFiled) parts.push('本周风险信息未上报');
    for (const leader of org.leaders.get(grid._id) ?? []) {
      const r = await deliver(
        ctx.db,
        {
          _id: leaderReminderInboxId(week.key, grid._id, leader._id),
          townshipId: org.townshipId,
          personId: leader._id,
          kind: 'weeklyContact',
          title: `${label}${grid.name}每周联络未完成`,
          body: `${parts.join('；')}。请本周按时联络每户并上报风险信息（每周微信电话联络一次、风险信息上报一次）。`,
          link: `packages/grid/board/index?gridId=${encodeURIComponent(grid._id)}`,
          createdAt: ctx.now,
        },
        {
          template: 'weeklyContact',
          data: {
            thing1: thing(grid.name),
            character_string2: { value: week.key },
            thing3: thing(closed.reportFiled ? `已联络${closed.contacted}/${closed.total}户` : '风险信息未上报'),
          },
          page: `packages/grid/board/index?gridId=${encodeURIComponent(grid._id)}`,
        },
      );
      if (r.created) sent.leaderReminders++;
    }
  }
  return sent;
}
