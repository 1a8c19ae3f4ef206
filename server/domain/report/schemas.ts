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
