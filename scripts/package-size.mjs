// Prints the size of the main package and of each subpackage of miniprogram/ and fails over budget (1 MB each).
// Sizes are the files as they sit in the source tree (TypeScript counted as is), a safe upper bound for the
// uploaded package; files DevTools never ships (dotfiles, *.md, *.d.ts) are left out.
// Usage: node scripts/package-size.mjs [--root <miniprogram dir>] [--budget <bytes>] [--json]
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
if (asJson) {
  console.log(JSON.stringify({ budget, total, packages, over: over.map((p) => p.name) }));
} else {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`小程序包体积（预算 ${kb(budget)} / 包）`);
  for (const p of packages) {
    console.log(
      `  ${p.bytes > budget ? '✗' : '✓'} ${p.name.padEnd(16)} ${kb(p.bytes).padStart(10)}  ${String(p.files).padStart(4)} 个文件${p.root ? `  (${p.root}/)` : ''}`,
    );
  }
  console.log(`  合计 ${kb(total)}`);
  for (const p of over) console.error(`超出预算：${p.name} ${kb(p.bytes)} > ${kb(budget)}`);
}
process.exit(over.length ? 1 : 0);
