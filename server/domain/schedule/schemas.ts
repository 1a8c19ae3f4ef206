// Input schemas of the `schedule` function; every message is the Chinese text the page shows as is.
import { z } from 'zod';
import { reason } from '../common/fields';
import { day } from '../visit/schemas';

const isRealMonth = (s: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(s);

export const month = z.string({ error: '请填写月份' }).trim().refine(isRealMonth, '月份格式应为“年-月”，如 2025-01');

export const dueKind = z.enum(['elderlyTable', 'compoundProgress'], { error: '报表类型只能是独居老人统计表或老旧小区进度' });

export const listDueDatesSchema = z.object({ month: month.optional() });
export const markSubmittedSchema = z.object({ kind: dueKind, month });
export const setCalendarOverrideSchema = z.object({
  day: day('日期'),
  working: z.boolean({ error: '请选择该日是工作日还是休息日' }),
  reason,
});
export const confirmCalendarMonthSchema = z.object({ month, reason });
export const listCalendarOverridesSchema = z.object({ month });
