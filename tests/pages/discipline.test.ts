// The discipline office's pages rendered by miniprogram-simulate against the real function runner and emulator: an
// interview case is produced on the virtual clock (seed 001's first round, nobody visits), then opened, scheduled,
// recorded and closed through case/index; other roles see the refusal.
import { ladderUntilDone, publishDraft } from '../helpers/ladder';
import { startBackend, type Backend } from '../helpers/backend';
import http from 'http';
import ExcelJS from 'exceljs';
import { loadPage, type LoadedPage } from '../helpers/miniprogram';
import { stubDevice, tap } from '../helpers/device';
import { StorageService } from '../../emulator/admin/storage';

let backend: Backend;
let campaignId = '';
const VISITOR = 'demo-visitor-1';

beforeAll(async () => {
  backend = await startBackend({ demo: true });
  backend.setClock('2024-11-18T09:00:00+08:00');
  campaignId = 'demo-township-seed001';
  const upd = await backend.call('visit', { action: 'updateCampaign', campaignId, active: true }, 'demo-office');
  if (!upd.ok) throw new Error(`activate seed001: ${upd.code} ${upd.message}`);
  // one visitor makes one December visit, so the evidence pack has a visit; nobody completes December
  const visitorPid = backend.docs('persons', { openid: VISITOR })[0]._id;
  const [householdId] = backend
    .docs('assignments', { visitorPersonId: visitorPid, validTo: null })
    .map((a) => a.householdId as string)
    .sort();
  backend.setClock('2024-12-02T10:00:00+08:00');
  const visit = await backend.call(
    'visit',
    {
      action: 'recordVisit',
      householdId,
      templateId: 'residential-default',
      answers: [{ key: 'gas', answer: 'ok' }],
      education: { noticeHandedOver: true, sanQingSanGuanExplained: true },
    },
    VISITOR,
  );
  if (!visit.ok) throw new Error(`visit: ${visit.code} ${visit.message}`);
  // December closes after its 48 h offline window and the office publishes: notice cases for every visitor short of the quota
  await ladderUntilDone(backend, '2025-01-03T00:10:00+08:00');
  await publishDraft(backend, campaignId, '2024-12', '2025-01-03T09:00:00+08:00');
}, 120_000);

afterAll(async () => {
  await backend?.stop();
});

function get(url: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks)));
      })
      .on('error', reject);
  });
}

async function change(p: LoadedPage, selector: string, value: unknown): Promise<void> {
  const el = p.find(selector);
  if (!el) throw new Error(`nothing at ${selector}`);
  el.dispatchEvent('change', { detail: { value } });
  await p.idle();
}

describe('discipline cases list', () => {
  it('lists the overdue visitors (open notice cases) and, after the remedy deadline, the interview cases', async () => {
    const notices = backend.docs('cases', { level: 'notice', status: 'open' });
    expect(notices.length).toBeGreaterThan(0);
    const list = await loadPage('packages/discipline/cases/index', { backend, openid: 'demo-discipline' });
    expect(list.harness.calls.map((c) => c.data)).toEqual([
      { action: 'listCases', level: 'interview', status: 'active', page: 1, pageSize: 20 },
    ]);
    const interviews = backend.docs('cases', { level: 'interview', status: { $in: ['open', 'scheduled'] } });
    expect(list.page.querySelectorAll('.case-row')).toHaveLength(Math.min(20, interviews.length));
    await list.tap('#tab-notice');
    expect(list.page.querySelectorAll('.case-row')).toHaveLength(Math.min(20, notices.length));
    expect(list.allText()).toContain(notices[0].visitorName);
    list.unload();
  });

  it('shows the refusal to a visitor', async () => {
    const list = await loadPage('packages/discipline/cases/index', { backend, openid: VISITOR });
    const refusal = await backend.call('escalation', { action: 'listCases' }, VISITOR);
    expect(refusal.ok).toBe(false);
    expect(list.text('#cases-state >>> #state-error')).toContain(refusal.ok ? '' : refusal.message);
    list.unload();
  });
});

