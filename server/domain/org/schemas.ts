// Input schemas of the `org` function, named by use; every message is the Chinese text the page shows as is.
import { z } from 'zod';
import type { Role } from '../../../typings/roles';
import { parseInviteCode } from './inviteCode';
import { id, pageFields, phoneNumber as phone, reason, text } from '../common/fields';

const ROLES = [
  'villager',
  'gridLeader',
  'visitor',
  'liaison',
  'office',
  'discipline',
  'helper',
  'police',
  'deptInspector',
] as const satisfies readonly Role[];

/** roles whose grant sits on a household, grid, village or department and so needs that id */
export const SCOPED_ROLES: readonly Role[] = ['villager', 'gridLeader', 'liaison', 'deptInspector'];

const role = z.enum(ROLES, { error: '角色不正确' });

const location = z.object(
  {
    latitude: z.number({ error: '纬度必须是数字' }).min(-90, '纬度超出范围').max(90, '纬度超出范围'),
    longitude: z.number({ error: '经度必须是数字' }).min(-180, '经度超出范围').max(180, '经度超出范围'),
  },
  { error: '位置格式不正确' },
);

const member = z.object(
  {
    name: text('成员姓名', 20),
    relation: z.string({ error: '与户主关系格式不正确' }).trim().max(10, '与户主关系不能超过10个字').optional(),
    phone: phone.optional(),
    wechatId: z
      .string({ error: '微信号格式不正确' })
      .trim()
      .regex(/^([A-Za-z][-_A-Za-z0-9]{5,19}|1\d{10})$/, '微信号格式不正确：6-20位字母、数字、下划线或减号，以字母开头（或绑定的手机号）')
      .optional(),
  },
  { error: '家庭成员格式不正确' },
);

const flag = (label: string) => z.boolean({ error: `“${label}”须为是或否` });
const vulnerability = z.object(
  {
    elderlyAlone: flag('孤寡/独居老人').optional(),
    leftBehindChildren: flag('留守儿童').optional(),
    leftBehindWomen: flag('留守妇女').optional(),
    mentalDisorder: flag('精神障碍患者').optional(),
    disability: flag('残疾人').optional(),
  },
  { error: '重点人群标记格式不正确' },
);

const householdFields = {
  address: text('门牌地址', 60),
  headName: text('户主姓名', 20),
  members: z.array(member, { error: '家庭成员格式不正确' }).max(20, '家庭成员最多20人'),
  location: location.nullable(),
  vulnerability,
  note: z.string({ error: '备注格式不正确' }).trim().max(200, '备注不能超过200个字'),
};

const grantFields = z.object({ role, scopeId: id('范围').optional() });
function requireScope(value: { role: Role; scopeId?: string }, ctx: z.RefinementCtx): void {
  if (SCOPED_ROLES.includes(value.role) && !value.scopeId) {
    const what = { villager: '所属农户', gridLeader: '所属微网格', deptInspector: '所属部门' }[value.role as string] ?? '所属村';
    ctx.addIssue({ code: 'custom', path: ['scopeId'], message: `请选择${what}` });
  }
}
const grant = grantFields.superRefine(requireScope);

export const createVillageSchema = z.object({ name: text('村（社区）名称', 30) });
export const updateVillageSchema = z.object({ villageId: id('村'), name: text('村（社区）名称', 30) });
export const createGridSchema = z.object({ villageId: id('村'), name: text('微网格名称', 30) });
export const updateGridSchema = z.object({ gridId: id('微网格'), name: text('微网格名称', 30) });

export const addHouseholdSchema = z.object({
  gridId: id('微网格'),
  address: householdFields.address,
  headName: householdFields.headName,
  members: householdFields.members.default([]),
  location: householdFields.location.default(null),
  vulnerability: householdFields.vulnerability.default({}),
  note: householdFields.note.default(''),
});

export const updateHouseholdSchema = z
  .object({
    householdId: id('农户'),
    address: householdFields.address.optional(),
    headName: householdFields.headName.optional(),
    members: householdFields.members.optional(),
    location: householdFields.location.optional(),
    vulnerability: householdFields.vulnerability.optional(),
    note: householdFields.note.optional(),
  })
  .superRefine((v, ctx) => {
    const { householdId: _id, ...changes } = v;
    if (Object.values(changes).every((x) => x === undefined)) ctx.addIssue({ code: 'custom', message: '没有要修改的内容' });
  });

