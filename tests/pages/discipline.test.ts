// The discipline office's pages rendered by miniprogram-simulate against the real function runner and emulator: an
// interview case is produced on the virtual clock (seed 001's first round, nobody visits), then opened, scheduled,
// recorded and closed through case/index; other roles see the refusal.
import { ladderUntilDone, publishDraft } from '../helpers/ladder';
import { startBackend, type Backend } from '../helpers/backend';
import { loadPage, type LoadedPage } from '../helpers/miniprogram';

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
    await page.tap('#record-submit');
    expect(page.text('#interview-conclusion')).toContain('批评教育，限期补齐');
    await page.tap('#close-submit');
    expect(page.text('#case-status')).toBe('已结案');
    expect(page.find('#close-submit')).toBeUndefined();
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

    // another visitor cannot open it
    const other = await loadPage('packages/discipline/case/index', { backend, openid: 'demo-visitor-2', query: { id: interview._id } });
    const refusal = await backend.call('escalation', { action: 'getCase', caseId: interview._id }, 'demo-visitor-2');
    expect(refusal.ok).toBe(false);
    expect(other.text('#case-state >>> #state-error')).toContain(refusal.ok ? '' : refusal.message);
    other.unload();
  });
});
