// `npm run demo` is the newcomer's first look at the main job: it must keep working.
import { spawnSync } from 'child_process';
import { join } from 'path';

test('npm run demo prints the December notice and the discipline office interview list', () => {
  const root = join(__dirname, '..', '..');
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'demo.ts')], { cwd: root, encoding: 'utf8', timeout: 120_000, env: { ...process.env, DATA_DIR: '', PORT: '0' } });
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
}, 150_000);
