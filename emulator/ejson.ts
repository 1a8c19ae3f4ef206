// The SDK speaks canonical Extended JSON; the store holds plain JS values (Date, RegExp) that mingo understands.
import { EJSON, BSONRegExp } from 'bson';

export type Doc = Record<string, any>;

/** Decode one EJSON string from the SDK, resolving regexes and db.serverDate() against the emulator clock. */
export function decode(text: string, now: () => Date): any {
  return resolve(EJSON.parse(text, { relaxed: true }), now);
}

export function encode(value: unknown): string {
  return EJSON.stringify(value as Doc, { relaxed: false });
}

function resolve(value: any, now: () => Date): any {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value;
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, value.options.replace(/[^ims]/g, ''));
  if (Array.isArray(value)) return value.map((v) => resolve(v, now));
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === '$tcb_server_date') {
    const offset = Number(value.$tcb_server_date?.offset ?? 0);
    return new Date(now().getTime() + offset);
  }
  const out: Doc = {};
  for (const k of keys) out[k] = resolve(value[k], now);
  return out;
}

/** Stored form of a document: canonical EJSON keeps Dates and number types across restarts. */
export function deepClone<T>(doc: T): T {
  return EJSON.parse(EJSON.stringify(doc as Doc, { relaxed: false }), { relaxed: true }) as T;
}
