// Input schemas of the `programme` function, named by use; messages are the Chinese the pages show as is.
import { z } from 'zod';
import { cstDayField, deviceTime, id, pageFields, phoneNumber, reason, text } from '../common/fields';

const flag = (label: string) => z.boolean({ error: `“${label}”须为是或否` });
const count = (label: string) =>
  z
    .number({ error: `${label}必须是数字` })
    .int(`${label}必须是整数`)
    .min(0, `${label}不能为负数`)
    .max(999, `${label}过大`);

const helper = z.object(
  {
    name: text('帮扶人姓名', 20),
    type: z.enum(['cadre', 'gridWorker', 'volunteer', 'other'], { error: '帮扶人员类型须为村（社区）干部、网格员、志愿者或其他' }),
    phone: phoneNumber,
    personId: id('帮扶人账号').nullable().default(null),
  },
  { error: '请填写“一对一”帮扶人员' },
);

const devices = z.object(
  {
    smokeDetector: flag('联网型独立式感烟探测器'),
    alarmOrVideo: flag('一键报警器或视频监控'),
    leakageProtection: flag('三级漏电保护装置'),
    gasShutoff: flag('燃气泄漏自动断阀装置'),
    other: z.string({ error: '其他设施格式不正确' }).trim().max(50, '其他设施不能超过50个字').default(''),
  },
  { error: '物联感知设施格式不正确' },
);

const manualCounts = z.object({
  hazardsFound: count('发现隐患'),
  hazardsRectified: count('整改隐患'),
  timesEducated: count('宣传提示次数'),
});

const elderlyFields = {
  villageId: id('村（社区）'),
  householdId: id('农户').nullable(),
  name: text('独居老人姓名', 20),
  gender: z.enum(['male', 'female'], { error: '性别须为男或女' }),
  age: z.number({ error: '年龄必须是数字' }).int('年龄必须是整数').min(0, '年龄不正确').max(130, '年龄不正确'),
  phone: phoneNumber.nullable(),
  smoking: flag('是否有吸烟抽烟情形'),
  drinking: flag('是否有饮酒情形'),
  address: text('居住地址', 60),
  buildingType: text('居住建筑性质', 20),
  floors: z
    .number({ error: '居住建筑层数必须是数字' })
    .int('居住建筑层数必须是整数')
    .min(1, '居住建筑层数至少1层')
    .max(100, '居住建筑层数不正确'),
  yearBuilt: text('居住建筑建成年代', 20),
  helper,
  devices,
  manualCounts,
};

export const addElderlySchema = z.object({
  ...elderlyFields,
  householdId: elderlyFields.householdId.default(null),
  phone: elderlyFields.phone.default(null),
  manualCounts: manualCounts.default({ hazardsFound: 0, hazardsRectified: 0, timesEducated: 0 }),
});

export const updateElderlySchema = z
  .object({
    elderlyId: id('登记'),
    householdId: elderlyFields.householdId.optional(),
    name: elderlyFields.name.optional(),
    gender: elderlyFields.gender.optional(),
    age: elderlyFields.age.optional(),
    phone: elderlyFields.phone.optional(),
    smoking: elderlyFields.smoking.optional(),
    drinking: elderlyFields.drinking.optional(),
    address: elderlyFields.address.optional(),
    buildingType: elderlyFields.buildingType.optional(),
    floors: elderlyFields.floors.optional(),
    yearBuilt: elderlyFields.yearBuilt.optional(),
    helper: helper.optional(),
    devices: devices.optional(),
    manualCounts: manualCounts.optional(),
  })
  .superRefine((v, ctx) => {
    const { elderlyId: _id, ...changes } = v;
    if (Object.values(changes).every((x) => x === undefined)) ctx.addIssue({ code: 'custom', message: '没有要修改的内容' });
  });

/** 销册 or back on the registry: never without a reason */
export const setElderlyActiveSchema = z.object({ elderlyId: id('登记'), active: flag('是否在册'), reason });

