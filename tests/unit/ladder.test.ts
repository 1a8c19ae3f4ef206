import { SEED_001_CAMPAIGN } from '../../server/domain/quota/campaign';
import { canMove, dueTransitions, heldAtPeriodEnd, remedied, shortfalls } from '../../server/domain/escalation/ladder';
import type { AssignmentFact, VisitFact } from '../../server/domain/quota/visitQuota';

const dec = SEED_001_CAMPAIGN.periods.find((p) => p.key === '2024-12')!;
const from = new Date('2024-11-01T00:00:00+08:00');
const a = (visitorId: string, householdId: string, validTo: Date | null = null, validFrom = from): AssignmentFact => ({ visitorId, householdId, validFrom, validTo });

test('visitors are held for what they hold at period end, exempted ones not at all', () => {
  const handover = new Date('2024-12-15T00:00:00+08:00');
  const assignments = [a('old', 'h1', handover), a('new', 'h1', null, handover), a('v2', 'h2'), a('v3', 'h3')];
  expect(heldAtPeriodEnd(assignments, dec, new Set(['v3']))).toEqual([
    { householdId: 'h1', visitorPersonId: 'new' },
    { householdId: 'h2', visitorPersonId: 'v2' },
  ]);
});

test('shortfalls list each short household with its missing visits', () => {
  const held = [
    { householdId: 'h1', visitorPersonId: 'v1' },
    { householdId: 'h2', visitorPersonId: 'v1' },
    { householdId: 'h3', visitorPersonId: 'v2' },
  ];
  expect(shortfalls(held, new Map([['h1', 2], ['h2', 1], ['h3', 2]]), dec)).toEqual([
    { visitorPersonId: 'v1', households: [{ householdId: 'h2', counted: 1, needed: 2, missing: 1 }] },
  ]);
});

test('transitions fall due in CST: reminders 5 and 2 days before the end, close after it, interview after the remedy window', () => {
  const at = (iso: string) => dueTransitions(SEED_001_CAMPAIGN, dec, new Date(iso)).map((t) => (t.kind === 'reminder' ? `r${t.offsetDays}` : t.kind));
  expect(at('2024-12-26T23:59:00+08:00')).toEqual([]);
  expect(at('2024-12-27T00:00:00+08:00')).toEqual(['r5']);
  expect(at('2024-12-30T08:00:00+08:00')).toEqual(['r5', 'r2']);
  expect(at('2025-01-01T00:00:00+08:00')).toEqual(['close']);
  expect(at('2025-01-07T23:59:00+08:00')).toEqual(['close']);
  expect(at('2025-01-08T00:00:00+08:00')).toEqual(['close', 'interview']);
  // a run after missed days does every transition that fell due
  expect(at('2025-02-01T00:00:00+08:00')).toEqual(['close', 'interview']);
});

test('visits in the remedy window clear the shortfall, with the same-day and gap rules', () => {
  const v = (at: string, visitorId = 'v1'): VisitFact => ({ id: at, householdId: 'h1', visitorId, at: new Date(at) });
  const held = [a('v1', 'h1')];
  expect(remedied(1, [v('2025-01-03T10:00:00+08:00')], held, SEED_001_CAMPAIGN, dec)).toBe(true);
  expect(remedied(1, [v('2025-01-08T10:00:00+08:00')], held, SEED_001_CAMPAIGN, dec)).toBe(false);
  expect(remedied(2, [v('2025-01-01T10:00:00+08:00'), v('2025-01-01T18:00:00+08:00')], held, SEED_001_CAMPAIGN, dec)).toBe(false);
  expect(remedied(1, [v('2025-01-03T10:00:00+08:00', 'other')], held, SEED_001_CAMPAIGN, dec)).toBe(false);
});

test('cases only move forward', () => {
  expect(canMove('open', 'escalated')).toBe(true);
  expect(canMove('escalated', 'open')).toBe(false);
  expect(canMove('closed', 'scheduled')).toBe(false);
  expect(canMove('scheduled', 'closed')).toBe(true);
});
