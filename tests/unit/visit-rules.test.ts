// The pure rules of the `visit` function: checklist answers, visit time, proof of presence, hazard state, tallies,
// urgency and campaign edits. All instants are written with +08:00 so the suite holds in any host zone.
import {
  BUILT_IN_TEMPLATES,
  DEFAULT_TEMPLATE_ID,
  WINTER_TEMPLATE_ID,
  checkAnswers,
  hazardCategory,
} from '../../server/domain/visit/checklist';
import { CLOCK_SKEW_MS, visitInstant } from '../../server/domain/visit/visitTime';
import { cardScene, distanceMeters, normalizeScene, presenceProofs } from '../../server/domain/visit/proof';
import {
  claimProblem,
  deadlineDayOf,
  deadlineOf,
  deadlineProblem,
  hazardState,
  verifyProblem,
} from '../../server/domain/visit/hazardState';
import { countNote, withVisit, type TallyKey } from '../../server/domain/visit/tally';
import { byUrgency, mustVisitBy } from '../../server/domain/visit/duties';
import {
  asCampaign,
  campaignPeriodAt,
  campaignProblem,
  closedPeriodProblem,
  newPeriodKey,
  periodState,
  removalProblem,
} from '../../server/domain/visit/campaignEdit';
import {
  ALERT_LEAD_DAYS,
  campaignCalendar,
  keyDateOn,
  keyDatesAlerting,
  phaseOn,
  RAISED_ALERT_NOTE,
} from '../../server/domain/visit/campaignCalendar';
import fc from 'fast-check';
import { PRESET_KEYS, presetCampaignId, presetCampaignRecord } from '../../server/domain/visit/campaignPresets';
import { SEED_001_CAMPAIGN } from '../../server/domain/quota/campaign';
import type { CampaignRecord } from '../../server/domain/quota/records';
import type { HouseholdDutyView } from '../../typings/visit';

const template = BUILT_IN_TEMPLATES.find((t) => t._id === DEFAULT_TEMPLATE_ID)!;
const dec = SEED_001_CAMPAIGN.periods.find((p) => p.key === '2024-12')!;
const rules = SEED_001_CAMPAIGN.rules;
const at = (iso: string) => new Date(iso);

describe('checklist (附件6)', () => {
  test('the default template covers seed 001, 三清三关, stoves and smoke alarms; the winter one adds seasonal items', () => {
    const keys = template.items.map((i) => i.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'electricalWiring',
        'gas',
        'clutter',
        'heating',
        'curedMeat',
        'ebikeCharging',
        'passageClear',
        'balconyClear',
        'kitchenClear',
        'powerOff',
        'gasOff',
        'doorsWindowsClosed',
        'stove',
        'smokeAlarmInstalled',
        'smokeAlarmTested',
      ]),
    );
    expect(new Set(keys).size).toBe(keys.length);
    const winter = BUILT_IN_TEMPLATES.find((t) => t._id === WINTER_TEMPLATE_ID)!;
    expect(winter.items.map((i) => i.key)).toEqual(expect.arrayContaining([...keys, 'fireworks', 'gasWaterHeater']));
    expect(hazardCategory(template, 'ebikeCharging')).toBe('电动车充电');
    expect(hazardCategory(template, 'passageClear')).toBe('通道清');
  });

  test('an item outside the template, too many photos, a deadline before today', () => {
    expect(checkAnswers(template, [{ key: 'gas', answer: 'ok' }], '2025-01-10')).toBeNull();
    expect(
      checkAnswers(
        template,
        [
          { key: 'gas', answer: 'ok' },
          { key: 'nope', answer: 'ok' },
        ],
        '2025-01-10',
      ),
    ).toMatchObject({ code: 'CHECKLIST_ITEM_UNKNOWN', field: 'answers.1.key' });
    const photos = Array.from({ length: 10 }, (_, i) => `p${i}`);
    expect(checkAnswers(template, [{ key: 'gas', answer: 'hazard', note: 'x', deadline: '2025-01-12', photos }], '2025-01-10')?.code).toBe(
      'TOO_MANY_PHOTOS',
    );
    expect(
      checkAnswers(template, [{ key: 'gas', answer: 'hazard', note: 'x', deadline: '2025-01-12', photos: photos.slice(1) }], '2025-01-10'),
    ).toBeNull();
    expect(checkAnswers(template, [{ key: 'gas', answer: 'hazard', note: 'x', deadline: '2025-01-09' }], '2025-01-10')?.code).toBe(
      'DEADLINE_IN_PAST',
    );
    expect(checkAnswers(template, [{ key: 'gas', answer: 'hazard', note: 'x', deadline: '2025-01-10' }], '2025-01-10')).toBeNull();
  });
});

