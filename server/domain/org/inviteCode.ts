// Invite codes people can read aloud or type, and the QR `scene` that carries them (wxacode.getUnlimited).

/** no 0/O, 1/I/L: codes are read off paper and typed on old phones */
export const INVITE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const INVITE_CODE_LENGTH = 8;
export const INVITE_PAGE = 'pages/join/index';
export const DEFAULT_INVITE_DAYS = 7;

/** wxacode.getUnlimited: scene at most 32 visible characters from this set */
const SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

/** `randomBytes` is injected so the rule stays pure and testable. */
export function newInviteCode(randomBytes: (n: number) => Uint8Array): string {
  const bytes = randomBytes(INVITE_CODE_LENGTH);
  let code = '';
  for (let i = 0; i < INVITE_CODE_LENGTH; i++) code += INVITE_ALPHABET[bytes[i] % INVITE_ALPHABET.length];
  return code;
}

export function inviteScene(code: string): string {
  const scene = `i=${code}`;
  if (!SCENE_PATTERN.test(scene)) throw new Error(`invalid QR scene: ${scene}`);
  return scene;
}

export function isValidScene(scene: string): boolean {
  return SCENE_PATTERN.test(scene);
}

/** Accepts what a person may paste or the join page may receive: the code, `i=CODE`, or a URL-encoded scene; lower case and spaces tolerated. */
export function parseInviteCode(input: string): string | null {
  let text = input.trim();
  try {
    text = decodeURIComponent(text);
  } catch {
    return null;
  }
  const match = /^(?:i=)?([0-9A-Za-z]+)$/.exec(text.replace(/\s+/g, ''));
  if (!match) return null;
  const code = match[1].toUpperCase();
  if (code.length !== INVITE_CODE_LENGTH) return null;
  for (const ch of code) if (!INVITE_ALPHABET.includes(ch)) return null;
  return code;
}

export function inviteExpiry(now: Date, validDays: number): Date {
  return new Date(now.getTime() + validDays * 24 * 3600 * 1000);
}
