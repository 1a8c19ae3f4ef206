// A file a phone uploads to CloudBase storage is owned by the uploader's OPENID. For a whistle-blower's photos that
// owner would name the reporter, so the function copies them under its own identity and deletes the uploads.
import { getCloud } from './cloud';
import { AppError } from './errors';
import { StorageRef } from '../domain/resident/whistlePhotoPath';

/**
 * Copy each photo under `whistle/<hazardId>/` with the function's identity. Returns the new file IDs and the
 * uploads to delete once the report is saved (only files in the whistle upload folder, never anyone else's file).
 */
export async function copyWhistlePhotos(photos: string[], hazardId: string): Promise<{ fileIds: string[]; uploads: string[] }> {
  const cloud = getCloud();
  const fileIds: string[] = [];
  for (const [i, fileID] of photos.entries()) {
    let fileContent: Buffer;
    try {
      fileContent = ((await cloud.downloadFile({ fileID })) as { fileContent: Buffer }).fileContent;
    } catch {
      throw new AppError('INVALID_INPUT', `第${i + 1}张照片没有上传成功或已失效，请重新选择照片后再提交`, 'photos');
    }
    const uploaded = (await cloud.uploadFile({
      cloudPath: `whistle/${hazardId}/${i + 1}${StorageRef.extensionOf(fileID)}`,
      fileContent,
    })) as { fileID: string };
    fileIds.push(uploaded.fileID);
  }
  return { fileIds, uploads: photos.filter(StorageRef.isWhistleUpload) };
}

export async function deleteWhistleUploads(uploads: string[]): Promise<void> {
  if (uploads.length === 0) return;
  try {
    await getCloud().deleteFile({ fileList: uploads });
  } catch (err) {
    console.error('[whistle] could not delete the original uploads', err);
  }
}
