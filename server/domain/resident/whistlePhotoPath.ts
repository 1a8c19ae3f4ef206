// Where the whistle-blower page uploads its photos (miniprogram/packages/resident/whistle: folder `resident/whistle`).
export const WHISTLE_UPLOAD_FOLDER = 'resident/whistle/';

export const StorageRef = {
  /** the path inside the bucket of a `cloud://env.bucket/path` file ID */
  pathOf(fileID: string): string {
    const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileID);
    return m ? m[1] : '';
  },
  isWhistleUpload(fileID: string): boolean {
    return StorageRef.pathOf(fileID).startsWith(WHISTLE_UPLOAD_FOLDER);
  },
  extensionOf(fileID: string): string {
    return /\.[A-Za-z0-9]{1,5}$/.exec(StorageRef.pathOf(fileID))?.[0] ?? '.jpg';
  },
};
