// One place that shows instants: China time (UTC+8) whatever the phone's zone (SPEC §3). Main package, so every
// subpackage uses the same formatter.
const CST_MS = 8 * 3600_000;
const two = (n: number) => String(n).padStart(2, '0');

function cstDate(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : new Date(t + CST_MS);
}

/** `2025-01-10 09:00` */
export function cstTime(iso: string | null | undefined): string {
  const d = cstDate(iso);
  return d ? d.toISOString().slice(0, 16).replace('T', ' ') : '';
}

/** `12月1日 09:00` */
export function cstShort(iso: string | null | undefined): string {
  const d = cstDate(iso);
  return d ? `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}` : '';
}

/** `2026年12月1日 09:00` */
export function cstDateTime(iso: string | null | undefined): string {
  const d = cstDate(iso);
  return d ? `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}` : '';
}

/** Today's CST day, `YYYY-MM-DD`. */
export function cstDay(now = new Date()): string {
  return new Date(now.getTime() + CST_MS).toISOString().slice(0, 10);
}

/** `2026-12-05` → `2026年12月5日` */
export function cstDayText(day: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day ?? '');
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : '';
}

/** A CST day and "HH:mm" as the ISO instant the server wants. */
export function cstInstant(day: string, time: string): string {
  return `${day}T${time}:00+08:00`;
}

/** A percentage or "—" when there is nothing to measure. */
export function pctText(pct: number | null): string {
  return pct === null ? '—' : `${pct}%`;
}
