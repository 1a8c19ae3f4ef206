// Every template must compile with WeChat's own wcc (and every stylesheet with wcsc), as DevTools would on upload.
import fs from 'fs';
import os from 'os';
import path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const compiler = require('miniprogram-compiler') as { wxmlToJs(root: string, opts?: { wxmlList?: string[] }): string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const wcsc = require('miniprogram-compiler/src/wcsc') as (root: string, files: string[]) => Record<string, string> | Error;

const ROOT = path.join(__dirname, '..', '..', 'miniprogram');

function filesUnder(root: string, ext: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules' || entry.name === 'miniprogram_npm') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(ext)) out.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}

/** wcc compiles all templates of a root at once (imports/includes resolve across files); throws on any error. */
function compileWxml(root: string): (file: string) => ((data: object, env: object, scope: object) => unknown) | undefined {
  const source = compiler.wxmlToJs(root, { wxmlList: filesUnder(root, '.wxml') });
  return new Function('global', source)({}) as never;
}

const wxmlFiles = filesUnder(ROOT, '.wxml');
const wxssFiles = filesUnder(ROOT, '.wxss');

describe('wcc: every WXML file under miniprogram/', () => {
  let gwx: ReturnType<typeof compileWxml>;

  beforeAll(() => {
    gwx = compileWxml(ROOT);
  });

  it('finds the templates', () => {
    expect(wxmlFiles).toEqual(expect.arrayContaining(['pages/home/index.wxml', 'components/join-form/index.wxml']));
  });

  it.each(wxmlFiles)('%s compiles and renders with empty data', (file) => {
    const render = gwx(file);
    expect(typeof render).toBe('function');
    expect(() => render!({}, {}, {})).not.toThrow();
  });

  it('fails on a broken template, naming the file and line', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wcc-broken-'));
    try {
      fs.mkdirSync(path.join(dir, 'pages', 'bad'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'pages', 'bad', 'index.wxml'), '<view class="x">\n  <text>{{name}}</text>\n');
      expect(() => compileWxml(dir)).toThrow(/pages\/bad\/index\.wxml:\d+:\d+/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('wcsc: every WXSS file under miniprogram/', () => {
  it('compiles all stylesheets', () => {
    expect(wxssFiles).toContain('app.wxss');
    const result = wcsc(
      ROOT,
      wxssFiles.map((f) => f.replace(/\.wxss$/, '')),
    );
    if (result instanceof Error) throw result;
    for (const file of wxssFiles) expect(Object.keys(result)).toContain(file);
  });

  it('fails on a broken stylesheet', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wcsc-broken-'));
    try {
      fs.writeFileSync(path.join(dir, 'bad.wxss'), '.a { color: red;\n.b { }');
      const result = wcsc(dir, ['bad']);
      expect(result).toBeInstanceOf(Error);
      expect(String(result)).toMatch(/bad\.wxss\(\d+:\d+\)/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
