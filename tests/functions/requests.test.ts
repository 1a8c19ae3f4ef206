// Database requests per action, counted at the emulator's /admin (issue 14): deterministic counts, never timings.
import { startBackend, type Backend } from '../helpers/backend';
import { countFrequentActions, type RequestCount } from '../../scripts/request-counts';
import type { RecordVisitResult } from '../../typings/visit';

let b: Backend;
let rows: RequestCount[];
beforeAll(async () => {
  b = await startBackend({ demo: true });
  rows = await countFrequentActions(b, (iso) => b.setClock(iso));
});
afterAll(async () => {
  await b?.stop();
});

const requestsOf = (action: string) => rows.find((r) => r.action === action)!;

describe('requests per action', () => {
  it('every counted action succeeded', () => {
    expect(rows.filter((r) => !r.ok)).toEqual([]);
  });

  it('a knock visit is at most 5 database requests, its resend too', () => {
    expect(requestsOf('visit.recordVisit').requests).toBeLessThanOrEqual(5);
    expect(requestsOf('visit.recordVisit (resend)').requests).toBeLessThanOrEqual(5);
  });

  it('no other frequent action is above 6 requests, the office dashboard included', () => {
    expect(rows.filter((r) => r.requests > 6)).toEqual([]);
  });
});

describe('a visit whose tally write was lost', () => {
  it('is counted when the phone resends it, and the resend answers as the first time', async () => {
    b.setClock('2026-12-09T10:00:00+08:00');
    const event = {
      action: 'recordVisit',
      idempotencyKey: 'lost-tally-0001',
      householdId: 'demo-hh-1-1-05',
      templateId: 'residential-default',
      education: { noticeHandedOver: true, sanQingSanGuanExplained: true },
      answers: [{ key: 'gas', answer: 'ok' }],
    };
    const first = await b.call<RecordVisitResult>('visit', event, 'demo-visitor-1');
    if (!first.ok) throw new Error(first.message);
    const tallyId = `${first.data.count!.campaignId}:${first.data.count!.periodKey}:demo-hh-1-1-05`;
    const tally = b.docs('visitTallies', { _id: tallyId })[0];
    expect(tally.eligible.map((e: any) => e.visitId)).toEqual([first.data.visit.id]);
    // the function died between the visit insert and the tally update: take the tally away
    b.emulator.store.write([{ coll: 'visitTallies', id: tallyId, doc: null }]);
    b.setClock('2026-12-09T10:03:00+08:00');
    const again = await b.call<RecordVisitResult>('visit', event, 'demo-visitor-1');
    expect(again).toEqual(first);
    expect(b.docs('visitTallies', { _id: tallyId })[0]).toMatchObject({ counted: 1, countedVisitIds: [first.data.visit.id] });
    expect(b.docs('visits', { householdId: 'demo-hh-1-1-05' })).toHaveLength(1);
  });
});

describe('a resend that arrives after the checks would refuse it', () => {
  it('replays the first answer: an offline visit 47 h old, resent when its window has closed', async () => {
    const device = '2026-12-10T09:00:00+08:00';
    b.setClock('2026-12-12T08:00:00+08:00');
    const event = {
      action: 'recordVisit',
      idempotencyKey: 'late-resend-0001',
      householdId: 'demo-hh-1-1-06',
      templateId: 'residential-default',
      education: { noticeHandedOver: true, sanQingSanGuanExplained: true },
      answers: [{ key: 'gas', answer: 'ok' }],
      offline: true,
      deviceTime: device,
    };
    const first = await b.call<RecordVisitResult>('visit', event, 'demo-visitor-1');
    if (!first.ok) throw new Error(first.message);
    b.setClock('2026-12-12T11:00:00+08:00');
    const before = b.emulator.database.stats.requests;
    expect(await b.call<RecordVisitResult>('visit', event, 'demo-visitor-1')).toEqual(first);
    expect(b.emulator.database.stats.requests - before).toBeLessThanOrEqual(3);
    expect(b.docs('visits', { householdId: 'demo-hh-1-1-06' })).toHaveLength(1);
  });
});
