// Issue 11, the township office's pages through miniprogram-simulate against the real functions and emulator with the
// demo township: due dates marked sent with their scan; the elderly registry edited and an entry taken off with a
// reason; the old-compound ledger and task list edited; campaign periods added and removed (closed ones untouchable),
// phases and key dates edited; whistle-blower reports overseen without the reporter; pickers instead of typed ids.
import { startBackend, type Backend } from '../helpers/backend';
import { loadPage, type LoadedPage } from '../helpers/miniprogram';
import { settle, stubDevice, tap } from '../helpers/device';
import { StorageService } from '../../emulator/admin/storage';
import { getDb } from '../../server/infra/cloud';

let backend: Backend;
const OFFICE = 'demo-office';
const LIAISON = 'demo-liaison-1';
const WINTER = 'demo-township-winter2026';

beforeAll(async () => {
  backend = await startBackend({ demo: true });
  // early in the demo campaign's second month: November's round has ended, December's is running
  backend.setClock('2026-12-03T10:00:00+08:00');
});

afterAll(async () => {
  await backend?.stop();
});

const actions = (p: LoadedPage) => p.harness.calls.map((c) => String(c.data.action));

/** a file picked from a WeChat chat (wx.chooseMessageFile), as the due page asks for a sealed PDF */
function stubChatFile(p: LoadedPage, name: string): void {
  (global as any).wx.chooseMessageFile = (o: any) =>
    setTimeout(() => o.success?.({ tempFiles: [{ path: p.harness.phone.receiveFile(name), name, size: 2000, type: 'file', time: 0 }] }), 0);
}

describe('报表截止: the office marks a table sent with its signed and sealed scan', () => {
  it('shows the month’s tables from one call; the elderly table is refused without a scan, then marked 已报 with a photo', async () => {
    const p = await loadPage('packages/office/due/index', { backend, openid: OFFICE });
    expect(actions(p)).toEqual(['listDueDates']);
    expect(p.text('#month-label')).toBe('2026年12月');
    expect(p.text('#due-elderlyTable .due-state')).toBe('未报');
    expect(p.text('#due-elderlyTable')).toContain('2026-12-31 12:00前');
    expect(p.text('#due-compoundProgress .due-state')).toBe('未报');

    await tap(p, '#due-elderlyTable .mark-sent');
    expect(p.text('#due-elderlyTable .row-error')).toContain('签字盖章');
    expect(actions(p)).toEqual(['listDueDates']);

    const device = stubDevice(p, backend);
    await tap(p, '#due-elderlyTable .add-photo');
    expect(p.page.querySelectorAll('#due-elderlyTable .draft-row')).toHaveLength(2);
    await tap(p, '#due-elderlyTable .mark-sent');
    expect(p.find('#due-elderlyTable .row-error')).toBeUndefined();
    expect(p.text('#due-elderlyTable .due-state')).toBe('已报');
    expect(p.text('#due-elderlyTable')).toContain('刘晓东');
    expect(p.page.querySelectorAll('#due-elderlyTable .scan-row')).toHaveLength(2);
    expect(p.page.querySelectorAll('#due-elderlyTable .draft-row')).toHaveLength(0);
    expect(device.uploads.every((f) => StorageService.pathOf(f)!.startsWith('due-scans/'))).toBe(true);
    const marked = p.harness.calls.find((c) => c.data.action === 'markSubmitted')!;
    expect(marked.data.idempotencyKey).toBeTruthy();

    const [stored] = backend.docs('dueSubmissions', { kind: 'elderlyTable', month: '2026-12' });
    expect(stored.scans).toEqual(device.uploads);
    expect(backend.docs('audit', { action: 'schedule.markSubmitted', docId: stored._id })).toHaveLength(1);
    p.unload();

    // reopened, it is still 已报 with its scans
    const again = await loadPage('packages/office/due/index', { backend, openid: OFFICE });
    expect(again.text('#due-elderlyTable .due-state')).toBe('已报');
    expect(again.page.querySelectorAll('#due-elderlyTable .scan-row')).toHaveLength(2);
    again.unload();
  });

  it('marks the compound progress sent with a PDF from a chat; the month before shows 逾期未报', async () => {
    const p = await loadPage('packages/office/due/index', { backend, openid: OFFICE });
    stubDevice(p, backend);
    stubChatFile(p, '老旧小区进度11月.pdf');
    await tap(p, '#due-compoundProgress .add-file');
    expect(p.text('#due-compoundProgress .drafts')).toContain('老旧小区进度11月.pdf');
    await tap(p, '#due-compoundProgress .mark-sent');
    expect(p.text('#due-compoundProgress .due-state')).toBe('已报');
    expect(p.text('#due-compoundProgress .scans')).toContain('扫描件1（PDF）');

    await tap(p, '#month-prev');
    expect(p.text('#month-label')).toBe('2026年11月');
    expect(p.text('#due-elderlyTable .due-state')).toBe('逾期未报');
    p.unload();
  });

  it('refuses anyone but the office with the server’s message', async () => {
    const p = await loadPage('packages/office/due/index', { backend, openid: LIAISON });
    expect(p.text('#due-state >>> #state-error')).toContain('您没有权限');
    p.unload();
  });
});

