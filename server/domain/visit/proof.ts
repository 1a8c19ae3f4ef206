// Proof of presence at the door: the QR on the household's knock-action card 明白卡, or GPS near the household.
import { createHash } from 'crypto';
import type { GeoPoint } from '../../../typings/org';
import type { ProofKind } from './records';
import type { Problem } from './problem';

export const CARD_PAGE = 'pages/card/index';
/** a visit the household has not confirmed yet is put before the villager on the home page for this many days */
export const CONFIRM_PROMPT_DAYS = 30;
/** and at most this many of them, newest first */
export const CONFIRM_PROMPT_MAX = 3;

/** GPS within this distance of the household's registered location counts as presence */
export const GPS_PROOF_RADIUS_M = 200;

/**
 * The card's QR scene: `h=` and 16 characters derived from the household id (and the deployment's card secret),
 * within wxacode's 32-character limit whatever the length of CloudBase's ids.
 */
export function cardScene(householdId: string, secret: string): string {
  const digest = createHash('sha256').update(`card\u0000${secret}\u0000${householdId}`).digest('base64');
  return `h=${digest.replace(/\+/g, '-').replace(/\//g, '_').slice(0, 16)}`;
}

/** A scene as the scanner or the page may hand it over: raw, URL-encoded, or with spaces. */
export function normalizeScene(scene: string): string {
  let text = scene.trim();
  try {
    text = decodeURIComponent(text);
  } catch {
    return text;
  }
  return text.replace(/\s+/g, '');
}

const EARTH_RADIUS_M = 6371_000;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres (haversine). */
export function distanceMeters(a: GeoPoint, b: GeoPoint): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface PresenceInput {
  householdId: string;
  householdLocation: GeoPoint | null;
  cardQrScene?: string;
  location?: GeoPoint | null;
  secret: string;
}

export type Presence = { ok: true; proofs: ProofKind[] } | { ok: false; problem: Problem };

/** A scanned card must be this household's; GPS counts within 200 m; no proof at all still counts but is flagged. */
export function presenceProofs(input: PresenceInput): Presence {
  const proofs: ProofKind[] = [];
  if (input.cardQrScene !== undefined) {
    if (normalizeScene(input.cardQrScene) !== cardScene(input.householdId, input.secret)) {
      return {
        ok: false,
        problem: { code: 'PROOF_MISMATCH', message: '扫描的明白卡二维码不是本户的，请扫描本户门上的明白卡', field: 'proof.cardQrScene' },
      };
    }
    proofs.push('cardQr');
  }
  if (input.location && input.householdLocation && distanceMeters(input.location, input.householdLocation) <= GPS_PROOF_RADIUS_M)
    proofs.push('gps');
  return { ok: true, proofs };
}
