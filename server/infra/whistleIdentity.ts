// The whistle-blower's identity exists on the server only as a keyed hash (HMAC-SHA256 with WHISTLE_SALT): enough to
// count a reporter's reports per day, useless for finding who they are without the secret and the OPENID together.
import { createHmac } from 'crypto';
import { AppError } from './errors';
import { receiptFromBytes, RECEIPT_CHARS } from '../domain/resident/receipt';

const LOCAL_SALT = 'neighbour-watch-local-whistle-salt';

function salt(): string {
  const set = process.env.WHISTLE_SALT;
  if (set && set.length >= 16) return set;
  // only the local emulator may run on the built-in secret; a deployment without its own refuses loudly
  if (process.env.NW_EMULATOR === '1') return LOCAL_SALT;
  throw new AppError('CONFIG_MISSING', '吹哨人举报暂不可用：服务端未配置 WHISTLE_SALT（至少16个字符），请联系管理员');
}

export function reporterHash(openid: string): string {
  return createHmac('sha256', salt()).update(`reporter\u0000${openid}`).digest('hex');
}

/** The same (OPENID, idempotency key) always yields the same receipt, so a retried submission finds its first report. */
export function retryableReceipt(openid: string, idempotencyKey: string): string {
  const mac = createHmac('sha256', salt()).update(`receipt\u0000${openid}\u0000${idempotencyKey}`).digest();
  return receiptFromBytes(mac.subarray(0, RECEIPT_CHARS));
}

export function whistleLimitId(hash: string, day: string): string {
  return `${hash}:${day}`;
}
