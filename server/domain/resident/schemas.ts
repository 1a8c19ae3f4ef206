// Input schemas of the `resident` function, named by use; every message is the Chinese text the page shows as is.
// The 9-photo limit is TOO_MANY_PHOTOS, decided by the rules; the schema only stops absurd payloads.
import { z } from 'zod';
import { id, pageFields, text } from '../common/fields';
import { day } from '../visit/schemas';
import { HAZARD_CATEGORIES } from '../grid/hazards';
import type { GridHazardCategory } from '../../../typings/grid';

// the categories are the grid report's (server/domain/grid/hazards.ts): one list for every hazard report
const CATEGORY_KEYS = Object.keys(HAZARD_CATEGORIES) as [GridHazardCategory, ...GridHazardCategory[]];

const category = z.enum(CATEGORY_KEYS, { error: '请选择隐患类别' });
const fileId = z.string({ error: '照片编号格式不正确' }).trim().min(1, '照片编号不能为空').max(512, '照片编号过长');
const photos = z.array(fileId, { error: '照片格式不正确' }).max(100, '照片过多').default([]);
const location = z
  .object(
    {
      latitude: z.number({ error: '纬度必须是数字' }).min(-90, '纬度超出范围').max(90, '纬度超出范围'),
      longitude: z.number({ error: '经度必须是数字' }).min(-180, '经度超出范围').max(180, '经度超出范围'),
    },
    { error: '位置格式不正确' },
  )
  .nullable()
  .optional();
const place = z.string({ error: '地点格式不正确' }).trim().min(2, '请写清隐患所在地点（至少2个字）').max(100, '地点不能超过100个字');

export const reportHazardSchema = z.object({
  category,
  description: text('隐患情况', 500),
  photos,
  location,
  householdId: id('农户').optional(),
  publicPlace: place.optional(),
});

export const whistleBlowSchema = z
  .object({
    villageId: id('村（社区）'),
    householdId: id('农户').optional(),
    place: place.optional(),
    category,
    description: text('隐患情况', 500),
    photos,
    location,
  })
  .superRefine((v, ctx) => {
    if (!v.householdId && !v.place) ctx.addIssue({ code: 'custom', path: ['place'], message: '请选择农户或写明隐患所在地点' });
  });

export const whistleStatusSchema = z.object({
  receipt: z.string({ error: '请填写举报回执码' }).trim().min(1, '请填写举报回执码').max(40, '回执码格式不正确'),
});

export const listMyReportsSchema = z.object({ ...pageFields });
export const reportFormOptionsSchema = z.object({});

export const listRoutedReportsSchema = z.object({ ...pageFields, openOnly: z.boolean({ error: '筛选条件格式不正确' }).default(true) });

export const listWhistleReportsSchema = z.object({ ...pageFields, openOnly: z.boolean({ error: '筛选条件格式不正确' }).default(false) });

export const verifyRoutedReportSchema = z
  .object({
    hazardId: id('隐患'),
    rectified: z.boolean({ error: '请选择是否已整改到位' }),
    photos,
    newDeadline: day('新的整改期限').optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.rectified && !v.newDeadline)
      ctx.addIssue({ code: 'custom', path: ['newDeadline'], message: '未整改到位的，请填写新的整改期限' });
  });
