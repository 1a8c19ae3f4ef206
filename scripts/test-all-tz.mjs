// The suite must hold whatever the host time zone: run it under three, then print one plain summary line.
// The e2e project (miniprogram-automator in headless Chromium) runs under the first zone only: its phone is in China's
// time zone whatever the host's (tools/mp-runtime sets it), and the backend's zone handling is covered by the others.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const zones = ['Asia/Shanghai', 'UTC', 'America/Los_Angeles'];
const extra = process.argv.slice(2);
const outDir = mkdtempSync(join(tmpdir(), 'nw-jest-'));
let passed = 0;
let failed = 0;
let status = 0;
for (const tz of zones) {
  console.log(`\n=== jest under TZ=${tz} ===`);
  const outputFile = join(outDir, `${tz.replace('/', '_')}.json`);
  const projects = tz === zones[0] ? [] : ['--selectProjects', 'node', 'pages'];
  const args = ['node_modules/jest/bin/jest.js', '--ci', '--json', `--outputFile=${outputFile}`, ...projects, ...extra];
  const r = spawnSync(process.execPath, args, {
    stdio: 'inherit',
    env: { ...process.env, TZ: tz },
  });
  try {
    const report = JSON.parse(readFileSync(outputFile, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
  } catch {
    failed += 1;
  }
  if (r.status !== 0) {
    console.error(`jest failed under TZ=${tz}`);
    status = r.status ?? 1;
    break;
  }
}
if (status === 0) console.log(`\nall suites passed under ${zones.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(status);