describe('visit time (48 h offline window, 5 min skew)', () => {
  const now = at('2025-01-15T12:00:00+08:00');
  const h = (n: number) => new Date(now.getTime() - n * 3600_000);

  test('online visits take the server time, whatever the device says', () => {
    expect(visitInstant(now, { offline: false, deviceTime: h(30) }, 48)).toEqual({ ok: true, at: now, offline: false });
  });

  test('exactly 48 h is inside, a millisecond more is refused', () => {
    expect(visitInstant(now, { offline: true, deviceTime: h(48) }, 48)).toEqual({ ok: true, at: h(48), offline: true });
    const late = visitInstant(now, { offline: true, deviceTime: new Date(h(48).getTime() - 1) }, 48);
    expect(late.ok ? '' : late.problem.code).toBe('OFFLINE_TOO_LATE');
    expect(late.ok ? '' : late.problem.message).toContain('2025-01-13 11:59');
  });

  test('a device up to 5 minutes ahead is believed (clamped to now); more is a future time', () => {
    expect(visitInstant(now, { offline: true, deviceTime: new Date(now.getTime() + CLOCK_SKEW_MS) }, 48)).toEqual({
      ok: true,
      at: now,
      offline: true,
    });
    const future = visitInstant(now, { offline: true, deviceTime: new Date(now.getTime() + CLOCK_SKEW_MS + 1) }, 48);
    expect(future.ok ? '' : future.problem.code).toBe('FUTURE_TIME');
  });

  test('the window is the campaign rule', () => {
    expect(visitInstant(now, { offline: true, deviceTime: h(30) }, 24).ok).toBe(false);
  });
});

describe('proof of presence', () => {
  const hex = 'a'.repeat(32);

  test('card scenes fit wxacode (≤ 32 characters) for CloudBase ids, differ per household and per secret', () => {
    const scene = cardScene(hex, '');
    expect(scene).toMatch(/^h=[A-Za-z0-9_-]{16}$/);
    expect(cardScene('b'.repeat(32), '')).not.toBe(scene);
    expect(cardScene(hex, 'secret')).not.toBe(scene);
    expect(cardScene(hex, '')).toBe(scene);
    expect(normalizeScene(` ${encodeURIComponent(scene)} `)).toBe(scene);
  });

  test('distance: 0.001° of latitude is about 111 m', () => {
    const d = distanceMeters({ latitude: 27.7, longitude: 110.6 }, { latitude: 27.701, longitude: 110.6 });
    expect(d).toBeGreaterThan(110);
    expect(d).toBeLessThan(112);
  });

  test('card of this household, GPS within 200 m, or nothing (flagged later)', () => {
    const home = { latitude: 27.7, longitude: 110.6 };
    const base = { householdId: hex, householdLocation: home, secret: '' };
    expect(presenceProofs({ ...base, cardQrScene: cardScene(hex, ''), location: { latitude: 27.7015, longitude: 110.6 } })).toEqual({
      ok: true,
      proofs: ['cardQr', 'gps'],
    });
    expect(presenceProofs({ ...base, location: { latitude: 27.7019, longitude: 110.6 } })).toEqual({ ok: true, proofs: [] });
    expect(presenceProofs({ ...base, householdLocation: null, location: home })).toEqual({ ok: true, proofs: [] });
    const other = presenceProofs({ ...base, cardQrScene: cardScene('b'.repeat(32), '') });
    expect(other.ok ? '' : other.problem.code).toBe('PROOF_MISMATCH');
  });
});

describe('hazard state', () => {
  const deadline = deadlineOf('2025-03-10');

  test('a deadline day ends at CST midnight', () => {
    expect(deadline.toISOString()).toBe('2025-03-10T15:59:59.999Z');
    expect(deadlineDayOf(deadline)).toBe('2025-03-10');
  });

  test('an unverified hazard is overdue only after deadline + 3 days; a verified one never', () => {
    expect(hazardState({ status: 'open', deadline }, at('2025-03-13T23:59:59+08:00')).overdue).toBe(false);
    expect(hazardState({ status: 'rectificationClaimed', deadline }, at('2025-03-14T00:00:00+08:00')).overdue).toBe(true);
    expect(hazardState({ status: 'notRectified', deadline }, at('2025-03-20T00:00:00+08:00'))).toMatchObject({
      unverified: true,
      overdue: true,
    });
    expect(hazardState({ status: 'verified', deadline }, at('2025-04-01T00:00:00+08:00'))).toMatchObject({
      unverified: false,
      overdue: false,
    });
  });

  test('who may move it where', () => {
    expect(claimProblem('open')).toBeNull();
    expect(claimProblem('notRectified')).toBeNull();
    expect(claimProblem('rectificationClaimed')?.code).toBe('CONFLICT');
    expect(claimProblem('verified')?.code).toBe('CONFLICT');
    expect(verifyProblem('open')).toBeNull();
    expect(verifyProblem('verified')?.code).toBe('CONFLICT');
    expect(deadlineProblem('2025-03-09', '2025-03-10', 'd')?.code).toBe('DEADLINE_IN_PAST');
    expect(deadlineProblem('2025-03-10', '2025-03-10', 'd')).toBeNull();
  });
});

