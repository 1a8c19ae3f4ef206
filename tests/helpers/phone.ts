// A simulated phone's file system for page tests: wx.getFileSystemManager() backed by a real directory (one temp dir
// per phone, removed after the test file), with WeChat's rules where the product depends on them:
// - temporary files (wxfile://tmp/…, what wx.chooseMedia answers) live only until the app restarts: `restart()` deletes
//   them and keeps the user files and wx storage, like WeChat being killed and opened again
//   ("本地临时文件…仅在当前生命周期内保证有效，重启之后不一定可用", framework/ability/file-system);
// - user files live under wx.env.USER_DATA_PATH ("wxfile://usr" on a phone) and are the only place one may write;
// - user files share a quota (10 MB per mini program in the documentation this mirrors; configurable): a save over
//   it fails with errCode 1300202 "the maximum size of the file storage limit is exceeded", the text and code of
//   FileSystemManager.saveFile's error table.
// Only what services/photoStore and the device fakes use is implemented; anything else throws, so a new use is noticed.
import fs from 'fs';
import os from 'os';
import path from 'path';

export const USER_DATA_PATH = 'wxfile://usr';
const TEMP_PREFIX = 'wxfile://tmp/';
export const DEFAULT_QUOTA_BYTES = 10 * 1024 * 1024;

type Json = Record<string, any>;
type Callbacks = { success?: (res: Json) => void; fail?: (err: Json) => void; complete?: (res: Json) => void };

interface FileError {
  errMsg: string;
  errCode: number;
}

class WxFileError extends Error {
  constructor(readonly error: FileError) {
    super(error.errMsg);
  }
}

const fail = (api: string, errCode: number, text: string): WxFileError => new WxFileError({ errMsg: `${api}:fail ${text}`, errCode });

const phones = new Set<Phone>();

export class Phone {
  /** the host directory holding this phone's files (usr/ and tmp/) */
  readonly root = fs.mkdtempSync(path.join(os.tmpdir(), 'nw-phone-'));
  private photoCount = 0;
  /** what the FileSystemManager calls were, in order (e.g. 'saveFile', 'unlinkSync') */
  readonly fsCalls: string[] = [];

  constructor(public quotaBytes = DEFAULT_QUOTA_BYTES) {
    fs.mkdirSync(path.join(this.root, 'usr'));
    fs.mkdirSync(path.join(this.root, 'tmp'));
    phones.add(this);
  }

  /** The host path of a wx local path, or null when it is neither a user nor a temporary file. */
  hostPath(wxPath: string): string | null {
    const norm = (rel: string, base: string) => {
      const full = path.join(this.root, base, rel);
      return full.startsWith(path.join(this.root, base)) ? full : null;
    };
    if (wxPath === USER_DATA_PATH) return path.join(this.root, 'usr');
    if (wxPath.startsWith(`${USER_DATA_PATH}/`)) return norm(wxPath.slice(USER_DATA_PATH.length + 1), 'usr');
    if (wxPath.startsWith(TEMP_PREFIX)) return norm(wxPath.slice(TEMP_PREFIX.length), 'tmp');
    return null;
  }

  /** A photo just taken: a real temporary file of `bytes` bytes; answers its wx temp path. */
  /** pixel size of each temporary image, as the camera took it or as compressImage made it */
  readonly dimensions = new Map<string, { width: number; height: number }>();

  /** what wx.compressImage was asked (without callbacks), and whether it fails on this phone */
  readonly compressions: Record<string, unknown>[] = [];
  compressFails = false;

  /** wx.getImageInfo of a temporary image */
  getImageInfo(o: any): void {
    setTimeout(() => {
      const d = this.dimensions.get(o.src);
      if (!d || !this.read(o.src)) return o.fail?.({ errMsg: 'getImageInfo:fail file not found' });
      o.success?.({ ...d, path: o.src, orientation: 'up', type: 'jpeg', errMsg: 'getImageInfo:ok' });
    }, 0);
  }

  /** wx.compressImage: a new temporary file at the asked size, its bytes shrinking with its pixels (a stand-in for
   * JPEG, enough to tell the compressed file from the original) */
  compressImage(o: any): void {
    setTimeout(() => {
      const { success, fail, complete, ...asked } = o;
      void complete;
      this.compressions.push(asked);
      const d = this.dimensions.get(o.src);
      const bytes = this.read(o.src);
      if (this.compressFails || !d || !bytes) return fail?.({ errMsg: 'compressImage:fail' });
      const scale = o.compressedWidth ? o.compressedWidth / d.width : o.compressedHeight ? o.compressedHeight / d.height : 1;
      const size = { width: Math.round(d.width * scale), height: Math.round(d.height * scale) };
      success?.({ tempFilePath: this.takePhoto(Math.max(16, Math.round(bytes.length * scale * scale)), size), errMsg: 'compressImage:ok' });
    }, 0);
  }

