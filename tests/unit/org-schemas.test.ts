// Input schemas answer bad input with the Chinese message the page shows, on the offending field.
import { z } from 'zod';
import {
  acceptInviteSchema,
  addHouseholdSchema,
  addPersonSchema,
  createInviteSchema,
  reassignHouseholdsSchema,
  updateHouseholdSchema,
} from '../../server/domain/org/schemas';

z.config(z.locales.zhCN());

function firstIssue(schema: z.ZodType, input: unknown): { path: string; message: string } {
  const r = schema.safeParse(input);
  if (r.success) throw new Error('expected a refusal');
  return { path: r.error.issues[0].path.join('.'), message: r.error.issues[0].message };
}

const chinese = /[\u4e00-\u9fff]/;

it('addHousehold: address and head are required, flags are yes/no, location in range', () => {
  expect(firstIssue(addHouseholdSchema, { gridId: 'g1', headName: '张三' })).toEqual({ path: 'address', message: '请填写门牌地址' });
  expect(firstIssue(addHouseholdSchema, { gridId: 'g1', address: '  ', headName: '张三' })).toEqual({
    path: 'address',
    message: '请填写门牌地址',
  });
  expect(
    firstIssue(addHouseholdSchema, { gridId: 'g1', address: '一组1号', headName: '张三', vulnerability: { elderlyAlone: 'yes' } }).message,
  ).toContain('孤寡/独居老人');
  expect(
    firstIssue(addHouseholdSchema, { gridId: 'g1', address: '一组1号', headName: '张三', location: { latitude: 120, longitude: 0 } })
      .message,
  ).toBe('纬度超出范围');
  expect(
    firstIssue(addHouseholdSchema, { gridId: 'g1', address: '一组1号', headName: '张三', members: [{ name: '李四', phone: '12345' }] })
      .message,
  ).toContain('电话号码格式不正确');
});

it('addHousehold: defaults fill what was left out', () => {
  const r = addHouseholdSchema.parse({ gridId: 'g1', address: ' 一组1号 ', headName: '张三' });
  expect(r).toEqual({ gridId: 'g1', address: '一组1号', headName: '张三', members: [], location: null, vulnerability: {}, note: '' });
});

it('updateHousehold refuses an empty change', () => {
  expect(firstIssue(updateHouseholdSchema, { householdId: 'h1' }).message).toBe('没有要修改的内容');
});

it('role grants need the scope their role sits in', () => {
  expect(firstIssue(addPersonSchema, { name: '王五', grants: [{ role: 'villager' }] })).toEqual({
    path: 'grants.0.scopeId',
    message: '请选择所属农户',
  });
  expect(firstIssue(addPersonSchema, { name: '王五', grants: [{ role: 'king' }] }).message).toBe('角色不正确');
  expect(firstIssue(addPersonSchema, { name: '王五', grants: [] }).message).toBe('请至少选择一个角色');
  expect(addPersonSchema.safeParse({ name: '王五', grants: [{ role: 'visitor' }] }).success).toBe(true);
});

it('createInvite needs a person or a name, and a sensible validity', () => {
  expect(firstIssue(createInviteSchema, { role: 'visitor' })).toEqual({ path: 'name', message: '请填写被邀请人姓名' });
  expect(firstIssue(createInviteSchema, { role: 'visitor', name: '赵六', validDays: 90 }).message).toBe('有效期最多30天');
  expect(createInviteSchema.parse({ role: 'visitor', name: '赵六' }).validDays).toBe(7);
});

it('acceptInvite normalises the code and refuses junk in Chinese', () => {
  expect(acceptInviteSchema.parse({ code: 'i=abcd2345' }).code).toBe('ABCD2345');
  expect(firstIssue(acceptInviteSchema, { code: 'hello' }).message).toContain('邀请码格式不正确');
  expect(firstIssue(acceptInviteSchema, {}).message).toBe('请输入邀请码');
});

it('reassignment needs a reason and two different visitors', () => {
  expect(firstIssue(reassignHouseholdsSchema, { householdIds: ['h1'], fromVisitorPersonId: 'a', toVisitorPersonId: 'b' }).message).toBe(
    '请填写原因',
  );
  expect(
    firstIssue(reassignHouseholdsSchema, { householdIds: ['h1'], fromVisitorPersonId: 'a', toVisitorPersonId: 'a', reason: '请假' }),
  ).toEqual({
    path: 'toVisitorPersonId',
    message: '新走访人与原走访人相同',
  });
  expect(
    firstIssue(reassignHouseholdsSchema, { householdIds: ['h1', 'h1'], fromVisitorPersonId: 'a', toVisitorPersonId: 'b', reason: '请假' })
      .message,
  ).toBe('农户有重复');
});

it('every refusal message is Chinese', () => {
  const samples: [z.ZodType, unknown][] = [
    [addHouseholdSchema, {}],
    [addHouseholdSchema, { gridId: 1 }],
    [addPersonSchema, { name: 'x'.repeat(30), grants: [{ role: 'office' }] }],
    [createInviteSchema, { role: 'visitor', name: '赵六', validDays: 'x' }],
  ];
  for (const [schema, input] of samples) expect(firstIssue(schema, input).message).toMatch(chinese);
});
