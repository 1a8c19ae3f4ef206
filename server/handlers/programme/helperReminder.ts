// Daily 09:00: a helper with no recorded contact for 7 days is reminded in the inbox, once per helper per day,
// with every one of their elderly people who is waiting.
import type { ActionContext } from '../../infra/dispatch';
import { findAll } from '../../infra/store';
import { deliver } from '../../infra/inbox';
import { cstDay } from '../../domain/time/cst';
import type { ElderlyRecord } from '../../domain/programme/records';
import { helperReminderCutoff, helperReminderId, helperSilentDays } from '../../domain/programme/rules';
import type { HelperReminderSummary } from '../../../typings/programme';

export async function remindSilentHelpers(ctx: ActionContext): Promise<HelperReminderSummary> {
  const _ = ctx.db.command;
  const day = cstDay(ctx.now);
  const overdue = await findAll<ElderlyRecord>(ctx.db, 'elderly', {
    active: true,
    lastHelperContactAt: _.lte(helperReminderCutoff(ctx.now)),
  });
  const byHelper = new Map<string, ElderlyRecord[]>();
  let withoutAccount = 0;
  for (const e of overdue) {
    if (!e.helper.personId) {
      withoutAccount += 1;
      continue;
    }
    byHelper.set(e.helper.personId, [...(byHelper.get(e.helper.personId) ?? []), e]);
  }
  let helpersReminded = 0;
  for (const [personId, entries] of byHelper) {
    const lines = entries.map((e) => `${e.name}（${e.address}，已${helperSilentDays(new Date(e.lastHelperContactAt), ctx.now)}天未联系）`);
    const { created } = await deliver(ctx.db, {
      _id: helperReminderId(personId, day),
      townshipId: entries[0].townshipId,
      personId,
      kind: 'reminder',
      title: '独居老人帮扶提醒',
      body: `您“一对一”帮扶的独居老人已超过7天没有联系记录，请尽快上门或电话联系：${lines.join('；')}`,
      link: '/packages/programme/helper/index',
      createdAt: ctx.now,
    });
    if (created) helpersReminded += 1;
  }
  return { day, helpersReminded, entriesOverdue: overdue.length, withoutAccount };
}
