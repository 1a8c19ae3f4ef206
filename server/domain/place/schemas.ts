// Input schemas of the `place` function, named by use; every message is the Chinese text the page shows as is.
// Rules that need a list or stored data (unknown place type, plan frequency, plan scope, template items, photo limit,
// supervising department) are decided by the pure rules in this folder, each with its own code.
import { z } from 'zod';
import { id, pageFields, phoneNumber, text } from '../common/fields';
import { checklistAnswers, day, instant, location, photos } from '../visit/schemas';
import { AUTHORITIES, DEPARTMENTS, PLACE_TYPES } from './placeTypes';

const placeType = z.enum(PLACE_TYPES, { error: '场所类型不正确' });
const authority = z.enum(AUTHORITIES, { error: '监管主体须为村（社区）、派出所、经发办、民政和社会事务办、规建办或应急办' });
const riskGrade = z.enum(['high', 'medium', 'low'], { error: '风险等级须为高风险、较高风险或一般' });
const flag = (label: string) => z.boolean({ error: `“${label}”须为是或否` });
const note = (label: string, max: number) =>
  z
    .string({ error: `${label}格式不正确` })
    .trim()
    .max(max, `${label}不能超过${max}个字`);
const fileId = z.string({ error: '文件编号格式不正确' }).trim().min(1, '请先上传文件').max(512, '文件编号过长');

/** A place as the registry keeps it: the same fields from the form and from each row of an .xlsx import. */
export const placeFieldsSchema = z
  .object({
    villageId: id('所在村（社区）'),
    // an unknown type is PLACE_TYPE_UNKNOWN (placeTypes.isPlaceType), not a schema error
    type: z.string({ error: '请选择场所类型' }).trim().min(1, '请选择场所类型').max(30, '场所类型不正确'),
    name: text('场所名称', 60),
    address: text('地址', 100),
    responsibleName: text('负责人', 20),
    responsiblePhone: phoneNumber.nullable().optional(),
    authority,
    riskGrade,
    occupantsOver10: flag('住宿、工作、培训超过10人').default(false),
    listed: flag('列管单位').default(false),
    listName: note('列管清单名称', 40).default(''),
    location: location.nullable().default(null),
  })
  .superRefine((p, ctx) => {
    if (p.listName && !p.listed) ctx.addIssue({ code: 'custom', path: ['listName'], message: '填写了列管清单的场所须标为列管单位' });
  });

export type PlaceFields = z.output<typeof placeFieldsSchema>;

export const addPlaceSchema = placeFieldsSchema;

export const listPlacesSchema = z.object({
  villageId: id('村（社区）').optional(),
  type: placeType.optional(),
  authority: authority.optional(),
  listed: flag('列管单位').optional(),
  riskGrade: riskGrade.optional(),
  ...pageFields,
});

export const importFileSchema = z.object({ fileId });

const selector = z.object(
  {
    types: z.array(placeType, { error: '场所类型格式不正确' }).max(20, '场所类型过多').optional(),
    villageIds: z.array(id('村（社区）'), { error: '村（社区）格式不正确' }).max(200, '村（社区）过多').optional(),
    authorities: z.array(authority, { error: '监管主体格式不正确' }).max(10, '监管主体过多').optional(),
    listedOnly: flag('只含列管单位').optional(),
    listName: note('列管清单名称', 40).optional(),
    placeIds: z.array(id('场所'), { error: '场所清单格式不正确' }).max(2000, '一个计划最多2000个场所').optional(),
  },
  { error: '请选择计划检查的场所' },
);

export const createPlanSchema = z
  .object({
    name: text('计划名称', 60),
    inspectorRole: z.enum(['liaison', 'police', 'deptInspector', 'office'], { error: '检查人员须为村联络员、派出所、部门或镇办公室' }),
    inspectorScope: id('检查人员范围').optional(),
    selector,
    // an unknown frequency or one rarer than yearly is PLAN_FREQUENCY (planRules.frequencyProblem)
    frequency: z.string({ error: '请选择检查频次' }).trim().min(1, '请选择检查频次').max(20, '检查频次不正确'),
    dueBy: day('完成期限').optional(),
    startDay: day('开始日期').optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.inspectorRole === 'liaison' || v.inspectorRole === 'deptInspector') && !v.inspectorScope) {
      const what = v.inspectorRole === 'liaison' ? '负责检查的村（社区）' : '负责检查的部门';
      ctx.addIssue({ code: 'custom', path: ['inspectorScope'], message: `请选择${what}` });
    }
  });

