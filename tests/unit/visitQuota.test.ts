import {
  SEED_001_CAMPAIGN,
  WINTER_2026_CAMPAIGN,
  periodAt,
  remedyDeadline,
  validateCampaign,
  knockCampaignPreset,
} from '../../server/domain/quota/campaign';
import { countedVisits, householdProgress, type AssignmentFact, type VisitFact } from '../../server/domain/quota/visitQuota';

const rules = SEED_001_CAMPAIGN.rules;
const dec = SEED_001_CAMPAIGN.periods.find((p) => p.key === '2024-12')!;
const always: AssignmentFact[] = [{ visitorId: 'v1', householdId: 'h1', validFrom: new Date('2024-11-01T00:00:00+08:00'), validTo: null }];
let seq = 0;
const visit = (at: string, visitorId = 'v1', householdId = 'h1'): VisitFact => ({
  id: `x${++seq}`,
  householdId,
  visitorId,
  at: new Date(at),
});

describe('campaign presets (seed 001)', () => {
  test('first round to 2024-11-30 with quota 1, then December to March with quota 2', () => {
    expect(SEED_001_CAMPAIGN.periods.map((p) => [p.key, p.startDay, p.endDay, p.quota])).toEqual([
      ['first-round', '2024-11-20', '2024-11-30', 1],
      ['2024-12', '2024-12-01', '2024-12-31', 2],
      ['2025-01', '2025-01-01', '2025-01-31', 2],
      ['2025-02', '2025-02-01', '2025-02-28', 2],
      ['2025-03', '2025-03-01', '2025-03-31', 2],
    ]);
    expect(WINTER_2026_CAMPAIGN.periods.map((p) => p.key)).toEqual(['first-round', '2026-12', '2027-01', '2027-02', '2027-03']);
    expect(validateCampaign(SEED_001_CAMPAIGN)).toBeNull();
  });

  test('periods are found by CST day, whatever the host zone', () => {
    expect(periodAt(SEED_001_CAMPAIGN, new Date('2024-12-31T23:30:00+08:00'))?.key).toBe('2024-12');
    expect(periodAt(SEED_001_CAMPAIGN, new Date('2025-01-01T00:30:00+08:00'))?.key).toBe('2025-01');
    expect(periodAt(SEED_001_CAMPAIGN, new Date('2024-11-30T23:59:00+08:00'))?.key).toBe('first-round');
    expect(remedyDeadline(SEED_001_CAMPAIGN, dec).toISOString()).toBe('2025-01-07T16:00:00.000Z');
  });

  test('overlapping periods and a quota below 1 are refused', () => {
    const bad = knockCampaignPreset({ id: 'x', name: 'x', startDay: '2024-11-20', firstRoundEndDay: '2024-11-30', lastMonth: '2024-12' });
    bad.periods[1].startDay = '2024-11-30';
    expect(validateCampaign(bad)?.code).toBe('CAMPAIGN_INVALID');
    const zero = knockCampaignPreset({ id: 'y', name: 'y', startDay: '2024-11-20', firstRoundEndDay: '2024-11-30', lastMonth: '2024-12' });
    zero.periods[0].quota = 0;
    expect(validateCampaign(zero)?.message).toContain('至少为1次');
  });
});

describe('counting visits', () => {
  test('same-day double visits count once', () => {
    const counted = countedVisits([visit('2024-12-02T09:00:00+08:00'), visit('2024-12-02T18:00:00+08:00')], always, dec, rules);
    expect(counted).toHaveLength(1);
  });

  test('a visit 6 days after the last counted one does not count, 7 days after does', () => {
    expect(countedVisits([visit('2024-12-02T09:00:00+08:00'), visit('2024-12-08T20:00:00+08:00')], always, dec, rules)).toHaveLength(1);
    expect(countedVisits([visit('2024-12-02T21:00:00+08:00'), visit('2024-12-09T08:00:00+08:00')], always, dec, rules)).toHaveLength(2);
  });

  test('the month boundary is CST midnight', () => {
    const counted = countedVisits(
      [visit('2024-12-20T10:00:00+08:00'), visit('2024-12-31T23:30:00+08:00'), visit('2025-01-01T00:30:00+08:00')],
      always,
      dec,
      rules,
    );
    expect(counted.map((v) => v.at.toISOString())).toEqual(['2024-12-20T02:00:00.000Z', '2024-12-31T15:30:00.000Z']);
  });

  test('only the visitor assigned at the visit time counts: a household reassigned mid-month', () => {
    const handover = new Date('2024-12-15T12:00:00+08:00');
    const assignments: AssignmentFact[] = [
      { visitorId: 'old', householdId: 'h1', validFrom: new Date('2024-11-01T00:00:00+08:00'), validTo: handover },
      { visitorId: 'new', householdId: 'h1', validFrom: handover, validTo: null },
    ];
    const visits = [
      visit('2024-12-03T10:00:00+08:00', 'old'),
      visit('2024-12-18T10:00:00+08:00', 'old'), // no longer assigned: does not count
      visit('2024-12-20T10:00:00+08:00', 'new'),
    ];
    expect(countedVisits(visits, assignments, dec, rules).map((v) => v.visitorId)).toEqual(['old', 'new']);
  });

  test('progress: counted/needed, the next day a visit can count, and risk', () => {
    const counted = countedVisits([visit('2024-12-20T10:00:00+08:00')], always, dec, rules);
    expect(householdProgress('h1', counted, dec, rules, '2024-12-21')).toEqual({
      householdId: 'h1',
      counted: 1,
      needed: 2,
      nextCountableDay: '2024-12-27',
      atRisk: false,
    });
    expect(householdProgress('h1', [], dec, rules, '2024-12-26')).toMatchObject({ nextCountableDay: '2024-12-26', atRisk: true });
    expect(householdProgress('h1', [], dec, rules, '2024-12-24')).toMatchObject({ nextCountableDay: '2024-12-24', atRisk: false });
  });
});
