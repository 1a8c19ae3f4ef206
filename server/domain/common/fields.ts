// Field builders every schema module shares: ids, free text, reasons and paging, each with its Chinese message.
import { z } from 'zod';

export const id = (label: string) =>
  z
    .string({ error: `缺少${label}` })
    .trim()
    .min(1, `缺少${label}`)
    .max(64, `${label}格式不正确`);

export const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`);

export const reason = z.string({ error: '请填写原因' }).trim().min(2, '请填写原因（至少2个字）').max(200, '原因不能超过200个字');

export const pageFields = {
  page: z.number({ error: '页码必须是数字' }).int('页码必须是整数').min(1, '页码从1开始').default(1),
  pageSize: z.number({ error: '每页条数必须是数字' }).int('每页条数必须是整数').min(1, '每页至少1条').max(50, '每页最多50条').default(20),
};

/** A mainland mobile (11 digits from 1) or a landline with its area code; the same rule and message as org's phone field. */
export const phoneNumber = z
  .string({ error: '电话号码格式不正确' })
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '电话号码格式不正确：请填写11位手机号或带区号的固定电话');

/** A CST calendar day `YYYY-MM-DD` that exists. */
export const cstDayField = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式不正确（如 2024-06-30）`)
    .refine(
      (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s,
      `${label}不是有效日期`,
    );

/** the phone's clock for something captured offline; an offset is required so the instant is unambiguous */
export const deviceTime = z
  .string({ error: '离线记录时间格式不正确' })
  .refine(
    (s) => /[zZ]|[+-]\d{2}:?\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)),
    '离线记录时间格式不正确（需带时区，如 2027-01-03T21:00:00+08:00）',
  )
  .transform((s) => new Date(s));