export const listPlansSchema = z.object({});

export const planCoverageSchema = z.object({
  planId: id('检查计划'),
  standing: z.enum(['done', 'due', 'overdue'], { error: '检查状态不正确' }).optional(),
  ...pageFields,
});

export const myInspectionsSchema = z.object({ openOnly: flag('只看未检查的').default(true), ...pageFields });

export const inspectionFormSchema = z.object({ placeId: id('场所') });

const check = z
  .object(
    {
      hazardId: id('隐患'),
      rectified: z.boolean({ error: '请选择隐患是否整改到位' }),
      newDeadline: day('新的整改期限').optional(),
    },
    { error: '复查结果格式不正确' },
  )
  .superRefine((c, ctx) => {
    if (!c.rectified && !c.newDeadline)
      ctx.addIssue({ code: 'custom', path: ['newDeadline'], message: '未整改到位的隐患须重新填写整改期限' });
  });

export const recordInspectionSchema = z
  .object({
    placeId: id('场所'),
    templateId: id('检查表'),
    answers: checklistAnswers,
    checks: z
      .array(check, { error: '复查结果格式不正确' })
      .max(50, '复查的隐患过多')
      .default([])
      .superRefine((list, ctx) => {
        const seen = new Set<string>();
        list.forEach((c, i) => {
          if (seen.has(c.hazardId)) ctx.addIssue({ code: 'custom', path: [i, 'hazardId'], message: '同一隐患重复复查' });
          seen.add(c.hazardId);
        });
      }),
    photos: photos.default([]),
    location: location.nullable().default(null),
    note: note('检查说明', 200).default(''),
    offline: flag('离线检查').default(false),
    deviceTime: instant('检查时间').optional(),
  })
  .superRefine((v, ctx) => {
    if (v.offline && !v.deviceTime) ctx.addIssue({ code: 'custom', path: ['deviceTime'], message: '离线检查须附上手机记录的检查时间' });
  });

export type RecordInspectionInput = z.output<typeof recordInspectionSchema>;

export const listPlaceHazardsSchema = z.object({
  placeId: id('场所').optional(),
  filter: z.enum(['open', 'overdue', 'all'], { error: '筛选条件不正确' }).default('open'),
  ...pageFields,
});

export const claimPlaceHazardSchema = z.object({
  hazardId: id('隐患'),
  photos: photos.min(1, '请上传整改后的照片'),
  note: note('整改说明', 200).optional(),
});

export const referHazardSchema = z.object({
  hazardId: id('隐患'),
  department: z.enum(DEPARTMENTS, { error: '请选择转办部门：经发办、民政和社会事务办、规建办或应急办' }),
  deadline: day('报到期限'),
  note: note('转办说明', 200).optional(),
});

export const listReferralsSchema = z.object({
  filter: z.enum(['open', 'overdue', 'all'], { error: '筛选条件不正确' }).default('open'),
  ...pageFields,
});

export const acknowledgeReferralSchema = z.object({ referralId: id('转办') });

export const answerReferralSchema = z.object({
  referralId: id('转办'),
  text: text('办理情况', 500),
  photos: photos.default([]),
});

export const overdueOverviewSchema = z.object({});

const quarter = z
  .string({ error: '季度格式不正确' })
  .trim()
  .regex(/^\d{4}-Q[1-4]$/, '季度格式应为“年-Q季度”，如 2026-Q4');

export const quarterSchema = z.object({ quarter: quarter.optional() });

export const ledgerExportSchema = z
  .object({ fromDay: day('开始日期').optional(), toDay: day('结束日期').optional() })
  .superRefine((v, ctx) => {
    if (v.fromDay && v.toDay && v.fromDay > v.toDay) ctx.addIssue({ code: 'custom', path: ['toDay'], message: '结束日期不能早于开始日期' });
  });
