// Seed 001's timeline replayed on the virtual clock, through the real functions (SPEC §4): first round by 2024-11-30,
// two rounds in December, reminders, 统计中 until the offline window has passed, the draft notice, publication by the
// office, a late offline visit that counts, a visitor who remedies, an objection upheld with a correction, and one
// rejected, referred and interviewed.
import { startBackend, type Backend } from '../helpers/backend';

let backend: Backend;
const pid = (n: number) => `person-demo-visitor-${n}`;
const openidOf = (n: number) => `demo-visitor-${n}`;
let campaignId = '';

const households = (n: number): string[] =>
  backend
    .docs('assignments', { visitorPersonId: pid(n), validTo: null })
    .map((a) => a.householdId as string)
    .sort();

async function visit(n: number, householdId: string, iso: string, offline?: { deviceTime: string }): Promise<any> {
  backend.setClock(iso);
  const res = await backend.call(
    'visit',
    {
      action: 'recordVisit',
      householdId,
      templateId: 'residential-default',
      answers: [{ key: 'electricalWiring', answer: 'ok' }],
      education: { noticeHandedOver: true, sanQingSanGuanExplained: true },
      ...(offline ? { offline: true, deviceTime: offline.deviceTime } : {}),
    },
    openidOf(n),
  );
  if (!res.ok) throw new Error(`visit ${householdId} at ${iso}: ${res.code} ${res.message}`);
  return res.data;
}

async function runLadder(iso: string) {
  backend.setClock(iso);
  const res = await backend.fireTimer('escalation', 'ladder');
  if (!res.ok) throw new Error(`ladder at ${iso}: ${res.code} ${res.message}`);
  return res.data as { reminders: number; drafts: number; interviewCases: number; remedied: number; complete: boolean };
}

const casesOf = (level: string, periodKey: string) => backend.docs('cases', { level, campaignId, periodKey });
const caseOf = (level: string, periodKey: string, n: number) => casesOf(level, periodKey).find((c) => c.visitorPersonId === pid(n))!;
const visitorsIn = (level: string, periodKey: string) =>
  casesOf(level, periodKey)
    .map((c) => c.visitorPersonId)
    .sort();
const stageOf = async (openid: string, periodKey: string) => {
  const res = await backend.call<any[]>('escalation', { action: 'periodStages' }, openid);
  if (!res.ok) throw new Error(res.message);
  return res.data.find((p) => p.campaignId === campaignId && p.periodKey === periodKey)?.stage;
};

beforeAll(async () => {
  backend = await startBackend({ demo: true });
  backend.setClock('2024-11-18T09:00:00+08:00');
  const listed = await backend.call('visit', { action: 'listCampaigns' }, 'demo-office');
  if (!listed.ok) throw new Error(listed.message);
  const existing = (JSON.stringify(listed.data).match(/"(?:_id|id)":"([^"]*seed001[^"]*)"/) ?? [])[1];
  if (existing) {
    const upd = await backend.call('visit', { action: 'updateCampaign', campaignId: existing, active: true }, 'demo-office');
    if (!upd.ok) throw new Error(upd.message);
    campaignId = existing;
  } else {
    const created = await backend.call<{ id: string }>(
      'visit',
      { action: 'createCampaign', preset: 'seed001', active: true },
      'demo-office',
    );
    if (!created.ok) throw new Error(created.message);
    campaignId = created.data.id;
  }
}, 120_000);
afterAll(() => backend.stop());

