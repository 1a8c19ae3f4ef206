// Join a household/grid with an invite code or the scene of an invite QR (`i=CODE`); the server accepts both.
import type { AcceptInviteResult } from '../../../typings/org';
import type { Result } from '../../../typings/result';
import { callCloud } from '../callCloud';

export function acceptInvite(code: string): Promise<Result<AcceptInviteResult>> {
  return callCloud('org', 'acceptInvite', { code: code.trim() });
}

/** The invite code inside a QR scene as WeChat hands it over (`i%3DCODE` or `i=CODE`); '' when it is not an invite. */
export function inviteCodeFromScene(scene: string | undefined): string {
  if (!scene) return '';
  const m = /^i=(.+)$/.exec(safeDecode(scene));
  return m ? m[1] : '';
}

/** The scene inside a scanned mini-program code's path (`pages/home/index?scene=i%3DCODE`). */
export function sceneFromPath(path: string | undefined): string {
  const m = /[?&]scene=([^&]+)/.exec(path ?? '');
  return m ? safeDecode(m[1]) : '';
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
