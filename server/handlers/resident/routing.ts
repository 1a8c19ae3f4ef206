// Where a resident report goes: the household's current visitor ("明确走访人的责任范围"), else the village liaison,
// else the township office; and the inbox entry that tells them. Nothing here mentions who reported.
import type { ActionContext } from '../../infra/dispatch';
import { deliver } from '../../infra/inbox';
import { findAll } from '../../infra/store';
import type { AssignmentRecord, PersonRecord } from '../../domain/org/records';
import type { HazardRecord } from '../../domain/visit/records';
import { formatCst } from '../../domain/time/cst';

export interface Route {
  visitorPersonId: string | null;
  liaisonPersonId: string | null;
}

export async function currentVisitor(ctx: ActionContext, householdId: string): Promise<string | null> {
  const rows = await findAll<AssignmentRecord>(ctx.db, 'assignments', { householdId, validTo: null });
  rows.sort((a, b) => new Date(b.validFrom).getTime() - new Date(a.validFrom).getTime());
  return rows[0]?.visitorPersonId ?? null;
}

export async function villageLiaison(ctx: ActionContext, townshipId: string, villageId: string): Promise<string | null> {
  const rows = await findAll<PersonRecord>(ctx.db, 'persons', { townshipId, active: true, 'grants.scopeId': villageId });
  return rows.find((p) => p.grants.some((g) => g.role === 'liaison' && g.scopeId === villageId))?._id ?? null;
}

export async function routeReport(ctx: ActionContext, townshipId: string, villageId: string, householdId: string | null): Promise<Route> {
  const visitor = householdId ? await currentVisitor(ctx, householdId) : null;
  if (visitor) return { visitorPersonId: visitor, liaisonPersonId: null };
  return { visitorPersonId: null, liaisonPersonId: await villageLiaison(ctx, townshipId, villageId) };
}

async function officePersonIds(ctx: ActionContext, townshipId: string): Promise<string[]> {
  const rows = await findAll<PersonRecord>(ctx.db, 'persons', { townshipId, active: true, 'grants.role': 'office' });
  return rows.filter((p) => p.grants.some((g) => g.role === 'office')).map((p) => p._id);
}

/** The handler's inbox entry; a failed delivery does not undo the report (it is listed among their duties anyway). */
export async function notifyRoute(ctx: ActionContext, h: HazardRecord, place: string): Promise<void> {
  const who = h.visitorPersonId ? [h.visitorPersonId] : h.liaisonPersonId ? [h.liaisonPersonId] : await officePersonIds(ctx, h.townshipId);
  const from = h.source === 'whistleblower' ? '群众匿名举报（吹哨人）' : '村民上报';
  for (const personId of who) {
    try {
      await deliver(ctx.db, {
        _id: `hazard-report:${h._id}:${personId}`,
        townshipId: h.townshipId,
        personId,
        kind: 'hazard',
        title: `新的隐患：${h.category}（${from}）`,
        body: `${place}：${h.description.slice(0, 60)}。请于${formatCst(new Date(h.deadline)).slice(0, 10)}前督促整改并上门核实。`,
        link: h.visitorPersonId ? `pages/hazard/index?id=${h._id}` : `packages/resident/routed/index?id=${h._id}`,
        createdAt: ctx.now,
      });
    } catch (err) {
      console.error('[resident] inbox delivery failed', err);
    }
  }
}