export const listElderlySchema = z.object({
  villageId: id('村（社区）').optional(),
  includeInactive: flag('含已销册').default(false),
  ...pageFields,
});

export const recordHelperContactSchema = z.object({
  elderlyId: id('登记'),
  method: z.enum(['visit', 'phone', 'wechat'], { error: '联系方式须为上门、电话或微信' }),
  note: z.string({ error: '备注格式不正确' }).trim().max(200, '备注不能超过200个字').default(''),
  /** a contact recorded without network: when it happened on the phone (within 48 h) */
  deviceTime: deviceTime.optional(),
});

export const helperElderlySchema = z.object({ ...pageFields });

const compoundFields = {
  villageId: id('社区'),
  streetCommunity: text('镇街/社区', 40),
  name: text('小区名称', 40),
  address: text('地址', 60),
  managerName: text('消防安全管理人（楼栋长）', 20),
  managerPhone: phoneNumber,
  floors: z.number({ error: '建筑层数必须是数字' }).int('建筑层数必须是整数').min(1, '建筑层数至少1层').max(100, '建筑层数不正确'),
  heightMeters: z.number({ error: '建筑高度必须是数字' }).positive('建筑高度须大于0').max(300, '建筑高度不正确').nullable(),
  hazards: text('隐患内容', 500),
  deadline: cstDayField('整改时限'),
};

export const addCompoundSchema = z.object({ ...compoundFields, heightMeters: compoundFields.heightMeters.default(null) });

export const updateCompoundSchema = z
  .object({
    compoundId: id('小区'),
    streetCommunity: compoundFields.streetCommunity.optional(),
    name: compoundFields.name.optional(),
    address: compoundFields.address.optional(),
    managerName: compoundFields.managerName.optional(),
    managerPhone: compoundFields.managerPhone.optional(),
    floors: compoundFields.floors.optional(),
    heightMeters: compoundFields.heightMeters.optional(),
    hazards: compoundFields.hazards.optional(),
    deadline: compoundFields.deadline.optional(),
    status: z.enum(['open', 'rectified'], { error: '整改状态须为整改中或已整改' }).optional(),
  })
  .superRefine((v, ctx) => {
    const { compoundId: _id, ...changes } = v;
    if (Object.values(changes).every((x) => x === undefined)) ctx.addIssue({ code: 'custom', message: '没有要修改的内容' });
  });

export const listCompoundsSchema = z.object({ villageId: id('社区').optional(), overdueOnly: flag('只看逾期').default(false) });
const taskYear = z.number({ error: '请填写年份' }).int('年份必须是整数').min(2020, '年份不正确').max(2100, '年份不正确');
export const listCompoundTasksSchema = z.object({ year: taskYear.optional() });
export const setTaskStatusSchema = z.object({
  taskId: id('任务'),
  status: z.enum(['pending', 'inProgress', 'done'], { error: '任务状态须为未开始、推进中或已完成' }),
  note: z.string({ error: '备注格式不正确' }).trim().max(200, '备注不能超过200个字').optional(),
});

const taskFields = {
  phase: text('阶段', 30),
  content: text('任务内容', 300),
  units: text('责任单位', 200),
  deadline: cstDayField('完成时限'),
  deadlineLabel: text('时限说明', 20),
};

export const addCompoundTaskSchema = z.object({
  year: taskYear,
  ...taskFields,
  deadlineLabel: taskFields.deadlineLabel.optional(),
});

export const updateCompoundTaskSchema = z
  .object({
    taskId: id('任务'),
    phase: taskFields.phase.optional(),
    content: taskFields.content.optional(),
    units: taskFields.units.optional(),
    deadline: taskFields.deadline.optional(),
    deadlineLabel: taskFields.deadlineLabel.optional(),
  })
  .superRefine((v, ctx) => {
    const { taskId: _id, ...changes } = v;
    if (Object.values(changes).every((x) => x === undefined)) ctx.addIssue({ code: 'custom', message: '没有要修改的内容' });
  });
