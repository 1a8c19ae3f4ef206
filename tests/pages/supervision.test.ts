/** @jest-environment ./tests/pages/backend-environment.ts */
// Seed 001 §六(三) "领导小组将联合镇纪委通过抽查农户、村部查阅安全隐患登记表等方式…进行督查", through the pages against the real
// function runner and emulator: the village's hazard register (listed, exported and reopened with exceljs), a spot
// check drawn at random, checked at the door and compared with the recorded visits (mismatches listed), and the
// liaison's 明白卡 print sheets, whose QR codes are decoded from the PDF and match the households.
import http from 'http';
import ExcelJS from 'exceljs';
import jsQR from 'jsqr';
import { PDFDocument, PDFName, PDFNumber, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { startBackend, type Backend } from '../helpers/backend';
import { loadPage, type LoadedPage } from '../helpers/miniprogram';
import { HAZARD_REGISTER_TABLE } from '../../server/domain/supervision/hazardRegister';
import { MISMATCH_LABELS } from '../../server/domain/supervision/spotCheck';
import { columnCount } from '../../server/domain/report/layout';

let backend: Backend;
const VISITOR = 'demo-visitor-1';
const DISCIPLINE = 'demo-discipline';
/** villager-1's household (grid 1-1, visitor-1): visited without proof, a gas hazard recorded */
const HH_UNPROVEN = 'demo-hh-1-1-02';
/** visited with GPS at the door */
const HH_GPS = 'demo-hh-1-1-03';
/** never visited in December */
const HH_NONE = 'demo-hh-1-1-04';

function get(url: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => (res.statusCode === 200 ? resolve(Buffer.concat(chunks)) : reject(new Error(`GET ${res.statusCode}`))));
      })
      .on('error', reject);
  });
}

async function visit(householdId: string, extra: Record<string, unknown>): Promise<void> {
  const r = await backend.call(
    'visit',
    {
      action: 'recordVisit',
      householdId,
      templateId: 'residential-default',
      education: { noticeHandedOver: true, sanQingSanGuanExplained: true },
      answers: [{ key: 'gas', answer: 'ok' }],
      ...extra,
    },
    VISITOR,
  );
  if (!r.ok) throw new Error(`recordVisit ${householdId}: ${r.code} ${r.message}`);
}

