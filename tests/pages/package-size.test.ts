// The main package and every subpackage stay within 1 MB (WeChat's hard limit for the main package is 2 MB), and the
// packages preloaded from one package's pages (app.json preloadRule) within WeChat's 2 MB preload quota.
import { spawnSync } from 'child_process';
import path from 'path';
import { readFileSync } from 'fs';

const SCRIPT = path.join(__dirname, '..', '..', 'scripts', 'package-size.mjs');

function run(...args: string[]) {
  return spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8' });
}

describe('scripts/package-size.mjs', () => {
  it('passes the 1 MB budget for every package and prints the sizes', () => {
    const r = run();
    process.stdout.write(r.stdout);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/主包 main\s+[\d.]+ KB/);
    expect(r.stdout).toMatch(/分包 dev\s+[\d.]+ KB/);
  });

  it('reports every package from app.json, with sizes in bytes', () => {
    const r = run('--json');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { budget: number; packages: { name: string; root: string; bytes: number }[] };
    expect(report.budget).toBe(1024 * 1024);
    const appJson = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'miniprogram', 'app.json'), 'utf8')) as {
      subpackages?: { root: string }[];
    };
    expect(report.packages.map((p) => p.root)).toEqual(['', ...(appJson.subpackages ?? []).map((s) => s.root)]);
    for (const p of report.packages) expect(p.bytes).toBeGreaterThan(0);
  });

  it('checks the preloadRule: the home page preloads every role package, within the 2 MB preload quota', () => {
    const r = run('--json');
    const report = JSON.parse(r.stdout) as {
      preloadBudget: number;
      preloads: { from: string; pages: string[]; packages: string[]; bytes: number }[];
      unknownPreloads: string[];
    };
    expect(report.preloadBudget).toBe(2 * 1024 * 1024);
    expect(report.unknownPreloads).toEqual([]);
    const main = report.preloads.find((p) => p.from === '主包 main');
    expect(main?.pages).toContain('pages/home/index');
    expect(main!.bytes).toBeGreaterThan(0);
    expect(main!.bytes).toBeLessThanOrEqual(report.preloadBudget);
    const text = run();
    expect(text.stdout).toMatch(/✓ 预下载 主包 main 的页面 → \d+ 个分包/);
  });

  it('fails when the preloads of one package exceed the preload quota', () => {
    const r = run('--preload-budget', '1024');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/预下载超出限额：主包 main 的页面共预下载/);
  });

  it('fails when a package is over budget', () => {
    const r = run('--budget', '1024');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/超出预算：主包 main/);
  });
});
