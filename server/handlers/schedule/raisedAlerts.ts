// Daily 07:30 Beijing: 003 (八) "元旦、春节、元宵节和全国两会期间，要提高火灾防范等级…提前发出预警提示". From the day before
// each key date of an active campaign until its last day, every cadre of the township (office, village liaisons, visitors)
// gets one raised-alert reminder in the inbox. Deterministic ids: a re-run, a concurrent run or the next day's run never
// sends twice, and a run cut off by its time budget is finished by the next one inside the window.
import type { RaisedAlertsSummary } from '../../../typings/schedule';
import type { ActionContext } from '../../infra/dispatch';
import { deliver } from '../../infra/inbox';
import { findAll, findByIds } from '../../infra/store';
import type { PersonRecord, TownshipRecord } from '../../domain/org/records';
import type { CampaignRecord } from '../../domain/quota/records';
import { campaignCalendar, keyDatesAlerting, phaseOn, raisedAlertId, raisedAlertMessage } from '../../domain/visit/campaignCalendar';
import { cstDay } from '../../domain/time/cst';

const ALERTED_ROLES = ['office', 'liaison', 'visitor'] as const;

/** under the function's 20 s timeout (a deployment may set RAISED_ALERT_BUDGET_MS) */
function budgetMs(): number {
  const v = Number(process.env.RAISED_ALERT_BUDGET_MS);
  return Number.isFinite(v) && v >= 0 ? v : 15_000;
}

async function cadres(ctx: ActionContext, townshipId: string): Promise<PersonRecord[]> {
  const rows = await findAll<PersonRecord>(ctx.db, 'persons', {
    townshipId,
    active: true,
    'grants.role': ctx.db.command.in([...ALERTED_ROLES]),
  });
  return rows.filter((p) => p.grants.some((g) => (ALERTED_ROLES as readonly string[]).includes(g.role) && g.townshipId === townshipId));
}

export async function runRaisedAlerts(ctx: ActionContext): Promise<RaisedAlertsSummary> {
  const stopAt = Date.now() + budgetMs();
  const today = cstDay(ctx.now);
  const summary: RaisedAlertsSummary = { day: today, keyDates: 0, reminders: 0, complete: true };
  for (const t of await findAll<TownshipRecord>(ctx.db, 'townships', {})) {
    const campaigns = await findAll<CampaignRecord>(ctx.db, 'campaigns', { townshipId: t._id, active: true });
    const due = campaigns.flatMap((c) => {
      const { phases, keyDates } = campaignCalendar(c);
      return keyDatesAlerting(keyDates, today).map((k) => ({ campaign: c, keyDate: k, phase: phaseOn(phases, today) }));
    });
    if (!due.length) continue;
    const people = await cadres(ctx, t._id);
    for (const { campaign, keyDate, phase } of due) {
      summary.keyDates += 1;
      const ids = new Map(people.map((p) => [raisedAlertId(campaign._id, keyDate, p._id), p]));
      const sent = new Set((await findByIds<{ _id: string }>(ctx.db, 'inbox', [...ids.keys()])).map((r) => r._id));
      const { title, body } = raisedAlertMessage(campaign.name, keyDate, phase);
      for (const [id, person] of ids) {
        if (sent.has(id)) continue;
        if (Date.now() > stopAt) {
          summary.complete = false;
          return summary;
        }
        const { created } = await deliver(ctx.db, {
          _id: id,
          townshipId: t._id,
          personId: person._id,
          kind: 'reminder',
          title,
          body,
          link: null,
          createdAt: ctx.now,
        });
        if (created) summary.reminders += 1;
      }
    }
  }
  return summary;
}
