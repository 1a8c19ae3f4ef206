// The `visit` function end to end: real wx-server-sdk, real emulator, the demo township, seed 001's campaign on the virtual clock.
import { startBackend, type Backend } from '../helpers/backend';
import { StorageService } from '../../emulator/admin/storage';
import type { Result } from '../../typings/result';
import type {
  CampaignView,
  ChecklistTemplateView,
  HazardView,
  HouseholdCardView,
  InboxPage,
  MyHouseholdsResult,
  RecordVisitResult,
  VisitView,
} from '../../typings/visit';
import type { Page } from '../../typings/org';

let b: Backend;
const SEED = 'demo-township-seed001';
const WINTER = 'demo-township-winter2026';
const V1 = 'demo-visitor-1';
const V2 = 'demo-visitor-2';
const V6 = 'demo-visitor-6';
const VILLAGER1 = 'demo-villager-1';
const VILLAGER1_HH = 'demo-hh-1-1-02';
const EDU = { noticeHandedOver: true, sanQingSanGuanExplained: true };
const OK_ANSWERS = [
  { key: 'electricalWiring', answer: 'ok' },
  { key: 'gas', answer: 'ok' },
];

const call = <T = any>(action: string, event: Record<string, unknown>, openid: string | null) =>
  b.call<T>('visit', { action, ...event }, openid);

