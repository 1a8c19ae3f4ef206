// `npm run gallery`: every registered page, as each role that can open it, in normal and large-text mode, at
// 360×640 and 375×812, screenshotted from the headless runtime into gallery/ with an index.html contact sheet. While
// rendering, each page is checked for horizontal overflow, tap targets under 44 CSS px (in large-text mode) and text
// contrast under 4.5:1 (axe-core's color-contrast rule); the findings are printed as a table.
//
// The backend is a fresh local one with the demo township, played forward so the pages have something to show: a
// villager's hazard report, a visit, December 2026 closed into a notice the office published, and its remedy window
// passed, so the discipline office has interview cases. A page is "openable" by a role unless its first cloud call is
// refused (FORBIDDEN / UNAUTHENTICATED); refused pairs are listed, not screenshotted.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { startBackend, type Backend } from '../../../tests/helpers/backend';
import { waitIdle } from './automator';
import { REPO_ROOT, resolvePackage, runtimeBundle } from './bundle';
import { launchBrowser, openApp, startRuntimeServer } from './server';

export const GALLERY_DIR = path.join(REPO_ROOT, 'gallery');
export const MIN_TARGET_PX = 44;

/** One demo person per role (README: demo identities); `anonymous` is someone who has not joined yet. */
export const ROLES: { role: string; label: string; openid: string }[] = [
  { role: 'villager', label: '村民', openid: 'demo-villager-1' },
  { role: 'gridLeader', label: '网格长', openid: 'demo-leader-1' },
  { role: 'visitor', label: '走访人', openid: 'demo-visitor-1' },
  { role: 'liaison', label: '村联络员', openid: 'demo-liaison-1' },
  { role: 'office', label: '镇办公室', openid: 'demo-office' },
  { role: 'discipline', label: '镇纪委', openid: 'demo-discipline' },
  { role: 'anonymous', label: '未加入', openid: '' },
];

export const SIZES = [
  { name: '360x640', width: 360, height: 640 },
  { name: '375x812', width: 375, height: 812 },
];

/** Pages that need a record to show: opened the way a person gets there, by tapping the first row of their list. */
const OPENERS: Record<string, { from: string; tap: string }> = {
  'packages/visitor/visit/index': { from: 'packages/visitor/households/index', tap: '.household-row' },
  'packages/discipline/case/index': { from: 'packages/discipline/cases/index', tap: '.case-row' },
  'packages/liaison/grid/index': { from: 'packages/liaison/village/index', tap: '.grid-head' },
};

const REFUSALS = new Set(['FORBIDDEN', 'UNAUTHENTICATED']);

export interface Shot {
  page: string;
  role: string;
  size: string;
  large: boolean;
  file: string;
  overflow: string[];
  smallTargets: string[];
  contrast: string[];
}

/** December 2026 played forward on the demo township (see the header). */
export async function playDemo(backend: Backend): Promise<void> {
  const ok = async (fn: string, event: Record<string, unknown>, openid: string) => {
    const r = await backend.call(fn, event, openid);
    if (!r.ok) throw new Error(`${fn}.${String(event.action)} as ${openid}: ${r.code} ${r.message}`);
    return r.data as any;
  };
  backend.setClock('2026-12-09T10:00:00+08:00');
  await ok(
    'resident',
    {
      action: 'reportHazard',
      householdId: 'demo-hh-1-1-02',
      category: 'ebikeCharging',
      description: '楼道里给电动车充电，插线板在柴堆旁',
      photos: [],
    },
    'demo-villager-1',
  );
  await ok(
    'visit',
    {
      action: 'recordVisit',
      householdId: 'demo-hh-1-1-02',
      templateId: 'residential-default',
      answers: [
        { key: 'electricalWiring', answer: 'ok' },
        { key: 'gas', answer: 'ok' },
      ],
      education: { noticeHandedOver: true, sanQingSanGuanExplained: true },
    },
    'demo-visitor-1',
  );
  backend.setClock('2027-01-03T00:05:00+08:00');
  await backend.fireTimer('escalation');
  backend.setClock('2027-01-04T10:00:00+08:00');
  const drafts = await ok('escalation', { action: 'listNotices', status: 'draft' }, 'demo-office');
  for (const n of drafts.items) await ok('escalation', { action: 'publishNotice', noticeId: n._id ?? n.id }, 'demo-office');
  backend.setClock('2027-01-12T00:05:00+08:00');
  await backend.fireTimer('escalation');
  backend.setClock('2027-01-12T09:00:00+08:00');
}

async function reLaunch(page: Page, url: string): Promise<void> {
  await page.evaluate(
    (u) => (globalThis as any).__mpAutomation.handle('App.callWxMethod', { method: 'reLaunch', args: [{ url: u }] }),
    url,
  );
  await waitIdle(page);
}

