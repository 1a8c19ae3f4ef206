// Bundles each cloudfunctions/<name>/src/index.ts into a self-contained cloudfunctions/<name>/index.js.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fnRoot = join(root, 'cloudfunctions');
const names = readdirSync(fnRoot).filter((n) => existsSync(join(fnRoot, n, 'src', 'index.ts')));
const started = Date.now();
await Promise.all(
  names.map((name) =>
    build({
      entryPoints: [join(fnRoot, name, 'src', 'index.ts')],
      outfile: join(fnRoot, name, 'index.js'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node16',
      external: ['wx-server-sdk'],
      // a cloud function has no DOM: libraries that probe `typeof document` (pdfkit) take their Node path even when
      // the bundle is loaded into a process that has one (the page tests' jsdom runs the functions in-process)
      define: { document: 'undefined' },
      sourcemap: false,
      legalComments: 'none',
      logLevel: 'warning',
    }),
  ),
);
// the print sheets' CJK font (Noto Sans SC, SIL OFL 1.1) and its licence travel with the report function
const fontDir = join(fnRoot, 'report', 'fonts');
mkdirSync(fontDir, { recursive: true });
const fontPkg = join(root, 'node_modules', '@embedpdf', 'fonts-sc');
copyFileSync(join(fontPkg, 'fonts', 'NotoSansHans-Regular.otf'), join(fontDir, 'NotoSansHans-Regular.otf'));
copyFileSync(join(fontPkg, 'LICENSE'), join(fontDir, 'LICENSE-OFL.txt'));
console.log(`built ${names.length} cloud functions (${names.join(', ')}) in ${Date.now() - started} ms`);
