// Prints the size of the main package and of each subpackage of miniprogram/ and fails over budget (1 MB each).
// Sizes are the files as they sit in the source tree (TypeScript counted as is), a safe upper bound for the
// uploaded package; files DevTools never ships (dotfiles, *.md, *.d.ts) are left out.
// It also checks app.json's preloadRule against WeChat's rule "同一个分包中的页面享有共同的预下载大小限额 2M，限额会在
// 工具中打包时校验" (https://developers.weixin.qq.com/miniprogram/dev/framework/subpackages/preload.html): per package,
// the packages its pages preload add up to at most 2 MB, and every preloaded package exists.
// Usage: node scripts/package-size.mjs [--root <miniprogram dir>] [--budget <bytes>] [--preload-budget <bytes>] [--json]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = option('--root') ?? join(projectRoot, 'miniprogram');
const budget = Number(option('--budget') ?? 1024 * 1024);
const preloadBudget = Number(option('--preload-budget') ?? 2 * 1024 * 1024);
const asJson = args.includes('--json');

const app = JSON.parse(readFileSync(join(root, 'app.json'), 'utf8'));
const subpackages = (app.subpackages ?? app.subPackages ?? []).map((p) => ({
  name: p.name || p.root,
  root: p.root.replace(/^\/+|\/+$/g, ''),
}));

const ignored = (rel) => rel.split('/').some((part) => part.startsWith('.')) || rel.endsWith('.md') || rel.endsWith('.d.ts');

const packages = [
  { name: '主包 main', root: '', bytes: 0, files: 0 },
  ...subpackages.map((p) => ({ name: `分包 ${p.name}`, root: p.root, bytes: 0, files: 0 })),
];

function owner(rel) {
  for (const p of packages.slice(1)) if (rel === p.root || rel.startsWith(p.root + '/')) return p;
  return packages[0];
}

(function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    const rel = relative(root, full).split(sep).join('/');
    if (entry.name === 'node_modules' || ignored(rel)) continue;
    if (entry.isDirectory()) walk(full);
    else {
      const pkg = owner(rel);
      pkg.bytes += statSync(full).size;
      pkg.files += 1;
    }
  }
})(root);

const over = packages.filter((p) => p.bytes > budget);
const total = packages.reduce((n, p) => n + p.bytes, 0);

// preloadRule: page path → { packages: [root or name, '__APP__' = main] }; totals per package owning the pages
const byRef = (ref) =>
  ref === '__APP__' ? packages[0] : packages.slice(1).find((p) => p.root === ref.replace(/^\/+|\/+$/g, '') || p.name === `分包 ${ref}`);
const preload = new Map();
const unknownPreloads = [];
for (const [page, rule] of Object.entries(app.preloadRule ?? {})) {
  const from = owner(page);
  const entry = preload.get(from.name) ?? { from: from.name, pages: [], packages: [], bytes: 0 };
  entry.pages.push(page);
  for (const ref of rule.packages ?? []) {
    const target = byRef(ref);
    if (!target) unknownPreloads.push(`${page} → ${ref}`);
    else if (!entry.packages.includes(target.name)) {
      entry.packages.push(target.name);
      entry.bytes += target.bytes;
    }
  }
  preload.set(from.name, entry);
}
const preloads = [...preload.values()];
const preloadOver = preloads.filter((p) => p.bytes > preloadBudget);
const failed = over.length || preloadOver.length || unknownPreloads.length;

if (asJson) {
  console.log(
    JSON.stringify({
      budget,
      total,
      packages,
      over: over.map((p) => p.name),
      preloadBudget,
      preloads,
      preloadOver: preloadOver.map((p) => p.from),
      unknownPreloads,
    }),
  );
} else {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`小程序包体积（预算 ${kb(budget)} / 包）`);
  for (const p of packages) {
    console.log(
      `  ${p.bytes > budget ? '✗' : '✓'} ${p.name.padEnd(16)} ${kb(p.bytes).padStart(10)}  ${String(p.files).padStart(4)} 个文件${p.root ? `  (${p.root}/)` : ''}`,
    );
  }
  console.log(`  合计 ${kb(total)}`);
  for (const p of preloads) {
    console.log(
      `  ${p.bytes > preloadBudget ? '✗' : '✓'} 预下载 ${p.from} 的页面 → ${p.packages.length} 个分包 ${kb(p.bytes)}（限额 ${kb(preloadBudget)}）`,
    );
  }
  for (const p of over) console.error(`超出预算：${p.name} ${kb(p.bytes)} > ${kb(budget)}`);
  for (const p of preloadOver) console.error(`预下载超出限额：${p.from} 的页面共预下载 ${kb(p.bytes)} > ${kb(preloadBudget)}`);
  for (const ref of unknownPreloads) console.error(`预下载的分包不存在：${ref}`);
}
process.exit(failed ? 1 : 0);
