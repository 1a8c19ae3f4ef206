// Seed 001's timeline replayed on the virtual clock, through the real functions: first round by 2024-11-30, two
// rounds in December, reminders, the December notice, a visitor who remedies in time and one who is interviewed.
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

async function visit(n: number, householdId: string, iso: string): Promise<void> {
  backend.setClock(iso);
  const res = await backend.call(
    'visit',
    {
      action: 'recordVisit',
      householdId,
      templateId: 'residential-default',
      answers: [{ key: 'electricalWiring', answer: 'ok' }],
      education: { noticeHandedOver: true, sanQingSanGuanExplained: true },
    },
    openidOf(n),
  );
  if (!res.ok) throw new Error(`visit ${householdId} at ${iso}: ${res.code} ${res.message}`);
}

async function runLadder(iso: string) {
  backend.setClock(iso);
  const res = await backend.fireTimer('escalation', 'ladder');
  if (!res.ok) throw new Error(`ladder at ${iso}: ${res.code} ${res.message}`);
  return res.data as { reminders: number; noticeCases: number; interviewCases: number; remedied: number; complete: boolean };
}

const casesOf = (level: string, periodKey: string) => backend.docs('cases', { level, campaignId, periodKey });
const visitorsIn = (level: string, periodKey: string) => casesOf(level, periodKey).map((c) => c.visitorPersonId).sort();

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
    const created = await backend.call<{ id: string }>('visit', { action: 'createCampaign', preset: 'seed001', active: true }, 'demo-office');
    if (!created.ok) throw new Error(created.message);
    campaignId = created.data.id;
  }
}, 120_000);
afterAll(() => backend.stop());

