// Photos kept safe on the phone until they are uploaded (issue 11 item 7). The one module that touches the file system.
//
// A photo from wx.chooseMedia is a *temporary* file: "本地临时文件产生后，仅在当前生命周期内保证有效，重启之后不一定可用…
// 可通过 FileSystemManager.saveFile() / copyFile() 接口把本地临时文件转换成本地缓存文件或本地用户文件"
// (https://developers.weixin.qq.com/miniprogram/dev/framework/ability/file-system.html). So every chosen photo is moved
// at once with FileSystemManager.saveFile under `${wx.env.USER_DATA_PATH}/outbox/` (wx.env.USER_DATA_PATH: "文件系统中
// 的用户目录路径", https://developers.weixin.qq.com/miniprogram/dev/api/base/wx.env.html); drafts and the outbox keep
// that path. A file is removed once its upload succeeded, when the user removes the photo or discards the outbox item,
// and at launch when nothing stored on the phone refers to it any more (a page that kept photos only in memory).
//
// Space: user files of one mini program are capped (10 MB in the older documentation, 200 MB in the current one,
// shared with saved cache files). When the cap is reached saveFile fails with errCode 1300202 "the maximum size of the
// file storage limit is exceeded" (FileSystemManager.saveFile 错误码表,
// https://developers.weixin.qq.com/miniprogram/dev/api/file/FileSystemManager.saveFile.html). The photo then stays at
// its temporary path for this launch, and the user is told plainly; nothing already kept is touched.

const DIR_NAME = 'outbox';
/** FileSystemManager error code for a full user-file space */
const STORAGE_FULL_CODE = 1300202;
const STORAGE_FULL_TEXT = 'the maximum size of the file storage';

export const STORAGE_FULL_TITLE = '手机存储空间已满';
export const STORAGE_FULL_MESSAGE =
  '手机给本小程序的存储空间已满，刚拍的照片只能保留到微信关闭前。请尽快在有网络时提交；上传“待上传”中的记录后会腾出空间。';

function fs(): WechatMiniprogram.FileSystemManager {
  return wx.getFileSystemManager();
}

/** `${wx.env.USER_DATA_PATH}/outbox`, read at call time (the path differs between phones and DevTools). */
export function photoDir(): string {
  return `${wx.env.USER_DATA_PATH}/${DIR_NAME}`;
}

/** true for a photo this module saved (and so may delete); never true for a temporary or someone else's file */
export function isKept(path: string): boolean {
  return path.startsWith(`${photoDir()}/`);
}

/** Whether a local file is still there (a temporary photo is gone after WeChat was closed). */
export function fileExists(path: string): boolean {
  try {
    fs().accessSync(path);
    return true;
  } catch {
    return false;
  }
}

function ensureDir(): void {
  if (!fileExists(photoDir())) fs().mkdirSync(photoDir(), true);
}

function isStorageFull(err: { errCode?: number; errMsg?: string }): boolean {
  return err.errCode === STORAGE_FULL_CODE || (err.errMsg ?? '').includes(STORAGE_FULL_TEXT);
}

let counter = 0;

function newPath(tempPath: string): string {
  const ext = /\.[A-Za-z0-9]{1,5}$/.exec(tempPath)?.[0] ?? '.jpg';
  counter = (counter + 1) % 1e6;
  return `${photoDir()}/${Date.now().toString(36)}-${counter.toString(36)}-${Math.floor(Math.random() * 1e8).toString(36)}${ext}`;
}

function saveOne(tempPath: string): Promise<{ path: string; full: boolean }> {
  return new Promise((resolve) => {
    fs().saveFile({
      tempFilePath: tempPath,
      filePath: newPath(tempPath),
      success: (res) => resolve({ path: res.savedFilePath, full: false }),
      // not saved: the temporary file is still there for this launch, so the photo is not lost now
      fail: (err) => resolve({ path: tempPath, full: isStorageFull(err) }),
    });
  });
}

/**
 * Moves freshly chosen temporary photos under USER_DATA_PATH/outbox. Answers their paths in order (a photo that could
 * not be moved keeps its temporary path) and whether the space was full.
 */
export async function keepPhotos(tempPaths: string[]): Promise<{ paths: string[]; full: boolean }> {
  if (!tempPaths.length) return { paths: [], full: false };
  try {
    ensureDir();
  } catch {
    return { paths: tempPaths, full: false };
  }
  const paths: string[] = [];
  let full = false;
  for (const temp of tempPaths) {
    // once the space is full the rest cannot fit either; they stay temporary
    const saved: { path: string; full: boolean } = full ? { path: temp, full: true } : await saveOne(temp);
    paths.push(saved.path);
    full = full || saved.full;
  }
  return { paths, full };
}

/** Deletes kept photos (after upload, on removal or discard); other paths and files already gone are left alone. */
export function releasePhotos(paths: string[]): void {
  for (const path of paths) {
    if (!isKept(path)) continue;
    try {
      fs().unlinkSync(path);
    } catch {
      /* already gone */
    }
  }
}

function listKept(): string[] {
  try {
    return fs()
      .readdirSync(photoDir())
      .map((name) => `${photoDir()}/${name}`);
  } catch {
    return [];
  }
}

export interface PhotoSpace {
  files: number;
  bytes: number;
}

/** What the kept photos take on this phone, for the 待上传 panel. */
export function photoSpace(): PhotoSpace {
  let bytes = 0;
  const files = listKept();
  for (const path of files) {
    try {
      const stats = fs().statSync(path) as WechatMiniprogram.Stats;
      bytes += stats.size;
    } catch {
      /* removed meanwhile */
    }
  }
  return { files: files.length, bytes };
}

/** "1.2 MB" / "350 KB" */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
}

/**
 * At launch: delete kept photos that nothing in wx storage (drafts, the outbox) refers to any more, e.g. photos a page
 * held only in memory when WeChat was closed. Answers how many were deleted.
 */
export function sweepPhotos(): number {
  const kept = listKept();
  if (!kept.length) return 0;
  const stored = wx
    .getStorageInfoSync()
    .keys.map((key) => JSON.stringify(wx.getStorageSync(key)) ?? '')
    .join('\n');
  const orphans = kept.filter((path) => !stored.includes(path));
  releasePhotos(orphans);
  return orphans.length;
}
