// The `programme` function end to end (real wx-server-sdk, real emulator, the demo township): seed 000's registry of
// elderly people living alone with their one-to-one helpers, and seed 002's old-compound ledger and task list.
import { startBackend, type Backend } from '../helpers/backend';
import { getDb } from '../../server/infra/cloud';
import type { CompoundTaskView, CompoundView, ElderlyEntryView, ElderlyPage, HelperReminderSummary } from '../../typings/programme';
import type { Result } from '../../typings/result';

function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`);
  return r.data;
}

function refused(r: Result<unknown>, code: string, field?: string): string {
  if (r.ok) throw new Error(`expected ${code}, got ok`);
  expect(r.code).toBe(code);
  if (field) expect(r.field).toBe(field);
  expect(r.message).toMatch(/[\u4e00-\u9fff]/);
  return r.message;
}

const HELPER_OPENID = 'test-helper-1';
const HELPER_ID = 'person-test-helper-1';

const entry = (over: Record<string, unknown> = {}) => ({
  villageId: 'demo-village-1',
  name: '向满秀',
  gender: 'female',
  age: 76,
  phone: '13800006001',
  smoking: false,
  drinking: true,
  address: '三江村四组21号',
  buildingType: '砖木结构自建房',
  floors: 2,
  yearBuilt: '1992年',
  helper: { name: '志愿者甲', type: 'volunteer', phone: '0745-3521111', personId: HELPER_ID },
  devices: { smokeDetector: true, alarmOrVideo: false, leakageProtection: true, gasShutoff: false, other: '' },
  ...over,
});

describe('programme', () => {
  let b: Backend;
  const call = <T = any>(event: Record<string, unknown>, openid: string | null) => b.call<T>('programme', event, openid);
  const counts = () => ({
    elderly: b.docs('elderly').length,
    compounds: b.docs('compounds').length,
    audit: b.docs('audit').length,
    idempotency: b.docs('idempotency').length,
  });

  beforeAll(async () => {
    b = await startBackend({ demo: true });
    // a volunteer with an account of their own: the helper role, township-wide, reading only their own entries
    await b.emulator.runner.runAsServer(async () => {
      const at = new Date('2026-11-01T00:00:00Z');
      await getDb()
        .collection('persons')
        .add({
          data: {
            _id: HELPER_ID,
            townshipId: 'demo-township',
            name: '志愿者甲',
            phone: '07453521111',
            openid: HELPER_OPENID,
            active: true,
            grants: [{ role: 'helper', scopeType: 'township', scopeId: 'demo-township', townshipId: 'demo-township' }],
            createdAt: at,
            updatedAt: at,
          },
        });
    });
  });
  afterAll(async () => {
    await b?.stop();
  });

  describe('elderly living alone (seed 000)', () => {
    it('the office sees the demo registry with counts from the linked household', async () => {
      b.setClock('2026-12-01T10:00:00+08:00');
      const page = ok(await call<ElderlyPage>({ action: 'listElderly' }, 'demo-office'));
      expect(page.total).toBe(4);
      const linked = page.items.find((e) => e.householdId === 'demo-hh-1-1-03')!;
      expect(linked).toMatchObject({
        name: '舒红梅',
        villageName: '三江村',
        hazardsFound: 0,
        timesEducated: 0,
        helper: { type: 'gridWorker' },
      });
      expect(page.items.find((e) => e.name === '舒金花')).toMatchObject({ hazardsFound: 2, hazardsRectified: 1, timesEducated: 3 });
    });

    it('refuses an age under 60 and a phone that is neither a mobile nor a landline, writing nothing', async () => {
      const before = counts();
      const young = refused(await call({ action: 'addElderly', ...entry({ age: 59 }) }, 'demo-office'), 'AGE_UNDER_60', 'age');
      expect(young).toContain('60');
      refused(await call({ action: 'addElderly', ...entry({ phone: '12345' }) }, 'demo-office'), 'INVALID_INPUT', 'phone');
      refused(
        await call({ action: 'addElderly', ...entry({ helper: { ...entry().helper, phone: '2345678' } }) }, 'demo-office'),
        'INVALID_INPUT',
        'helper.phone',
      );
      refused(
        await call({ action: 'addElderly', ...entry({ helper: { ...entry().helper, type: '邻居' } }) }, 'demo-office'),
        'INVALID_INPUT',
        'helper.type',
      );
      const first = (await call({ action: 'addElderly', ...entry({ age: 59 }) }, 'demo-liaison-1')) as Result<unknown>;
      refused(first, 'AGE_UNDER_60');
      refused(await call({ action: 'updateElderly', elderlyId: 'demo-elderly-1', age: 45 }, 'demo-office'), 'AGE_UNDER_60', 'age');
      expect(counts()).toEqual(before);
      expect(b.docs('elderly', { _id: 'demo-elderly-1' })[0].age).toBe(78);
    });

    it('a liaison registers in its own village only; a villager is refused', async () => {
      const added = ok(await call<ElderlyEntryView>({ action: 'addElderly', ...entry() }, 'demo-liaison-1'));
      expect(added).toMatchObject({ name: '向满秀', villageName: '三江村', age: 76, daysSinceContact: 0, helper: { personId: HELPER_ID } });
      refused(await call({ action: 'addElderly', ...entry({ villageId: 'demo-village-2' }) }, 'demo-liaison-1'), 'FORBIDDEN');
      refused(await call({ action: 'addElderly', ...entry() }, 'demo-villager-1'), 'FORBIDDEN');
      refused(await call({ action: 'listElderly' }, 'demo-villager-1'), 'FORBIDDEN');
      const village2 = ok(await call<ElderlyPage>({ action: 'listElderly' }, 'demo-liaison-2'));
      expect(village2.items.map((e) => e.villageId)).toEqual(['demo-village-2']);
      expect(b.docs('audit', { action: 'addElderly', docId: added.id })).toHaveLength(1);
    });

    it('a helper reads only their own entries and is reminded after 7 days without contact, once a day', async () => {
      const mine = ok(await call<ElderlyPage>({ action: 'listElderly' }, HELPER_OPENID));
      expect(mine.items.map((e) => e.name)).toEqual(['向满秀']);
      const id = mine.items[0].id;
      refused(await call({ action: 'updateElderly', elderlyId: id, floors: 3 }, HELPER_OPENID), 'FORBIDDEN');
      const reminders = () => b.docs('inbox', { personId: HELPER_ID });

      b.setClock('2026-12-07T09:00:00+08:00');
      ok(await b.fireTimer('programme', 'helperContact'));
      expect(reminders()).toHaveLength(0);

      b.setClock('2026-12-08T10:30:00+08:00');
      const runs = await Promise.all([b.fireTimer('programme', 'helperContact'), b.fireTimer('programme', 'helperContact')]);
      const summaries = runs.map((r) => ok(r as Result<HelperReminderSummary>));
      expect(summaries[0].day).toBe('2026-12-08');
      expect(reminders()).toHaveLength(1);
      expect(reminders()[0]).toMatchObject({ _id: `helperContact:${HELPER_ID}:2026-12-08`, kind: 'reminder' });
      expect(reminders()[0].body).toContain('向满秀');

      ok(await call({ action: 'recordHelperContact', elderlyId: id, method: 'visit', note: '检查电热毯' }, HELPER_OPENID));
      b.setClock('2026-12-09T09:00:00+08:00');
      ok(await b.fireTimer('programme', 'helperContact'));
      expect(reminders()).toHaveLength(1);
      const after = ok(await call<ElderlyPage>({ action: 'listElderly' }, HELPER_OPENID));
      expect(after.items[0].daysSinceContact).toBe(1);
      // someone else's entry is not the helper's to touch
      refused(await call({ action: 'recordHelperContact', elderlyId: 'demo-elderly-2', method: 'phone' }, HELPER_OPENID), 'NOT_FOUND');
    });

    it('an entry is edited, and taken off the registry with a reason: kept, audited, listed only on request, no more reminders', async () => {
      const id = ok(await call<ElderlyPage>({ action: 'listElderly' }, HELPER_OPENID)).items[0].id;
      const edited = ok(
        await call<ElderlyEntryView>(
          { action: 'updateElderly', elderlyId: id, phone: '0745-3529999', devices: { ...entry().devices, gasShutoff: true } },
          'demo-liaison-1',
        ),
      );
      expect(edited).toMatchObject({ phone: '0745-3529999', devices: { gasShutoff: true }, active: true });
      expect(b.docs('audit', { action: 'updateElderly', docId: id })).toHaveLength(1);

      const before = counts();
      refused(await call({ action: 'setElderlyActive', elderlyId: id, active: false }, 'demo-office'), 'INVALID_INPUT', 'reason');
      refused(await call({ action: 'setElderlyActive', elderlyId: id, active: false, reason: '随子女' }, 'demo-liaison-2'), 'NOT_FOUND');
      refused(
        await call({ action: 'setElderlyActive', elderlyId: id, active: false, reason: '随子女进城居住' }, HELPER_OPENID),
        'FORBIDDEN',
      );
      refused(await call({ action: 'setElderlyActive', elderlyId: id, active: true, reason: '恢复' }, 'demo-office'), 'CONFLICT');
      expect(counts()).toEqual(before);

      b.setClock('2026-12-20T09:00:00+08:00');
      const off = ok(
        await call<ElderlyEntryView>(
          { action: 'setElderlyActive', elderlyId: id, active: false, reason: '随子女进城居住' },
          'demo-liaison-1',
        ),
      );
      expect(off).toMatchObject({
        active: false,
        inactiveReason: '随子女进城居住',
        inactiveSince: expect.stringMatching(/^2026-12-20T01:00/),
      });
      expect(b.docs('elderly', { _id: id })).toHaveLength(1);
      expect(b.docs('audit', { action: 'deactivateElderly', docId: id })[0]).toMatchObject({ reason: '随子女进城居住' });
      const listed = ok(await call<ElderlyPage>({ action: 'listElderly' }, 'demo-liaison-1'));
      expect(listed.items.map((e) => e.id)).not.toContain(id);
      const withInactive = ok(await call<ElderlyPage>({ action: 'listElderly', includeInactive: true }, 'demo-liaison-1'));
      expect(withInactive.items.find((e) => e.id === id)).toMatchObject({ active: false, inactiveReason: '随子女进城居住' });

      // silent for 11 days, but off the registry: the helper is not reminded
      b.setClock('2026-12-21T09:00:00+08:00');
      ok(await b.fireTimer('programme', 'helperContact'));
      expect(b.docs('inbox', { _id: `helperContact:${HELPER_ID}:2026-12-21` })).toHaveLength(0);

      // back on the registry: the 7-day clock starts again from that day
      const on = ok(
        await call<ElderlyEntryView>({ action: 'setElderlyActive', elderlyId: id, active: true, reason: '老人已回村独居' }, 'demo-office'),
      );
      expect(on).toMatchObject({ active: true, inactiveReason: null, daysSinceContact: 0 });
      expect(b.docs('audit', { action: 'restoreElderly', docId: id })).toHaveLength(1);
    });
  });

  describe('old compounds (seed 002)', () => {
    const row = (over: Record<string, unknown> = {}) => ({
      villageId: 'demo-village-1',
      streetCommunity: '三江镇/三江村',
      name: '老邮电所宿舍',
      address: '三江村正街5号',
      managerName: '向国平',
      managerPhone: '13800007201',
      floors: 6,
      heightMeters: 19.5,
      hazards: '疏散楼梯堆放杂物',
      deadline: '2026-12-20',
      ...over,
    });

    it('refuses a ledger row without a rectification deadline, or with an impossible one, writing nothing', async () => {
      b.setClock('2026-12-10T10:00:00+08:00');
      const before = counts();
      const { deadline: _d, ...noDeadline } = row();
      refused(await call({ action: 'addCompound', ...noDeadline }, 'demo-office'), 'INVALID_INPUT', 'deadline');
      refused(await call({ action: 'addCompound', ...row({ deadline: '2026-02-30' }) }, 'demo-office'), 'INVALID_INPUT', 'deadline');
      refused(await call({ action: 'addCompound', ...row({ managerPhone: '110' }) }, 'demo-office'), 'INVALID_INPUT', 'managerPhone');
      refused(await call({ action: 'addCompound', ...row() }, 'demo-liaison-1'), 'FORBIDDEN');
      expect(counts()).toEqual(before);
    });

    it('flags rows and tasks past their deadline, and clears the flag when done', async () => {
      const added = ok(await call<CompoundView>({ action: 'addCompound', ...row() }, 'demo-office'));
      expect(added.overdue).toBe(false);
      const list = ok(await call<{ items: CompoundView[]; overdue: number }>({ action: 'listCompounds' }, 'demo-office'));
      expect(list.items.map((c) => [c.name, c.overdue])).toEqual([
        ['三江供销社宿舍', true],
        ['老邮电所宿舍', false],
        ['原粮站家属院', false],
      ]);
      expect(list.overdue).toBe(1);

      b.setClock('2026-12-21T08:00:00+08:00');
      const later = ok(
        await call<{ items: CompoundView[]; overdue: number }>({ action: 'listCompounds', overdueOnly: true }, 'demo-office'),
      );
      expect(later.items.map((c) => c.name)).toEqual(['三江供销社宿舍', '老邮电所宿舍']);
      ok(await call({ action: 'updateCompound', compoundId: added.id, status: 'rectified' }, 'demo-office'));
      expect(ok(await call<{ overdue: number }>({ action: 'listCompounds' }, 'demo-office')).overdue).toBe(1);

      // a liaison reads its own village only
      expect(ok(await call<{ items: CompoundView[] }>({ action: 'listCompounds' }, 'demo-liaison-1')).items).toHaveLength(3);
      expect(ok(await call<{ items: CompoundView[] }>({ action: 'listCompounds' }, 'demo-liaison-2')).items).toHaveLength(0);
      refused(await call({ action: 'listCompounds', villageId: 'demo-village-1' }, 'demo-liaison-2'), 'FORBIDDEN');

      const tasks = ok(
        await call<{ year: number; items: CompoundTaskView[]; overdue: number }>({ action: 'listCompoundTasks' }, 'demo-liaison-1'),
      );
      expect(tasks.year).toBe(2026);
      expect(tasks.items.map((t) => t.deadlineLabel)).toEqual([
        '4月10日前',
        '4月10日前',
        '4月10日前',
        '6月30日',
        '6月30日',
        '12月25日',
        '12月25日',
      ]);
      expect(tasks.items.filter((t) => t.overdue).map((t) => t.order)).toEqual([5]);
      const done = ok(await call<CompoundTaskView>({ action: 'setTaskStatus', taskId: tasks.items[4].id, status: 'done' }, 'demo-office'));
      expect(done.overdue).toBe(false);
      refused(await call({ action: 'setTaskStatus', taskId: tasks.items[5].id, status: 'done' }, 'demo-liaison-1'), 'FORBIDDEN');
      b.setClock('2026-12-26T08:00:00+08:00');
      expect(ok(await call<{ overdue: number }>({ action: 'listCompoundTasks', year: 2026 }, 'demo-office')).overdue).toBe(2);
    });

    it('the office adds a task of its own, edits a task and completes it, audited; a liaison only reads', async () => {
      b.setClock('2026-12-27T09:00:00+08:00');
      const task = {
        year: 2026,
        phase: '（三）巩固提升',
        content: '对老旧小区楼栋长开展一次消防安全培训。',
        units: '镇应急管理岗、各社区',
        deadline: '2026-12-30',
        deadlineLabel: '12月30日前',
      };
      refused(await call({ action: 'addCompoundTask', ...task }, 'demo-liaison-1'), 'FORBIDDEN');
      refused(await call({ action: 'addCompoundTask', ...task, deadline: '2026-12-32' }, 'demo-office'), 'INVALID_INPUT', 'deadline');
      const added = ok(await call<CompoundTaskView>({ action: 'addCompoundTask', ...task }, 'demo-office'));
      expect(added).toMatchObject({ order: 8, status: 'pending', deadlineLabel: '12月30日前', overdue: false });
      const edited = ok(
        await call<CompoundTaskView>(
          { action: 'updateCompoundTask', taskId: added.id, deadline: '2026-12-26', deadlineLabel: '12月26日前' },
          'demo-office',
        ),
      );
      expect(edited).toMatchObject({ deadline: '2026-12-26', overdue: true, content: task.content });
      refused(await call({ action: 'updateCompoundTask', taskId: added.id }, 'demo-office'), 'INVALID_INPUT');
      const done = ok(
        await call<CompoundTaskView>({ action: 'setTaskStatus', taskId: added.id, status: 'done', note: '已培训32人' }, 'demo-office'),
      );
      expect(done).toMatchObject({ status: 'done', note: '已培训32人', overdue: false });
      const list = ok(await call<{ items: CompoundTaskView[] }>({ action: 'listCompoundTasks', year: 2026 }, 'demo-liaison-1'));
      expect(list.items.map((t) => t.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(b.docs('audit', { docId: added.id }).map((a) => a.action)).toEqual(['addCompoundTask', 'updateCompoundTask', 'setTaskStatus']);
    });
  });
});
