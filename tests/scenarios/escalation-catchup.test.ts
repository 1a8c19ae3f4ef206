// The ladder job catches up after missed runs and never duplicates: concurrent runs at a reminder time send one
// reminder per offset; a first run three days after the period end drafts the notice; after the office publishes,
// a late run refers to the discipline office.
import { startBackend, type Backend } from '../helpers/backend';
import { publishDraft } from '../helpers/ladder';

let backend: Backend;
const pid = (n: number) => `person-demo-visitor-${n}`;
const campaignId = 'demo-township-seed001';

beforeAll(async () => {
  backend = await startBackend({ demo: true });
  backend.setClock('2024-11-19T09:00:00+08:00');
  const res = await backend.call('visit', { action: 'updateCampaign', campaignId, active: true }, 'demo-office');
  if (!res.ok) throw new Error(res.message);
  // only the first round is done, by visitor 1, for every household; December sees no visits at all
  for (const a of backend.docs('assignments', { visitorPersonId: pid(1), validTo: null })) {
    backend.setClock('2024-11-26T10:00:00+08:00');
    const v = await backend.call(
      'visit',
      {
        action: 'recordVisit',
        householdId: a.householdId,
        templateId: 'residential-default',
        answers: [{ key: 'gas', answer: 'ok' }],
        education: { noticeHandedOver: true, sanQingSanGuanExplained: true },
      },
      'demo-visitor-1',
    );
    if (!v.ok) throw new Error(v.message);
  }
}, 120_000);
afterAll(() => backend.stop());

const fireTen = () => Promise.all(Array.from({ length: 10 }, () => backend.fireTimer('escalation', 'ladder')));

test('ten concurrent runs at a reminder time send exactly one reminder per visitor and offset', async () => {
  backend.setClock('2024-12-28T09:00:00+08:00');
  await fireTen();
  const reminders = backend.docs('reminders', { campaignId, periodKey: '2024-12' });
  const visitorsWithShortfall = [1, 2, 3, 4, 5].map(pid);
  expect(reminders.map((r) => `${r.visitorPersonId}:${r.offsetDays}`).sort()).toEqual(visitorsWithShortfall.map((p) => `${p}:5`).sort());
  expect(backend.docs('inbox', { kind: 'reminder', personId: pid(1) }).filter((m) => m._id.includes('2024-12'))).toHaveLength(1);
});

test('a first run three days after the period end drafts the notice; after publication a late run opens the interviews', async () => {
  backend.setClock('2025-01-04T09:00:00+08:00');
  await fireTen();
  const notice = backend.docs('notices', { campaignId, periodKey: '2024-12' });
  expect(notice).toHaveLength(1);
  expect(notice[0].status).toBe('draft');
  expect(notice[0].lines).toHaveLength(5);
  expect(backend.docs('cases', { campaignId, periodKey: '2024-12', level: 'notice', status: 'draft' })).toHaveLength(5);
  // the 2-day reminder fell due while nobody ran the job and the month is over: it is not sent late
  expect(backend.docs('reminders', { campaignId, periodKey: '2024-12', offsetDays: 2 })).toHaveLength(0);
  expect(backend.docs('cases', { campaignId, periodKey: '2024-12', level: 'interview' })).toHaveLength(0);

  // nothing is referred while the drafts wait for the office
  backend.setClock('2025-01-15T09:00:00+08:00');
  await fireTen();
  expect(backend.docs('cases', { level: 'interview' })).toHaveLength(0);
  await publishDraft(backend, campaignId, 'first-round', '2025-01-04T10:00:00+08:00');
  await publishDraft(backend, campaignId, '2024-12', '2025-01-04T10:00:00+08:00');
  backend.setClock('2025-01-15T09:00:00+08:00');
  await fireTen();
  const interviews = backend.docs('cases', { campaignId, periodKey: '2024-12', level: 'interview' });
  expect(interviews.map((c) => c.visitorPersonId).sort()).toEqual([1, 2, 3, 4, 5].map(pid).sort());
  expect(interviews.find((c) => c.visitorPersonId === pid(1))!.evidence.reminders.map((r: any) => r.offsetDays)).toEqual([5]);
  expect(backend.docs('cases', { campaignId, periodKey: '2024-12', level: 'notice', status: 'escalated' })).toHaveLength(5);
  // the first round: visitor 1 was on time, the others were interviewed for it too — each exactly once
  expect(
    backend
      .docs('cases', { campaignId, periodKey: 'first-round', level: 'interview' })
      .map((c) => c.visitorPersonId)
      .sort(),
  ).toEqual([2, 3, 4, 5].map(pid).sort());
  // only forward: a later run changes nothing
  const before = backend
    .docs('cases')
    .map((c) => `${c._id}:${c.status}`)
    .sort();
  backend.setClock('2025-02-20T09:00:00+08:00');
  await backend.fireTimer('escalation', 'ladder');
  expect(
    backend
      .docs('cases', { periodKey: { $in: ['first-round', '2024-12'] } })
      .map((c) => `${c._id}:${c.status}`)
      .sort(),
  ).toEqual(before.filter((x) => /first-round|2024-12/.test(x)));
});

test('with almost no time per run the job checkpoints and finishes over many runs, with the same result', async () => {
  const other = await startBackend({ demo: true });
  try {
    other.setClock('2024-11-19T09:00:00+08:00');
    expect((await other.call('visit', { action: 'updateCampaign', campaignId, active: true }, 'demo-office')).ok).toBe(true);
    process.env.ESCALATION_TIME_BUDGET_MS = '0';
    let runs = 0;
    const untilComplete = async (iso: string) => {
      other.setClock(iso);
      for (;;) {
        runs++;
        const r = await other.fireTimer('escalation', 'ladder');
        if (!r.ok) throw new Error(r.message);
        if ((r.data as { complete: boolean }).complete) break;
        if (runs > 400) throw new Error('never completed');
      }
    };
    await untilComplete('2025-01-04T09:00:00+08:00');
    expect(runs).toBeGreaterThan(3);
    await publishDraft(other, campaignId, 'first-round', '2025-01-04T10:00:00+08:00');
    await publishDraft(other, campaignId, '2024-12', '2025-01-04T10:00:00+08:00');
    await untilComplete('2025-01-15T09:00:00+08:00');
    expect(other.docs('notices', { campaignId, periodKey: '2024-12' })[0].lines).toHaveLength(5);
    expect(other.docs('cases', { campaignId, periodKey: '2024-12', level: 'notice' })).toHaveLength(5);
    expect(other.docs('cases', { campaignId, periodKey: 'first-round', level: 'interview' })).toHaveLength(5);
  } finally {
    delete process.env.ESCALATION_TIME_BUDGET_MS;
    await other.stop();
  }
}, 120_000);
