// The supervision files (seed 001 §六(三)): a village's 安全隐患登记表 and a discipline case's file for the archive.
import { defineAction } from '../../infra/dispatch';
import { AppError, notFound } from '../../infra/errors';
import { actorOf, requireVillage } from '../../infra/orgRepo';
import { findAll, getById } from '../../infra/store';
import { publishExport } from '../../infra/exportFile';
import { once, writeTableXlsx, writeWorkbookXlsx } from '../../infra/xlsx';
import { registerRows } from '../../infra/supervisionRepo';
import { byRegisterOrder, HAZARD_REGISTER_TABLE, registerCells } from '../../domain/supervision/hazardRegister';
import {
  CASE_STANDING_TABLE,
  CASE_SUMMARY_TABLE,
  CASE_VISITS_TABLE,
  caseStandingRows,
  caseSummaryRows,
  caseVisitRows,
} from '../../domain/supervision/caseFile';
import { caseVisitorContact } from '../../domain/supervision/visitorProfile';
import { SUPERVISORS } from '../../domain/supervision/access';
import { exportHazardRegisterSchema } from '../../domain/supervision/schemas';
import { caseFileSchema } from '../../domain/report/schemas';
import { chineseDay } from '../../domain/report/layout';
import { cstDay } from '../../domain/time/cst';
import type { HazardRecord } from '../../domain/visit/records';
import type { CaseRecord, NoticeRecord } from '../../domain/escalation/records';
import type { PersonRecord } from '../../domain/org/records';
import type { ExportDone } from '../../../typings/report';
import { fillerOf } from './context';

export const exportHazardRegister = defineAction({
  schema: exportHazardRegisterSchema,
  access: SUPERVISORS,
  async run(ctx, input): Promise<ExportDone> {
    const village = await requireVillage(ctx, input.villageId);
    const filler = await fillerOf(ctx);
    const hazards = await findAll<HazardRecord>(ctx.db, 'hazards', { townshipId: village.townshipId, villageId: village._id });
    hazards.sort(byRegisterOrder);
    const rows = await registerRows(ctx, hazards);
    const { file } = await writeTableXlsx(
      HAZARD_REGISTER_TABLE,
      {
        above: [
          `村（社区）：${filler.townshipName}${village.name}        查阅人：${filler.name}        查阅日期：${chineseDay(cstDay(ctx.now))}`,
        ],
        below: ['注：整改期限当天结束前整改到位；期限过后3天仍未经走访人上门核实的，列为逾期未核实。'],
      },
      once(rows.map((r, i) => registerCells(i + 1, r))),
    );
    return publishExport(ctx, 'hazardRegister', village._id, `${HAZARD_REGISTER_TABLE.sheetName}-${village.name}`, file, rows.length);
  },
});

export const exportCaseFile = defineAction({
  schema: caseFileSchema,
  access: SUPERVISORS,
  async run(ctx, input): Promise<ExportDone> {
    const c = await getById<CaseRecord>(ctx.db, 'cases', input.caseId);
    if (!c || c.townshipId !== actorOf(ctx).townshipId) throw notFound('该案件');
    if (c.status === 'draft') throw new AppError('CASE_STATE', '通报草稿尚未发布，不能归档', 'caseId');
    const notice = await getById<NoticeRecord>(ctx.db, 'notices', c.evidence?.noticeId ?? c.noticeId);
    const contact = caseVisitorContact(await getById<PersonRecord>(ctx.db, 'persons', c.visitorPersonId), c.visitorName);
    const filler = await fillerOf(ctx);
    const above = [`${filler.townshipName}        归档人：${filler.name}        归档日期：${chineseDay(cstDay(ctx.now))}`];
    const { file, rows } = await writeWorkbookXlsx([
      { layout: CASE_SUMMARY_TABLE, text: { above, below: [] }, batches: once(caseSummaryRows(c, contact, notice)) },
      { layout: CASE_STANDING_TABLE, text: { above: [], below: [] }, batches: once(caseStandingRows(c)) },
      { layout: CASE_VISITS_TABLE, text: { above: [], below: [] }, batches: once(caseVisitRows(c)) },
    ]);
    return publishExport(ctx, 'caseFile', c._id, `案卷-${c.periodLabel}-${c.visitorName}`, file, rows);
  },
});
