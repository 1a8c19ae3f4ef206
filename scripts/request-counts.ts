// Database requests per action, counted at the emulator's /admin for the ten most frequent actions (issue 14), in the
// demo township on the virtual clock. Used by `npm run bench` (printed) and by tests (recordVisit ≤ 5, none above 6).
import type { Emulator } from '../emulator';

export interface RequestCount {
  action: string;
  requests: number;
  /** of which CloudBase bills as reads and as writes */
  reads: number;
  writes: number;
  /** the invocation's run time as CloudBase bills it (steps of 100 ms) */
  billedMs: number;
  ok: boolean;
  code?: string;
}

interface Caller {
  emulator: Emulator;
  call(fn: string, event: Record<string, unknown>, openid: string | null): Promise<{ ok: boolean; data?: any; code?: string }>;
}

const EDU = { noticeHandedOver: true, sanQingSanGuanExplained: true };

/** Play the ten actions once each (a warm function instance: each function is called once before it is counted). */
export async function countFrequentActions(b: Caller, setClock: (iso: string) => void): Promise<RequestCount[]> {
  const stats = b.emulator.database.stats;
  const out: RequestCount[] = [];
  const measure = async (label: string, fn: string, event: Record<string, unknown>, openid: string) => {
    const before = { ...stats };
    const ms = b.emulator.runner.stats.billedMs;
    const res = await b.call(fn, event, openid);
    out.push({
      action: label,
      requests: stats.requests - before.requests,
      reads: stats.reads - before.reads,
      writes: stats.writes - before.writes,
      billedMs: b.emulator.runner.stats.billedMs - ms,
      ok: res.ok,
      ...(res.ok ? {} : { code: res.code }),
    });
    return res;
  };
  setClock('2026-12-07T10:00:00+08:00');
  // warm every function used (module load, SDK init), as a warm instance in production
  for (const [fn, action, openid] of [
    ['visit', 'listCampaigns', 'demo-office'],
    ['grid', 'listWeeks', 'demo-leader-1'],
    ['org', 'me', 'demo-office'],
    ['household', 'myHousehold', 'demo-villager-1'],
    ['escalation', 'myCases', 'demo-visitor-1'],
  ] as const) {
    await b.call(fn, { action }, openid);
  }
  // the same submission twice: the second is the phone's resend after a dropped reply
  const visitEvent = {
    action: 'recordVisit',
    idempotencyKey: 'count-visit-0001',
    householdId: 'demo-hh-1-1-02',
    templateId: 'residential-default',
    education: EDU,
    answers: [
      { key: 'electricalWiring', answer: 'ok' },
      { key: 'gas', answer: 'ok' },
    ],
  };
  const visit = await measure('visit.recordVisit', 'visit', visitEvent, 'demo-visitor-1');
  await measure('visit.recordVisit (resend)', 'visit', visitEvent, 'demo-visitor-1');
  const withHazard = await measure(
    'visit.recordVisit (one hazard)',
    'visit',
    {
      action: 'recordVisit',
      idempotencyKey: 'count-visit-0002',
      householdId: 'demo-hh-1-1-02',
      templateId: 'residential-default',
      education: EDU,
      answers: [
        { key: 'ebikeCharging', answer: 'hazard', note: '电动车在堂屋内充电', deadline: '2026-12-20' },
        { key: 'gas', answer: 'ok' },
      ],
    },
    'demo-visitor-1',
  );
  await measure(
    'grid.confirmContact',
    'grid',
    { action: 'confirmContact', householdId: 'demo-hh-1-1-03', method: 'phone' },
    'demo-leader-1',
  );
  await measure('org.listHouseholds', 'org', { action: 'listHouseholds', pageSize: 20 }, 'demo-visitor-1');
  await measure('visit.myHouseholds', 'visit', { action: 'myHouseholds', page: 1, pageSize: 20 }, 'demo-visitor-1');
  await measure('visit.listInbox', 'visit', { action: 'listInbox' }, 'demo-visitor-1');
  const hazardId = (withHazard.data as { hazards?: { id: string }[] } | undefined)?.hazards?.[0]?.id ?? 'none';
  setClock('2026-12-08T10:00:00+08:00');
  await measure(
    'visit.claimRectification',
    'visit',
    { action: 'claimRectification', hazardId, photos: ['cloud://env/c.jpg'] },
    'demo-villager-1',
  );
  setClock('2026-12-15T10:00:00+08:00');
  const revisit = await b.call(
    'visit',
    {
      action: 'recordVisit',
      householdId: 'demo-hh-1-1-02',
      templateId: 'residential-default',
      education: EDU,
      answers: [{ key: 'gas', answer: 'ok' }],
    },
    'demo-visitor-1',
  );
  await measure(
    'visit.verifyHazard',
    'visit',
    {
      action: 'verifyHazard',
      hazardId,
      visitId: (revisit.data as { visit?: { id: string } } | undefined)?.visit?.id ?? 'none',
      rectified: true,
      photos: ['cloud://env/v.jpg'],
    },
    'demo-visitor-1',
  );
  await measure('household.myHousehold (villager home)', 'household', { action: 'myHousehold' }, 'demo-villager-1');
  await measure('grid.weeklyBoard (leader board)', 'grid', { action: 'weeklyBoard' }, 'demo-leader-1');
  await measure('escalation.dashboard (office)', 'escalation', { action: 'dashboard' }, 'demo-office');
  void visit;
  return out;
}
