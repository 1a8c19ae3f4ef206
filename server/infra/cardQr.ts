// The knock-action card's QR: a mini-program code (wxacode.getUnlimited) whose scene identifies the household.
import { cardScene, CARD_PAGE } from '../domain/visit/proof';
import { getCloud } from './cloud';

/** Optional per-deployment secret mixed into card scenes; changing it invalidates every printed card. */
export function cardSecret(): string {
  return process.env.CARD_QR_SECRET ?? '';
}

export function sceneOf(householdId: string): string {
  return cardScene(householdId, cardSecret());
}

interface UnlimitedReply {
  buffer?: Buffer | Uint8Array;
  errCode?: number;
  errMsg?: string;
}

const QR_PROBLEM = '明白卡二维码生成失败，请稍后再试';

export async function makeCardQr(householdId: string): Promise<{ fileId: string | null; problem: string | null }> {
  const cloud = getCloud();
  try {
    // checkPath false: the card page may not be published yet when cards are printed
    const reply = (await cloud.openapi.wxacode.getUnlimited({ scene: sceneOf(householdId), page: CARD_PAGE, checkPath: false })) as UnlimitedReply;
    if (!reply.buffer || (reply.errCode !== undefined && reply.errCode !== 0)) {
      console.warn('[cardQr] getUnlimited refused', reply.errCode, reply.errMsg);
      return { fileId: null, problem: QR_PROBLEM };
    }
    const upload = await cloud.uploadFile({ cloudPath: `cards/${householdId}.png`, fileContent: Buffer.from(reply.buffer) });
    return { fileId: upload.fileID, problem: null };
  } catch (err) {
    console.warn('[cardQr] failed', err);
    return { fileId: null, problem: QR_PROBLEM };
  }
}
