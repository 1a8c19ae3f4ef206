// Reports with no household visitor land with the village liaison (or the office when the village has none): they
// follow the same lifecycle states, verified by the liaison instead of a visitor's re-visit.
import type { Page } from '../../../typings/org';
import type { ResidentReportView } from '../../../typings/resident';
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { AppError } from '../../infra/errors';
import { writeAudit } from '../../infra/audit';
import { idempotent } from '../../infra/idempotency';
import { actorOf } from '../../infra/orgRepo';
import { findAll, getById, inTransaction, txGet } from '../../infra/store';
import type { HazardRecord } from '../../domain/visit/records';
import { deadlineOf, deadlineProblem, verifyProblem } from '../../domain/visit/hazardState';
import { cstDay } from '../../domain/time/cst';
import { photoProblem } from '../../domain/resident/rules';
import { listRoutedReportsSchema, verifyRoutedReportSchema } from '../../domain/resident/schemas';
import { reportViews } from './reports';
import { refuse } from './refuse';

const RESIDENT_SOURCES = ['villager', 'whistleblower'];

/** Liaison: reports routed to them; office: those routed to the office (no liaison in the village). */
function mayHandle(ctx: ActionContext, h: HazardRecord): boolean {
  const actor = actorOf(ctx);
  if (h.townshipId !== actor.townshipId || h.visitorPersonId || !RESIDENT_SOURCES.includes(h.source)) return false;
  if (h.liaisonPersonId) return h.liaisonPersonId === actor.personId;
  return actor.grants.some((g) => g.role === 'office');
}

export const listRoutedReports = defineAction({
  schema: listRoutedReportsSchema,
  access: ['liaison', 'office'],
  async run(ctx, input): Promise<Page<ResidentReportView>> {
    const actor = actorOf(ctx);
    const _ = ctx.db.command;
    const isOffice = actor.grants.some((g) => g.role === 'office');
    const where = isOffice
      ? { townshipId: actor.townshipId, visitorPersonId: null, source: _.in(RESIDENT_SOURCES) }
      : { townshipId: actor.townshipId, liaisonPersonId: actor.personId, visitorPersonId: null };
    const rows = (await findAll<HazardRecord>(ctx.db, 'hazards', where)).filter(
      (h) => mayHandle(ctx, h) && (!input.openOnly || h.status !== 'verified'),
    );
    rows.sort((a, b) => new Date(a.deadline).getTime() - new Date(b.deadline).getTime() || a._id.localeCompare(b._id));
    const start = (input.page - 1) * input.pageSize;
    return {
      items: await reportViews(ctx, rows.slice(start, start + input.pageSize)),
      total: rows.length,
      page: input.page,
      pageSize: input.pageSize,
    };
  },
});

export const verifyRoutedReport = defineAction({
  schema: verifyRoutedReportSchema,
  access: ['liaison', 'office'],
  run: (ctx, input) =>
    idempotent(ctx, 'resident.verifyRoutedReport', async (): Promise<ResidentReportView> => {
      const found = await getById<HazardRecord>(ctx.db, 'hazards', input.hazardId);
      if (!found || found.townshipId !== actorOf(ctx).townshipId) throw new AppError('NOT_FOUND', '该隐患不存在', 'hazardId');
      if (!mayHandle(ctx, found)) throw new AppError('FORBIDDEN', '该隐患不归您核实：有走访人的农户由走访人上门核实');
      refuse(photoProblem(input.photos));
      if (!input.rectified) refuse(deadlineProblem(input.newDeadline!, cstDay(ctx.now), 'newDeadline'));
      const after = await inTransaction(ctx.db, async (tx) => {
        const before = await txGet<HazardRecord>(tx, 'hazards', found._id);
        if (!before) throw new AppError('NOT_FOUND', '该隐患不存在', 'hazardId');
        refuse(verifyProblem(before.status));
        const by = actorOf(ctx).personId;
        const patch: Partial<HazardRecord> = input.rectified
          ? { status: 'verified', verifiedAt: ctx.now, verifiedBy: by, verifyPhotos: input.photos, updatedAt: ctx.now }
          : {
              status: 'notRectified',
              deadline: deadlineOf(input.newDeadline!),
              verifiedAt: ctx.now,
              verifiedBy: by,
              verifyPhotos: input.photos,
              updatedAt: ctx.now,
            };
        await tx.collection('hazards').doc(before._id).update({ data: patch });
        const after: HazardRecord = { ...before, ...patch };
        const { receiptHash: _b, ...auditBefore } = before;
        const { receiptHash: _a, ...auditAfter } = after;
        await writeAudit(tx, ctx, 'resident.verifyRoutedReport', {
          collection: 'hazards',
          docId: before._id,
          before: auditBefore,
          after: auditAfter,
        });
        return after;
      });
      return (await reportViews(ctx, [after]))[0];
    }),
});
