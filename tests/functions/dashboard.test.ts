// The township dashboard through the real escalation function, on the demo township.
import { startBackend, type Backend } from '../helpers/backend';

let backend: Backend;
beforeAll(async () => {
  backend = await startBackend({ demo: true });
});
afterAll(() => backend.stop());

test('per village: households, grids, visitors, completion this period, weekly contact rate, hazards; scoped by role', async () => {
  backend.setClock('2026-12-07T10:00:00+08:00');
  const visitorHouseholds = backend
    .docs('assignments', { visitorPersonId: 'person-demo-visitor-1', validTo: null })
    .map((a) => a.householdId as string);
  for (const householdId of visitorHouseholds.slice(0, 2)) {
    for (const at of ['2026-12-01T10:00:00+08:00', '2026-12-08T10:00:00+08:00']) {
      backend.setClock(at);
      const r = await backend.call(
        'visit',
        {
          action: 'recordVisit',
          householdId,
          templateId: 'residential-default',
          answers: [{ key: 'gas', answer: 'ok' }],
          education: { noticeHandedOver: true, sanQingSanGuanExplained: true },
        },
        'demo-visitor-1',
      );
      expect(r.ok).toBe(true);
    }
  }
  const board = await backend.call<any>('grid', { action: 'weeklyBoard' }, 'demo-leader-1');
  expect(board.ok).toBe(true);
  const firstHousehold = (board as any).data.households[0].householdId;
  expect((await backend.call('grid', { action: 'confirmContact', householdId: firstHousehold, method: 'phone' }, 'demo-leader-1')).ok).toBe(
    true,
  );

  const res = await backend.call<any>('escalation', { action: 'dashboard' }, 'demo-office');
  if (!res.ok) throw new Error(res.message);
  expect(res.data.periodLabel).toBe('2026年12月');
  const v1 = res.data.villages.find((v: any) => v.villageId === 'demo-village-1');
  const households = backend.docs('households', { villageId: 'demo-village-1', active: true }).length;
  expect(v1).toMatchObject({ households, grids: backend.docs('grids', { villageId: 'demo-village-1' }).length, householdsDone: 2 });
  expect(v1.completionPct).toBeCloseTo((2 / v1.householdsHeld) * 100, 1);
  expect(v1.weeklyContactPct).toBeCloseTo((1 / households) * 100, 1);
  expect(res.data.villages).toHaveLength(3);
  // each visitor's share of visits without proof of presence (the demo visits had none: card QR or GPS not sent)
  expect(res.data.visitorProof).toEqual([
    { visitorPersonId: 'person-demo-visitor-1', visitorName: expect.any(String), visits: 4, unproven: 4, unprovenPct: 100 },
  ]);
  // a liaison sees only their village; a visitor is refused
  const liaison = await backend.call<any>('escalation', { action: 'dashboard' }, 'demo-liaison-2');
  expect(liaison.ok && liaison.data.villages.map((v: any) => v.villageId)).toEqual(['demo-village-2']);
  expect(liaison.ok && liaison.data.visitorProof).toBeUndefined();
  expect(await backend.call('escalation', { action: 'dashboard' }, 'demo-visitor-1')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
});