describe('独居老人: edit an entry, take one off the registry with a reason, register with a village picker', () => {
  it('the office edits an entry; the change is saved and audited', async () => {
    const p = await loadPage('packages/programme/elderly/index', { backend, openid: OFFICE });
    expect(actions(p)).toEqual(['listElderly']);
    const i = (p.page.instance.data.rows as { title: string }[]).findIndex((r) => r.title.includes('舒金花'));
    await tap(p, `#elderly-${i} .edit-btn`);
    await p.input(`#elderly-${i} .e-phone`, '13800007777');
    await tap(p, `#elderly-${i} .flag-gasShutoff`);
    await tap(p, `#elderly-${i} .save-edit`);
    expect(p.find(`#elderly-${i} .edit-form`)).toBeUndefined();
    const [stored] = backend.docs('elderly', { _id: 'demo-elderly-2' });
    expect(stored).toMatchObject({ phone: '13800007777', devices: { gasShutoff: true, smokeDetector: true }, name: '舒金花' });
    expect(backend.docs('audit', { action: 'updateElderly', docId: 'demo-elderly-2' })).toHaveLength(1);
    p.unload();
  });

  it('销册 needs a reason; the entry is kept, listed under 含已销册 with its reason, and can be restored', async () => {
    const p = await loadPage('packages/programme/elderly/index', { backend, openid: OFFICE });
    const i = (p.page.instance.data.rows as { title: string }[]).findIndex((r) => r.title.includes('米长青'));
    const total = p.page.instance.data.total as number;
    await tap(p, `#elderly-${i} .deactivate-btn`);
    await tap(p, `#elderly-${i} .confirm-active`);
    expect(p.text(`#elderly-${i} .row-error`)).toContain('请写明销册原因');
    p.find(`#elderly-${i} .reason-input`)!.dispatchEvent('input', { detail: { value: '已随子女到县城居住' } });
    await tap(p, `#elderly-${i} .confirm-active`);
    expect(p.allText()).not.toContain('米长青');
    expect(p.page.instance.data.total).toBe(total - 1);
    expect(backend.docs('elderly', { _id: 'demo-elderly-3' })[0]).toMatchObject({ active: false, inactiveReason: '已随子女到县城居住' });
    expect(backend.docs('audit', { action: 'deactivateElderly', docId: 'demo-elderly-3' })[0].reason).toBe('已随子女到县城居住');

    await tap(p, '#toggle-inactive');
    const j = (p.page.instance.data.rows as { title: string }[]).findIndex((r) => r.title.includes('米长青'));
    expect(p.text(`#elderly-${j} .inactive-note`)).toContain('已随子女到县城居住');
    await tap(p, `#elderly-${j} .restore-btn`);
    p.find(`#elderly-${j} .reason-input`)!.dispatchEvent('input', { detail: { value: '老人已回村独居' } });
    await tap(p, `#elderly-${j} .confirm-active`);
    expect(p.find(`#elderly-${j} .inactive-note`)).toBeUndefined();
    expect(backend.docs('elderly', { _id: 'demo-elderly-3' })[0].active).toBe(true);
    p.unload();
  });

  it('registers with the village chosen in a picker listing only the caller’s villages', async () => {
    const liaison = await loadPage('packages/programme/elderly/index', { backend, openid: LIAISON });
    await tap(liaison, '#f-village >>> #picker-toggle');
    expect(actions(liaison)).toEqual(['listElderly', 'listChoices']);
    const offered = liaison.page.querySelectorAll('#f-village >>> .choice-row').map((r) => (r.dom?.textContent ?? '').trim());
    expect(offered).toHaveLength(1);
    expect(offered[0]).toContain('三江村');
    liaison.unload();

    const p = await loadPage('packages/programme/elderly/index', { backend, openid: OFFICE });
    await tap(p, '#f-village >>> #picker-toggle');
    expect(p.page.querySelectorAll('#f-village >>> .choice-row')).toHaveLength(3);
    const k = (p.find('#f-village')!.data.list as { id: string }[]).findIndex((c) => c.id === 'demo-village-2');
    await tap(p, `#f-village >>> #choice-${k}`);
    expect(p.page.instance.data.form.villageId).toBe('demo-village-2');
    expect(p.text('#f-village >>> #picker-toggle')).toContain('桐木溪村');
    for (const [id, v] of [
      ['#f-name', '米桂花'],
      ['#f-age', '81'],
      ['#f-address', '桐木溪村二组6号'],
      ['#f-building', '木结构老屋'],
      ['#f-year', '1970年代'],
      ['#f-helper', '李国强'],
      ['#f-helper-phone', '13800009012'],
    ])
      await p.input(id, v);
    await tap(p, '#elderly-submit');
    expect(p.find('#elderly-form-error')).toBeUndefined();
    expect(backend.docs('elderly', { name: '米桂花' })[0]).toMatchObject({ villageId: 'demo-village-2', age: 81 });
    p.unload();
  });
});

