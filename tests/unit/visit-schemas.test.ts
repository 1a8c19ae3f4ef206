// The `visit` function's input schemas: what they accept, and the Chinese message the page shows for what they refuse.
import {
  createCampaignSchema,
  markReadSchema,
  optInSubscribeSchema,
  recordVisitSchema,
  updateCampaignSchema,
  verifyHazardSchema,
} from '../../server/domain/visit/schemas';

const visit = {
  householdId: 'h1',
  templateId: 'residential-default',
  answers: [{ key: 'gas', answer: 'ok' }],
  education: { noticeHandedOver: true, sanQingSanGuanExplained: false },
};
const firstMessage = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? '' : r.error!.issues[0].message);

describe('recordVisitSchema', () => {
  test('fills defaults: no photos, no location, no proof, online', () => {
    const r = recordVisitSchema.parse(visit);
    expect(r).toMatchObject({ photos: [], location: null, proof: {}, offline: false });
    expect(r.deviceTime).toBeUndefined();
  });

  test('a hazard needs a note and a deadline; answers are ok / hazard / na, each item once', () => {
    expect(
      firstMessage(recordVisitSchema.safeParse({ ...visit, answers: [{ key: 'gas', answer: 'hazard', deadline: '2025-01-10' }] })),
    ).toBe('有隐患的检查项须写明隐患情况');
    expect(firstMessage(recordVisitSchema.safeParse({ ...visit, answers: [{ key: 'gas', answer: 'hazard', note: '软管老化' }] }))).toBe(
      '有隐患的检查项须填写整改期限',
    );
    expect(firstMessage(recordVisitSchema.safeParse({ ...visit, answers: [{ key: 'gas', answer: 'bad' }] }))).toContain('检查结果只能是');
    expect(
      firstMessage(
        recordVisitSchema.safeParse({
          ...visit,
          answers: [
            { key: 'gas', answer: 'ok' },
            { key: 'gas', answer: 'na' },
          ],
        }),
      ),
    ).toContain('重复');
    expect(firstMessage(recordVisitSchema.safeParse({ ...visit, answers: [] }))).toBe('请填写排查表');
  });

  test('dates are real CST days; device times carry a zone; offline needs a device time', () => {
    expect(
      firstMessage(
        recordVisitSchema.safeParse({ ...visit, answers: [{ key: 'gas', answer: 'hazard', note: 'x', deadline: '2025-02-30' }] }),
      ),
    ).toBe('整改期限不是有效日期');
    expect(firstMessage(recordVisitSchema.safeParse({ ...visit, offline: true, deviceTime: '2025-01-10 09:00' }))).toContain('需带时区');
    expect(firstMessage(recordVisitSchema.safeParse({ ...visit, offline: true }))).toBe('离线走访须附上手机记录的走访时间');
    const r = recordVisitSchema.parse({ ...visit, offline: true, deviceTime: '2025-01-10T09:00:00+08:00' });
    expect(r.deviceTime!.toISOString()).toBe('2025-01-10T01:00:00.000Z');
  });

  test('education must be stated', () => {
    expect(firstMessage(recordVisitSchema.safeParse({ ...visit, education: { noticeHandedOver: true } }))).toBe(
      '请说明是否已讲解“三清三关”',
    );
  });
});

describe('other schemas', () => {
  test('a campaign is a preset, or a name with periods', () => {
    expect(createCampaignSchema.parse({ preset: 'seed001' })).toMatchObject({ preset: 'seed001', active: false });
    expect(firstMessage(createCampaignSchema.safeParse({ name: '行动' }))).toBe('请设置行动时段，或选择预设行动');
    expect(firstMessage(createCampaignSchema.safeParse({ preset: 'nope' }))).toBe('预设行动不正确');
    expect(firstMessage(updateCampaignSchema.safeParse({ campaignId: 'c' }))).toBe('没有要修改的内容');
    expect(firstMessage(updateCampaignSchema.safeParse({ campaignId: 'c', rules: { minGapDays: -1 } }))).toBe('间隔天数不能为负数');
  });

  test('a hazard found not rectified needs a new deadline; verification needs a photo', () => {
    expect(firstMessage(verifyHazardSchema.safeParse({ hazardId: 'z', visitId: 'v', rectified: false, photos: ['p'] }))).toBe(
      '未整改到位的隐患须重新填写整改期限',
    );
    expect(firstMessage(verifyHazardSchema.safeParse({ hazardId: 'z', visitId: 'v', rectified: true, photos: [] }))).toBe('请上传复查照片');
  });

  test('inbox and subscriptions', () => {
    expect(firstMessage(markReadSchema.safeParse({}))).toBe('请选择要标为已读的消息');
    expect(markReadSchema.parse({ all: true })).toEqual({ all: true });
    expect(firstMessage(optInSubscribeSchema.safeParse({ templates: ['visitReminder', 'visitReminder'] }))).toBe('订阅消息类型重复');
  });
});
