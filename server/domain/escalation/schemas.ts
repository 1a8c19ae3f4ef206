// Input schemas of the `escalation` function.
import { z } from 'zod';
import { id, pageFields, reason, text } from '../common/fields';

/** Case and notice ids are built from campaign, period and person ids (each up to CloudBase's 32+ characters). */
const compositeId = (label: string) =>
  z
    .string({ error: `缺少${label}` })
    .trim()
    .min(1, `缺少${label}`)
    .max(200, `${label}格式不正确`);

const isoInstant = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .refine(
      (s) => !Number.isNaN(Date.parse(s)) && /[zZ]|[+-]\d{2}:?\d{2}$/.test(s),
      `${label}格式不正确（需带时区，如 2025-01-10T09:00:00+08:00）`,
    );

const photoId = z.string({ error: '照片编号格式不正确' }).trim().min(1, '照片编号不能为空').max(512, '照片编号过长');

export const runEscalationSchema = z.object({});
export const listNoticesSchema = z.object({
  /** the township office and the discipline office may ask for drafts; everyone else only ever sees published notices */
  status: z.enum(['draft', 'published', 'all'], { error: '通报状态不正确' }).default('all'),
  ...pageFields,
});
export const getNoticeSchema = z.object({ noticeId: compositeId('通报') });
export const myCasesSchema = z.object({ ...pageFields });
export const listCasesSchema = z.object({
  level: z.enum(['notice', 'interview'], { error: '案件类型不正确' }).default('interview'),
  status: z
    .enum(['draft', 'open', 'remedied', 'escalated', 'exempted', 'withdrawn', 'scheduled', 'closed', 'active'], { error: '案件状态不正确' })
    .default('active'),
  ...pageFields,
});
export const getCaseSchema = z.object({ caseId: compositeId('案件') });
export const scheduleInterviewSchema = z.object({
  caseId: compositeId('案件'),
  scheduledAt: isoInstant('约谈时间'),
  place: text('约谈地点', 50),
});
export const recordInterviewSchema = z.object({
  caseId: compositeId('案件'),
  outcome: text('约谈记录', 2000),
  conclusion: text('约谈结论', 200),
  /** the signed transcript: photos or scans of it */
  attachments: z.array(photoId, { error: '附件格式不正确' }).max(9, '约谈附件最多9个').default([]),
});
export const closeCaseSchema = z.object({ caseId: compositeId('案件') });
export const exemptVisitorSchema = z.object({ campaignId: id('行动'), periodKey: id('周期'), visitorPersonId: id('走访人'), reason });
export const publishNoticeSchema = z.object({ noticeId: compositeId('通报') });
export const periodStagesSchema = z.object({});

/** "申辩 … with text and photos" */
export const fileObjectionSchema = z.object({
  caseId: compositeId('案件'),
  text: text('申辩理由', 2000).refine((t) => t.length >= 5, '请写明申辩理由（至少5个字）'),
  photos: z.array(photoId, { error: '照片格式不正确' }).max(9, '申辩照片最多9张').default([]),
});
export const ruleObjectionSchema = z.object({
  caseId: compositeId('案件'),
  upheld: z.boolean({ error: '请选择申辩是否成立' }),
  reason,
});
export const listObjectionsSchema = z.object({
  status: z.enum(['pending', 'upheld', 'rejected'], { error: '申辩状态不正确' }).default('pending'),
  ...pageFields,
});