beforeAll(async () => {
  backend = await startBackend({ demo: true });
  backend.setClock('2026-12-02T10:00:00+08:00');
  await visit(HH_UNPROVEN, { answers: [{ key: 'gas', answer: 'hazard', note: '液化气钢瓶放在灶台下倒置使用', deadline: '2026-12-10' }] });
  const home = backend.docs('households', { _id: HH_GPS })[0];
  await visit(HH_GPS, { location: home.location });
  backend.setClock('2026-12-20T09:00:00+08:00');
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

describe('安全隐患登记表', () => {
  it('lists the village hazards with household, item, dates and state, and exports the register as .xlsx', async () => {
    const page = await loadPage('packages/discipline/hazards/index', { backend, openid: DISCIPLINE });
    expect(page.harness.calls.map((c) => c.data)).toEqual([{ action: 'hazardRegister', page: 1, pageSize: 20 }]);
    expect(page.find('#register-state >>> #state-error')).toBeUndefined();
    const rows = page.page.querySelectorAll('.register-row');
    expect(rows).toHaveLength(1);
    const row = rows[0].dom!.textContent!;
    expect(row).toContain('三江村一组5号');
    expect(row).toContain('液化气钢瓶放在灶台下倒置使用');
    expect(row).toContain('发现 2026-12-02');
    expect(row).toContain('整改期限 2026-12-10');
    expect(row).toContain('逾期未核实');
    expect(page.text('#register-counts')).toContain('共 1 条');

    await page.tap('#register-export');
    expect(page.text('#register-export-error')).toBe('');
    const url = page.harness.clipboard!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await get(url)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(HAZARD_REGISTER_TABLE.sheetName)!;
    expect(ws.getCell(1, 1).value).toBe(HAZARD_REGISTER_TABLE.title);
    // title, the filling line, then the documented header
    const header = Array.from({ length: columnCount(HAZARD_REGISTER_TABLE) }, (_, i) => ws.getCell(3, i + 1).value);
    expect(header).toEqual([
      '序号',
      '农户地址（场所）',
      '户主',
      '隐患类别',
      '隐患描述',
      '来源',
      '发现日期',
      '整改期限',
      '整改状态',
      '核实整改日期',
      '核实人',
    ]);
    const data = Array.from({ length: header.length }, (_, i) => ws.getCell(4, i + 1).value);
    expect(data.slice(0, 2)).toEqual([1, '三江村一组5号']);
    expect(data[4]).toBe('液化气钢瓶放在灶台下倒置使用');
    expect(data.slice(6, 8)).toEqual(['2026-12-02', '2026-12-10']);
    expect(backend.docs('exports', { kind: 'hazardRegister' })).toHaveLength(1);

    // another village: an empty register, picked from the list
    await change(page, '#village-picker', 1);
    expect(page.find('#register-empty')).toBeDefined();
    page.unload();
  });

  it('refuses a visitor and a village liaison', async () => {
    for (const openid of [VISITOR, 'demo-liaison-1']) {
      const page = await loadPage('packages/discipline/hazards/index', { backend, openid });
      const refusal = await backend.call('escalation', { action: 'hazardRegister' }, openid);
      expect(refusal.ok).toBe(false);
      expect(page.text('#register-state >>> #state-error')).toContain(refusal.ok ? '' : refusal.message);
      page.unload();
    }
    const exported = await backend.call('report', { action: 'exportHazardRegister', villageId: 'demo-village-1' }, 'demo-liaison-1');
    expect(exported.ok ? 'ok' : exported.code).toBe('FORBIDDEN');
  });
});

/** Page through the sample (from its first page: the order is random) until the household's card shows; its element id. */
async function showHousehold(p: LoadedPage, householdId: string): Promise<string> {
  if (p.find(`#household-${householdId}`)) return `#household-${householdId}`;
  while (p.page.instance.data.rowPage > 1) await p.tap('#sample-pager >>> #pager-prev');
  for (let i = 0; i < 3; i++) {
    if (p.find(`#household-${householdId}`)) return `#household-${householdId}`;
    await p.tap('#sample-pager >>> #pager-next');
  }
  throw new Error(`${householdId} is not in the sample`);
}

async function recordCheck(p: LoadedPage, householdId: string, says: string, hazardsSeen = ''): Promise<string> {
  const card = await showHousehold(p, householdId);
  const buttons = p.page.querySelectorAll(`${card} .record-btn`);
  buttons[0].dispatchEvent('tap');
  await p.idle();
  await p.tap(`${card} .says-${says}`);
  if (hazardsSeen) await p.input(`${card} .hazards-seen`, hazardsSeen);
  await p.tap(`${card} .save-check`);
  return p.text(await showHousehold(p, householdId));
}

describe('抽查农户', () => {
  it('draws a fixed random sample of a visitor’s households, records the checks and lists what does not add up', async () => {
    const home = await loadPage('packages/discipline/spotchecks/index', { backend, openid: DISCIPLINE });
    expect(home.harness.calls.map((c) => c.data)).toEqual([{ action: 'spotCheckHome', page: 1, pageSize: 20 }]);
    expect(home.find('#no-samples')).toBeDefined();
    await home.tap('#scope-visitor');
    const visitorIndex = backend
      .docs('persons', { active: true })
      .filter((p) => p.grants.some((g: { role: string }) => g.role === 'visitor'))
      .map((p) => p._id as string)
      .sort()
      .indexOf('person-demo-visitor-1');
    await change(home, '#draw-visitor', visitorIndex);
    // all 21 households of visitor-1's two grids: every one is in the sample, in a random order
    await home.input('#draw-size', '25');
    await change(home, '#draw-from', '2026-12-01');
    await change(home, '#draw-to', '2026-12-31');
    await home.tap('#draw-submit');
    expect(home.text('#draw-error')).toBe('');
    const drawn = backend.docs('spotChecks');
    expect(drawn).toHaveLength(1);
    expect(drawn[0].households).toHaveLength(21);
    expect(home.harness.navigations.at(-1)).toBe(`/packages/discipline/spotcheck/index?id=${encodeURIComponent(drawn[0]._id)}`);
    // the draw went with an idempotency key: a resend of the same tap finds the sample drawn, not a new one
    const drawCall = home.harness.calls.find((c) => c.data.action === 'drawSpotCheck')!.data;
    const resend = await backend.call('escalation', drawCall, DISCIPLINE);
    expect(resend.ok && resend.data.spotCheckId).toBe(drawn[0]._id);
    expect(backend.docs('spotChecks')).toHaveLength(1);
    expect(backend.docs('spotChecks')[0].households).toEqual(drawn[0].households);
    home.unload();

    const p = await loadPage('packages/discipline/spotcheck/index', {
      backend,
      openid: DISCIPLINE,
      query: { id: encodeURIComponent(drawn[0]._id) },
    });
    expect(p.harness.calls.map((c) => c.data)).toEqual([{ action: 'getSpotCheck', spotCheckId: drawn[0]._id }]);
    expect(p.text('#sample-title')).toContain('向建军');
    // before any check: the visit without proof is already flagged
    expect(p.text(await showHousehold(p, HH_UNPROVEN))).toContain(MISMATCH_LABELS.recordedNoProof);

    // the villager says nobody came, but a visit is recorded
    const denied = await recordCheck(p, HH_UNPROVEN, 'notVisited');
    expect(denied).toContain(MISMATCH_LABELS.deniedButRecorded);
    expect(denied).toContain('核实：没有人上门');
    // visited with GPS and the villager agrees: nothing to list
    const agreed = await recordCheck(p, HH_GPS, 'visited');
    expect(agreed).not.toContain('⚠');
    // the villager says someone came, nothing is recorded; hazards seen that the register lacks
    const unrecorded = await recordCheck(p, HH_NONE, 'visited', '堂屋里给电动车充电');
    expect(unrecorded).toContain(MISMATCH_LABELS.visitedNotRecorded);
    expect(unrecorded).toContain(MISMATCH_LABELS.hazardNotRegistered);
    expect(p.text('#sample-summary')).toBe('已核 3/21 户，不一致 4 处');
    const stored = backend.docs('spotChecks')[0].households.find((h: { householdId: string }) => h.householdId === HH_UNPROVEN);
    expect(stored.check).toMatchObject({ says: 'notVisited', checkedByName: '王纪明' });
    p.unload();

    // the list shows the sample with its mismatches
    const again = await loadPage('packages/discipline/spotchecks/index', { backend, openid: DISCIPLINE });
    expect(again.text('.sample-row')).toContain('已核 3/21 户 · 不一致 4 处');
    again.unload();
  });

  it('the township office (the leading group) draws too; a visitor may not', async () => {
    const office = await backend.call(
      'escalation',
      { action: 'drawSpotCheck', villageId: 'demo-village-2', size: 3, fromDay: '2026-12-01', toDay: '2026-12-20' },
      'demo-office',
    );
    expect(office.ok && office.data.households).toHaveLength(3);
    const refused = await backend.call(
      'escalation',
      { action: 'drawSpotCheck', villageId: 'demo-village-2', size: 3, fromDay: '2026-12-01', toDay: '2026-12-20' },
      VISITOR,
    );
    expect(refused.ok ? 'ok' : refused.code).toBe('FORBIDDEN');
    const page = await loadPage('packages/discipline/spotchecks/index', { backend, openid: VISITOR });
    expect(page.text('#spot-state >>> #state-error')).toContain(refused.ok ? '' : refused.message);
    page.unload();
  });
});

/** The RGB images of a PDF in the order they were written, as RGBA pixels jsQR reads. */
async function pdfImages(pdf: Buffer): Promise<{ width: number; height: number; rgba: Uint8ClampedArray }[]> {
  const doc = await PDFDocument.load(pdf);
  const out: { n: number; width: number; height: number; rgba: Uint8ClampedArray }[] = [];
  for (const [ref, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream) || obj.dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue;
    if (obj.dict.get(PDFName.of('ColorSpace')) !== PDFName.of('DeviceRGB')) continue;
    const width = (obj.dict.get(PDFName.of('Width')) as PDFNumber).asNumber();
    const height = (obj.dict.get(PDFName.of('Height')) as PDFNumber).asNumber();
    const rgb = decodePDFRawStream(obj).decode();
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      rgba[i * 4] = rgb[i * 3];
      rgba[i * 4 + 1] = rgb[i * 3 + 1];
      rgba[i * 4 + 2] = rgb[i * 3 + 2];
      rgba[i * 4 + 3] = 255;
    }
    out.push({ n: ref.objectNumber, width, height, rgba });
  }
  return out.sort((a, b) => a.n - b.n);
}

describe('明白卡 print sheets', () => {
  it('the liaison prints a grid’s cards as an A4 PDF whose QR codes decode to each household’s card', async () => {
    const page = await loadPage('packages/liaison/grid/index', {
      backend,
      openid: 'demo-liaison-2',
      query: { gridId: 'demo-grid-2-3', villageId: 'demo-village-2', name: encodeURIComponent('第3微网格') },
    });
    await page.tap('#grid-sheets >>> #print-cards');
    expect(page.text('#grid-sheets >>> #print-error')).toBe('');
    expect(page.text('#grid-sheets >>> #print-done')).toBe('已生成 5 户的明白卡，共 3 页A4（每页2张，沿虚线裁开）');
    expect(page.harness.documents).toHaveLength(1);
    expect(page.harness.documents[0].fileType).toBe('pdf');
    const file = page.harness.downloads.get(page.harness.documents[0].filePath)!;
    expect(file.statusCode).toBe(200);
    const pdf = file.data;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(3);
    expect(doc.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });
    // the CJK font is embedded as a subset: the file stays small
    expect(pdf.length).toBeLessThan(600_000);

    const printed = page.harness.calls.find((c) => c.data.action === 'exportCardSheets')!;
    expect(printed.data).toEqual({ action: 'exportCardSheets', gridId: 'demo-grid-2-3' });
    const record = backend.docs('exports', { kind: 'cardSheets' })[0];
    expect(record.fileName).toBe('明白卡-桐木溪村第3微网格-demo-grid-2-3.pdf');
    const households = backend
      .docs('households', { gridId: 'demo-grid-2-3', active: true })
      .map((h) => h._id as string)
      .sort();
    const images = await pdfImages(pdf);
    expect(images).toHaveLength(households.length);
    const scenes = images.map((img) => {
      const code = jsQR(img.rgba, img.width, img.height);
      expect(code).not.toBeNull();
      const scene = decodeURIComponent(/[?&]scene=([^&]+)/.exec(code!.data)![1]);
      expect(code!.data.startsWith('pages/card/index?')).toBe(true);
      return scene;
    });
    // each card's QR is its own household's: the one its villager's phone shows, and the one a visit accepts as proof
    for (const [i, householdId] of households.entries()) {
      const r = await backend.call('visit', { action: 'getHouseholdCard', householdId }, 'demo-visitor-4');
      expect(r.ok && r.data.scene).toBe(scenes[i]);
    }
    // the grid leader's own household (its first): the card its phone shows carries the same QR
    const mine = await backend.call('household', { action: 'myHousehold', withCard: true }, 'demo-leader-7');
    expect(mine.ok && mine.data.card.scene).toBe(scenes[households.indexOf('demo-hh-2-3-01')]);
    page.unload();
  });

  it('offers the whole village on the village page; another village’s liaison is refused', async () => {
    const page = await loadPage('packages/liaison/village/index', { backend, openid: 'demo-liaison-2' });
    expect(page.text('#village-sheets >>> #print-cards')).toBe('打印本村全部农户的明白卡');
    page.unload();
    const refused = await backend.call('report', { action: 'exportCardSheets', gridId: 'demo-grid-1-1' }, 'demo-liaison-2');
    expect(refused.ok ? 'ok' : refused.code).toBe('FORBIDDEN');
    const neither = await backend.call('report', { action: 'exportCardSheets' }, 'demo-liaison-2');
    expect(neither.ok ? 'ok' : neither.message).toBe('请选择一个微网格或一个村（社区）');
  });
});