async function topRoute(page: Page): Promise<string> {
  return ((await page.evaluate(() => (globalThis as any).__mpAutomation.handle('App.getCurrentPage', {}))) as { path: string }).path;
}

/** Open `route` as the person whose storage is set; false when the backend refused them. */
async function open(page: Page, route: string): Promise<boolean> {
  const callsBefore = ((await page.evaluate(() => (globalThis as any).__mpAutomation.calls())) as unknown[]).length;
  const opener = OPENERS[route];
  await reLaunch(page, `/${opener ? opener.from : route}`);
  if (opener) {
    const point = await page
      .evaluate(async (sel) => {
        const a = (globalThis as any).__mpAutomation;
        const el = (await a.handle('Page.getElement', { selector: sel }).catch(() => null)) as { elementId: string } | null;
        return el ? a.tapPoint(el.elementId) : null;
      }, opener.tap)
      .catch(() => null);
    if (!point) return false;
    await page.touchscreen.tap(point.x, point.y);
    await waitIdle(page);
    if ((await topRoute(page)) !== route) return false;
  }
  await page.waitForTimeout(50);
  await waitIdle(page);
  const calls = ((await page.evaluate(() => (globalThis as any).__mpAutomation.calls())) as { code?: string }[]).slice(callsBefore);
  return !calls.some((c) => c.code && REFUSALS.has(c.code));
}

/** Become `openid` (large text or not) and open `route`; false when the backend refused them. */
export async function openAs(page: Page, openid: string, large: boolean, route: string): Promise<boolean> {
  await setPerson(page, openid, large);
  return open(page, route);
}

/** Horizontal overflow and tap targets under 44 px on the page on top. */
export function auditTop(page: Page): Promise<{ overflow: string[]; smallTargets: string[] }> {
  return page.evaluate((min) => (globalThis as any).__mpAutomation.audit(min), MIN_TARGET_PX);
}

async function setPerson(page: Page, openid: string, large: boolean): Promise<void> {
  await page.evaluate(
    ([id, big]) => {
      const wx = (globalThis as any).wx;
      wx.setStorageSync('dev.localMode', true);
      wx.setStorageSync('dev.demoOpenid', id);
      wx.setStorageSync('ui.largeText', big);
    },
    [openid, large] as const,
  );
}

async function contrast(page: Page, axeSource: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (globalThis as any).axe;
    const res = await axe.run((globalThis as any).document.querySelector('.mp-pages'), {
      runOnly: ['color-contrast'],
      resultTypes: ['violations'],
    });
    const out: string[] = [];
    for (const v of res.violations) for (const n of v.nodes) out.push(`${String(n.target)}: ${n.any?.[0]?.message ?? v.help}`);
    return out;
  });
}