describe('老旧小区: the office edits the ledger and the task list', () => {
  it('edits a ledger row, marks it rectified, and adds a compound with the village picked', async () => {
    const p = await loadPage('packages/programme/compounds/index', { backend, openid: OFFICE });
    expect(actions(p)).toEqual(['listCompounds']);
    expect(p.text('#overdue-compounds')).toBe('1');
    await tap(p, '#compound-0 .edit-compound');
    await p.input('#compound-0 .l-hazards', '楼道堆放杂物已清理，消火栓箱水带待补齐');
    await p.input('#compound-0 .l-deadline', '2027-01-31');
    await tap(p, '#compound-0 .save-compound');
    expect(p.text('#overdue-compounds')).toBe('0');
    expect(backend.docs('compounds', { _id: 'demo-compound-1' })[0]).toMatchObject({
      deadline: '2027-01-31',
      hazards: '楼道堆放杂物已清理，消火栓箱水带待补齐',
    });
    await tap(p, '#compound-0 .rectify-compound');
    expect(p.text('#compound-0')).toContain('已整改');
    expect(backend.docs('compounds', { _id: 'demo-compound-1' })[0].status).toBe('rectified');

    await tap(p, '#c-village >>> #picker-toggle');
    await tap(p, '#c-village >>> #choice-0');
    for (const [id, v] of [
      ['#c-name', '三江中学教工宿舍'],
      ['#c-address', '三江村学堂路2号'],
      ['#c-manager', '向志刚'],
      ['#c-phone', '13800007301'],
      ['#c-floors', '6'],
      ['#c-hazards', '电动车楼道充电'],
      ['#c-deadline', '2027-02-28'],
    ])
      await p.input(id, v);
    await tap(p, '#add-compound-submit');
    expect(p.find('#add-compound-error')).toBeUndefined();
    expect(p.allText()).toContain('三江中学教工宿舍');
    expect(backend.docs('compounds', { name: '三江中学教工宿舍' })[0]).toMatchObject({ floors: 6, heightMeters: null });
    p.unload();
  });

  it('completes, edits and adds tasks; a liaison reads without the buttons', async () => {
    const p = await loadPage('packages/programme/compounds/index', { backend, openid: OFFICE });
    await tap(p, '#show-tasks');
    expect(p.text('#overdue-tasks')).toBe('1');
    // task 5 (6月30日) is overdue and in progress: completed
    await tap(p, '#task-4 .status-done');
    expect(p.text('#task-4 .task-status')).toBe('已完成');
    expect(p.text('#overdue-tasks')).toBe('0');
    await tap(p, '#task-6 .edit-task');
    await p.input('#task-6 .t-units', '各社区、镇应急管理岗');
    await tap(p, '#task-6 .save-task');
    expect(p.text('#task-6')).toContain('各社区、镇应急管理岗');
    for (const [id, v] of [
      ['#n-phase', '（三）巩固提升'],
      ['#n-content', '组织楼栋长消防安全培训'],
      ['#n-units', '镇应急管理岗'],
      ['#n-deadline', '2026-12-28'],
    ])
      await p.input(id, v);
    await tap(p, '#add-task-submit');
    expect(p.find('#add-task-error')).toBeUndefined();
    expect(p.page.querySelectorAll('.task-row')).toHaveLength(8);
    const added = backend.docs('compoundTasks', { content: '组织楼栋长消防安全培训' })[0];
    expect(added).toMatchObject({ order: 8, status: 'pending', deadlineLabel: '2026-12-28' });
    expect(backend.docs('audit', { docId: added._id })).toHaveLength(1);
    p.unload();

    const liaison = await loadPage('packages/programme/compounds/index', { backend, openid: LIAISON });
    await tap(liaison, '#show-tasks');
    expect(liaison.find('.edit-task')).toBeUndefined();
    expect(liaison.find('.edit-compound')).toBeUndefined();
    expect(liaison.find('#add-compound')).toBeUndefined();
    liaison.unload();
  });
});

