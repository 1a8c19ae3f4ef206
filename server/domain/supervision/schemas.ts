// Input schemas of the supervision actions (escalation: register, spot checks; org: the visitor's unit and type).
import { z } from 'zod';
import { cstDayField, id, pageFields, text } from '../common/fields';
import { daysBetween } from '../time/cst';
import { MAX_PERIOD_DAYS, MAX_SAMPLE } from './spotCheck';
import { VISITOR_TYPES } from './visitorProfile';

export const hazardRegisterSchema = z.object({ villageId: id('村（社区）').optional(), ...pageFields });

export const exportHazardRegisterSchema = z.object({ villageId: id('村（社区）') });

const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label}格式不正确` })
    .trim()
    .max(max, `${label}不能超过${max}个字`)
    .default('');

export const drawSpotCheckSchema = z
  .object({
    villageId: id('村（社区）').optional(),
    visitorPersonId: id('走访人').optional(),
    size: z
      .number({ error: '请填写抽查户数' })
      .int('抽查户数必须是整数')
      .min(1, '至少抽查1户')
      .max(MAX_SAMPLE, `一次最多抽查${MAX_SAMPLE}户`),
    fromDay: cstDayField('核对起始日'),
    toDay: cstDayField('核对截止日'),
  })
  .superRefine((v, ctx) => {
    if (!v.villageId === !v.visitorPersonId)
      ctx.addIssue({ code: 'custom', message: '请选择一个村（社区）或一名走访人', path: ['villageId'] });
    // zod still runs this check when a day above was refused: compare only two real days
    if (!isDay(v.fromDay) || !isDay(v.toDay)) return;
    if (v.fromDay > v.toDay) ctx.addIssue({ code: 'custom', message: '核对起始日不能晚于截止日', path: ['toDay'] });
    else if (daysBetween(v.fromDay, v.toDay) >= MAX_PERIOD_DAYS)
      ctx.addIssue({ code: 'custom', message: `核对期间最长${MAX_PERIOD_DAYS}天`, path: ['toDay'] });
  });

const isDay = (d: unknown): boolean => cstDayField('').safeParse(d).success;

export const spotCheckIdSchema = z.object({ spotCheckId: id('抽查') });

export const listSpotChecksSchema = z.object({ ...pageFields });

export const recordSpotCheckSchema = z.object({
  spotCheckId: id('抽查'),
  householdId: id('农户'),
  says: z.enum(['visited', 'notVisited', 'unsure'], { error: '请选择农户所说的走访情况' }),
  visitorSaid: optionalText('上门人员', 50),
  visitDay: z.union([z.literal(''), cstDayField('上门日期')], { error: '上门日期格式不正确（如 2024-12-05）' }).default(''),
  hazardsSeen: optionalText('发现的隐患', 500),
  note: optionalText('备注', 500),
});

export const setVisitorProfileSchema = z.object({
  personId: id('走访人'),
  unit: text('工作单位', 50),
  type: z.enum(VISITOR_TYPES, { error: '请选择走访人类别（镇干部、村干部、党员、驻村工作队）' }),
});
