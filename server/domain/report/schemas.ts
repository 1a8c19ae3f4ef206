// Input schemas of the `report` function.
import { z } from 'zod';
import { id } from '../common/fields';

const month = z
  .string({ error: '请选择月份' })
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式不正确（如 2024-12）');

export const exportElderlyTableSchema = z.object({ month });
export const exportCompoundLedgerSchema = z.object({});
export const exportElderly001Schema = z.object({});
export const periodExportSchema = z.object({ campaignId: id('行动'), periodKey: id('周期') });
export const caseFileSchema = z.object({
  caseId: z.string({ error: '缺少案件' }).trim().min(1, '缺少案件').max(200, '案件格式不正确'),
});

/** a print run larger than this is asked for grid by grid (each QR is one call to WeChat) */
export const MAX_CARD_SHEET_HOUSEHOLDS = 200;

export const cardSheetsSchema = z
  .object({ gridId: id('微网格').optional(), villageId: id('村（社区）').optional() })
  .refine((v) => !v.gridId !== !v.villageId, { message: '请选择一个微网格或一个村（社区）', path: ['villageId'] });