  /** a file received in a WeChat chat, as wx.chooseMessageFile hands it over: a temporary file keeping its extension */
  receiveFile(name: string, bytes = 2000): string {
    const file = `chat-${++this.photoCount}${/\.[A-Za-z0-9]{1,5}$/.exec(name)?.[0] ?? ''}`;
    fs.writeFileSync(path.join(this.root, 'tmp', file), Buffer.alloc(bytes, 0x25));
    return `${TEMP_PREFIX}${file}`;
  }

  takePhoto(bytes = 1000, size = { width: 1000, height: 750 }): string {
    const name = `photo-${++this.photoCount}.jpg`;
    this.dimensions.set(`${TEMP_PREFIX}${name}`, size);
    const header = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
    const body = Buffer.alloc(Math.max(0, bytes - header.length), this.photoCount % 251);
    fs.writeFileSync(path.join(this.root, 'tmp', name), Buffer.concat([header, body]).subarray(0, bytes));
    return `${TEMP_PREFIX}${name}`;
  }

  /** WeChat killed and opened again: temporary files are gone; user files (and wx storage, kept by the test) stay. */
  restart(): void {
    fs.rmSync(path.join(this.root, 'tmp'), { recursive: true, force: true });
    fs.mkdirSync(path.join(this.root, 'tmp'));
  }

  /** Bytes the user files take (what counts against the quota). */
  userBytes(): number {
    return this.filesUnder(path.join(this.root, 'usr')).reduce((n, f) => n + fs.statSync(f).size, 0);
  }

  /** The user files as wx paths, sorted. */
  userFiles(): string[] {
    const usr = path.join(this.root, 'usr');
    return this.filesUnder(usr)
      .map((f) => `${USER_DATA_PATH}/${path.relative(usr, f).split(path.sep).join('/')}`)
      .sort();
  }

  /** The temporary files as wx paths, sorted. */
  tempFiles(): string[] {
    const tmp = path.join(this.root, 'tmp');
    return this.filesUnder(tmp)
      .map((f) => `${TEMP_PREFIX}${path.relative(tmp, f).split(path.sep).join('/')}`)
      .sort();
  }

  /** A user file written by other means (e.g. left by an earlier launch), `bytes` long. */
  putUserFile(wxPath: string, bytes: number): void {
    const host = wxPath.startsWith(`${USER_DATA_PATH}/`) ? this.hostPath(wxPath) : null;
    if (!host) throw new Error(`not a user file path: ${wxPath}`);
    fs.mkdirSync(path.dirname(host), { recursive: true });
    fs.writeFileSync(host, Buffer.alloc(bytes));
  }

  /** A file's bytes, or null when it does not exist (e.g. a temporary photo after a restart). */
  read(wxPath: string): Buffer | null {
    const host = this.hostPath(wxPath);
    return host && fs.existsSync(host) && fs.statSync(host).isFile() ? fs.readFileSync(host) : null;
  }