describe('行动设置: periods added and removed, closed ones untouchable; phases and key dates edited', () => {
  it('shows seed 003’s phases and the current one, adds a period, removes it, and refuses removing a period with visits', async () => {
    const p = await loadPage('packages/office/campaign/index', { backend, openid: OFFICE });
    expect(actions(p)).toEqual(['listCampaigns']);
    expect(p.text('#campaign-today')).toContain('当前阶段：组织实施');
    // 3 phases and 4 key dates, each an editable row
    expect(p.page.querySelectorAll('#calendar .day-row')).toHaveLength(7);
    expect(p.page.instance.data.form.phases.map((x: { name: string }) => x.name)).toEqual(['部署发动', '组织实施', '总结提升']);
    expect(p.page.instance.data.form.keyDates.map((x: { name: string }) => x.name)).toContain('全国两会');

    // the ended first round has no remove button and no inputs
    expect(p.text('#period-0')).toContain('已结束，不能修改或删除');
    expect(p.find('#period-0-remove')).toBeUndefined();

    await p.input('#new-label', '2027年4月');
    await p.input('#new-startDay', '2027-04-01');
    await p.input('#new-endDay', '2027-04-30');
    await tap(p, '#add-period-submit');
    expect(p.find('#add-error')).toBeUndefined();
    const keys = () => (backend.docs('campaigns', { _id: WINTER })[0].periods as { key: string }[]).map((x) => x.key);
    expect(keys()).toContain('2027-04');
    const last = (p.page.instance.data.form.periods as unknown[]).length - 1;
    expect(p.text(`#period-${last}`)).toContain('2027年4月');
    await tap(p, `#period-${last}-remove`);
    expect(keys()).not.toContain('2027-04');
    expect(p.page.instance.data.form.periods).toHaveLength(last);

    // a visit in December: December can no longer be removed (PERIOD_HAS_VISITS, shown next to the periods)
    const visit = await backend.call(
      'visit',
      {
        action: 'recordVisit',
        householdId: 'demo-hh-1-1-02',
        templateId: 'residential-default',
        answers: [{ key: 'gas', answer: 'ok' }],
        education: { noticeHandedOver: true, sanQingSanGuanExplained: true },
      },
      'demo-visitor-1',
    );
    expect(visit.ok).toBe(true);
    await tap(p, '#period-1-remove');
    expect(p.text('#periods-error')).toContain('已有1次走访记录，不能删除');
    expect(keys()).toContain('2026-12');
    p.unload();
  });

  it('a closed period cannot be touched through the function either (stable code PERIOD_CLOSED)', async () => {
    const res = await backend.call('visit', { action: 'removePeriod', campaignId: WINTER, periodKey: 'first-round' }, OFFICE);
    expect(res).toMatchObject({ ok: false, code: 'PERIOD_CLOSED' });
  });

  it('edits the key dates: a new one is saved, and one ending before it starts is refused next to the calendar', async () => {
    const p = await loadPage('packages/office/campaign/index', { backend, openid: OFFICE });
    const n = (p.page.instance.data.form.keyDates as unknown[]).length;
    await tap(p, '#add-keydate');
    await p.input(`#keydate-${n} .day-name`, '三江镇赶年集');
    await p.input(`#keydate-${n} .day-start`, '2027-02-16');
    await p.input(`#keydate-${n} .day-end`, '2027-02-15');
    await tap(p, '#calendar-save');
    expect(p.text('#calendar-error')).toContain('三江镇赶年集');
    await p.input(`#keydate-${n} .day-end`, '2027-02-16');
    await tap(p, '#calendar-save');
    expect(p.find('#calendar-error')).toBeUndefined();
    const stored = backend.docs('campaigns', { _id: WINTER })[0];
    expect(stored.keyDates.map((k: { name: string }) => k.name)).toContain('三江镇赶年集');
    expect(stored.phases.map((x: { name: string }) => x.name)).toEqual(['部署发动', '组织实施', '总结提升']);
    expect(backend.docs('audit', { action: 'updateCampaign', docId: WINTER }).length).toBeGreaterThan(0);
    p.unload();
  });

  it('shows more than 20 periods 20 a page', async () => {
    const periods = Array.from({ length: 24 }, (_, i) => {
      const start = new Date(Date.UTC(2027, 3, 5) + i * 7 * 86400_000).toISOString().slice(0, 10);
      const end = new Date(Date.UTC(2027, 3, 11) + i * 7 * 86400_000).toISOString().slice(0, 10);
      return { key: `w${i + 1}`, label: `第${i + 1}周`, startDay: start, endDay: end, quota: 1 };
    });
    const created = await backend.call('visit', { action: 'createCampaign', name: '2027年按周巡查行动', periods }, OFFICE);
    expect(created.ok).toBe(true);
    const p = await loadPage('packages/office/campaign/index', {
      backend,
      openid: OFFICE,
      query: { campaignId: (created as any).data.id },
    });
    expect(p.text('#campaign-name')).toBe('2027年按周巡查行动');
    expect(p.page.querySelectorAll('#periods .period')).toHaveLength(20);
    expect(p.text('#period-pager >>> .pager-label')).toBe('第 1 / 2 页');
    await tap(p, '#period-pager >>> #pager-next');
    expect(p.page.querySelectorAll('#periods .period')).toHaveLength(4);
    expect(p.text('#period-23')).toContain('第24周');
    p.unload();
  });
});

