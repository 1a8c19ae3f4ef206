// `npm start` as a user runs it: the built functions on the emulator with the demo township, idempotent on restart.
import { spawn } from 'child_process';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');

async function startOnce(dataDir: string): Promise<{ url: string; summary: any; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'emulator', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /local backend on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`npm start exited ${code}: ${out}`)));
  });
  const summary = JSON.parse(/demo township: (.*)/.exec(out)![1]);
  return {
    url,
    summary,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

test('npm start serves the dev API and the demo township, and a second start changes nothing', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nw-start-'));
  const first = await startOnce(dataDir);
  expect(first.summary.alreadyPresent).toBe(0);
  expect(first.summary.inserted.households).toBeGreaterThan(50);
  expect(await (await fetch(`${first.url}/_health`)).json()).toMatchObject({ ok: true, functions: expect.arrayContaining(['org']) });
  const me = await fetch(`${first.url}/fn/org`, { method: 'POST', headers: { 'x-wx-openid': 'demo-office' }, body: '{"action":"me"}' });
  expect(await me.json()).toMatchObject({ ok: true, data: { bound: true, roles: [{ role: 'office' }] } });
  await first.stop();

  const second = await startOnce(dataDir);
  expect(Object.values(second.summary.inserted as Record<string, number>).every((n) => n === 0)).toBe(true);
  expect(second.summary.alreadyPresent).toBeGreaterThan(0);
  await second.stop();
});