describe('tally', () => {
  const key: TallyKey = { _id: 'c:2024-12:h1', townshipId: 't', campaignId: 'c', periodKey: '2024-12', householdId: 'h1' };
  const now = at('2024-12-31T12:00:00+08:00');
  const add = (prev: ReturnType<typeof withVisit> | null, id: string, iso: string) =>
    withVisit(prev, key, { visitId: id, visitorPersonId: 'v', at: at(iso) }, dec, rules, now);

  test('counts once per CST day and minGapDays apart, re-sorting a late arrival', () => {
    let t = add(null, 'a', '2024-12-02T09:00:00+08:00');
    t = add(t, 'b', '2024-12-02T23:59:00+08:00');
    t = add(t, 'c', '2024-12-10T09:00:00+08:00');
    expect(t).toMatchObject({ counted: 2, countedVisitIds: ['a', 'c'], lastCountedDay: '2024-12-10' });
    t = add(t, 'late', '2024-12-09T09:00:00+08:00');
    expect(t).toMatchObject({ counted: 2, countedVisitIds: ['a', 'late'], lastCountedDay: '2024-12-09' });
    expect(t.eligible.map((e) => e.visitId)).toEqual(['a', 'b', 'late', 'c']);
  });

  test('adding the same visit twice changes nothing', () => {
    const t = add(null, 'a', '2024-12-02T09:00:00+08:00');
    expect(add(t, 'a', '2024-12-02T09:00:00+08:00').eligible).toHaveLength(1);
  });

  test('a visit outside the period is kept but never counted', () => {
    expect(add(null, 'jan', '2025-01-01T00:30:00+08:00')).toMatchObject({ counted: 0, countedVisitIds: [], lastCountedDay: null });
  });

  test('explains why a visit did not count', () => {
    const t = add(add(null, 'a', '2024-12-02T09:00:00+08:00'), 'b', '2024-12-06T09:00:00+08:00');
    const note = (assigned: boolean, counted: boolean, iso: string) =>
      countNote({ periodLabel: '2024年12月', assigned, counted, tally: t, visitAt: at(iso), rules });
    expect(note(true, false, '2024-12-06T09:00:00+08:00')).toBe('与2024-12-02已计入的走访间隔不足7天，本次走访不计入');
    expect(note(true, false, '2024-12-02T20:00:00+08:00')).toBe('同一天对同一户的多次走访只计一次');
    expect(note(false, false, '2024-12-20T09:00:00+08:00')).toContain('不是该户的走访人');
    expect(note(true, true, '2024-12-02T09:00:00+08:00')).toBe('本次走访已计入2024年12月的走访次数');
    expect(countNote({ periodLabel: null, assigned: true, counted: false, tally: null, visitAt: now, rules: null })).toContain(
      '不在任何行动时段',
    );
  });
});