describe('吹哨人举报: the office oversees every report of its township, never the reporter', () => {
  it('lists the reports the liaison and a visitor handle (0 for the office before), without any trace of the reporter', async () => {
    const reporter = {
      openid: 'office-page-reporter',
      personId: 'person-office-page-reporter',
      name: '吹哨页面测试人',
      phone: '13900001234',
    };
    await backend.emulator.runner.runAsServer(async () => {
      await getDb()
        .collection('persons')
        .add({
          data: {
            _id: reporter.personId,
            townshipId: 'demo-township',
            name: reporter.name,
            phone: reporter.phone,
            openid: reporter.openid,
            active: true,
            grants: [{ role: 'villager', scopeType: 'household', scopeId: 'demo-hh-2-1-03', townshipId: 'demo-township' }],
            createdAt: new Date(),
            updatedAt: new Date(),
          },
        });
    });
    const blow = (event: Record<string, unknown>) =>
      backend.call(
        'resident',
        { action: 'whistleBlow', category: 'clutter', description: '柴草堆在电表箱下面', ...event },
        reporter.openid,
      );
    for (const r of [
      await blow({ villageId: 'demo-village-1', place: '三江村村口小卖部后面' }),
      await blow({ villageId: 'demo-village-1', place: '三江村老祠堂', category: 'electrical', description: '祠堂里私拉电线' }),
      await blow({
        villageId: 'demo-village-1',
        householdId: 'demo-hh-1-2-05',
        category: 'ebikeCharging',
        description: '堂屋里给电动车充电',
      }),
    ])
      expect(r.ok).toBe(true);
    const routed = await backend.call<any>('resident', { action: 'listRoutedReports', openOnly: false }, LIAISON);
    expect(routed.ok && routed.data.total).toBe(2);

    const p = await loadPage('packages/office/whistle/index', { backend, openid: OFFICE });
    expect(actions(p)).toEqual(['listWhistleReports']);
    expect(p.page.querySelectorAll('.whistle-row')).toHaveLength(3);
    expect(p.text('#whistle-summary')).toContain('未整改 3 条');
    expect(p.allText()).toContain('已转村联络员：张秀兰');
    expect(p.allText()).toContain('已转该户走访人：向建军');
    const shown = JSON.stringify(p.page.instance.data) + p.allText();
    for (const secret of [reporter.openid, reporter.personId, reporter.name, reporter.phone]) expect(shown).not.toContain(secret);
    const answers = JSON.stringify(await backend.call('resident', { action: 'listWhistleReports' }, OFFICE));
    for (const secret of [reporter.openid, reporter.personId, reporter.name, reporter.phone]) expect(answers).not.toContain(secret);

    await tap(p, '#filter-open');
    expect(p.page.querySelectorAll('.whistle-row')).toHaveLength(3);
    p.unload();
  });
});

