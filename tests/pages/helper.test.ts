// tests/helpers/miniprogram.ts itself: classic Page({...}) pages load too, with onLoad called and handlers bound.
import path from 'path';
import type { Backend } from '../helpers/backend';
import { loadPage } from '../helpers/miniprogram';

const noBackend = { port: 0, call: () => Promise.reject(new Error('no backend in this test')) } as unknown as Backend;

it('renders a Page({...}) page: onLoad gets the query, top-level handlers answer taps', async () => {
  const page = await loadPage('page-style/index', { backend: noBackend, root: path.join(__dirname, 'fixtures'), query: { who: '村民' } });
  expect(page.text('#greeting')).toBe('你好，村民');
  await page.tap('#again');
  expect(page.text('#greeting')).toBe('你好，村民！');
  page.unload();
});
