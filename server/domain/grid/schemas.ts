// Input schemas of the `grid` function, named by use; every message is the Chinese text the page shows as is.
import { z } from 'zod';
import type { ContactMethod, GridHazardCategory } from '../../../typings/grid';
import { deviceTime, id, text } from '../common/fields';
import { isWeekKey } from './weeks';
import { HAZARD_CATEGORIES, MAX_PHOTOS } from './hazards';

const METHODS = ['wechat', 'phone', 'inPerson'] as const satisfies readonly ContactMethod[];
const CATEGORIES = Object.keys(HAZARD_CATEGORIES) as [GridHazardCategory, ...GridHazardCategory[]];

const weekKey = z
  .string({ error: '周次格式不正确（如 2026-W53）' })
  .trim()
  .regex(/^\d{4}-W\d{2}$/, '周次格式不正确（如 2026-W53）')
  .refine(isWeekKey, '该年没有这一周');

const note = z.string({ error: '备注格式不正确' }).trim().max(200, '备注不能超过200个字');

const day = z
  .string({ error: '整改期限格式不正确' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '整改期限格式不正确（如 2027-01-10）')
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s,
    '整改期限不是有效日期',
  );

const photoId = z.string({ error: '照片格式不正确' }).trim().min(1, '照片格式不正确').max(256, '照片格式不正确');

const reportedHazard = z.object(
  {
    category: z.enum(CATEGORIES, { error: '请选择隐患类别' }),
    description: text('隐患描述', 500),
    householdId: id('农户').optional(),
    // the count itself is checked by the handler, so "too many photos" gets its own code (TOO_MANY_PHOTOS)
    photos: z.array(photoId, { error: '照片格式不正确' }).max(50, `每条隐患最多${MAX_PHOTOS}张照片`).default([]),
    deadline: day.optional(),
  },
  { error: '隐患格式不正确' },
);

export const weeklyBoardSchema = z.object({ gridId: id('微网格').optional(), weekKey: weekKey.optional() });

export const listWeeksSchema = z.object({
  gridId: id('微网格').optional(),
  count: z.number({ error: '周数必须是数字' }).int('周数必须是整数').min(1, '至少查看1周').max(26, '最多查看最近26周').default(8),
});

export const confirmContactSchema = z.object({
  householdId: id('农户'),
  method: z.enum(METHODS, { error: '联络方式须为微信、电话或上门' }),
  note: note.default(''),
  deviceTime: deviceTime.optional(),
});

export const fileWeeklyReportSchema = z
  .object({
    gridId: id('微网格').optional(),
    noRisk: z.boolean({ error: '请选择本周是否有风险' }),
    hazards: z.array(reportedHazard, { error: '隐患列表格式不正确' }).max(20, '每周最多上报20条隐患').default([]),
    deviceTime: deviceTime.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.noRisk && v.hazards.length) ctx.addIssue({ code: 'custom', path: ['hazards'], message: '已选择“本周无风险”，不能同时填写隐患' });
    if (!v.noRisk && !v.hazards.length)
      ctx.addIssue({ code: 'custom', path: ['hazards'], message: '请至少填写一条风险隐患，或选择“本周无风险”' });
  });

export const villageWeekSchema = z.object({ villageId: id('村').optional(), weekKey: weekKey.optional() });

export const runWeeklyCloseSchema = z.object({});