describe('an interview case', () => {
  it('the discipline office opens an interview case, schedules and closes it', async () => {
    // the remedy deadline passes: interview cases
    await ladderUntilDone(backend, '2025-01-11T00:10:00+08:00');
    const visitorPid = backend.docs('persons', { openid: VISITOR })[0]._id;
    const interview = backend.docs('cases', { level: 'interview', campaignId, periodKey: '2024-12', visitorPersonId: visitorPid })[0];
    expect(interview).toBeDefined();
    backend.setClock('2025-01-11T09:00:00+08:00');

    const list = await loadPage('packages/discipline/cases/index', { backend, openid: 'demo-discipline' });
    expect(list.page.querySelectorAll('.case-row').length).toBeGreaterThan(0);
    const rows = list.page.querySelectorAll('.case-row');
    const index = rows.findIndex(
      (r) => r.dom!.textContent!.includes(interview.visitorName) && r.dom!.textContent!.includes(interview.periodLabel),
    );
    expect(index).toBeGreaterThanOrEqual(0);
    rows[index].dispatchEvent('tap');
    await list.idle();
    expect(list.harness.navigations.at(-1)).toBe(`/packages/discipline/case/index?id=${encodeURIComponent(interview._id)}`);
    list.unload();

    const page = await loadPage('packages/discipline/case/index', {
      backend,
      openid: 'demo-discipline',
      query: { id: encodeURIComponent(interview._id) },
    });
    expect(page.harness.calls.map((c) => c.data)).toEqual([{ action: 'getCase', caseId: interview._id }]);
    expect(page.find('#case-state >>> #state-error')).toBeUndefined();
    expect(page.text('#case-visitor')).toBe(interview.visitorName);
    expect(page.text('#case-status')).toBe('待处理');
    // who to call about the interview: the visitor's type, unit and phone (demo-visitor-1 is a township cadre)
    expect(page.text('#case-contact')).toContain('类别：镇干部');
    expect(page.text('#case-contact')).toContain('单位：三江镇人民政府应急办');
    expect(page.text('#case-contact')).toContain('电话：13800009021');
    // the evidence pack: households, the one visit made, the notice
    expect(page.page.querySelectorAll('.visit-row')).toHaveLength(interview.evidence.visits.length);
    expect(page.text('#evidence-visits')).toContain('2024-12-02 10:00');
    expect(page.text('#evidence-households')).toContain(interview.evidence.households[0].address);
    await page.tap('#show-notice');
    expect(page.text('#notice-title')).not.toBe('');

    // closing before an interview is refused before anything else: the step shown is scheduling
    expect(page.find('#close-submit')).toBeUndefined();
    await page.tap('#schedule-submit');
    expect(page.text('#error-place')).toBe('请填写约谈地点');
    // a time already past is the server's refusal, shown next to the time
    await change(page, '#schedule-day', '2025-01-02');
    await page.input('#schedule-place', '镇纪委谈话室');
    await page.tap('#schedule-submit');
    expect(page.text('#error-scheduledAt')).toBe('约谈时间不能早于现在');
    await change(page, '#schedule-day', '2025-01-12');
    await change(page, '#schedule-time', '14:30');
    await page.tap('#schedule-submit');
    expect(page.text('#case-status')).toBe('已安排约谈');
    expect(page.text('#interview')).toContain('2025-01-12 14:30');
    expect(backend.docs('cases', { _id: interview._id })[0].status).toBe('scheduled');

    await page.input('#record-outcome', '走访人说明情况，承认12月第二轮敲门未完成。');
    await page.input('#record-conclusion', '批评教育，限期补齐');
    // the signed transcript, photographed: uploaded to storage, its file IDs stored on the interview, shown as images
    const device = stubDevice(page, backend);
    await tap(page, '#record-attachments >>> #add-photo');
    await tap(page, '#record-submit');
    expect(page.text('#interview-conclusion')).toContain('批评教育，限期补齐');
    expect(device.uploads).toHaveLength(2);
    expect(backend.docs('cases', { _id: interview._id })[0].interview.attachments).toEqual(device.uploads);
    const shown = page.page.querySelectorAll('#interview-attachments .attachment-img');
    expect(shown).toHaveLength(2);
    // shown through temporary links the function issued (storage is private), each one opening the stored photo
    const links = page.page.instance.data.screen.interview.attachments as string[];
    expect(links).toHaveLength(2);
    const storedPhotos = device.uploads.map((id) => backend.emulator.store.getFile(StorageService.pathOf(id)!)!.data);
    const fetched = await Promise.all(links.map((link) => get(link)));
    expect(fetched).toEqual(storedPhotos);
    for (const bytes of fetched) expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]); // the photo the phone took
    await page.tap('#close-submit');
    expect(page.text('#case-status')).toBe('已结案');
    expect(page.find('#close-submit')).toBeUndefined();

    // the case file for the archive: reopened with exceljs, it holds the notice line, the standing, the visits with
    // their proof, and the interview with its attachments
    await page.tap('#export-case-file');
    expect(page.text('#case-file-error')).toBe('');
    expect(page.text('#case-file-done')).toContain(`案卷-${interview.periodLabel}-${interview.visitorName}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await get(page.harness.clipboard!)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['案件概况', '走访核算', '走访记录与凭证']);
    const summary = new Map<string, string[]>();
    wb.getWorksheet('案件概况')!.eachRow((row, n) => {
      if (n < 4) return;
      const key = String(row.getCell(1).value);
      summary.set(key, [...(summary.get(key) ?? []), String(row.getCell(2).value ?? '')]);
    });
    expect(summary.get('走访人')).toEqual([interview.visitorName]);
    expect(summary.get('走访人类别')).toEqual(['镇干部']);
    expect(summary.get('通报内容')![0]).toMatch(new RegExp(`^${interview.visitorName}：\\d+ 户未完成，缺 \\d+ 次走访$`));
    expect(summary.get('约谈结论')).toEqual(['批评教育，限期补齐']);
    expect(summary.get('约谈附件')![0].split('\n')).toEqual(device.uploads);
    const standing = wb.getWorksheet('走访核算')!;
    expect((standing.getRow(2).values as unknown[]).slice(1)).toEqual(['序号', '农户地址', '已计走访（次）', '应走访（次）', '缺少（次）']);
    expect(standing.rowCount - 2).toBe(interview.evidence.households.length);
    const visits = wb.getWorksheet('走访记录与凭证')!;
    expect(visits.getCell(3, 3).value).toBe('2024-12-02 10:00');
    expect(visits.getCell(3, 4).value).toBe('无到场凭证');
    const stored = backend.docs('cases', { _id: interview._id })[0];
    expect(stored.status).toBe('closed');
    expect(stored.interview).toMatchObject({
      place: '镇纪委谈话室',
      outcome: '走访人说明情况，承认12月第二轮敲门未完成。',
      conclusion: '批评教育，限期补齐',
    });
    expect(new Date(stored.interview.scheduledAt).toISOString()).toBe('2025-01-12T06:30:00.000Z');
    page.unload();

    // the visitor sees it closed among their cases
    const mine = await loadPage('packages/visitor/cases/index', { backend, openid: VISITOR });
    expect(mine.allText()).toContain('已结案');
    expect(mine.allText()).toContain('批评教育，限期补齐');
    mine.unload();

    // the visitor reads its own case without the offices' contact block
    const own = await backend.call('escalation', { action: 'getCase', caseId: interview._id }, VISITOR);
    expect(own.ok && own.data.visitorContact).toBeUndefined();

    // another visitor cannot open it
    const other = await loadPage('packages/discipline/case/index', { backend, openid: 'demo-visitor-2', query: { id: interview._id } });
    const refusal = await backend.call('escalation', { action: 'getCase', caseId: interview._id }, 'demo-visitor-2');
    expect(refusal.ok).toBe(false);
    expect(other.text('#case-state >>> #state-error')).toContain(refusal.ok ? '' : refusal.message);
    other.unload();
  });
});
