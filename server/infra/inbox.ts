// Every reminder and notice lands in the in-app inbox; a subscription message is sent as well only where the person
// has opted in (WeChat subscription messages are one-time: each tap grants one message per template).
import { getCloud, type Database } from './cloud';
import { getById } from './store';
import type { InboxRecord } from '../domain/inbox/records';
import type { PersonRecord } from '../domain/org/records';

/** Template keys the product uses; the real template ids are configured per deployment in the environment. */
export type SubscribeTemplate = 'visitReminder' | 'caseNotice' | 'weeklyContact';

export interface SubscriptionRecord {
  /** the person's id */
  _id: string;
  credits: Partial<Record<SubscribeTemplate, number>>;
  updatedAt: Date;
}

export function templateIdOf(key: SubscribeTemplate): string {
  const fromEnv = process.env[`SUBSCRIBE_TEMPLATE_${key.toUpperCase()}`];
  return fromEnv || `local-${key}`;
}

/**
 * Write the inbox entry with a deterministic id (a re-run finds it and does nothing), then spend one subscription
 * credit if there is one. Returns whether a subscription message went out. Never call inside a transaction.
 */
export async function deliver(
  db: Database,
  entry: Omit<InboxRecord, 'readAt'>,
  subscribe?: { template: SubscribeTemplate; data: Record<string, { value: string }>; page?: string },
): Promise<{ created: boolean; subscribeSent: boolean }> {
  if (await getById<InboxRecord>(db, 'inbox', entry._id)) return { created: false, subscribeSent: false };
  try {
    await db.collection('inbox').add({ data: { ...entry, readAt: null } });
  } catch (err) {
    // a concurrent run wrote the same entry first
    if (await getById<InboxRecord>(db, 'inbox', entry._id)) return { created: false, subscribeSent: false };
    throw err;
  }
  if (!subscribe) return { created: true, subscribeSent: false };
  const person = await getById<PersonRecord>(db, 'persons', entry.personId);
  const sub = await getById<SubscriptionRecord>(db, 'subscriptions', entry.personId);
  if (!person?.openid || !sub || (sub.credits[subscribe.template] ?? 0) < 1) return { created: true, subscribeSent: false };
  const _ = db.command;
  const spent = (await db
    .collection('subscriptions')
    .where({ _id: entry.personId, [`credits.${subscribe.template}`]: _.gte(1) })
    .update({ data: { [`credits.${subscribe.template}`]: _.inc(-1), updatedAt: new Date() } })) as { stats?: { updated?: number } };
  if (!spent.stats?.updated) return { created: true, subscribeSent: false };
  try {
    await getCloud().openapi.subscribeMessage.send({
      touser: person.openid,
      templateId: templateIdOf(subscribe.template),
      page: subscribe.page ?? 'pages/home/index',
      data: subscribe.data,
    });
    return { created: true, subscribeSent: true };
  } catch (err) {
    console.error('[inbox] subscribe message failed', err);
    return { created: true, subscribeSent: false };
  }
}
