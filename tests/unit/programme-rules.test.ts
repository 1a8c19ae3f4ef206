// Seed 000/002 rules and schemas, pure.
import { elderlyAgeRefusal, helperReminderId, helperSilentDays, isOverdue } from '../../server/domain/programme/rules';
import { addCompoundSchema, addElderlySchema } from '../../server/domain/programme/schemas';
import { householdCounts } from '../../server/domain/programme/views';
import { COMPOUND_TASKS_002 } from '../../server/domain/programme/tasks';

it('"年满60周岁": 60 qualifies, 59 is refused with a Chinese message', () => {
  expect(elderlyAgeRefusal(60)).toBeNull();
  expect(elderlyAgeRefusal(59)).toMatch(/60周岁/);
});

it('helper silence counts CST days; the reminder id is per helper per day', () => {
  expect(helperSilentDays(new Date('2026-12-01T15:59:00Z'), new Date('2026-12-08T16:01:00Z'))).toBe(8);
  expect(helperReminderId('p1', '2026-12-08')).toBe('helperContact:p1:2026-12-08');
});

it('a deadline is overdue only after its CST day and only while not done', () => {
  expect(isOverdue('2026-06-30', false, new Date('2026-06-30T15:59:00Z'))).toBe(false);
  expect(isOverdue('2026-06-30', false, new Date('2026-06-30T16:00:00Z'))).toBe(true);
  expect(isOverdue('2026-06-30', true, new Date('2026-07-30T00:00:00Z'))).toBe(false);
});

it('phones: a mainland mobile or a landline with area code; anything else refused on its field', () => {
  const base = {
    villageId: 'v',
    name: '甲',
    gender: 'male',
    age: 70,
    smoking: false,
    drinking: false,
    address: '一组1号',
    buildingType: '砖房',
    floors: 1,
    yearBuilt: '1990',
    helper: { name: '乙', type: 'other', phone: '13800000000' },
    devices: { smokeDetector: false, alarmOrVideo: false, leakageProtection: false, gasShutoff: false },
  };
  for (const phone of ['13800000000', '0745-3521234', '07453521234', null])
    expect(addElderlySchema.safeParse({ ...base, phone }).success).toBe(true);
  for (const phone of ['12345', '3521234', '+8613800000000']) {
    const r = addElderlySchema.safeParse({ ...base, phone });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].path).toEqual(['phone']);
  }
});

it('a ledger row needs a real rectification deadline', () => {
  const row = {
    villageId: 'v',
    streetCommunity: '镇/社区',
    name: '小区',
    address: '地址',
    managerName: '甲',
    managerPhone: '13800000000',
    floors: 5,
    hazards: '杂物',
  };
  expect(addCompoundSchema.safeParse(row).error?.issues[0]).toMatchObject({ path: ['deadline'], message: '请填写整改时限' });
  expect(addCompoundSchema.safeParse({ ...row, deadline: '2026-02-29' }).success).toBe(false);
  expect(addCompoundSchema.safeParse({ ...row, deadline: '2028-02-29' }).success).toBe(true);
});

it('counts come from the household: hazards found before the instant, verified ones rectified, educating visits', () => {
  const at = (s: string) => new Date(s);
  const hz = (status: string, reportedAt: string, verifiedAt: string | null) =>
    ({ householdId: 'h', status, reportedAt: at(reportedAt), verifiedAt: verifiedAt ? at(verifiedAt) : null }) as any;
  const visits = [
    { householdId: 'h', at: at('2026-12-02T00:00:00Z'), education: { noticeHandedOver: false, sanQingSanGuanExplained: true } },
    { householdId: 'h', at: at('2026-12-03T00:00:00Z'), education: { noticeHandedOver: false, sanQingSanGuanExplained: false } },
  ] as any;
  const c = householdCounts(
    'h',
    [
      hz('verified', '2026-12-01T00:00:00Z', '2026-12-05T00:00:00Z'),
      hz('open', '2026-12-02T00:00:00Z', null),
      hz('open', '2027-01-02T00:00:00Z', null),
    ],
    visits,
    at('2027-01-01T00:00:00Z'),
  );
  expect(c).toEqual({ hazardsFound: 2, hazardsRectified: 1, timesEducated: 1 });
});

it('002 附件2 task list: seven tasks in three phases with the seed deadlines', () => {
  expect(COMPOUND_TASKS_002).toHaveLength(7);
  expect(new Set(COMPOUND_TASKS_002.map((t) => t.phase)).size).toBe(3);
  expect(COMPOUND_TASKS_002.map((t) => t.monthDay)).toEqual(['04-10', '04-10', '04-10', '06-30', '06-30', '12-25', '12-25']);
});