test('the whole ladder: reminders, notice, remedy, interview, and the discipline office closes the case', async () => {
  const [h1, h2, h3] = [households(1), households(2), households(3)];
  expect(h1.length).toBeGreaterThan(5);
  // first round: visitors 1–3 visit every household once before 2024-11-30
  for (const n of [1, 2, 3]) for (const h of households(n)) await visit(n, h, '2024-11-25T10:00:00+08:00');
  // December: visitor 1 does both rounds; visitor 2 misses one household's second round; visitor 3 only one round
  for (const h of h1) await visit(1, h, '2024-12-02T10:00:00+08:00');
  for (const h of h1) await visit(1, h, '2024-12-10T10:00:00+08:00');
  for (const h of h2) await visit(2, h, '2024-12-03T10:00:00+08:00');
  for (const h of h2.slice(1)) await visit(2, h, '2024-12-12T10:00:00+08:00');
  for (const h of h3) await visit(3, h, '2024-12-04T10:00:00+08:00');
  // the office exempts visitor 5 for December (sick leave)
  backend.setClock('2024-12-20T09:00:00+08:00');
  const exempt = await backend.call('escalation', { action: 'exemptVisitor', campaignId, periodKey: '2024-12', visitorPersonId: pid(5), reason: '病假住院' }, 'demo-office');
  expect(exempt.ok).toBe(true);

  // reminders 5 and 2 days before the end, to the short visitors only, once per offset however often the job runs
  await runLadder('2024-12-27T09:00:00+08:00');
  await runLadder('2024-12-27T10:00:00+08:00');
  await runLadder('2024-12-30T09:00:00+08:00');
  const decReminders = backend.docs('reminders', { campaignId, periodKey: '2024-12' });
  const remindedOf = (n: number) => decReminders.filter((r) => r.visitorPersonId === pid(n)).map((r) => r.offsetDays).sort();
  expect(remindedOf(1)).toEqual([]);
  expect(remindedOf(2)).toEqual([2, 5]);
  expect(remindedOf(3)).toEqual([2, 5]);
  expect(remindedOf(5)).toEqual([]);
  expect(decReminders.find((r) => r.visitorPersonId === pid(2) && r.offsetDays === 5)!.households.map((h: any) => h.householdId)).toEqual([h2[0]]);
  expect(backend.docs('inbox', { personId: pid(3), kind: 'reminder' })).toHaveLength(2);

  // period close at the first run after 2024-12-31 24:00 CST — ten concurrent runs make one case each, one notice
  backend.setClock('2025-01-01T00:10:00+08:00');
  await Promise.all(Array.from({ length: 10 }, () => backend.fireTimer('escalation', 'ladder')));
  expect(visitorsIn('notice', '2024-12')).toEqual([pid(2), pid(3), pid(4)]);
  const notice = backend.docs('notices', { campaignId, periodKey: '2024-12' });
  expect(notice).toHaveLength(1);
  expect(notice[0].lines.map((l: any) => l.visitorPersonId).sort()).toEqual([pid(2), pid(3), pid(4)]);
  const v3Notice = casesOf('notice', '2024-12').find((c) => c.visitorPersonId === pid(3))!;
  expect(v3Notice.shortHouseholds).toHaveLength(h3.length);
  expect(v3Notice.shortHouseholds.every((h: any) => h.missing === 1 && h.counted === 1)).toBe(true);
  // every cadre of the township reads the notice; the visitor sees their case
  const read = await backend.call<{ items: any[] }>('escalation', { action: 'listNotices' }, 'demo-visitor-1');
  expect(read.ok && read.data.items.some((n) => n.periodKey === '2024-12')).toBe(true);
  const mine = await backend.call<{ items: any[] }>('escalation', { action: 'myCases' }, openidOf(3));
  expect(mine.ok && mine.data.items.map((c) => `${c.level}:${c.periodKey}:${c.status}`)).toEqual(['notice:2024-12:open']);

  // visitor 2 makes up the missed visit inside the remedy window; visitor 3 does not
  await visit(2, h2[0], '2025-01-03T15:00:00+08:00');
  await runLadder('2025-01-07T23:00:00+08:00');
  expect(casesOf('interview', '2024-12')).toHaveLength(0);
  await runLadder('2025-01-08T00:10:00+08:00');
  await Promise.all(Array.from({ length: 5 }, () => backend.fireTimer('escalation', 'ladder')));
  const statusOf = (n: number) => casesOf('notice', '2024-12').find((c) => c.visitorPersonId === pid(n))!.status;
  expect(statusOf(2)).toBe('remedied');
  expect(statusOf(3)).toBe('escalated');
  expect(visitorsIn('interview', '2024-12')).toEqual([pid(3), pid(4)]);
  const interview = casesOf('interview', '2024-12').find((c) => c.visitorPersonId === pid(3))!;
  expect(interview.evidence.households.map((h: any) => h.householdId).sort()).toEqual(h3);
  expect(interview.evidence.visits).toHaveLength(h3.length);
  expect(interview.evidence.reminders.map((r: any) => r.offsetDays).sort()).toEqual([2, 5]);
  expect(interview.evidence.noticeId).toBe(notice[0]._id);

  // the discipline office works the case; nobody else may
  const refused = await backend.call('escalation', { action: 'scheduleInterview', caseId: interview._id, scheduledAt: '2025-01-10T09:00:00+08:00', place: '镇纪委谈话室' }, openidOf(1));
  expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  const open = await backend.call<{ items: any[] }>('escalation', { action: 'listCases' }, 'demo-discipline');
  expect(open.ok && open.data.items.map((c) => c._id)).toContain(interview._id);
  const early = await backend.call('escalation', { action: 'closeCase', caseId: interview._id }, 'demo-discipline');
  expect(early).toMatchObject({ ok: false, code: 'CASE_STATE' });
  const scheduled = await backend.call('escalation', { action: 'scheduleInterview', caseId: interview._id, scheduledAt: '2025-01-10T09:00:00+08:00', place: '镇纪委谈话室' }, 'demo-discipline');
  expect(scheduled).toMatchObject({ ok: true, data: { status: 'scheduled' } });
  const seen = await backend.call<any>('escalation', { action: 'getCase', caseId: interview._id }, openidOf(3));
  expect(seen.ok && seen.data.interview.place).toBe('镇纪委谈话室');
  const recorded = await backend.call('escalation', { action: 'recordInterview', caseId: interview._id, outcome: '走访人说明情况，承认未按要求完成第二轮敲门。', conclusion: '批评教育，限期补齐' }, 'demo-discipline');
  expect(recorded.ok).toBe(true);
  const closed = await backend.call('escalation', { action: 'closeCase', caseId: interview._id }, 'demo-discipline');
  expect(closed).toMatchObject({ ok: true, data: { status: 'closed' } });
  const final = await backend.call<{ items: any[] }>('escalation', { action: 'myCases' }, openidOf(3));
  expect(final.ok && final.data.items.map((c) => `${c.level}:${c.status}`).sort()).toEqual(['interview:closed', 'notice:escalated']);
  // another visitor cannot read it; only forward: the closed case cannot be scheduled again
  expect(await backend.call('escalation', { action: 'getCase', caseId: interview._id }, openidOf(2))).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  expect(await backend.call('escalation', { action: 'scheduleInterview', caseId: interview._id, scheduledAt: '2025-02-10T09:00:00+08:00', place: '会议室' }, 'demo-discipline')).toMatchObject({ ok: false, code: 'CASE_STATE' });
  // ids built from a campaign, a period and a person are long (65 characters here): still accepted
  const firstRound = casesOf('interview', 'first-round').find((c) => c.visitorPersonId === pid(4))!;
  expect(firstRound._id.length).toBeGreaterThan(64);
  expect(await backend.call('escalation', { action: 'getCase', caseId: firstRound._id }, 'demo-discipline')).toMatchObject({ ok: true, data: { _id: firstRound._id } });
  // every transition is audited
  expect(backend.docs('audit', { docId: interview._id }).map((a) => a.action)).toEqual(['escalation.interviewCase', 'case.scheduled', 'case.scheduled', 'case.closed']);
}, 300_000);
