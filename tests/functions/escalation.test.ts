// The escalation function's rules through the real function and emulator (SPEC §4): the late offline visit that
// once escalated a visitor who had done their visits, draft visibility, publication, exemptions before and after
// publication (corrections), objections (who, when, once), and a referral that waits for a pending objection.
import { startBackend, type Backend } from '../helpers/backend';

let b: Backend;
const campaignId = 'demo-township-seed001';
const pid = (n: number) => `person-demo-visitor-${n}`;
const ov = (n: number) => `demo-visitor-${n}`;
const noticeId = `notice:${campaignId}:2024-12`;
const caseOf = (n: number, level = 'notice') => b.docs('cases', { _id: `${level}:${campaignId}:2024-12:${pid(n)}` })[0];
const householdsOf = (n: number) =>
  b
    .docs('assignments', { visitorPersonId: pid(n), validTo: null })
    .map((a) => a.householdId as string)
    .sort();

async function knock(n: number, householdId: string, iso: string, offline?: string) {
  b.setClock(iso);
  const res = await b.call(
    'visit',
    {
      action: 'recordVisit',
      householdId,
      templateId: 'residential-default',
      answers: [{ key: 'gas', answer: 'ok' }],
      education: { noticeHandedOver: true, sanQingSanGuanExplained: true },
      ...(offline ? { offline: true, deviceTime: offline } : {}),
    },
    ov(n),
  );
  if (!res.ok) throw new Error(`${res.code} ${res.message}`);
  return res.data as any;
}
const ladder = async (iso: string) => {
  b.setClock(iso);
  const r = await b.fireTimer('escalation', 'ladder');
  if (!r.ok) throw new Error(r.message);
};
const esc = (action: string, openid: string, rest: Record<string, unknown> = {}) => b.call<any>('escalation', { action, ...rest }, openid);

beforeAll(async () => {
  b = await startBackend({ demo: true });
  b.setClock('2024-11-19T09:00:00+08:00');
  const res = await b.call('visit', { action: 'updateCampaign', campaignId, active: true }, 'demo-office');
  if (!res.ok) throw new Error(res.message);
  for (const n of [1, 2, 3, 4, 5]) for (const h of householdsOf(n)) await knock(n, h, '2024-11-26T10:00:00+08:00');
  // December: visitor 1 does one round on 12-24 and the second offline on 12-31 21:00, sent on 01-01 08:00;
  // visitors 2–5 do one round
  for (const n of [1, 2, 3, 4, 5]) for (const h of householdsOf(n)) await knock(n, h, '2024-12-24T10:00:00+08:00');
}, 180_000);
afterAll(() => b.stop());

test('a visit made offline on 12-31 21:00 and sent on 01-01 08:00 counts for December: no notice line, no case for that visitor', async () => {
  await ladder('2025-01-01T00:05:00+08:00');
  for (const h of householdsOf(1)) {
    const late = await knock(1, h, '2025-01-01T08:00:00+08:00', '2024-12-31T21:00:00+08:00');
    expect(late.count).toMatchObject({ periodKey: '2024-12', counted: 2, thisVisitCounted: true });
  }
  // no close before the offline window has passed, however often the timer runs
  await ladder('2025-01-01T09:05:00+08:00');
  await ladder('2025-01-02T23:05:00+08:00');
  expect(b.docs('notices', { _id: noticeId })).toHaveLength(0);
  await ladder('2025-01-03T00:05:00+08:00');
  const [draft] = b.docs('notices', { _id: noticeId });
  expect(draft.lines.map((l: any) => l.visitorPersonId)).toEqual([2, 3, 4, 5].map(pid));
  expect(caseOf(1)).toBeUndefined();
  // and long after the remedy deadline, still nothing for visitor 1
  expect((await esc('publishNotice', 'demo-office', { noticeId })).ok).toBe(true);
  await ladder('2025-01-20T00:05:00+08:00');
  expect(b.docs('cases', { visitorPersonId: pid(1), periodKey: '2024-12' })).toHaveLength(0);
  expect(b.docs('inbox', { personId: pid(1), kind: 'case' })).toHaveLength(0);
}, 120_000);

