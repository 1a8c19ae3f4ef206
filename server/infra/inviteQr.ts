// The invitation QR: a mini-program code for the join page (wxacode.getUnlimited), stored as a PNG in cloud storage.
import { getCloud } from './cloud';

export interface QrOutcome {
  fileId: string | null;
  /** why there is no QR; the invite code still works without it */
  problem: string | null;
}

interface UnlimitedReply {
  buffer?: Buffer | Uint8Array;
  errCode?: number;
  errMsg?: string;
}

export async function makeInviteQr(scene: string, page: string, code: string): Promise<QrOutcome> {
  const cloud = getCloud();
  try {
    // checkPath false: a code for an unpublished (trial/develop) page must still be printable
    const reply = (await cloud.openapi.wxacode.getUnlimited({ scene, page, checkPath: false })) as UnlimitedReply;
    if (!reply.buffer || (reply.errCode !== undefined && reply.errCode !== 0)) {
      console.warn('[inviteQr] getUnlimited refused', reply.errCode, reply.errMsg);
      return { fileId: null, problem: '二维码生成失败，请使用邀请码加入' };
    }
    const upload = await cloud.uploadFile({ cloudPath: `invites/${code}.png`, fileContent: Buffer.from(reply.buffer) });
    return { fileId: upload.fileID, problem: null };
  } catch (err) {
    console.warn('[inviteQr] failed', err);
    return { fileId: null, problem: '二维码生成失败，请使用邀请码加入' };
  }
}
