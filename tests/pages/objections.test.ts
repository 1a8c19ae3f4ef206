// Objections 申辩 through the pages (SPEC §4.8), against the real function runner and emulator: the discipline office
// sees a draft left unpublished past its due time; after publication a visitor files an objection from the cases page;
// the township office upholds it on the objections page; the visitor sees the ruling and the correction.
import { startBackend, type Backend } from '../helpers/backend';
import { ladderUntilDone, publishDraft } from '../helpers/ladder';
import { loadPage } from '../helpers/miniprogram';

let backend: Backend;
const campaignId = 'demo-township-seed001';
const VISITOR = 'demo-visitor-2';
const caseId = `notice:${campaignId}:2024-12:person-${VISITOR}`;

beforeAll(async () => {
  backend = await startBackend({ demo: true });
  backend.setClock('2024-11-18T09:00:00+08:00');
  const upd = await backend.call('visit', { action: 'updateCampaign', campaignId, active: true }, 'demo-office');
  if (!upd.ok) throw new Error(upd.message);
  // nobody visits in December: the close on 01-03 drafts a line for every visitor
  await ladderUntilDone(backend, '2025-01-03T00:10:00+08:00');
}, 120_000);
afterAll(() => backend?.stop());

test('the discipline office sees a draft the office left unpublished past its due time', async () => {
  backend.setClock('2025-01-08T09:00:00+08:00');
  const p = await loadPage('packages/discipline/cases/index', { backend, openid: 'demo-discipline' });
  expect(p.harness.calls.map((c) => c.data.action)).toEqual(['listCases']);
  expect(p.text('#overdue-drafts')).toContain('2024年12月通报草稿');
  expect(p.text('#overdue-drafts')).toContain('至今未发布');
  p.unload();
});

test('a visitor files an objection from the cases page; the office upholds it; the visitor sees the ruling and the correction', async () => {
  // before publication the visitor sees no case at all
  const before = await loadPage('packages/visitor/cases/index', { backend, openid: VISITOR });
  expect(before.find('#no-cases')).toBeDefined();
  before.unload();
  await publishDraft(backend, campaignId, '2024-12', '2025-01-08T10:00:00+08:00');

  backend.setClock('2025-01-09T09:00:00+08:00');
  const cases = await loadPage('packages/visitor/cases/index', { backend, openid: VISITOR });
  expect(cases.text('#case-0')).toContain('如有异议，可在');
  await cases.tap('.object-btn');
  await cases.tap('#object-submit');
  expect(cases.text('#object-error')).toContain('请写明申辩理由');
  cases.find('#object-text')!.dispatchEvent('input', { detail: { value: '12月20日起住院治疗，有住院证明' } });
  await cases.idle();
  await cases.tap('#object-submit');
  expect(cases.find('#object-error')).toBeUndefined();
  expect(cases.text('#case-0')).toContain('我的申辩');
  expect(cases.text('#case-0')).toContain('待裁定');
  expect(cases.find('.object-btn')).toBeUndefined();
  const filed = cases.harness.calls.find((c) => c.data.action === 'fileObjection')!;
  expect(filed.data.idempotencyKey).toBeTruthy();
  cases.unload();

  const office = await loadPage('packages/office/objections/index', { backend, openid: 'demo-office' });
  expect(office.harness.calls.map((c) => c.data.action)).toEqual(['listObjections']);
  expect(office.text('#objection-0')).toContain('住院治疗');
  await office.tap('#objection-0 .uphold-btn');
  expect(office.text('#objection-0')).toContain('请填写裁定理由');
  office.find('#objection-0 .reason-input')!.dispatchEvent('input', { detail: { value: '住院证明属实' } });
  await office.idle();
  await office.tap('#objection-0 .uphold-btn');
  expect(office.find('#objection-0')?.dom?.textContent ?? '').not.toContain('住院治疗');
  office.unload();
  expect(backend.docs('cases', { _id: caseId })[0]).toMatchObject({ status: 'withdrawn', objection: { status: 'upheld' } });

  const after = await loadPage('packages/visitor/cases/index', { backend, openid: VISITOR });
  expect(after.text('#case-0')).toContain('已撤销');
  expect(after.text('#case-0')).toContain('申辩成立');
  expect(after.text('#case-0')).toContain('裁定理由：住院证明属实');
  await after.tap('#tab-notices');
  expect(after.allText()).toContain('更正');
  after.unload();
});
