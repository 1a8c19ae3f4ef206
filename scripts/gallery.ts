// `npm run gallery`: every page × every role that can open it × normal/large text × 360×640 and 375×812, rendered in
// headless Chromium (tools/mp-runtime) into gallery/ with gallery/index.html, and the accessibility findings printed.
// `-- --readme` also refreshes the README's screenshots (docs/screenshots/). Exits non-zero when a page overflows horizontally or, in large-text mode, has a tap target under 44 CSS px.
import path from 'path';
import { findingsTable, GALLERY_DIR, MIN_TARGET_PX, README_DIR, renderGallery } from '../tools/mp-runtime/node/gallery';

async function main(): Promise<void> {
  const started = Date.now();
  // `npm run gallery -- --readme` also rewrites the README's four screenshots in docs/screenshots/
  const result = await renderGallery({
    readmeDir: process.argv.includes('--readme') ? README_DIR : undefined,
    log: process.env.GALLERY_VERBOSE ? (l) => console.log(l) : undefined,
  });
  console.log(findingsTable(result));
  const contrast = result.shots.reduce((n, s) => n + s.contrast.length, 0);
  console.log(
    `\n${result.shots.length} screenshots in ${path.relative(process.cwd(), GALLERY_DIR)}/ (open index.html) in ${Math.round((Date.now() - started) / 1000)} s; ` +
      `refused by the backend: ${result.refused.length}; horizontal overflow + tap targets < ${MIN_TARGET_PX} px in large text: ${result.failures}; ` +
      `contrast < 4.5:1: ${contrast}`,
  );
  if (result.failures) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
