// The wx APIs at the phone's edge (camera, GPS, storage upload), answered like the real ones for page tests:
// a chosen photo is a real temporary file on the page's simulated phone (tests/helpers/phone.ts), and an upload reads
// that file and really lands in the emulator's storage, so the backend sees a real file — and a photo whose file is
// gone (a temporary file after a restart) cannot be uploaded, as on a phone.
import type { Backend } from './backend';
import type { LoadedPage, LoadPageOptions } from './miniprogram';
import { StorageService } from '../../emulator/admin/storage';
import { DEMO_LOCATION } from './device-fixtures';

export function stubDevice(
  p: LoadedPage,
  backend: Backend,
  opts: {
    uploadFails?: boolean;
    /** size of each photo taken */ photoBytes?: number;
    /** pixel size of each photo taken (default 1000×750: small enough to keep its size) */ photoSize?: { width: number; height: number };
    /** the phone cannot compress (compressImage fails) */ compressFails?: boolean;
  } = {},
): { uploads: string[]; failing(on: boolean): void; compressions: Record<string, unknown>[] } {
  const wx = (global as any).wx;
  const phone = p.harness.phone;
  const uploads: string[] = [];
  let failing = Boolean(opts.uploadFails);
  wx.chooseMedia = (o: any) => {
    const files = Array.from({ length: Math.min(o.count ?? 1, 2) }, () => ({
      tempFilePath: phone.takePhoto(opts.photoBytes, opts.photoSize),
      size: opts.photoBytes ?? 1000,
      fileType: 'image',
    }));
    setTimeout(() => o.success?.({ tempFiles: files, type: 'image', errMsg: 'chooseMedia:ok' }), 0);
  };
  phone.compressFails = Boolean(opts.compressFails);
  wx.getLocation = (o: any) => setTimeout(() => o.success?.({ ...DEMO_LOCATION, errMsg: 'getLocation:ok' }), 0);
  wx.cloud.uploadFile = (o: any) =>
    setTimeout(() => {
      if (failing || p.harness.offline) return o.fail?.({ errMsg: 'cloud.uploadFile:fail network' });
      const bytes = phone.read(o.filePath);
      if (!bytes) return o.fail?.({ errMsg: `cloud.uploadFile:fail file not found ${o.filePath}` });
      backend.emulator.store.putFile(o.cloudPath, bytes, 'image/jpeg', Date.now());
      const fileID = StorageService.fileIdOf(o.cloudPath);
      uploads.push(fileID);
      o.success?.({ fileID, statusCode: 200, errMsg: 'cloud.uploadFile:ok' });
    }, 0);
  return { uploads, failing: (on) => void (failing = on), compressions: phone.compressions };
}

/**
 * WeChat is killed on this phone: the page goes, temporary files go; answers what opens the app again on the same
 * phone (its user files and wx storage), to spread into the next loadPage's options.
 */
export function restartApp(p: LoadedPage): Pick<LoadPageOptions, 'phone' | 'storage'> {
  const storage = Object.fromEntries(p.harness.storage);
  p.unload();
  p.harness.phone.restart();
  return { phone: p.harness.phone, storage };
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
