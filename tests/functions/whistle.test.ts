// Anonymous whistle-blower reports 吹哨人 (seed 004 "完善火灾隐患'吹哨人'制度"), end to end on the demo township:
// the report reaches the right visitor with a deadline; no response of any action that returns hazards, for any role,
// contains anything that identifies the reporter; the daily limit holds and writes nothing when it refuses.
import { readFileSync } from 'fs';
import { join } from 'path';
import { StorageService } from '../../emulator/admin/storage';
import { startBackend, type Backend } from '../helpers/backend';
import { getDb } from '../../server/infra/cloud';
import { reporterHash } from '../../server/infra/whistleIdentity';
import { actions as visitActions } from '../../server/handlers/visit';
import { actions as residentActions } from '../../server/handlers/resident';
import { actions as gridActions } from '../../server/handlers/grid';
import { actions as escalationActions } from '../../server/handlers/escalation';
import type { Result } from '../../typings/result';
import type { WhistleReceipt, WhistleReports, WhistleStatusView } from '../../typings/resident';

function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`);
  return r.data;
}

const REPORTER = { openid: 'whistle-reporter-openid', personId: 'person-whistle-reporter', name: '吹哨测试员', phone: '13900007788' };
const TARGET_HH = 'demo-hh-1-1-02';
const VILLAGE_1 = 'demo-village-1';
const VISITOR_1 = 'person-demo-visitor-1';
const IDENTITIES: string[] = (
  JSON.parse(readFileSync(join(__dirname, '../../miniprogram/config/demo-identities.json'), 'utf8')) as { openid: string }[]
).map((i) => i.openid);

let b: Backend;
/** the keyed hash, computed inside the function environment (the local secret exists only there) */
const hashes = new Map<string, string>();
const hashOf = (openid: string) => hashes.get(openid)!;
const whistle = (event: Record<string, unknown>, openid: string | null = REPORTER.openid) =>
  b.call<WhistleReceipt>('resident', { action: 'whistleBlow', ...event }, openid);
/** what would identify the reporter (or lead back to a receipt) if a response carried it */
const reporterSecrets = () => [
  REPORTER.openid,
  REPORTER.personId,
  REPORTER.name,
  REPORTER.phone,
  hashOf(REPORTER.openid),
  'receiptHash',
  ...b.docs('hazards', { source: 'whistleblower' }).map((h) => h.receiptHash as string),
];
const report = {
  villageId: VILLAGE_1,
  householdId: TARGET_HH,
  category: 'ebikeCharging',
  description: '楼道里每晚给电动车充电，插线板拖在柴堆旁',
  photos: [] as string[],
};
/** a photo as the whistle page uploads it: into storage, under the whistle upload folder */
const uploadPhoto = (name: string): string => {
  b.emulator.store.putFile(`resident/whistle/${name}`, Buffer.from(`jpeg ${name}`), 'image/jpeg', Date.now());
  return StorageService.fileIdOf(`resident/whistle/${name}`);
};

beforeAll(async () => {
  b = await startBackend({ demo: true });
  b.setClock('2026-03-10T10:00:00+08:00');
  report.photos = [uploadPhoto('a.jpg')];
  for (const o of [REPORTER.openid, 'demo-villager-2']) hashes.set(o, await b.emulator.runner.runAsServer(async () => reporterHash(o)));
  // a bound member of the township with no household in the reports: any trace of them in a response is a leak
  await b.emulator.runner.runAsServer(async () => {
    await getDb()
      .collection('persons')
      .add({
        data: {
          _id: REPORTER.personId,
          townshipId: 'demo-township',
          name: REPORTER.name,
          phone: REPORTER.phone,
          openid: REPORTER.openid,
          active: true,
          grants: [{ role: 'helper', scopeType: 'township', scopeId: 'demo-township', townshipId: 'demo-township' }],
          createdAt: new Date(),
          updatedAt: new Date(),
        },
      });
  });
});
afterAll(async () => {
  await b?.stop();
});

describe('a whistle-blower report', () => {
  let receipt: string;
  let hazardId: string;

  it('reaches the household visitor with a 7-day deadline, and stores no reporter field', async () => {
    const r = ok(await whistle(report, REPORTER.openid));
    receipt = r.receipt;
    expect(receipt).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(r.deadlineDay).toBe('2026-03-17');
    const [h] = b.docs('hazards', { source: 'whistleblower' });
    hazardId = h._id;
    expect(h).toMatchObject({
      householdId: TARGET_HH,
      villageId: VILLAGE_1,
      visitorPersonId: VISITOR_1,
      status: 'open',
      category: '电动车充电',
    });
    expect(new Date(h.deadline).toISOString()).toBe(new Date(new Date('2026-03-18T00:00:00+08:00').getTime() - 1).toISOString());
    const stored = JSON.stringify(h);
    for (const secret of [REPORTER.openid, REPORTER.personId, REPORTER.name, REPORTER.phone, hashOf(REPORTER.openid)])
      expect(stored).not.toContain(secret);
    expect(Object.keys(h).filter((k) => /reporter|openid|actor/i.test(k))).toEqual([]);
    // the audit record has no actor and no receipt hash
    const audit = b.docs('audit', { docId: hazardId });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorPersonId: null, actorOpenid: null, actorName: null });
    expect(JSON.stringify(audit[0])).not.toContain(h.receiptHash);
    // the visitor is told, in their inbox
    expect(b.docs('inbox', { personId: VISITOR_1, kind: 'hazard' }).map((e) => e._id)).toContain(`hazard-report:${hazardId}:${VISITOR_1}`);
    // the only trace of the reporter: the keyed hash and the day, with a count
    expect(b.docs('whistleLimits')).toEqual([{ _id: `${hashOf(REPORTER.openid)}:2026-03-10`, day: '2026-03-10', count: 1 }]);
  });

  it('the reporter follows it by receipt, even anonymously; a wrong receipt finds nothing', async () => {
    const s = ok(
      await b.call<WhistleStatusView>('resident', { action: 'whistleStatus', receipt: receipt.toLowerCase().replace(/-/g, ' ') }, null),
    );
    expect(s).toMatchObject({ status: 'open', deadlineDay: '2026-03-17', villageName: '三江村', category: '电动车充电' });
    const wrong = await b.call('resident', { action: 'whistleStatus', receipt: 'ZZZZ-ZZZZ-ZZZZ' }, null);
    expect(wrong).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('follows the visit hazards lifecycle: the villager claims, the visitor verifies on a re-visit', async () => {
    b.setClock('2026-03-12T10:00:00+08:00');
    ok(await b.call('visit', { action: 'claimRectification', hazardId, photos: ['cloud://env/fix.jpg'] }, 'demo-villager-1'));
    b.setClock('2026-03-13T10:00:00+08:00');
    const visit = ok(
      await b.call<any>(
        'visit',
        {
          action: 'recordVisit',
          householdId: TARGET_HH,
          templateId: 'residential-default',
          answers: [{ key: 'gas', answer: 'ok' }],
          education: { noticeHandedOver: true, sanQingSanGuanExplained: true },
        },
        'demo-visitor-1',
      ),
    );
    ok(
      await b.call(
        'visit',
        { action: 'verifyHazard', hazardId, visitId: visit.visit.id, rectified: true, photos: ['cloud://env/check.jpg'] },
        'demo-visitor-1',
      ),
    );
    const s = ok(await b.call<WhistleStatusView>('resident', { action: 'whistleStatus', receipt }, null));
    expect(s).toMatchObject({ status: 'verified', verifiedDay: '2026-03-13' });
  });

  it('no response of any hazard-returning action, for any role, identifies the reporter', async () => {
    // a second, still open report routed to the liaison (no household), so the liaison/office lists have one too
    ok(await whistle({ villageId: VILLAGE_1, place: '三江村村口小卖部后面', category: 'clutter', description: '柴草堆在电表箱下面' }));
    const [liaisonReport] = b.docs('hazards', { source: 'whistleblower', householdId: null });
    expect(liaisonReport.liaisonPersonId).toBe('person-demo-liaison-1');
    const forbidden = reporterSecrets();

    const args: Record<string, Record<string, unknown>> = {
      listHouseholdHazards: { householdId: TARGET_HH },
      claimRectification: { hazardId, photos: ['cloud://env/x.jpg'] },
      verifyHazard: { hazardId, visitId: 'none', rectified: true, photos: ['cloud://env/x.jpg'] },
      verifyRoutedReport: { hazardId: liaisonReport._id, rectified: false, newDeadline: '2026-03-30', photos: [] },
      whistleStatus: { receipt },
      weeklyBoard: { gridId: 'demo-grid-1-1' },
      villageWeek: { villageId: VILLAGE_1 },
      myHouseholds: {},
      listInbox: {},
    };
    // writes that would change the demo are sent with inputs they refuse (or as the wrong role) — the response is what is checked
    const skip = new Set([
      'whistleBlow',
      'reportHazard',
      'recordVisit',
      'createCampaign',
      'updateCampaign',
      'confirmContact',
      'fileWeeklyReport',
      'runWeeklyClose',
      'runEscalation',
      'scheduleInterview',
      'recordInterview',
      'closeCase',
      'exemptVisitor',
      'markRead',
      'optInSubscribe',
    ]);
    const tables: [string, Record<string, unknown>][] = [
      ['visit', visitActions],
      ['resident', residentActions],
      ['grid', gridActions],
      ['escalation', escalationActions],
    ];
    let calls = 0;
    let oks = 0;
    for (const openid of [...IDENTITIES, REPORTER.openid, null]) {
      for (const [fn, table] of tables) {
        for (const action of Object.keys(table)) {
          if (skip.has(action)) continue;
          const res = await b.call(fn, { action, ...(args[action] ?? {}) }, openid);
          calls += 1;
          if (res.ok) oks += 1;
          const text = JSON.stringify(res);
          for (const f of forbidden) {
            if (text.includes(f)) throw new Error(`${fn}.${action} as ${openid} leaks "${f}": ${text.slice(0, 300)}`);
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(300);
    expect(oks).toBeGreaterThan(60);
    // the routed visitor's and the liaison's lists really do contain the reports
    const routed = ok(await b.call<any>('resident', { action: 'listRoutedReports', openOnly: false }, 'demo-liaison-1'));
    expect(routed.items.map((i: any) => i.id)).toContain(liaisonReport._id);
    const household = ok(await b.call<any>('visit', { action: 'listHouseholdHazards', householdId: TARGET_HH }, 'demo-villager-1'));
    expect(household.items.map((i: any) => i.id)).toContain(hazardId);
  });

  it('the office oversees every report of its township, wherever it was routed, never with the reporter', async () => {
    // issue 11: the office saw 0 reports while the liaison saw its own, because the office's only list was of reports
    // routed to the office (a village without a liaison); every demo village has one
    expect(ok(await b.call<any>('resident', { action: 'listRoutedReports', openOnly: false }, 'demo-office')).total).toBe(0);
    const all = ok(await b.call<WhistleReports>('resident', { action: 'listWhistleReports' }, 'demo-office'));
    const stored = b.docs('hazards', { source: 'whistleblower' });
    expect(all.items.map((i) => i.id).sort()).toEqual(stored.map((h) => h._id).sort());
    expect(all.items.find((i) => i.id === hazardId)).toMatchObject({
      route: 'visitor',
      handlerName: '向建军',
      status: 'verified',
      villageName: '三江村',
      photos: [expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\//)],
    });
    expect(all.items.find((i) => i.route === 'liaison')).toMatchObject({ handlerName: '张秀兰', place: '三江村村口小卖部后面' });
    expect(all.open).toBe(stored.filter((h) => h.status !== 'verified').length);
    const open = ok(await b.call<WhistleReports>('resident', { action: 'listWhistleReports', openOnly: true }, 'demo-office'));
    expect(open.items.every((i) => i.status !== 'verified')).toBe(true);
    expect(open.total).toBe(all.open);
    const text = JSON.stringify([all, open]);
    for (const secret of [...reporterSecrets(), 'reporter']) expect(text).not.toContain(secret);
    // oversight is the office's: the liaison keeps its routed list, the discipline office and a visitor are refused
    for (const openid of ['demo-liaison-1', 'demo-discipline', 'demo-visitor-1'])
      expect(await b.call('resident', { action: 'listWhistleReports' }, openid)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

let photoSeq = 0;
/** a report with its own freshly uploaded photo: the function consumes the upload it copies */
const fresh = () => ({ ...report, photos: [uploadPhoto(`limit-${++photoSeq}.jpg`)] });

describe('the daily limit', () => {
  it('allows 3 a day per reporter, refuses the 4th with RATE_LIMITED writing nothing, and resets the next CST day', async () => {
    b.setClock('2026-03-20T23:00:00+08:00');
    const who = 'demo-villager-2';
    const retryKey = 'whistle-retry-0001';
    const firstReport = fresh();
    const first = ok(await b.call<WhistleReceipt>('resident', { action: 'whistleBlow', idempotencyKey: retryKey, ...firstReport }, who));
    // a retried submission returns the same receipt and does not count again
    const retried = ok(await b.call<WhistleReceipt>('resident', { action: 'whistleBlow', idempotencyKey: retryKey, ...firstReport }, who));
    expect(retried.receipt).toBe(first.receipt);
    ok(await whistle(fresh(), who));
    ok(await whistle(fresh(), who));
    const before = ['hazards', 'audit', 'inbox', 'whistleLimits', 'idempotency'].map((c) => b.docs(c).length);
    const refusedReport = fresh();
    const fourth = await whistle(refusedReport, who);
    expect(fourth).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    if (!fourth.ok) expect(fourth.message).toMatch(/每人每天最多匿名举报3条/);
    expect(['hazards', 'audit', 'inbox', 'whistleLimits', 'idempotency'].map((c) => b.docs(c).length)).toEqual(before);
    // the refused report's upload stays where it was (nothing copied, nothing deleted)
    expect(b.emulator.store.getFile(refusedReport.photos[0].replace(/^cloud:\/\/[^/]+\//, ''))).toBeDefined();
    // another reporter is not affected
    ok(await whistle(fresh(), 'demo-villager-3'));
    // 00:30 CST next day is a new day, whatever the host's zone
    b.setClock('2026-03-21T00:30:00+08:00');
    ok(await whistle(fresh(), who));
    expect(b.docs('whistleLimits', { _id: `${hashOf(who)}:2026-03-20` })[0].count).toBe(3);
  });

  it('an unbound caller cannot blow the whistle (the township must be known); a photo past nine is refused', async () => {
    expect(await whistle(report, 'not-bound-openid')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await whistle(report, null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    const ten = Array.from({ length: 10 }, (_, i) => `cloud://env/p${i}.jpg`);
    expect(await whistle({ ...report, photos: ten }, 'demo-visitor-3')).toMatchObject({
      ok: false,
      code: 'TOO_MANY_PHOTOS',
      field: 'photos',
    });
  });
});