export const moveHouseholdSchema = z.object({ householdId: id('农户'), toGridId: id('目标微网格') });
export const setHouseholdActiveSchema = z.object({
  householdId: id('农户'),
  active: z.boolean({ error: '请说明是否在住（是/否）' }),
  reason: reason.optional(),
});

export const listVillagesSchema = z.object({});
export const listChoicesSchema = z.object({ kind: z.enum(['village', 'campaign'], { error: '选择的类型只能是村（社区）或行动' }) });
export const listGridsSchema = z.object({ villageId: id('村').optional() });
export const listHouseholdsSchema = z.object({
  villageId: id('村').optional(),
  gridId: id('微网格').optional(),
  includeInactive: z.boolean({ error: '“含已迁出”须为是或否' }).default(false),
  ...pageFields,
});

export const addPersonSchema = z.object({
  name: text('姓名', 20),
  phone: phone.optional(),
  grants: z.array(grant, { error: '请至少选择一个角色' }).min(1, '请至少选择一个角色').max(5, '一次最多授予5个角色'),
});
export const grantRoleSchema = grantFields.extend({ personId: id('人员') }).superRefine(requireScope);
export const revokeRoleSchema = grantRoleSchema;
export const listPersonsSchema = z.object({ role: role.optional(), ...pageFields });

export const createInviteSchema = grantFields
  .extend({
    personId: id('人员').optional(),
    name: text('姓名', 20).optional(),
    phone: phone.optional(),
    validDays: z
      .number({ error: '有效天数必须是数字' })
      .int('有效天数必须是整数')
      .min(1, '有效期至少1天')
      .max(30, '有效期最多30天')
      .default(7),
  })
  .superRefine(requireScope)
  .superRefine((v, ctx) => {
    if (!v.personId && !v.name) ctx.addIssue({ code: 'custom', path: ['name'], message: '请填写被邀请人姓名' });
  });

export const acceptInviteSchema = z.object({
  code: z
    .string({ error: '请输入邀请码' })
    .trim()
    .min(1, '请输入邀请码')
    .max(100, '邀请码格式不正确')
    .transform((s, ctx) => {
      const code = parseInviteCode(s);
      if (!code) {
        ctx.addIssue({ code: 'custom', message: '邀请码格式不正确，请核对后重新输入（8位字母数字）' });
        return z.NEVER;
      }
      return code;
    }),
});
export const revokeInviteSchema = acceptInviteSchema;
export const listInvitesSchema = z.object({
  status: z.enum(['open', 'used', 'expired', 'revoked'], { error: '邀请状态不正确' }).optional(),
});

const householdIds = z
  .array(id('农户'), { error: '请选择农户' })
  .min(1, '请至少选择一户')
  .max(50, '一次最多50户')
  .refine((ids) => new Set(ids).size === ids.length, '农户有重复');

export const assignHouseholdsSchema = z.object({ visitorPersonId: id('走访人'), householdIds });
export const reassignHouseholdsSchema = z
  .object({ householdIds, fromVisitorPersonId: id('原走访人'), toVisitorPersonId: id('新走访人'), reason })
  .refine((v) => v.fromVisitorPersonId !== v.toVisitorPersonId, { path: ['toVisitorPersonId'], message: '新走访人与原走访人相同' });
export const endAssignmentSchema = z.object({ assignmentId: id('走访分工'), reason });
export const listAssignmentsSchema = z.object({
  visitorPersonId: id('走访人').optional(),
  householdId: id('农户').optional(),
  includeHistory: z.boolean({ error: '“含历史”须为是或否' }).default(false),
});

export const meSchema = z.object({});

export type AddHouseholdInput = z.infer<typeof addHouseholdSchema>;
export type UpdateHouseholdInput = z.infer<typeof updateHouseholdSchema>;
export type GrantInput = z.infer<typeof grantFields>;
