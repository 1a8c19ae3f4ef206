// Every state change leaves one audit record (SPEC §2): who, when, which action, which document, before and after.
import type { ActionContext } from './dispatch';
import type { Tx } from './store';

export interface AuditRecord {
  at: Date;
  actorPersonId: string | null;
  actorOpenid: string | null;
  actorName: string | null;
  action: string;
  collection: string;
  docId: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

export interface AuditChange {
  collection: string;
  docId: string;
  before: unknown;
  after: unknown;
  reason?: string | null;
}

export function auditRecord(ctx: Pick<ActionContext, 'actor' | 'openid' | 'now'>, action: string, change: AuditChange): AuditRecord {
  return {
    at: ctx.now,
    actorPersonId: ctx.actor?.personId ?? null,
    actorOpenid: ctx.openid,
    actorName: ctx.actor?.name ?? null,
    action,
    collection: change.collection,
    docId: change.docId,
    before: change.before ?? null,
    after: change.after ?? null,
    reason: change.reason ?? null,
  };
}

/** Written inside the caller's transaction, so a change and its audit record land together or not at all. */
export async function writeAudit(
  tx: Tx,
  ctx: Pick<ActionContext, 'actor' | 'openid' | 'now'>,
  action: string,
  change: AuditChange,
): Promise<void> {
  await tx.collection('audit').add({ data: { ...auditRecord(ctx, action, change) } });
}
