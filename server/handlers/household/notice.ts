// The 告知书 (seed 001 附件1): read it, and sign it electronically once per person and version.
import type { AcknowledgementView, NoticeView } from '../../../typings/household';
import { defineAction } from '../../infra/dispatch';
import { AppError } from '../../infra/errors';
import { writeAudit } from '../../infra/audit';
import { actorOf } from '../../infra/orgRepo';
import { villagerHousehold } from '../../infra/visitRepo';
import { getById, inTransaction, txGet } from '../../infra/store';
import { acknowledgementId, NOTICE_VERSION, noticeView, type AcknowledgementRecord } from '../../domain/household/notice';
import { acknowledgeNoticeSchema, getNoticeSchema } from '../../domain/household/schemas';

export const getNotice = defineAction({
  schema: getNoticeSchema,
  access: ['villager'],
  async run(ctx, input): Promise<NoticeView> {
    await villagerHousehold(ctx, input.householdId);
    const ack = await getById<AcknowledgementRecord>(ctx.db, 'acknowledgements', acknowledgementId(actorOf(ctx).personId, NOTICE_VERSION));
    return noticeView(ack ? ack.acknowledgedAt : null);
  },
});

/** Idempotent by its deterministic id: a second tap, or a retry after a lost reply, returns the first signature. */
export const acknowledgeNotice = defineAction({
  schema: acknowledgeNoticeSchema,
  access: ['villager'],
  async run(ctx, input): Promise<AcknowledgementView> {
    const actor = actorOf(ctx);
    if (input.version !== NOTICE_VERSION) throw new AppError('CONFLICT', '告知书内容已更新，请重新阅读后再确认', 'version');
    const h = await villagerHousehold(ctx, input.householdId);
    const id = acknowledgementId(actor.personId, NOTICE_VERSION);
    const { record, created } = await inTransaction(ctx.db, async (tx) => {
      const before = await txGet<AcknowledgementRecord>(tx, 'acknowledgements', id);
      if (before) return { record: before, created: false };
      const after: AcknowledgementRecord = {
        _id: id,
        townshipId: h.townshipId,
        householdId: h._id,
        personId: actor.personId,
        version: NOTICE_VERSION,
        acknowledgedAt: ctx.now,
        createdAt: ctx.now,
      };
      await tx.collection('acknowledgements').add({ data: { ...after } });
      await writeAudit(tx, ctx, 'household.acknowledgeNotice', { collection: 'acknowledgements', docId: id, before: null, after });
      return { record: after, created: true };
    });
    return {
      version: record.version,
      householdId: record.householdId,
      acknowledgedAt: new Date(record.acknowledgedAt).toISOString(),
      created,
    };
  },
});