function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`);
  return r.data;
}

function refused(r: Result<unknown>, code: string): string {
  if (r.ok) throw new Error(`expected ${code}, got ok`);
  expect(r.code).toBe(code);
  expect(r.message).toMatch(/[\u4e00-\u9fff]/);
  return r.message;
}

function knock(openid: string, householdId: string, iso: string, extra: Record<string, unknown> = {}): Promise<Result<RecordVisitResult>> {
  b.setClock(iso);
  return call<RecordVisitResult>(
    'recordVisit',
    { householdId, templateId: 'residential-default', answers: OK_ANSWERS, education: EDU, ...extra },
    openid,
  );
}

const tally = (periodKey: string, householdId: string, campaignId = SEED) =>
  b.docs('visitTallies', { _id: `${campaignId}:${periodKey}:${householdId}` })[0];
const written = () => ['visits', 'visitTallies', 'hazards', 'audit', 'idempotency'].map((c) => b.docs(c).length);
const hoursBefore = (iso: string, h: number) => new Date(new Date(iso).getTime() - h * 3600_000).toISOString();

beforeAll(async () => {
  b = await startBackend({ demo: true });
  b.setClock('2024-11-19T09:00:00+08:00');
  // the demo runs this winter's campaign; these tests replay seed 001's own
  ok(await call('updateCampaign', { campaignId: SEED, active: true }, 'demo-office'));
});
afterAll(async () => {
  await b?.stop();
});
afterEach(() => b.setClock(null));

describe('campaigns', () => {
  it('the demo township has both presets, this winter active; every cadre reads them, a villager does not', async () => {
    b.setClock('2024-12-05T09:00:00+08:00');
    const list = ok(await call<CampaignView[]>('listCampaigns', {}, V1));
    expect(list.map((c) => c.id).sort()).toEqual([SEED, WINTER]);
    const winter = list.find((c) => c.id === WINTER)!;
    expect(winter.active).toBe(true);
    expect(winter.periods.map((p) => [p.key, p.quota])).toEqual([
      ['first-round', 1],
      ['2026-12', 2],
      ['2027-01', 2],
      ['2027-02', 2],
      ['2027-03', 2],
    ]);
    // seed 003 三、时间步骤 and (八)'s key dates of raised alert level, 两会 among them
    expect(winter.phases.map((p) => p.name)).toEqual(['部署发动', '组织实施', '总结提升']);
    expect(winter.keyDates.map((k) => k.name)).toEqual(['元旦', '春节（除夕至正月初六）', '元宵节', '全国两会']);
    const seed = ok(await call<CampaignView>('getCampaign', { campaignId: SEED }, 'demo-discipline'));
    expect(seed.currentPeriodKey).toBe('2024-12');
    expect(seed.periods.map((p) => p.state)).toEqual(['ended', 'current', 'upcoming', 'upcoming', 'upcoming']);
    expect(seed.rules).toEqual({
      minGapDays: 7,
      remedyDays: 7,
      reminderOffsetsDays: [5, 2],
      offlineWindowHours: 48,
      unprovenVisitsCount: true,
    });
    refused(await call('listCampaigns', {}, VILLAGER1), 'FORBIDDEN');
    refused(await call('createCampaign', { preset: 'seed001' }, V1), 'FORBIDDEN');
  });

  it('refuses overlapping periods, a quota below 1 and a second copy of a preset, writing nothing', async () => {
    b.setClock('2024-12-05T09:00:00+08:00');
    const before = [b.docs('campaigns').length, b.docs('audit').length];
    const periods = [
      { key: 'a', label: '一月', startDay: '2025-05-01', endDay: '2025-05-31', quota: 2 },
      { key: 'b', label: '二月', startDay: '2025-05-20', endDay: '2025-06-30', quota: 2 },
    ];
    expect(refused(await call('createCampaign', { name: '重叠行动', periods }, 'demo-office'), 'CAMPAIGN_INVALID')).toContain('重叠');
    const zero = [{ key: 'a', label: '五月', startDay: '2025-05-01', endDay: '2025-05-31', quota: 0 }];
    expect(refused(await call('createCampaign', { name: '零次行动', periods: zero }, 'demo-office'), 'CAMPAIGN_INVALID')).toContain(
      '至少为1次',
    );
    refused(await call('createCampaign', { preset: 'seed001' }, 'demo-office'), 'CONFLICT');
    refused(await call('createCampaign', { name: '无时段' }, 'demo-office'), 'INVALID_INPUT');
    expect([b.docs('campaigns').length, b.docs('audit').length]).toEqual(before);
  });

  it('edits never rewrite a closed period; open periods can change, audited', async () => {
    b.setClock('2025-05-10T09:00:00+08:00');
    const periods = [
      { key: '2025-04', label: '2025年4月', startDay: '2025-04-01', endDay: '2025-04-30', quota: 2 },
      { key: '2025-05', label: '2025年5月', startDay: '2025-05-01', endDay: '2025-05-31', quota: 2 },
      { key: '2025-06', label: '2025年6月', startDay: '2025-06-01', endDay: '2025-06-30', quota: 2 },
    ];
    const created = ok(
      await call<CampaignView>('createCampaign', { name: '春季巩固行动', periods, rules: { minGapDays: 5 } }, 'demo-office'),
    );
    expect(created.rules.minGapDays).toBe(5);
    expect(created.active).toBe(false);
    const changed = (i: number, quota: number) => periods.map((p, j) => (j === i ? { ...p, quota } : p));
    expect(
      refused(await call('updateCampaign', { campaignId: created.id, periods: changed(0, 3) }, 'demo-office'), 'PERIOD_CLOSED'),
    ).toContain('2025年4月');
    refused(await call('updateCampaign', { campaignId: created.id, periods: periods.slice(1) }, 'demo-office'), 'PERIOD_CLOSED');
    const past = { key: '2025-03', label: '2025年3月', startDay: '2025-03-01', endDay: '2025-03-31', quota: 2 };
    refused(await call('updateCampaign', { campaignId: created.id, periods: [past, ...periods] }, 'demo-office'), 'PERIOD_CLOSED');
    const updated = ok(
      await call<CampaignView>(
        'updateCampaign',
        { campaignId: created.id, periods: changed(2, 3), name: '春季巩固行动（修订）' },
        'demo-office',
      ),
    );
    expect(updated.periods.map((p) => p.quota)).toEqual([2, 2, 3]);
    const audit = b.docs('audit', { action: 'updateCampaign', docId: created.id });
    expect(audit).toHaveLength(1);
    expect(audit[0].before.periods[2].quota).toBe(2);
    expect(audit[0].after.periods[2].quota).toBe(3);
    expect(b.docs('audit', { action: 'createCampaign', docId: created.id })).toHaveLength(1);
  });
});

describe('checklist templates', () => {
  it('the residential checklist of 附件6 and a winter variant are data', async () => {
    const t = ok(await call<ChecklistTemplateView>('getChecklistTemplate', { templateId: 'residential-default' }, V1));
    const labels = t.items.map((i) => i.label).join('|');
    for (const word of [
      '电气线路',
      '燃气',
      '杂物堆放',
      '取暖',
      '熏制腊肉',
      '电动车充电',
      '通道清',
      '阳台清',
      '厨房清',
      '关电源',
      '关气源',
      '关门窗',
      '柴火灶',
      '烟感报警器已安装',
      '烟感报警器测试有效',
    ]) {
      expect(labels).toContain(word);
    }
    expect(
      b
        .docs('checklistTemplates')
        .map((d) => d._id)
        .sort(),
    ).toEqual(['residential-default', 'residential-winter']);
    const all = ok(await call<ChecklistTemplateView[]>('listChecklistTemplates', {}, VILLAGER1));
    expect(all.find((x) => x.id === 'residential-winter')!.items.map((i) => i.key)).toEqual(
      expect.arrayContaining(['fireworks', 'gasWaterHeater', 'smokeAlarmTested']),
    );
    refused(await call('getChecklistTemplate', { templateId: 'no-such' }, V1), 'NOT_FOUND');
  });
});

describe('counting (SPEC §3)', () => {
  it('same-day double visits count once; a visit 6 days after the last counted one does not count, 7 days after does', async () => {
    const h = 'demo-hh-1-1-03';
    const first = ok(await knock(V1, h, '2024-12-02T09:00:00+08:00'));
    expect(first.count).toMatchObject({ campaignId: SEED, periodKey: '2024-12', counted: 1, needed: 2, thisVisitCounted: true });
    const sameDay = ok(await knock(V1, h, '2024-12-02T18:00:00+08:00'));
    expect(sameDay.count).toMatchObject({ counted: 1, thisVisitCounted: false });
    expect(sameDay.countNote).toContain('同一天');
    const sixDays = ok(await knock(V1, h, '2024-12-08T20:00:00+08:00'));
    expect(sixDays.count).toMatchObject({ counted: 1, thisVisitCounted: false });
    expect(sixDays.countNote).toContain('不足7天');
    const sevenDays = ok(await knock(V1, h, '2024-12-09T08:00:00+08:00'));
    expect(sevenDays.count).toMatchObject({ counted: 2, thisVisitCounted: true });

    const t = tally('2024-12', h);
    expect(t).toMatchObject({
      townshipId: 'demo-township',
      campaignId: SEED,
      periodKey: '2024-12',
      householdId: h,
      counted: 2,
      lastCountedDay: '2024-12-09',
    });
    expect(t.countedVisitIds).toEqual([first.visit.id, sevenDays.visit.id]);
    expect(t.eligible).toHaveLength(4);
    expect(
      b
        .docs('visits', { householdId: h })
        .map((v) => v.day)
        .sort(),
    ).toEqual(['2024-12-02', '2024-12-02', '2024-12-08', '2024-12-09']);

    b.setClock('2024-12-10T09:00:00+08:00');
    const mine = ok(await call<MyHouseholdsResult>('myHouseholds', { pageSize: 20, page: 1 }, V1));
    expect(mine.period).toMatchObject({ key: '2024-12', quota: 2 });
    expect(mine.total).toBe(21);
    expect(mine.items).toHaveLength(20);
    const row = [...mine.items, ...ok(await call<MyHouseholdsResult>('myHouseholds', { page: 2 }, V1)).items].find(
      (x) => x.householdId === h,
    )!;
    expect(row).toMatchObject({ counted: 2, needed: 2, nextCountableDay: null, atRisk: false });
    // done households sort last; the rest by the last day they can still be visited
    expect(mine.items[0].counted).toBe(0);
    expect(mine.items[0].nextCountableDay).toBe('2024-12-10');
    expect(mine.items[0].mustVisitBy).toBe('2024-12-24');
    refused(await call('myHouseholds', { pageSize: 21 }, V1), 'INVALID_INPUT');
  });

  it('CST boundaries: 2024-12-31 23:30 CST is December, 2025-01-01 00:30 CST is January, whatever the host zone', async () => {
    const h = 'demo-hh-1-1-05';
    const dec = ok(await knock(V1, h, '2024-12-31T23:30:00+08:00'));
    expect(dec.visit).toMatchObject({ periodKey: '2024-12', day: '2024-12-31' });
    const jan = ok(await knock(V1, h, '2025-01-01T00:30:00+08:00'));
    expect(jan.visit).toMatchObject({ periodKey: '2025-01', day: '2025-01-01' });
    expect(tally('2024-12', h).countedVisitIds).toEqual([dec.visit.id]);
    expect(tally('2025-01', h).countedVisitIds).toEqual([jan.visit.id]);
  });

  it('a household reassigned mid-month: each visitor is held only to what they were assigned', async () => {
    const h = 'demo-hh-1-2-01';
    ok(await knock(V1, h, '2025-02-03T10:00:00+08:00'));
    refused(await knock(V6, h, '2025-02-10T10:00:00+08:00'), 'NOT_IN_RANGE');
    b.setClock('2025-02-15T09:00:00+08:00');
    ok(
      await b.call(
        'org',
        {
          action: 'reassignHouseholds',
          householdIds: [h],
          fromVisitorPersonId: 'person-demo-visitor-1',
          toVisitorPersonId: 'person-demo-visitor-6',
          reason: '走访人工作调整',
        },
        'demo-office',
      ),
    );
    // the old visitor no longer holds it; the new one's offline visit from before the handover is kept but does not count
    refused(await knock(V1, h, '2025-02-17T10:00:00+08:00'), 'NOT_IN_RANGE');
    const early = ok(await knock(V6, h, '2025-02-15T10:00:00+08:00', { offline: true, deviceTime: '2025-02-14T20:00:00+08:00' }));
    expect(early.visit).toMatchObject({ assigned: false, offline: true });
    expect(early.count).toMatchObject({ counted: 1, thisVisitCounted: false });
    expect(early.countNote).toContain('不是该户的走访人');
    const later = ok(await knock(V6, h, '2025-02-18T10:00:00+08:00'));
    expect(later.count).toMatchObject({ counted: 2, thisVisitCounted: true });
    expect(tally('2025-02', h).eligible.map((e: any) => e.visitorPersonId)).toEqual(['person-demo-visitor-1', 'person-demo-visitor-6']);

    b.setClock('2025-02-19T09:00:00+08:00');
    const v1 = ok(await call<MyHouseholdsResult>('myHouseholds', { page: 1, pageSize: 20 }, V1));
    expect(v1.total).toBe(20);
    expect(v1.items.some((x) => x.householdId === h)).toBe(false);
    const v6 = ok(await call<MyHouseholdsResult>('myHouseholds', {}, V6));
    expect(v6.items).toEqual([expect.objectContaining({ householdId: h, counted: 2, needed: 2 })]);
  });
  it('concurrent submissions for one household all land in its tally (the transaction retries on conflict)', async () => {
    const h = 'demo-hh-1-2-05';
    b.setClock('2025-02-20T10:00:00+08:00');
    const event = { householdId: h, templateId: 'residential-default', answers: OK_ANSWERS, education: EDU };
    const results = await Promise.all([1, 2, 3, 4].map(() => call<RecordVisitResult>('recordVisit', event, V1)));
    const ids = results.map((r) => ok(r).visit.id);
    const t = tally('2025-02', h);
    expect(t.eligible.map((e: any) => e.visitId).sort()).toEqual([...ids].sort());
    expect(t.counted).toBe(1);
    // the same CST day counts once: the earliest of the four, whatever order they committed in
    const earliest = [...results].map((r) => ok(r).visit).sort((x, y) => x.at.localeCompare(y.at) || x.id.localeCompare(y.id))[0];
    expect(t.countedVisitIds).toEqual([earliest.id]);
  });
});

describe('offline visits', () => {
  const now = '2025-01-15T12:00:00+08:00';

  it('47 h late is accepted, flagged offline, counted at its device time', async () => {
    const device = hoursBefore('2025-01-17T09:00:00+08:00', 47);
    const late = ok(await knock(V1, 'demo-hh-1-1-06', '2025-01-17T09:00:00+08:00', { offline: true, deviceTime: device }));
    expect(late.visit).toMatchObject({ offline: true, at: device, day: '2025-01-15' });
    expect(new Date(late.visit.receivedAt).getTime()).toBeGreaterThan(new Date(device).getTime());
    expect(late.count).toMatchObject({ periodKey: '2025-01', counted: 1, thisVisitCounted: true });
    expect(b.docs('visits', { _id: late.visit.id })[0].offline).toBe(true);
  });

  it('a late offline visit re-sorts the counted visits of its period', async () => {
    const h = 'demo-hh-1-1-04';
    const first = ok(await knock(V1, h, '2025-01-09T10:00:00+08:00'));
    const online = ok(await knock(V1, h, '2025-01-17T10:00:00+08:00'));
    expect(tally('2025-01', h).countedVisitIds).toEqual([first.visit.id, online.visit.id]);
    // made on 01-16 without network, sent on 01-17: it is the second round now, and 01-17 (one day later) no longer counts
    const late = ok(await knock(V1, h, '2025-01-17T12:00:00+08:00', { offline: true, deviceTime: '2025-01-16T10:00:00+08:00' }));
    expect(late.count).toMatchObject({ counted: 2, thisVisitCounted: true });
    expect(tally('2025-01', h)).toMatchObject({
      counted: 2,
      countedVisitIds: [first.visit.id, late.visit.id],
      lastCountedDay: '2025-01-16',
    });
  });

  it('49 h late and future times are refused with clear messages, and nothing is written', async () => {
    const before = written();
    const late = refused(
      await knock(V1, 'demo-hh-1-1-06', now, { offline: true, deviceTime: hoursBefore(now, 49), idempotencyKey: 'offline-late-0001' }),
      'OFFLINE_TOO_LATE',
    );
    expect(late).toContain('48小时');
    const future = refused(await knock(V1, 'demo-hh-1-1-06', now, { offline: true, deviceTime: hoursBefore(now, -0.2) }), 'FUTURE_TIME');
    expect(future).toContain('手机时间');
    refused(await knock(V1, 'demo-hh-1-1-06', now, { offline: true }), 'INVALID_INPUT');
    expect(written()).toEqual(before);
  });

  it('a device clock a few minutes ahead is believed, but the visit never lands after its arrival', async () => {
    const r = ok(await knock(V1, 'demo-hh-1-1-07', now, { offline: true, deviceTime: hoursBefore(now, -0.05) }));
    expect(new Date(r.visit.at).getTime()).toBeLessThanOrEqual(new Date(r.visit.receivedAt).getTime());
  });
});

describe('idempotency', () => {
  it('a retried visit submission with the same idempotency key returns the first visit and writes nothing new', async () => {
    const event = {
      idempotencyKey: 'visit-retry-0001',
      answers: [...OK_ANSWERS, { key: 'clutter', answer: 'hazard', note: '柴草堆在灶边', deadline: '2025-06-30' }],
    };
    const first = ok(await knock(V1, 'demo-hh-1-1-08', '2025-01-20T10:00:00+08:00', event));
    expect(first.hazards).toHaveLength(1);
    const before = written();
    const second = ok(await knock(V1, 'demo-hh-1-1-08', '2025-01-20T10:05:00+08:00', event));
    expect(second).toEqual(first);
    expect(written()).toEqual(before);
    expect(b.docs('visits', { householdId: 'demo-hh-1-1-08' })).toHaveLength(1);
    expect(tally('2025-01', 'demo-hh-1-1-08').eligible).toHaveLength(1);
  });
});

describe('bad input: a stable code, a Chinese message, nothing written', () => {
  it('each case of issue 3', async () => {
    b.setClock('2025-01-22T10:00:00+08:00');
    ok(
      await b.call(
        'org',
        { action: 'setHouseholdActive', householdId: 'demo-hh-1-2-12', active: false, reason: '全家外出务工迁出' },
        'demo-office',
      ),
    );
    const card2 = ok(await call<HouseholdCardView>('getHouseholdCard', { householdId: 'demo-hh-1-1-09' }, 'demo-office'));
    const before = written();
    const at = '2025-01-22T10:00:00+08:00';
    const k = (n: number) => ({ idempotencyKey: `bad-visit-000${n}` });
    refused(await knock(V1, 'no-such-household', at, k(1)), 'NOT_FOUND');
    expect(refused(await knock(V1, 'demo-hh-2-1-01', at, k(2)), 'NOT_IN_RANGE')).toContain('不在您的走访范围');
    expect(refused(await knock(V1, 'demo-hh-1-2-12', at, k(3)), 'HOUSEHOLD_INACTIVE')).toContain('已迁出');
    refused(
      await knock(V1, 'demo-hh-1-2-02', at, { ...k(4), answers: [{ key: 'spaceHeater3000', answer: 'ok' }] }),
      'CHECKLIST_ITEM_UNKNOWN',
    );
    const ten = Array.from({ length: 10 }, (_, i) => `cloud://env/visits/p${i}.jpg`);
    refused(await knock(V1, 'demo-hh-1-2-02', at, { ...k(5), photos: ten }), 'TOO_MANY_PHOTOS');
    refused(
      await knock(V1, 'demo-hh-1-2-02', at, {
        ...k(6),
        answers: [{ key: 'gas', answer: 'hazard', note: '软管老化', deadline: '2025-01-30', photos: ten }],
      }),
      'TOO_MANY_PHOTOS',
    );
    expect(refused(await knock(V1, 'demo-hh-1-2-02', at, { ...k(7), proof: { cardQrScene: card2.scene } }), 'PROOF_MISMATCH')).toContain(
      '明白卡',
    );
    refused(
      await knock(V1, 'demo-hh-1-2-02', at, {
        ...k(8),
        answers: [{ key: 'gas', answer: 'hazard', note: '软管老化', deadline: '2025-01-21' }],
      }),
      'DEADLINE_IN_PAST',
    );
    refused(
      await knock(V1, 'demo-hh-1-2-02', at, { ...k(9), answers: [{ key: 'gas', answer: 'hazard', deadline: '2025-01-30' }] }),
      'INVALID_INPUT',
    );
    refused(await knock(V1, 'demo-hh-1-2-02', at, { answers: [{ key: 'gas', answer: 'maybe' }] }), 'INVALID_INPUT');
    refused(await knock(VILLAGER1, VILLAGER1_HH, at), 'FORBIDDEN');
    refused(await knock('stranger-openid', VILLAGER1_HH, at), 'UNAUTHENTICATED');
    expect(written()).toEqual(before);
  });
});

