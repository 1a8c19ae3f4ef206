// Bundles each cloudfunctions/<name>/src/index.ts into a self-contained cloudfunctions/<name>/index.js.
import { build } from 'esbuild';
import { readdirSync, existsSync } from 'node:fs';
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
      sourcemap: false,
      legalComments: 'none',
      logLevel: 'warning',
    }),
  ),
);
console.log(`built ${names.length} cloud functions (${names.join(', ')}) in ${Date.now() - started} ms`);
