// The suite must hold whatever the host time zone: run it under three.
import { spawnSync } from 'node:child_process';

const zones = ['Asia/Shanghai', 'UTC', 'America/Los_Angeles'];
const extra = process.argv.slice(2);
for (const tz of zones) {
  console.log(`\n=== jest under TZ=${tz} ===`);
  const r = spawnSync(process.execPath, ['node_modules/jest/bin/jest.js', '--ci', ...extra], {
    stdio: 'inherit',
    env: { ...process.env, TZ: tz },
  });
  if (r.status !== 0) {
    console.error(`jest failed under TZ=${tz}`);
    process.exit(r.status ?? 1);
  }
}
console.log('\nall suites passed under ' + zones.join(', '));