describe('urgency', () => {
  const duty = (over: Partial<HouseholdDutyView>): HouseholdDutyView => ({
    householdId: 'h',
    address: '一组1号',
    headName: '甲',
    villageId: 'v',
    gridId: 'g',
    priority: false,
    counted: 0,
    needed: 2,
    nextCountableDay: '2024-12-10',
    mustVisitBy: '2024-12-24',
    atRisk: false,
    hazardsToVerify: 0,
    overdueHazards: 0,
    lastVisitAt: null,
    ...over,
  });

  test('the last day to start: two rounds 7 days apart must start a week before the month ends', () => {
    expect(mustVisitBy({ householdId: 'h', counted: 0, needed: 2, nextCountableDay: '2024-12-01', atRisk: false }, dec, rules)).toBe(
      '2024-12-24',
    );
    expect(mustVisitBy({ householdId: 'h', counted: 1, needed: 2, nextCountableDay: '2024-12-09', atRisk: false }, dec, rules)).toBe(
      '2024-12-31',
    );
    expect(mustVisitBy({ householdId: 'h', counted: 2, needed: 2, nextCountableDay: null, atRisk: false }, dec, rules)).toBeNull();
  });

  test('at risk and overdue hazards first, then by the last day to visit, priority groups first on a tie, done last', () => {
    const list = [
      duty({ householdId: 'done', counted: 2, nextCountableDay: null, mustVisitBy: null }),
      duty({ householdId: 'late', mustVisitBy: '2024-12-31', counted: 1 }),
      duty({ householdId: 'soon', mustVisitBy: '2024-12-24' }),
      duty({ householdId: 'soonPriority', mustVisitBy: '2024-12-24', priority: true }),
      duty({ householdId: 'hazard', counted: 2, nextCountableDay: null, mustVisitBy: null, overdueHazards: 1, hazardsToVerify: 1 }),
      duty({ householdId: 'risk', atRisk: true, mustVisitBy: '2024-12-20' }),
    ];
    expect(list.sort(byUrgency).map((d) => d.householdId)).toEqual(['risk', 'hazard', 'soonPriority', 'soon', 'late', 'done']);
  });
});

