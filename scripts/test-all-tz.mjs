// The suite must hold whatever the host time zone: run it under three, then print one plain summary line.
// The first zone runs every project. The other two run the node project — every rule, function, emulator and
// scenario test, where the host's zone could leak into the server (CloudBase runs functions in UTC) — and leave out the
// pages and e2e projects: those drive the same functions again through the mini program, whose phone is in China's
// time zone whatever the host's (tools/mp-runtime pins it; the pages format CST through ui/cstFormat), and running
// them three times would take CI past its 20 minutes.
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
  const projects = tz === zones[0] ? [] : ['--selectProjects', 'node'];
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
