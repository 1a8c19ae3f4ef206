import { SEED_001_CAMPAIGN } from '../../server/domain/quota/campaign';
import {
  canMove,
  closesAt,
  dueTransitions,
  heldAtPeriodEnd,
  remedyDeadlineAfter,
  shortfalls,
  workingDaysAfter,
} from '../../server/domain/escalation/ladder';
import { householdStanding, type StandingVisitFact } from '../../server/domain/escalation/standing';
import { NO_OVERRIDES } from '../../server/domain/calendar/workingDays';
import type { AssignmentFact } from '../../server/domain/quota/visitQuota';

const dec = SEED_001_CAMPAIGN.periods.find((p) => p.key === '2024-12')!;
const rules = SEED_001_CAMPAIGN.rules;
const from = new Date('2024-11-01T00:00:00+08:00');
const a = (visitorId: string, householdId: string, validTo: Date | null = null, validFrom = from): AssignmentFact => ({
  visitorId,
  householdId,
  validFrom,
  validTo,
});
const v = (at: string, visitorId = 'v1', proofs: string[] = ['gps']): StandingVisitFact => ({
  id: at,
  householdId: 'h1',
  visitorId,
  at: new Date(at),
  proven: proofs.length > 0,
  proofs,
  offline: false,
});

test('visitors are held for what they hold at period end, exempted ones not at all', () => {
  const handover = new Date('2024-12-15T00:00:00+08:00');
  const assignments = [a('old', 'h1', handover), a('new', 'h1', null, handover), a('v2', 'h2'), a('v3', 'h3')];
  expect(heldAtPeriodEnd(assignments, dec, new Set(['v3']))).toEqual([
    { householdId: 'h1', visitorPersonId: 'new' },
    { householdId: 'h2', visitorPersonId: 'v2' },
  ]);
});

test('shortfalls list each household still missing visits, per visitor', () => {
  const held = [
    { householdId: 'h1', visitorPersonId: 'v1' },
    { householdId: 'h2', visitorPersonId: 'v1' },
    { householdId: 'h3', visitorPersonId: 'v2' },
  ];
  const s = (householdId: string, missing: number) => ({ householdId, missing });
  expect(
    shortfalls(
      held,
      new Map([
        ['h1', s('h1', 0)],
        ['h2', s('h2', 1)],
        ['h3', s('h3', 0)],
      ]),
    ),
  ).toEqual([{ visitorPersonId: 'v1', households: [s('h2', 1)] }]);
});

test('the timer reminds 5 and 2 days before the end and drafts only after the 48 h offline window (CST)', () => {
  const at = (iso: string) =>
    dueTransitions(SEED_001_CAMPAIGN, dec, new Date(iso)).map((t) => (t.kind === 'reminder' ? `r${t.offsetDays}` : t.kind));
  expect(at('2024-12-26T23:59:00+08:00')).toEqual([]);
  expect(at('2024-12-27T00:00:00+08:00')).toEqual(['r5']);
  expect(at('2024-12-30T08:00:00+08:00')).toEqual(['r5', 'r2']);
  expect(at('2025-01-01T00:05:00+08:00')).toEqual([]);
  expect(at('2025-01-02T23:59:00+08:00')).toEqual([]);
  expect(at('2025-01-03T00:00:00+08:00')).toEqual(['draft']);
  expect(closesAt(dec, rules).toISOString()).toBe('2025-01-02T16:00:00.000Z');
  // a run after missed days still drafts
  expect(at('2025-02-01T00:00:00+08:00')).toEqual(['draft']);
});

test('the remedy deadline counts from publication: remedyDays calendar days, end of that CST day', () => {
  expect(remedyDeadlineAfter(new Date('2025-01-06T10:00:00+08:00'), rules).toISOString()).toBe(
    new Date('2025-01-14T00:00:00+08:00').toISOString(),
  );
  expect(remedyDeadlineAfter(new Date('2025-01-06T23:30:00+08:00'), rules).toISOString()).toBe(
    new Date('2025-01-14T00:00:00+08:00').toISOString(),
  );
});

test('working-day deadlines follow the official calendar, and count calendar days (flagged) where it is missing', () => {
  // Thursday 2025-01-02 + 2 working days = Friday 01-03 and Monday 01-06 → end of 01-06
  expect(workingDaysAfter(new Date('2025-01-02T00:05:00+08:00'), 2, NO_OVERRIDES)).toEqual({
    at: new Date('2025-01-07T00:00:00+08:00'),
    workingDays: true,
  });
  // Spring Festival 2025: Friday 01-24 + 3 working days = Sunday 01-26 (调休 working day), Monday 01-27, then the
  // holiday 01-28…02-04, Wednesday 02-05 → end of 02-05
  expect(workingDaysAfter(new Date('2025-01-24T10:00:00+08:00'), 3, NO_OVERRIDES).at).toEqual(new Date('2025-02-06T00:00:00+08:00'));
  // 2027 is not published: calendar days, and the answer says so
  expect(workingDaysAfter(new Date('2027-01-02T10:00:00+08:00'), 2, NO_OVERRIDES)).toEqual({
    at: new Date('2027-01-05T00:00:00+08:00'),
    workingDays: false,
  });
});

test('a standing is period visits plus remedy-window visits, each by the day and gap rules, by the visitor assigned at the time', () => {
  const held = [a('v1', 'h1')];
  const deadline = new Date('2025-01-14T00:00:00+08:00');
  const st = (visits: StandingVisitFact[], until: Date | null = deadline) => householdStanding('h1', visits, held, dec, rules, until);
  expect(st([v('2024-12-02T10:00:00+08:00'), v('2024-12-09T10:00:00+08:00')]).missing).toBe(0);
  expect(st([v('2024-12-02T10:00:00+08:00'), v('2024-12-08T10:00:00+08:00')]).missing).toBe(1);
  expect(st([v('2024-12-02T10:00:00+08:00'), v('2025-01-03T10:00:00+08:00')])).toMatchObject({
    periodCounted: 1,
    remedyCounted: 1,
    missing: 0,
  });
  expect(st([v('2024-12-02T10:00:00+08:00'), v('2025-01-14T10:00:00+08:00')]).missing).toBe(1);
  expect(st([v('2024-12-02T10:00:00+08:00'), v('2025-01-14T10:00:00+08:00')], null).missing).toBe(0);
  expect(st([v('2025-01-01T10:00:00+08:00'), v('2025-01-01T18:00:00+08:00')]).missing).toBe(1);
  expect(st([v('2024-12-02T10:00:00+08:00'), v('2025-01-03T10:00:00+08:00', 'other')]).missing).toBe(1);
  // an unproven visit counts by default, and not where the campaign requires proof
  expect(st([v('2024-12-02T10:00:00+08:00', 'v1', []), v('2024-12-10T10:00:00+08:00')]).missing).toBe(0);
  expect(
    householdStanding(
      'h1',
      [v('2024-12-02T10:00:00+08:00', 'v1', []), v('2024-12-10T10:00:00+08:00')],
      held,
      dec,
      { ...rules, unprovenVisitsCount: false },
      deadline,
    ).missing,
  ).toBe(1);
});

test('cases only move forward', () => {
  expect(canMove('draft', 'open')).toBe(true);
  expect(canMove('open', 'draft')).toBe(false);
  expect(canMove('open', 'escalated')).toBe(true);
  expect(canMove('escalated', 'open')).toBe(false);
  expect(canMove('closed', 'scheduled')).toBe(false);
  expect(canMove('scheduled', 'closed')).toBe(true);
  expect(canMove('withdrawn', 'open')).toBe(false);
});
