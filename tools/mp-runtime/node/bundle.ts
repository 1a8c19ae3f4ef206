// Builds what the browser needs to run the mini program: the page and component scripts (TypeScript, bundled by
// esbuild together with j-component, exparser and the runtime), the WXML compiled by WeChat's own wcc, and the WXSS
// compiled by WeChat's own wcsc (rpx resolved in the browser at the device width, as WeChat does). Everything stays in
// memory: nothing is written into the working tree.
import { spawnSync } from 'child_process';
import { accessSync, chmodSync, constants, existsSync, readFileSync } from 'fs';
import path from 'path';
import { createRequire } from 'module';
import { build, type Plugin } from 'esbuild';

/** node's require.resolve (the global `require` is typed as WeChat's where the mini program typings are loaded) */
export const resolvePackage = (id: string): string => createRequire(__filename).resolve(id);

export const REPO_ROOT = path.join(__dirname, '..', '..', '..');
export const MINIPROGRAM_ROOT = path.join(REPO_ROOT, 'miniprogram');
const BROWSER_DIR = path.join(__dirname, '..', 'browser');

/** A page or component as the runtime registers it. */
export interface ComponentDef {
  /** path from the mini program root without extension, e.g. 'packages/visitor/visit/index' */
  path: string;
  page: boolean;
  /** the tag it is used under (its class prefix); pages have none */
  tag: string;
  /** usingComponents: tag → component path */
  using: Record<string, string>;
  json: Record<string, unknown>;
}

export interface AppManifest {
  /** pages in app.json order (main package first, then each subpackage) */
  pages: string[];
  defs: Record<string, ComponentDef>;
  window: Record<string, unknown>;
  libVersion: string;
}

export interface RuntimeBundle {
  manifest: AppManifest;
  /** the runtime, j-component and every page/component script */
  js: string;
  /** `window.__mpGwx`: the wcc output (template functions by .wxml path) */
  wxmlJs: string;
  /** `window.__mpWxss`: the wcsc output (style sheet writers by .wxss path); it inserts app.wxss when run */
  wxssJs: string;
}

function readJson(file: string): Record<string, any> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, any>;
}

function resolveUsing(from: string, value: string): string {
  const rel = value.startsWith('/') ? value.slice(1) : path.posix.join(path.posix.dirname(from), value);
  return path.posix.normalize(rel);
}

/** app.json's pages and, from their usingComponents, every component they render. */
export function readManifest(root = MINIPROGRAM_ROOT): AppManifest {
  const app = readJson(path.join(root, 'app.json'));
  const pages: string[] = [...(app.pages as string[])];
  for (const sub of (app.subpackages ?? app.subPackages ?? []) as { root: string; pages: string[] }[]) {
    for (const p of sub.pages) pages.push(path.posix.join(sub.root, p));
  }
  const defs: Record<string, ComponentDef> = {};
  const visit = (p: string, page: boolean, tag: string) => {
    if (defs[p]) return;
    const json = readJson(path.join(root, `${p}.json`));
    const using: Record<string, string> = {};
    for (const [key, value] of Object.entries((json.usingComponents ?? {}) as Record<string, string>)) {
      const target = resolveUsing(p, value);
      if (existsSync(path.join(root, `${target}.json`))) using[key] = target;
    }
    defs[p] = { path: p, page, tag, using, json };
    for (const [key, target] of Object.entries(using)) visit(target, false, key);
  };
  for (const p of pages) visit(p, true, '');
  const project = readJson(path.join(REPO_ROOT, 'project.config.json'));
  return { pages, defs, window: (app.window ?? {}) as Record<string, unknown>, libVersion: String(project.libVersion ?? 'dev') };
}

function compilerDir(): string {
  return path.dirname(resolvePackage('miniprogram-compiler/package.json'));
}

/** WXML → the `$gwx` template factory, with WeChat's wcc (the compiler miniprogram-simulate uses). */
function compileWxml(root: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const compiler = require('miniprogram-compiler') as { wxmlToJs(root: string): string };
  return `window.__webview_engine_version__ = 0.02;\nwindow.__mpGwx = (function () {\n${compiler.wxmlToJs(root)}\n})();\n`;
}

