// When a contact or a report happened: server time, or — for one captured offline — the phone's time if it lies in the
// window. "A contact belongs to the ISO week of its time", so the week follows from the instant this returns.

export const OFFLINE_WINDOW_MS = 48 * 3600_000;
/** phone clocks drift: a device time this little ahead of the server is taken as "now" rather than refused */
export const CLOCK_SKEW_MS = 5 * 60_000;

export type ResolvedTime =
  { ok: true; at: Date; offline: boolean } | { ok: false; code: 'OFFLINE_TOO_LATE' | 'FUTURE_TIME'; message: string };

export function resolveEventTime(now: Date, deviceTime?: Date | null): ResolvedTime {
  if (!deviceTime) return { ok: true, at: now, offline: false };
  const lag = now.getTime() - deviceTime.getTime();
  if (lag < -CLOCK_SKEW_MS) return { ok: false, code: 'FUTURE_TIME', message: '记录时间晚于当前时间，请检查手机时间设置后重试' };
  if (lag > OFFLINE_WINDOW_MS)
    return { ok: false, code: 'OFFLINE_TOO_LATE', message: '离线记录已超过48小时，不能再补报；请重新联络后当场确认' };
  return { ok: true, at: lag < 0 ? now : deviceTime, offline: true };
}