test('the whole ladder on seed 001’s timeline', async () => {
  const [h1, h2, h3, h4, h5] = [1, 2, 3, 4, 5].map(households);
  expect(h1.length).toBeGreaterThan(5);
  // first round: everyone but visitor 4 visits every household once before 2024-11-30
  for (const n of [1, 2, 3, 5]) for (const h of households(n)) await visit(n, h, '2024-11-25T10:00:00+08:00');
  // the first round closes 48 h after 11-30: visitor 4 is in its draft, which the office leaves unpublished
  await runLadder('2024-12-03T00:05:00+08:00');
  expect(visitorsIn('notice', 'first-round')).toEqual([pid(4)]);
  expect(caseOf('notice', 'first-round', 4).status).toBe('draft');
  // December: 1 does both rounds; 2 does the last household's second round offline on 12-31 and sends it on 01-01;
  // 3 and 4 only one round; 5 one round
  for (const h of h1) await visit(1, h, '2024-12-02T10:00:00+08:00');
  for (const h of h1) await visit(1, h, '2024-12-10T10:00:00+08:00');
  for (const h of h2) await visit(2, h, '2024-12-03T10:00:00+08:00');
  for (const h of h2.slice(1)) await visit(2, h, '2024-12-12T10:00:00+08:00');
  for (const n of [3, 4, 5]) for (const h of households(n)) await visit(n, h, '2024-12-04T10:00:00+08:00');

  // reminders 5 and 2 days before the end, to the short visitors only, once per offset, worded with the days left
  await runLadder('2024-12-27T09:00:00+08:00');
  await runLadder('2024-12-27T10:00:00+08:00');
  await runLadder('2024-12-30T09:00:00+08:00');
  const decReminders = backend.docs('reminders', { campaignId, periodKey: '2024-12' });
  const remindedOf = (n: number) =>
    decReminders
      .filter((r) => r.visitorPersonId === pid(n))
      .map((r) => r.offsetDays)
      .sort();
  expect(remindedOf(1)).toEqual([]);
  expect([2, 3, 4, 5].map(remindedOf)).toEqual([
    [2, 5],
    [2, 5],
    [2, 5],
    [2, 5],
  ]);
  expect(decReminders.find((r) => r.visitorPersonId === pid(2) && r.offsetDays === 5)!.households.map((h: any) => h.householdId)).toEqual([
    h2[0],
  ]);
  const titles = backend
    .docs('inbox', { personId: pid(3), kind: 'reminder' })
    .map((m) => m.title)
    .sort();
  expect(titles).toHaveLength(2);
  expect(titles[0]).toContain('还剩2天');
  expect(titles[1]).toContain('还剩5天');

  // the first-round draft is overdue (due end of 12-05): reminded to the office on each working day the job runs,
  // and listed for the discipline office
  const overdue = backend.docs('inbox', { personId: 'person-demo-office' }).filter((m) => m._id.startsWith('inbox:draftOverdue:'));
  expect(overdue.map((m) => m._id.split(':').at(-2))).toEqual(['2024-12-27', '2024-12-30']);
  const forDiscipline = await backend.call<{ items: any[] }>('escalation', { action: 'listNotices', status: 'draft' }, 'demo-discipline');
  expect(forDiscipline.ok && forDiscipline.data.items.map((n) => [n.periodKey, n.overdue])).toEqual([['first-round', true]]);

  // December ended: still counting (统计中) for 48 h; ten concurrent runs draft nothing yet
  backend.setClock('2025-01-01T00:10:00+08:00');
  await Promise.all(Array.from({ length: 10 }, () => backend.fireTimer('escalation', 'ladder')));
  expect(casesOf('notice', '2024-12')).toHaveLength(0);
  expect(await stageOf('demo-office', '2024-12')).toBe('counting');
  expect(await stageOf(openidOf(3), '2024-12')).toBe('counting');
  // visitor 2's visit made offline on 12-31 21:00 arrives on 01-01 08:00 and counts for December
  const late = await visit(2, h2[0], '2025-01-01T08:00:00+08:00', { deviceTime: '2024-12-31T21:00:00+08:00' });
  expect(late.count).toMatchObject({ periodKey: '2024-12', counted: 2, thisVisitCounted: true });

  // the close after the window: one draft, one draft case per short visitor — visitor 2 is not among them
  backend.setClock('2025-01-03T00:05:00+08:00');
  await Promise.all(Array.from({ length: 10 }, () => backend.fireTimer('escalation', 'ladder')));
  expect(visitorsIn('notice', '2024-12')).toEqual([pid(3), pid(4), pid(5)]);
  expect(casesOf('notice', '2024-12').every((c) => c.status === 'draft')).toBe(true);
  const [draft] = backend.docs('notices', { campaignId, periodKey: '2024-12' });
  expect(draft.status).toBe('draft');
  expect(draft.lines.map((l: any) => l.visitorPersonId)).toEqual([pid(3), pid(4), pid(5)]);
  // every line shows the households, their standing and each counted visit's proof
  const line3 = draft.lines.find((l: any) => l.visitorPersonId === pid(3));
  expect(line3.households.map((h: any) => [h.householdId, h.counted, h.missing])).toEqual(h3.map((h) => [h, 1, 1]));
  expect(line3.households[0].visits).toHaveLength(1);
  expect(line3.households[0].visits[0]).toHaveProperty('proofs');
  // nobody but the office and the discipline office sees a draft
  const cadreRead = await backend.call<{ items: any[] }>('escalation', { action: 'listNotices' }, openidOf(1));
  expect(cadreRead.ok && cadreRead.data.items.map((n) => n.periodKey)).toEqual([]);
  expect(await backend.call('escalation', { action: 'getNotice', noticeId: draft._id }, openidOf(3))).toMatchObject({
    ok: false,
    code: 'NOT_FOUND',
  });
  const mine = await backend.call<{ items: any[] }>('escalation', { action: 'myCases' }, openidOf(3));
  expect(mine.ok && mine.data.items).toEqual([]);

  // the office publishes on 01-03: the remedy deadline is 7 days after publication, end of 01-10
  backend.setClock('2025-01-03T10:00:00+08:00');
  const published = await backend.call<any>('escalation', { action: 'publishNotice', noticeId: draft._id }, 'demo-office');
  expect(published).toMatchObject({ ok: true, data: { status: 'published' } });
  expect(new Date(published.ok && published.data.remedyDeadline).toISOString()).toBe(new Date('2025-01-11T00:00:00+08:00').toISOString());
  expect(await backend.call('escalation', { action: 'publishNotice', noticeId: draft._id }, 'demo-office')).toMatchObject({
    ok: false,
    code: 'NOTICE_STATE',
  });
  const read = await backend.call<{ items: any[] }>('escalation', { action: 'listNotices' }, openidOf(1));
  expect(read.ok && read.data.items.map((n) => n.periodKey)).toEqual(['2024-12']);
  const v3Cases = await backend.call<{ items: any[] }>('escalation', { action: 'myCases' }, openidOf(3));
  expect(v3Cases.ok && v3Cases.data.items.map((c) => `${c.level}:${c.periodKey}:${c.status}:${c.objectionOpen}`)).toEqual([
    'notice:2024-12:open:true',
  ]);

  // visitor 5 objects (ill in hospital) and the office upholds: withdrawn, and a correction appended to the notice
  const c5 = caseOf('notice', '2024-12', 5)._id;
  backend.setClock('2025-01-06T09:00:00+08:00');
  expect(
    await backend.call(
      'escalation',
      { action: 'fileObjection', caseId: c5, text: '12月中旬起住院治疗，有住院证明', photos: ['cloud://local/objection-1.jpg'] },
      openidOf(5),
    ),
  ).toMatchObject({ ok: true });
  expect(
    await backend.call('escalation', { action: 'ruleObjection', caseId: c5, upheld: true, reason: '住院证明属实' }, 'demo-discipline'),
  ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(
    await backend.call('escalation', { action: 'ruleObjection', caseId: c5, upheld: true, reason: '住院证明属实' }, 'demo-office'),
  ).toMatchObject({ ok: true, data: { status: 'withdrawn' } });
  const [afterCorrection] = backend.docs('notices', { campaignId, periodKey: '2024-12' });
  expect(afterCorrection.lines.map((l: any) => l.visitorPersonId)).toEqual([pid(3), pid(4), pid(5)]);
  expect(afterCorrection.corrections).toHaveLength(1);
  expect(afterCorrection.corrections[0]).toMatchObject({ visitorPersonId: pid(5), kind: 'withdrawn' });
  // visitor 3 objects too and is rejected, with the reason shown to them
  const c3 = caseOf('notice', '2024-12', 3)._id;
  expect(
    await backend.call('escalation', { action: 'fileObjection', caseId: c3, text: '工作太忙没有时间走访' }, openidOf(3)),
  ).toMatchObject({ ok: true });
  expect(
    await backend.call('escalation', { action: 'ruleObjection', caseId: c3, upheld: false, reason: '工作繁忙不是正当理由' }, 'demo-office'),
  ).toMatchObject({ ok: true, data: { status: 'open' } });
  const seen3 = await backend.call<any>('escalation', { action: 'getCase', caseId: c3 }, openidOf(3));
  expect(seen3.ok && seen3.data.objection).toMatchObject({ status: 'rejected', ruling: { reason: '工作繁忙不是正当理由' } });

  // visitor 4 makes up the second round inside the remedy window; visitor 3 does not
  for (const h of h4) await visit(4, h, '2025-01-09T10:00:00+08:00');
  await runLadder('2025-01-10T23:00:00+08:00');
  expect(casesOf('interview', '2024-12')).toHaveLength(0);
  backend.setClock('2025-01-11T00:05:00+08:00');
  await Promise.all(Array.from({ length: 5 }, () => backend.fireTimer('escalation', 'ladder')));
  expect(caseOf('notice', '2024-12', 4).status).toBe('remedied');
  expect(caseOf('notice', '2024-12', 3).status).toBe('escalated');
  expect(visitorsIn('interview', '2024-12')).toEqual([pid(3)]);
  const interview = caseOf('interview', '2024-12', 3);
  expect(interview.evidence.households.map((h: any) => h.householdId)).toEqual(h3);
  expect(interview.evidence.visits).toHaveLength(h3.length);
  expect(interview.evidence.reminders.map((r: any) => r.offsetDays)).toEqual([5, 2]);
  expect(interview.evidence.noticeId).toBe(draft._id);
  expect(backend.docs('inbox', { _id: `inbox:${interview._id}:person-demo-discipline` })).toHaveLength(1);

  // the discipline office works the case; nobody else may
  const refused = await backend.call(
    'escalation',
    { action: 'scheduleInterview', caseId: interview._id, scheduledAt: '2025-01-15T09:00:00+08:00', place: '镇纪委谈话室' },
    openidOf(1),
  );
  expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  const early = await backend.call('escalation', { action: 'closeCase', caseId: interview._id }, 'demo-discipline');
  expect(early).toMatchObject({ ok: false, code: 'CASE_STATE' });
  const scheduled = await backend.call(
    'escalation',
    { action: 'scheduleInterview', caseId: interview._id, scheduledAt: '2025-01-15T09:00:00+08:00', place: '镇纪委谈话室' },
    'demo-discipline',
  );
  expect(scheduled).toMatchObject({ ok: true, data: { status: 'scheduled' } });
  const seen = await backend.call<any>('escalation', { action: 'getCase', caseId: interview._id }, openidOf(3));
  expect(seen.ok && seen.data.interview.place).toBe('镇纪委谈话室');
  const recorded = await backend.call(
    'escalation',
    {
      action: 'recordInterview',
      caseId: interview._id,
      outcome: '走访人说明情况，承认未按要求完成第二轮敲门。',
      conclusion: '批评教育，限期补齐',
    },
    'demo-discipline',
  );
  expect(recorded.ok).toBe(true);
  const closed = await backend.call('escalation', { action: 'closeCase', caseId: interview._id }, 'demo-discipline');
  expect(closed).toMatchObject({ ok: true, data: { status: 'closed' } });
  const final = await backend.call<{ items: any[] }>('escalation', { action: 'myCases' }, openidOf(3));
  expect(final.ok && final.data.items.map((c) => `${c.level}:${c.status}`).sort()).toEqual(['interview:closed', 'notice:escalated']);
  expect(await backend.call('escalation', { action: 'getCase', caseId: interview._id }, openidOf(2))).toMatchObject({
    ok: false,
    code: 'NOT_FOUND',
  });
  expect(
    await backend.call(
      'escalation',
      { action: 'scheduleInterview', caseId: interview._id, scheduledAt: '2025-02-10T09:00:00+08:00', place: '会议室' },
      'demo-discipline',
    ),
  ).toMatchObject({ ok: false, code: 'CASE_STATE' });
  // ids built from a campaign, a period and a person are long: still accepted
  const longId = caseOf('notice', 'first-round', 4)._id;
  expect(longId.length).toBeGreaterThan(60);
  expect(await backend.call('escalation', { action: 'getCase', caseId: longId }, 'demo-discipline')).toMatchObject({
    ok: true,
    data: { _id: longId, status: 'draft' },
  });
  // every transition is audited
  expect(backend.docs('audit', { docId: interview._id }).map((a) => a.action)).toEqual([
    'escalation.interviewCase',
    'case.scheduled',
    'case.scheduled',
    'case.closed',
  ]);
  expect(backend.docs('audit', { docId: c5 }).map((a) => a.action)).toEqual([
    'escalation.draftCase',
    'case.open',
    'case.objection',
    'case.withdrawn',
  ]);
  expect(h5.length).toBeGreaterThan(0);
}, 300_000);
