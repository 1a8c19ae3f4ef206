// A visitor's unit and type (镇干部/村干部/党员/驻村工作队), kept on the person for the offices that read its cases.
import { defineAction } from '../../infra/dispatch';
import { AppError } from '../../infra/errors';
import { requirePerson } from '../../infra/orgRepo';
import { inTransaction } from '../../infra/store';
import { writeAudit } from '../../infra/audit';
import { setVisitorProfileSchema } from '../../domain/supervision/schemas';
import type { VisitorProfile } from '../../../typings/supervision';

export const setVisitorProfile = defineAction({
  schema: setVisitorProfileSchema,
  access: ['office'],
  async run(ctx, input): Promise<VisitorProfile> {
    const person = await requirePerson(ctx, input.personId);
    if (!person.grants.some((g) => g.role === 'visitor')) throw new AppError('INVALID_INPUT', '该人员不是走访人', 'personId');
    const profile: VisitorProfile = { unit: input.unit, type: input.type };
    await inTransaction(ctx.db, async (tx) => {
      await tx
        .collection('persons')
        .doc(person._id)
        .update({ data: { visitorProfile: profile, updatedAt: ctx.now } });
      await writeAudit(tx, ctx, 'setVisitorProfile', {
        collection: 'persons',
        docId: person._id,
        before: person.visitorProfile ?? null,
        after: profile,
      });
    });
    return profile;
  },
});
