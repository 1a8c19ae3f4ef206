// Input schemas of the `visit` function, named by use; every message is the Chinese text the page shows as is.
// Rules that need stored data (unknown checklist item, photo limit, deadline in the past, proof) are decided later
// by the pure rules in this folder, each with its own code.
import { z } from 'zod';
import { id, pageFields, text } from '../common/fields';

const isRealDay = (s: string) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

export const day = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为“年-月-日”，如 2025-01-10`)
    .refine(isRealDay, `${label}不是有效日期`);

export const instant = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .refine(
      (s) => !Number.isNaN(Date.parse(s)) && /([zZ]|[+-]\d{2}:?\d{2})$/.test(s),
      `${label}格式不正确（需带时区，如 2025-01-10T09:00:00+08:00）`,
    )
    .transform((s) => new Date(s));

const fileId = z.string({ error: '照片编号格式不正确' }).trim().min(1, '照片编号不能为空').max(512, '照片编号过长');
/** the 9-photo limit is TOO_MANY_PHOTOS, decided by the rules; this bound only stops absurd payloads */
export const photos = z.array(fileId, { error: '照片格式不正确' }).max(100, '照片过多');

export const location = z.object(
  {
    latitude: z.number({ error: '纬度必须是数字' }).min(-90, '纬度超出范围').max(90, '纬度超出范围'),
    longitude: z.number({ error: '经度必须是数字' }).min(-180, '经度超出范围').max(180, '经度超出范围'),
  },
  { error: '位置格式不正确' },
);

const answer = z
  .object(
    {
      key: z.string({ error: '缺少检查项' }).trim().min(1, '缺少检查项').max(40, '检查项格式不正确'),
      answer: z.enum(['ok', 'hazard', 'na'], { error: '检查结果只能是“正常”“有隐患”或“不适用”' }),
      note: z.string({ error: '隐患说明格式不正确' }).trim().max(200, '隐患说明不能超过200个字').optional(),
      photos: photos.optional(),
      deadline: day('整改期限').optional(),
    },
    { error: '检查结果格式不正确' },
  )
  .superRefine((a, ctx) => {
    if (a.answer !== 'hazard') return;
    if (!a.note) ctx.addIssue({ code: 'custom', path: ['note'], message: '有隐患的检查项须写明隐患情况' });
    if (!a.deadline) ctx.addIssue({ code: 'custom', path: ['deadline'], message: '有隐患的检查项须填写整改期限' });
  });

export const checklistAnswers = z
  .array(answer, { error: '请填写排查表' })
  .min(1, '请填写排查表')
  .max(60, '检查项过多')
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((a, i) => {
      if (seen.has(a.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `检查项“${a.key}”重复填写` });
      seen.add(a.key);
    });
  });

const education = z.object(
  {
    noticeHandedOver: z.boolean({ error: '请说明是否已送达消防安全告知书' }),
    sanQingSanGuanExplained: z.boolean({ error: '请说明是否已讲解“三清三关”' }),
  },
  { error: '请填写宣传教育情况' },
);

export const recordVisitSchema = z
  .object({
    householdId: id('农户'),
    templateId: id('排查表'),
    answers: checklistAnswers,
    education,
    photos: photos.default([]),
    location: location.nullable().default(null),
    proof: z
      .object(
        {
          cardQrScene: z
            .string({ error: '明白卡二维码格式不正确' })
            .trim()
            .min(1, '明白卡二维码为空')
            .max(200, '明白卡二维码格式不正确')
            .optional(),
        },
        { error: '到场凭证格式不正确' },
      )
      .default({}),
    offline: z.boolean({ error: '“离线走访”须为是或否' }).default(false),
    deviceTime: instant('走访时间').optional(),
  })
  .superRefine((v, ctx) => {
    if (v.offline && !v.deviceTime) ctx.addIssue({ code: 'custom', path: ['deviceTime'], message: '离线走访须附上手机记录的走访时间' });
  });

export const confirmVisitSchema = z.object({ visitId: id('走访记录') });
export const listHouseholdVisitsSchema = z.object({ householdId: id('农户').optional(), ...pageFields });
export const householdCardSchema = z.object({ householdId: id('农户') });
export const resolveCardSchema = z.object({
  scene: z.string({ error: '请扫描明白卡二维码' }).trim().min(1, '请扫描明白卡二维码').max(200, '明白卡二维码格式不正确'),
});

export const myHouseholdsSchema = z.object({
  page: pageFields.page,
  pageSize: z.number({ error: '每页条数必须是数字' }).int('每页条数必须是整数').min(1, '每页至少1条').max(20, '每页最多20条').default(20),
});

export const listHazardDutiesSchema = z.object({ ...pageFields });
export const listHouseholdHazardsSchema = z.object({ householdId: id('农户').optional(), ...pageFields });
export const claimRectificationSchema = z.object({ hazardId: id('隐患'), photos: photos.min(1, '请上传整改后的照片') });
export const verifyHazardSchema = z
  .object({
    hazardId: id('隐患'),
    visitId: id('复查走访'),
    rectified: z.boolean({ error: '请选择是否整改到位' }),
    photos: photos.min(1, '请上传复查照片'),
    newDeadline: day('新的整改期限').optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.rectified && !v.newDeadline)
      ctx.addIssue({ code: 'custom', path: ['newDeadline'], message: '未整改到位的隐患须重新填写整改期限' });
  });

const periodFields = {
  label: text('时段名称', 30),
  startDay: day('开始日期'),
  endDay: day('结束日期'),
  quota: z.number({ error: '走访次数要求必须是数字' }).int('走访次数要求必须是整数').max(10, '每户走访次数要求最多10次'),
};

const periodKey = z
  .string({ error: '请填写时段编号' })
  .trim()
  .regex(/^[A-Za-z0-9-]{1,20}$/, '时段编号只能由字母、数字和短横线组成（最多20个）');

const periodInput = z.object({ key: periodKey, ...periodFields }, { error: '时段格式不正确' });

const rules = z
  .object(
    {
      minGapDays: z
        .number({ error: '间隔天数必须是数字' })
        .int('间隔天数必须是整数')
        .min(0, '间隔天数不能为负数')
        .max(31, '间隔天数最多31天'),
      remedyDays: z
        .number({ error: '整改期限天数必须是数字' })
        .int('整改期限天数必须是整数')
        .min(0, '整改期限天数不能为负数')
        .max(60, '整改期限最多60天'),
      reminderOffsetsDays: z
        .array(z.number({ error: '提醒天数必须是数字' }).int('提醒天数必须是整数').min(1, '提醒至少提前1天').max(28, '提醒最多提前28天'), {
          error: '提醒天数格式不正确',
        })
        .max(5, '最多设置5次提醒'),
      offlineWindowHours: z
        .number({ error: '离线补录时限必须是数字' })
        .int('离线补录时限必须是整数小时')
        .min(1, '离线补录时限至少1小时')
        .max(168, '离线补录时限最多168小时'),
      unprovenVisitsCount: z.boolean({ error: '请选择无到场凭证的走访是否计数' }),
    },
    { error: '计数规则格式不正确' },
  )
  .partial();

const calendarDay = (what: string) =>
  z.object(
    {
      name: text(`${what}名称`, 30),
      startDay: day(`${what}开始日期`),
      endDay: day(`${what}结束日期`),
      note: z
        .string({ error: `${what}说明格式不正确` })
        .trim()
        .max(100, `${what}说明不能超过100个字`)
        .optional(),
    },
    { error: `${what}格式不正确` },
  );

/** a campaign of weekly periods over a winter has about 20; the page shows them 20 a page */
export const MAX_PERIODS = 60;
const periods = z.array(periodInput, { error: '请填写行动时段' }).min(1, '请至少设置一个时段').max(MAX_PERIODS, `时段最多${MAX_PERIODS}个`);
const phases = z.array(calendarDay('阶段'), { error: '阶段格式不正确' }).max(30, '阶段最多30个');
const keyDates = z.array(calendarDay('重点时段'), { error: '重点时段格式不正确' }).max(30, '重点时段最多30个');

export const createCampaignSchema = z
  .object({
    preset: z.enum(['seed001', 'winter2026'], { error: '预设行动不正确' }).optional(),
    name: text('行动名称', 60).optional(),
    periods: periods.optional(),
    rules: rules.optional(),
    phases: phases.optional(),
    keyDates: keyDates.optional(),
    active: z.boolean({ error: '“启用”须为是或否' }).default(false),
  })
  .superRefine((v, ctx) => {
    if (v.preset) return;
    if (!v.name) ctx.addIssue({ code: 'custom', path: ['name'], message: '请填写行动名称' });
    if (!v.periods) ctx.addIssue({ code: 'custom', path: ['periods'], message: '请设置行动时段，或选择预设行动' });
  });

export const updateCampaignSchema = z
  .object({
    campaignId: id('行动'),
    name: text('行动名称', 60).optional(),
    rules: rules.optional(),
    periods: periods.optional(),
    phases: phases.optional(),
    keyDates: keyDates.optional(),
    active: z.boolean({ error: '“启用”须为是或否' }).optional(),
  })
  .superRefine((v, ctx) => {
    const { campaignId: _id, ...changes } = v;
    if (Object.values(changes).every((x) => x === undefined)) ctx.addIssue({ code: 'custom', message: '没有要修改的内容' });
  });

export const addPeriodSchema = z.object({ campaignId: id('行动'), ...periodFields });
export const removePeriodSchema = z.object({ campaignId: id('行动'), periodKey });

export const getCampaignSchema = z.object({ campaignId: id('行动') });
export const listCampaignsSchema = z.object({});
export const getChecklistTemplateSchema = z.object({ templateId: id('排查表') });
export const listChecklistTemplatesSchema = z.object({});

export const listInboxSchema = z.object({ unreadOnly: z.boolean({ error: '“只看未读”须为是或否' }).default(false), ...pageFields });
export const markReadSchema = z
  .object({
    ids: z.array(id('消息'), { error: '消息格式不正确' }).max(100, '一次最多标记100条').optional(),
    all: z.boolean({ error: '“全部已读”须为是或否' }).optional(),
  })
  .refine((v) => v.all === true || (v.ids?.length ?? 0) > 0, { message: '请选择要标为已读的消息' });
export const optInSubscribeSchema = z.object({
  templates: z
    .array(z.enum(['visitReminder', 'caseNotice', 'weeklyContact'], { error: '订阅消息类型不正确' }), { error: '请选择订阅消息' })
    .min(1, '请选择订阅消息')
    .max(3, '订阅消息类型不正确')
    .refine((t) => new Set(t).size === t.length, '订阅消息类型重复'),
});

export type RecordVisitInput = z.infer<typeof recordVisitSchema>;
export type CampaignRulesInput = z.infer<typeof rules>;
