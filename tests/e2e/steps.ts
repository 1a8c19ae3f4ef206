// What a person does, in miniprogram-automator calls: become a demo user, tap what reads X, type, wait to see Y.
// Only the automator API and the backend's dev API (HTTP) are used, so the steps work against WeChat DevTools too.
import type { Element, MiniProgram, Page } from './harness';

const POLL_MS = 100;
const WAIT_MS = 15000;

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = WAIT_MS): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** Move the backend's virtual clock (the emulator's dev API; `npm start` serves the same). */
export async function setClock(backendUrl: string, iso: string | null): Promise<void> {
  const res = await fetch(`${backendUrl}/_clock`, { method: 'POST', body: JSON.stringify({ now: iso }) });
  if (!res.ok) throw new Error(`clock: ${res.status} ${await res.text()}`);
}

/**
 * The develop build's local mode, as the demo identity switcher sets it, then the app starts over at home.
 * (wx.reLaunch through callWxMethod, then wait for the page: mp.reLaunch() would add a fixed 3 s sleep.)
 */
export async function actAs(mp: MiniProgram, openid: string): Promise<Page> {
  await mp.callWxMethod('setStorageSync', 'dev.localMode', true);
  await mp.callWxMethod('setStorageSync', 'dev.demoOpenid', openid);
  const before = await mp.currentPage();
  await mp.callWxMethod('reLaunch', { url: '/pages/home/index' });
  return until('home page after reLaunch', async () => {
    const page = await mp.currentPage();
    // automator keeps one Page object per page id: a new object is a new page
    return page && page.path === 'pages/home/index' && page !== before ? page : null;
  });
}

/** Wait until the page on top is `route`, and answer it. */
export function onPage(mp: MiniProgram, route: string): Promise<Page> {
  return until(`page ${route}`, async () => {
    const page = await mp.currentPage();
    return page && page.path === route ? page : null;
  });
}

/** The element (page-level selector, or inside a component: ['#evidence', '#add-photo']), once it is there. */
export function element(page: Page, selector: string | string[]): Promise<Element> {
  const chain = Array.isArray(selector) ? selector : [selector];
  return until(`element ${chain.join(' → ')}`, async () => {
    let el: Element | null = await page.$(chain[0]);
    for (const s of chain.slice(1)) el = el ? await el.$(s) : null;
    return el;
  });
}

/** The first element matching `selector` whose text contains `text`, once there is one. */
export function withText(page: Page | Element, selector: string, text: string): Promise<Element> {
  return until(`${selector} reading “${text}”`, async () => {
    for (const el of await page.$$(selector)) if ((await el.text()).includes(text)) return el;
    return null;
  });
}

/** On the home page: tap the tile of the role reading exactly `label` (村民, 网格长, 走访人, 镇纪委…). */
export async function openRole(home: Page, label: string): Promise<void> {
  const tile = await until(`the ${label} tile`, async () => {
    for (const t of await home.$$('.role-tile')) if ((await (await t.$('.role-label'))?.text())?.trim() === label) return t;
    return null;
  });
  await tile.tap();
}

/** A row of a paged list, turning pages with the list's 下一页 (list-pager) until it shows up. */
export async function rowInPages(page: Page, pager: string, row: string, text: string): Promise<Element> {
  for (let turns = 0; turns < 20; turns++) {
    for (const el of await page.$$(row)) if ((await el.text()).includes(text)) return el;
    const next = await (await page.$(pager))?.$('#pager-next');
    if (!next || (await next.attribute('disabled'))) break;
    await next.tap();
  }
  throw new Error(`no ${row} reading “${text}” on any page`);
}

export async function tap(page: Page, selector: string | string[]): Promise<void> {
  await (await element(page, selector)).tap();
}

export async function tapText(page: Page | Element, selector: string, text: string): Promise<void> {
  await (await withText(page, selector, text)).tap();
}

export async function type(page: Page, selector: string, value: string): Promise<void> {
  const el = (await element(page, selector)) as Element & { input(v: string): Promise<void> };
  await el.input(value);
}

/** Choose the option reading `label` in a selector picker (what a finger does in the picker's wheel). */
export async function pick(page: Page, selector: string, label: string): Promise<void> {
  const el = await element(page, selector);
  const range = (await el.attribute('range')) as unknown as string[];
  const index = range.findIndex((r) => r.includes(label));
  if (index < 0) throw new Error(`${selector} has no option “${label}” (options: ${range.join('、')})`);
  await el.trigger('change', { value: index });
}

/** Wait until the element's text contains `text`; answer the text. */
export function seeText(page: Page, selector: string | string[], text: string): Promise<string> {
  return until(`${[selector].flat().join(' → ')} to read “${text}”`, async () => {
    const t = await (await element(page, selector)).text();
    return t.includes(text) ? t : null;
  });
}

/** Network off or on for the phone: requests and uploads fail as WeChat's do without network. */
export async function network(mp: MiniProgram, on: boolean): Promise<void> {
  for (const api of ['request', 'uploadFile']) {
    if (on) await mp.restoreWxMethod(api);
    else
      await mp.mockWxMethod(api, function (this: unknown, o: { fail?: (e: unknown) => void; complete?: (e: unknown) => void }) {
        const err = { errMsg: 'fail network unavailable' };
        setTimeout(() => {
          o.fail?.(err);
          o.complete?.(err);
        }, 0);
        return { abort() {} };
      });
  }
}