describe('on a fresh township month', () => {
  let f: Backend;
  const fcase = (n: number, level = 'notice') => f.docs('cases', { _id: `${level}:${campaignId}:2024-12:${pid(n)}` })[0];
  const call = (action: string, openid: string, rest: Record<string, unknown> = {}) =>
    f.call<any>('escalation', { action, ...rest }, openid);
  const run = async (iso: string) => {
    f.setClock(iso);
    const r = await f.fireTimer('escalation', 'ladder');
    if (!r.ok) throw new Error(r.message);
  };

  beforeAll(async () => {
    f = await startBackend({ demo: true });
    f.setClock('2024-11-19T09:00:00+08:00');
    expect((await f.call('visit', { action: 'updateCampaign', campaignId, active: true }, 'demo-office')).ok).toBe(true);
    // nobody visits in December; the first round is left aside (its own draft is never published here)
    await run('2025-01-03T00:05:00+08:00');
  }, 120_000);
  afterAll(() => f.stop());

  test('a draft is seen only by the township office and (read-only) the discipline office', async () => {
    const [draft] = f.docs('notices', { _id: noticeId });
    expect(draft.status).toBe('draft');
    expect(draft.lines.map((l: any) => l.visitorPersonId)).toEqual([1, 2, 3, 4, 5].map(pid));
    for (const openid of ['demo-visitor-1', 'demo-liaison-1']) {
      expect(await call('getNotice', openid, { noticeId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      const list = await call('listNotices', openid, { status: 'draft' });
      expect(list.ok && list.data.items).toEqual([]);
    }
    expect(await call('getCase', ov(2), { caseId: fcase(2)._id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await call('getNotice', 'demo-discipline', { noticeId })).toMatchObject({ ok: true, data: { status: 'draft' } });
    expect(await call('publishNotice', 'demo-discipline', { noticeId })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // the visitor is told nothing of a draft
    expect(f.docs('inbox', { personId: pid(2), kind: 'case' })).toHaveLength(0);
    expect(f.docs('inbox', { personId: 'person-demo-office' }).some((m) => m.title.includes('通报草稿待审核'))).toBe(true);
  });

  test('exempting in the draft removes the line; objecting to a draft is impossible', async () => {
    f.setClock('2025-01-03T09:00:00+08:00');
    expect(
      await call('exemptVisitor', 'demo-office', { campaignId, periodKey: '2024-12', visitorPersonId: pid(5), reason: '病假住院' }),
    ).toMatchObject({ ok: true });
    const [draft] = f.docs('notices', { _id: noticeId });
    expect(draft.lines.map((l: any) => l.visitorPersonId)).toEqual([1, 2, 3, 4].map(pid));
    expect(draft.excluded).toMatchObject([{ visitorPersonId: pid(5), state: 'exempted' }]);
    expect(fcase(5).status).toBe('exempted');
    expect(await call('fileObjection', ov(2), { caseId: fcase(2)._id, text: '草稿阶段的申辩应被拒绝' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  });

  test('publication opens the cases with the remedy deadline counted from publication; exemption after it appends a correction', async () => {
    f.setClock('2025-01-06T15:00:00+08:00');
    const pub = await call('publishNotice', 'demo-office', { noticeId });
    expect(pub.ok).toBe(true);
    expect(new Date(fcase(2).remedyDeadline).toISOString()).toBe(new Date('2025-01-14T00:00:00+08:00').toISOString());
    expect(fcase(2).status).toBe('open');
    expect(
      await call('exemptVisitor', 'demo-office', { campaignId, periodKey: '2024-12', visitorPersonId: pid(4), reason: '借调县应急局' }),
    ).toMatchObject({ ok: true });
    const [notice] = f.docs('notices', { _id: noticeId });
    expect(notice.lines.map((l: any) => l.visitorPersonId)).toEqual([1, 2, 3, 4].map(pid));
    expect(notice.corrections).toMatchObject([{ visitorPersonId: pid(4), kind: 'exempted' }]);
    expect(fcase(4).status).toBe('exempted');
    const seen = await call('getNotice', ov(1), { noticeId });
    expect(seen.ok && seen.data.corrections).toHaveLength(1);
    expect(seen.ok && seen.data.excluded).toBeUndefined();
  });

  test('objections: only the named visitor, once, within 3 working days; the office rules on notice objections', async () => {
    f.setClock('2025-01-07T09:00:00+08:00');
    const c2 = fcase(2)._id;
    expect(await call('fileObjection', ov(3), { caseId: c2, text: '替别人申辩试试看' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await call('fileObjection', 'demo-office', { caseId: c2, text: '办公室替人申辩试试' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await call('fileObjection', ov(2), { caseId: c2, text: '短' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(
      await call('fileObjection', ov(2), {
        caseId: c2,
        text: '12月走访有记录但未同步',
        photos: Array.from({ length: 10 }, (_, i) => `cloud://p${i}`),
      }),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(await call('fileObjection', ov(2), { caseId: c2, text: '12月走访有记录但手机未同步上传' })).toMatchObject({
      ok: true,
      data: { objection: { status: 'pending' } },
    });
    expect(await call('fileObjection', ov(2), { caseId: c2, text: '再申辩一次试试看' })).toMatchObject({
      ok: false,
      code: 'OBJECTION_EXISTS',
    });
    expect(f.docs('inbox', { personId: 'person-demo-office' }).some((m) => m.title.startsWith('申辩待裁定'))).toBe(true);
    expect(await call('ruleObjection', 'demo-discipline', { caseId: c2, upheld: false, reason: '无证据' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await call('ruleObjection', ov(1), { caseId: c2, upheld: false, reason: '无证据' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await call('ruleObjection', 'demo-office', { caseId: fcase(3)._id, upheld: true, reason: '无申辩' })).toMatchObject({
      ok: false,
      code: 'OBJECTION_STATE',
    });
    // published Monday 01-06: 3 working days → until the end of Thursday 01-09
    f.setClock('2025-01-10T00:00:00+08:00');
    expect(await call('fileObjection', ov(3), { caseId: fcase(3)._id, text: '期限过后的申辩应被拒绝' })).toMatchObject({
      ok: false,
      code: 'OBJECTION_CLOSED',
    });
  });

  test('a referral waits for a pending objection, then follows the ruling', async () => {
    // visitor 1 remedies both missing visits in the window; 3 does nothing; 2's objection is still pending
    for (const h of f.docs('assignments', { visitorPersonId: pid(1), validTo: null }).map((a) => a.householdId)) {
      for (const iso of ['2025-01-04T10:00:00+08:00', '2025-01-11T10:00:00+08:00']) {
        f.setClock(iso);
        const r = await f.call(
          'visit',
          {
            action: 'recordVisit',
            householdId: h,
            templateId: 'residential-default',
            answers: [{ key: 'gas', answer: 'ok' }],
            education: { noticeHandedOver: true, sanQingSanGuanExplained: true },
          },
          ov(1),
        );
        expect(r.ok).toBe(true);
      }
    }
    await run('2025-01-14T00:05:00+08:00');
    expect(fcase(1).status).toBe('remedied');
    expect(fcase(3).status).toBe('escalated');
    expect(fcase(2).status).toBe('open');
    expect(fcase(2, 'interview')).toBeUndefined();
    f.setClock('2025-01-14T09:00:00+08:00');
    expect(
      await call('ruleObjection', 'demo-office', { caseId: fcase(2)._id, upheld: false, reason: '走访记录中没有12月的第二轮' }),
    ).toMatchObject({ ok: true });
    expect(await call('ruleObjection', 'demo-office', { caseId: fcase(2)._id, upheld: true, reason: '改判' })).toMatchObject({
      ok: false,
      code: 'OBJECTION_STATE',
    });
    await run('2025-01-14T10:05:00+08:00');
    expect(fcase(2).status).toBe('escalated');
    expect(fcase(2, 'interview').status).toBe('open');
    expect(f.docs('inbox', { _id: `inbox:objection:${fcase(2)._id}:ruled` })[0].title).toContain('未被采纳');
  });

  test('the discipline office rules on interview objections; upheld withdraws the interview', async () => {
    f.setClock('2025-01-15T09:00:00+08:00');
    const i3 = fcase(3, 'interview')._id;
    expect(await call('fileObjection', ov(3), { caseId: i3, text: '12月下旬因公出差，有出差审批单' })).toMatchObject({ ok: true });
    expect(await call('ruleObjection', 'demo-office', { caseId: i3, upheld: true, reason: '出差属实' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await call('ruleObjection', 'demo-discipline', { caseId: i3, upheld: true, reason: '出差审批单属实' })).toMatchObject({
      ok: true,
      data: { status: 'withdrawn' },
    });
    expect(
      await call('scheduleInterview', 'demo-discipline', { caseId: i3, scheduledAt: '2025-01-20T09:00:00+08:00', place: '谈话室' }),
    ).toMatchObject({ ok: false, code: 'CASE_STATE' });
    const mine = await call('myCases', ov(3));
    expect(mine.ok && mine.data.items.find((c: any) => c._id === i3)).toMatchObject({
      status: 'withdrawn',
      objection: { status: 'upheld', ruling: { reason: '出差审批单属实' } },
    });
  });
});
