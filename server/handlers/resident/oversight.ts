// The township office's oversight of whistle-blower reports 吹哨人 (004): every report of the township, wherever it was
// routed (the household's visitor, the village liaison, the office), with its handler and state. The report carries no
// reporter (server/handlers/resident/whistle.ts), and nothing here reads the rate-limit hashes or the audit trail.
import type { WhistleReports } from '../../../typings/resident';
import { defineAction } from '../../infra/dispatch';
import { actorOf } from '../../infra/orgRepo';
import { findAll, findByIds } from '../../infra/store';
import { tempLinks } from '../../infra/tempLinks';
import type { PersonRecord } from '../../domain/org/records';
import type { HazardRecord } from '../../domain/visit/records';
import { hazardState } from '../../domain/visit/hazardState';
import { listWhistleReportsSchema } from '../../domain/resident/schemas';
import { reportViews } from './reports';

export const listWhistleReports = defineAction({
  schema: listWhistleReportsSchema,
  access: ['office'],
  async run(ctx, input): Promise<WhistleReports> {
    const all = await findAll<HazardRecord>(ctx.db, 'hazards', { townshipId: actorOf(ctx).townshipId, source: 'whistleblower' });
    const open = all.filter((h) => hazardState(h, ctx.now).unverified);
    const rows = (input.openOnly ? open : all).sort(
      (a, b) => new Date(b.reportedAt).getTime() - new Date(a.reportedAt).getTime() || a._id.localeCompare(b._id),
    );
    const start = (input.page - 1) * input.pageSize;
    const shown = rows.slice(start, start + input.pageSize);
    const handlers = new Map(
      (
        await findByIds<PersonRecord>(ctx.db, 'persons', shown.map((h) => h.visitorPersonId ?? h.liaisonPersonId ?? '').filter(Boolean))
      ).map((p) => [p._id, p.name]),
    );
    const links = await tempLinks(shown.flatMap((h) => h.photos));
    const views = await reportViews(ctx, shown);
    return {
      items: views.map((v, i) => {
        const h = shown[i];
        const handler = h.visitorPersonId ?? h.liaisonPersonId;
        return {
          ...v,
          photos: h.photos.map((f) => links.get(f)).filter((u): u is string => Boolean(u)),
          handlerName: handler ? (handlers.get(handler) ?? null) : null,
        };
      }),
      total: rows.length,
      page: input.page,
      pageSize: input.pageSize,
      open: open.length,
      overdue: open.filter((h) => hazardState(h, ctx.now).overdue).length,
    };
  },
});
