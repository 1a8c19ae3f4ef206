// The whistle-blower's receipt: the only thing that links a person to a report, and it stays on their phone.
// The hazard id and the stored receiptHash are one-way functions of it, so holding the receipt finds the report and
// nothing stored leads back to the receipt or the person.
import { createHash, randomBytes } from 'crypto';

/** no 0/O/1/I: the code is read aloud and typed back by hand */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const RECEIPT_CHARS = 12;

/** 12 characters of a 32-letter alphabet (60 bits) from 15 bytes of entropy, grouped `XXXX-XXXX-XXXX`. */
export function receiptFromBytes(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < RECEIPT_CHARS; i++) out += ALPHABET[bytes[i] % 32];
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8, 12)}`;
}

export function randomReceipt(): string {
  return receiptFromBytes(randomBytes(RECEIPT_CHARS));
}

/** Typed back by hand: case, spaces and dashes do not matter; null when it cannot be a receipt. */
export function normalizeReceipt(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s-]/g, '');
  if (raw.length !== RECEIPT_CHARS || [...raw].some((c) => !ALPHABET.includes(c))) return null;
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}`;
}

export function receiptHash(receipt: string): string {
  return createHash('sha256').update(`receipt\u0000${receipt}`).digest('hex');
}

export function whistleHazardId(receipt: string): string {
  return `whistle-${createHash('sha256').update(`hazard\u0000${receipt}`).digest('hex').slice(0, 32)}`;
}
