// The `household` function end to end (real wx-server-sdk, real emulator, the demo township): a villager's own household
// and grid with masked phones and call numbers only where allowed, the 告知书 signature, the 三清三关 self-check.
import { startBackend, type Backend } from '../helpers/backend';
import type { Result } from '../../typings/result';
import type { AcknowledgementView, MyHouseholdView, NoticeView, SelfCheckView } from '../../typings/household';
import { seedNoticeItems } from '../helpers/seedNotice';

let b: Backend;
const V1 = 'demo-villager-1';
const V1_HH = 'demo-hh-1-1-02';
const call = <T = any>(action: string, event: Record<string, unknown>, openid: string | null, key?: string) =>
  b.call<T>('household', key ? { action, ...event, idempotencyKey: key } : { action, ...event }, openid);

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
const ALL_YES = { passageClear: true, balconyClear: true, kitchenClear: true, powerOff: true, gasOff: true, doorsWindowsClosed: true };

beforeAll(async () => {
  b = await startBackend({ demo: true });
});
afterAll(async () => {
  await b?.stop();
});

describe('myHousehold', () => {
  it('shows my household, grid leader and visitor with masked phones and call numbers for those two only', async () => {
    const v = ok(await call<MyHouseholdView>('myHousehold', {}, V1));
    expect(v.household).toMatchObject({ id: V1_HH, villageName: expect.any(String), gridName: '第1微网格' });
    const leader = b.docs('persons', { openid: 'demo-leader-1' })[0];
    expect(v.grid.leaders).toEqual([
      {
        personId: leader._id,
        name: leader.name,
        phoneMasked: `${leader.phone.slice(0, 3)}****${leader.phone.slice(-4)}`,
        callNumber: leader.phone,
      },
    ]);
    const visitor = b.docs('persons', { openid: 'demo-visitor-1' })[0];
    expect(v.visitors.map((p) => [p.name, p.callNumber])).toEqual([[visitor.name, visitor.phone]]);
    expect(v.visitors[0].phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
    for (const m of v.members) expect(m.phoneMasked === null || /^\d{3}\*{4}\d{4}$/.test(m.phoneMasked)).toBe(true);
    expect(JSON.stringify(v.members)).not.toMatch(/1380000\d{4}/);
    expect(v.notice.acknowledgedAt).toBeNull();
    expect(v.card).toBeNull();
  });

  it('with the card: the household QR (same scene as visit.getHouseholdCard)', async () => {
    const v = ok(await call<MyHouseholdView>('myHousehold', { withCard: true }, V1));
    const card = ok(await b.call<{ scene: string }>('visit', { action: 'getHouseholdCard', householdId: V1_HH }, V1));
    expect(v.card).toMatchObject({ scene: card.scene, page: 'pages/card/index' });
    expect(v.card!.qrFileId).toBeTruthy();
  });

  it('a grid leader sees no call button for themselves', async () => {
    const v = ok(await call<MyHouseholdView>('myHousehold', {}, 'demo-leader-1'));
    expect(v.grid.leaders[0].callNumber).toBeNull();
    expect(v.grid.leaders[0].phoneMasked).toMatch(/\*{4}/);
  });

  it('refuses other roles, another household and anonymous callers', async () => {
    refused(await call('myHousehold', {}, 'demo-office'), 'FORBIDDEN');
    refused(await call('myHousehold', { householdId: 'demo-hh-1-1-03' }, V1), 'FORBIDDEN');
    refused(await call('myHousehold', {}, null), 'UNAUTHENTICATED');
  });
});

describe('the 告知书', () => {
  it('has the 13 items of seed 001 附件1 word for word', async () => {
    const n = ok(await call<NoticeView>('getNotice', {}, V1));
    const seed = seedNoticeItems();
    expect(seed).toHaveLength(13);
    expect(n.items).toEqual(seed);
  });

  it('is signed once per person and version; a repeat returns the first signature and writes nothing', async () => {
    const { version } = ok(await call<NoticeView>('getNotice', {}, V1));
    refused(await call('acknowledgeNotice', { version: 'old' }, V1), 'CONFLICT');
    expect(b.docs('acknowledgements')).toHaveLength(0);
    b.setClock('2026-12-01T09:00:00+08:00');
    const first = ok(await call<AcknowledgementView>('acknowledgeNotice', { version }, V1));
    expect(first).toMatchObject({ version, householdId: V1_HH, created: true });
    expect(first.acknowledgedAt).toMatch(/^2026-12-01T01:00/);
    b.setClock('2026-12-02T09:00:00+08:00');
    const again = ok(await call<AcknowledgementView>('acknowledgeNotice', { version }, V1));
    expect(again).toEqual({ ...first, created: false });
    expect(b.docs('acknowledgements')).toHaveLength(1);
    expect(b.docs('audit', { action: 'household.acknowledgeNotice' })).toHaveLength(1);
    expect(ok(await call<MyHouseholdView>('myHousehold', {}, V1)).notice.acknowledgedAt).toBe(first.acknowledgedAt);
    b.setClock(null);
  });
});

describe('the 三清三关 self-check', () => {
  afterEach(() => b.setClock(null));

  it('one per household and day: the second the same day replaces the first; the next day is a new one', async () => {
    b.setClock('2026-12-03T08:00:00+08:00');
    const first = ok(await call<SelfCheckView>('selfCheck', { answers: { ...ALL_YES, gasOff: false } }, V1));
    expect(first).toMatchObject({ day: '2026-12-03', open: ['gasOff'], replaced: false });
    b.setClock('2026-12-03T23:30:00+08:00');
    const second = ok(await call<SelfCheckView>('selfCheck', { answers: ALL_YES }, V1));
    expect(second).toMatchObject({ day: '2026-12-03', open: [], replaced: true });
    expect(b.docs('selfChecks', { householdId: V1_HH })).toHaveLength(1);
    b.setClock('2026-12-04T00:30:00+08:00');
    ok(await call<SelfCheckView>('selfCheck', { answers: ALL_YES }, V1));
    expect(
      b
        .docs('selfChecks', { householdId: V1_HH })
        .map((d) => d.day)
        .sort(),
    ).toEqual(['2026-12-03', '2026-12-04']);
    expect(ok(await call<MyHouseholdView>('myHousehold', {}, V1)).selfCheckToday).toMatchObject({ day: '2026-12-04', open: [] });
  });

  it('a retry with the same key returns the first answer and writes nothing more', async () => {
    b.setClock('2026-12-05T08:00:00+08:00');
    const key = 'selfcheck-retry-0001';
    const first = ok(await call<SelfCheckView>('selfCheck', { answers: ALL_YES }, V1, key));
    const audits = b.docs('audit', { action: 'household.selfCheck' }).length;
    const again = ok(await call<SelfCheckView>('selfCheck', { answers: ALL_YES }, V1, key));
    expect(again).toEqual(first);
    expect(b.docs('audit', { action: 'household.selfCheck' })).toHaveLength(audits);
  });

  it('refuses a missing answer with a Chinese message naming the item, and other roles', async () => {
    const { passageClear: _p, ...missing } = ALL_YES;
    const msg = refused(await call('selfCheck', { answers: missing }, V1), 'INVALID_INPUT');
    expect(msg).toContain('通道清');
    refused(await call('selfCheck', { answers: ALL_YES }, 'demo-visitor-1'), 'FORBIDDEN');
  });
});