describe('campaign edits', () => {
  const record = (over: Partial<CampaignRecord> = {}): CampaignRecord => ({
    ...presetCampaignRecord('t1', 'seed001', { active: true, now: at('2024-11-18T09:00:00+08:00') }),
    ...over,
  });

  test('presets become valid records with deterministic ids and phases', () => {
    for (const key of PRESET_KEYS) {
      const r = presetCampaignRecord('t1', key, { active: false, now: new Date(0) });
      expect(r._id).toBe(presetCampaignId('t1', key));
      expect(r._id).toContain(key);
      expect(campaignProblem(asCampaign(r), r.phases, r.keyDates)).toBeNull();
      expect(r.phases.length).toBeGreaterThanOrEqual(2);
      // 003 (八) "元旦、春节、元宵节和全国两会期间，要提高火灾防范等级"
      expect(r.keyDates!.map((k) => k.name)).toEqual(['元旦', '春节（除夕至正月初六）', '元宵节', '全国两会']);
    }
    // this winter's phases are seed 003's 三、时间步骤
    expect(
      presetCampaignRecord('t1', 'winter2026', { active: false, now: new Date(0) }).phases.map((p) => [p.name, p.startDay, p.endDay]),
    ).toEqual([
      ['部署发动', '2026-11-01', '2026-11-30'],
      ['组织实施', '2026-12-01', '2027-03-25'],
      ['总结提升', '2027-03-26', '2027-03-31'],
    ]);
  });

  test('a key date ending before it starts is invalid', () => {
    const r = record();
    const bad = [{ name: '庙会', startDay: '2025-02-02', endDay: '2025-02-01' }];
    expect(campaignProblem(asCampaign(r), r.phases, bad)).toMatchObject({ code: 'CAMPAIGN_INVALID', field: 'keyDates' });
  });

  test('a campaign stored with its holidays among the phases reads them as key dates', () => {
    const legacy = {
      phases: [
        { name: '全面行动阶段', startDay: '2024-11-20', endDay: '2025-03-31' },
        { name: '元旦', startDay: '2025-01-01', endDay: '2025-01-01', note: RAISED_ALERT_NOTE },
      ],
    };
    expect(campaignCalendar(legacy)).toEqual({ phases: [legacy.phases[0]], keyDates: [legacy.phases[1]] });
    expect(campaignCalendar({ ...legacy, keyDates: [] })).toEqual({ phases: legacy.phases, keyDates: [] });
    expect(phaseOn(campaignCalendar(legacy).phases, '2025-01-01')?.name).toBe('全面行动阶段');
    expect(keyDateOn(campaignCalendar(legacy).keyDates, '2025-01-01')?.name).toBe('元旦');
    expect(keyDateOn(campaignCalendar(legacy).keyDates, '2025-01-02')).toBeNull();
  });

  test('the raised-alert window runs from the day before a key date to its last day (fast-check)', () => {
    const day = fc.integer({ min: 0, max: 800 }).map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 10 }), day, (start, length, today) => {
        const end = new Date(Date.parse(`${start}T00:00:00Z`) + length * 86400_000).toISOString().slice(0, 10);
        const lead = new Date(Date.parse(`${start}T00:00:00Z`) - ALERT_LEAD_DAYS * 86400_000).toISOString().slice(0, 10);
        const alerting = keyDatesAlerting([{ name: 'k', startDay: start, endDay: end }], today).length === 1;
        expect(alerting).toBe(lead <= today && today <= end);
      }),
    );
  });

  test('a new period is keyed by its month when it spans one, and never by a key in use (fast-check)', () => {
    expect(newPeriodKey({ startDay: '2027-04-01', endDay: '2027-04-30' }, [])).toBe('2027-04');
    expect(newPeriodKey({ startDay: '2027-04-01', endDay: '2027-04-30' }, ['2027-04'])).toBe('2027-04-2');
    expect(newPeriodKey({ startDay: '2027-04-05', endDay: '2027-04-11' }, [])).toBe('p-2027-04-05');
    fc.assert(
      fc.property(fc.array(fc.constantFrom('2027-04', '2027-04-2', '2027-04-3', 'p-2027-04-01'), { maxLength: 4 }), (taken) => {
        const key = newPeriodKey({ startDay: '2027-04-01', endDay: '2027-04-30' }, taken);
        expect(taken).not.toContain(key);
        expect(key).toMatch(/^[A-Za-z0-9-]{1,20}$/);
      }),
    );
  });

  test('removal: never a closed or ended period, never one with visits, never the last one', () => {
    const now = at('2024-12-15T09:00:00+08:00');
    const r = record({ closedPeriodKeys: ['2024-12'] });
    expect(removalProblem(r, '2024-12', 0, now)?.code).toBe('PERIOD_CLOSED');
    expect(removalProblem(r, 'first-round', 0, now)?.code).toBe('PERIOD_CLOSED');
    expect(removalProblem(r, '2025-01', 3, now)).toMatchObject({ code: 'PERIOD_HAS_VISITS', field: 'periodKey' });
    expect(removalProblem(r, '2025-01', 0, now)).toBeNull();
    expect(removalProblem(r, 'nope', 0, now)?.code).toBe('NOT_FOUND');
    expect(removalProblem({ ...r, periods: [r.periods[4]] }, r.periods[4].key, 0, now)?.code).toBe('CAMPAIGN_INVALID');
  });

  test('repeated period keys and phases ending before they start are invalid', () => {
    const r = record();
    const dup = [...r.periods, { ...r.periods[4], key: '2024-12', startDay: '2025-04-01', endDay: '2025-04-30' }];
    expect(campaignProblem({ ...asCampaign(r), periods: dup }, r.phases)?.message).toContain('重复');
    expect(campaignProblem(asCampaign(r), [{ name: '部署', startDay: '2024-11-19', endDay: '2024-11-18' }])?.code).toBe('CAMPAIGN_INVALID');
  });

  test('a period in closedPeriodKeys or already ended may not change; open ones may', () => {
    const now = at('2024-12-15T09:00:00+08:00');
    const r = record({ closedPeriodKeys: ['2024-12'] });
    const withQuota = (key: string, quota: number) => r.periods.map((p) => (p.key === key ? { ...p, quota } : p));
    expect(closedPeriodProblem(r, withQuota('2024-12', 3), now)?.code).toBe('PERIOD_CLOSED');
    expect(closedPeriodProblem(r, withQuota('first-round', 2), now)?.code).toBe('PERIOD_CLOSED');
    expect(closedPeriodProblem(r, withQuota('2025-01', 3), now)).toBeNull();
    expect(
      closedPeriodProblem(
        r,
        r.periods.filter((p) => p.key !== '2024-12'),
        now,
      )?.code,
    ).toBe('PERIOD_CLOSED');
    expect(closedPeriodProblem(r, r.periods, now)).toBeNull();
    expect(periodState(r, r.periods[1], now)).toBe('closed');
    expect(periodState(r, r.periods[0], now)).toBe('ended');
    expect(periodState(r, r.periods[2], now)).toBe('upcoming');
    expect(periodState(record(), r.periods[1], now)).toBe('current');
  });

  test('the active campaign whose period contains the instant', () => {
    const seed = record();
    const other = { ...presetCampaignRecord('t1', 'winter2026', { active: true, now: at('2026-11-01T00:00:00+08:00') }) };
    expect(campaignPeriodAt([other, seed], at('2024-12-31T23:30:00+08:00'))).toMatchObject({
      record: { _id: seed._id },
      period: { key: '2024-12' },
    });
    expect(campaignPeriodAt([other, seed], at('2027-01-01T00:30:00+08:00'))).toMatchObject({
      record: { _id: other._id },
      period: { key: '2027-01' },
    });
    expect(campaignPeriodAt([other, seed], at('2025-06-01T00:00:00+08:00'))).toBeNull();
  });
});
