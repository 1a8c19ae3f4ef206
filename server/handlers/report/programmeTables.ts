// The programme tables: seed 000's monthly elderly table (streamed page by page), seed 001's 附件7 and seed 002's 附件1.
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { AppError } from '../../infra/errors';
import { actorOf } from '../../infra/orgRepo';
import { findAll } from '../../infra/store';
import { rows } from '../../infra/cloud';
import { publishExport } from '../../infra/exportFile';
import { once, writeTableXlsx, type Cell } from '../../infra/xlsx';
import { cstDay, cstDayStart, nextMonthStart } from '../../domain/time/cst';
import type { HouseholdRecord } from '../../domain/org/records';
import type { CompoundRecord, ElderlyRecord } from '../../domain/programme/records';
import { ELDERLY_TABLE_000, ELDERLY_TABLE_000_NOTES, elderlyTableRow, fillingLine } from '../../domain/report/elderlyTable000';
import { compoundLedgerLayout, compoundLedgerRow } from '../../domain/report/compoundLedger002';
import { ELDERLY_TABLE_001 } from '../../domain/report/elderly001';
import { monthNotStartedRefusal } from '../../domain/report/period';
import { exportCompoundLedgerSchema, exportElderly001Schema, exportElderlyTableSchema } from '../../domain/report/schemas';
import { chineseDay, yesNo } from '../../domain/report/layout';
import { countsOf } from '../programme/elderlyFacts';
import { fillerOf, villageNames } from './context';
import type { ExportDone } from '../../../typings/report';

/** entries read per page: small enough to bound memory, large enough to keep queries few */
const PAGE = 500;

/** Village by village, then in _id pages after a cursor: every query is narrow (an equality on the village) and none skips. */
async function* registeredPages(ctx: ActionContext, villageIds: readonly string[], registeredBefore: Date): AsyncIterable<ElderlyRecord[]> {
  const _ = ctx.db.command;
  const townshipId = actorOf(ctx).townshipId;
  for (const villageId of villageIds) {
    let after = '';
    for (;;) {
      const where = { townshipId, villageId, active: true, createdAt: _.lt(registeredBefore), _id: _.gt(after) };
      const page = rows<ElderlyRecord>(await ctx.db.collection('elderly').where(where).orderBy('_id', 'asc').limit(PAGE).get());
      if (page.length) yield page;
      if (page.length < PAGE) break;
      after = page[page.length - 1]._id;
    }
  }
}

export const exportElderlyTable = defineAction({
  schema: exportElderlyTableSchema,
  access: ['office'],
  async run(ctx, input): Promise<ExportDone> {
    const refusal = monthNotStartedRefusal(input.month, ctx.now);
    if (refusal) throw new AppError('PERIOD_NOT_STARTED', refusal, 'month');
    const monthEnd = cstDayStart(nextMonthStart(input.month));
    const until = ctx.now.getTime() < monthEnd.getTime() ? ctx.now : monthEnd;
    const filler = await fillerOf(ctx);
    const villages = await villageNames(ctx);
    let n = 0;
    async function* tableRows(): AsyncIterable<Cell[][]> {
      for await (const page of registeredPages(ctx, [...villages.keys()].sort(), monthEnd)) {
        const counts = await countsOf(ctx.db, page, until);
        yield page.map((e) => elderlyTableRow(++n, e, villages.get(e.villageId) ?? '', counts.get(e._id)!));
      }
    }
    const { file, rows: count } = await writeTableXlsx(
      ELDERLY_TABLE_000,
      { above: [fillingLine(filler.townshipName, filler.name, filler.phone, cstDay(ctx.now))], below: ELDERLY_TABLE_000_NOTES },
      tableRows(),
    );
    return publishExport(ctx, 'elderlyTable000', input.month, ELDERLY_TABLE_000.title, file, count);
  },
});

export const exportCompoundLedger = defineAction({
  schema: exportCompoundLedgerSchema,
  access: ['office'],
  async run(ctx): Promise<ExportDone> {
    const filler = await fillerOf(ctx);
    const compounds = (await findAll<CompoundRecord>(ctx.db, 'compounds', { townshipId: actorOf(ctx).townshipId })).sort(
      (a, b) => a.villageId.localeCompare(b.villageId) || a.deadline.localeCompare(b.deadline) || a._id.localeCompare(b._id),
    );
    const layout = compoundLedgerLayout(filler.townshipName);
    const { file, rows: count } = await writeTableXlsx(layout, { above: [], below: [] }, once(compounds.map(compoundLedgerRow)));
    return publishExport(ctx, 'compoundLedger002', '', layout.title, file, count);
  },
});

/** Registered people first, then households flagged 孤寡/独居 that are not registered yet (so none is missed). */
export const exportElderly001 = defineAction({
  schema: exportElderly001Schema,
  access: ['office'],
  async run(ctx): Promise<ExportDone> {
    const townshipId = actorOf(ctx).townshipId;
    const filler = await fillerOf(ctx);
    const villages = await villageNames(ctx);
    const entries = (await findAll<ElderlyRecord>(ctx.db, 'elderly', { townshipId, active: true })).sort(
      (a, b) => a.villageId.localeCompare(b.villageId) || a._id.localeCompare(b._id),
    );
    const registered = new Set(entries.map((e) => e.householdId).filter(Boolean));
    const flagged = (
      await findAll<HouseholdRecord>(ctx.db, 'households', { townshipId, active: true, 'vulnerability.elderlyAlone': true })
    ).filter((h) => !registered.has(h._id));
    const table: Cell[][] = [
      ...entries.map((e) => [
        villages.get(e.villageId) ?? '',
        e.name,
        e.gender === 'male' ? '男' : '女',
        e.age,
        e.address,
        e.phone ?? '',
        e.helper.name,
        e.helper.phone,
        yesNo(e.devices.smokeDetector),
        '',
      ]),
      ...flagged.map((h) => [
        villages.get(h.villageId) ?? '',
        h.headName,
        '',
        '',
        h.address,
        h.members.find((m) => m.phone)?.phone ?? '',
        '',
        '',
        '',
        '农户标记为孤寡/独居老人，尚未登记关爱清单',
      ]),
    ].map((r, i) => [i + 1, ...r]);
    const { file, rows: count } = await writeTableXlsx(
      ELDERLY_TABLE_001,
      {
        above: [
          `填报单位：${filler.townshipName}        填报人：${filler.name}        联系电话：${filler.phone}        填报时间：${chineseDay(cstDay(ctx.now))}`,
        ],
        below: [],
      },
      once(table),
    );
    return publishExport(ctx, 'elderly001', '', ELDERLY_TABLE_001.title, file, count);
  },
});