function slug(route: string): string {
  return route.replace(/\/index$/, '').replace(/\//g, '_');
}

function indexHtml(shots: Shot[], refused: string[]): string {
  const byPage = new Map<string, Shot[]>();
  for (const s of shots) byPage.set(s.page, [...(byPage.get(s.page) ?? []), s]);
  const cell = (s: Shot) => {
    const issues = [...s.overflow, ...(s.large ? s.smallTargets : []), ...s.contrast];
    return `<figure class="${issues.length ? 'bad' : ''}"><a href="${s.file}"><img loading="lazy" src="${s.file}"></a><figcaption>${s.role} · ${s.size} · ${s.large ? '大字' : '标准'}${issues.length ? ` · ${issues.length} 项问题` : ''}</figcaption></figure>`;
  };
  const sections = [...byPage.entries()]
    .map(([page, list]) => `<h2>${page}</h2><div class="row">${list.map(cell).join('')}</div>`)
    .join('\n');
  return `<!doctype html><meta charset="utf-8"><title>邻里守望 · 页面总览</title>
<style>body{font-family:'Noto Sans CJK SC',sans-serif;margin:16px;background:#eee}h2{font-size:16px;margin:24px 0 8px}
.row{display:flex;flex-wrap:wrap;gap:12px;align-items:flex-start}figure{margin:0;background:#fff;padding:6px;border:2px solid #ccc}
figure.bad{border-color:#b00020}img{width:180px;display:block}figcaption{font-size:12px;margin-top:4px;max-width:180px}</style>
<h1>邻里守望 · 每个页面 × 每个能打开它的身份 × 标准/大字 × 360×640 / 375×812</h1>
<p>${shots.length} 张截图；被后端拒绝（不显示）：${refused.length ? refused.join('、') : '无'}</p>
${sections}`;
}

export interface GalleryResult {
  shots: Shot[];
  refused: string[];
  /** overflow anywhere, and small tap targets in large-text mode: what must be zero */
  failures: number;
}

/** The four screenshots the README shows (375×812, normal text, the visible screen only). */
export const README_SHOTS = [
  { route: 'pages/home/index', role: 'villager', file: 'villager-home.png' },
  { route: 'packages/visitor/visit/index', role: 'visitor', file: 'visit-form.png' },
  { route: 'packages/leader/board/index', role: 'gridLeader', file: 'leader-board.png' },
  { route: 'packages/discipline/case/index', role: 'discipline', file: 'discipline-case.png' },
];
export const README_DIR = path.join(REPO_ROOT, 'docs', 'screenshots');

export async function renderGallery(
  opts: { outDir?: string; readmeDir?: string; log?: (line: string) => void } = {},
): Promise<GalleryResult> {
  const outDir = opts.outDir ?? GALLERY_DIR;
  const log = opts.log ?? (() => undefined);
  rmSync(outDir, { recursive: true, force: true });
  for (const size of SIZES) mkdirSync(path.join(outDir, size.name), { recursive: true });
  const axeSource = readFileSync(resolvePackage('axe-core/axe.min.js'), 'utf8');
  const backend = await startBackend({ demo: true });
  const server = await startRuntimeServer({ backendUrl: `http://127.0.0.1:${backend.port}`, bundle: await runtimeBundle() });
  const browser = await launchBrowser();
  const shots: Shot[] = [];
  const refused: string[] = [];
  const pages = server.bundle.manifest.pages;
  if (opts.readmeDir) mkdirSync(opts.readmeDir, { recursive: true });
  try {
    await playDemo(backend);
    const clockOffsetMs = backend.emulator.clock.offset;
    // the two device sizes render side by side, each on its own phone
    await Promise.all(
      SIZES.map(async (size) => {
        const phone = await openApp(browser, server, { width: size.width, height: size.height, clockOffsetMs, deviceScaleFactor: 1 });
        try {
          for (const route of pages) {
            for (const who of ROLES) {
              for (const large of [false, true]) {
                if (!(await openAs(phone.page, who.openid, large, route))) {
                  if (!refused.includes(`${route}（${who.label}）`)) refused.push(`${route}（${who.label}）`);
                  break;
                }
                const audit = await auditTop(phone.page);
                const file = `${size.name}/${slug(route)}__${who.role}__${large ? 'large' : 'normal'}.png`;
                await phone.page.screenshot({ path: path.join(outDir, file), fullPage: true });
                const readme = README_SHOTS.find((r) => r.route === route && r.role === who.role && size === SIZES[1] && !large);
                if (readme && opts.readmeDir) await phone.page.screenshot({ path: path.join(opts.readmeDir, readme.file) });
                shots.push({
                  page: route,
                  role: who.role,
                  size: size.name,
                  large,
                  file,
                  ...audit,
                  contrast: await contrast(phone.page, axeSource),
                });
                log(`  ${file}`);
              }
            }
          }
        } finally {
          await phone.close();
        }
      }),
    );
  } finally {
    await browser.close();
    await server.close();
    await backend.stop();
  }
  const order = (s: Shot) => [
    pages.indexOf(s.page),
    ROLES.findIndex((r) => r.role === s.role),
    SIZES.findIndex((z) => z.name === s.size),
    Number(s.large),
  ];
  shots.sort((a, b) => {
    const [x, y] = [order(a), order(b)];
    return x.map((v, i) => v - y[i]).find((d) => d !== 0) ?? 0;
  });
  writeFileSync(path.join(outDir, 'index.html'), indexHtml(shots, refused));
  const failures = shots.reduce((n, s) => n + s.overflow.length + (s.large ? s.smallTargets.length : 0), 0);
  return { shots, refused, failures };
}

/** The findings table: one line per page and role, counts per check, the first finding of each kind spelled out. */
export function findingsTable(result: GalleryResult): string {
  const rows = new Map<string, { overflow: number; small: number; contrast: number; examples: string[] }>();
  for (const s of result.shots) {
    const key = `${s.page}\t${s.role}`;
    const r = rows.get(key) ?? { overflow: 0, small: 0, contrast: 0, examples: [] };
    r.overflow += s.overflow.length;
    if (s.large) r.small += s.smallTargets.length;
    r.contrast += s.contrast.length;
    const first = s.overflow[0] ?? (s.large ? s.smallTargets[0] : undefined) ?? s.contrast[0];
    if (first && r.examples.length < 1) r.examples.push(`${s.size}${s.large ? ' 大字' : ''}: ${first}`);
    rows.set(key, r);
  }
  const lines = ['page\trole\toverflow\ttargets<44px (large text)\tcontrast<4.5\tfirst finding'];
  for (const [key, r] of rows) lines.push(`${key}\t${r.overflow}\t${r.small}\t${r.contrast}\t${r.examples[0] ?? ''}`);
  const widths = lines[0].split('\t').map((_, i) => Math.max(...lines.map((l) => (l.split('\t')[i] ?? '').length)));
  return lines
    .map((l) =>
      l
        .split('\t')
        .map((c, i) => (i < 5 ? c.padEnd(Math.min(widths[i], 44)) : c))
        .join('  '),
    )
    .join('\n');
}
