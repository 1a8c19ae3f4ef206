// The knock-action card's QR: a mini-program code (wxacode.getUnlimited) whose scene identifies the household.
import { cardScene, CARD_PAGE } from '../domain/visit/proof';
import { getCloud } from './cloud';
import { AppError } from './errors';

const LOCAL_CARD_SECRET = 'neighbour-watch-local-card-secret';
/** shorter than this is as good as none: the card's QR would be forgeable from the household id */
export const MIN_SECRET_LENGTH = 16;

/** The per-deployment secret mixed into card scenes (changing it invalidates every printed card); required, never ''. */
export function cardSecret(): string {
  const set = process.env.CARD_QR_SECRET;
  if (set && set.length >= MIN_SECRET_LENGTH) return set;
  // only the local emulator may run on the built-in secret; a deployment without its own refuses loudly
  if (process.env.NW_EMULATOR === '1') return LOCAL_CARD_SECRET;
  throw new AppError('CONFIG_MISSING', '明白卡二维码暂不可用：服务端未配置 CARD_QR_SECRET（至少16个字符），请联系管理员');
}

export function sceneOf(householdId: string): string {
  return cardScene(householdId, cardSecret());
}

interface UnlimitedReply {
  buffer?: Buffer | Uint8Array;
  errCode?: number;
  errMsg?: string;
}

export const QR_PROBLEM = '明白卡二维码生成失败，请稍后再试';

/** a card's QR link is good for a day: long enough to print, short enough not to be a standing public address */
const QR_LINK_SECONDS = 24 * 3600;

/** The card's QR image (PNG) for a household, or null when WeChat refused or failed (logged). */
export async function cardQrImage(householdId: string): Promise<Buffer | null> {
  const scene = sceneOf(householdId); // outside the try: a missing secret is CONFIG_MISSING, not a passing QR problem
  try {
    // checkPath false: the card page may not be published yet when cards are printed
    const reply = (await getCloud().openapi.wxacode.getUnlimited({ scene, page: CARD_PAGE, checkPath: false })) as UnlimitedReply;
    if (!reply.buffer || (reply.errCode !== undefined && reply.errCode !== 0)) {
      console.warn('[cardQr] getUnlimited refused', reply.errCode, reply.errMsg);
      return null;
    }
    return Buffer.from(reply.buffer);
  } catch (err) {
    console.warn('[cardQr] failed', err);
    return null;
  }
}

export async function makeCardQr(householdId: string): Promise<{ fileId: string | null; url: string | null; problem: string | null }> {
  const image = await cardQrImage(householdId);
  if (!image) return { fileId: null, url: null, problem: QR_PROBLEM };
  const cloud = getCloud();
  try {
    const upload = await cloud.uploadFile({ cloudPath: `cards/${householdId}.png`, fileContent: image });
    // storage is private (scripts/deploy.ts): the phone gets a temporary link, never a readable file ID
    const links = (await cloud.getTempFileURL({ fileList: [{ fileID: upload.fileID, maxAge: QR_LINK_SECONDS }] })) as {
      fileList: { tempFileURL?: string }[];
    };
    return { fileId: upload.fileID, url: links.fileList[0]?.tempFileURL || null, problem: null };
  } catch (err) {
    console.warn('[cardQr] upload failed', err);
    return { fileId: null, url: null, problem: QR_PROBLEM };
  }
}
