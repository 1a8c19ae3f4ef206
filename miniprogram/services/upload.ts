// Photos for field work: chosen compressed, kept on the phone until uploaded (services/photoStore), uploaded straight
// to cloud storage, only file IDs go to functions (ARCHITECTURE §5). The one uploader every package uses.
import { NETWORK_MESSAGE } from './callCloud';
import { isLocalMode } from './localMode';
import { fileExists, keepPhotos, releasePhotos, STORAGE_FULL_MESSAGE, STORAGE_FULL_TITLE } from './photoStore';
import { localApiUrl } from '../config/env';
import { PHOTO_COMPRESSION } from '../config/photos';

export const MAX_PHOTOS = 9;

export interface LocalPhoto {
  /** the photo's file on the phone (under USER_DATA_PATH/outbox, see photoStore), kept in the draft until uploaded */
  path: string;
  /** set once uploaded (the local file is deleted then) */
  fileId: string | null;
}

/** What a photo shows from: the phone's file until uploaded, then the cloud file (<image> takes a cloud file ID). */
export function photoSrc(photo: LocalPhoto): string {
  return photo.fileId ?? photo.path;
}

function chooseTemp(room: number): Promise<string[]> {
  return new Promise((resolve) => {
    wx.chooseMedia({
      count: Math.min(room, MAX_PHOTOS),
      mediaType: ['image'],
      sourceType: ['camera', 'album'],
      sizeType: ['compressed'],
      success: (res) => resolve(res.tempFiles.map((f) => f.tempFilePath)),
      fail: () => resolve([]),
    });
  });
}

/**
 * The photo as it will be uploaded: longest side at most PHOTO_COMPRESSION.longestSide, JPEG at its quality (a 12 MP
 * phone photo of 3–5 MB becomes about 200 KB, what a weak rural uplink and the county's storage can carry). When the
 * phone cannot compress it, the photo goes as taken: a larger upload, never a lost photo.
 */
async function compressed(path: string): Promise<string> {
  try {
    const info = await new Promise<WechatMiniprogram.GetImageInfoSuccessCallbackResult>((resolve, reject) =>
      wx.getImageInfo({ src: path, success: resolve, fail: reject }),
    );
    const side = PHOTO_COMPRESSION.longestSide;
    const resize =
      Math.max(info.width, info.height) <= side ? {} : info.width >= info.height ? { compressedWidth: side } : { compressedHeight: side };
    const out = await new Promise<WechatMiniprogram.CompressImageSuccessCallbackResult>((resolve, reject) =>
      wx.compressImage({ src: path, quality: PHOTO_COMPRESSION.quality, ...resize, success: resolve, fail: reject }),
    );
    return out.tempFilePath;
  } catch {
    return path;
  }
}

/**
 * Lets the user take or pick up to `room` photos; [] when they cancel. The photos are moved out of WeChat's temporary
 * files at once, so closing WeChat before they are uploaded loses nothing; when the phone's space for the mini program
 * is full the user is told (the photos still work until WeChat closes).
 */
export async function choosePhotos(room: number): Promise<LocalPhoto[]> {
  if (room <= 0) return [];
  const temp = await Promise.all((await chooseTemp(room)).map(compressed));
  const kept = await keepPhotos(temp);
  if (kept.full) wx.showModal({ title: STORAGE_FULL_TITLE, content: STORAGE_FULL_MESSAGE, showCancel: false, confirmText: '知道了' });
  return kept.paths.map((path) => ({ path, fileId: null }));
}

/** The user removed photos from a form before they were uploaded: their kept files go. */
export function discardPhotos(photos: LocalPhoto[]): void {
  releasePhotos(photos.filter((p) => !p.fileId).map((p) => p.path));
}

function uploadOne(path: string, folder: string): Promise<string> {
  const ext = /\.[A-Za-z0-9]+$/.exec(path)?.[0] ?? '.jpg';
  const cloudPath = `${folder}/${Date.now()}-${Math.floor(Math.random() * 1e8)}${ext}`;
  return isLocalMode() ? uploadToDevApi(path, cloudPath) : uploadToCloud(path, cloudPath);
}

function uploadToCloud(path: string, cloudPath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!wx.cloud) {
      reject(new Error(NETWORK_MESSAGE));
      return;
    }
    wx.cloud.uploadFile({
      cloudPath,
      filePath: path,
      success: (res) => resolve(res.fileID),
      fail: () => reject(new Error(NETWORK_MESSAGE)),
    });
  });
}

/** DevTools local mode has no cloud storage: the local backend's dev API stores the file and answers its file ID. */
function uploadToDevApi(path: string, cloudPath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    wx.uploadFile({
      url: localApiUrl(`/_upload?path=${encodeURIComponent(cloudPath)}`),
      filePath: path,
      name: 'file',
      success: (res) => {
        try {
          const body = JSON.parse(res.data) as { fileID?: string };
          if (res.statusCode === 200 && body.fileID) resolve(body.fileID);
          else reject(new Error(NETWORK_MESSAGE));
        } catch {
          reject(new Error(NETWORK_MESSAGE));
        }
      },
      fail: () => reject(new Error(NETWORK_MESSAGE)),
    });
  });
}

/** Said wherever lost photos are dropped (a form's draft, an outbox item). */
export function photosLostText(lost: number): string {
  return `${lost} 张照片在手机上已找不到（微信关闭后临时照片会被清理），无法上传，已从记录中移除`;
}

export interface UploadReport {
  /** the photos still in the form: uploaded ones with their file IDs (so a retry skips them), lost ones left out */
  photos: LocalPhoto[];
  /** photos not uploaded, lost ones included */
  failed: number;
  /** of those, photos whose file is no longer on the phone (a temporary photo after WeChat was closed) */
  lost: number;
}

/**
 * Uploads what is not uploaded yet and deletes each kept file once its upload succeeded. A photo whose file is gone
 * cannot ever be uploaded: it is dropped from the list and counted in `lost`, so the form can say so.
 */
export async function uploadPhotos(photos: LocalPhoto[], folder: string): Promise<UploadReport> {
  const out: LocalPhoto[] = [];
  let failed = 0;
  let lost = 0;
  for (const p of photos) {
    if (p.fileId) {
      out.push(p);
      continue;
    }
    try {
      const fileId = await uploadOne(p.path, folder);
      releasePhotos([p.path]);
      out.push({ path: p.path, fileId });
    } catch {
      failed += 1;
      if (fileExists(p.path)) out.push(p);
      else lost += 1;
    }
  }
  return { photos: out, failed, lost };
}