/** wcsc prints each result as the body of a JS string literal (quotes as \x22): its value is that literal's value. */
function unescapeJs(body: string): string {
  if (/(^|[^\\])"/.test(body) || /[\r\n]/.test(body)) throw new Error('unexpected wcsc output');
  return new Function(`return "${body}";`)() as string;
}

/**
 * miniprogram-compiler ships `wcsc` without its execute bit (its `wcc` has it), so a clean `npm ci` cannot run it:
 * set the bit on the package's own binary once, as its install script would.
 */
function executable(bin: string): string {
  try {
    accessSync(bin, constants.X_OK);
  } catch {
    chmodSync(bin, 0o755);
  }
  return bin;
}

/**
 * WXSS → style sheet writers, with WeChat's wcsc: page and component sheets first (the "-pc" count), app.wxss last as
 * the common sheet, exactly the split DevTools makes. Each writer inserts its sheet with a class prefix; rpx are
 * converted at the device width with WeChat's rounding.
 */
function compileWxss(manifest: AppManifest, root: string): string {
  const sheets = Object.keys(manifest.defs)
    .map((p) => `./${p}.wxss`)
    .filter((f) => existsSync(path.join(root, f)));
  const args = ['-db', '-pc', String(sheets.length), ...sheets, './app.wxss'];
  const bin = executable(path.join(compilerDir(), 'bin', 'linux', 'wcsc'));
  const out = spawnSync(bin, args, { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  if (out.error) throw new Error(`wcsc could not run: ${out.error.message}`);
  if (out.status !== 0) throw new Error(`wcsc failed: ${out.stderr.toString()}`);
  const parts = out.stdout.toString().split('=');
  const table: Record<string, string> = {};
  for (let i = 0; i + 1 < parts.length; i += 2) table[parts[i]] = parts[i + 1];
  const entries = sheets.map((f) => `${JSON.stringify(f.slice(2))}: ${unescapeJs(table[f] ?? 'setCssToHead([])')}`);
  return `window.__mpWxss = (function () {\n${unescapeJs(table.comm)}\nreturn {${entries.join(',\n')}};\n})();\n`;
}

/** j-component, adjusted where the browser runtime needs what WeChat does: global classes and rpx at the device width. */
const jComponentPatches: Plugin = {
  name: 'j-component-patches',
  setup(b) {
    b.onLoad({ filter: /j-component[\\/]src[\\/](componentmanager|tool[\\/]utils)\.js$/ }, (args) => {
      let text = readFileSync(args.path, 'utf8');
      if (args.path.endsWith('componentmanager.js')) {
        const before = text;
        text = text.replace('addGlobalClass: false,', 'addGlobalClass: !!options.addGlobalClass,');
        if (text === before) throw new Error('j-component changed: addGlobalClass patch did not apply');
      } else {
        const before = text;
        text = text.replace(
          "return style.replace(/(\\d+)rpx/ig, '$1px')",
          "return style.replace(/(-?\\d*\\.?\\d+)rpx/ig, (m, n) => window.__mpRpx(Number(n)) + 'px')",
        );
        if (text === before) throw new Error('j-component changed: rpx patch did not apply');
      }
      return { contents: text, loader: 'js' };
    });
  },
};

/** Bundle the runtime, j-component and every page/component script into one browser script. */
async function bundleScripts(manifest: AppManifest, root: string): Promise<string> {
  const modules = Object.keys(manifest.defs)
    .map((p) => `  ${JSON.stringify(p)}: () => require(${JSON.stringify(path.join(root, `${p}.ts`))}),`)
    .join('\n');
  const entry = [
    `import { boot } from ${JSON.stringify(path.join(BROWSER_DIR, 'runtime.ts'))};`,
    `boot({`,
    `  manifest: ${JSON.stringify(manifest)},`,
    `  app: () => require(${JSON.stringify(path.join(root, 'app.ts'))}),`,
    `  modules: {\n${modules}\n  },`,
    `});`,
  ].join('\n');
  const result = await build({
    stdin: { contents: entry, resolveDir: REPO_ROOT, sourcefile: 'mp-runtime-entry.ts', loader: 'ts' },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome100',
    define: { global: 'globalThis' },
    plugins: [jComponentPatches],
    sourcemap: 'inline',
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

let cached: Promise<RuntimeBundle> | undefined;

/** The bundle for the project's miniprogram/ (built once per process). */
export function runtimeBundle(root = MINIPROGRAM_ROOT): Promise<RuntimeBundle> {
  if (root !== MINIPROGRAM_ROOT) return buildRuntimeBundle(root);
  cached ??= buildRuntimeBundle(root);
  return cached;
}

export async function buildRuntimeBundle(root = MINIPROGRAM_ROOT): Promise<RuntimeBundle> {
  const manifest = readManifest(root);
  const [js, wxmlJs, wxssJs] = await Promise.all([
    bundleScripts(manifest, root),
    Promise.resolve(compileWxml(root)),
    Promise.resolve(compileWxss(manifest, root)),
  ]);
  return { manifest, js, wxmlJs, wxssJs };
}
