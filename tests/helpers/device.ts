// The wx APIs at the phone's edge (camera, GPS, storage upload), answered like the real ones for page tests:
// an upload really lands in the emulator's storage, so the backend sees a real file.
import type { Backend } from './backend';
import type { LoadedPage } from './miniprogram';
import { StorageService } from '../../emulator/admin/storage';
import { DEMO_LOCATION } from './device-fixtures';

export function stubDevice(
  p: LoadedPage,
  backend: Backend,
  opts: { uploadFails?: boolean } = {},
): { uploads: string[]; failing(on: boolean): void } {
  const wx = (global as any).wx;
  const uploads: string[] = [];
  let failing = Boolean(opts.uploadFails);
  let n = 0;
  wx.chooseMedia = (o: any) => {
    const files = Array.from({ length: Math.min(o.count ?? 1, 2) }, () => ({
      tempFilePath: `wxfile://tmp/photo-${++n}.jpg`,
      size: 1000,
      fileType: 'image',
    }));
    setTimeout(() => o.success?.({ tempFiles: files, type: 'image', errMsg: 'chooseMedia:ok' }), 0);
  };
  wx.getLocation = (o: any) => setTimeout(() => o.success?.({ ...DEMO_LOCATION, errMsg: 'getLocation:ok' }), 0);
  wx.cloud.uploadFile = (o: any) =>
    setTimeout(() => {
      if (failing || p.harness.offline) return o.fail?.({ errMsg: 'cloud.uploadFile:fail network' });
      backend.emulator.store.putFile(o.cloudPath, Buffer.from(`photo ${o.filePath}`), 'image/jpeg', Date.now());
      const fileID = StorageService.fileIdOf(o.cloudPath);
      uploads.push(fileID);
      o.success?.({ fileID, statusCode: 200, errMsg: 'cloud.uploadFile:ok' });
    }, 0);
  return { uploads, failing: (on) => void (failing = on) };
}

/** Let timers behind wx callbacks fire, then wait for the calls they started. */
export async function settle(p: LoadedPage): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 5));
    await p.idle();
  }
}

export async function tap(p: LoadedPage, selector: string): Promise<void> {
  await p.tap(selector);
  await settle(p);
}

export async function change(p: LoadedPage, selector: string, value: unknown): Promise<void> {
  const el = p.find(selector);
  if (!el) throw new Error(`nothing at ${selector}`);
  el.dispatchEvent('change', { detail: { value } });
  await settle(p);
}
