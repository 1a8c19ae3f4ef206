// The in-app inbox (every reminder, notice and case lands here) and one-time subscription-message credits:
// WeChat grants one message per template per tap, so each tap adds one credit per accepted template.
import type { InboxPage, SubscriptionCreditsView } from '../../../typings/visit';
import { defineAction } from '../../infra/dispatch';
import { idempotent } from '../../infra/idempotency';
import type { SubscriptionRecord } from '../../infra/inbox';
import { actorOf } from '../../infra/orgRepo';
import { count, findPage, inTransaction, txGet, withoutId, type Where } from '../../infra/store';
import type { InboxRecord } from '../../domain/inbox/records';
import { listInboxSchema, markReadSchema, optInSubscribeSchema } from '../../domain/visit/schemas';
import { inboxView } from '../../domain/visit/views';

export const listInbox = defineAction({
  schema: listInboxSchema,
  access: 'member',
  async run(ctx, input): Promise<InboxPage> {
    const personId = actorOf(ctx).personId;
    const where: Where = input.unreadOnly ? { personId, readAt: null } : { personId };
    const page = await findPage<InboxRecord>(
      ctx.db,
      'inbox',
      where,
      [
        ['createdAt', 'desc'],
        ['_id', 'asc'],
      ],
      input.page,
      input.pageSize,
    );
    return {
      items: page.items.map(inboxView),
      total: page.total,
      page: input.page,
      pageSize: input.pageSize,
      unread: await count(ctx.db, 'inbox', { personId, readAt: null }),
    };
  },
});

export const markRead = defineAction({
  schema: markReadSchema,
  access: 'member',
  async run(ctx, input): Promise<{ updated: number; unread: number }> {
    const personId = actorOf(ctx).personId;
    const _ = ctx.db.command;
    // only the caller's own entries: the personId condition travels with every id
    const where: Where = input.all ? { personId, readAt: null } : { personId, readAt: null, _id: _.in(input.ids ?? []) };
    const res = (await ctx.db
      .collection('inbox')
      .where(where)
      .update({ data: { readAt: ctx.now } })) as { stats?: { updated?: number } };
    return { updated: res.stats?.updated ?? 0, unread: await count(ctx.db, 'inbox', { personId, readAt: null }) };
  },
});

export const optInSubscribe = defineAction({
  schema: optInSubscribeSchema,
  access: 'member',
  run: (ctx, input) =>
    idempotent(ctx, 'optInSubscribe', async (): Promise<SubscriptionCreditsView> => {
      const personId = actorOf(ctx).personId;
      const after = await inTransaction(ctx.db, async (tx) => {
        const before = await txGet<SubscriptionRecord>(tx, 'subscriptions', personId);
        const credits = { ...(before?.credits ?? {}) };
        for (const t of input.templates) credits[t] = (credits[t] ?? 0) + 1;
        const after: SubscriptionRecord = { _id: personId, credits, updatedAt: ctx.now };
        await tx
          .collection('subscriptions')
          .doc(personId)
          .set({ data: withoutId(after) });
        return after;
      });
      return { credits: after.credits };
    }),
});
