// Input schemas of the `grid` function: bad input gets a Chinese message on the right field.
import { z } from 'zod';
import { confirmContactSchema, fileWeeklyReportSchema, listWeeksSchema, weeklyBoardSchema } from '../../server/domain/grid/schemas';

z.config(z.locales.zhCN());

function issue(r: { success: boolean; error?: z.ZodError }): { path: string; message: string } {
  expect(r.success).toBe(false);
  const i = r.error!.issues[0];
  expect(i.message).toMatch(/[\u4e00-\u9fff]/);
  return { path: i.path.map(String).join('.'), message: i.message };
}

describe('grid schemas', () => {
  test('confirmContact: method, note, device time', () => {
    expect(confirmContactSchema.parse({ householdId: 'h1', method: 'phone' })).toEqual({ householdId: 'h1', method: 'phone', note: '' });
    expect(issue(confirmContactSchema.safeParse({ householdId: 'h1', method: 'sms' }))).toEqual({
      path: 'method',
      message: '联络方式须为微信、电话或上门',
    });
    expect(issue(confirmContactSchema.safeParse({ method: 'phone' })).path).toBe('householdId');
    expect(issue(confirmContactSchema.safeParse({ householdId: 'h1', method: 'phone', note: '长'.repeat(201) })).message).toBe(
      '备注不能超过200个字',
    );
    expect(issue(confirmContactSchema.safeParse({ householdId: 'h1', method: 'phone', deviceTime: '2027-01-03 21:00' })).path).toBe(
      'deviceTime',
    );
    const parsed = confirmContactSchema.parse({ householdId: 'h1', method: 'wechat', deviceTime: '2027-01-03T21:00:00+08:00' });
    expect(parsed.deviceTime?.toISOString()).toBe('2027-01-03T13:00:00.000Z');
  });

  test('fileWeeklyReport: no risk or at least one hazard, never both', () => {
    expect(fileWeeklyReportSchema.parse({ noRisk: true })).toEqual({ noRisk: true, hazards: [] });
    expect(issue(fileWeeklyReportSchema.safeParse({ noRisk: false }))).toEqual({
      path: 'hazards',
      message: '请至少填写一条风险隐患，或选择“本周无风险”',
    });
    expect(issue(fileWeeklyReportSchema.safeParse({ noRisk: true, hazards: [{ category: 'gas', description: '漏气' }] })).path).toBe(
      'hazards',
    );
    expect(issue(fileWeeklyReportSchema.safeParse({ noRisk: false, hazards: [{ category: 'fireworks', description: '鞭炮' }] }))).toEqual({
      path: 'hazards.0.category',
      message: '请选择隐患类别',
    });
    expect(issue(fileWeeklyReportSchema.safeParse({ noRisk: false, hazards: [{ category: 'gas', description: ' ' }] })).message).toBe(
      '请填写隐患描述',
    );
    expect(
      issue(
        fileWeeklyReportSchema.safeParse({ noRisk: false, hazards: [{ category: 'gas', description: '漏气', deadline: '2027-02-30' }] }),
      ).message,
    ).toBe('整改期限不是有效日期');
    expect(issue(fileWeeklyReportSchema.safeParse({}))).toEqual({ path: 'noRisk', message: '请选择本周是否有风险' });
  });

  test('week keys and counts', () => {
    expect(weeklyBoardSchema.parse({ weekKey: '2026-W53' })).toEqual({ weekKey: '2026-W53' });
    expect(issue(weeklyBoardSchema.safeParse({ weekKey: '2025-W53' })).message).toBe('该年没有这一周');
    expect(issue(weeklyBoardSchema.safeParse({ weekKey: '2026-53' })).message).toBe('周次格式不正确（如 2026-W53）');
    expect(listWeeksSchema.parse({})).toEqual({ count: 8 });
    expect(issue(listWeeksSchema.safeParse({ count: 27 })).message).toBe('最多查看最近26周');
  });
});