describe('pickers list only what is in the caller’s scope', () => {
  it('the exports page picks a campaign and one of its periods instead of typing ids', async () => {
    const p = await loadPage('packages/programme/exports/index', { backend, openid: OFFICE });
    expect(p.harness.calls).toEqual([]);
    await tap(p, '#f-campaign >>> #picker-toggle');
    const campaigns = p.find('#f-campaign')!.data.list as { id: string; label: string }[];
    expect(campaigns.map((c) => c.id).sort()).toEqual(
      backend
        .docs('campaigns', { townshipId: 'demo-township' })
        .map((c) => c._id)
        .sort(),
    );
    await tap(p, `#f-campaign >>> #choice-${campaigns.findIndex((c) => c.id === WINTER)}`);
    await tap(p, '#f-period >>> #picker-toggle');
    expect(p.page.querySelectorAll('#f-period >>> .choice-row').length).toBeGreaterThanOrEqual(5);
    await tap(p, '#f-period >>> #choice-1');
    expect(p.page.instance.data).toMatchObject({ campaignId: WINTER, periodKey: '2026-12' });
    await tap(p, '#export-compliance');
    expect(p.find('#export-error')).toBeUndefined();
    expect(p.text('#export-link')).toMatch(/^http:\/\/127\.0\.0\.1/);
    await settle(p);
    p.unload();
  });
});
