// Minimal photo uploader for this package (miniprogram/services/upload.ts did not exist when it was written):
// wx.chooseMedia compressed, then wx.cloud.uploadFile straight to storage; only file IDs go to the functions.
import { initCloud } from '../../../services/callCloud';

export interface PickedPhoto {
  path: string;
}

/** The user's choice of up to `max` compressed photos; an empty list when they cancel. */
export function choosePhotos(max: number): Promise<PickedPhoto[]> {
  return new Promise((resolve) => {
    wx.chooseMedia({
      count: max,
      mediaType: ['image'],
      sizeType: ['compressed'],
      sourceType: ['camera', 'album'],
      success: (res) => resolve(res.tempFiles.map((f) => ({ path: f.tempFilePath }))),
      fail: () => resolve([]),
    });
  });
}

/** Upload each photo; resolves with the file IDs, or null if any upload failed (the caller keeps the draft). */
export async function uploadPhotos(photos: PickedPhoto[], folder: string): Promise<string[] | null> {
  if (!initCloud()) return null;
  const ids: string[] = [];
  for (const [i, p] of photos.entries()) {
    const ext = /\.[a-zA-Z0-9]+$/.exec(p.path)?.[0] ?? '.jpg';
    try {
      const res = await wx.cloud.uploadFile({ cloudPath: `${folder}/${Date.now()}-${i}${ext}`, filePath: p.path });
      ids.push(res.fileID);
    } catch {
      return null;
    }
  }
  return ids;
}
