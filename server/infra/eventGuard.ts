// What an event must be before anything reads it: a plain JSON object within CloudBase's 100 KB callFunction limit and
// not nested deeper than any real form needs. Checked without recursion, so a hostile 20,000-deep event cannot overflow the stack.
import { AppError } from './errors';

/** CloudBase refuses callFunction payloads over 100 KB; the client checks the same before sending. */
export const MAX_EVENT_BYTES = 100 * 1024;
/** the deepest real event (a visit with its checklist and hazards) is 4 levels; 32 leaves room and stops abuse */
export const MAX_EVENT_DEPTH = 32;

export const TOO_LARGE_MESSAGE = '提交的内容过大（超过100KB），请减少文字或分次提交';
export const TOO_DEEP_MESSAGE = '提交的内容格式有误（嵌套层级过深）';

/** Depth of a JSON value (a scalar is 0, {} is 1), stopping as soon as `limit` is passed. */
export function jsonDepth(value: unknown, limit = Number.MAX_SAFE_INTEGER): number {
  let max = 0;
  const stack: { v: unknown; d: number }[] = [{ v: value, d: 0 }];
  while (stack.length) {
    const { v, d } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    const depth = d + 1;
    if (depth > max) max = depth;
    if (max > limit) return max;
    for (const child of Array.isArray(v) ? v : Object.values(v as Record<string, unknown>)) {
      if (child !== null && typeof child === 'object') stack.push({ v: child, d: depth });
    }
  }
  return max;
}

/** Refuse an event that is too deep or too large, with a stable code and a Chinese message. */
export function guardEvent(event: unknown): void {
  if (jsonDepth(event, MAX_EVENT_DEPTH) > MAX_EVENT_DEPTH) throw new AppError('INVALID_INPUT', TOO_DEEP_MESSAGE);
  let bytes: number;
  try {
    bytes = Buffer.byteLength(JSON.stringify(event ?? {}), 'utf8');
  } catch {
    throw new AppError('INVALID_INPUT', '提交的内容格式有误');
  }
  if (bytes > MAX_EVENT_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', TOO_LARGE_MESSAGE);
}
