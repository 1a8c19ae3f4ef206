// Input schemas of the `schedule` function; every message is the Chinese text the page shows as is.
import { z } from 'zod';
import { reason } from '../common/fields';
import { day } from '../visit/schemas';
import { StorageRef } from '../resident/whistlePhotoPath';
import { DUE_SCAN_FOLDER, MAX_DUE_SCANS, scanRequired } from './dueDates';

const isRealMonth = (s: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(s);

export const month = z.string({ error: '请填写月份' }).trim().refine(isRealMonth, '月份格式应为“年-月”，如 2025-01');

export const dueKind = z.enum(['elderlyTable', 'compoundProgress'], { error: '报表类型只能是独居老人统计表或老旧小区进度' });

export const listDueDatesSchema = z.object({ month: month.optional() });
const scanFileId = z
  .string({ error: '扫描件编号格式不正确' })
  .trim()
  .max(512, '扫描件编号过长')
  .refine((f) => StorageRef.pathOf(f).startsWith(DUE_SCAN_FOLDER), '扫描件须在“报表截止”页拍照或选文件上传');

export const markSubmittedSchema = z
  .object({
    kind: dueKind,
    month,
    scans: z.array(scanFileId, { error: '扫描件格式不正确' }).max(MAX_DUE_SCANS, `扫描件最多${MAX_DUE_SCANS}个`).default([]),
  })
  .superRefine((v, ctx) => {
    if (scanRequired(v.kind) && v.scans.length === 0)
      ctx.addIssue({ code: 'custom', path: ['scans'], message: '独居老人统计表须附主要领导签字盖章后的扫描件（拍照或选文件）' });
  });
export const setCalendarOverrideSchema = z.object({
  day: day('日期'),
  working: z.boolean({ error: '请选择该日是工作日还是休息日' }),
  reason,
});
export const confirmCalendarMonthSchema = z.object({ month, reason });
export const listCalendarOverridesSchema = z.object({ month });
