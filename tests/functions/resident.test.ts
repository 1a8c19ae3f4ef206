// Villagers' and grid leaders' hazard reports (SPEC §6): routed to the household's visitor with a deadline, or to the
// village liaison for a public place; listed back to the reporter with their status; refusals with codes.
import { startBackend, type Backend } from '../helpers/backend';
import type { Result } from '../../typings/result';
import type { MyReports, ReportFormOptions, ResidentReportView } from '../../typings/resident';

function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`);
  return r.data;
}

let b: Backend;
const call = <T = any>(action: string, event: Record<string, unknown>, openid: string | null) =>
  b.call<T>('resident', { action, ...event }, openid);

beforeAll(async () => {
  b = await startBackend({ demo: true });
  b.setClock('2026-04-01T09:00:00+08:00');
});
afterAll(async () => {
  await b?.stop();
});

describe('reportHazard', () => {
  it('a villager reports for their own household: routed to its visitor with a 7-day deadline, once per idempotency key', async () => {
    const event = {
      category: 'electrical',
      description: '厨房插座发烫，电线外皮开裂',
      photos: ['cloud://env/r1.jpg'],
      idempotencyKey: 'report-key-0001',
    };
    const first = ok(await call<ResidentReportView>('reportHazard', event, 'demo-villager-1'));
    const again = ok(await call<ResidentReportView>('reportHazard', event, 'demo-villager-1'));
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({
      source: 'villager',
      category: '电气线路',
      categoryKey: 'electrical',
      route: 'visitor',
      status: 'open',
      deadlineDay: '2026-04-08',
      place: '三江村一组5号',
    });
    const h = b.docs('hazards', { _id: first.id })[0];
    expect(h).toMatchObject({
      householdId: 'demo-hh-1-1-02',
      visitorPersonId: 'person-demo-visitor-1',
      reporterPersonId: 'person-demo-villager-1',
    });
    expect(b.docs('inbox', { _id: `hazard-report:${first.id}:person-demo-visitor-1` })).toHaveLength(1);
    // the visitor sees it among their duties, the villager on their household's list
    const duties = ok(await b.call<any>('visit', { action: 'listMyHazardDuties' }, 'demo-visitor-1'));
    expect(duties.items.map((i: any) => i.id)).toContain(first.id);
  });

  it('a public place goes to the village liaison; a grid leader may report for a household of their grid', async () => {
    const pub = ok(
      await call<ResidentReportView>(
        'reportHazard',
        { category: 'clutter', description: '祠堂门口堆满柴草', photos: [], publicPlace: '三江村祠堂' },
        'demo-villager-1',
      ),
    );
    expect(pub).toMatchObject({ route: 'liaison', place: '三江村祠堂', villageName: '三江村' });
    expect(b.docs('hazards', { _id: pub.id })[0].liaisonPersonId).toBe('person-demo-liaison-1');
    const led = ok(
      await call<ResidentReportView>(
        'reportHazard',
        { category: 'gas', description: '液化气瓶放在灶台下', photos: [], householdId: 'demo-hh-1-1-05' },
        'demo-leader-1',
      ),
    );
    expect(led.route).toBe('visitor');
  });

  it('refusals: ten photos, another grid, a visitor; each with a code and a Chinese message', async () => {
    const ten = Array.from({ length: 10 }, (_, i) => `cloud://env/${i}.jpg`);
    expect(await call('reportHazard', { category: 'gas', description: '漏气', photos: ten }, 'demo-villager-1')).toMatchObject({
      ok: false,
      code: 'TOO_MANY_PHOTOS',
      field: 'photos',
    });
    expect(
      await call('reportHazard', { category: 'gas', description: '漏气', photos: [], householdId: 'demo-hh-2-1-03' }, 'demo-leader-1'),
    ).toMatchObject({ ok: false, code: 'NOT_IN_RANGE' });
    expect(await call('reportHazard', { category: 'gas', description: '漏气', photos: [] }, 'demo-visitor-1')).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await call('reportHazard', { category: 'fire', description: '漏气', photos: [] }, 'demo-villager-1')).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'category',
    });
  });

  it('listMyReports shows only the caller’s own reports with their status', async () => {
    const mine = ok(await call<MyReports>('listMyReports', {}, 'demo-villager-1'));
    expect(mine.total).toBe(2);
    expect(mine.items.every((i) => i.statusLabel === '待整改')).toBe(true);
    expect(ok(await call<MyReports>('listMyReports', {}, 'demo-villager-2')).total).toBe(0);
  });

  it('the liaison verifies a report routed to them; form options list the categories', async () => {
    const routed = ok(await call<any>('listRoutedReports', {}, 'demo-liaison-1'));
    expect(routed.total).toBe(1);
    const id = routed.items[0].id;
    expect(await call('verifyRoutedReport', { hazardId: id, rectified: true, photos: [] }, 'demo-liaison-2')).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    const v = ok(
      await call<ResidentReportView>(
        'verifyRoutedReport',
        { hazardId: id, rectified: true, photos: ['cloud://env/ok.jpg'] },
        'demo-liaison-1',
      ),
    );
    expect(v.status).toBe('verified');
    const opts = ok(await call<ReportFormOptions>('reportFormOptions', {}, 'demo-villager-1'));
    expect(opts.categories.map((c) => c.key)).toEqual([
      'electrical',
      'gas',
      'clutter',
      'heating',
      'smokedMeat',
      'ebikeCharging',
      'stove',
      'smokeDetector',
      'other',
    ]);
    expect(opts).toMatchObject({ maxPhotos: 9, dailyWhistleLimit: 3, households: [{ id: 'demo-hh-1-1-02', address: '三江村一组5号' }] });
  });
});