  private filesUnder(dir: string): string[] {
    if (!fs.existsSync(dir)) return [];
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const full = path.join(dir, e.name);
      return e.isDirectory() ? this.filesUnder(full) : [full];
    });
  }

  private existing(api: string, wxPath: string): string {
    const host = this.hostPath(wxPath);
    if (!host || !fs.existsSync(host)) throw fail(api, 1300002, `no such file or directory ${wxPath}`);
    return host;
  }

  /** Where a write may go: under USER_DATA_PATH, its parent directory existing. */
  private writable(api: string, wxPath: string): string {
    if (!wxPath.startsWith(`${USER_DATA_PATH}/`)) throw fail(api, 1300013, `permission denied, open ${wxPath}`);
    const host = this.hostPath(wxPath);
    if (!host || !fs.existsSync(path.dirname(host))) throw fail(api, 1300002, `no such file or directory ${wxPath}`);
    return host;
  }

  private checkQuota(api: string, adding: number): void {
    if (this.userBytes() + adding > this.quotaBytes) throw fail(api, 1300202, 'the maximum size of the file storage limit is exceeded');
  }

  /** The object wx.getFileSystemManager() answers for this phone. */
  fileSystemManager(): Json {
    const sync =
      <A extends unknown[], R>(api: string, run: (...args: A) => R) =>
      (...args: A): R => {
        this.fsCalls.push(api);
        try {
          return run(...args);
        } catch (e) {
          // the sync APIs throw an Error whose message is the errMsg
          if (e instanceof WxFileError) throw new Error(e.error.errMsg, { cause: e });
          throw e;
        }
      };
    // the async APIs answer through callbacks, after the current task like the real ones
    const async =
      <O extends Callbacks>(api: string, run: (o: O) => Json) =>
      (o: O): void => {
        this.fsCalls.push(api);
        let outcome: { ok: true; res: Json } | { ok: false; err: Json };
        try {
          outcome = { ok: true, res: { errMsg: `${api}:ok`, ...run(o) } };
        } catch (e) {
          if (!(e instanceof WxFileError)) throw e;
          outcome = { ok: false, err: { ...e.error } };
        }
        setTimeout(() => {
          if (outcome.ok) o.success?.(outcome.res);
          else o.fail?.(outcome.err);
          o.complete?.(outcome.ok ? outcome.res : outcome.err);
        }, 0);
      };

    const saveFile = (api: string, tempFilePath: string, filePath: string | undefined) => {
      const src = this.hostPath(tempFilePath);
      if (!tempFilePath.startsWith(TEMP_PREFIX) || !src || !fs.existsSync(src)) throw fail(api, 1301112, 'tempFilePath file not exist');
      if (!filePath) throw new Error(`${api}: the simulated phone needs filePath (the product always gives one)`);
      const dest = this.writable(api, filePath);
      this.checkQuota(api, fs.statSync(src).size);
      fs.renameSync(src, dest); // saveFile moves the temporary file
      return filePath;
    };
    const copyFile = (api: string, srcPath: string, destPath: string) => {
      const src = this.existing(api, srcPath);
      const dest = this.writable(api, destPath);
      this.checkQuota(api, fs.statSync(src).size);
      fs.copyFileSync(src, dest);
    };
    const unlink = (api: string, wxPath: string) => {
      const host = this.existing(api, wxPath);
      if (!wxPath.startsWith(`${USER_DATA_PATH}/`)) throw fail(api, 1300013, `permission denied, open ${wxPath}`);
      if (fs.statSync(host).isDirectory()) throw fail(api, 1300021, 'Is a directory');
      fs.unlinkSync(host);
    };
    const stats = (host: string) => {
      const s = fs.statSync(host);
      return {
        size: s.size,
        mode: s.mode,
        lastAccessedTime: 0,
        lastModifiedTime: Math.floor(s.mtimeMs / 1000),
        isFile: () => s.isFile(),
        isDirectory: () => s.isDirectory(),
      };
    };

    return {
      saveFile: async('saveFile', (o: Json & Callbacks) => ({ savedFilePath: saveFile('saveFile', o.tempFilePath, o.filePath) })),
      saveFileSync: sync('saveFileSync', (tempFilePath: string, filePath?: string) => saveFile('saveFileSync', tempFilePath, filePath)),
      copyFile: async('copyFile', (o: Json & Callbacks) => (copyFile('copyFile', o.srcPath, o.destPath), {})),
      copyFileSync: sync('copyFileSync', (srcPath: string, destPath: string) => copyFile('copyFileSync', srcPath, destPath)),
      accessSync: sync('accessSync', (p: string) => void this.existing('accessSync', p)),
      access: async('access', (o: Json & Callbacks) => (this.existing('access', o.path), {})),
      mkdirSync: sync('mkdirSync', (dirPath: string, recursive?: boolean) => {
        const host = dirPath.startsWith(`${USER_DATA_PATH}/`) ? this.hostPath(dirPath) : null;
        if (!host) throw fail('mkdirSync', 1300013, `permission denied, open ${dirPath}`);
        if (fs.existsSync(host)) throw fail('mkdirSync', 1301005, `file already exists ${dirPath}`);
        if (!recursive && !fs.existsSync(path.dirname(host))) throw fail('mkdirSync', 1300002, `no such file or directory ${dirPath}`);
        fs.mkdirSync(host, { recursive: Boolean(recursive) });
      }),
      readdirSync: sync('readdirSync', (dirPath: string) => {
        const host = this.existing('readdirSync', dirPath);
        if (!fs.statSync(host).isDirectory()) throw fail('readdirSync', 1300020, 'not a directory');
        return fs.readdirSync(host);
      }),
      statSync: sync('statSync', (p: string, recursive?: boolean) => {
        if (recursive) throw new Error('statSync(path, true) is not simulated');
        return stats(this.existing('statSync', p));
      }),
      unlinkSync: sync('unlinkSync', (p: string) => unlink('unlinkSync', p)),
      unlink: async('unlink', (o: Json & Callbacks) => (unlink('unlink', o.filePath), {})),
    };
  }

  dispose(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
    phones.delete(this);
  }
}

// every phone's directory goes when the test file ends (this module is loaded while the file's tests are collected)
if (typeof afterAll === 'function') afterAll(() => [...phones].forEach((p) => p.dispose()));
