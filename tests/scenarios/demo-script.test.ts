// `npm run demo` is the newcomer's first look at the main job: it must keep working.
import { spawnSync } from 'child_process';
import { join } from 'path';

test('npm run demo prints the December notice and the discipline office interview list', () => {
  const root = join(__dirname, '..', '..');
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'demo.ts')], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, DATA_DIR: '', PORT: '0' },
  });
  expect(run.status).toBe(0);
  const out = run.stdout;
  const notice = out.slice(out.indexOf('关于2024年12月'), out.indexOf('镇纪委约谈名单'));
  expect(notice).toContain('米志勇');
  expect(notice).toContain('舒丽华');
  expect(notice).not.toContain('向建军');
  const interviews = out.slice(out.indexOf('镇纪委约谈名单'), out.indexOf('规定时间内已补齐'));
  expect(interviews).toContain('米志勇（2024年12月）');
  expect(interviews).not.toContain('舒丽华');
  expect(out).toMatch(/规定时间内已补齐、不再约谈：.*舒丽华（2024年12月）/);
  // 统计中 before the close, a draft, then the office's publication; 谌海波 objected and was upheld: a correction
  expect(out).toContain('2024年12月 统计中');
  expect(out).toMatch(/通报草稿（仅镇办公室和镇纪委可见）：.*谌海波/);
  expect(notice).toMatch(/更正（2025-01-0\d）：经申辩，撤销对谌海波的通报批评/);
  expect(interviews).not.toContain('谌海波');
  expect(out).toMatch(/申辩成立、已撤销：.*谌海波（2024年12月）/);
}, 150_000);
