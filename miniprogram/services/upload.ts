// Photos for field work: chosen compressed, uploaded straight to cloud storage, only file IDs go to functions
// (ARCHITECTURE §5). The one uploader every package uses.
import { NETWORK_MESSAGE } from './callCloud';
import { isLocalMode } from './localMode';
import { localApiUrl } from '../config/env';

export const MAX_PHOTOS = 9;

export interface LocalPhoto {
  /** the temp path on the phone, kept in the draft until uploaded */
  path: string;
  /** set once uploaded */
  fileId: string | null;
}

/** Lets the user take or pick up to `room` photos; [] when they cancel. */
export function choosePhotos(room: number): Promise<LocalPhoto[]> {
  if (room <= 0) return Promise.resolve([]);
  return new Promise((resolve) => {
    wx.chooseMedia({
      count: Math.min(room, MAX_PHOTOS),
      mediaType: ['image'],
      sourceType: ['camera', 'album'],
      sizeType: ['compressed'],
      success: (res) => resolve(res.tempFiles.map((f) => ({ path: f.tempFilePath, fileId: null }))),
      fail: () => resolve([]),
    });
  });
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

/** Uploads what is not uploaded yet; the photos come back with the file IDs that made it, so a retry skips them. */
export async function uploadPhotos(photos: LocalPhoto[], folder: string): Promise<{ photos: LocalPhoto[]; failed: number }> {
  const out: LocalPhoto[] = [];
  let failed = 0;
  for (const p of photos) {
    if (p.fileId) {
      out.push(p);
      continue;
    }
    try {
      out.push({ path: p.path, fileId: await uploadOne(p.path, folder) });
    } catch {
      failed += 1;
      out.push(p);
    }
  }
  return { photos: out, failed };
}