describe('proof of presence', () => {
  it('the card QR of the household proves presence; GPS within 200 m does; no proof is flagged', async () => {
    b.setClock('2025-01-23T09:00:00+08:00');
    const card = ok(await call<HouseholdCardView>('getHouseholdCard', { householdId: VILLAGER1_HH }, VILLAGER1));
    expect(card.scene).toMatch(/^h=[A-Za-z0-9_-]{16}$/);
    expect(card.visitors.map((v) => v.name)).toEqual(['向建军']);
    const png = b.emulator.store.getFile(StorageService.pathOf(card.qrFileId!)!);
    expect(png?.data.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    refused(await call('getHouseholdCard', { householdId: 'demo-hh-1-1-03' }, VILLAGER1), 'FORBIDDEN');
    refused(await call('getHouseholdCard', { householdId: VILLAGER1_HH }, V2), 'FORBIDDEN');
    expect(ok(await call('resolveCard', { scene: encodeURIComponent(card.scene) }, V1))).toEqual({
      householdId: VILLAGER1_HH,
      address: card.address,
    });
    refused(await call('resolveCard', { scene: card.scene }, V2), 'PROOF_MISMATCH');

    const byCard = ok(await knock(V1, VILLAGER1_HH, '2025-01-23T10:00:00+08:00', { proof: { cardQrScene: card.scene } }));
    expect(byCard.visit).toMatchObject({ proofs: ['cardQr'], flaggedNoProof: false });
    const home = b.docs('households', { _id: 'demo-hh-1-2-03' })[0].location;
    const near = ok(
      await knock(V1, 'demo-hh-1-2-03', '2025-01-23T11:00:00+08:00', {
        location: { latitude: home.latitude + 0.001, longitude: home.longitude },
      }),
    );
    expect(near.visit).toMatchObject({ proofs: ['gps'], flaggedNoProof: false });
    const far = ok(
      await knock(V1, 'demo-hh-1-2-04', '2025-01-23T12:00:00+08:00', {
        location: { latitude: home.latitude + 0.01, longitude: home.longitude },
      }),
    );
    expect(far.visit).toMatchObject({ proofs: [], flaggedNoProof: true });
    expect(far.count).toMatchObject({ thisVisitCounted: true });
  });

  it('a villager confirms a visit to their own household, clearing the flag; nobody else can', async () => {
    const v = ok(await knock(V1, VILLAGER1_HH, '2025-02-05T10:00:00+08:00'));
    expect(v.visit.flaggedNoProof).toBe(true);
    refused(await call('confirmVisit', { visitId: v.visit.id }, 'demo-villager-2'), 'FORBIDDEN');
    refused(await call('confirmVisit', { visitId: v.visit.id }, V1), 'FORBIDDEN');
    refused(await call('confirmVisit', { visitId: 'no-such-visit' }, VILLAGER1), 'NOT_FOUND');
    const visits = ok(await call<Page<VisitView>>('listHouseholdVisits', {}, VILLAGER1));
    expect(visits.items[0]).toMatchObject({ id: v.visit.id, visitorName: '向建军', flaggedNoProof: true });
    // flagged for the office until someone proves it
    const flagged = () => call<Page<VisitView>>('listUnprovenVisits', { pageSize: 50 }, 'demo-office');
    expect(ok(await flagged()).items.map((x) => x.id)).toContain(v.visit.id);
    refused(await call('listUnprovenVisits', {}, V1), 'FORBIDDEN');
    const confirmed = ok(await call<VisitView>('confirmVisit', { visitId: v.visit.id }, VILLAGER1));
    expect(confirmed).toMatchObject({ proofs: ['villagerConfirm'], flaggedNoProof: false });
    expect(b.docs('visits', { _id: v.visit.id })[0]).toMatchObject({ proofs: ['villagerConfirm'], flaggedNoProof: false });
    expect(ok(await flagged()).items.map((x) => x.id)).not.toContain(v.visit.id);
    ok(await call('confirmVisit', { visitId: v.visit.id }, VILLAGER1));
    expect(b.docs('audit', { action: 'confirmVisit', docId: v.visit.id })).toHaveLength(1);
    refused(await call('listHouseholdVisits', { householdId: 'demo-hh-1-1-03' }, VILLAGER1), 'FORBIDDEN');
  });
});

describe('hazards: record → claim → verify, or overdue', () => {
  it('walks the lifecycle and marks an unverified hazard overdue after deadline + 3 days', async () => {
    const found = ok(
      await knock(V1, VILLAGER1_HH, '2025-03-03T10:00:00+08:00', {
        answers: [
          { key: 'ebikeCharging', answer: 'hazard', note: '电动车在堂屋内充电', deadline: '2025-03-10', photos: ['cloud://env/h/e1.jpg'] },
          { key: 'electricalWiring', answer: 'hazard', note: '厨房电线私拉乱接', deadline: '2025-03-10' },
          { key: 'gas', answer: 'ok' },
        ],
      }),
    );
    expect(found.hazards.map((h) => [h.category, h.status, h.deadlineDay])).toEqual([
      ['电动车充电', 'open', '2025-03-10'],
      ['电气线路', 'open', '2025-03-10'],
    ]);
    const [ebike, wiring] = found.hazards;
    expect(b.docs('hazards', { _id: ebike.id })[0]).toMatchObject({
      source: 'visit',
      visitId: found.visit.id,
      visitorPersonId: 'person-demo-visitor-1',
      householdId: VILLAGER1_HH,
    });
    expect(found.visit.hazardIds).toEqual([ebike.id, wiring.id]);

    const seen = ok(await call<Page<HazardView>>('listHouseholdHazards', {}, VILLAGER1));
    expect(seen.items.map((h) => h.id).sort()).toEqual([ebike.id, wiring.id].sort());
    refused(await call('claimRectification', { hazardId: ebike.id, photos: ['cloud://env/c.jpg'] }, 'demo-villager-2'), 'FORBIDDEN');
    refused(await call('claimRectification', { hazardId: ebike.id, photos: [] }, VILLAGER1), 'INVALID_INPUT');
    b.setClock('2025-03-06T10:00:00+08:00');
    const claimed = ok(await call<HazardView>('claimRectification', { hazardId: ebike.id, photos: ['cloud://env/c.jpg'] }, VILLAGER1));
    expect(claimed).toMatchObject({ status: 'rectificationClaimed', claimPhotos: ['cloud://env/c.jpg'] });
    refused(await call('claimRectification', { hazardId: ebike.id, photos: ['cloud://env/c.jpg'] }, VILLAGER1), 'CONFLICT');
    const inbox = ok(await call<InboxPage>('listInbox', {}, V1));
    expect(inbox.items[0]).toMatchObject({ kind: 'hazard', readAt: null });
    expect(inbox.items[0].body).toContain('电动车充电');

    let duties = ok(await call<Page<HazardView> & { overdue: number }>('listMyHazardDuties', {}, V1));
    expect(duties.items.slice(0, 2).map((h) => h.id)).toEqual([ebike.id, wiring.id]);
    expect(duties.overdue).toBe(0);
    // verification rides on a re-visit, by the visitor who found it
    refused(
      await call('verifyHazard', { hazardId: ebike.id, visitId: found.visit.id, rectified: true, photos: ['cloud://env/v.jpg'] }, V1),
      'INVALID_INPUT',
    );
    refused(
      await call('verifyHazard', { hazardId: ebike.id, visitId: found.visit.id, rectified: true, photos: ['cloud://env/v.jpg'] }, V2),
      'FORBIDDEN',
    );
    const revisit = ok(await knock(V1, VILLAGER1_HH, '2025-03-12T10:00:00+08:00'));
    const verified = ok(
      await call<HazardView>(
        'verifyHazard',
        { hazardId: ebike.id, visitId: revisit.visit.id, rectified: true, photos: ['cloud://env/v.jpg'] },
        V1,
      ),
    );
    expect(verified).toMatchObject({ status: 'verified', unverified: false, overdue: false, verifyPhotos: ['cloud://env/v.jpg'] });
    refused(
      await call('verifyHazard', { hazardId: ebike.id, visitId: revisit.visit.id, rectified: true, photos: ['cloud://env/v.jpg'] }, V1),
      'CONFLICT',
    );

    // the wiring hazard was never fixed: overdue only after deadline (end of 03-10) + 3 days
    b.setClock('2025-03-13T23:30:00+08:00');
    duties = ok(await call('listMyHazardDuties', {}, V1));
    expect(duties.items.find((h) => h.id === wiring.id)).toMatchObject({ overdue: false, unverified: true });
    type Numbers = { villageId: string; found: number; rectified: number; open: number; overdue: number }[];
    const numbersBefore = ok(await call<Numbers>('hazardNumbersByVillage', {}, 'demo-office'));
    b.setClock('2025-03-14T00:30:00+08:00');
    duties = ok(await call('listMyHazardDuties', {}, V1));
    expect(duties.items[0]).toMatchObject({ id: wiring.id, overdue: true });
    expect(duties.overdue).toBe(1);
    expect(duties.items.some((h) => h.id === ebike.id)).toBe(false);
    const mine = ok(await call<MyHouseholdsResult>('myHouseholds', {}, V1));
    expect(mine.items[0]).toMatchObject({ householdId: VILLAGER1_HH, overdueHazards: 1 });
    // …and in the township's numbers: the same hazards, one more of them overdue
    const numbers = ok(await call<Numbers>('hazardNumbersByVillage', {}, 'demo-office'));
    const v1 = (list: Numbers) => list.find((n) => n.villageId === 'demo-village-1')!;
    expect(v1(numbers)).toEqual({ ...v1(numbersBefore), overdue: v1(numbersBefore).overdue + 1 });
    expect(v1(numbers).rectified).toBeGreaterThanOrEqual(1);
    refused(await call('hazardNumbersByVillage', {}, V1), 'FORBIDDEN');

    // not rectified on a re-visit: a new deadline, still a duty, no longer overdue
    const again = ok(await knock(V1, VILLAGER1_HH, '2025-03-14T10:00:00+08:00'));
    refused(
      await call(
        'verifyHazard',
        { hazardId: wiring.id, visitId: again.visit.id, rectified: false, photos: ['cloud://env/w.jpg'], newDeadline: '2025-03-13' },
        V1,
      ),
      'DEADLINE_IN_PAST',
    );
    refused(
      await call('verifyHazard', { hazardId: wiring.id, visitId: again.visit.id, rectified: false, photos: ['cloud://env/w.jpg'] }, V1),
      'INVALID_INPUT',
    );
    const notYet = ok(
      await call<HazardView>(
        'verifyHazard',
        { hazardId: wiring.id, visitId: again.visit.id, rectified: false, photos: ['cloud://env/w.jpg'], newDeadline: '2025-03-20' },
        V1,
      ),
    );
    expect(notYet).toMatchObject({ status: 'notRectified', unverified: true, overdue: false, deadlineDay: '2025-03-20' });
    expect(b.docs('audit', { action: 'verifyHazard', docId: wiring.id })).toHaveLength(1);
  });
});

describe('inbox and subscription credits', () => {
  it('lists own entries, marks them read, and counts one credit per tap per template', async () => {
    b.setClock('2025-03-15T09:00:00+08:00');
    const page = ok(await call<InboxPage>('listInbox', { unreadOnly: true }, V1));
    expect(page.unread).toBeGreaterThan(0);
    const ids = page.items.map((i) => i.id);
    expect(ok(await call('markRead', { ids }, VILLAGER1))).toMatchObject({ updated: 0 });
    expect(ok(await call('markRead', { ids }, V1))).toEqual({ updated: ids.length, unread: 0 });
    expect(ok(await call<InboxPage>('listInbox', {}, V1)).items.every((i) => i.readAt !== null)).toBe(true);
    refused(await call('markRead', {}, V1), 'INVALID_INPUT');
    refused(await call('listInbox', {}, 'stranger-openid'), 'UNAUTHENTICATED');

    ok(await call('optInSubscribe', { templates: ['visitReminder', 'caseNotice'] }, V1));
    const tap = { templates: ['visitReminder'], idempotencyKey: 'subscribe-tap-0001' };
    ok(await call('optInSubscribe', tap, V1));
    const retried = ok(await call('optInSubscribe', tap, V1));
    expect(retried).toEqual({ credits: { visitReminder: 2, caseNotice: 1 } });
    expect(b.docs('subscriptions', { _id: 'person-demo-visitor-1' })[0].credits).toEqual({ visitReminder: 2, caseNotice: 1 });
    refused(await call('optInSubscribe', { templates: ['spam'] }, V1), 'INVALID_INPUT');
  });
});

describe('adding and removing periods (issue 11): closed periods and periods with visits stay', () => {
  it('adds a period with its month as key, removes it again; refuses the closed, the visited and the past, writing nothing', async () => {
    b.setClock('2025-02-25T09:00:00+08:00');
    const keysOf = () => (b.docs('campaigns', { _id: SEED })[0].periods as { key: string }[]).map((p) => p.key);
    const original = keysOf();
    const before = () => [JSON.stringify(b.docs('campaigns', { _id: SEED })[0].periods), b.docs('audit').length];
    const untouched = before();
    expect(b.docs('visits', { campaignId: SEED, periodKey: '2025-02' }).length).toBeGreaterThan(0);

    expect(refused(await call('removePeriod', { campaignId: SEED, periodKey: 'first-round' }, 'demo-office'), 'PERIOD_CLOSED')).toContain(
      '第一轮敲门行动',
    );
    expect(refused(await call('removePeriod', { campaignId: SEED, periodKey: '2025-02' }, 'demo-office'), 'PERIOD_HAS_VISITS')).toMatch(
      /已有\d+次走访记录/,
    );
    // the whole-list edit obeys the same rule
    const withoutFeb = b.docs('campaigns', { _id: SEED })[0].periods.filter((p: { key: string }) => p.key !== '2025-02');
    refused(await call('updateCampaign', { campaignId: SEED, periods: withoutFeb }, 'demo-office'), 'PERIOD_HAS_VISITS');
    const october = { campaignId: SEED, label: '补充时段', startDay: '2024-10-01', endDay: '2024-10-31', quota: 1 };
    refused(await call('addPeriod', october, 'demo-office'), 'PERIOD_CLOSED');
    const overlap = { campaignId: SEED, label: '三月下旬', startDay: '2025-03-20', endDay: '2025-04-10', quota: 1 };
    expect(refused(await call('addPeriod', overlap, 'demo-office'), 'CAMPAIGN_INVALID')).toContain('重叠');
    refused(await call('removePeriod', { campaignId: SEED, periodKey: 'no-such' }, 'demo-office'), 'NOT_FOUND');
    refused(await call('addPeriod', { ...overlap, startDay: '2025-04-01' }, V1), 'FORBIDDEN');
    expect(before()).toEqual(untouched);

    const april = { campaignId: SEED, label: '2025年4月', startDay: '2025-04-01', endDay: '2025-04-30', quota: 2 };
    const added = ok(
      await b.call<CampaignView>('visit', { action: 'addPeriod', ...april, idempotencyKey: 'add-april-2025' }, 'demo-office'),
    );
    expect(added.periods.at(-1)).toMatchObject({ key: '2025-04', label: '2025年4月', state: 'upcoming', stateLabel: '未开始', quota: 2 });
    // a resend of the same tap adds nothing more
    ok(await b.call('visit', { action: 'addPeriod', ...april, idempotencyKey: 'add-april-2025' }, 'demo-office'));
    expect(keysOf()).toEqual([...original, '2025-04']);
    const half = { campaignId: SEED, label: '5月上半月', startDay: '2025-05-01', endDay: '2025-05-15', quota: 1 };
    expect(ok(await call<CampaignView>('addPeriod', half, 'demo-office')).periods.at(-1)!.key).toBe('p-2025-05-01');
    expect(b.docs('audit', { action: 'addPeriod', docId: SEED })).toHaveLength(2);

    for (const periodKey of ['2025-04', 'p-2025-05-01']) ok(await call('removePeriod', { campaignId: SEED, periodKey }, 'demo-office'));
    expect(keysOf()).toEqual(original);
    const removal = b.docs('audit', { action: 'removePeriod', docId: SEED });
    expect(removal).toHaveLength(2);
    expect(removal[0].before.periods.map((p: { key: string }) => p.key)).toContain('2025-04');
  });

  it('key dates are edited as data beside the phases; one ending before it starts is refused', async () => {
    b.setClock('2025-02-25T09:00:00+08:00');
    const seed = ok(await call<CampaignView>('getCampaign', { campaignId: SEED }, 'demo-office'));
    expect(seed.keyDates.map((k) => k.name)).toContain('全国两会');
    expect(seed.currentPhase?.name).toBe('全面行动阶段');
    const bad = [...seed.keyDates, { name: '庙会', startDay: '2025-03-02', endDay: '2025-03-01' }];
    expect(refused(await call('updateCampaign', { campaignId: SEED, keyDates: bad }, 'demo-office'), 'CAMPAIGN_INVALID')).toContain('庙会');
    const fair = [...seed.keyDates, { name: '庙会', startDay: '2025-02-25', endDay: '2025-02-26' }];
    const updated = ok(await call<CampaignView>('updateCampaign', { campaignId: SEED, keyDates: fair }, 'demo-office'));
    expect(updated.currentKeyDate?.name).toBe('庙会');
    expect(updated.phases).toEqual(seed.phases);
    ok(await call('updateCampaign', { campaignId: SEED, keyDates: seed.keyDates }, 'demo-office'));
  });
});
