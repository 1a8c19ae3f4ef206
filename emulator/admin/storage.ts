// storage.* actions: upload metadata + a raw PUT, temporary download links (signed, expiring), deletion.
import { createHmac, randomBytes, timingSafeEqual } from 'crypto';
import type { Store } from '../store';
import { ProtocolError } from './protocol-error';

export const BUCKET = 'local-dev-1250000000';
const FILE_ID_PREFIX = `cloud://local-dev.${BUCKET}/`;

export class StorageService {
  private readonly secret = randomBytes(32);

  constructor(
    private readonly store: Store,
    private readonly baseUrl: () => string,
    private readonly now: () => Date,
  ) {}

  static fileIdOf(path: string): string {
    return FILE_ID_PREFIX + path;
  }

  static pathOf(fileId: string): string | null {
    return fileId.startsWith(FILE_ID_PREFIX) ? fileId.slice(FILE_ID_PREFIX.length) : null;
  }

  handle(action: string, p: Record<string, any>): unknown {
    switch (action) {
      case 'storage.getUploadMetadata': {
        const path = validPath(p.path);
        const token = this.sign(`upload:${path}`);
        return {
          data: {
            url: `${this.baseUrl()}/_storage/upload?path=${encodeURIComponent(path)}&sign=${token}`,
            token,
            authorization: token,
            fileId: StorageService.fileIdOf(path),
            cosFileId: `cos-${path}`,
          },
        };
      }
      case 'storage.batchGetDownloadUrl': {
        const list: { fileid: string; max_age?: number }[] = Array.isArray(p.file_list) ? p.file_list : [];
        return {
          data: {
            download_list: list.map((f) => {
              const path = StorageService.pathOf(String(f.fileid));
              const maxAge = Number(f.max_age ?? 86400);
              if (!path || !this.store.getFile(path)) return { fileID: f.fileid, code: 'STORAGE_FILE_NONEXIST', maxAge, tempFileURL: '' };
              return { fileID: f.fileid, code: 'SUCCESS', maxAge, tempFileURL: this.tempUrl(path, maxAge) };
            }),
          },
        };
      }
      case 'storage.batchDeleteFile': {
        const list: string[] = Array.isArray(p.fileid_list) ? p.fileid_list : [];
        return {
          data: {
            delete_list: list.map((fileID) => {
              const path = StorageService.pathOf(String(fileID));
              return { fileID, code: path && this.store.deleteFile(path) ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST' };
            }),
          },
        };
      }
      default:
        throw new ProtocolError('INVALID_PARAM', `unsupported action ${action}`);
    }
  }

  /** The raw PUT of an upload; answers as COS does: empty body on success. */
  acceptUpload(path: string, sign: string, body: Buffer, contentType: string): void {
    if (!this.verify(`upload:${path}`, sign)) throw new ProtocolError('SignatureDoesNotMatch', 'bad upload signature');
    this.store.putFile(path, body, contentType || 'application/octet-stream', this.now().getTime());
  }

  /** Serves a temporary link; null when the link is forged, expired or the file is gone. */
  download(path: string, expires: number, sign: string) {
    if (!this.verify(`get:${path}:${expires}`, sign) || this.now().getTime() > expires) return null;
    return this.store.getFile(path) ?? null;
  }

  tempUrl(path: string, maxAgeSeconds: number): string {
    const expires = this.now().getTime() + maxAgeSeconds * 1000;
    return `${this.baseUrl()}/_storage/file/${path}?expires=${expires}&sign=${this.sign(`get:${path}:${expires}`)}`;
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('hex');
  }

  private verify(payload: string, sign: string): boolean {
    const expected = Buffer.from(this.sign(payload), 'hex');
    const given = Buffer.from(String(sign), 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

function validPath(path: unknown): string {
  if (typeof path !== 'string' || !path || path.length > 850 || path.startsWith('/') || path.includes('..') || /[?#%\\\s]/.test(path)) {
    throw new ProtocolError('STORAGE_REQUEST_FAIL', 'invalid cloudPath');
  }
  return path;
}
